/*
 * fraction.c - the "fraction" method: the input already is the fraction.
 *
 * For scores computed elsewhere: f = input, which must lie in [0, 1];
 * raw = input.
 */
#include <chiso/plugin.h>

#include <stdlib.h>

#include "builtin_i18n.h"

struct fraction_state {
	int slot;         /* the numeric input holding the fraction */
	int vi;           /* notes in Vietnamese */
	const char *word; /* "fraction " before the value */
};

static const char *const fraction_keys[] = {"input", NULL};

/* Validates the params and binds the input. */
static int fraction_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                            void **state)
{
	const chiso_param *params;
	struct fraction_state *st;
	int bad = 0, slot;

	params = cpu_params(host, ctx, fraction_keys, &bad);
	if (!params)
		return -1;
	slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_NUMERIC,
	                TP_("name the numeric input holding a fraction in "
	                    "[0, 1], e.g. input: survey_score"));
	if (bad || slot < 0)
		return -1;
	st = malloc(sizeof(*st));
	if (!st) {
		host->error(ctx, NULL, "%s", TP_("fraction: out of memory"));
		return -1;
	}
	st->slot = slot;
	st->vi = cpu_is_vi(host, ctx);
	/* TRANSLATORS: "fraction 0.75": the note of the fraction method */
	st->word = T_(st->vi, "fraction ");
	*state = st;
	return 0;
}

/* Scores one unit: the input itself, checked to lie in [0, 1]. */
static void fraction_compute(const chiso_host_api *host, const void *state,
                             const chiso_unit *unit, chiso_outcome *out)
{
	const struct fraction_state *st = state;
	cpu_text t;
	double v;

	if (host->get_number(unit, st->slot, &v) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", T_(st->vi, "input has no value"));
		return;
	}
	if (!(v >= 0 && v <= 1)) {
		cpu_fail(out,
		         T_(st->vi,
		            "%.10g is outside [0, 1]; the input must hold "
		            "a fraction of the points"),
		         v);
		return;
	}
	out->fraction = v;
	out->raw = v;
	out->has_raw = 1;
	t = cpu_text_note(out);
	cpu_put(&t, st->word);
	cpu_put_g(&t, v, 10);
}

/* Frees the state. */
static void fraction_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "fraction", .version = "1.1",
                    .summary = TN_("a numeric input that already holds the "
                                   "fraction of the points"),
                    .params_doc = TN_(
                            "input: numeric input id holding a "
                            "fraction in [0, 1] computed elsewhere\n"),
                    .prepare = fraction_prepare, .compute = fraction_compute,
                    .release = fraction_release)
