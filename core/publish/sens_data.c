/*
 * sens_data.c - the items a sensitivity run adds up, per unit, read once
 * from the results (sens_data.h).
 */
#include "publish/sens_data.h"

#include "chiso/plugin.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

/* What is being built: the model's shape and the measure's coverage. */
struct build {
	const rank_table *t;
	const rs_model *m;
	const sens_spec *spec;
	sens_data *sd;
	double *cover;      /* per node: times the measure counts a leaf */
	size_t *leaf_root;  /* per indicator: its main index's position */
	double *root_cover; /* per main index: its leaves' cover when they
	                       all have the same, else -1 */
	size_t *item_of;    /* per indicator (indicators vary) or per main
	                       index: its item, or SIZE_MAX */
};

/* The main index (as a node index) above node n, n itself for one. */
static size_t root_of(const rs_model *m, size_t n)
{
	while (m->nodes[n].parent >= 0)
		n = (size_t)m->nodes[n].parent;
	return n;
}

/* 1 when node a is node n or one of its ancestors. */
static int is_within(const rs_model *m, size_t n, size_t a)
{
	for (;;) {
		if (n == a)
			return 1;
		if (m->nodes[n].parent < 0)
			return 0;
		n = (size_t)m->nodes[n].parent;
	}
}

/* Adds 1 to the cover of every leaf within node a. */
static void cover_node(struct build *b, size_t a)
{
	size_t n;

	for (n = 0; n < b->m->nnodes; n++)
		if (b->m->nodes[n].is_leaf && is_within(b->m, n, a))
			b->cover[n] += 1;
}

/* How many times the measure of the ranking counts each leaf. */
static int make_cover(struct build *b, diag *d)
{
	const rank_measure *by = &b->t->by;
	const rs_model *m = b->m;
	size_t n, k;
	int i;

	b->cover = xcalloc(m->nnodes ? m->nnodes : 1, sizeof(double));
	if (by->kind == MEASURE_TOTAL) {
		for (n = 0; n < m->nnodes; n++)
			b->cover[n] = m->nodes[n].is_leaf ? 1 : 0;
		return 0;
	}
	i = by->index[b->t->model];
	if (by->kind == MEASURE_NODE && !(m->nodes[i].points > 0)) {
		diag_error(d, NULL, 0, 0,
		           "chiso: --by %s: node %s has 0 points, so its value "
		           "is not a share of points (it is its indicators' "
		           "mean fraction) and no weight can move it; rank by "
		           "total, a view or a node that has points",
		           by->id, by->id);
		return -1;
	}
	if (by->kind == MEASURE_NODE) {
		cover_node(b, (size_t)i);
		return 0;
	}
	if (!m->view_defs[i].given) {
		diag_error(d, NULL, 0, 0,
		           "chiso: --by %s: the results do not list the nodes "
		           "of view %s (written by chiso merge), so it cannot "
		           "be computed again with other points; rank by total "
		           "or a node, or analyse the results the merged "
		           "units were made from",
		           by->id, by->id);
		return -1;
	}
	for (k = 0; k < m->view_defs[i].nnodes; k++)
		cover_node(b, m->view_defs[i].nodes[k]);
	return 0;
}

/* The positions of the main indices and indicators, and which of them
 * the measure counts (a node of 0 points counts for nothing). */
static void make_shape(struct build *b)
{
	const rs_model *m = b->m;
	sens_data *sd = b->sd;
	size_t n, k, l = 0, *root_pos;

	sd->nroots = m->nroots;
	sd->root_node = xcalloc(m->nroots ? m->nroots : 1, sizeof(size_t));
	sd->root_used = xcalloc(m->nroots ? m->nroots : 1, 1);
	b->root_cover = xcalloc(m->nroots ? m->nroots : 1, sizeof(double));
	root_pos = xcalloc(m->nnodes ? m->nnodes : 1, sizeof(size_t));
	for (k = 0; k < m->nroots; k++) {
		sd->root_node[k] = m->roots[k];
		root_pos[m->roots[k]] = k;
	}
	for (n = 0; n < m->nnodes; n++)
		sd->nleaves += m->nodes[n].is_leaf ? 1 : 0;
	sd->leaf_node = xcalloc(sd->nleaves ? sd->nleaves : 1, sizeof(size_t));
	sd->leaf_used = xcalloc(sd->nleaves ? sd->nleaves : 1, 1);
	b->leaf_root = xcalloc(sd->nleaves ? sd->nleaves : 1, sizeof(size_t));
	for (n = 0; n < m->nnodes; n++) {
		size_t r;

		if (!m->nodes[n].is_leaf)
			continue;
		r = root_pos[root_of(m, n)];
		sd->leaf_node[l] = n;
		b->leaf_root[l] = r;
		sd->leaf_used[l] = b->cover[n] > 0 && m->nodes[n].points > 0;
		if (sd->leaf_used[l])
			sd->root_used[r] = 1;
		l++;
	}
	/* A main index's cover, when all its leaves of some points share
	 * one (what a merged unit, which has no leaves, needs). */
	for (k = 0; k < m->nroots; k++) {
		double c = -2; /* none seen yet */

		for (l = 0; l < sd->nleaves; l++) {
			if (b->leaf_root[l] != k ||
			    m->nodes[sd->leaf_node[l]].points <= 0)
				continue;
			if (c == -2)
				c = b->cover[sd->leaf_node[l]];
			else if (c != b->cover[sd->leaf_node[l]])
				c = -1;
		}
		b->root_cover[k] = c == -2 ? 0 : c;
	}
	free(root_pos);
}

/* The items: the indicators the measure counts (the indicators vary),
 * else the main indices it counts. */
static void make_items(struct build *b)
{
	sens_data *sd = b->sd;
	size_t n = b->spec->vary_indicators ? sd->nleaves : sd->nroots;
	size_t k;

	b->item_of = xcalloc(n ? n : 1, sizeof(size_t));
	sd->item_root = xcalloc(n ? n : 1, sizeof(size_t));
	sd->item_leaf = xcalloc(n ? n : 1, sizeof(size_t));
	for (k = 0; k < n; k++) {
		int used = b->spec->vary_indicators ? sd->leaf_used[k]
		                                    : sd->root_used[k];

		b->item_of[k] = SIZE_MAX;
		if (!used)
			continue;
		b->item_of[k] = sd->nitems;
		sd->item_root[sd->nitems] =
		        b->spec->vary_indicators ? b->leaf_root[k] : k;
		sd->item_leaf[sd->nitems] = b->spec->vary_indicators ? k : 0;
		sd->nitems++;
	}
}

/* The points of indicator node n of unit u available under policy p. */
static double avail_of(const rs_model *m, const rs_unit *u, size_t n,
                       sens_policy p)
{
	int st = u->node_status[n];

	switch (p) {
	case SENS_POLICY_ZERO:
		return st == CHISO_STATUS_NA ? 0 : m->nodes[n].points;
	case SENS_POLICY_EXCLUDE:
		return st == CHISO_STATUS_OK || st == CHISO_STATUS_ERROR
		               ? m->nodes[n].points
		               : 0;
	default:
		return u->node_max[n];
	}
}

/* Refuses a merged unit when its indicators would be needed. */
static int check_merged(const struct build *b, const rs_unit *u, diag *d)
{
	const sens_spec *spec = b->spec;
	size_t k;

	if (spec->vary_indicators || spec->npolicies > 1 ||
	    spec->policy[0] != SENS_POLICY_RESULTS) {
		diag_error(
		        d, NULL, 0, 0,
		        "chiso: unit %s (%s) was made by chiso merge: the "
		        "results hold only its main indices, so %s cannot "
		        "be computed for it; vary the main indices only, or "
		        "analyse the results its predecessors were made from",
		        u->code, u->file,
		        spec->vary_indicators ? "--vary indicators"
		                              : "--missing");
		return -1;
	}
	for (k = 0; k < b->sd->nroots; k++)
		if (b->sd->root_used[k] && b->root_cover[k] < 0) {
			diag_error(d, NULL, 0, 0,
			           "chiso: unit %s (%s) was made by chiso "
			           "merge: the results hold only its main "
			           "indices, and --by %s counts part of main "
			           "index %s; rank by total or a view of whole "
			           "main indices",
			           u->code, u->file, b->t->by.id,
			           b->m->nodes[b->sd->root_node[k]].id);
			return -1;
		}
	return 0;
}

/* The items of one merged unit, from its main indices. */
static void fill_merged(struct build *b, const rs_unit *u, size_t row)
{
	sens_data *sd = b->sd;
	size_t k, at;

	for (k = 0; k < sd->nroots; k++) {
		size_t n = sd->root_node[k];

		if (b->item_of[k] == SIZE_MAX)
			continue;
		at = row * sd->nitems + b->item_of[k];
		sd->earned[at] = b->root_cover[k] * u->node_points[n];
		sd->avail[0][at] = b->root_cover[k] * u->node_max[n];
	}
}

/* The items of one unit, from its indicators. */
static void fill_unit(struct build *b, const rs_unit *u, size_t row)
{
	sens_data *sd = b->sd;
	size_t l;
	int k;

	for (l = 0; l < sd->nleaves; l++) {
		size_t n = sd->leaf_node[l], item, at;
		double c = b->cover[n];

		if (!sd->leaf_used[l])
			continue;
		item = b->item_of[b->spec->vary_indicators ? l
		                                           : b->leaf_root[l]];
		at = row * sd->nitems + item;
		sd->earned[at] += c * u->node_points[n];
		for (k = 0; k < b->spec->npolicies; k++)
			sd->avail[k][at] +=
			        c * avail_of(b->m, u, n, b->spec->policy[k]);
		if (u->node_status[n] == CHISO_STATUS_MISSING)
			sd->any_missing = 1;
	}
}

int sens_data_build(sens_data *sd, const rank_table *t, const sens_spec *spec,
                    diag *d)
{
	struct build b;
	size_t r, cells;
	int k, rc = 0;

	memset(sd, 0, sizeof(*sd));
	memset(&b, 0, sizeof(b));
	b.t = t;
	b.m = &t->set->models[t->model];
	b.spec = spec;
	b.sd = sd;
	if (make_cover(&b, d) < 0) {
		rc = -1;
		goto out;
	}
	make_shape(&b);
	make_items(&b);
	sd->nrows = t->nrows;
	sd->npolicies = spec->npolicies;
	cells = sd->nrows * sd->nitems;
	sd->earned = xcalloc(cells ? cells : 1, sizeof(double));
	for (k = 0; k < spec->npolicies; k++)
		sd->avail[k] = xcalloc(cells ? cells : 1, sizeof(double));
	for (r = 0; r < t->nrows && rc == 0; r++) {
		const rs_unit *u = &t->set->units[t->rows[r]];

		if (u->nderived_from == 0)
			fill_unit(&b, u, r);
		else if (check_merged(&b, u, d) < 0)
			rc = -1;
		else
			fill_merged(&b, u, r);
	}
out:
	free(b.cover);
	free(b.leaf_root);
	free(b.root_cover);
	free(b.item_of);
	if (rc < 0)
		sens_data_free(sd);
	return rc;
}

void sens_data_free(sens_data *sd)
{
	free(sd->item_root);
	free(sd->item_leaf);
	free(sd->earned);
	free(sd->avail[0]);
	free(sd->avail[1]);
	free(sd->root_node);
	free(sd->leaf_node);
	free(sd->root_used);
	free(sd->leaf_used);
	memset(sd, 0, sizeof(*sd));
}
