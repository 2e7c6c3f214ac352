/*
 * fraction.c - the "fraction" method: the input already is the fraction.
 *
 * For scores computed elsewhere: f = input, which must lie in [0, 1];
 * raw = input.
 */
#include <chiso/plugin.h>

#include <stdlib.h>

#include <chiso/plugin_util.h>

struct fraction_state {
	int slot; /* the numeric input holding the fraction */
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
	                "name the numeric input holding a fraction in [0, 1], "
	                "e.g. input: survey_score");
	if (bad || slot < 0)
		return -1;
	st = malloc(sizeof(*st));
	if (!st) {
		host->error(ctx, NULL, "fraction: out of memory");
		return -1;
	}
	st->slot = slot;
	*state = st;
	return 0;
}

/* Scores one unit: the input itself, checked to lie in [0, 1]. */
static void fraction_compute(const chiso_host_api *host, const void *state,
                             const chiso_unit *unit, chiso_outcome *out)
{
	const struct fraction_state *st = state;
	double v;

	if (host->get_number(unit, st->slot, &v) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "input has no value");
		return;
	}
	if (!(v >= 0 && v <= 1)) {
		cpu_fail(out,
		         "%.10g is outside [0, 1]; the input must hold a "
		         "fraction of the points",
		         v);
		return;
	}
	out->fraction = v;
	out->raw = v;
	out->has_raw = 1;
	cpu_note(out, "fraction %.10g", v);
}

/* Frees the state. */
static void fraction_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "fraction", .version = "1.1",
                    .summary = "a numeric input that already holds the "
                               "fraction of the points",
                    .params_doc = "input: numeric input id holding a "
                                  "fraction in [0, 1] computed elsewhere\n",
                    .prepare = fraction_prepare, .compute = fraction_compute,
                    .release = fraction_release)
