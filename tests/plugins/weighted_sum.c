/*
 * weighted_sum.c - an example method written only against
 * <chiso/plugin_util.h> and the ABI 1.3 services: a weighted sum whose
 * inputs are the keys of a map.
 *
 *   method: weighted_sum
 *   params:
 *     weights: {epay_share: 0.4, online_share: 0.6}
 *
 * Each input counts as its share of its maximum (the model's "max" of
 * the input, read with input_info; an input without a max must hold a
 * share in [0, 1]), capped at 1; the fraction is the weighted mean of
 * those shares. The hint names the input with the most to gain (found
 * with per-call scratch memory).
 */
#include <chiso/plugin.h>
#include <chiso/plugin_util.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TERMS 16

struct term {
	int slot;
	double weight, max; /* max: 1 when the input has none */
	const char *id;     /* borrowed from the model */
};

struct wsum {
	size_t n;
	double total; /* sum of the weights */
	struct term t[MAX_TERMS];
};

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **state)
{
	static const char *const keys[] = {"weights", NULL};
	int bad = 0;
	const chiso_param *params = cpu_params(host, ctx, keys, &bad);
	const chiso_param *w;
	struct wsum st, *p;
	size_t i;

	if (!params)
		return -1;
	memset(&st, 0, sizeof(st));
	w = cpu_require(host, ctx, params, "weights",
	                "add weights: {INPUT: WEIGHT, ...}");
	if (!w || bad)
		return -1;
	st.n = host->param_count(w);
	if (host->param_kind(w) != CHISO_PARAM_MAP || st.n == 0 ||
	    st.n > MAX_TERMS) {
		host->error(ctx, w,
		            "weights must map 1 to %d input ids to their "
		            "weights, e.g. {epay_share: 0.4}",
		            MAX_TERMS);
		return -1;
	}
	for (i = 0; i < st.n; i++) {
		struct term *t = &st.t[i];
		chiso_input_info info;

		/* The input is a map key: bound by its id (ABI 1.3). */
		t->slot = cpu_bind_id(host, ctx, host->param_key_at(w, i), w,
		                      CHISO_INPUT_NUMERIC, 0);
		if (t->slot < 0 ||
		    host->param_number(ctx, host->param_at(w, i), "a weight",
		                       &t->weight) != 0) {
			bad = 1;
			continue;
		}
		if (t->weight <= 0) {
			host->error(ctx, host->param_at(w, i),
			            "a weight must be above 0");
			bad = 1;
			continue;
		}
		cpu_input_info(host, ctx, t->slot, &info);
		t->id = info.id;
		t->max = isnan(info.max) || info.max <= 0 ? 1 : info.max;
		st.total += t->weight;
	}
	if (bad)
		return -1;
	p = malloc(sizeof(*p));
	if (!p)
		return -1;
	*p = st;
	*state = p;
	return 0;
}

static void compute(const chiso_host_api *host, const void *state,
                    const chiso_unit *unit, chiso_outcome *out)
{
	const struct wsum *st = state;
	double *share = cpu_alloc(host, unit, st->n * sizeof(double));
	double sum = 0, gain = 0;
	size_t i, len = 0, best = 0;

	if (!share) {
		cpu_fail(out, "no scratch memory (needs chiso ABI 1.3)");
		return;
	}
	for (i = 0; i < st->n; i++) {
		double x = 0;

		host->get_number(unit, st->t[i].slot, &x);
		share[i] = x / st->t[i].max;
		share[i] = share[i] < 0 ? 0 : share[i] > 1 ? 1 : share[i];
		sum += st->t[i].weight * share[i];
		if (st->t[i].weight * (1 - share[i]) > gain) {
			gain = st->t[i].weight * (1 - share[i]);
			best = i;
		}
	}
	out->fraction = sum / st->total;
	out->raw = out->fraction;
	out->has_raw = 1;
	for (i = 0; i < st->n; i++)
		cpu_note_add(out, &len, "%s%g x %g", i ? " + " : "",
		             st->t[i].weight, share[i]);
	cpu_note_add(out, &len, " = %g / %g", sum, st->total);
	if (gain > 0)
		cpu_hint(out, "raise %s first (weight %g)", st->t[best].id,
		         st->t[best].weight);
}

static void release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

static int describe(const chiso_host_api *host, const void *state,
                    const char *lang, char *buf, size_t size)
{
	const struct wsum *st = state;
	int vi = cpu_lang_vi(lang);
	size_t i, len;

	(void)host;
	if (cpu_describe(buf, size, "%s",
	                 vi ? "Trung bình có trọng số của "
	                    : "Weighted mean of ") != 0)
		return -1;
	for (i = 0; i < st->n; i++) {
		len = strlen(buf);
		if (cpu_describe(buf + len, size - len, "%s%g × %s",
		                 i ? " + " : "", st->t[i].weight,
		                 st->t[i].id) != 0)
			return -1;
	}
	len = strlen(buf);
	return cpu_describe(buf + len, size - len, " %s %g%s",
	                    vi ? "chia" : "over", st->total,
	                    vi ? " (mỗi chỉ tiêu tính theo tỷ lệ so với mức "
	                         "tối đa)"
	                       : " (each input as a share of its maximum)");
}

CHISO_PLUGIN_DEFINE(.name = "weighted_sum", .version = "1.0",
                    .summary = "a weighted mean of inputs given as map keys",
                    .params_doc = "weights: {INPUT: WEIGHT, ...}\n",
                    .prepare = prepare, .compute = compute, .release = release,
                    .describe = describe)
