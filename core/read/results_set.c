/*
 * results_set.c - reading results documents back, one unit at a time.
 */
#include "read/results_set.h"

#include "read/json_reader.h"
#include "read/results_check.h"
#include "read/results_kind.h"
#include "read/schema.h"
#include "read/source.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	results_keys keys; /* what the top level holds */
	size_t len;        /* bytes of the file */
	size_t slots;      /* node and view slots held for its merged units */
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

	int rc;

	if (!n || schema_is_null(n))
		return 0;
	if (n->kind == DOC_SCALAR && !n->quoted) {
		rc = numfmt_parse(n->text, &x);
		if (rc == 0)
			return x;
		/* A subnormal value chiso computed and wrote (far below any
		 * score, e.g. a ratio of 1e-300 to 1e10) reads as 0: it is
		 * not refused as a number a person wrote in a model or data
		 * file would be. */
		if (rc == NUMFMT_UNDERFLOW)
			return 0;
	}
	if (schema_number(&r->sc, n, key, &x) < 0)
		r->failed = 1;
	return x;
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
		return number(r, map, key);
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

int rs_node_index(const rs_model *m, const char *id)
{
	size_t i, lo = 0, hi = m->nnodes;

	if (!m->by_id) {
		for (i = 0; i < m->nnodes; i++)
			if (strcmp(m->nodes[i].id, id) == 0)
				return (int)i;
		return -1;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->nodes[m->by_id[mid]].id, id);

		if (c == 0)
			return (int)m->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
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

/* A node id and its place, for sorting. */
struct id_key {
	const char *id;
	size_t index;
};

/* By id, then place. */
static int cmp_id_keys(const void *a, const void *b)
{
	const struct id_key *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Sorts the node ids into m->by_id, for look-ups; reports an id listed
 * twice. Returns 0 or -1. */
static int index_ids(struct rs_reader *r, rs_model *m, const doc_node *list)
{
	struct id_key *k = xmalloc((m->nnodes + 1) * sizeof(*k));
	size_t i;
	int rc = 0;

	for (i = 0; i < m->nnodes; i++) {
		k[i].id = m->nodes[i].id;
		k[i].index = i;
	}
	qsort(k, m->nnodes, sizeof(*k), cmp_id_keys);
	m->by_id = doc_alloc(r->set->arena, (m->nnodes + 1) * sizeof(size_t));
	for (i = 0; i < m->nnodes; i++) {
		m->by_id[i] = k[i].index;
		if (rc == 0 && i > 0 && strcmp(k[i].id, k[i - 1].id) == 0) {
			schema_error(
			        &r->sc, list->items[k[i].index],
			        "model.nodes: node id '%s' is listed twice",
			        k[i].id);
			rc = -1;
		}
	}
	free(k);
	return rc;
}

/* The identity of node i of model.nodes; its parent's id into *parent. */
static void read_tree_node(struct rs_reader *r, rs_node *node,
                           const doc_node *n, const char **parent)
{
	rs_set *set = r->set;

	node->id = keep(set, doc_get(n, "id"));
	node->name = keep(set, doc_get(n, "name"));
	if (!*node->id) {
		schema_error(&r->sc, n, "model.nodes: a node needs an id");
		r->failed = 1;
	} else if (!doc_get(n, "points")) {
		schema_error(&r->sc, n, "model.nodes: node '%s' has no points",
		             node->id);
		r->failed = 1;
	}
	node->points = number(r, n, "points");
	node->method =
	        doc_get(n, "method") ? keep(set, doc_get(n, "method")) : NULL;
	node->kind = doc_get(n, "kind") ? keep(set, doc_get(n, "kind")) : NULL;
	node->is_leaf = node->method != NULL;
	*parent = keep(set, doc_get(n, "parent"));
}

/* "nodes" of the model section: the tree with parents by id, each
 * listed before its children. */
static void read_tree(struct rs_reader *r, rs_model *m, const doc_node *list)
{
	rs_set *set = r->set;
	const char **parents;
	size_t i, nroots = 0;

	if (!list || list->kind != DOC_SEQ) {
		schema_error(&r->sc, list,
		             "model.nodes must be the list of the model's "
		             "nodes; results written before it was added lack "
		             "it: evaluate them again");
		r->failed = 1;
		return;
	}
	m->nnodes = list->count;
	m->nodes = doc_alloc(set->arena, (list->count + 1) * sizeof(rs_node));
	m->roots = doc_alloc(set->arena, (list->count + 1) * sizeof(size_t));
	parents = xcalloc(list->count + 1, sizeof(char *));
	for (i = 0; i < list->count && !r->failed; i++)
		read_tree_node(r, &m->nodes[i], list->items[i], &parents[i]);
	if (!r->failed && index_ids(r, m, list) < 0)
		r->failed = 1;
	for (i = 0; i < list->count && !r->failed; i++) {
		rs_node *node = &m->nodes[i];

		node->parent = *parents[i] ? rs_node_index(m, parents[i]) : -1;
		if (*parents[i] &&
		    (node->parent < 0 || node->parent >= (int)i)) {
			schema_error(&r->sc, list->items[i],
			             "node '%s' names parent '%s', not listed "
			             "before it",
			             node->id, parents[i]);
			r->failed = 1;
		}
		node->depth = node->parent >= 0
		                      ? m->nodes[node->parent].depth + 1
		                      : 0;
		if (node->parent < 0)
			m->roots[nroots++] = i;
	}
	free(parents);
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

/* The nodes each view sums, when model.views lists them. */
static void read_view_defs(struct rs_reader *r, rs_model *m,
                           const doc_node *list)
{
	size_t v, k;

	m->view_defs = doc_alloc(r->set->arena,
	                         (m->nviews + 1) * sizeof(*m->view_defs));
	for (v = 0; v < m->nviews && !r->failed; v++) {
		const doc_node *ids = doc_get(list->items[v], "nodes");
		rs_view_def *def = &m->view_defs[v];
		size_t *idx;

		if (!ids)
			continue;
		if (ids->kind != DOC_SEQ) {
			schema_error(&r->sc, ids,
			             "model.views: the nodes of view '%s' must "
			             "be a list of node ids",
			             m->views[v].id);
			r->failed = 1;
			return;
		}
		idx = doc_alloc(r->set->arena,
		                (ids->count + 1) * sizeof(size_t));
		for (k = 0; k < ids->count; k++) {
			const doc_node *id = ids->items[k];
			int i = id->kind == DOC_SCALAR
			                ? rs_node_index(m, id->text)
			                : -1;

			if (i < 0) {
				schema_error(&r->sc, id,
				             "model.views: view '%s' names a "
				             "node not in model.nodes",
				             m->views[v].id);
				r->failed = 1;
				return;
			}
			idx[k] = (size_t)i;
		}
		def->nodes = idx;
		def->nnodes = ids->count;
		def->given = 1;
	}
}

/* A share of a class's conditions (min_value, extended_min): a number
 * in [0, 1]; *has set when given. */
static double read_share(struct rs_reader *r, const doc_node *cls,
                         const char *key, const char *id, int *has)
{
	const doc_node *n = doc_get(cls, key);
	double x = 0;

	*has = n != NULL;
	if (!n)
		return 0;
	if (schema_number(&r->sc, n, key, &x) < 0 || x < 0 || x > 1) {
		if (x < 0 || x > 1)
			schema_error(
			        &r->sc, n,
			        "model.classes: %s of class '%s' must be a "
			        "share in [0, 1]",
			        key, id);
		r->failed = 1;
	}
	return x;
}

/* The conditions of each class, when model.classes gives them. */
static void read_class_rules(struct rs_reader *r, rs_model *m,
                             const doc_node *list)
{
	size_t k;

	m->class_rules = doc_alloc(r->set->arena,
	                           (m->nclasses + 1) * sizeof(*m->class_rules));
	for (k = 0; k < m->nclasses; k++) {
		const doc_node *cls = list->items[k];
		const doc_node *mand = doc_get(cls, "mandatory");
		rs_class_rule *c = &m->class_rules[k];
		const char *id = m->classes[k].id;

		c->min_value =
		        read_share(r, cls, "min_value", id, &c->has_min_value);
		c->extended_min = read_share(r, cls, "extended_min", id,
		                             &c->has_extended_min);
		if (mand && (mand->kind != DOC_SCALAR ||
		             strcmp(mand->text, "all") != 0)) {
			schema_error(&r->sc, mand,
			             "model.classes: mandatory of class '%s' "
			             "must be \"all\"",
			             id);
			r->failed = 1;
		}
		c->mandatory_all = mand != NULL;
		c->given = c->has_min_value || c->has_extended_min ||
		           c->mandatory_all;
	}
}

/* model.precision (required: values are checked as published, to its
 * decimals) and model.missing (optional). */
static void read_policy(struct rs_reader *r, rs_model *m, const doc_node *n)
{
	static const char *const missing[] = {"zero", "exclude", "error", NULL};
	const doc_node *pn = doc_get(n, "precision");
	const doc_node *mn = doc_get(n, "missing");
	double prec = -1;
	size_t k;

	if (pn && schema_number(&r->sc, pn, "model.precision", &prec) < 0) {
		r->failed = 1;
		return;
	}
	if (prec < 0 || prec > 10 || prec != floor(prec)) {
		schema_error(&r->sc, pn ? pn : n,
		             "model.precision must be a whole number of "
		             "decimals from 0 to 10");
		r->failed = 1;
		return;
	}
	m->precision = (int)prec;
	m->missing = RS_MISSING_UNKNOWN;
	for (k = 0; mn && missing[k]; k++)
		if (mn->kind == DOC_SCALAR && strcmp(mn->text, missing[k]) == 0)
			m->missing = (int)k;
	if (mn && m->missing == RS_MISSING_UNKNOWN) {
		schema_error(&r->sc, mn,
		             "model.missing must be zero, exclude or error");
		r->failed = 1;
	}
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
	const doc_node *list;
	rs_model m;
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
	m.points = number(r, n, "points");
	if (!*m.id || !*m.version) {
		schema_error(&r->sc, n, "model: id and version are required");
		r->failed = 1;
		return;
	}
	read_policy(r, &m, n);
	if (r->failed)
		return;
	found = find_model(set, &m);
	if (found >= 0) {
		r->model = (size_t)found;
		r->have_model = 1;
		return;
	}
	read_tree(r, &m, doc_get(n, "nodes"));
	if (!r->failed && !doc_get(n, "points")) {
		size_t k;

		for (k = 0; k < m.nroots; k++)
			m.points += m.nodes[m.roots[k]].points;
	}
	if (!r->failed && rs_check_tree(&r->sc, &m, doc_get(n, "nodes"),
	                                m.points, doc_get(n, "points")) < 0)
		r->failed = 1;
	if (r->failed)
		return;
	list = doc_get(n, "views");
	m.views = read_named(r, list, &m.nviews);
	read_view_defs(r, &m, list);
	list = doc_get(n, "classes");
	m.classes = read_named(r, list, &m.nclasses);
	read_class_rules(r, &m, list);
	if (r->failed)
		return;
	set->models = xrealloc(set->models,
	                       (set->nmodels + 1) * sizeof(*set->models));
	set->models[set->nmodels] = m;
	r->model = set->nmodels++;
	r->have_model = 1;
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
		status = keep(r->set, doc_get(n, "status"));
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
			u->node_raw[i] = number(r, n, "raw");
			u->node_has_raw[i] = 1;
		}
		if (!r->set->lean || u->status != RS_OK) {
			u->node_note[i] = keep(r->set, doc_get(n, "note"));
			u->node_hint[i] = keep(r->set, doc_get(n, "hint"));
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
	const char *id = keep(r->set, doc_get(n, "class"));
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
		              keep(r->set, doc_get(failed->items[k], "class")),
		              keep(r->set, doc_get(failed->items[k], "why")));
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
		        keep(r->set, from->items[k]);
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
		u->missing[u->nmissing++] = keep(r->set, id);
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
			u->value_ids[k] = keep(set, values->keys[k]);
			u->value_texts[k] = keep(set, v);
		}
	}
	read_unit_derived(r, u, doc_get(n, "derived"));
	read_unit_missing(r, u, doc_get(n, "missing"));
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
	st = doc_get(n, "status");
	status = keep(set, st);
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
	struct rs_reader *r = arg;
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
static int read_doc(struct rs_reader *r, size_t len)
{
	json_span root = json_root_span(r->buf, len, 0);
	doc *md;

	if (r->buf[root.start] == '{')
		json_each_member(r->buf, root, top_member, r);
	r->keys.list = r->buf[root.start] == '[';
	r->keys.model = r->have_model;
	r->keys.units = r->has_units;
	if (results_kind_of_keys(&r->keys) != RESULTS_KIND_OTHER) {
		results_kind_error(r->sc.d, r->file,
		                   results_kind_of_keys(&r->keys));
		return -1;
	}
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
	r.len = len;
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
