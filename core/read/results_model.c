/*
 * results_model.c - the model section of a results document: its tree,
 * views and classes, checked and kept once per model in the set.
 */
#include "read/results_model.h"

#include "read/results_check.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
			        _("model.nodes: node id '%s' is listed twice"),
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

	node->id = rs_field_text(set, doc_get(n, "id"));
	node->name = rs_field_text(set, doc_get(n, "name"));
	if (!*node->id) {
		schema_error(&r->sc, n, _("model.nodes: a node needs an id"));
		r->failed = 1;
	} else if (!doc_get(n, "points")) {
		schema_error(&r->sc, n,
		             _("model.nodes: node '%s' has no points"),
		             node->id);
		r->failed = 1;
	}
	node->points = rs_field_number(r, n, "points");
	node->method = doc_get(n, "method")
	                       ? rs_field_text(set, doc_get(n, "method"))
	                       : NULL;
	node->kind = doc_get(n, "kind") ? rs_field_text(set, doc_get(n, "kind"))
	                                : NULL;
	node->is_leaf = node->method != NULL;
	*parent = rs_field_text(set, doc_get(n, "parent"));
}

/* "nodes" of the model section: the tree with parents by id, each
 * listed before its children. */
static void read_tree(struct rs_reader *r, rs_model *m, const doc_node *list)
{
	rs_set *set = r->set;
	const char **parents;
	size_t i, nroots = 0;

	if (!list || list->kind != DOC_SEQ) {
		schema_error(
		        &r->sc, list,
		        _("model.nodes must be the list of the model's "
		          "nodes; results written before it was added lack "
		          "it: evaluate them again"));
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
			schema_error(
			        &r->sc, list->items[i],
			        _("node '%s' names parent '%s', not listed "
			          "before it"),
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
		out[i].id =
		        rs_field_text(r->set, doc_get(list->items[i], "id"));
		out[i].name =
		        rs_field_text(r->set, doc_get(list->items[i], "name"));
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
			schema_error(
			        &r->sc, ids,
			        _("model.views: the nodes of view '%s' must "
			          "be a list of node ids"),
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
				             _("model.views: view '%s' names a "
				               "node not in model.nodes"),
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
			        _("model.classes: %s of class '%s' must be a "
			          "share in [0, 1]"),
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
			             _("model.classes: mandatory of class '%s' "
			               "must be \"all\""),
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
		             _("model.precision must be a whole number of "
		               "decimals from 0 to 10"));
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
		             _("model.missing must be zero, exclude or error"));
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

int rs_model_read(struct rs_reader *r, const doc_node *n)
{
	rs_set *set = r->set;
	const doc_node *list;
	rs_model m;
	int found;

	memset(&m, 0, sizeof(m));
	if (schema_expect(&r->sc, n, DOC_MAP, "model") < 0) {
		r->failed = 1;
		return -1;
	}
	m.id = rs_field_text(set, doc_get(n, "id"));
	m.version = rs_field_text(set, doc_get(n, "version"));
	m.title = rs_field_text(set, doc_get(n, "title"));
	m.sha256 = rs_field_text(set, doc_get(n, "sha256"));
	m.file = rs_field_text(set, doc_get(n, "file"));
	m.points = rs_field_number(r, n, "points");
	if (!*m.id || !*m.version) {
		schema_error(&r->sc, n,
		             _("model: id and version are required"));
		r->failed = 1;
		return -1;
	}
	read_policy(r, &m, n);
	if (r->failed)
		return -1;
	found = find_model(set, &m);
	if (found >= 0) {
		r->model = (size_t)found;
		return 0;
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
		return -1;
	list = doc_get(n, "views");
	m.views = read_named(r, list, &m.nviews);
	read_view_defs(r, &m, list);
	list = doc_get(n, "classes");
	m.classes = read_named(r, list, &m.nclasses);
	read_class_rules(r, &m, list);
	if (r->failed)
		return -1;
	set->models = xrealloc(set->models,
	                       (set->nmodels + 1) * sizeof(*set->models));
	set->models[set->nmodels] = m;
	r->model = set->nmodels++;
	return 0;
}
