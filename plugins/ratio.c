/*
 * ratio.c - the "ratio" method: numerator / denominator against a target.
 *
 * f = min(1, (n / d) / target); raw = n / d. A zero denominator makes the
 * indicator not applicable, or scores 0 or 1 (zero_denominator).
 */
#include <chiso/plugin.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "builtin_i18n.h"

enum zero_policy { ZERO_NA, ZERO_ZERO, ZERO_FULL };

struct ratio_state {
	int num;               /* slot of the numerator */
	int den;               /* slot of the denominator */
	double target;         /* ratio earning full points, > 0 */
	enum zero_policy zero; /* what a zero denominator scores */
	const char *num_id;    /* the numerator's input id (host's) */
	int num_integer;       /* the numerator is a count */
	int vi;                /* notes in Vietnamese */
	const char *target_word, *of, *zero_note[3]; /* words of the notes */
};

static const char *const ratio_keys[] = {"numerator", "denominator", "target",
                                         "zero_denominator", NULL};

/* Reads the optional zero_denominator policy; returns 0 or -1. */
static int read_zero(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                     const chiso_param *node, enum zero_policy *zero)
{
	const char *s = host->param_string(node);

	if (s && strcmp(s, "na") == 0)
		*zero = ZERO_NA;
	else if (s && strcmp(s, "zero") == 0)
		*zero = ZERO_ZERO;
	else if (s && strcmp(s, "full") == 0)
		*zero = ZERO_FULL;
	else {
		host->error(
		        ctx, node,
		        TP_("zero_denominator: must be na, zero or full (got "
		            "%s%s%s); na drops the indicator, zero scores 0, "
		            "full scores all its points"),
		        s ? "\"" : "", s ? s : TP_("a list or map"),
		        s ? "\"" : "");
		return -1;
	}
	return 0;
}

/* Validates the params, binds both inputs and builds the state. */
static int ratio_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                         void **state)
{
	struct ratio_state st = {.target = 1.0, .zero = ZERO_NA};
	struct ratio_state *p;
	const chiso_param *params, *node;
	int bad = 0;

	params = cpu_params(host, ctx, ratio_keys, &bad);
	if (!params)
		return -1;
	st.num = cpu_bind(host, ctx, params, "numerator", CHISO_INPUT_NUMERIC,
	                  TP_("name the numeric input counted on top, e.g. "
	                      "numerator: staff_with_email"));
	if (st.num >= 0) {
		st.num_id = cpu_input_id(host, ctx, st.num);
		st.num_integer =
		        host->input_type(ctx, st.num) == CHISO_INPUT_INTEGER;
	}
	st.den = cpu_bind(host, ctx, params, "denominator", CHISO_INPUT_NUMERIC,
	                  TP_("name the numeric input counted below, e.g. "
	                      "denominator: staff_total"));
	node = host->param_get(params, "target");
	if (node && host->param_number(ctx, node, "target", &st.target) != 0) {
		bad = 1;
	} else if (node && !(st.target > 0)) {
		host->error(
		        ctx, node,
		        TP_("target must be greater than 0 (got %.10g); it is "
		            "the ratio that earns full points, e.g. target: "
		            "0.8"),
		        st.target);
		bad = 1;
	}
	node = host->param_get(params, "zero_denominator");
	if (node && read_zero(host, ctx, node, &st.zero) != 0)
		bad = 1;
	if (bad || st.num < 0 || st.den < 0)
		return -1;
	p = malloc(sizeof(*p));
	if (!p) {
		host->error(ctx, NULL, "%s", TP_("ratio: out of memory"));
		return -1;
	}
	st.vi = cpu_is_vi(host, ctx);
	/* TRANSLATORS: "3/4 = 0.75 (target 0.8)" */
	st.target_word = T_(st.vi, " (target ");
	/* TRANSLATORS: "x >= 4 (0.8 of 5) for full points" */
	st.of = T_(st.vi, " of ");
	/* TRANSLATORS: "0/0: denominator is 0, not applicable" */
	st.zero_note[ZERO_NA] = T_(st.vi, "denominator is 0, not applicable");
	st.zero_note[ZERO_ZERO] = T_(st.vi, "denominator is 0, scored 0");
	st.zero_note[ZERO_FULL] = T_(st.vi, "denominator is 0, scored 1");
	*p = st;
	*state = p;
	return 0;
}

/* Scores one unit: n / d against the target. */
static void ratio_compute(const chiso_host_api *host, const void *state,
                          const chiso_unit *unit, chiso_outcome *out)
{
	const struct ratio_state *st = state;
	double n, d, q, f;
	cpu_text t;

	if (host->get_number(unit, st->num, &n) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", T_(st->vi, "numerator has no value"));
		return;
	}
	if (host->get_number(unit, st->den, &d) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", T_(st->vi, "denominator has no value"));
		return;
	}
	if (n < 0 || d < 0) {
		cpu_fail(out,
		         T_(st->vi, "%.10g/%.10g: a ratio needs counts >= 0"),
		         n, d);
		return;
	}
	if (d == 0) {
		switch (st->zero) {
		case ZERO_NA:
			out->status = CHISO_STATUS_NA;
			break;
		case ZERO_ZERO:
			out->fraction = 0;
			break;
		case ZERO_FULL:
			out->fraction = 1;
			break;
		}
		t = cpu_text_note(out);
		cpu_put_g(&t, n, 10);
		cpu_put(&t, "/0: ");
		cpu_put(&t, st->zero_note[st->zero]);
		return;
	}
	q = n / d;
	if (!isfinite(q)) {
		cpu_fail(out, T_(st->vi, "%.10g/%.10g is not a finite ratio"),
		         n, d);
		return;
	}
	f = q / st->target;
	out->fraction = f < 1 ? f : 1;
	out->raw = q;
	out->has_raw = 1;
	t = cpu_text_note(out);
	cpu_put_g(&t, n, 10);
	cpu_put(&t, "/");
	cpu_put_g(&t, d, 10);
	cpu_put(&t, " = ");
	cpu_put_g(&t, q, 6);
	cpu_put(&t, st->target_word);
	cpu_put_g(&t, st->target, 10);
	cpu_put(&t, ")");
	if (f < 1) {
		double need = st->target * d;

		if (st->num_integer)
			need = ceil(need - 1e-9);
		t = cpu_text_hint(out);
		cpu_put(&t, st->num_id);
		cpu_put(&t, " >= ");
		cpu_put_g(&t, need, 10);
		cpu_put(&t, " (");
		cpu_put_g(&t, st->target, 10);
		cpu_put(&t, st->of);
		cpu_put_g(&t, d, 10);
		cpu_put(&t, ") ");
		cpu_put_for_lang(&t, 1, st->vi);
	}
}

/* Frees the state. */
static void ratio_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "ratio", .version = "1.1",
                    .summary =
                            TN_("ratio of two numeric inputs against a target"),
                    .params_doc = TN_(
                            "numerator: numeric input id, the count on top\n"
                            "denominator: numeric input id, the count below\n"
                            "target: ratio that earns full points, > 0 "
                            "(default 1)\n"
                            "zero_denominator: na, zero or full, what a 0 "
                            "denominator scores (default na)\n"),
                    .prepare = ratio_prepare, .compute = ratio_compute,
                    .release = ratio_release)
