/*
 * results_set.c - reading results documents back, one unit at a time.
 */
#include "read/results_set.h"

#include "read/json_reader.h"
#include "read/results_check.h"
#include "read/results_fields.h"
#include "read/results_kind.h"
#include "read/results_model.h"
#include "read/schema.h"
#include "read/source.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One JSON document being read: its text and where the model and the
 * units are. */
struct rs_doc {
	struct rs_reader r;
	const char *buf;
	int have_model;
	json_span model_span, units_span, format_span;
	int has_units, has_format;
	results_keys keys; /* what the top level holds */
};

void rs_init(rs_set *set)
{
	memset(set, 0, sizeof(*set));
	set->arena = doc_new("results");
	set->limits = doc_limits_data;
	set->limits.what = "a results file";
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
		schema_error(&r->sc, map, "unit %s: %s: no %s", u->code, what,
		             key);
	else
		schema_error(&r->sc, map,
		             "unit %s: no %s; a unit with status ok or error "
		             "is scored: it has points, max, value and its "
		             "nodes",
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

/* Allocates the per-node and per-view arrays of a unit. */
static void alloc_unit(rs_set *set, rs_unit *u, const rs_model *m)
{
	size_t n = m->nnodes + 1, v = m->nviews + 1;

	u->node_points = doc_alloc(set->arena, n * sizeof(double));
	u->node_max = doc_alloc(set->arena, n * sizeof(double));
	u->node_value = doc_alloc(set->arena, n * sizeof(double));
	u->node_raw = doc_alloc(set->arena, n * sizeof(double));
	u->node_status = doc_alloc(set->arena, n);
	u->node_has_raw = doc_alloc(set->arena, n);
	u->node_note = doc_alloc(set->arena, n * sizeof(char *));
	u->node_hint = doc_alloc(set->arena, n * sizeof(char *));
	u->view_points = doc_alloc(set->arena, v * sizeof(double));
	u->view_max = doc_alloc(set->arena, v * sizeof(double));
	u->view_value = doc_alloc(set->arena, v * sizeof(double));
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
		             "unit %s: node '%s' is not in model.nodes",
		             u->code, id);
	else if (src->nodes[i])
		schema_error(&r->sc, n, "unit %s: node '%s' is listed twice",
		             u->code, id);
	else if (src->derived && m->nodes[i].parent >= 0)
		schema_error(&r->sc, n,
		             "unit %s: node '%s' is not a main index; a merged "
		             "unit (derived) lists only the main indices",
		             u->code, id);
	else
		return i;
	r->failed = 1;
	return -1;
}

/* "nodes" of a unit, matched to the model's by position or id; each
 * once, with its points, max, value and status. */
static void read_unit_nodes(struct rs_reader *r, rs_unit *u, const rs_model *m,
                            const doc_node *list, rs_unit_src *src)
{
	char what[96];
	size_t k;

	for (k = 0; k < m->nnodes; k++) {
		u->node_note[k] = "";
		u->node_hint[k] = "";
	}
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
		status = rs_field_text(r->set, doc_get(n, "status"));
		st = node_status(status);
		if (st < 0 && !r->failed) {
			schema_error(&r->sc,
			             doc_get(n, "status") ? doc_get(n, "status")
			                                  : n,
			             "unit %s: %s: status '%s' is not ok, na, "
			             "missing or error",
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
			        v < 0 ? "unit %s: view '%s' is not in "
			                "model.views"
			              : "unit %s: view '%s' is listed twice",
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
		             "unit %s: class '%s' is not in model.classes",
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
		schema_error(&r->sc, nodes ? nodes : n,
		             "unit %s: lists %zu nodes, but a merged unit "
		             "(derived) lists each of the %zu main indices of "
		             "model %s once",
		             u->code, nn, want, m->id);
	else if (nn != want)
		schema_error(
		        &r->sc, nodes ? nodes : n,
		        "unit %s: lists %zu nodes, but model %s has %zu; a "
		        "scored unit lists every node of its model, once",
		        u->code, nn, m->id, want);
	else if (nv != m->nviews)
		schema_error(
		        &r->sc, views ? views : n,
		        "unit %s: lists %zu views, but model %s has %zu; a "
		        "scored unit lists every view of its model, once",
		        u->code, nv, m->id, m->nviews);
	else if (src->derived &&
	         (r->slots += m->nnodes + m->nviews + 1) > r->len)
		schema_error(
		        &r->sc, n,
		        "unit %s: the merged units of this file would be "
		        "held with %zu node and view slots, more than its "
		        "%zu bytes can carry (a merged unit lists only the "
		        "main indices but is held with every node of the "
		        "model; the limit is one slot per byte of the "
		        "file, fixed)",
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
	rs_set *set = r->set;
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
	alloc_unit(set, u, m);
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
		schema_error(&r->sc, missing,
		             "unit %s: \"missing\" must be a list of input ids",
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
			             "unit %s: \"missing\" must be a list of "
			             "input ids",
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

/* One unit of the document. */
static int read_unit(void *arg, json_span item)
{
	struct rs_doc *rd = arg;
	struct rs_reader *r = &rd->r;
	rs_set *set = r->set;
	const rs_model *m = &set->models[r->model];
	doc *d = json_read_span(r->file, rd->buf, item, &r->set->limits,
	                        r->sc.d);
	const doc_node *n, *id, *st;
	rs_unit *u;
	const char *status;

	if (!d) {
		r->failed = 1;
		return -1;
	}
	n = d->root;
	id = doc_get(n, "unit");
	if (n->kind != DOC_MAP || !id || id->kind != DOC_MAP ||
	    !doc_get(id, "code")) {
		schema_error(&r->sc, n,
		             "a unit of a results document needs "
		             "unit.code");
		r->failed = 1;
		doc_free(d);
		return -1;
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
	if (set->keep_text)
		u->text = doc_strndup(set->arena, rd->buf + item.start,
		                      item.end - item.start);
	st = doc_get(n, "status");
	status = rs_field_text(set, st);
	u->status = strcmp(status, "invalid") == 0 ? RS_INVALID
	            : strcmp(status, "error") == 0 ? RS_ERROR
	                                           : RS_OK;
	if (u->status == RS_OK && strcmp(status, "ok") != 0) {
		schema_error(&r->sc, st ? st : n,
		             "unit %s: status '%s' is not ok, error or invalid",
		             u->code, status);
		r->failed = 1;
	}
	read_unit_texts(r, u, n);
	u->klass = -1;
	u->class_why = "";
	if (u->status != RS_INVALID && !r->failed)
		read_scores(r, u, m, n);
	doc_free(d);
	return r->failed ? -1 : 0;
}

/* Notes where the model and the units are. */
static int top_member(void *arg, json_span k, json_span v)
{
	struct rs_doc *r = arg;
	size_t len = k.end - k.start - 2;
	const char *key = r->buf + k.start + 1;

	if ((len == 6 && memcmp(key, "inputs", 6) == 0) ||
	    (len == 7 && memcmp(key, "indices", 7) == 0))
		r->keys.model_parts = 1;
	if ((len == 4 && memcmp(key, "unit", 4) == 0) ||
	    (len == 6 && memcmp(key, "values", 6) == 0))
		r->keys.unit_parts = 1;
	if (len == 5 && memcmp(key, "model", 5) == 0) {
		r->model_span = v;
		r->have_model = 1;
	} else if (len == 5 && memcmp(key, "units", 5) == 0) {
		r->units_span = v;
		r->has_units = 1;
	} else if (len == 6 && memcmp(key, "format", 6) == 0) {
		r->format_span = v;
		r->has_format = 1;
	}
	return 0;
}

/* Reads the model section, then every unit. */
static int read_doc(struct rs_doc *r, size_t len)
{
	json_span root = json_root_span(r->buf, len, 0);
	doc *md;

	if (r->buf[root.start] == '{')
		json_each_member(r->buf, root, top_member, r);
	r->keys.list = r->buf[root.start] == '[';
	r->keys.model = r->have_model;
	r->keys.units = r->has_units;
	if (results_kind_of_keys(&r->keys) != RESULTS_KIND_OTHER) {
		results_kind_error(r->r.sc.d, r->r.file,
		                   results_kind_of_keys(&r->keys));
		return -1;
	}
	if (!r->have_model || !r->has_units) {
		diag_error(r->r.sc.d, r->r.file, root.line, root.col,
		           "not a results document (it needs \"model\" and "
		           "\"units\"); make one with chiso evaluate --format "
		           "json");
		return -1;
	}
	if (r->has_format && (r->format_span.end - r->format_span.start != 1 ||
	                      r->buf[r->format_span.start] != '1')) {
		diag_error(r->r.sc.d, r->r.file, r->format_span.line,
		           r->format_span.col,
		           "results format not supported: this chiso reads "
		           "format 1");
		return -1;
	}
	md = json_read_span(r->r.file, r->buf, r->model_span, &r->r.set->limits,
	                    r->r.sc.d);
	if (!md)
		return -1;
	if (rs_model_read(&r->r, md->root) < 0) {
		doc_free(md);
		return -1;
	}
	doc_free(md);
	if (r->buf[r->units_span.start] != '[') {
		diag_error(r->r.sc.d, r->r.file, r->units_span.line,
		           r->units_span.col, "units must be a list");
		return -1;
	}
	json_each_item(r->buf, r->units_span, read_unit, r);
	return r->r.failed ? -1 : 0;
}

int rs_read_buffer(rs_set *set, const char *path, const char *buf, size_t len,
                   diag *d)
{
	struct rs_doc r;
	size_t units_before = set->nunits, models_before = set->nmodels;
	size_t start;
	int rc;

	memset(&r, 0, sizeof(r));
	r.r.set = set;
	r.r.len = len;
	r.r.file = doc_strndup(set->arena, path, strlen(path));
	r.r.sc.d = d;
	r.r.sc.file = r.r.file;
	rc = json_validate(path, buf, len, &set->limits, d, &start);
	if (rc == 0) {
		r.buf = buf + start;
		rc = read_doc(&r, len - start);
	}
	if (rc < 0) {
		set->nunits = units_before;
		set->nmodels = models_before;
	}
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

int rs_read_file(rs_set *set, const char *path, diag *d)
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
