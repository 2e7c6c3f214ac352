/*
 * model_diff.c - the differences between two versions of a model: pairs
 * the nodes of A and B (by id, then by trimmed name and shape), runs
 * the comparisons (model_diff_nodes.c, model_diff_lists.c), lists the
 * main indices of both, and hands the report to the writer of its
 * format (model_diff_text.c, model_diff_json.c).
 */
#include "modeldoc/model_diff_internal.h"
#include "util/sort.h"

#include <stdlib.h>
#include <string.h>

/* --- pairing the nodes of A and B ------------------------------------- */

/* Orders node indices of the model ctx by id. */
static int cmp_node_ids(const void *x, const void *y, void *ctx)
{
	const chiso_model *m = ctx;

	return strcmp(m->nodes[*(const int *)x].id,
	              m->nodes[*(const int *)y].id);
}

/* The node of m with this id, by binary search in order (node indices
 * sorted by id), or -1. */
static int find_node_id(const chiso_model *m, const int *order, size_t n,
                        const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(id, m->nodes[order[mid]].id);

		if (c == 0)
			return order[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Pairs the nodes of A and B that have the same id. */
static void match_ids(model_diff *d)
{
	size_t n = d->b->nnodes, k;
	int *order = xcalloc(n + 1, sizeof(int));

	for (k = 0; k < n; k++)
		order[k] = (int)k;
	sort_stable(order, n, sizeof(int), cmp_node_ids, (void *)d->b);
	for (k = 0; k < d->a->nnodes; k++) {
		int hit = find_node_id(d->b, order, n, d->a->nodes[k].id);

		if (hit >= 0) {
			d->map_ab[k] = hit;
			d->map_ba[hit] = (int)k;
		}
	}
	free(order);
}

/* A node still without a partner: its trimmed name, shape and index. */
struct named {
	const char *s;
	size_t len;
	int leaf, i;
};

/* Orders by name, then shape. */
static int cmp_named_key(const struct named *x, const struct named *y)
{
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->s, y->s, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->leaf - y->leaf;
}

/* Orders by name, shape, then model order (qsort). */
static int cmp_named(const void *x, const void *y)
{
	const struct named *p = x, *q = y;
	int c = cmp_named_key(p, q);

	return c ? c : p->i - q->i;
}

/* 1 for the blanks trimmed from names. */
static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Lists the nodes of m that map leaves unmatched (-1) and whose
 * trimmed names are not empty, into out; returns how many. */
static size_t unmatched(const chiso_model *m, const int *map, struct named *out)
{
	size_t k, n = 0;

	for (k = 0; k < m->nnodes; k++) {
		const char *s = m->nodes[k].name;
		size_t len;

		if (map[k] >= 0)
			continue;
		while (blank(*s))
			s++;
		len = strlen(s);
		while (len && blank(s[len - 1]))
			len--;
		if (!len)
			continue;
		out[n].s = s;
		out[n].len = len;
		out[n].leaf = m->nodes[k].is_leaf;
		out[n].i = (int)k;
		n++;
	}
	return n;
}

/* Pairs nodes of A only and of B only that have the same trimmed name
 * and shape, in model order: their ids changed. */
static void match_names(model_diff *d)
{
	struct named *x = xcalloc(d->a->nnodes + 1, sizeof(*x));
	struct named *y = xcalloc(d->b->nnodes + 1, sizeof(*y));
	size_t nx = unmatched(d->a, d->map_ab, x);
	size_t ny = unmatched(d->b, d->map_ba, y), i = 0, j = 0;

	qsort(x, nx, sizeof(*x), cmp_named);
	qsort(y, ny, sizeof(*y), cmp_named);
	while (i < nx && j < ny) {
		int c = cmp_named_key(&x[i], &y[j]);

		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			d->map_ab[x[i].i] = y[j].i;
			d->map_ba[y[j].i] = x[i].i;
			i++;
			j++;
		}
	}
	free(x);
	free(y);
}

/* --- the diff --------------------------------------------------------- */

/* The rows of the main indices table: B's, then those of A only. */
static void main_indices(model_diff *d)
{
	const chiso_model *a = d->a, *b = d->b;
	size_t k, n = 0;

	d->indices = xcalloc(a->nroots + b->nroots + 1, sizeof(md_index));
	for (k = 0; k < b->nroots; k++) {
		int ia = d->map_ba[b->roots[k]];

		d->indices[n].b = (int)b->roots[k];
		d->indices[n].a = ia >= 0 && a->nodes[ia].parent < 0 ? ia : -1;
		n++;
	}
	for (k = 0; k < a->nroots; k++) {
		int ib = d->map_ab[a->roots[k]];

		if (ib >= 0 && b->nodes[ib].parent < 0)
			continue;
		d->indices[n].a = (int)a->roots[k];
		d->indices[n].b = -1;
		n++;
	}
	d->nindices = n;
}

void model_diff_build(model_diff *d, const chiso_model *a, const chiso_model *b)
{
	struct md_build bd = {d, 0};
	size_t k;

	memset(d, 0, sizeof(*d));
	d->a = a;
	d->b = b;
	d->identical = strcmp(a->sha256, b->sha256) == 0;
	d->map_ab = xcalloc(a->nnodes + 1, sizeof(int));
	d->map_ba = xcalloc(b->nnodes + 1, sizeof(int));
	for (k = 0; k < a->nnodes; k++)
		d->map_ab[k] = d->identical ? (int)k : -1;
	for (k = 0; k < b->nnodes; k++)
		d->map_ba[k] = d->identical ? (int)k : -1;
	if (!d->identical) {
		match_ids(d);
		match_names(d);
		md_compare_nodes(&bd);
		md_compare_lists(&bd);
		md_compare_settings(&bd);
	}
	main_indices(d);
}

void model_diff_free(model_diff *d)
{
	size_t k;

	for (k = 0; k < d->nchanges; k++) {
		free(d->changes[k].before.text);
		free(d->changes[k].after.text);
	}
	free(d->changes);
	free(d->indices);
	free(d->map_ab);
	free(d->map_ba);
	memset(d, 0, sizeof(*d));
}

size_t model_diff_count(const model_diff *d, md_section section, md_kind kind)
{
	size_t k, n = 0;

	for (k = 0; k < d->nchanges; k++)
		n += d->changes[k].section == section &&
		     d->changes[k].kind == kind;
	return n;
}

void model_diff_write(const model_diff *d, model_diff_format fmt, FILE *f)
{
	switch (fmt) {
	case MODEL_DIFF_MD:
		md_write_markdown(d, f);
		break;
	case MODEL_DIFF_JSON:
		md_write_json(d, f);
		break;
	default:
		md_write_table(d, f);
	}
}
