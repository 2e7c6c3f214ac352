/*
 * criteria_tree.c - the rows of a criteria table made a tree by their
 * codes and groups, and its points checked (criteria_import.h has the
 * rules).
 */
#include "modeldoc/criteria_internal.h"

#include "util/numfmt.h"
#include "util/sort.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Parts of a criterion's points listed in a message before "...". */
#define SUM_TERMS 12

/* The first part of code ("4" of "4.22.3") into buf (65 bytes). */
static void first_part(const char *code, char *buf)
{
	size_t k = strcspn(code, ".");

	if (k > 64)
		k = 64;
	memcpy(buf, code, k);
	buf[k] = '\0';
}

/* A main index made from group g: its node, with id code. */
static long add_group_root(ci_table *t, size_t g, const char *code)
{
	ci_node nd;

	memset(&nd, 0, sizeof(nd));
	nd.code = xstrdup(code);
	nd.name = xstrdup(t->groups[g].name);
	nd.method = xstrdup("");
	nd.params = xstrdup("");
	nd.source = xstrdup("");
	nd.group = (int)g;
	return ci_add(t, &nd);
}

/* 1 when an earlier group's main index has the id part, after the
 * error: the codes of two groups start alike. */
static int shared_elsewhere(ci_table *t, size_t g, const char *part)
{
	size_t h;

	for (h = 0; h < g; h++)
		if (t->groups[h].root >= 0 &&
		    strcmp(t->nodes[t->groups[h].root].code, part) == 0) {
			ci_error(t, t->groups[g].row, 0,
			         "the codes of groups '%s' (from row %u) and "
			         "'%s' start alike, with '%s'; the criteria of "
			         "a "
			         "group (a main index) share the first part of "
			         "their codes, and no other group's do",
			         t->groups[h].name, t->groups[h].row,
			         t->groups[g].name, part);
			return 1;
		}
	return 0;
}

/*
 * The main index of each group: the row whose code is the first part
 * every code of the group shares, else a node made from the group (id
 * that part, or "G" and the group's number when its codes share none).
 */
static void group_roots(ci_table *t)
{
	size_t g, i, rows = t->n;
	char part[65], other[65];

	for (g = 0; g < t->ngroups; g++) {
		int shared = 1, seen = 0;
		long root = -1;

		for (i = 0; i < rows; i++) {
			if (t->nodes[i].group != (int)g)
				continue;
			if (!seen) {
				first_part(t->nodes[i].code, part);
				seen = 1;
			}
			first_part(t->nodes[i].code, other);
			shared &= strcmp(part, other) == 0;
		}
		for (i = 0; shared && i < rows; i++)
			if (t->nodes[i].group == (int)g &&
			    strcmp(t->nodes[i].code, part) == 0)
				root = (long)i;
		if (!shared)
			snprintf(part, sizeof(part), "G%zu", g + 1);
		else if (shared_elsewhere(t, g, part))
			continue;
		if (root < 0)
			root = add_group_root(t, g, part);
		t->groups[g].root = root;
	}
}

/* Compares node indices by code (a stable sort keeps table order). */
static int by_code(const void *a, const void *b, void *ctx)
{
	const ci_table *t = ctx;

	return strcmp(t->nodes[*(const long *)a].code,
	              t->nodes[*(const long *)b].code);
}

/* The nodes' indices sorted by code (caller frees); a code used twice
 * is reported. */
static long *sorted_codes(ci_table *t)
{
	long *idx = xcalloc(t->n ? t->n : 1, sizeof(*idx));
	size_t i;

	for (i = 0; i < t->n; i++)
		idx[i] = (long)i;
	sort_stable(idx, t->n, sizeof(*idx), by_code, t);
	for (i = 1; i < t->n; i++) {
		const ci_node *a = &t->nodes[idx[i - 1]],
		              *b = &t->nodes[idx[i]];

		if (!*a->code || strcmp(a->code, b->code) != 0)
			continue;
		if (b->row == 0)
			ci_error(t, a->row, 0,
			         "code '%s' is also the id of the main index "
			         "made from group '%s' (row %u), whose codes "
			         "start with '%s'; put the row in that group, "
			         "or "
			         "give it another code",
			         a->code, t->groups[b->group].name,
			         t->groups[b->group].row, a->code);
		else
			ci_error(t, b->row, 0,
			         "code '%s' is used twice (first at row %u); "
			         "each code must be unique",
			         b->code, a->row);
	}
	return idx;
}

/* The node whose code is code, or -1. */
static long find_code(const ci_table *t, const long *idx, const char *code)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t->nodes[idx[mid]].code, code);

		if (c == 0)
			return idx[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* A level of codes that has no row ("4.22" of 4.22.1, 4.22.2, ...). */
struct skipped {
	char code[65];
	char first[65]; /* the first criterion under it, and its row */
	unsigned row;
	size_t count; /* criteria under it */
	long placed;  /* the node they were placed under */
};

/* Counts a criterion under the missing level code. */
static void note_skipped(struct skipped **sk, size_t *nsk, const char *code,
                         const ci_node *nd, long placed)
{
	size_t i;

	for (i = 0; i < *nsk; i++)
		if (strcmp((*sk)[i].code, code) == 0) {
			(*sk)[i].count++;
			return;
		}
	*sk = xrealloc(*sk, (*nsk + 1) * sizeof(**sk));
	snprintf((*sk)[*nsk].code, sizeof((*sk)[*nsk].code), "%s", code);
	snprintf((*sk)[*nsk].first, sizeof((*sk)[*nsk].first), "%s", nd->code);
	(*sk)[*nsk].row = nd->row;
	(*sk)[*nsk].count = 1;
	(*sk)[*nsk].placed = placed;
	(*nsk)++;
}

/* Node i's parent: the nearest code above it that has a row, else its
 * group's main index; none for a code of one part without a group. */
static void find_parent(ci_table *t, const long *idx, long i,
                        struct skipped **sk, size_t *nsk)
{
	ci_node *nd = &t->nodes[i];
	char up[65], immediate[65];
	char *dot;
	long p = -1;

	if (nd->group >= 0 && t->groups[nd->group].root == i)
		return;
	snprintf(up, sizeof(up), "%s", nd->code);
	immediate[0] = '\0';
	while (p < 0 && (dot = strrchr(up, '.')) != NULL) {
		*dot = '\0';
		if (!immediate[0])
			snprintf(immediate, sizeof(immediate), "%s", up);
		p = find_code(t, idx, up);
	}
	if (p >= 0 && nd->group >= 0 && t->nodes[p].group >= 0 &&
	    t->nodes[p].group != nd->group) {
		ci_error(t, nd->row, 0,
		         "'%s' is in group '%s', but '%s' above it is in group "
		         "'%s'; a criterion belongs to the group of the codes "
		         "above it",
		         nd->code, t->groups[nd->group].name, t->nodes[p].code,
		         t->groups[t->nodes[p].group].name);
		return;
	}
	if (p < 0 && nd->group >= 0)
		p = t->groups[nd->group].root;
	if (p < 0 && immediate[0]) {
		ci_error(t, nd->row, 0,
		         "'%s' has no parent: no row has the code '%s' or a "
		         "code above it; add a row for '%s' (its name), or "
		         "give the criteria a group column",
		         nd->code, immediate, immediate);
		return;
	}
	if (p >= 0 && immediate[0] && strcmp(t->nodes[p].code, immediate) != 0)
		note_skipped(sk, nsk, immediate, nd, p);
	nd->parent = p;
}

/* Each node's parent, then the children lists and the main indices in
 * the order the table shows them. */
static void link_nodes(ci_table *t, const long *idx)
{
	struct skipped *sk = NULL;
	size_t i, nsk = 0;

	for (i = 0; i < t->n; i++)
		if (t->nodes[i].row > 0)
			find_parent(t, idx, (long)i, &sk, &nsk);
	for (i = 0; i < nsk; i++)
		ci_warning(t, sk[i].row, 0,
		           "no row has the code '%s', the level above '%s'%s: "
		           "%s placed directly under '%s'; add a row for '%s' "
		           "(its name) to make it a group of its own",
		           sk[i].code, sk[i].first,
		           sk[i].count > 1 ? " and more" : "",
		           sk[i].count > 1 ? "they are" : "it is",
		           t->nodes[sk[i].placed].code, sk[i].code);
	free(sk);
	for (i = 0; i < t->n; i++) {
		long p = t->nodes[i].parent;

		if (p < 0)
			continue;
		if (t->nodes[p].last < 0)
			t->nodes[p].first = (long)i;
		else
			t->nodes[t->nodes[p].last].next = (long)i;
		t->nodes[p].last = (long)i;
	}
	t->roots = xcalloc(t->n, sizeof(*t->roots));
	for (i = 0; i < t->n; i++) {
		long r = (long)i;
		size_t k;

		while (t->nodes[r].parent >= 0)
			r = t->nodes[r].parent;
		for (k = 0; k < t->nroots && t->roots[k] != r; k++)
			;
		if (k == t->nroots)
			t->roots[t->nroots++] = r;
	}
}

/* 1 when a and b agree within the model loader's relative tolerance. */
static int same_points(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* Node i's points: given for a criterion, its children's sum for a
 * parent (checked against the given ones). Returns 0, or -1. */
static int sum_points(ci_table *t, long i)
{
	ci_node *nd = &t->nodes[i];
	char buf[NUMFMT_MAX], given[NUMFMT_MAX];
	strbuf terms = STRBUF_INIT;
	double sum = 0;
	size_t k = 0;
	long c;
	int rc = 0;

	if (nd->first < 0) {
		if (nd->has_points)
			return 0;
		ci_error(t, nd->row, nd->col_points,
		         "criterion '%s' has no points; give its max_points",
		         nd->code);
		return -1;
	}
	for (c = nd->first; c >= 0; c = t->nodes[c].next) {
		if (sum_points(t, c) < 0)
			rc = -1;
		sum += t->nodes[c].points;
		if (k < SUM_TERMS)
			strbuf_printf(&terms, "%s%s", k ? " + " : "",
			              numfmt_exact(t->nodes[c].points, buf));
		else if (k == SUM_TERMS)
			strbuf_puts(&terms, " + ...");
		k++;
	}
	if (*nd->method)
		ci_error(t, nd->row, nd->col_method,
		         "'%s' has criteria under it, so it is a group and its "
		         "points are theirs; put method '%s' on a criterion",
		         nd->code, nd->method);
	if (rc == 0 && !isfinite(sum)) {
		ci_error(t, nd->row, nd->col_points,
		         "the points under '%s' add up past the largest number "
		         "chiso holds; give smaller points",
		         nd->code);
		rc = -1;
	} else if (rc == 0 && nd->has_points && !same_points(nd->points, sum)) {
		ci_error(t, nd->row, nd->col_points,
		         "points of '%s' are %s but its criteria add up to %s "
		         "(%s); make them equal, or leave the cell empty to "
		         "take the sum",
		         nd->code, numfmt_exact(nd->points, given),
		         numfmt_exact(sum, buf), strbuf_str(&terms));
		rc = -1;
	} else if (rc == 0 && !nd->has_points) {
		nd->points = sum;
	}
	strbuf_release(&terms);
	return rc;
}

int ci_build_tree(ci_table *t)
{
	long *idx;
	size_t k;
	int rc = 0;

	group_roots(t);
	idx = sorted_codes(t);
	if (!t->bad)
		link_nodes(t, idx);
	free(idx);
	if (t->bad)
		return -1;
	for (k = 0; k < t->nroots; k++)
		if (sum_points(t, t->roots[k]) < 0)
			rc = -1;
	return rc;
}
