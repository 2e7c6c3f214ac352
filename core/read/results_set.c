/*
 * results_set.c - reading results documents back, one unit at a time.
 */
#include "read/results_set.h"

#include "read/json_stream.h"
#include "read/results_check.h"
#include "read/results_fields.h"
#include "read/results_kind.h"
#include "read/results_model.h"
#include "read/schema.h"
#include "read/source.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void rs_init(rs_set *set)
{
	const char *chunk = getenv("CHISO_READ_CHUNK");

	memset(set, 0, sizeof(*set));
	set->arena = doc_new("results");
	set->limits = doc_limits_data;
	set->limits.what = "a results file";
	/* for tests: every boundary between pieces must read alike */
	if (chunk && *chunk)
		set->read_chunk = (size_t)strtoul(chunk, NULL, 10);
}

void rs_free(rs_set *set)
{
	free(set->models);
	free(set->units);
	doc_free(set->arena);
	memset(set, 0, sizeof(*set));
}

/* A number the unit must have: key of map, the unit's own (what NULL)
 * or that of a node or view of it (what "node 1.1"); 0 after reporting
 * that it lacks it. */
static double need(struct rs_reader *r, const rs_unit *u, const doc_node *map,
                   const char *key, const char *what)
{
	const doc_node *n = doc_get(map, key);

	if (r->failed)
		return 0;
	if (n && !schema_is_null(n))
		return rs_field_number(r, map, key);
	if (what)
		schema_error(&r->sc, map, _("unit %s: %s: no %s"), u->code,
		             what, key);
	else
		schema_error(&r->sc, map,
		             _("unit %s: no %s; a unit with status ok or error "
		               "is scored: it has points, max, value and its "
		               "nodes"),
		             u->code, key);
	r->failed = 1;
	return 0;
}

double rs_published(const rs_set *set, double value, const rs_unit *u)
{
	return numfmt_round(value, set->models[u->model].precision);
}

/* Node status names to numbers (chiso_status); -1 for another text. */
static int node_status(const char *s)
{
	static const char *const names[] = {"ok", "na", "error", "missing"};
	int k;

	for (k = 0; k < 4; k++)
		if (strcmp(s, names[k]) == 0)
			return k;
	return -1;
}

/* The text of scalar n, "" for none or null (rs_field_text() without
 * the copy: borrowed from n's tree). */
static const char *text_of(const doc_node *n)
{
	return n && n->kind == DOC_SCALAR && !schema_is_null(n) ? n->text : "";
}

/*
 * Allocates the per-node and per-view arrays of a unit. A unit scored ok
 * of a lean set keeps no notes nor hints: its two arrays are one array
 * of "" shared by all (read-only), not two of its own.
 */
static void alloc_unit(struct rs_reader *r, rs_unit *u, const rs_model *m)
{
	rs_set *set = r->set;
	size_t n = m->nnodes + 1, v = m->nviews + 1, k;

	u->node_points = doc_alloc(set->arena, n * sizeof(double));
	u->node_max = doc_alloc(set->arena, n * sizeof(double));
	u->node_value = doc_alloc(set->arena, n * sizeof(double));
	u->node_raw = doc_alloc(set->arena, n * sizeof(double));
	u->node_status = doc_alloc(set->arena, n);
	u->node_has_raw = doc_alloc(set->arena, n);
	u->view_points = doc_alloc(set->arena, v * sizeof(double));
	u->view_max = doc_alloc(set->arena, v * sizeof(double));
	u->view_value = doc_alloc(set->arena, v * sizeof(double));
	if (set->lean && u->status == RS_OK) {
		if (!r->blank) {
			r->blank = doc_alloc(set->arena, n * sizeof(char *));
			for (k = 0; k < n; k++)
				r->blank[k] = "";
		}
		u->node_note = u->node_hint = r->blank;
		return;
	}
	u->node_note = doc_alloc(set->arena, n * sizeof(char *));
	u->node_hint = doc_alloc(set->arena, n * sizeof(char *));
	for (k = 0; k < n; k++)
		u->node_note[k] = u->node_hint[k] = "";
}

/* The model node a unit's node object n is (by position k, else by id),
 * or -1 after reporting why it cannot be: unknown, listed twice, or not
 * a main index in a merged unit. */
static int unit_node_index(struct rs_reader *r, const rs_unit *u,
                           const rs_model *m, const rs_unit_src *src,
                           const doc_node *n, size_t k)
{
	const doc_node *idn = doc_get(n, "id");
	const char *id = idn && idn->kind == DOC_SCALAR ? idn->text : "?";
	int i = k < m->nnodes && strcmp(m->nodes[k].id, id) == 0
	                ? (int)k
	                : rs_node_index(m, id);

	if (i < 0)
		schema_error(&r->sc, n,
		             _("unit %s: node '%s' is not in model.nodes"),
		             u->code, id);
	else if (src->nodes[i])
		schema_error(&r->sc, n, _("unit %s: node '%s' is listed twice"),
		             u->code, id);
	else if (src->derived && m->nodes[i].parent >= 0)
		schema_error(
		        &r->sc, n,
		        _("unit %s: node '%s' is not a main index; a merged "
		          "unit (derived) lists only the main indices"),
		        u->code, id);
	else
		return i;
	r->failed = 1;
	return -1;
}

/* The "decisions" of node i of unit u (chiso appraise), as one text. */
static void read_node_decisions(struct rs_reader *r, rs_unit *u,
                                const rs_model *m, size_t i,
                                const doc_node *list)
{
	strbuf sb = STRBUF_INIT;
	size_t k;

	if (!list || list->kind != DOC_SEQ || list->count == 0)
		return;
	if (!u->node_decision) {
		u->node_decision =
		        doc_alloc(r->set->arena, m->nnodes * sizeof(char *));
		for (k = 0; k < m->nnodes; k++)
			u->node_decision[k] = "";
	}
	for (k = 0; k < list->count; k++) {
		const doc_node *d = list->items[k];

		strbuf_printf(&sb, "%s%s: %s", k ? "; " : "",
		              text_of(doc_get(d, "stage")),
		              text_of(doc_get(d, "kind")));
		if (doc_get(d, "input"))
			strbuf_printf(&sb, " %s", text_of(doc_get(d, "input")));
		strbuf_printf(
		        &sb, " %s -> %s (%s, %s): %s",
		        text_of(doc_get(d, "from")), text_of(doc_get(d, "to")),
		        text_of(doc_get(d, "by")), text_of(doc_get(d, "at")),
		        text_of(doc_get(d, "reason")));
	}
	u->node_decision[i] =
	        doc_strndup(r->set->arena, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
}

/* "nodes" of a unit, matched to the model's by position or id; each
 * once, with its points, max, value and status. */
static void read_unit_nodes(struct rs_reader *r, rs_unit *u, const rs_model *m,
                            const doc_node *list, rs_unit_src *src)
{
	char what[96];
	size_t k;

	for (k = 0; list && k < list->count && !r->failed; k++) {
		const doc_node *n = list->items[k];
		const char *status;
		int i = unit_node_index(r, u, m, src, n, k), st;

		if (i < 0)
			return;
		src->nodes[i] = n;
		snprintf(what, sizeof(what), "node %.80s", m->nodes[i].id);
		u->node_points[i] = need(r, u, n, "points", what);
		u->node_max[i] = need(r, u, n, "max", what);
		u->node_value[i] = need(r, u, n, "value", what);
		status = text_of(doc_get(n, "status"));
		st = node_status(status);
		if (st < 0 && !r->failed) {
			schema_error(
			        &r->sc,
			        doc_get(n, "status") ? doc_get(n, "status") : n,
			        _("unit %s: %s: status '%s' is not ok, na, "
			          "missing or error"),
			        u->code, what, status);
			r->failed = 1;
		}
		u->node_status[i] = (unsigned char)(st < 0 ? 0 : st);
		if (doc_get(n, "raw")) {
			u->node_raw[i] = rs_field_number(r, n, "raw");
			u->node_has_raw[i] = 1;
		}
		if (!r->set->lean || u->status != RS_OK) {
			u->node_note[i] =
			        rs_field_text(r->set, doc_get(n, "note"));
			u->node_hint[i] =
			        rs_field_text(r->set, doc_get(n, "hint"));
		}
		read_node_decisions(r, u, m, (size_t)i,
		                    doc_get(n, "decisions"));
	}
}

/* "views" of a unit: each view of the model once, with its points, max
 * and value. */
static void read_unit_views(struct rs_reader *r, rs_unit *u, const rs_model *m,
                            const doc_node *list, rs_unit_src *src)
{
	char what[96];
	size_t k;

	for (k = 0; list && k < list->count && !r->failed; k++) {
		const doc_node *n = list->items[k];
		const doc_node *idn = doc_get(n, "id");
		const char *id =
		        idn && idn->kind == DOC_SCALAR ? idn->text : "?";
		int v = k < m->nviews && strcmp(m->views[k].id, id) == 0
		                ? (int)k
		                : rs_view_index(m, id);

		if (v < 0 || src->views[v]) {
			schema_error(
			        &r->sc, n,
			        v < 0 ? _("unit %s: view '%s' is not in "
			                  "model.views")
			              : _("unit %s: view '%s' is listed twice"),
			        u->code, id);
			r->failed = 1;
			return;
		}
		src->views[v] = n;
		snprintf(what, sizeof(what), "view %.80s", id);
		u->view_points[v] = need(r, u, n, "points", what);
		u->view_max[v] = need(r, u, n, "max", what);
		u->view_value[v] = need(r, u, n, "value", what);
	}
}

/* "class" and "class_failed" of a unit; a class not in model.classes is
 * refused. */
static void read_unit_class(struct rs_reader *r, rs_unit *u, const rs_model *m,
                            const doc_node *n)
{
	const doc_node *failed = doc_get(n, "class_failed");
	const char *id = rs_field_text(r->set, doc_get(n, "class"));
	strbuf why = STRBUF_INIT;
	size_t k;

	u->klass = -1;
	for (k = 0; k < m->nclasses && *id && u->klass < 0; k++)
		if (strcmp(m->classes[k].id, id) == 0)
			u->klass = (int)k;
	if (*id && u->klass < 0) {
		schema_error(&r->sc, doc_get(n, "class"),
		             _("unit %s: class '%s' is not in model.classes"),
		             u->code, id);
		r->failed = 1;
	}
	for (k = 0; failed && failed->kind == DOC_SEQ && k < failed->count; k++)
		strbuf_printf(&why, "%snot %s: %s", k ? "\n" : "",
		              rs_field_text(r->set,
		                            doc_get(failed->items[k], "class")),
		              rs_field_text(r->set,
		                            doc_get(failed->items[k], "why")));
	u->class_why = doc_strndup(r->set->arena, strbuf_str(&why), why.len);
	strbuf_release(&why);
}

/* A scored unit lists every node of its model once (a merged unit: every
 * main index), and every view: checked before its arrays are allocated,
 * so that memory follows what the file holds, not what it declares. A
 * merged unit is held with every node of the model although it lists
 * only the main indices: the file's merged units may take one node or
 * view slot per byte of it. Returns 0 or -1. */
static int check_counts(struct rs_reader *r, const rs_unit *u,
                        const rs_model *m, const doc_node *n,
                        const rs_unit_src *src)
{
	const doc_node *nodes = doc_get(n, "nodes");
	const doc_node *views = doc_get(n, "views");
	size_t want = src->derived ? m->nroots : m->nnodes;
	size_t nn = nodes && nodes->kind == DOC_SEQ ? nodes->count : 0;
	size_t nv = views && views->kind == DOC_SEQ ? views->count : 0;

	if (nn != want && src->derived)
		schema_error(
		        &r->sc, nodes ? nodes : n,
		        _("unit %s: lists %zu nodes, but a merged unit "
		          "(derived) lists each of the %zu main indices of "
		          "model %s once"),
		        u->code, nn, want, m->id);
	else if (nn != want)
		schema_error(
		        &r->sc, nodes ? nodes : n,
		        _("unit %s: lists %zu nodes, but model %s has %zu; a "
		          "scored unit lists every node of its model, once"),
		        u->code, nn, m->id, want);
	else if (nv != m->nviews)
		schema_error(
		        &r->sc, views ? views : n,
		        _("unit %s: lists %zu views, but model %s has %zu; a "
		          "scored unit lists every view of its model, once"),
		        u->code, nv, m->id, m->nviews);
	else if (src->derived &&
	         (r->slots += m->nnodes + m->nviews + 1) > r->len)
		schema_error(
		        &r->sc, n,
		        _("unit %s: the merged units of this file would be "
		          "held with %zu node and view slots, more than its "
		          "%zu bytes can carry (a merged unit lists only the "
		          "main indices but is held with every node of the "
		          "model; the limit is one slot per byte of the "
		          "file, fixed)"),
		        u->code, r->slots, r->len);
	else
		return 0;
	r->failed = 1;
	return -1;
}

/* Points, max, value, nodes, views and class of a scored unit, then the
 * checks of their arithmetic (read/results_check.h). */
static void read_scores(struct rs_reader *r, rs_unit *u, const rs_model *m,
                        const doc_node *n)
{
	rs_unit_src src;

	memset(&src, 0, sizeof(src));
	src.unit = n;
	src.derived =
	        doc_get(n, "derived") && !schema_is_null(doc_get(n, "derived"));
	u->points = need(r, u, n, "points", NULL);
	u->max = need(r, u, n, "max", NULL);
	u->value = need(r, u, n, "value", NULL);
	if (r->failed || check_counts(r, u, m, n, &src) < 0)
		return;
	alloc_unit(r, u, m);
	src.nodes = xcalloc(m->nnodes + 1, sizeof(*src.nodes));
	src.views = xcalloc(m->nviews + 1, sizeof(*src.views));
	read_unit_nodes(r, u, m, doc_get(n, "nodes"), &src);
	if (!r->failed)
		read_unit_views(r, u, m, doc_get(n, "views"), &src);
	if (!r->failed)
		read_unit_class(r, u, m, n);
	if (!r->failed && rs_check_unit(&r->sc, m, u, &src) < 0)
		r->failed = 1;
	free(src.nodes);
	free(src.views);
}

/* "derived" of a unit made by chiso merge: the codes it came from. */
static void read_unit_derived(struct rs_reader *r, rs_unit *u,
                              const doc_node *derived)
{
	const doc_node *from = derived ? doc_get(derived, "from") : NULL;
	size_t k;

	if (!from || from->kind != DOC_SEQ)
		return;
	u->derived_from =
	        doc_alloc(r->set->arena, (from->count + 1) * sizeof(char *));
	for (k = 0; k < from->count; k++)
		u->derived_from[u->nderived_from++] =
		        rs_field_text(r->set, from->items[k]);
}

/* "missing" of a unit: the required inputs it lacked, a list of input
 * ids. */
static void read_unit_missing(struct rs_reader *r, rs_unit *u,
                              const doc_node *missing)
{
	size_t k;

	if (!missing)
		return;
	if (missing->kind != DOC_SEQ) {
		schema_error(
		        &r->sc, missing,
		        _("unit %s: \"missing\" must be a list of input ids"),
		        u->code);
		r->failed = 1;
		return;
	}
	u->missing =
	        doc_alloc(r->set->arena, (missing->count + 1) * sizeof(char *));
	for (k = 0; k < missing->count; k++) {
		const doc_node *id = missing->items[k];

		if (id->kind != DOC_SCALAR || id->len == 0) {
			schema_error(&r->sc, id,
			             _("unit %s: \"missing\" must be a list of "
			               "input ids"),
			             u->code);
			r->failed = 1;
			return;
		}
		u->missing[u->nmissing++] = rs_field_text(r->set, id);
	}
}

/* "values", "problems" and "derived" of a unit, as text. */
static void read_unit_texts(struct rs_reader *r, rs_unit *u, const doc_node *n)
{
	const doc_node *values = doc_get(n, "values");
	const doc_node *problems = doc_get(n, "problems");
	rs_set *set = r->set;
	size_t k;

	if (values && values->kind == DOC_MAP && !set->lean) {
		u->nvalues = values->count;
		u->value_ids = doc_alloc(set->arena,
		                         (values->count + 1) * sizeof(char *));
		u->value_texts = doc_alloc(set->arena, (values->count + 1) *
		                                               sizeof(char *));
		for (k = 0; k < values->count; k++) {
			const doc_node *v = values->items[k];

			if (v->kind == DOC_MAP)
				v = doc_get(v, "value");
			u->value_ids[k] = rs_field_text(set, values->keys[k]);
			u->value_texts[k] = rs_field_text(set, v);
		}
	}
	read_unit_derived(r, u, doc_get(n, "derived"));
	read_unit_missing(r, u, doc_get(n, "missing"));
	if (problems && problems->kind == DOC_SEQ) {
		u->nproblems = problems->count;
		u->problems = doc_alloc(set->arena,
		                        (problems->count + 1) * sizeof(char *));
		for (k = 0; k < problems->count; k++)
			u->problems[k] = rs_field_text(set, problems->items[k]);
	}
}

/* One unit of the document: n, its tree; text, its JSON text (kept when
 * the set keeps them). */
static void read_unit(struct rs_reader *r, const doc_node *n, const char *text,
                      size_t len)
{
	rs_set *set = r->set;
	const rs_model *m = &set->models[r->model];
	const doc_node *id = doc_get(n, "unit"), *st;
	rs_unit *u;
	const char *status;

	if (n->kind != DOC_MAP || !id || id->kind != DOC_MAP ||
	    !doc_get(id, "code")) {
		schema_error(&r->sc, n,
		             _("a unit of a results document needs "
		               "unit.code"));
		r->failed = 1;
		return;
	}
	if (set->nunits == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 64;
		set->units =
		        xrealloc(set->units, set->cap * sizeof(*set->units));
	}
	u = &set->units[set->nunits++];
	memset(u, 0, sizeof(*u));
	u->code = rs_field_text(set, doc_get(id, "code"));
	u->name = rs_field_text(set, doc_get(id, "name"));
	u->level = rs_field_text(set, doc_get(id, "level"));
	u->parent = rs_field_text(set, doc_get(id, "parent"));
	u->period = rs_field_text(set, doc_get(id, "period"));
	u->stage = rs_field_text(set, doc_get(n, "stage"));
	u->file = r->file;
	u->model = r->model;
	if (text)
		u->text = doc_strndup(set->arena, text, len);
	st = doc_get(n, "status");
	status = rs_field_text(set, st);
	u->status = strcmp(status, "invalid") == 0 ? RS_INVALID
	            : strcmp(status, "error") == 0 ? RS_ERROR
	                                           : RS_OK;
	if (u->status == RS_OK && strcmp(status, "ok") != 0) {
		schema_error(
		        &r->sc, st ? st : n,
		        _("unit %s: status '%s' is not ok, error or invalid"),
		        u->code, status);
		r->failed = 1;
	}
	read_unit_texts(r, u, n);
	u->klass = -1;
	u->class_why = "";
	if (u->status != RS_INVALID && !r->failed)
		read_scores(r, u, m, n);
}

/*
 * One results document being read, in the order of its text. What the
 * whole-document reader checked first is still reported first, whatever
 * its place: a problem of the text or its grammar (json_stream.h), then
 * what the top-level keys say the file is, a missing "model" or "units",
 * an unsupported format; and only then the first rule the model or a
 * unit breaks, held in sem until the end of the text.
 */
struct rs_doc {
	struct rs_reader r; /* r.sc.d is &sem */
	json_stream *js;
	diag sem;
	results_keys keys; /* what the top level holds */
	json_mark root;    /* where the document starts */
	json_mark format_at, units_at;
	int format_seen;
	int language_seen;
	int format_bad;       /* "format" is not 1 */
	int model_ok;         /* the model section read, no rule broken */
	int units_list;       /* "units" is a list */
	int units_later;      /* "units" came before "model": read at the end */
	const char *language; /* "vi" or "en" as "language" says, or NULL */
};

/* The units of the list at the stream's cursor, each checked as it is
 * read; after the first rule broken, the rest are only skipped (their
 * text checked). Returns 0, or -1 after a fatal problem. */
static int read_units(struct rs_doc *rd)
{
	struct rs_reader *r = &rd->r;
	const char *text;
	size_t len;
	doc *d;
	int rc;

	if (json_stream_enter(rd->js) < 0)
		return -1;
	while ((rc = json_stream_next(rd->js, NULL, NULL, NULL)) > 0) {
		if (r->failed) {
			if (json_stream_skip(rd->js) < 0)
				return -1;
			continue;
		}
		text = NULL;
		len = 0;
		if (r->set->keep_text)
			json_stream_capture(rd->js);
		d = json_stream_value(rd->js, &rd->sem);
		if (r->set->keep_text)
			text = json_stream_captured(rd->js, &len);
		if (!d) {
			if (json_stream_failed(rd->js))
				return -1;
			r->failed = 1;
			continue;
		}
		r->len = (size_t)json_stream_size(rd->js);
		read_unit(r, d->root, text, len);
	}
	return rc;
}

/* "units must be a list", at the units. */
static void units_not_list(struct rs_doc *rd)
{
	diag_error(&rd->sem, rd->r.file, rd->units_at.line, rd->units_at.col,
	           _("units must be a list"));
	rd->r.failed = 1;
}

/* 1 when what the document said so far leaves nothing to read: a rule
 * broken, or a format this chiso does not read. */
static int done(const struct rs_doc *rd)
{
	return rd->r.failed || rd->format_bad;
}

/* The value of "format": 1, as written. */
static int read_format(struct rs_doc *rd)
{
	size_t len;
	const char *text;
	int c = json_stream_peek(rd->js, &rd->format_at);

	if (c < 0)
		return -1;
	if (c != '1') {
		rd->format_bad = 1;
		return json_stream_skip(rd->js);
	}
	json_stream_capture(rd->js);
	if (json_stream_skip(rd->js) < 0)
		return -1;
	text = json_stream_captured(rd->js, &len);
	rd->format_bad = len != 1 || *text != '1';
	return 0;
}

/* The value at the stream's cursor, parsed (the stream's document,
 * borrowed until the next value); NULL when it is not JSON: *rc is then
 * -1 when the text cannot be read on, else 0 with the file refused. */
static doc *member_value(struct rs_doc *rd, int *rc)
{
	doc *d = json_stream_value(rd->js, &rd->sem);

	*rc = 0;
	if (d)
		return d;
	if (json_stream_failed(rd->js))
		*rc = -1;
	else
		rd->r.failed = 1;
	return NULL;
}

/* The value of "language": "vi" or "en", the language the document's
 * notes and hints are written in (its keys and codes have none), or
 * "mixed" (chiso merge of documents in both). */
static int read_language(struct rs_doc *rd)
{
	json_mark at;
	const doc_node *n;
	doc *d;
	int c = json_stream_peek(rd->js, &at), rc;

	if (c < 0)
		return -1;
	if (done(rd))
		return json_stream_skip(rd->js);
	d = member_value(rd, &rc);
	if (!d)
		return rc;
	n = d->root;
	if (n && n->kind == DOC_SCALAR && n->quoted &&
	    (strcmp(n->text, "vi") == 0 || strcmp(n->text, "en") == 0 ||
	     strcmp(n->text, "mixed") == 0)) {
		rd->language = n->text[0] == 'v'   ? "vi"
		               : n->text[0] == 'e' ? "en"
		                                   : "mixed";
		return 0;
	}
	diag_error(&rd->sem, rd->r.file, at.line, at.col,
	           "language must be \"vi\", \"en\" or \"mixed\" (the "
	           "language of the document's notes)");
	rd->r.failed = 1;
	return 0;
}

/* The value of "model": the model section, read unless something
 * before it already refuses the file. */
static int read_model_member(struct rs_doc *rd)
{
	doc *d;
	int rc;

	if (done(rd))
		return json_stream_skip(rd->js);
	d = member_value(rd, &rc);
	if (!d)
		return rc;
	rd->model_ok = rs_model_read(&rd->r, d->root) == 0;
	return 0;
}

/* The value of "units": read now when the model has been read, else
 * marked to be read when it has. */
static int read_units_member(struct rs_doc *rd)
{
	int c = json_stream_peek(rd->js, &rd->units_at);

	if (c < 0)
		return -1;
	rd->units_list = c == '[';
	if (done(rd))
		return json_stream_skip(rd->js);
	if (!rd->keys.model) {
		rd->units_later = 1;
		if (json_stream_mark(rd->js, &rd->units_at) < 0)
			return -1;
		return json_stream_skip(rd->js);
	}
	if (!rd->units_list) {
		units_not_list(rd);
		return json_stream_skip(rd->js);
	}
	return read_units(rd);
}

/* 1 when key (len bytes, as written) is word. */
static int is_key(const char *key, size_t len, const char *word)
{
	return len == strlen(word) && memcmp(key, word, len) == 0;
}

/* One member of the top-level object. */
static int top_member(struct rs_doc *rd, const char *key, size_t len,
                      const json_mark *at)
{
	int *seen = is_key(key, len, "model")   ? &rd->keys.model
	            : is_key(key, len, "units") ? &rd->keys.units
	                                        : NULL;
	int had = seen ? *seen : 0;

	if (is_key(key, len, "inputs") || is_key(key, len, "indices"))
		rd->keys.model_parts = 1;
	if (is_key(key, len, "unit") || is_key(key, len, "values"))
		rd->keys.unit_parts = 1;
	if (seen)
		*seen = 1;
	if (is_key(key, len, "format")) {
		had = rd->format_seen;
		rd->format_seen = 1;
	}
	if (is_key(key, len, "language")) {
		had = rd->language_seen;
		rd->language_seen = 1;
	}
	if (had) {
		/* read as it comes, a document has each once */
		if (!done(rd))
			diag_error(
			        &rd->sem, rd->r.file, at->line, at->col,
			        _("duplicate key '%.*s'; each key may appear "
			          "once"),
			        (int)len, key);
		rd->r.failed = 1;
		return json_stream_skip(rd->js);
	}
	if (is_key(key, len, "format"))
		return read_format(rd);
	if (is_key(key, len, "language"))
		return read_language(rd);
	if (seen == &rd->keys.model)
		return read_model_member(rd);
	if (seen == &rd->keys.units)
		return read_units_member(rd);
	return json_stream_skip(rd->js);
}

/* The top level, to the end of the text. Returns 0, or -1 after a fatal
 * problem. */
static int read_top(struct rs_doc *rd)
{
	json_mark at;
	const char *key;
	size_t len;
	int c = json_stream_peek(rd->js, &rd->root), rc;

	if (c < 0)
		return -1;
	if (c != '{') {
		rd->keys.list = c == '[';
		if (json_stream_skip(rd->js) < 0)
			return -1;
		return json_stream_end(rd->js);
	}
	if (json_stream_enter(rd->js) < 0)
		return -1;
	while ((rc = json_stream_next(rd->js, &key, &len, &at)) > 0)
		if (top_member(rd, key, len, &at) < 0)
			return -1;
	if (rc < 0 || json_stream_end(rd->js) < 0)
		return -1;
	return 0;
}

/* After the top level: the first of its problems, in the order the
 * whole-document reader found them, into d. Returns 0 or -1. */
static int verdict(struct rs_doc *rd, diag *d)
{
	results_kind kind = results_kind_of_keys(&rd->keys);

	if (kind != RESULTS_KIND_OTHER) {
		results_kind_error(d, rd->r.file, kind);
		return -1;
	}
	if (!rd->keys.model || !rd->keys.units) {
		diag_error(
		        d, rd->r.file, rd->root.line, rd->root.col,
		        _("not a results document (it needs \"model\" and "
		          "\"units\"); make one with chiso evaluate --format "
		          "json"));
		return -1;
	}
	if (rd->format_bad) {
		diag_error(d, rd->r.file, rd->format_at.line, rd->format_at.col,
		           _("results format not supported: this chiso reads "
		             "format 1"));
		return -1;
	}
	if (!done(rd) && rd->units_later && !rd->units_list)
		units_not_list(rd);
	if (!done(rd) && rd->units_later &&
	    (json_stream_seek(rd->js, &rd->units_at) < 0 || read_units(rd) < 0))
		return -1; /* fatal: in d already */
	if (rd->r.failed || rd->sem.errors) {
		diag_take(d, &rd->sem);
		return -1;
	}
	return 0;
}

/* Reads the document of stream js (named path) into set. */
static int read_stream(rs_set *set, const char *path, json_stream *js, diag *d)
{
	struct rs_doc rd;
	size_t units_before = set->nunits, models_before = set->nmodels;
	int rc;

	memset(&rd, 0, sizeof(rd));
	rd.js = js;
	rd.r.set = set;
	rd.r.len = (size_t)json_stream_size(js);
	rd.r.file = doc_strndup(set->arena, path, strlen(path));
	rd.r.sc.d = &rd.sem;
	rd.r.sc.file = rd.r.file;
	rc = read_top(&rd);
	if (rc == 0)
		rc = verdict(&rd, d);
	diag_free(&rd.sem);
	if (rc < 0) {
		set->nunits = units_before;
		set->nmodels = models_before;
	} else if (rd.language && !set->language) {
		set->language = rd.language;
	} else if (rd.language && strcmp(set->language, rd.language) != 0) {
		set->language = "mixed";
	}
	return rc;
}

int rs_read_buffer(rs_set *set, const char *path, const char *buf, size_t len,
                   diag *d)
{
	json_stream *js =
	        json_stream_open_buffer(path, buf, len, &set->limits, d);
	int rc;

	if (!js)
		return -1;
	rc = read_stream(set, path, js, d);
	json_stream_close(js);
	return rc;
}

/* 1 when path ends .yaml or .yml (any case). */
static int is_yaml_name(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot && !strchr(dot, '/') &&
	       (strcasecmp(dot, ".yaml") == 0 || strcasecmp(dot, ".yml") == 0);
}

/*
 * A file that is not JSON by its name: a data file (CSV, JSON Lines, a
 * YAML data file) or a YAML model is named as such in d (returns 1);
 * anything else is left to the JSON reader (returns 0).
 */
static int not_json_results(const char *path, const char *buf, size_t len,
                            const doc_limits *lim, diag *d)
{
	diag scratch = DIAG_INIT;
	results_kind k = RESULTS_KIND_OTHER;
	doc *tree;

	if (source_is_csv(path) || source_is_jsonl(path)) {
		k = RESULTS_KIND_DATA;
	} else if (is_yaml_name(path)) {
		tree = source_parse(path, buf, len, lim, &scratch);
		k = results_kind_of_tree(tree ? tree->root : NULL);
		doc_free(tree);
		diag_free(&scratch);
	}
	results_kind_error(d, path, k);
	return k != RESULTS_KIND_OTHER;
}

/* A file named as CSV, JSON Lines or YAML, read whole as before: what
 * it is instead of results is said; else it is read as JSON. */
static int read_named_other(rs_set *set, const char *path, diag *d)
{
	size_t len;
	char *buf;
	int rc;

	if (source_read_file(path, &set->limits, &buf, &len, d) < 0)
		return -1;
	if (not_json_results(path, buf, len, &set->limits, d)) {
		free(buf);
		return -1;
	}
	rc = rs_read_buffer(set, path, buf, len, d);
	free(buf);
	return rc;
}

int rs_read_file(rs_set *set, const char *path, diag *d)
{
	json_stream *js;
	int rc;

	if (source_is_csv(path) || source_is_jsonl(path) || is_yaml_name(path))
		return read_named_other(set, path, d);
	js = json_stream_open(path, &set->limits, set->read_chunk, d);
	if (!js)
		return -1;
	rc = read_stream(set, path, js, d);
	json_stream_close(js);
	return rc;
}
