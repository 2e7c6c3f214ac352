/*
 * children.c - the "children" method: a parent's indicator computed from
 * its child units' results, evaluated first with their own model (a
 * district model reading its communes' results). Plugin ABI 1.2.
 *
 * params:
 *   node    a node id of the children's model
 *   of      full_share: the share of children earning full points on
 *           node; mean: the mean of their values on it; min: the lowest
 *   weight  mean only: an input of the children's data to weight by
 *           (e.g. population)
 *   model   the expected model id of the children's results; another is
 *           an error
 * A unit with no children in the results gets status missing.
 */
#include <chiso/plugin.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "builtin_i18n.h"

enum of_kind { OF_FULL_SHARE, OF_MEAN, OF_MIN };

struct children_state {
	int node;   /* handle of the children's node */
	int weight; /* handle of the weight input, or -1 */
	enum of_kind of;
	int vi; /* notes in Vietnamese (looked up per parent unit: the
	           parents are few, hundreds of districts at most) */
	char node_id[64];
};

static const char *const children_keys[] = {"node", "of", "weight", "model",
                                            NULL};

/* of: full_share | mean | min. */
static int read_of(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   const chiso_param *params, enum of_kind *of)
{
	const chiso_param *node =
	        cpu_require(host, ctx, params, "of",
	                    TP_("say what to compute: of: full_share, mean or "
	                        "min"));
	const char *s = node ? host->param_string(node) : NULL;

	if (!node)
		return -1;
	if (s && strcmp(s, "full_share") == 0)
		*of = OF_FULL_SHARE;
	else if (s && strcmp(s, "mean") == 0)
		*of = OF_MEAN;
	else if (s && strcmp(s, "min") == 0)
		*of = OF_MIN;
	else {
		host->error(ctx, node,
		            TP_("of must be full_share, mean or min (got "
		                "\"%s\")"),
		            s ? s : TP_("a list or map"));
		return -1;
	}
	return 0;
}

/* model: the children's results must come from this model. */
static int check_model(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                       const chiso_param *params)
{
	const chiso_param *node = host->param_get(params, "model");
	const char *want = node ? host->param_string(node) : NULL;
	const char *got = host->child_model_id(ctx);

	if (!node)
		return 0;
	if (!want) {
		host->error(ctx, node, "%s", TP_("model must be a model id"));
		return -1;
	}
	if (got && strcmp(want, got) != 0) {
		host->error(
		        ctx, node,
		        TP_("the children results are from model %s, not %s; "
		            "give the results of model %s with --children"),
		        got, want, want);
		return -1;
	}
	return 0;
}

/* Validates the params and binds the children's node and weight. */
static int children_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                            void **state)
{
	struct children_state st, *p;
	const chiso_param *params, *node;
	int bad = 0;

	memset(&st, 0, sizeof(st));
	st.weight = -1;
	if (!CHISO_HOST_HAS(host, child_code)) {
		host->error(
		        ctx, NULL,
		        "the children method needs chiso with plugin ABI 1.2 "
		        "or later (results of child units)");
		return -1;
	}
	params = cpu_params(host, ctx, children_keys, &bad);
	if (!params)
		return -1;
	if (read_of(host, ctx, params, &st.of) != 0)
		bad = 1;
	if (check_model(host, ctx, params) != 0)
		return -1;
	node = cpu_require(host, ctx, params, "node",
	                   TP_("name a node of the children's model, e.g. "
	                       "node: \"1.1\""));
	if (!node)
		return -1;
	st.node = host->bind_child_node(ctx, node);
	if (st.node < 0)
		return -1;
	snprintf(st.node_id, sizeof(st.node_id), "%s",
	         host->param_string(node));
	node = host->param_get(params, "weight");
	if (node && st.of != OF_MEAN) {
		host->error(ctx, node, "%s", TP_("weight is for of: mean"));
		bad = 1;
	} else if (node) {
		st.weight = host->bind_child_input(ctx, node);
		if (st.weight < 0)
			bad = 1;
	}
	if (bad)
		return -1;
	p = malloc(sizeof(*p));
	if (!p) {
		host->error(ctx, NULL, "%s", TP_("children: out of memory"));
		return -1;
	}
	st.vi = cpu_is_vi(host, ctx);
	*p = st;
	*state = p;
	return 0;
}

/* The share of applicable children at full points on the node. */
static void full_share(const chiso_host_api *host,
                       const struct children_state *st, const chiso_unit *unit,
                       size_t n, chiso_outcome *out)
{
	size_t i, applicable = 0, full = 0;
	double pts, max;
	int status;

	for (i = 0; i < n; i++) {
		status = host->child_node(unit, i, st->node, NULL, &pts, &max);
		if (status < 0 || status == CHISO_STATUS_NA)
			continue;
		applicable++;
		full += status == CHISO_STATUS_OK && max > 0 && pts >= max;
	}
	if (applicable == 0) {
		out->status = CHISO_STATUS_NA;
		cpu_note(out,
		         T_(st->vi, "%s applies to none of the %zu children"),
		         st->node_id, n);
		return;
	}
	out->fraction = (double)full / (double)applicable;
	out->raw = out->fraction;
	out->has_raw = 1;
	cpu_note(out, T_(st->vi, "%zu of %zu children at full points on %s"),
	         full, applicable, st->node_id);
}

/* The (weighted) mean, or the minimum, of the children's values. */
static void mean_or_min(const chiso_host_api *host,
                        const struct children_state *st, const chiso_unit *unit,
                        size_t n, chiso_outcome *out)
{
	double sum = 0, wsum = 0, lo = INFINITY, v, w;
	size_t i, used = 0;
	int status;

	for (i = 0; i < n; i++) {
		status = host->child_node(unit, i, st->node, &v, NULL, NULL);
		if (status < 0 || status == CHISO_STATUS_NA)
			continue;
		w = 1;
		if (st->weight >= 0 &&
		    host->child_input(unit, i, st->weight, &w) !=
		            CHISO_VALUE_PRESENT) {
			cpu_fail(out,
			         T_(st->vi, "child %s has no weight value"),
			         host->child_code(unit, i));
			return;
		}
		sum += w * v;
		wsum += w;
		lo = v < lo ? v : lo;
		used++;
	}
	if (used == 0 || (st->of == OF_MEAN && wsum <= 0)) {
		out->status = CHISO_STATUS_NA;
		cpu_note(out,
		         T_(st->vi, "%s applies to none of the %zu children"),
		         st->node_id, n);
		return;
	}
	v = st->of == OF_MIN ? lo : sum / wsum;
	out->fraction = v < 0 ? 0 : v > 1 ? 1 : v;
	out->raw = v;
	out->has_raw = 1;
	if (st->of == OF_MIN)
		cpu_note(out, T_(st->vi, "min of %zu children on %s: %.4f"),
		         used, st->node_id, v);
	else
		cpu_note(out, T_(st->vi, "mean of %zu children on %s: %.4f%s"),
		         used, st->node_id, v,
		         st->weight >= 0 ? T_(st->vi, " (weighted)") : "");
}

/* Scores one unit from its children. */
static void children_compute(const chiso_host_api *host, const void *state,
                             const chiso_unit *unit, chiso_outcome *out)
{
	const struct children_state *st = state;
	size_t n = host->child_count(unit);

	if (n == 0) {
		out->status = CHISO_STATUS_MISSING;
		cpu_note(out, "%s",
		         T_(st->vi, "no child units in the children results"));
		return;
	}
	if (st->of == OF_FULL_SHARE)
		full_share(host, st, unit, n, out);
	else
		mean_or_min(host, st, unit, n, out);
}

/* Frees the state. */
static void children_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "children", .version = "1.0",
                    .summary = TN_("a parent's indicator from its child units' "
                                   "results (chiso evaluate --children)"),
                    .params_doc = TN_(
                            "node: a node id of the children's model\n"
                            "of: full_share, mean or min\n"
                            "weight: mean only: an input of the children's "
                            "data\n"
                            "model: the expected model id of the children\n"),
                    .prepare = children_prepare, .compute = children_compute,
                    .release = children_release)
