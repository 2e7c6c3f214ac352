/*
 * batch.c - the units of a run and their results.
 */
#include "eval/batch.h"

#include <stdlib.h>
#include <string.h>

/* An empty batch whose pool starts with the empty string at offset 0. */
void batch_init(batch *b, const chiso_model *m)
{
	memset(b, 0, sizeof(*b));
	b->model = m;
	strbuf_add(&b->pool, "", 1);
	b->limits = doc_limits_data;
	b->max_units = LIMIT_UNITS;
	b->isolate_max_lost = BATCH_MAX_LOST;
}

/* Frees the pool, units, values, problems and results. */
/* Frees the result arrays and forgets them. */
static void free_results(batch *b)
{
	free(b->node_points);
	free(b->node_max);
	free(b->node_status);
	free(b->leaf_fraction);
	free(b->leaf_raw);
	free(b->leaf_has_raw);
	free(b->leaf_note);
	free(b->leaf_hint);
	free(b->unit_points);
	free(b->unit_max);
	free(b->view_points);
	free(b->view_max);
	free(b->unit_class);
	b->view_points = b->view_max = NULL;
	b->unit_class = NULL;
	b->node_points = b->node_max = NULL;
	b->leaf_fraction = b->leaf_raw = NULL;
	b->unit_points = b->unit_max = NULL;
	b->node_status = b->leaf_has_raw = NULL;
	b->leaf_note = b->leaf_hint = NULL;
	b->evaluated = 0;
}

void batch_free(batch *b)
{
	strbuf_release(&b->pool);
	free(b->units);
	free(b->values);
	free(b->problems);
	free(b->evidence);
	free_results(b);
	memset(b, 0, sizeof(*b));
}

/* Appends s and a NUL to the pool. */
size_t batch_intern(batch *b, const char *s, size_t len)
{
	size_t off;

	if (len == 0)
		return 0;
	off = b->pool.len;
	strbuf_add(&b->pool, s, len);
	strbuf_add(&b->pool, "", 1);
	return off;
}

/* NUL-terminated front of batch_intern. */
size_t batch_intern_str(batch *b, const char *s)
{
	return s ? batch_intern(b, s, strlen(s)) : 0;
}

/* Pool look-up. */
const char *batch_str(const batch *b, size_t off)
{
	return b->pool.data + off;
}

/* Grows the unit and value arrays by doubling. */
size_t batch_add_unit(batch *b)
{
	size_t ninputs = b->model->ninputs;
	size_t u = b->nunits;

	if (b->nunits == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->units = xrealloc(b->units, b->cap * sizeof(*b->units));
		b->values =
		        xrealloc(b->values, b->cap * (ninputs ? ninputs : 1) *
		                                    sizeof(*b->values));
	}
	memset(&b->units[u], 0, sizeof(b->units[u]));
	memset(&b->values[u * ninputs], 0, ninputs * sizeof(*b->values));
	b->nunits++;
	return u;
}

/* Row u of the values array. */
unit_value *batch_values(batch *b, size_t u)
{
	return &b->values[u * b->model->ninputs];
}

/* Appends to the unit's linked list of problems. */
void batch_problem_add2(batch *b, size_t u, const char *text, const char *shown)
{
	size_t idx;

	if (b->nproblems == b->problems_cap) {
		b->problems_cap = b->problems_cap ? b->problems_cap * 2 : 16;
		b->problems = xrealloc(b->problems,
		                       b->problems_cap * sizeof(*b->problems));
	}
	idx = b->nproblems++;
	b->problems[idx].text = batch_intern(b, text, strlen(text));
	b->problems[idx].shown = shown && strcmp(shown, text) != 0
	                                 ? batch_intern(b, shown, strlen(shown))
	                                 : b->problems[idx].text;
	b->problems[idx].next = 0;
	b->problems[idx].from_eval = b->problems_from_eval;
	if (b->units[u].last_problem)
		b->problems[b->units[u].last_problem - 1].next = idx + 1;
	else
		b->units[u].first_problem = idx + 1;
	b->units[u].last_problem = idx + 1;
}

/* Formats the problem, then batch_problem_add2. */
void batch_problem_add(batch *b, size_t u, const char *fmt, ...)
{
	strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	batch_problem_add2(b, u, strbuf_str(&sb), NULL);
	strbuf_release(&sb);
}

/* Sets where new problems come from. */
void batch_problems_from_eval(batch *b, int on)
{
	b->problems_from_eval = on;
}

/* Unlinks unit u's problems that evaluation added. */
static void drop_eval_problems(batch *b, size_t u)
{
	unit_rec *ur = &b->units[u];
	size_t p, prev = 0, next;

	ur->last_problem = 0;
	for (p = ur->first_problem; p; p = next) {
		next = b->problems[p - 1].next;
		if (b->problems[p - 1].from_eval) {
			if (prev)
				b->problems[prev - 1].next = next;
			else
				ur->first_problem = next;
			continue;
		}
		prev = p;
		ur->last_problem = p;
	}
}

/* Frees the result arrays and undoes what evaluation set. */
void batch_reset_results(batch *b)
{
	size_t u;

	if (!b->evaluated)
		return;
	for (u = 0; u < b->nunits; u++) {
		b->units[u].failed = 0;
		if (b->units[u].invalid_by_eval)
			b->units[u].invalid = 0;
		b->units[u].invalid_by_eval = 0;
		drop_eval_problems(b, u);
	}
	free_results(b);
}

/* One allocation per result array for the whole run. */
void batch_alloc_results(batch *b)
{
	size_t nn = b->nunits * b->model->nnodes;
	size_t nl = b->nunits * b->model->nleaves;
	size_t nv;

	b->node_points = xcalloc(nn ? nn : 1, sizeof(double));
	b->node_max = xcalloc(nn ? nn : 1, sizeof(double));
	b->node_status = xcalloc(nn ? nn : 1, 1);
	b->leaf_fraction = xcalloc(nl ? nl : 1, sizeof(double));
	b->leaf_raw = xcalloc(nl ? nl : 1, sizeof(double));
	b->leaf_has_raw = xcalloc(nl ? nl : 1, 1);
	b->leaf_note = xcalloc(nl ? nl : 1, sizeof(size_t));
	b->leaf_hint = xcalloc(nl ? nl : 1, sizeof(size_t));
	b->unit_points = xcalloc(b->nunits ? b->nunits : 1, sizeof(double));
	b->unit_max = xcalloc(b->nunits ? b->nunits : 1, sizeof(double));
	nv = b->nunits * b->model->nviews;
	b->view_points = xcalloc(nv ? nv : 1, sizeof(double));
	b->view_max = xcalloc(nv ? nv : 1, sizeof(double));
	b->unit_class = xcalloc(b->nunits ? b->nunits : 1, sizeof(int));
	for (nv = 0; nv < b->nunits; nv++)
		b->unit_class[nv] = -1;
}

/* --- reading the results ------------------------------------------- */

/* A 0-point group is collected, not scored: its value is the plain mean
 * of its children's values (those with status ok). */
static double zero_point_group_value(const batch *b, size_t u,
                                     const model_node *node)
{
	double sum = 0;
	size_t k, n = 0;

	for (k = 0; k < node->nchildren; k++) {
		size_t c = node->children[k];

		if (b->node_status[BATCH_NODE(b, u, c)] != CHISO_STATUS_OK)
			continue;
		sum += batch_node_value(b, u, c);
		n++;
	}
	return n ? sum / (double)n : 0;
}

/* Earned over available; for 0-point nodes see above. */
double batch_node_value(const batch *b, size_t u, size_t i)
{
	const model_node *node = &b->model->nodes[i];
	size_t ni = BATCH_NODE(b, u, i);

	if (b->node_max[ni] > 0)
		return b->node_points[ni] / b->node_max[ni];
	if (node->points != 0 || b->node_status[ni] != CHISO_STATUS_OK)
		return 0;
	if (node->is_leaf)
		return b->leaf_fraction[BATCH_LEAF(b, u, node->leaf)];
	return zero_point_group_value(b, u, node);
}

/* Total earned over total available. */
double batch_unit_value(const batch *b, size_t u)
{
	return b->unit_max[u] > 0 ? b->unit_points[u] / b->unit_max[u] : 0;
}

size_t batch_next_missing(const batch *b, size_t u, size_t from)
{
	const chiso_model *m = b->model;
	const unit_value *row = &b->values[u * m->ninputs];

	while (from < m->ninputs &&
	       (!m->inputs[from].required || row[from].present))
		from++;
	return from;
}

size_t batch_unit_missing(const batch *b, size_t u)
{
	size_t i, n = 0;

	for (i = batch_next_missing(b, u, 0); i < b->model->ninputs;
	     i = batch_next_missing(b, u, i + 1))
		n++;
	return n;
}
