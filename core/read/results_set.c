/*
 * results_set.c - reading results documents back, one unit at a time.
 */
#include "read/results_set.h"

#include "read/json_reader.h"
#include "read/schema.h"
#include "read/source.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

/* One file being read. */
struct rs_reader {
	rs_set *set;
	schema_ctx sc;
	const char *buf;
	const char *file; /* arena copy */
	size_t model;
	int have_model, failed;
	json_span model_span, units_span, format_span;
	int has_units, has_format;
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

/* A copy of s in the arena; "" for NULL or a null scalar. */
static const char *keep(rs_set *set, const doc_node *n)
{
	if (!n || n->kind != DOC_SCALAR || schema_is_null(n))
		return "";
	return doc_strndup(set->arena, n->text, n->len);
}

/* A number field; 0 when absent. Reports a wrong type. */
static double number(struct rs_reader *r, const doc_node *map, const char *key)
{
	const doc_node *n = doc_get(map, key);
	double x = 0;

	if (!n || schema_is_null(n))
		return 0;
	/* A subnormal value chiso computed and wrote (far below any score,
	 * e.g. a ratio of 1e-300 to 1e10) reads as 0: it is not refused as
	 * a number a person wrote in a model or data file would be. */
	if (n->kind == DOC_SCALAR && !n->quoted &&
	    numfmt_parse(n->text, &x) == NUMFMT_UNDERFLOW)
		return 0;
	if (schema_number(&r->sc, n, key, &x) < 0)
		r->failed = 1;
	return x;
}

int rs_node_index(const rs_model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nnodes; i++)
		if (strcmp(m->nodes[i].id, id) == 0)
			return (int)i;
	return -1;
}

int rs_view_index(const rs_model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nviews; i++)
		if (strcmp(m->views[i].id, id) == 0)
			return (int)i;
	return -1;
}

double rs_published(const rs_set *set, double value, const rs_unit *u)
{
	return numfmt_round(value, set->models[u->model].precision);
}

/* "nodes" of the model section: the tree with parents by id. */
static void read_tree(struct rs_reader *r, rs_model *m, const doc_node *list)
{
	rs_set *set = r->set;
	size_t i, nroots = 0;

	if (!list || list->kind != DOC_SEQ) {
		schema_error(&r->sc, list,
		             "model.nodes must be the list of the model's "
		             "nodes; results written before it was added lack "
		             "it: evaluate them again");
		r->failed = 1;
		return;
	}
	/* nnodes counts the nodes read so far: a parent is looked up among
	 * them only. */
	m->nnodes = 0;
	m->nodes = doc_alloc(set->arena, (list->count + 1) * sizeof(rs_node));
	m->roots = doc_alloc(set->arena, (list->count + 1) * sizeof(size_t));
	for (i = 0; i < list->count; i++) {
		const doc_node *n = list->items[i];
		rs_node *node = &m->nodes[i];
		const char *parent;

		node->id = keep(set, doc_get(n, "id"));
		node->name = keep(set, doc_get(n, "name"));
		node->points = number(r, n, "points");
		node->method = doc_get(n, "method")
		                       ? keep(set, doc_get(n, "method"))
		                       : NULL;
		node->kind = doc_get(n, "kind") ? keep(set, doc_get(n, "kind"))
		                                : NULL;
		node->is_leaf = node->method != NULL;
		parent = keep(set, doc_get(n, "parent"));
		node->parent = *parent ? rs_node_index(m, parent) : -1;
		if (*parent && node->parent < 0) {
			schema_error(&r->sc, n,
			             "node '%s' names parent '%s', not listed "
			             "before it",
			             node->id, parent);
			r->failed = 1;
		}
		node->depth = node->parent >= 0
		                      ? m->nodes[node->parent].depth + 1
		                      : 0;
		if (node->parent < 0)
			m->roots[nroots++] = i;
		m->nnodes = i + 1;
	}
	m->nroots = nroots;
}

/* "views" or "classes": id and name of each. */
static rs_named *read_named(struct rs_reader *r, const doc_node *list,
                            size_t *count)
{
	rs_named *out;
	size_t i;

	*count = 0;
	if (!list || list->kind != DOC_SEQ)
		return NULL;
	out = doc_alloc(r->set->arena, (list->count + 1) * sizeof(*out));
	for (i = 0; i < list->count; i++) {
		out[i].id = keep(r->set, doc_get(list->items[i], "id"));
		out[i].name = keep(r->set, doc_get(list->items[i], "name"));
	}
	*count = list->count;
	return out;
}

/* The same model (id, version, hash) read from another file, or -1. */
static int find_model(const rs_set *set, const rs_model *m)
{
	size_t i;

	for (i = 0; i < set->nmodels; i++)
		if (strcmp(set->models[i].id, m->id) == 0 &&
		    strcmp(set->models[i].version, m->version) == 0 &&
		    strcmp(set->models[i].sha256, m->sha256) == 0)
			return (int)i;
	return -1;
}

/* The "model" section: identity, tree, views, classes. */
static void read_model(struct rs_reader *r, const doc_node *n)
{
	rs_set *set = r->set;
	rs_model m;
	double prec;
	int found;

	memset(&m, 0, sizeof(m));
	if (schema_expect(&r->sc, n, DOC_MAP, "model") < 0) {
		r->failed = 1;
		return;
	}
	m.id = keep(set, doc_get(n, "id"));
	m.version = keep(set, doc_get(n, "version"));
	m.title = keep(set, doc_get(n, "title"));
	m.sha256 = keep(set, doc_get(n, "sha256"));
	m.file = keep(set, doc_get(n, "file"));
	prec = number(r, n, "precision");
	m.precision = prec >= 0 && prec <= 15 ? (int)prec : 4;
	m.points = number(r, n, "points");
	if (!*m.id || !*m.version) {
		schema_error(&r->sc, n, "model: id and version are required");
		r->failed = 1;
		return;
	}
	found = find_model(set, &m);
	if (found >= 0) {
		r->model = (size_t)found;
		r->have_model = 1;
		return;
	}
	read_tree(r, &m, doc_get(n, "nodes"));
	m.views = read_named(r, doc_get(n, "views"), &m.nviews);
	m.classes = read_named(r, doc_get(n, "classes"), &m.nclasses);
	if (r->failed)
		return;
	set->models = xrealloc(set->models,
	                       (set->nmodels + 1) * sizeof(*set->models));
	set->models[set->nmodels] = m;
	r->model = set->nmodels++;
	r->have_model = 1;
}

/* Node status names to numbers (chiso_status). */
static unsigned char node_status(const char *s)
{
	if (strcmp(s, "na") == 0)
		return 1;
	if (strcmp(s, "error") == 0)
		return 2;
	if (strcmp(s, "missing") == 0)
		return 3;
	return 0;
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

/* "nodes" of a unit, matched to the model's by position or id. */
static void read_unit_nodes(struct rs_reader *r, rs_unit *u, const rs_model *m,
                            const doc_node *list)
{
	size_t k;

	for (k = 0; k < m->nnodes; k++) {
		u->node_note[k] = "";
		u->node_hint[k] = "";
	}
	if (!list || list->kind != DOC_SEQ)
		return;
	for (k = 0; k < list->count; k++) {
		const doc_node *n = list->items[k];
		const doc_node *idn = doc_get(n, "id");
		int i = k < m->nnodes && idn && idn->kind == DOC_SCALAR &&
		                        strcmp(m->nodes[k].id, idn->text) == 0
		                ? (int)k
		                : (idn && idn->kind == DOC_SCALAR
		                           ? rs_node_index(m, idn->text)
		                           : -1);

		if (i < 0) {
			schema_error(&r->sc, n,
			             "unit %s: node '%s' is not in model.nodes",
			             u->code, idn ? idn->text : "?");
			r->failed = 1;
			return;
		}
		u->node_points[i] = number(r, n, "points");
		u->node_max[i] = number(r, n, "max");
		u->node_value[i] = number(r, n, "value");
		u->node_status[i] =
		        node_status(keep(r->set, doc_get(n, "status")));
		if (doc_get(n, "raw")) {
			u->node_raw[i] = number(r, n, "raw");
			u->node_has_raw[i] = 1;
		}
		if (!r->set->lean || u->status != RS_OK) {
			u->node_note[i] = keep(r->set, doc_get(n, "note"));
			u->node_hint[i] = keep(r->set, doc_get(n, "hint"));
		}
	}
}

/* "views" of a unit. */
static void read_unit_views(struct rs_reader *r, rs_unit *u, const rs_model *m,
                            const doc_node *list)
{
	size_t k;

	if (!list || list->kind != DOC_SEQ)
		return;
	for (k = 0; k < list->count; k++) {
		const doc_node *n = list->items[k];
		const doc_node *idn = doc_get(n, "id");
		int v = idn && idn->kind == DOC_SCALAR
		                ? rs_view_index(m, idn->text)
		                : -1;

		if (v < 0)
			continue;
		u->view_points[v] = number(r, n, "points");
		u->view_max[v] = number(r, n, "max");
		u->view_value[v] = number(r, n, "value");
	}
}

/* "class" and "class_failed" of a unit. */
static void read_unit_class(struct rs_reader *r, rs_unit *u, const rs_model *m,
                            const doc_node *n)
{
	const doc_node *failed = doc_get(n, "class_failed");
	const char *id = keep(r->set, doc_get(n, "class"));
	strbuf why = STRBUF_INIT;
	size_t k;

	u->klass = -1;
	for (k = 0; k < m->nclasses && *id; k++)
		if (strcmp(m->classes[k].id, id) == 0)
			u->klass = (int)k;
	for (k = 0; failed && failed->kind == DOC_SEQ && k < failed->count; k++)
		strbuf_printf(&why, "%snot %s: %s", k ? "\n" : "",
		              keep(r->set, doc_get(failed->items[k], "class")),
		              keep(r->set, doc_get(failed->items[k], "why")));
	u->class_why = doc_strndup(r->set->arena, strbuf_str(&why), why.len);
	strbuf_release(&why);
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
		        keep(r->set, from->items[k]);
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
			u->value_ids[k] = keep(set, values->keys[k]);
			u->value_texts[k] = keep(set, v);
		}
	}
	read_unit_derived(r, u, doc_get(n, "derived"));
	if (problems && problems->kind == DOC_SEQ) {
		u->nproblems = problems->count;
		u->problems = doc_alloc(set->arena,
		                        (problems->count + 1) * sizeof(char *));
		for (k = 0; k < problems->count; k++)
			u->problems[k] = keep(set, problems->items[k]);
	}
}

/* One unit of the document. */
static int read_unit(void *arg, json_span item)
{
	struct rs_reader *r = arg;
	rs_set *set = r->set;
	const rs_model *m = &set->models[r->model];
	doc *d =
	        json_read_span(r->file, r->buf, item, &r->set->limits, r->sc.d);
	const doc_node *n, *id;
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
	u->code = keep(set, doc_get(id, "code"));
	u->name = keep(set, doc_get(id, "name"));
	u->level = keep(set, doc_get(id, "level"));
	u->parent = keep(set, doc_get(id, "parent"));
	u->period = keep(set, doc_get(id, "period"));
	u->stage = keep(set, doc_get(n, "stage"));
	u->file = r->file;
	u->model = r->model;
	if (set->keep_text)
		u->text = doc_strndup(set->arena, r->buf + item.start,
		                      item.end - item.start);
	status = keep(set, doc_get(n, "status"));
	u->status = strcmp(status, "invalid") == 0 ? RS_INVALID
	            : strcmp(status, "error") == 0 ? RS_ERROR
	                                           : RS_OK;
	read_unit_texts(r, u, n);
	u->klass = -1;
	u->class_why = "";
	if (u->status != RS_INVALID) {
		u->points = number(r, n, "points");
		u->max = number(r, n, "max");
		u->value = number(r, n, "value");
		alloc_unit(set, u, m);
		read_unit_nodes(r, u, m, doc_get(n, "nodes"));
		read_unit_views(r, u, m, doc_get(n, "views"));
		read_unit_class(r, u, m, n);
	}
	doc_free(d);
	return r->failed ? -1 : 0;
}

/* Notes where the model and the units are. */
static int top_member(void *arg, json_span k, json_span v)
{
	struct rs_reader *r = arg;
	size_t len = k.end - k.start - 2;
	const char *key = r->buf + k.start + 1;

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
static int read_doc(struct rs_reader *r, size_t len)
{
	json_span root = json_root_span(r->buf, len, 0);
	doc *md;

	if (r->buf[root.start] == '{')
		json_each_member(r->buf, root, top_member, r);
	if (!r->have_model || !r->has_units) {
		diag_error(r->sc.d, r->file, root.line, root.col,
		           "not a results document (it needs \"model\" and "
		           "\"units\"); make one with chiso evaluate --format "
		           "json");
		return -1;
	}
	if (r->has_format && (r->format_span.end - r->format_span.start != 1 ||
	                      r->buf[r->format_span.start] != '1')) {
		diag_error(r->sc.d, r->file, r->format_span.line,
		           r->format_span.col,
		           "results format not supported: this chiso reads "
		           "format 1");
		return -1;
	}
	r->have_model = 0;
	md = json_read_span(r->file, r->buf, r->model_span, &r->set->limits,
	                    r->sc.d);
	if (!md)
		return -1;
	read_model(r, md->root);
	doc_free(md);
	if (r->failed || !r->have_model)
		return -1;
	if (r->buf[r->units_span.start] != '[') {
		diag_error(r->sc.d, r->file, r->units_span.line,
		           r->units_span.col, "units must be a list");
		return -1;
	}
	json_each_item(r->buf, r->units_span, read_unit, r);
	return r->failed ? -1 : 0;
}

int rs_read_buffer(rs_set *set, const char *path, const char *buf, size_t len,
                   diag *d)
{
	struct rs_reader r;
	size_t units_before = set->nunits, models_before = set->nmodels;
	size_t start;
	int rc;

	memset(&r, 0, sizeof(r));
	r.set = set;
	r.file = doc_strndup(set->arena, path, strlen(path));
	r.sc.d = d;
	r.sc.file = r.file;
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

int rs_read_file(rs_set *set, const char *path, diag *d)
{
	size_t len;
	char *buf;
	int rc;

	if (source_read_file(path, &set->limits, &buf, &len, d) < 0)
		return -1;
	rc = rs_read_buffer(set, path, buf, len, d);
	free(buf);
	return rc;
}
