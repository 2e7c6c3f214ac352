/*
 * target.c - the "target" method: full points when a comparison holds.
 *
 * f = 1 when `input op value` holds, else 0; with partial: linear (op
 * >= only, value > 0) a miss scores max(0, input / value). raw = input.
 */
#include <chiso/plugin.h>

#include <stdlib.h>
#include <string.h>

#include "builtin_i18n.h"

enum target_op { OP_GE, OP_GT, OP_LE, OP_LT, OP_EQ, OP_COUNT };

static const char *const op_names[OP_COUNT] = {">=", ">", "<=", "<", "=="};

struct target_state {
	int slot;          /* the numeric input */
	enum target_op op; /* the comparison */
	double value;      /* what the input is compared with */
	int linear;        /* partial: linear */
	const char *id;    /* the input's id (host's) */
	int vi;            /* notes in Vietnamese */
	const char *met, *not_met, *partial; /* words of the notes */
};

static const char *const target_keys[] = {"input", "op", "value", "partial",
                                          NULL};

/* The comparison a common misspelling s probably meant, or NULL. */
static const char *op_suggest(const char *s)
{
	static const char *const typo[][2] = {
	        {"=>", ">="},     {"=<", "<="},    {"=", "=="}, {"ge", ">="},
	        {"gt", ">"},      {"le", "<="},    {"lt", "<"}, {"eq", "=="},
	        {"\u2265", ">="}, {"\u2264", "<="}};

	for (size_t i = 0; i < sizeof(typo) / sizeof(typo[0]); i++) {
		if (strcmp(s, typo[i][0]) == 0)
			return typo[i][1];
	}
	return NULL;
}

/* Reads the op param into *op; returns 0, or -1 after reporting. */
static int read_op(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   const chiso_param *node, enum target_op *op)
{
	const char *s = host->param_string(node);
	const char *hint;

	for (int i = 0; s && i < OP_COUNT; i++) {
		if (strcmp(s, op_names[i]) == 0) {
			*op = (enum target_op)i;
			return 0;
		}
	}
	hint = s ? op_suggest(s) : NULL;
	if (s && !*s)
		host->error(ctx, node, "%s",
		            TP_("op: is empty; YAML reads an unquoted > as the "
		                "start "
		                "of a folded text: quote the comparison, e.g. "
		                "op: \">=\""));
	else if (hint)
		host->error(ctx, node,
		            TP_("op: \"%s\" is not a comparison; did you mean "
		                "\"%s\"? (write it quoted, e.g. op: \"%s\")"),
		            s, hint, hint);
	else
		host->error(ctx, node,
		            TP_("op: must be one of \">=\", \">\", \"<=\", "
		                "\"<\" or "
		                "\"==\" (got %s%s%s); write it quoted, e.g. "
		                "op: \">=\""),
		            s ? "\"" : "", s ? s : TP_("a list or map"),
		            s ? "\"" : "");
	return -1;
}

/* Reads the optional partial param; returns 0, or -1 after reporting. */
static int read_partial(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                        const chiso_param *node, int *linear)
{
	const char *s = host->param_string(node);

	if (s && strcmp(s, "linear") == 0) {
		*linear = 1;
		return 0;
	}
	host->error(ctx, node,
	            TP_("partial: unknown mode %s%s%s; the only mode is "
	                "linear (partial: linear), or leave partial out for "
	                "all or nothing"),
	            s ? "\"" : "", s ? s : TP_("(a list or map)"),
	            s ? "\"" : "");
	return -1;
}

/* Validates the params, binds the input and builds the state. */
static int target_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                          void **state)
{
	struct target_state st = {.op = OP_GE};
	struct target_state *p;
	const chiso_param *params, *node, *vnode;
	int bad = 0, op_ok = 0, value_ok = 0;

	params = cpu_params(host, ctx, target_keys, &bad);
	if (!params)
		return -1;
	st.slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_NUMERIC,
	                   TP_("name the numeric input to compare, e.g. "
	                       "input: online_rate"));
	node = cpu_require(host, ctx, params, "op",
	                   TP_("add the comparison, one of \">=\", \">\", "
	                       "\"<=\", \"<\" or \"==\", e.g. op: \">=\""));
	if (!node || read_op(host, ctx, node, &st.op) != 0)
		bad = 1;
	else
		op_ok = 1;
	vnode = cpu_require(host, ctx, params, "value",
	                    TP_("add the number to compare with, e.g. value: "
	                        "90"));
	if (!vnode || host->param_number(ctx, vnode, "value", &st.value) != 0)
		bad = 1;
	else
		value_ok = 1;
	node = host->param_get(params, "partial");
	if (node && read_partial(host, ctx, node, &st.linear) != 0)
		bad = 1;
	if (st.linear && op_ok && st.op != OP_GE) {
		host->error(ctx, node,
		            TP_("partial: linear needs op: \">=\" (got op: "
		                "\"%s\"); "
		                "change op or leave partial out"),
		            op_names[st.op]);
		bad = 1;
	}
	if (st.linear && value_ok && !(st.value > 0)) {
		host->error(
		        ctx, vnode,
		        TP_("value must be greater than 0 with partial: "
		            "linear (got %.10g), which scores input / value "
		            "below it"),
		        st.value);
		bad = 1;
	}
	if (bad || st.slot < 0)
		return -1;
	st.id = cpu_input_id(host, ctx, st.slot);
	st.vi = cpu_is_vi(host, ctx);
	/* TRANSLATORS: "5 >= 4: met" */
	st.met = T_(st.vi, ": met");
	/* TRANSLATORS: "3 >= 4: not met" */
	st.not_met = T_(st.vi, ": not met");
	/* TRANSLATORS: "3 >= 4: not met, partial 0.75" */
	st.partial = T_(st.vi, ": not met, partial ");
	p = malloc(sizeof(*p));
	if (!p) {
		host->error(ctx, NULL, "%s", TP_("target: out of memory"));
		return -1;
	}
	*p = st;
	*state = p;
	return 0;
}

/* Whether v op value holds. */
static int target_met(enum target_op op, double v, double value)
{
	switch (op) {
	case OP_GE:
		return v >= value;
	case OP_GT:
		return v > value;
	case OP_LE:
		return v <= value;
	case OP_LT:
		return v < value;
	case OP_EQ:
	case OP_COUNT:
		break;
	}
	return v == value;
}

/* Scores one unit: 1 when the target is met, else 0 or the partial. */
static void target_compute(const chiso_host_api *host, const void *state,
                           const chiso_unit *unit, chiso_outcome *out)
{
	const struct target_state *st = state;
	const char *op = op_names[st->op];
	cpu_text t;
	double v, f;

	if (host->get_number(unit, st->slot, &v) != CHISO_VALUE_PRESENT) {
		cpu_fail(out, "%s", T_(st->vi, "input has no value"));
		return;
	}
	out->raw = v;
	out->has_raw = 1;
	t = cpu_text_note(out);
	cpu_put_g(&t, v, 10);
	cpu_put(&t, " ");
	cpu_put(&t, op);
	cpu_put(&t, " ");
	cpu_put_g(&t, st->value, 10);
	if (target_met(st->op, v, st->value)) {
		out->fraction = 1;
		cpu_put(&t, st->met);
	} else if (st->linear) {
		f = v / st->value;
		out->fraction = f > 0 ? f : 0;
		cpu_put(&t, st->partial);
		cpu_put_g(&t, out->fraction, 6);
	} else {
		out->fraction = 0;
		cpu_put(&t, st->not_met);
	}
	if (out->fraction < 1) {
		t = cpu_text_hint(out);
		cpu_put(&t, st->id);
		cpu_put(&t, " ");
		cpu_put(&t, st->op == OP_EQ ? "=" : op);
		cpu_put(&t, " ");
		cpu_put_g(&t, st->value, 10);
		cpu_put(&t, " ");
		cpu_put_for_lang(&t, 1, st->vi);
	}
}

/* Frees the state. */
static void target_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "target", .version = "1.1",
                    .summary = TN_("full points when a numeric input meets a "
                                   "target"),
                    .params_doc = TN_(
                            "input: numeric input id\n"
                            "op: comparison, one of \">=\", \">\", \"<=\", "
                            "\"<\", \"==\" (quote it in YAML)\n"
                            "value: number the input is compared with\n"
                            "partial: linear to score input / value below "
                            "the target, op \">=\" and value > 0 only "
                            "(default all or nothing)\n"),
                    .prepare = target_prepare, .compute = target_compute,
                    .release = target_release)
