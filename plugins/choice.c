/*
 * choice.c - the "choice" method: a fraction per choice of an input.
 *
 * scores maps every choice the input declares to a fraction in [0, 1];
 * f = the fraction of the chosen one. No raw value.
 */
#include <chiso/plugin.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "builtin_i18n.h"

struct choice_score {
	double score;     /* fraction in [0, 1] */
	const char *name; /* the host's, valid while the model is loaded */
	int seen;         /* named by scores (prepare only) */
};

struct choice_state {
	int slot;                /* the choice input */
	const char *id;          /* its id (host's) */
	int vi;                  /* hints in Vietnamese */
	size_t n;                /* choices the input declares */
	struct choice_score c[]; /* indexed like get_choice's index */
};

static const char *const choice_keys[] = {"input", "scores", NULL};

/* Index of choice name among the input's choices, or n when unknown. */
static size_t find_choice(const struct choice_state *st, const char *name)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		if (strcmp(st->c[i].name, name) == 0)
			break;
	}
	return i;
}

/* Records one entry of the scores map; returns 0, or -1 after
 * reporting. st is NULL when the input could not be bound. */
static int read_score(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                      const chiso_param *scores, size_t i,
                      struct choice_state *st, const char *input)
{
	const char *key = host->param_key_at(scores, i);
	const chiso_param *val = host->param_at(scores, i);
	char what[96], list[256];
	size_t k;
	double f;
	int bad = 0;

	if (!key)
		key = "";
	snprintf(what, sizeof(what), TP_("score of \"%s\""), key);
	if (cpu_fraction(host, ctx, val, what, &f) != 0)
		bad = 1;
	if (!st)
		return bad ? -1 : 0;
	k = find_choice(st, key);
	if (k == st->n) {
		host->error(
		        ctx, val,
		        TP_("scores: \"%s\" is not a choice of input \"%s\"; "
		            "its choices are: %s"),
		        key, input,
		        cpu_choices(host, ctx, st->slot, list, sizeof(list)));
		return -1;
	}
	if (st->c[k].seen) {
		host->error(ctx, val,
		            TP_("scores: choice \"%s\" is scored twice; keep "
		                "one"),
		            key);
		return -1;
	}
	st->c[k].seen = 1;
	if (bad)
		return -1;
	st->c[k].score = f;
	return 0;
}

/* Allocates the state for the choices of the bound slot, scores unset;
 * NULL after reporting when out of memory. */
static struct choice_state *new_state(const chiso_host_api *host,
                                      chiso_prepare_ctx *ctx, int slot)
{
	size_t n = host->input_choice_count(ctx, slot);
	struct choice_state *st = NULL;

	if (n < (SIZE_MAX - sizeof(*st)) / sizeof(st->c[0]))
		st = malloc(sizeof(*st) + n * sizeof(st->c[0]));
	if (!st) {
		host->error(ctx, NULL, "%s", TP_("choice: out of memory"));
		return NULL;
	}
	st->slot = slot;
	st->id = cpu_input_id(host, ctx, slot);
	st->vi = cpu_is_vi(host, ctx);
	st->n = n;
	for (size_t i = 0; i < n; i++) {
		const char *name = host->input_choice(ctx, slot, i);

		st->c[i].score = 0;
		st->c[i].seen = 0;
		st->c[i].name = name ? name : "";
	}
	return st;
}

/* Validates the params, binds the input and builds the score table. */
static int choice_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                          void **state)
{
	const chiso_param *params, *scores;
	struct choice_state *st = NULL;
	const char *input = NULL;
	int bad = 0, slot;

	params = cpu_params(host, ctx, choice_keys, &bad);
	if (!params)
		return -1;
	slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_CHOICE,
	                TP_("name the choice input, e.g. input: it_unit"));
	if (slot >= 0) {
		input = host->param_string(host->param_get(params, "input"));
		st = new_state(host, ctx, slot);
		if (!st)
			return -1;
	}
	scores = cpu_require(host, ctx, params, "scores",
	                     TP_("give every choice of the input a fraction, "
	                         "e.g. scores: {dedicated: 1, shared: 0.5, "
	                         "none: 0}"));
	if (!scores) {
		bad = 1;
	} else if (host->param_kind(scores) != CHISO_PARAM_MAP) {
		host->error(
		        ctx, scores, "%s",
		        TP_("scores: must be a map from each choice to its "
		            "fraction, e.g. {dedicated: 1, shared: 0.5, none: "
		            "0}"));
		bad = 1;
	} else {
		size_t n = host->param_count(scores);

		for (size_t i = 0; i < n; i++) {
			if (read_score(host, ctx, scores, i, st, input) != 0)
				bad = 1;
		}
		for (size_t i = 0; st && i < st->n; i++) {
			if (st->c[i].seen)
				continue;
			host->error(ctx, scores,
			            TP_("scores: no score for choice \"%s\" of "
			                "input \"%s\"; add one, e.g. %s: 0.5"),
			            st->c[i].name, input, st->c[i].name);
			bad = 1;
		}
	}
	if (bad || !st) {
		free(st);
		return -1;
	}
	*state = st;
	return 0;
}

/* Hints the best-scoring choice when the unit's earns less. */
static void hint_best(const struct choice_state *st, size_t k,
                      chiso_outcome *out)
{
	size_t best = k;
	cpu_text t;

	for (size_t i = 0; i < st->n; i++)
		if (st->c[i].score > st->c[best].score)
			best = i;
	if (best == k)
		return;
	t = cpu_text_hint(out);
	cpu_put(&t, st->id);
	cpu_put(&t, " = ");
	cpu_put(&t, st->c[best].name);
	cpu_put(&t, " ");
	cpu_put_for_lang(&t, st->c[best].score, st->vi);
}

/* Scores one unit: the fraction of its choice. */
static void choice_compute(const chiso_host_api *host, const void *state,
                           const chiso_unit *unit, chiso_outcome *out)
{
	const struct choice_state *st = state;
	size_t k;

	if (host->get_choice(unit, st->slot, &k) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", T_(st->vi, "input has no value"));
		return;
	}
	if (k >= st->n) {
		cpu_fail(out,
		         T_(st->vi, "choice number %zu is not one of the %zu "
		                    "declared"),
		         k, st->n);
		return;
	}
	out->fraction = st->c[k].score;
	cpu_note(out, "%s -> %g", st->c[k].name, st->c[k].score);
	hint_best(st, k, out);
}

/* Frees the state. */
static void choice_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "choice", .version = "1.1",
                    .summary =
                            TN_("a fraction for each choice of a choice input"),
                    .params_doc = TN_(
                            "input: choice input id\n"
                            "scores: map from every declared choice to its "
                            "fraction in [0, 1], e.g. {dedicated: 1, "
                            "shared: 0.5, none: 0}\n"),
                    .prepare = choice_prepare, .compute = choice_compute,
                    .release = choice_release)
