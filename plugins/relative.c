/*
 * relative.c - the "relative" method: a value scored against the other
 * units evaluated together (plugin ABI 1.2, second phase).
 *
 * params:
 *   input            the numeric input compared
 *   mode             best (f = value / the best value) or minmax
 *                    (f = (value - lo) / (hi - lo)); default best
 *   bounds           minmax only: [lo, hi] fixed in the model, so that
 *                    years stay comparable (else lo and hi come from the
 *                    units); values outside are clamped
 *   lower_is_better  true: the lowest value is the best
 *   group            all (default: every unit of the run) or parent
 *                    (the units of the same parent)
 * A zero range (all units equal) gives every unit full points, and says
 * so in the note; never NaN.
 */
#include <chiso/plugin.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "builtin_i18n.h"

struct relative_state {
	int slot;
	const char *id;
	int minmax, lower, by_parent;
	int has_bounds;
	double lo, hi;
	int vi; /* notes in Vietnamese */
	/* The words of the notes, in the run's language. */
	const char *only, *only_of, *all, *units, *units_of, *equal_full, *full,
	        *best_lo, *best_hi, *in, *lower_better, *waiting;
};

static const char *const relative_keys[] = {
        "input", "mode", "bounds", "lower_is_better", "group", NULL};

/* Reads a word param among choices; -1 after reporting. */
static int read_word(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                     const chiso_param *params, const char *key, const char *a,
                     const char *b, int dflt)
{
	const chiso_param *node = host->param_get(params, key);
	const char *s;

	if (!node)
		return dflt;
	s = host->param_string(node);
	if (s && strcmp(s, a) == 0)
		return 0;
	if (s && strcmp(s, b) == 0)
		return 1;
	host->error(ctx, node, TP_("%s must be %s or %s (got \"%s\")"), key, a,
	            b, s ? s : TP_("a list or map"));
	return -1;
}

/* bounds: [lo, hi] with lo < hi. */
static int read_bounds(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                       const chiso_param *node, struct relative_state *st)
{
	if (host->param_kind(node) != CHISO_PARAM_LIST ||
	    host->param_count(node) != 2) {
		host->error(ctx, node, "%s",
		            TP_("bounds must be a list [lo, hi], e.g. bounds: "
		                "[0, 100]"));
		return -1;
	}
	if (host->param_number(ctx, host->param_at(node, 0), "bounds lo",
	                       &st->lo) != 0 ||
	    host->param_number(ctx, host->param_at(node, 1), "bounds hi",
	                       &st->hi) != 0)
		return -1;
	if (!(st->lo < st->hi)) {
		host->error(ctx, node,
		            TP_("bounds: lo (%g) must be below hi (%g)"),
		            st->lo, st->hi);
		return -1;
	}
	st->has_bounds = 1;
	return 0;
}

/* Validates the params and binds the input. */
static int relative_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                            void **state)
{
	struct relative_state st, *p;
	const chiso_param *params, *node;
	int bad = 0;

	memset(&st, 0, sizeof(st));
	if (!CHISO_HOST_HAS(host, batch_set)) {
		host->error(ctx, NULL,
		            "the relative method needs chiso with plugin ABI "
		            "1.2 or later (a second phase over all units)");
		return -1;
	}
	params = cpu_params(host, ctx, relative_keys, &bad);
	if (!params)
		return -1;
	st.slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_NUMERIC,
	                   TP_("name the numeric input to compare, e.g. "
	                       "input: bandwidth_per_official"));
	st.minmax = read_word(host, ctx, params, "mode", "best", "minmax", 0);
	st.by_parent =
	        read_word(host, ctx, params, "group", "all", "parent", 0);
	node = host->param_get(params, "lower_is_better");
	if (node &&
	    host->param_bool(ctx, node, "lower_is_better", &st.lower) != 0)
		bad = 1;
	node = host->param_get(params, "bounds");
	if (node && st.minmax != 1) {
		host->error(
		        ctx, node, "%s",
		        TP_("bounds are for mode: minmax; remove them or set "
		            "mode: minmax"));
		bad = 1;
	} else if (node && read_bounds(host, ctx, node, &st) != 0) {
		bad = 1;
	}
	if (bad || st.slot < 0 || st.minmax < 0 || st.by_parent < 0)
		return -1;
	st.id = cpu_input_id(host, ctx, st.slot);
	p = malloc(sizeof(*p));
	if (!p) {
		host->error(ctx, NULL, "%s", TP_("relative: out of memory"));
		return -1;
	}
	st.vi = cpu_is_vi(host, ctx);
	/* TRANSLATORS: "12: the only unit, full points" */
	st.only = T_(st.vi, ": the only unit");
	/* TRANSLATORS: "12: the only unit of H01, full points": H01 is the
	 * parent unit */
	st.only_of = T_(st.vi, ": the only unit of ");
	/* TRANSLATORS: "12: all 5 units of H01 equal, full points" */
	st.all = T_(st.vi, ": all ");
	/* TRANSLATORS: "12: all 5 units equal, full points" */
	st.units = T_(st.vi, " units");
	/* TRANSLATORS: "12: all 5 units of H01 equal, full points": H01 is
	 * the parent unit */
	st.units_of = T_(st.vi, " units of ");
	/* TRANSLATORS: "12: all 5 units of H01 equal, full points" */
	st.equal_full = T_(st.vi, " equal, full points");
	/* TRANSLATORS: "12: the only unit of H01, full points" */
	st.full = T_(st.vi, ", full points");
	/* TRANSLATORS: "best 3 in H01 / 4 -> 0.75" (lower is better) */
	st.best_lo = T_(st.vi, "best ");
	/* TRANSLATORS: "3 / best 4 in H01 -> 0.75" */
	st.best_hi = T_(st.vi, " / best ");
	/* TRANSLATORS: "3 / best 4 in H01 -> 0.75", "3 in [0, 4] -> 0.75" */
	st.in = T_(st.vi, " in ");
	st.lower_better = T_(st.vi, " (lower is better)");
	/* TRANSLATORS: "12 (scored against the other units)" */
	st.waiting = T_(st.vi, " (scored against the other units)");
	*p = st;
	*state = p;
	return 0;
}

/* Phase 1: keeps the value as the raw value; finish scores it. */
static void relative_compute(const chiso_host_api *host, const void *state,
                             const chiso_unit *unit, chiso_outcome *out)
{
	const struct relative_state *st = state;
	cpu_text t;
	double v;

	if (host->get_number(unit, st->slot, &v) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", T_(st->vi, "input has no value"));
		return;
	}
	if (!st->minmax && v < 0) {
		cpu_fail(out, T_(st->vi, "%.10g: mode best needs values >= 0"),
		         v);
		return;
	}
	out->raw = v;
	out->has_raw = 1;
	out->fraction = 0;
	t = cpu_text_note(out);
	cpu_put_g(&t, v, 10);
	cpu_put(&t, st->waiting);
}

/* Scores one value against its group's lo and hi (or best). */
static double score(const struct relative_state *st, double v, double lo,
                    double hi, int *zero_range)
{
	double f;

	*zero_range = 0;
	if (!st->minmax) {
		if (st->lower) {
			if (v <= 0)
				return 1;
			return lo / v;
		}
		if (hi <= 0) {
			*zero_range = 1;
			return 1;
		}
		return v / hi;
	}
	if (!(hi > lo)) {
		*zero_range = 1;
		return 1;
	}
	f = st->lower ? (hi - v) / (hi - lo) : (v - lo) / (hi - lo);
	return f < 0 ? 0 : f > 1 ? 1 : f;
}

/* qsort has no context argument: finish runs on one thread, so the
 * comparison's context can live here for the duration of the sort. */
static const chiso_host_api *sort_host;
static const chiso_batch *sort_batch;

/* Orders unit indices by group. */
static int cmp_group(const void *a, const void *b)
{
	return strcmp(sort_host->batch_group(sort_batch, *(const size_t *)a),
	              sort_host->batch_group(sort_batch, *(const size_t *)b));
}

/* Appends " in GROUP" when units are grouped. */
static void put_group(cpu_text *t, const char *in, const char *group)
{
	if (!*group)
		return;
	cpu_put(t, in);
	cpu_put(t, group);
}

/* The note of value v scored f against lo and hi of group ("" when
 * ungrouped); equal is the number of units when all were equal (full
 * points), else 0. */
static void note_group(const struct relative_state *st, double v, double lo,
                       double hi, double f, size_t equal, const char *group,
                       char *note, size_t size)
{
	cpu_text t = {note, size, 0};

	note[0] = '\0';
	if (equal) {
		cpu_put_g(&t, v, 10);
		if (equal == 1) {
			cpu_put(&t, *group ? st->only_of : st->only);
			cpu_put(&t, group);
			cpu_put(&t, st->full);
			return;
		}
		cpu_put(&t, st->all);
		cpu_put_g(&t, (double)equal, 15);
		cpu_put(&t, *group ? st->units_of : st->units);
		cpu_put(&t, group);
		cpu_put(&t, st->equal_full);
		return;
	}
	if (!st->minmax && st->lower) {
		cpu_put(&t, st->best_lo);
		cpu_put_g(&t, lo, 10);
		put_group(&t, st->in, group);
		cpu_put(&t, " / ");
		cpu_put_g(&t, v, 10);
	} else if (!st->minmax) {
		cpu_put_g(&t, v, 10);
		cpu_put(&t, st->best_hi);
		cpu_put_g(&t, hi, 10);
		put_group(&t, st->in, group);
	} else {
		cpu_put_g(&t, v, 10);
		cpu_put(&t, st->in);
		cpu_put(&t, "[");
		cpu_put_g(&t, lo, 10);
		cpu_put(&t, ", ");
		cpu_put_g(&t, hi, 10);
		cpu_put(&t, "]");
		if (st->lower)
			cpu_put(&t, st->lower_better);
		put_group(&t, st->in, group);
	}
	cpu_put(&t, " -> ");
	cpu_put_g(&t, f, 6);
}

/* Scores units order[0..n) (one group). */
static void score_group(const chiso_host_api *host,
                        const struct relative_state *st, chiso_batch *b,
                        const size_t *order, size_t n)
{
	double lo = INFINITY, hi = -INFINITY, v;
	char note[CHISO_NOTE_MAX];
	const char *group = st->by_parent ? host->batch_group(b, order[0]) : "";
	size_t k;
	int zero;

	for (k = 0; k < n; k++) {
		host->batch_get(b, order[k], &v);
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	if (st->has_bounds) {
		lo = st->lo;
		hi = st->hi;
	}
	for (k = 0; k < n; k++) {
		double f;

		host->batch_get(b, order[k], &v);
		f = score(st, v, lo, hi, &zero);
		note_group(st, v, lo, hi, f, zero ? n : 0, group, note,
		           sizeof(note));
		host->batch_set(b, order[k], CHISO_STATUS_OK, f, note);
	}
}

/* Phase 2: every unit's value against its group's. */
static void relative_finish(const chiso_host_api *host, const void *state,
                            chiso_batch *b)
{
	const struct relative_state *st = state;
	size_t n = host->batch_count(b), m = 0, k, start;
	size_t *order = malloc((n ? n : 1) * sizeof(size_t));
	double v;

	if (!order)
		return; /* the units keep phase 1's outcome */
	for (k = 0; k < n; k++)
		if (host->batch_get(b, k, &v) == CHISO_VALUE_PRESENT)
			order[m++] = k;
	if (st->by_parent && m > 1) {
		sort_host = host;
		sort_batch = b;
		qsort(order, m, sizeof(size_t), cmp_group);
	}
	for (start = 0; start < m;) {
		size_t end = start + 1;

		while (st->by_parent && end < m &&
		       strcmp(host->batch_group(b, order[end]),
		              host->batch_group(b, order[start])) == 0)
			end++;
		if (!st->by_parent)
			end = m;
		score_group(host, st, b, order + start, end - start);
		start = end;
	}
	free(order);
}

/* Frees the state. */
static void relative_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "relative", .version = "1.0",
                    .summary = TN_("a value relative to the best of the units "
                                   "evaluated together"),
                    .params_doc = TN_(
                            "input: the numeric input compared\n"
                            "mode: best (value / best, default) or minmax\n"
                            "bounds: minmax only: [lo, hi] fixed in the model\n"
                            "lower_is_better: true when lower is better\n"
                            "group: all (default) or parent\n"),
                    .prepare = relative_prepare, .compute = relative_compute,
                    .release = relative_release, .finish = relative_finish)
