/*
 * bands.c - the "bands" method: the fraction of the first band reached.
 *
 * bands is a list of [threshold, fraction] pairs, best band first. A
 * value reaches a band when value >= threshold (value <= threshold with
 * lower_is_better: true); f is the fraction of the first band reached,
 * else 0. raw = the value.
 */
#include <chiso/plugin.h>

#include <stdint.h>
#include <stdlib.h>

#include "builtin_i18n.h"

struct band {
	double threshold;
	double fraction;
};

struct bands_state {
	int slot;        /* the input */
	int lower;       /* 1 when lower values are better */
	int vi;          /* hints in Vietnamese */
	const char *id;  /* the input's id (host's) */
	size_t n;        /* number of bands, >= 1 */
	struct band b[]; /* best band first */
};

static const char *const bands_keys[] = {"input", "bands", "lower_is_better",
                                         NULL};

/* Reads band i of the list into *b; returns 0, or -1 after reporting.
 * *tnode is set to the threshold node when the threshold is valid. */
static int read_band(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                     const chiso_param *item, size_t i, struct band *b,
                     const chiso_param **tnode)
{
	char what[64];
	const chiso_param *t, *f;
	int bad = 0;

	*tnode = NULL;
	if (host->param_kind(item) != CHISO_PARAM_LIST ||
	    host->param_count(item) != 2) {
		host->error(ctx, item,
		            TP_("bands[%zu]: must be a [threshold, fraction] "
		                "pair, e.g. [4, 1.0]"),
		            i);
		return -1;
	}
	t = host->param_at(item, 0);
	f = host->param_at(item, 1);
	snprintf(what, sizeof(what), TP_("bands[%zu] threshold"), i);
	if (host->param_number(ctx, t, what, &b->threshold) != 0)
		bad = 1;
	else
		*tnode = t;
	snprintf(what, sizeof(what), TP_("bands[%zu] fraction"), i);
	if (cpu_fraction(host, ctx, f, what, &b->fraction) != 0)
		bad = 1;
	return bad ? -1 : 0;
}

/* Checks that threshold t (after prev) keeps the bands in order;
 * returns 0, or -1 after reporting at node. */
static int check_order(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                       const chiso_param *node, int lower, double prev,
                       double t)
{
	if (!lower && !(t < prev)) {
		host->error(
		        ctx, node,
		        TP_("bands: thresholds must be strictly descending "
		            "(%.10g after %.10g); list the highest band first, "
		            "e.g. [[4, 1.0], [3, 0.75]]"),
		        t, prev);
		return -1;
	}
	if (lower && !(t > prev)) {
		host->error(
		        ctx, node,
		        TP_("bands: with lower_is_better, thresholds must "
		            "be strictly ascending (%.10g after %.10g); list "
		            "the lowest band first, e.g. [[1, 1.0], [3, "
		            "0.5]]"),
		        t, prev);
		return -1;
	}
	return 0;
}

/* Reads and checks the whole bands list into st->b; returns 0 or -1.
 * order_known is 0 when lower_is_better was invalid. */
static int read_bands(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                      const chiso_param *list, struct bands_state *st,
                      int order_known)
{
	const chiso_param *prev_node = NULL;
	double prev = 0;
	int bad = 0;

	for (size_t i = 0; i < st->n; i++) {
		const chiso_param *item = host->param_at(list, i);
		const chiso_param *tnode;

		if (read_band(host, ctx, item, i, &st->b[i], &tnode) != 0)
			bad = 1;
		if (!tnode)
			continue;
		if (prev_node && order_known &&
		    check_order(host, ctx, tnode, st->lower, prev,
		                st->b[i].threshold) != 0)
			bad = 1;
		prev = st->b[i].threshold;
		prev_node = tnode;
	}
	if (bad)
		return -1;
	for (size_t i = 1; i < st->n; i++) {
		if (st->b[i].fraction > st->b[i - 1].fraction)
			host->warn(ctx, host->param_at(list, i),
			           TP_("bands[%zu]: fraction %g is higher than "
			               "the "
			               "%g of the band before it, so a better "
			               "value "
			               "scores less; check the order of the "
			               "bands"),
			           i, st->b[i].fraction, st->b[i - 1].fraction);
	}
	return 0;
}

/* Validates the params, binds the input and copies the bands. */
static int bands_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                         void **state)
{
	const chiso_param *params, *list, *node;
	struct bands_state *st = NULL;
	int bad = 0, slot, lower = 0, order_known = 1;
	size_t n = 0;

	params = cpu_params(host, ctx, bands_keys, &bad);
	if (!params)
		return -1;
	slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_NUMERIC,
	                TP_("name the numeric input to grade, e.g. input: "
	                    "services_online"));
	node = host->param_get(params, "lower_is_better");
	if (node &&
	    host->param_bool(ctx, node, "lower_is_better", &lower) != 0) {
		bad = 1;
		order_known = 0;
	}
	list = cpu_require(host, ctx, params, "bands",
	                   TP_("add the [threshold, fraction] pairs, best band "
	                       "first, e.g. bands: [[4, 1.0], [3, 0.75]]"));
	if (!list) {
		bad = 1;
	} else if (host->param_kind(list) != CHISO_PARAM_LIST) {
		host->error(
		        ctx, list, "%s",
		        TP_("bands: must be a list of [threshold, fraction] "
		            "pairs, e.g. [[4, 1.0], [3, 0.75]]"));
		bad = 1;
	} else {
		n = host->param_count(list);
		if (n == 0) {
			host->error(ctx, list, "%s",
			            TP_("bands: needs at least one [threshold, "
			                "fraction] pair, e.g. [[4, 1.0], [3, "
			                "0.75]]"));
			bad = 1;
		}
	}
	if (n > 0 && n < (SIZE_MAX - sizeof(*st)) / sizeof(st->b[0]))
		st = malloc(sizeof(*st) + n * sizeof(st->b[0]));
	if (n > 0 && !st) {
		host->error(ctx, NULL, "%s", TP_("bands: out of memory"));
		return -1;
	}
	if (st) {
		st->slot = slot;
		st->id = slot >= 0 ? cpu_input_id(host, ctx, slot) : "input";
		st->lower = lower;
		st->vi = cpu_is_vi(host, ctx);
		st->n = n;
		if (read_bands(host, ctx, list, st, order_known) != 0)
			bad = 1;
	}
	if (bad || slot < 0) {
		free(st);
		return -1;
	}
	*state = st;
	return 0;
}

/* Hints the nearest band above band `reached` (st->n: none reached)
 * that earns more. */
static void hint_better(const struct bands_state *st, size_t reached,
                        chiso_outcome *out)
{
	double now = reached < st->n ? st->b[reached].fraction : 0;
	size_t i = reached;
	cpu_text t;

	while (i-- > 0) {
		if (st->b[i].fraction <= now)
			continue;
		t = cpu_text_hint(out);
		cpu_put(&t, st->id);
		cpu_put(&t, st->lower ? " <= " : " >= ");
		cpu_put_g(&t, st->b[i].threshold, 10);
		cpu_put(&t, " ");
		cpu_put_for_lang(&t, st->b[i].fraction, st->vi);
		return;
	}
}

/* Scores one unit: the fraction of the first band its value reaches. */
static void bands_compute(const chiso_host_api *host, const void *state,
                          const chiso_unit *unit, chiso_outcome *out)
{
	const struct bands_state *st = state;
	cpu_text t;
	double v;

	if (host->get_number(unit, st->slot, &v) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", T_(st->vi, "input has no value"));
		return;
	}
	out->raw = v;
	out->has_raw = 1;
	for (size_t i = 0; i < st->n; i++) {
		const struct band *b = &st->b[i];

		if (st->lower ? v <= b->threshold : v >= b->threshold) {
			out->fraction = b->fraction;
			t = cpu_text_note(out);
			cpu_put_g(&t, v, 10);
			cpu_put(&t, st->lower ? " <= " : " >= ");
			cpu_put_g(&t, b->threshold, 10);
			cpu_put(&t, " -> ");
			cpu_put_g(&t, b->fraction, 10);
			hint_better(st, i, out);
			return;
		}
	}
	out->fraction = 0;
	t = cpu_text_note(out);
	cpu_put_g(&t, v, 10);
	cpu_put(&t, st->lower ? " > " : " < ");
	cpu_put_g(&t, st->b[st->n - 1].threshold, 10);
	cpu_put(&t, " -> 0");
	hint_better(st, st->n, out);
}

/* Frees the state. */
static void bands_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "bands", .version = "1.1",
                    .summary = TN_("fraction of the first band a numeric "
                                   "input reaches"),
                    .params_doc = TN_(
                            "input: numeric input id, the value graded\n"
                            "bands: list of [threshold, fraction] pairs, "
                            "best first, thresholds strictly descending "
                            "(ascending with lower_is_better), fractions "
                            "in [0, 1]\n"
                            "lower_is_better: true to reach a band when "
                            "value <= threshold (default false)\n"),
                    .prepare = bands_prepare, .compute = bands_compute,
                    .release = bands_release)
