/*
 * model_nodes.c - the "indices" tree: nodes in pre-order, points that add
 * up, and each indicator's plugin loaded and prepared.
 */
#include "model/model_internal.h"

#include "model/model_prepare.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const node_keys[] = {"id",
                                        "name",
                                        "points",
                                        "children",
                                        "method",
                                        "params",
                                        "kind",
                                        "evidence",
                                        "source",
                                        "note",
                                        "provisional",
                                        "description",
                                        "evidence_required",
                                        NULL};
static const char *const kind_words[] = {"mandatory", "extended", NULL};
static const char *const evidence_words[] = {"warn", "withhold", NULL};

#define NODE_ID_MAX 64

/* Appends an empty node; returns its index. */
static size_t new_node(model_loader *ld)
{
	chiso_model *m = ld->m;

	if (m->nnodes == ld->nodes_cap) {
		ld->nodes_cap = ld->nodes_cap ? ld->nodes_cap * 2 : 32;
		m->nodes =
		        xrealloc(m->nodes, ld->nodes_cap * sizeof(*m->nodes));
		ld->sums = xrealloc(ld->sums, ld->nodes_cap * sizeof(double));
	}
	memset(&m->nodes[m->nnodes], 0, sizeof(m->nodes[0]));
	ld->sums[m->nnodes] = 0;
	return m->nnodes++;
}

/* Node ids: "1", "1.2", "CQS-3"; unique in the model. */
static int check_node_id(model_loader *ld, const doc_node *n, size_t self)
{
	const char *id = n->text;
	size_t i;

	if (strlen(id) > NODE_ID_MAX ||
	    schema_check_chars(id, "._-ABCDEFGHIJKLMNOPQRSTUVWXYZ") < 0) {
		schema_error(
		        &ld->sc, n,
		        _("id '%s' must use only letters, digits, '.', '_' "
		          "and '-' (at most %d bytes), e.g. \"1.2\""),
		        id, NODE_ID_MAX);
		return -1;
	}
	for (i = 0; i < self; i++)
		if (ld->m->nodes[i].id && strcmp(ld->m->nodes[i].id, id) == 0) {
			schema_error(
			        &ld->sc, n,
			        _("id '%s' is used twice (first at line %u); "
			          "ids must be unique in the model"),
			        id, ld->m->nodes[i].line);
			return -1;
		}
	return 0;
}

/* Optional text keys of a node. */
static int node_texts(model_loader *ld, model_node *node, const doc_node *spec)
{
	static const struct {
		const char *key;
		size_t offset;
	} texts[] = {
	        {"evidence", offsetof(model_node, evidence)},
	        {"source", offsetof(model_node, source)},
	        {"note", offsetof(model_node, note)},
	        {"description", offsetof(model_node, description)},
	};
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		const doc_node *n = doc_get(spec, texts[i].key);
		const char **slot =
		        (const char **)(void *)((char *)node + texts[i].offset);

		if (!n)
			continue;
		*slot = schema_string(&ld->sc, n, texts[i].key, 0);
		if (!*slot)
			rc = -1;
	}
	return rc;
}

/* Loads the method and runs the plugin's prepare for leaf i. */
static int prepare_leaf(model_loader *ld, size_t i, const doc_node *spec)
{
	chiso_model *m = ld->m;
	const doc_node *mn = doc_get(spec, "method");
	const doc_node *params = doc_get(spec, "params");
	const chiso_host_api *host = plugin_registry_host(ld->reg);
	const plugin_info *pi;
	chiso_prepare_ctx ctx;
	doc_node empty = {0};
	strbuf err = STRBUF_INIT;
	void *state = NULL;
	int rc;

	m->nodes[i].method = schema_string(&ld->sc, mn, "method", 0);
	if (!m->nodes[i].method)
		return -1;
	if (strcmp(m->nodes[i].method, MODEL_METHOD_PLACEHOLDER) == 0) {
		schema_error(&ld->sc, mn,
		             _("indicator %s: method '%s' is the placeholder "
		               "written by 'chiso import-criteria'; choose how "
		               "the indicator is scored (e.g. ratio, bands, "
		               "boolean, choice, parts, target), declare the "
		               "inputs it reads and write its params (see "
		               "docs/model-format.md, Built-in methods)"),
		             m->nodes[i].id, MODEL_METHOD_PLACEHOLDER);
		return -1;
	}
	if (params && schema_expect(&ld->sc, params, DOC_MAP, "params") < 0)
		return -1;
	pi = plugin_registry_get(ld->reg, m->nodes[i].method, &err);
	if (!pi) {
		schema_error(&ld->sc, mn, _("indicator %s: %s"), m->nodes[i].id,
		             strbuf_str(&err));
		strbuf_release(&err);
		return -1;
	}
	m->nodes[i].plugin = pi;
	m->nodes[i].params = params;
	memset(&ctx, 0, sizeof(ctx));
	empty.kind = DOC_MAP;
	ctx.m = m;
	ctx.node = i;
	ctx.sc = &ld->sc;
	ctx.params = params;
	ctx.empty = &empty;
	rc = pi->desc->prepare(host, &ctx, &state);
	if (rc == 0 && ctx.errors > 0) {
		/* The plugin reported but claimed success: trust the report,
		 * and release the state it believes it handed over. */
		if (state && pi->desc->release)
			pi->desc->release(host, state);
		rc = -1;
	}
	if (rc != 0 && ctx.errors == 0)
		schema_error(&ld->sc, mn,
		             _("indicator %s: plugin '%s' refused its params "
		               "without saying why"),
		             m->nodes[i].id, pi->name);
	if (rc != 0) {
		/* plugin.h: on failure the host ignores *state; the plugin
		 * freed what it allocated. */
		free(ctx.deps);
		return -1;
	}
	m->nodes[i].state = state;
	m->nodes[i].prepared = 1;
	m->nodes[i].deps = ctx.deps;
	m->nodes[i].ndeps = ctx.ndeps;
	return 0;
}

static int load_node(model_loader *ld, const doc_node *spec, int parent,
                     unsigned depth, size_t *out);

/* Loads a children list; returns the indices through *kids. */
static int load_children(model_loader *ld, const doc_node *list, size_t self,
                         unsigned depth)
{
	size_t *kids, k;
	int rc = 0;

	if (schema_expect(&ld->sc, list, DOC_SEQ, "children") < 0)
		return -1;
	if (list->count == 0) {
		schema_error(&ld->sc, list,
		             _("children is empty; give the node children or a "
		               "method"));
		return -1;
	}
	kids = xcalloc(list->count, sizeof(*kids));
	for (k = 0; k < list->count; k++)
		if (load_node(ld, list->items[k], (int)self, depth + 1,
		              &kids[k]) < 0)
			rc = -1;
	ld->m->nodes[self].children = kids;
	ld->m->nodes[self].nchildren = list->count;
	return rc;
}

/* Writes "20 + 20 + 15" for the points message. */
static void sum_text(const chiso_model *m, const model_node *node, strbuf *sb,
                     double *sum)
{
	char buf[NUMFMT_MAX];
	size_t k;

	*sum = 0;
	for (k = 0; k < node->nchildren; k++) {
		double p = m->nodes[node->children[k]].points;

		*sum += p;
		if (k < 12)
			strbuf_printf(sb, "%s%s", k ? " + " : "",
			              numfmt_exact(p, buf));
		else if (k == 12)
			strbuf_puts(sb, " + ...");
	}
}

/*
 * Adds up the children's sums of node self as evaluation adds their
 * available points (in order, from the leaves' points). A sum past the
 * largest double would print "inf" and make every value NaN, so it is
 * refused at the group's points (pn), naming the child where it
 * overflows. Returns 0 or -1.
 */
static int check_overflow(model_loader *ld, size_t self, const doc_node *pn)
{
	const model_node *node = &ld->m->nodes[self];
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	double sum = 0;
	size_t k;

	for (k = 0; k < node->nchildren; k++) {
		double before = sum;
		size_t c = node->children[k];

		sum += ld->sums[c];
		if (!isfinite(sum)) {
			schema_error(
			        &ld->sc, pn,
			        _("points of '%s': its children's points add "
			          "up past the largest number chiso holds "
			          "(about 1.8e308) at '%s' (%s + %s); give "
			          "smaller points"),
			        node->id, ld->m->nodes[c].id,
			        numfmt_exact(before, a),
			        numfmt_exact(ld->sums[c], b));
			return -1;
		}
	}
	ld->sums[self] = sum;
	return 0;
}

/* A parent's points must equal the sum of its children's. */
static int check_sum(model_loader *ld, size_t self, const doc_node *pn)
{
	const model_node *node = &ld->m->nodes[self];
	strbuf sb = STRBUF_INIT;
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	double sum;
	int rc = 0;

	sum_text(ld->m, node, &sb, &sum);
	if (fabs(sum - node->points) > 1e-9 * fmax(1.0, fabs(node->points))) {
		schema_error(
		        &ld->sc, pn,
		        _("points of '%s' are %s but its children add up to "
		          "%s (%s); make them equal"),
		        node->id, numfmt_exact(node->points, a),
		        numfmt_exact(sum, b), strbuf_str(&sb));
		rc = -1;
	}
	strbuf_release(&sb);
	return rc;
}

/* Reads the identity keys of a node: id, name, points, kind, texts. */
static int node_identity(model_loader *ld, size_t self, const doc_node *spec)
{
	model_node *node = &ld->m->nodes[self];
	const doc_node *n;
	int rc = 0;

	n = schema_require(&ld->sc, spec, "id", N_("an index or indicator"));
	if (n) {
		node->id = schema_string(&ld->sc, n, "id", 0);
		if (!node->id || check_node_id(ld, n, self) < 0)
			rc = -1;
	} else {
		rc = -1;
	}
	if (!node->id)
		node->id = "?";
	n = schema_require(&ld->sc, spec, "name", N_("an index or indicator"));
	node->name = n ? schema_string(&ld->sc, n, "name", 0) : NULL;
	if (!node->name) {
		node->name = node->id;
		rc = -1;
	}
	n = schema_require(&ld->sc, spec, "points",
	                   N_("an index or indicator"));
	if (!n || schema_number(&ld->sc, n, "points", &node->points) < 0) {
		rc = -1;
	} else if (node->points < 0) {
		schema_error(&ld->sc, n, _("points must not be negative"));
		rc = -1;
	}
	n = doc_get(spec, "kind");
	if (n) {
		int k = schema_enum(&ld->sc, n, "kind", kind_words);

		if (k < 0)
			rc = -1;
		else
			node->kind = kind_words[k];
	}
	n = doc_get(spec, "provisional");
	if (n && schema_bool(&ld->sc, n, "provisional", &node->provisional) < 0)
		rc = -1;
	n = doc_get(spec, "evidence_required");
	if (n) {
		int k = schema_enum(&ld->sc, n, "evidence_required",
		                    evidence_words);

		if (k < 0)
			rc = -1;
		else
			node->evidence_required = k + 1;
	}
	if (node_texts(ld, node, spec) < 0)
		rc = -1;
	return rc;
}

/* One node and, recursively, its children. */
static int load_node(model_loader *ld, const doc_node *spec, int parent,
                     unsigned depth, size_t *out)
{
	size_t self = new_node(ld);
	const doc_node *children, *method;
	int rc = 0;

	*out = self;
	ld->m->nodes[self].parent = parent;
	ld->m->nodes[self].depth = depth;
	ld->m->nodes[self].line = spec->line;
	ld->m->nodes[self].col = spec->col;
	if (schema_expect(&ld->sc, spec, DOC_MAP, N_("an index or indicator")) <
	    0)
		return -1;
	if (schema_check_keys(&ld->sc, spec, node_keys,
	                      N_("an index or indicator")) < 0)
		rc = -1;
	if (node_identity(ld, self, spec) < 0)
		rc = -1;
	ld->sums[self] = ld->m->nodes[self].points;
	children = doc_get(spec, "children");
	method = doc_get(spec, "method");
	if (children && method) {
		schema_error(&ld->sc, method,
		             _("'%s' has both children and a method; a node is "
		               "either a group of children or an indicator"),
		             ld->m->nodes[self].id);
		return -1;
	}
	if (!children && !method) {
		schema_error(
		        &ld->sc, spec,
		        _("'%s' has neither children nor a method; add "
		          "'method:' (and 'params:') to make it an indicator"),
		        ld->m->nodes[self].id);
		return -1;
	}
	if (!method && doc_get(spec, "params")) {
		schema_error(&ld->sc, doc_get(spec, "params"),
		             _("'params' belongs to indicators with a method"));
		rc = -1;
	}
	if (!method && doc_get(spec, "evidence_required")) {
		schema_error(
		        &ld->sc, doc_get(spec, "evidence_required"),
		        _("'evidence_required' belongs to indicators: mark "
		          "the indicators whose evidence is required"));
		rc = -1;
	}
	if (children) {
		if (load_children(ld, children, self, depth) < 0)
			return -1;
		if (rc == 0 &&
		    (check_overflow(ld, self, doc_get(spec, "points")) < 0 ||
		     check_sum(ld, self, doc_get(spec, "points")) < 0))
			rc = -1;
		return rc;
	}
	ld->m->nodes[self].is_leaf = 1;
	if (++ld->indicators > LIMIT_INDICATORS) {
		if (ld->indicators == LIMIT_INDICATORS + 1)
			schema_error(
			        &ld->sc, spec,
			        _("too many indicators: the limit is %d per "
			          "model (a fixed limit)"),
			        LIMIT_INDICATORS);
		return -1;
	}
	if (rc < 0)
		return -1;
	return prepare_leaf(ld, self, spec);
}

/* Collects roots and leaves, and which indicators use each input
 * (counted first, so that each used_by list is allocated once). */
static void index_tree(chiso_model *m)
{
	size_t i, k, nroots = 0, nleaves = 0;

	for (i = 0; i < m->nnodes; i++) {
		nroots += m->nodes[i].parent < 0;
		nleaves += m->nodes[i].is_leaf;
		for (k = 0; m->nodes[i].is_leaf && k < m->nodes[i].ndeps; k++)
			m->inputs[m->nodes[i].deps[k].slot].nused++;
	}
	for (i = 0; i < m->ninputs; i++) {
		m->inputs[i].used_by =
		        m->inputs[i].nused
		                ? xcalloc(m->inputs[i].nused, sizeof(size_t))
		                : NULL;
		m->inputs[i].nused = 0;
	}
	m->roots = xcalloc(nroots ? nroots : 1, sizeof(size_t));
	m->leaves = xcalloc(nleaves ? nleaves : 1, sizeof(size_t));
	for (i = 0; i < m->nnodes; i++) {
		model_node *node = &m->nodes[i];

		if (node->parent < 0) {
			m->roots[m->nroots++] = i;
			m->total_points += node->points;
		}
		if (!node->is_leaf)
			continue;
		node->leaf = m->nleaves;
		m->leaves[m->nleaves++] = i;
		for (k = 0; k < node->ndeps; k++) {
			model_input *in = &m->inputs[node->deps[k].slot];

			in->used_by[in->nused++] = i;
			if (!(node->deps[k].flags & CHISO_BIND_OPTIONAL))
				in->required = 1;
		}
	}
}

/* The model's total, the main indices' sums added as evaluation adds a
 * unit's available points, must stay finite: refused at the points of
 * the main index where it overflows. Returns 0 or -1. */
static int check_total(model_loader *ld, const doc_node *indices,
                       const size_t *roots)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	double total = 0;
	size_t k;

	for (k = 0; k < indices->count; k++) {
		double before = total;

		total += ld->sums[roots[k]];
		if (!isfinite(total)) {
			schema_error(
			        &ld->sc, doc_get(indices->items[k], "points"),
			        _("the main indices' points add up past the "
			          "largest number chiso holds (about 1.8e308) "
			          "at '%s' (%s + %s), so the model's total "
			          "would be infinite; give smaller points"),
			        ld->m->nodes[roots[k]].id,
			        numfmt_exact(before, a),
			        numfmt_exact(ld->sums[roots[k]], b));
			return -1;
		}
	}
	return 0;
}

/* The whole "indices" list. */
int model_load_tree(model_loader *ld, const doc_node *indices)
{
	size_t k, *roots;
	int rc = 0;

	if (schema_expect(&ld->sc, indices, DOC_SEQ, "indices") < 0)
		return -1;
	if (indices->count == 0) {
		schema_error(&ld->sc, indices,
		             _("indices is empty; a model needs at least one "
		               "main index"));
		return -1;
	}
	roots = xcalloc(indices->count, sizeof(*roots));
	for (k = 0; k < indices->count; k++)
		if (load_node(ld, indices->items[k], -1, 0, &roots[k]) < 0)
			rc = -1;
	if (rc == 0 && check_total(ld, indices, roots) < 0)
		rc = -1;
	free(roots);
	if (rc == 0)
		index_tree(ld->m);
	return rc;
}

/* Calls release for every prepared indicator. */
void model_release_states(chiso_model *m)
{
	const chiso_host_api *host =
	        m->plugins ? plugin_registry_host(m->plugins) : NULL;
	size_t i;

	for (i = 0; i < m->nnodes; i++) {
		model_node *node = &m->nodes[i];

		if (node->prepared && node->plugin->desc->release)
			node->plugin->desc->release(host, node->state);
		node->prepared = 0;
		node->state = NULL;
	}
}
