/*
 * model_diff_nodes.c - the changes of the tree: each node of B added or
 * compared field by field with its partner in A (id, name, parent,
 * points, shape, method, params, kind, provisional, texts, the order of
 * its children), then the nodes of A only and the order of the main
 * indices. The partners are found by model_diff.c.
 */
#include "modeldoc/model_diff_internal.h"

#include <string.h>

/* The id of node i of m, or NULL for -1. Borrowed from m. */
const char *md_node_id(const chiso_model *m, int i)
{
	return i < 0 ? NULL : m->nodes[i].id;
}

/* The children of node i of m, or its main indices for i = -1, and
 * their number in *n. Borrowed from m. */
static const size_t *kids(const chiso_model *m, int i, size_t *n)
{
	if (i < 0) {
		*n = m->nroots;
		return m->roots;
	}
	*n = m->nodes[i].nchildren;
	return m->nodes[i].children;
}

/* Collects the children of `in` (of model m; -1: the main indices)
 * whose partner (through map) is a child of `other_parent` in the other
 * model; keys are B's node indices (from_a: the partner's). */
static void common_kids(const chiso_model *m, const int *map, int in,
                        const chiso_model *other, int other_parent, int from_a,
                        struct md_common *out)
{
	size_t n, k;
	const size_t *c = kids(m, in, &n);

	md_common_init(out, n);
	for (k = 0; k < n; k++) {
		int j = map[c[k]];

		if (j < 0 || other->nodes[j].parent != other_parent)
			continue;
		out->key[out->n] = from_a ? j : (int)c[k];
		out->id[out->n++] = m->nodes[c[k]].id;
	}
}

/* Reports when the children that groups ia (of A) and ib (of B) share
 * come in another order; -1, -1 for the main indices. */
static void compare_kids_order(struct md_build *bd, int ia, int ib)
{
	const model_diff *d = bd->d;
	struct md_common x, y;

	common_kids(d->a, d->map_ab, ia, d->b, ib, 1, &x);
	common_kids(d->b, d->map_ba, ib, d->a, ia, 0, &y);
	md_add_order(bd, MD_NODE, ia, ib, NULL, &x, &y);
	md_common_free(&x);
	md_common_free(&y);
}

/* A node's parent id, or nothing for a main index. */
static md_value parent_value(const chiso_model *m, int i)
{
	return mdv_text(md_node_id(m, m->nodes[i].parent));
}

/* 1 when matched nodes ia (of A) and ib (of B) have other parents. */
static int moved(const model_diff *d, int ia, int ib)
{
	int pa = d->a->nodes[ia].parent, pb = d->b->nodes[ib].parent;

	if (pa < 0 || pb < 0)
		return (pa < 0) != (pb < 0);
	return d->map_ab[pa] != pb;
}

/* Shape, method and params of matched nodes. */
static void compare_rule(struct md_build *bd, int ia, int ib)
{
	const model_node *x = &bd->d->a->nodes[ia], *y = &bd->d->b->nodes[ib];
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;

	if (x->is_leaf != y->is_leaf) {
		md_add(bd, MD_NODE, MD_SHAPE, ia, ib, NULL,
		       mdv_text(x->is_leaf ? "indicator" : "group"),
		       mdv_text(y->is_leaf ? "indicator" : "group"));
	} else if (x->is_leaf && strcmp(x->method, y->method) != 0) {
		md_add(bd, MD_NODE, MD_METHOD, ia, ib, NULL,
		       mdv_text(x->method), mdv_text(y->method));
	} else if (x->is_leaf && !md_params_equal(x->params, y->params)) {
		md_flow(&p, x->params);
		md_flow(&q, y->params);
		md_add(bd, MD_NODE, MD_PARAMS, ia, ib, NULL, mdv_buf(&p),
		       mdv_buf(&q));
	}
}

/* One optional text field of matched nodes. */
static void compare_text(struct md_build *bd, int ia, int ib, const char *field,
                         const char *x, const char *y)
{
	if (!md_same_text(x, y))
		md_add(bd, MD_NODE, MD_TEXT, ia, ib, field, mdv_text(x),
		       mdv_text(y));
}

/* Every field of matched nodes ia (of A) and ib (of B). */
static void compare_node(struct md_build *bd, int ia, int ib)
{
	const model_node *x = &bd->d->a->nodes[ia], *y = &bd->d->b->nodes[ib];

	if (strcmp(x->id, y->id) != 0)
		md_add(bd, MD_NODE, MD_ID, ia, ib, NULL, mdv_text(x->id),
		       mdv_text(y->id));
	if (strcmp(x->name, y->name) != 0)
		md_add(bd, MD_NODE, MD_RENAMED, ia, ib, NULL, mdv_text(x->name),
		       mdv_text(y->name));
	if (moved(bd->d, ia, ib))
		md_add(bd, MD_NODE, MD_MOVED, ia, ib, NULL,
		       parent_value(bd->d->a, ia), parent_value(bd->d->b, ib));
	if (x->points != y->points)
		md_add(bd, MD_NODE, MD_POINTS, ia, ib, NULL,
		       mdv_number(x->points), mdv_number(y->points));
	compare_rule(bd, ia, ib);
	if (!md_same_text(x->kind, y->kind))
		md_add(bd, MD_NODE, MD_KIND, ia, ib, NULL, mdv_text(x->kind),
		       mdv_text(y->kind));
	if (!x->provisional != !y->provisional)
		md_add(bd, MD_NODE, MD_PROVISIONAL, ia, ib, NULL,
		       mdv_bool(x->provisional), mdv_bool(y->provisional));
	compare_text(bd, ia, ib, "evidence", x->evidence, y->evidence);
	compare_text(bd, ia, ib, "source", x->source, y->source);
	compare_text(bd, ia, ib, "note", x->note, y->note);
	compare_text(bd, ia, ib, "description", x->description, y->description);
}

/* Every node: B's in order (added or compared), then A's only, then
 * the order of the main indices. */
void md_compare_nodes(struct md_build *bd)
{
	const model_diff *d = bd->d;
	size_t k;

	for (k = 0; k < d->b->nnodes; k++) {
		int ia = d->map_ba[k];

		if (ia < 0) {
			md_add(bd, MD_NODE, MD_ADDED, -1, (int)k, NULL,
			       mdv_none(), mdv_none());
			continue;
		}
		compare_node(bd, ia, (int)k);
		if (!d->a->nodes[ia].is_leaf && !d->b->nodes[k].is_leaf)
			compare_kids_order(bd, ia, (int)k);
	}
	for (k = 0; k < d->a->nnodes; k++)
		if (d->map_ab[k] < 0)
			md_add(bd, MD_NODE, MD_REMOVED, (int)k, -1, NULL,
			       mdv_none(), mdv_none());
	compare_kids_order(bd, -1, -1);
}
