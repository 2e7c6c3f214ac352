/*
 * boolean.c - the "boolean" method: full points for a true input.
 *
 * f = 1 when the boolean input is true, else 0; raw = 1 or 0.
 */
#include <chiso/plugin.h>

#include <stdlib.h>

#include "builtin_i18n.h"

struct boolean_state {
	int slot;             /* the boolean input */
	const char *id;       /* its id (host's) */
	const char *yes, *no; /* the notes, in the run's language */
	const char *full;     /* the hint after the id */
	const char *no_value; /* the error note */
};

static const char *const boolean_keys[] = {"input", NULL};

/* Validates the params and binds the input. */
static int boolean_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                           void **state)
{
	const chiso_param *params;
	struct boolean_state *st;
	int bad = 0, slot, vi;

	params = cpu_params(host, ctx, boolean_keys, &bad);
	if (!params)
		return -1;
	slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_BOOLEAN,
	                TP_("name the boolean input, e.g. input: has_portal"));
	if (bad || slot < 0)
		return -1;
	st = malloc(sizeof(*st));
	if (!st) {
		host->error(ctx, NULL, "%s", TP_("boolean: out of memory"));
		return -1;
	}
	st->slot = slot;
	st->id = cpu_input_id(host, ctx, slot);
	vi = cpu_is_vi(host, ctx);
	/* TRANSLATORS: the note of a boolean indicator whose input is true */
	st->yes = T_(vi, "yes");
	/* TRANSLATORS: the note of a boolean indicator whose input is false */
	st->no = T_(vi, "no");
	/* TRANSLATORS: follows "INPUT_ID" in the hint of a false boolean */
	st->full = T_(vi, " = true for full points");
	st->no_value = T_(vi, "input has no value");
	*state = st;
	return 0;
}

/* Scores one unit: 1 for yes, 0 for no. */
static void boolean_compute(const chiso_host_api *host, const void *state,
                            const chiso_unit *unit, chiso_outcome *out)
{
	const struct boolean_state *st = state;
	cpu_text t;
	int b;

	if (host->get_bool(unit, st->slot, &b) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", st->no_value);
		return;
	}
	out->fraction = b ? 1 : 0;
	out->raw = b ? 1 : 0;
	out->has_raw = 1;
	t = cpu_text_note(out);
	cpu_put(&t, b ? st->yes : st->no);
	if (!b) {
		t = cpu_text_hint(out);
		cpu_put(&t, st->id);
		cpu_put(&t, st->full);
	}
}

/* Frees the state. */
static void boolean_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "boolean", .version = "1.1",
                    .summary = TN_("full points when a boolean input is true"),
                    .params_doc = TN_("input: boolean input id, yes earns all "
                                      "the points, no earns none\n"),
                    .prepare = boolean_prepare, .compute = boolean_compute,
                    .release = boolean_release)
