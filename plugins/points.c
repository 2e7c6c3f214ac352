/*
 * points.c - the "points" method: the input holds the points earned.
 *
 * f = input / the indicator's points; the input must lie in [0, points].
 * An indicator with 0 points scores f = 0. raw = input.
 */
#include <chiso/plugin.h>

#include <math.h>
#include <stdlib.h>

#include "builtin_i18n.h"

struct points_state {
	int slot;       /* the numeric input holding the points earned */
	double points;  /* the indicator's points, >= 0 */
	const char *id; /* the input's id (host's) */
	int vi;         /* notes in Vietnamese */
	const char *of, *unit_word, *zero; /* words of the notes */
};

static const char *const points_keys[] = {"input", NULL};

/* Validates the params, binds the input and keeps the points. */
static int points_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                          void **state)
{
	const chiso_param *params;
	struct points_state *st;
	double points = host->indicator_points(ctx);
	int bad = 0, slot;

	params = cpu_params(host, ctx, points_keys, &bad);
	if (!params)
		return -1;
	slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_NUMERIC,
	                TP_("name the numeric input holding the points earned, "
	                    "e.g. input: training_points"));
	if (!(isfinite(points) && points >= 0)) {
		host->error(
		        ctx, NULL,
		        TP_("the points method needs the indicator's points "
		            "to be a number >= 0 (got %.10g)"),
		        points);
		bad = 1;
	}
	if (bad || slot < 0)
		return -1;
	st = malloc(sizeof(*st));
	if (!st) {
		host->error(ctx, NULL, "%s", TP_("points: out of memory"));
		return -1;
	}
	st->slot = slot;
	st->points = points;
	st->id = cpu_input_id(host, ctx, slot);
	st->vi = cpu_is_vi(host, ctx);
	/* TRANSLATORS: "4 of 5 points": between the points earned and the
	 * indicator's points */
	st->of = T_(st->vi, " of ");
	/* TRANSLATORS: "4 of 5 points": after the indicator's points */
	st->unit_word = T_(st->vi, " points");
	st->zero = T_(st->vi, "indicator has 0 points");
	*state = st;
	return 0;
}

/* Scores one unit: the points earned over the indicator's points. */
static void points_compute(const chiso_host_api *host, const void *state,
                           const chiso_unit *unit, chiso_outcome *out)
{
	const struct points_state *st = state;
	cpu_text t;
	double v;

	if (host->get_number(unit, st->slot, &v) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", T_(st->vi, "input has no value"));
		return;
	}
	if (st->points == 0) {
		out->fraction = 0;
		out->raw = v;
		out->has_raw = 1;
		t = cpu_text_note(out);
		cpu_put(&t, st->zero);
		return;
	}
	if (!(v >= 0 && v <= st->points)) {
		cpu_fail(out,
		         T_(st->vi,
		            "%.10g is outside 0..%.10g, the indicator's "
		            "points"),
		         v, st->points);
		return;
	}
	out->fraction = v / st->points;
	out->raw = v;
	out->has_raw = 1;
	t = cpu_text_note(out);
	cpu_put_g(&t, v, 10);
	cpu_put(&t, st->of);
	cpu_put_g(&t, st->points, 10);
	cpu_put(&t, st->unit_word);
	if (v < st->points) {
		t = cpu_text_hint(out);
		cpu_put(&t, st->id);
		cpu_put(&t, " = ");
		cpu_put_g(&t, st->points, 10);
		cpu_put(&t, " ");
		cpu_put_for_lang(&t, 1, st->vi);
	}
}

/* Frees the state. */
static void points_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "points", .version = "1.1",
                    .summary = TN_("a numeric input that holds the points "
                                   "earned"),
                    .params_doc = TN_("input: numeric input id holding the "
                                      "points earned, from 0 to the "
                                      "indicator's points\n"),
                    .prepare = points_prepare, .compute = points_compute,
                    .release = points_release)
