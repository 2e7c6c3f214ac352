/*
 * host.c - the services chiso offers plugins (chiso_host_api).
 */
#include "eval/host.h"

#include "eval/leaf_store.h"

#include "read/results_set.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/escape.h"
#include "util/suggest.h"
#include "util/utf8.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- params ---------------------------------------------------------- */

static const chiso_param *h_params(chiso_prepare_ctx *ctx)
{
	return host_param_handle(ctx->params ? ctx->params : ctx->empty);
}

static const chiso_param *h_param_get(const chiso_param *map, const char *key)
{
	return host_param_handle(doc_get(host_param_node(map), key));
}

static int h_param_kind(const chiso_param *node)
{
	return node ? (int)host_param_node(node)->kind : 0;
}

static size_t h_param_count(const chiso_param *node)
{
	const doc_node *n = host_param_node(node);

	return n && n->kind != DOC_SCALAR ? n->count : 0;
}

static const chiso_param *h_param_at(const chiso_param *node, size_t i)
{
	const doc_node *n = host_param_node(node);

	if (!n || n->kind == DOC_SCALAR || i >= n->count)
		return NULL;
	return host_param_handle(n->items[i]);
}

static const char *h_param_key_at(const chiso_param *node, size_t i)
{
	const doc_node *n = host_param_node(node);

	if (!n || n->kind != DOC_MAP || i >= n->count)
		return NULL;
	return n->keys[i]->text;
}

static const char *h_param_string(const chiso_param *node)
{
	const doc_node *n = host_param_node(node);

	return n && n->kind == DOC_SCALAR ? n->text : NULL;
}

/* Errors from plugins count towards the indicator's failure. */
static void count_error(chiso_prepare_ctx *ctx)
{
	ctx->errors++;
}

/* Position for a node, or the indicator when node is NULL. */
static const doc_node *place(chiso_prepare_ctx *ctx, const chiso_param *p)
{
	const doc_node *n = host_param_node(p);

	if (n && n->line > 0)
		return n;
	if (ctx->params && ctx->params->line > 0)
		return ctx->params;
	return NULL;
}

static void vreport(chiso_prepare_ctx *ctx, diag_level level,
                    const chiso_param *at, const char *fmt, va_list ap)
        __attribute__((format(printf, 4, 0)));

/* Prefix of plugin messages: the indicator and its method. */
static void vreport(chiso_prepare_ctx *ctx, diag_level level,
                    const chiso_param *at, const char *fmt, va_list ap)
{
	const model_node *node = &ctx->m->nodes[ctx->node];
	const doc_node *n = place(ctx, at);
	strbuf sb = STRBUF_INIT;
	unsigned line = n ? n->line : node->line;
	unsigned col = n ? n->col : node->col;

	strbuf_printf(&sb, _("indicator %s (method %s): "), node->id,
	              node->method);
	strbuf_vprintf(&sb, fmt, ap);
	diag_at(ctx->sc->d, level, ctx->sc->file, line, col, "%s",
	        strbuf_str(&sb));
	strbuf_release(&sb);
	if (level == DIAG_ERROR)
		count_error(ctx);
}

static void h_error(chiso_prepare_ctx *ctx, const chiso_param *node,
                    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void h_error(chiso_prepare_ctx *ctx, const chiso_param *node,
                    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(ctx, DIAG_ERROR, node, fmt, ap);
	va_end(ap);
}

static void h_warn(chiso_prepare_ctx *ctx, const chiso_param *node,
                   const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void h_warn(chiso_prepare_ctx *ctx, const chiso_param *node,
                   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(ctx, DIAG_WARNING, node, fmt, ap);
	va_end(ap);
}

static int h_param_number(chiso_prepare_ctx *ctx, const chiso_param *node,
                          const char *what, double *out)
{
	const doc_node *n = host_param_node(node);
	int rc = n && n->kind == DOC_SCALAR ? numfmt_parse(n->text, out)
	                                    : NUMFMT_SYNTAX;

	if (rc < 0 && numfmt_range_text(rc)) {
		h_error(ctx, node, "%s: %s %s", what, n->text,
		        _(numfmt_range_text(rc)));
		return -1;
	}
	if (n && n->kind == DOC_SCALAR && n->quoted && rc == 0) {
		h_error(ctx, node,
		        _("%s must be a number, not the quoted text \"%s\"; "
		          "remove the quotes"),
		        what, n->text);
		return -1;
	}
	if (!n || n->kind != DOC_SCALAR || n->quoted || rc < 0) {
		h_error(ctx, node, _("%s must be a number, not %s"), what,
		        !n                      ? _("missing")
		        : n->kind != DOC_SCALAR ? _(doc_kind_name(n->kind))
		                                : n->text);
		return -1;
	}
	return 0;
}

static int h_param_bool(chiso_prepare_ctx *ctx, const chiso_param *node,
                        const char *what, int *out)
{
	const doc_node *n = host_param_node(node);
	schema_ctx quiet = {NULL, NULL};
	diag scratch = DIAG_INIT;
	int rc;

	quiet.d = &scratch;
	quiet.file = ctx->sc->file;
	rc = schema_bool(&quiet, n, what, out);
	diag_free(&scratch);
	if (rc < 0)
		h_error(ctx, node, _("%s must be true or false, not %s"), what,
		        n && n->kind == DOC_SCALAR ? n->text
		        : n                        ? _(doc_kind_name(n->kind))
		                                   : _("missing"));
	return rc;
}

/* Joins a NULL-terminated list for messages. */
static void join(strbuf *sb, const char *const *words)
{
	size_t i;

	for (i = 0; words[i]; i++)
		strbuf_printf(sb, "%s%s", i ? ", " : "", words[i]);
}

static int h_param_check_keys(chiso_prepare_ctx *ctx, const chiso_param *map,
                              const char *const *allowed)
{
	const doc_node *n = host_param_node(map);
	size_t i, j, nallowed = 0;
	int rc = 0;

	if (!n || n->kind != DOC_MAP) {
		h_error(ctx, map, _("params must be a mapping, not %s"),
		        n ? _(doc_kind_name(n->kind)) : _("missing"));
		return -1;
	}
	while (allowed[nallowed])
		nallowed++;
	for (i = 0; i < n->count; i++) {
		const char *key = n->keys[i]->text;
		const char *near;
		strbuf sb = STRBUF_INIT;
		int known = 0;

		for (j = 0; j < nallowed && !known; j++)
			known = strcmp(key, allowed[j]) == 0;
		if (known)
			continue;
		near = suggest_closest(key, allowed, nallowed);
		join(&sb, allowed);
		if (near)
			h_error(ctx, host_param_handle(n->keys[i]),
			        _("unknown param '%s'; did you mean '%s'? "
			          "(allowed: %s)"),
			        key, near, strbuf_str(&sb));
		else
			h_error(ctx, host_param_handle(n->keys[i]),
			        _("unknown param '%s' (allowed: %s)"), key,
			        strbuf_str(&sb));
		strbuf_release(&sb);
		rc = -1;
	}
	return rc;
}

/* --- inputs ---------------------------------------------------------- */

/* Lists the input types in a mask for messages. */
static void describe_types(strbuf *sb, unsigned mask)
{
	static const unsigned flags[] = {
	        CHISO_INPUT_INTEGER, CHISO_INPUT_NUMBER, CHISO_INPUT_BOOLEAN,
	        CHISO_INPUT_CHOICE, CHISO_INPUT_TEXT};
	size_t i, n = 0;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (mask & flags[i])
			strbuf_printf(sb, "%s%s", n++ ? _(" or ") : "",
			              model_type_name(flags[i]));
}

/* Suggests the closest input id for a misspelt one. */
static void unknown_input(chiso_prepare_ctx *ctx, const chiso_param *name,
                          const char *id)
{
	const char *near =
	        diag_full(ctx->sc->d) ? NULL : model_suggest_input(ctx->m, id);

	if (near)
		h_error(ctx, name,
		        _("unknown input '%s'; did you mean '%s'? (inputs are "
		          "declared under 'inputs:')"),
		        id, near);
	else
		h_error(ctx, name,
		        _("unknown input '%s'; declare it under 'inputs:' "
		          "first"),
		        id);
}

/* Records a dependency on slot; the same slot twice is kept once. */
static void add_dep(chiso_prepare_ctx *ctx, int slot, unsigned flags)
{
	size_t i;

	for (i = 0; i < ctx->ndeps; i++)
		if (ctx->deps[i].slot == slot) {
			ctx->deps[i].flags &= flags;
			return;
		}
	if (ctx->ndeps == ctx->cap) {
		ctx->cap = ctx->cap ? ctx->cap * 2 : 4;
		ctx->deps = xrealloc(ctx->deps, ctx->cap * sizeof(*ctx->deps));
	}
	ctx->deps[ctx->ndeps].slot = slot;
	ctx->deps[ctx->ndeps].flags = flags;
	ctx->ndeps++;
}

/* Binds the input id, reporting at name. */
static int bind_id(chiso_prepare_ctx *ctx, const char *id,
                   const chiso_param *name, unsigned types_mask, unsigned flags)
{
	const model_input *in;
	strbuf sb = STRBUF_INIT;
	int slot;

	slot = model_input_slot(ctx->m, id);
	if (slot < 0) {
		unknown_input(ctx, name, id);
		return -1;
	}
	in = &ctx->m->inputs[slot];
	if (!(in->type & types_mask)) {
		describe_types(&sb, types_mask);
		h_error(ctx, name,
		        _("input '%s' is %s, but this method needs %s"), in->id,
		        model_type_name(in->type), strbuf_str(&sb));
		strbuf_release(&sb);
		return -1;
	}
	add_dep(ctx, slot, flags);
	return slot;
}

static int h_bind_input(chiso_prepare_ctx *ctx, const chiso_param *name,
                        unsigned types_mask, unsigned flags)
{
	const doc_node *n = host_param_node(name);

	if (!n || n->kind != DOC_SCALAR) {
		h_error(ctx, name, _("expected the id of an input, not %s"),
		        n ? _(doc_kind_name(n->kind)) : _("nothing"));
		return -1;
	}
	if (n->len == 0) {
		h_error(ctx, name,
		        _("expected the id of an input, not an empty value"));
		return -1;
	}
	return bind_id(ctx, n->text, name, types_mask, flags);
}

/* ABI 1.3: an input named by any string. */
static int h_bind_input_id(chiso_prepare_ctx *ctx, const char *id,
                           const chiso_param *node, unsigned types_mask,
                           unsigned flags)
{
	if (!id || !*id) {
		h_error(ctx, node,
		        _("expected the id of an input, not an empty value"));
		return -1;
	}
	return bind_id(ctx, id, node, types_mask, flags);
}

/* Valid slot of the model being prepared, or NULL. */
static const model_input *ctx_input(chiso_prepare_ctx *ctx, int slot)
{
	if (slot < 0 || (size_t)slot >= ctx->m->ninputs)
		return NULL;
	return &ctx->m->inputs[slot];
}

static unsigned h_input_type(chiso_prepare_ctx *ctx, int slot)
{
	const model_input *in = ctx_input(ctx, slot);

	return in ? in->type : 0;
}

static size_t h_input_choice_count(chiso_prepare_ctx *ctx, int slot)
{
	const model_input *in = ctx_input(ctx, slot);

	return in ? in->nchoices : 0;
}

static const char *h_input_choice(chiso_prepare_ctx *ctx, int slot, size_t i)
{
	const model_input *in = ctx_input(ctx, slot);

	return in && i < in->nchoices ? in->choices[i] : NULL;
}

static const char *h_input_id(chiso_prepare_ctx *ctx, int slot)
{
	const model_input *in = ctx_input(ctx, slot);

	return in ? in->id : NULL;
}

/* ABI 1.3: what the model says of a bound input. */
static int h_input_info(chiso_prepare_ctx *ctx, int slot,
                        chiso_input_info *info)
{
	const model_input *in = ctx_input(ctx, slot);
	chiso_input_info full;
	size_t n;

	if (!in || !info)
		return -1;
	memset(&full, 0, sizeof(full));
	full.struct_size = info->struct_size;
	full.type = in->type;
	full.min = in->min.kind == BOUND_NUMBER ? in->min.number : NAN;
	full.max = in->max.kind == BOUND_NUMBER ? in->max.number : NAN;
	full.id = in->id;
	full.label = in->label ? in->label : in->id;
	full.unit = in->unit;
	n = info->struct_size < sizeof(full) ? info->struct_size : sizeof(full);
	if (n > sizeof(full.struct_size))
		memcpy((char *)info + sizeof(full.struct_size),
		       (const char *)&full + sizeof(full.struct_size),
		       n - sizeof(full.struct_size));
	return 0;
}

/* ABI 1.3: the text chiso adds to the "missing" note. */
static void h_missing_hint(chiso_prepare_ctx *ctx, const char *text)
{
	model_node *node = &ctx->m->nodes[ctx->node];
	size_t len;

	free(node->missing_hint);
	node->missing_hint = NULL;
	if (!text || !*text)
		return;
	len = strnlen(text, CHISO_MISSING_HINT_MAX + 1);
	if (len > CHISO_MISSING_HINT_MAX || utf8_check(text, len, NULL) != 0) {
		h_error(ctx, NULL,
		        _("missing_hint: the text must be valid UTF-8 of at "
		          "most %d bytes"),
		        CHISO_MISSING_HINT_MAX);
		return;
	}
	node->missing_hint = xmalloc(len + 1);
	memcpy(node->missing_hint, text, len + 1);
}

static double h_indicator_points(chiso_prepare_ctx *ctx)
{
	return ctx->m->nodes[ctx->node].points;
}

static const char *h_indicator_id(chiso_prepare_ctx *ctx)
{
	return ctx->m->nodes[ctx->node].id;
}

/* --- compute: the hot path, slot look-ups only ------------------------ */

/* The value at slot, or NULL when absent or out of range. */
static inline const unit_value *slot_value(const chiso_unit *u, int slot)
{
	if (slot < 0 || (size_t)slot >= u->ninputs || !u->values[slot].present)
		return NULL;
	return &u->values[slot];
}

static int h_get_number(const chiso_unit *u, int slot, double *out)
{
	const unit_value *v = slot_value(u, slot);

	if (!v || u->inputs[slot].type == CHISO_INPUT_TEXT)
		return CHISO_VALUE_ABSENT;
	*out = v->num;
	return CHISO_VALUE_PRESENT;
}

static int h_get_bool(const chiso_unit *u, int slot, int *out)
{
	const unit_value *v = slot_value(u, slot);

	if (!v || u->inputs[slot].type != CHISO_INPUT_BOOLEAN)
		return CHISO_VALUE_ABSENT;
	*out = v->num != 0;
	return CHISO_VALUE_PRESENT;
}

static int h_get_choice(const chiso_unit *u, int slot, size_t *index)
{
	const unit_value *v = slot_value(u, slot);

	if (!v || u->inputs[slot].type != CHISO_INPUT_CHOICE)
		return CHISO_VALUE_ABSENT;
	*index = (size_t)v->num;
	return CHISO_VALUE_PRESENT;
}

static const char *h_get_text(const chiso_unit *u, int slot)
{
	const unit_value *v = slot_value(u, slot);

	if (!v ||
	    !(u->inputs[slot].type & (CHISO_INPUT_TEXT | CHISO_INPUT_CHOICE)))
		return NULL;
	return u->pool + v->text;
}

/* --- ABI 1.3: the unit, the log, scratch memory ---------------------- */

/* A pool string, or NULL when empty. */
static const char *unit_str(const chiso_unit *u, size_t off)
{
	const char *s = batch_str(u->b, off);

	return s && *s ? s : NULL;
}

static int h_unit_info(const chiso_unit *u, chiso_unit_info *info)
{
	chiso_unit_info full;
	size_t n;

	if (!info)
		return -1;
	memset(&full, 0, sizeof(full));
	if (u && u->b) {
		const unit_rec *bu = &u->b->units[u->u];

		full.code = unit_str(u, bu->code);
		full.name = unit_str(u, bu->name);
		full.level = unit_str(u, bu->level);
		full.parent = unit_str(u, bu->parent);
		full.period = unit_str(u, bu->period);
		full.stage = unit_str(u, bu->stage);
	}
	n = info->struct_size < sizeof(full) ? info->struct_size : sizeof(full);
	if (n > sizeof(full.struct_size))
		memcpy((char *)info + offsetof(chiso_unit_info, code),
		       (const char *)&full + offsetof(chiso_unit_info, code),
		       n - offsetof(chiso_unit_info, code));
	return 0;
}

/* Messages logged per indicator in this process (for CHISO_LOG_MAX). */
static struct logged {
	const model_node *node;
	unsigned n;
} * logged;
static size_t nlogged, caplogged;

/* The count of messages of node so far, incremented. */
static unsigned log_count(const model_node *node)
{
	size_t i;

	for (i = 0; i < nlogged; i++)
		if (logged[i].node == node)
			return ++logged[i].n;
	if (nlogged == caplogged) {
		caplogged = caplogged ? 2 * caplogged : 16;
		logged = xrealloc(logged, caplogged * sizeof(*logged));
	}
	logged[nlogged].node = node;
	logged[nlogged].n = 1;
	return logged[nlogged++].n;
}

void host_log_reset(void)
{
	free(logged);
	logged = NULL;
	nlogged = caplogged = 0;
}

static void h_vlog(chiso_prepare_ctx *ctx, const chiso_unit *u, int level,
                   const char *fmt, va_list ap)
        __attribute__((format(printf, 4, 0)));
static void h_vlog(chiso_prepare_ctx *ctx, const chiso_unit *u, int level,
                   const char *fmt, va_list ap)
{
	const model_node *node = ctx ? &ctx->m->nodes[ctx->node]
	                         : u ? u->node
	                             : NULL;
	const char *what = level == CHISO_LOG_ERROR     ? "error"
	                   : level == CHISO_LOG_WARNING ? "warning"
	                                                : "info";
	strbuf sb = STRBUF_INIT;
	unsigned n;

	if (!node || !fmt)
		return;
	n = log_count(node);
	if (n > CHISO_LOG_MAX + 1)
		return;
	if (n == CHISO_LOG_MAX + 1)
		strbuf_printf(
		        &sb, _("more than %d messages; the rest are not shown"),
		        CHISO_LOG_MAX);
	else
		strbuf_vprintf(&sb, fmt, ap);
	fflush(stdout);
	escape_fprintf(stderr, "chiso: plugin %s, indicator %s: %s: %s\n",
	               node->plugin ? node->plugin->name : node->method,
	               node->id, n > CHISO_LOG_MAX ? "info" : what,
	               strbuf_str(&sb));
	fflush(stderr);
	strbuf_release(&sb);
}

static void h_log(chiso_prepare_ctx *ctx, const chiso_unit *u, int level,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void h_log(chiso_prepare_ctx *ctx, const chiso_unit *u, int level,
                  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	h_vlog(ctx, u, level, fmt, ap);
	va_end(ap);
}

/* ABI 1.4: the language of the model's notes, the run's unless its
 * loader said otherwise (model_env.plugin_language). */
static const char *h_language(chiso_prepare_ctx *ctx)
{
	return ctx->m->plugin_language;
}

static void h_verror(chiso_prepare_ctx *ctx, const chiso_param *node,
                     const char *fmt, va_list ap)
        __attribute__((format(printf, 3, 0)));
static void h_verror(chiso_prepare_ctx *ctx, const chiso_param *node,
                     const char *fmt, va_list ap)
{
	vreport(ctx, DIAG_ERROR, node, fmt, ap);
}

static void h_vwarn(chiso_prepare_ctx *ctx, const chiso_param *node,
                    const char *fmt, va_list ap)
        __attribute__((format(printf, 3, 0)));
static void h_vwarn(chiso_prepare_ctx *ctx, const chiso_param *node,
                    const char *fmt, va_list ap)
{
	vreport(ctx, DIAG_WARNING, node, fmt, ap);
}

/* Alignment of scratch blocks: enough for any type. */
#define SCRATCH_ALIGN _Alignof(max_align_t)

static void *h_alloc(const chiso_unit *unit, size_t n)
{
	/* The view is the call's own copy (run_compute): writable. */
	chiso_unit *u = (chiso_unit *)(uintptr_t)unit;
	size_t at;

	if (!u || !u->node)
		return NULL;
	at = (u->scratch_used + SCRATCH_ALIGN - 1) & ~(SCRATCH_ALIGN - 1);
	if (n == 0)
		n = 1;
	if (at > CHISO_SCRATCH_MAX || n > CHISO_SCRATCH_MAX - at)
		return NULL;
	if (!u->scratch)
		u->scratch = xmalloc(CHISO_SCRATCH_MAX);
	u->scratch_used = at + n;
	return u->scratch + at;
}

void host_call_end(chiso_unit *view)
{
	free(view->scratch);
	view->scratch = NULL;
	view->scratch_used = 0;
}

/* --- ABI 1.2: the second phase ------------------------------------- */

static size_t h_batch_count(const chiso_batch *cb)
{
	return cb->b->nunits;
}

static int h_batch_get(const chiso_batch *cb, size_t i, double *raw)
{
	const batch *b = cb->b;
	size_t node = b->model->leaves[cb->leaf];

	if (i >= b->nunits || b->units[i].invalid ||
	    b->node_status[BATCH_NODE(b, i, node)] != CHISO_STATUS_OK ||
	    !b->leaf_has_raw[BATCH_LEAF(b, i, cb->leaf)])
		return CHISO_VALUE_ABSENT;
	*raw = b->leaf_raw[BATCH_LEAF(b, i, cb->leaf)];
	return CHISO_VALUE_PRESENT;
}

static const char *h_batch_group(const chiso_batch *cb, size_t i)
{
	if (i >= cb->b->nunits)
		return "";
	return batch_str(cb->b, cb->b->units[i].parent);
}

static void h_batch_set(chiso_batch *cb, size_t i, int status, double fraction,
                        const char *note)
{
	leaf_store_finish(cb->b, cb->leaf, i, status, fraction, note);
}

/* --- ABI 1.2: child units' results ----------------------------------- */

/* The children's model, or NULL after reporting why there is none. Sets
 * *later when the model is only being checked (no children results are
 * needed then). */
static const rs_model *child_model(chiso_prepare_ctx *ctx, int *later)
{
	const rs_set *cs = ctx->m->children;

	*later = !cs && !ctx->m->for_evaluation;
	if (*later)
		return NULL;
	if (!cs || cs->nmodels == 0) {
		h_error(ctx, NULL,
		        _("this method reads the results of child units: give "
		          "them with chiso evaluate --children RESULTS.json"));
		return NULL;
	}
	if (cs->nmodels > 1) {
		h_error(ctx, NULL,
		        _("the children results come from %zu models; give the "
		          "results of one model"),
		        cs->nmodels);
		return NULL;
	}
	return &cs->models[0];
}

static int h_bind_child_node(chiso_prepare_ctx *ctx, const chiso_param *id)
{
	int later;
	const rs_model *cm = child_model(ctx, &later);
	const char *text = h_param_string(id);
	int i;

	if (later)
		return 0; /* bound for real when evaluated with --children */
	if (!cm)
		return -1;
	if (!text || !*text) {
		h_error(ctx, id,
		        _("expected the id of a node of the children's "
		          "model"));
		return -1;
	}
	i = rs_node_index(cm, text);
	if (i < 0)
		h_error(ctx, id,
		        _("node '%s' is not in the children's model %s %s"),
		        text, cm->id, cm->version);
	return i;
}

/* 1 when some child unit of cs has a value of input text; else 0, after
 * reporting it at id with the closest input they have (a misspelt
 * weight would otherwise fail only at evaluation, child by child). */
static int child_input_known(chiso_prepare_ctx *ctx, const chiso_param *id,
                             const rs_set *cs, const char *text)
{
	const rs_unit *some = NULL;
	const char *near;
	size_t u, v;

	for (u = 0; u < cs->nunits; u++) {
		const rs_unit *c = &cs->units[u];

		for (v = 0; v < c->nvalues; v++)
			if (strcmp(c->value_ids[v], text) == 0)
				return 1;
		if (!some && c->nvalues)
			some = c;
	}
	if (!some) {
		h_error(ctx, id,
		        _("input '%s': the children results (%s) hold no input "
		          "values"),
		        text, cs->nunits ? cs->units[0].file : _("empty"));
		return 0;
	}
	near = suggest_closest(text, some->value_ids, some->nvalues);
	h_error(ctx, id,
	        _("input '%s' is in none of the children's data (%s)%s%s%s"),
	        text, some->file, near ? _("; did you mean '") : "",
	        near ? near : "", near ? _("'?") : "");
	return 0;
}

static int h_bind_child_input(chiso_prepare_ctx *ctx, const chiso_param *id)
{
	chiso_model *m = ctx->m;
	const char *text = h_param_string(id);
	size_t k;
	int later;

	if (!child_model(ctx, &later) && !later)
		return -1;
	if (!text || !*text) {
		h_error(ctx, id,
		        _("expected the id of an input of the children's "
		          "data"));
		return -1;
	}
	if (!later && !child_input_known(ctx, id, m->children, text))
		return -1;
	for (k = 0; k < m->nchild_inputs; k++)
		if (strcmp(m->child_inputs[k], text) == 0)
			return (int)k;
	m->child_inputs = xrealloc(m->child_inputs,
	                           (m->nchild_inputs + 1) * sizeof(char *));
	m->child_inputs[m->nchild_inputs] = text;
	return (int)m->nchild_inputs++;
}

static const char *h_child_model_id(chiso_prepare_ctx *ctx)
{
	const rs_set *cs = ctx->m->children;

	return cs && cs->nmodels ? cs->models[0].id : NULL;
}

static size_t h_child_count(const chiso_unit *u)
{
	return u->nchildren;
}

static int h_child_node(const chiso_unit *u, size_t i, int handle,
                        double *value, double *points, double *max)
{
	const rs_unit *c;

	if (i >= u->nchildren || handle < 0)
		return -1;
	c = &u->cset->units[u->children[i]];
	if (!c->node_value ||
	    (size_t)handle >= u->cset->models[c->model].nnodes)
		return -1;
	if (value)
		*value = c->node_value[handle];
	if (points)
		*points = c->node_points[handle];
	if (max)
		*max = c->node_max[handle];
	return c->node_status[handle];
}

static int h_child_input(const chiso_unit *u, size_t i, int handle, double *out)
{
	double v;

	if (i >= u->nchildren || handle < 0 || !u->child_inputs)
		return CHISO_VALUE_ABSENT;
	v = u->child_inputs[handle][u->children[i]];
	if (v != v)
		return CHISO_VALUE_ABSENT; /* NAN: absent */
	*out = v;
	return CHISO_VALUE_PRESENT;
}

static const char *h_child_code(const chiso_unit *u, size_t i)
{
	return i < u->nchildren ? u->cset->units[u->children[i]].code : NULL;
}

const chiso_host_api host_api = {
        .abi_version = CHISO_ABI_CURRENT,
        .struct_size = (uint32_t)sizeof(chiso_host_api),
        .params = h_params,
        .param_get = h_param_get,
        .param_kind = h_param_kind,
        .param_count = h_param_count,
        .param_at = h_param_at,
        .param_key_at = h_param_key_at,
        .param_string = h_param_string,
        .param_number = h_param_number,
        .param_bool = h_param_bool,
        .param_check_keys = h_param_check_keys,
        .error = h_error,
        .warn = h_warn,
        .bind_input = h_bind_input,
        .input_type = h_input_type,
        .input_choice_count = h_input_choice_count,
        .input_choice = h_input_choice,
        .indicator_points = h_indicator_points,
        .indicator_id = h_indicator_id,
        .get_number = h_get_number,
        .get_bool = h_get_bool,
        .get_choice = h_get_choice,
        .get_text = h_get_text,
        .input_id = h_input_id,
        .batch_count = h_batch_count,
        .batch_get = h_batch_get,
        .batch_group = h_batch_group,
        .batch_set = h_batch_set,
        .bind_child_node = h_bind_child_node,
        .bind_child_input = h_bind_child_input,
        .child_model_id = h_child_model_id,
        .child_count = h_child_count,
        .child_node = h_child_node,
        .child_input = h_child_input,
        .child_code = h_child_code,
        .bind_input_id = h_bind_input_id,
        .input_info = h_input_info,
        .unit_info = h_unit_info,
        .missing_hint = h_missing_hint,
        .log = h_log,
        .alloc = h_alloc,
        .verror = h_verror,
        .vwarn = h_vwarn,
        .vlog = h_vlog,
        .language = h_language,
};
