/*
 * results_json.c - writing the results document, unit by unit.
 */
#include "config.h"

#include "results/results_json.h"

#include "eval/eval.h"
#include "eval/evidence_rule.h"
#include "eval/outcomes.h"
#include "results/results_audit.h"
#include "results/results_evidence.h"
#include "results/results_value.h"
#include "util/jsonw.h"
#include "util/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESULTS_FORMAT 1

/* The pool string, or NULL for the empty string (printed as null). */
static const char *opt(const batch *b, size_t off)
{
	return off ? batch_str(b, off) : NULL;
}

/* "nodes": the tree, so that rank, compare and report need only the
 * results: id, name, points, parent, kind and method. */
static void write_tree(jsonw *w, const chiso_model *m)
{
	size_t i;

	jsonw_key(w, "nodes");
	jsonw_array(w, 0);
	for (i = 0; i < m->nnodes; i++) {
		const model_node *node = &m->nodes[i];

		jsonw_object(w, 1);
		jsonw_kstring(w, "id", node->id);
		jsonw_kstring(w, "name", node->name);
		jsonw_knumber(w, "points", node->points);
		jsonw_kstring(w, "parent",
		              node->parent >= 0 ? m->nodes[node->parent].id
		                                : NULL);
		if (node->is_leaf)
			jsonw_kstring(w, "method", node->method);
		if (node->kind)
			jsonw_kstring(w, "kind", node->kind);
		jsonw_end(w);
	}
	jsonw_end(w);
}

/* "views": id, name and the node ids each sums. */
static void write_views(jsonw *w, const chiso_model *m)
{
	size_t v, k;

	jsonw_key(w, "views");
	jsonw_array(w, 0);
	for (v = 0; v < m->nviews; v++) {
		jsonw_object(w, 1);
		jsonw_kstring(w, "id", m->views[v].id);
		jsonw_kstring(w, "name", m->views[v].name);
		jsonw_key(w, "nodes");
		jsonw_array(w, 1);
		for (k = 0; k < m->views[v].nnodes; k++)
			jsonw_string(w, m->nodes[m->views[v].nodes[k]].id);
		jsonw_end(w);
		jsonw_end(w);
	}
	jsonw_end(w);
}

/* "classes": id, name and conditions, in the order they are checked. */
static void write_classes(jsonw *w, const chiso_model *m)
{
	size_t c;

	jsonw_key(w, "classes");
	jsonw_array(w, 0);
	for (c = 0; c < m->nclasses; c++) {
		const model_class *cl = &m->classes[c];

		jsonw_object(w, 1);
		jsonw_kstring(w, "id", cl->id);
		jsonw_kstring(w, "name", cl->name);
		if (cl->has_min_value)
			jsonw_knumber(w, "min_value", cl->min_value);
		if (cl->mandatory_all)
			jsonw_kstring(w, "mandatory", "all");
		if (cl->has_extended_min)
			jsonw_knumber(w, "extended_min", cl->extended_min);
		jsonw_end(w);
	}
	jsonw_end(w);
}

/* "model": identity, hash, precision, policy, points. */
static void write_model(jsonw *w, const chiso_model *m)
{
	static const char *const missing[] = {"zero", "exclude", "error"};

	jsonw_key(w, "model");
	jsonw_object(w, 0);
	jsonw_kstring(w, "id", m->id);
	jsonw_kstring(w, "version", m->version);
	jsonw_kstring(w, "title", m->title);
	jsonw_kstring(w, "sha256", m->sha256);
	jsonw_kstring(w, "file", m->path);
	jsonw_knumber(w, "precision", m->precision);
	jsonw_kstring(w, "missing", missing[m->missing]);
	jsonw_knumber(w, "points", m->total_points);
	write_tree(w, m);
	write_views(w, m);
	write_classes(w, m);
	jsonw_end(w);
}

/* "plugins": each method the model uses, once, with its versions and
 * the SHA-256 of the file that computed it. */
static void write_plugins(jsonw *w, const chiso_model *m)
{
	size_t k, j;
	char abi[32];

	jsonw_key(w, "plugins");
	jsonw_array(w, 0);
	for (k = 0; k < m->nleaves; k++) {
		const plugin_info *pi = m->nodes[m->leaves[k]].plugin;
		int seen = 0;

		for (j = 0; j < k && !seen; j++)
			seen = m->nodes[m->leaves[j]].plugin == pi;
		if (seen)
			continue;
		snprintf(abi, sizeof(abi), "%u.%u",
		         (unsigned)CHISO_ABI_MAJOR_OF(pi->desc->abi_version),
		         (unsigned)CHISO_ABI_MINOR_OF(pi->desc->abi_version));
		jsonw_object(w, 1);
		jsonw_kstring(w, "name", pi->name);
		jsonw_kstring(w, "version", pi->desc->version);
		jsonw_kstring(w, "abi", abi);
		jsonw_kstring(w, "sha256", pi->sha256);
		jsonw_end(w);
	}
	jsonw_end(w);
}

/*
 * The text of the document that is the same for every unit, built once
 * so that a unit's 100 nodes and 300 values are written as ready pieces
 * and numbers (national batches: 1 M node records). All pieces are
 * allocated by doc_text_build and freed by doc_text_release.
 */
typedef struct node_text {
	char *head; /* {"id": "1.1", "points": */
	size_t head_len;
	char *leaf;      /* , "method": "x", "kind": "k", "inputs": [...] */
	size_t leaf_len; /* 0 for a node that is not a leaf */
	char *max;       /* the node's points as a number */
	size_t max_len;
} node_text;

typedef struct doc_text {
	node_text *nodes; /* one per model node */
	char **input_key; /* "x1": , one per input */
	size_t *input_key_len;
} doc_text;

/* A piece of constant text, written by a jsonw into a strbuf. */
typedef struct piece {
	strbuf sb;
	jsonw w;
} piece;

/* Starts a piece (freed by piece_close). */
static piece *piece_open(void)
{
	piece *p = xmalloc(sizeof(*p));

	p->sb = (strbuf)STRBUF_INIT;
	jsonw_init_strbuf(&p->w, &p->sb);
	return p;
}

/* Ends the piece; returns its text (owned by the caller), *len its
 * length. */
static char *piece_close(piece *p, size_t *len)
{
	char *text;

	jsonw_flush(&p->w);
	*len = p->sb.len;
	text = strbuf_detach(&p->sb);
	free(p);
	return text;
}

#define PUT_LIT(w, lit) jsonw_put((w), (lit), sizeof(lit) - 1)

/* The constant pieces of node i. */
static void node_text_build(node_text *t, const chiso_model *m, size_t i)
{
	const model_node *node = &m->nodes[i];
	piece *p = piece_open();
	size_t k;

	PUT_LIT(&p->w, "{\"id\": ");
	jsonw_put_string(&p->w, node->id);
	PUT_LIT(&p->w, ", \"points\": ");
	t->head = piece_close(p, &t->head_len);

	p = piece_open();
	jsonw_put_number(&p->w, node->points);
	t->max = piece_close(p, &t->max_len);

	t->leaf = NULL;
	t->leaf_len = 0;
	if (!node->is_leaf)
		return;
	p = piece_open();
	PUT_LIT(&p->w, ", \"method\": ");
	jsonw_put_string(&p->w, node->method);
	if (node->kind) {
		PUT_LIT(&p->w, ", \"kind\": ");
		jsonw_put_string(&p->w, node->kind);
	}
	PUT_LIT(&p->w, ", \"inputs\": [");
	for (k = 0; k < node->ndeps; k++) {
		if (k)
			PUT_LIT(&p->w, ", ");
		jsonw_put_string(&p->w, m->inputs[node->deps[k].slot].id);
	}
	PUT_LIT(&p->w, "]");
	t->leaf = piece_close(p, &t->leaf_len);
}

static void doc_text_build(doc_text *d, const chiso_model *m)
{
	size_t i;

	d->nodes = xcalloc(m->nnodes ? m->nnodes : 1, sizeof(*d->nodes));
	for (i = 0; i < m->nnodes; i++)
		node_text_build(&d->nodes[i], m, i);
	d->input_key =
	        xcalloc(m->ninputs ? m->ninputs : 1, sizeof(*d->input_key));
	d->input_key_len =
	        xcalloc(m->ninputs ? m->ninputs : 1, sizeof(*d->input_key_len));
	for (i = 0; i < m->ninputs; i++) {
		piece *p = piece_open();

		jsonw_put_string(&p->w, m->inputs[i].id);
		PUT_LIT(&p->w, ": ");
		d->input_key[i] = piece_close(p, &d->input_key_len[i]);
	}
}

static void doc_text_release(doc_text *d, const chiso_model *m)
{
	size_t i;

	for (i = 0; i < m->nnodes; i++) {
		free(d->nodes[i].head);
		free(d->nodes[i].leaf);
		free(d->nodes[i].max);
	}
	for (i = 0; i < m->ninputs; i++)
		free(d->input_key[i]);
	free(d->nodes);
	free(d->input_key);
	free(d->input_key_len);
}

/* ", "status": "ok"" and the like, by status. */
static void put_status(jsonw *w, int status)
{
	switch (status) {
	case CHISO_STATUS_OK:
		PUT_LIT(w, ", \"status\": \"ok\"");
		return;
	case CHISO_STATUS_NA:
		PUT_LIT(w, ", \"status\": \"na\"");
		return;
	default:
		PUT_LIT(w, ", \"status\": ");
		jsonw_put_string(w, eval_status_name(status));
	}
}

/* One node of one unit, on one line: {"id", "points", "max", "value",
 * "status", and for a leaf "method", "kind", "inputs", "raw",
 * "fraction", "note", "hint"}. */
static void write_node(jsonw *w, const batch *b, const doc_text *d, size_t u,
                       size_t i)
{
	const model_node *node = &b->model->nodes[i];
	const node_text *t = &d->nodes[i];
	size_t ni = BATCH_NODE(b, u, i), li;
	int status = b->node_status[ni];

	jsonw_object_put(w);
	jsonw_put(w, t->head, t->head_len);
	jsonw_put_number(w, b->node_points[ni]);
	PUT_LIT(w, ", \"max\": ");
	if (b->node_max[ni] == node->points)
		jsonw_put(w, t->max, t->max_len);
	else
		jsonw_put_number(w, b->node_max[ni]);
	PUT_LIT(w, ", \"value\": ");
	jsonw_put_number(w, batch_node_value(b, u, i));
	put_status(w, status);
	if (node->is_leaf) {
		li = BATCH_LEAF(b, u, node->leaf);
		jsonw_put(w, t->leaf, t->leaf_len);
		if (b->leaf_has_raw[li]) {
			PUT_LIT(w, ", \"raw\": ");
			jsonw_put_number(w, b->leaf_raw[li]);
		}
		if (status == CHISO_STATUS_OK) {
			PUT_LIT(w, ", \"fraction\": ");
			jsonw_put_number(w, b->leaf_fraction[li]);
		}
		PUT_LIT(w, ", \"note\": ");
		jsonw_put_string(w, batch_str(b, b->leaf_note[li]));
		if (b->leaf_hint[li]) {
			PUT_LIT(w, ", \"hint\": ");
			jsonw_put_string(w, batch_str(b, b->leaf_hint[li]));
		}
		if (evidence_lacking(b, u, i))
			jsonw_kstring(w, "evidence", "missing");
		results_evidence_node(w, b, u, i);
		results_audit_decisions(w, b, u, i);
	}
	jsonw_end(w);
}

/* "values": every input the unit gave, in model order. */
static void write_values(jsonw *w, const batch *b, const doc_text *d, size_t u)
{
	const chiso_model *m = b->model;
	const unit_value *row = &b->values[u * m->ninputs];
	size_t i;

	jsonw_key(w, "values");
	jsonw_object(w, 0);
	for (i = 0; i < m->ninputs; i++) {
		if (!row[i].present && !row[i].evidence && !row[i].comment)
			continue;
		jsonw_key_quoted(w, d->input_key[i], d->input_key_len[i]);
		results_value_write(w, b, &m->inputs[i], &row[i]);
	}
	jsonw_end(w);
}

/* "unit": identity; empty fields print as null. */
static void write_identity(jsonw *w, const batch *b, const unit_rec *ur)
{
	jsonw_key(w, "unit");
	jsonw_object(w, 1);
	jsonw_kstring(w, "code", batch_str(b, ur->code));
	jsonw_kstring(w, "name", opt(b, ur->name));
	jsonw_kstring(w, "level", opt(b, ur->level));
	jsonw_kstring(w, "parent", opt(b, ur->parent));
	jsonw_kstring(w, "period", opt(b, ur->period));
	jsonw_end(w);
}

/* "class" (id or null) and "class_failed": for each class checked
 * before the one that holds (all, when none does), why it failed. */
static void write_class(jsonw *w, const batch *b, size_t u)
{
	const chiso_model *m = b->model;
	int got = b->unit_class[u];
	size_t c, upto = got >= 0 ? (size_t)got : m->nclasses;
	strbuf why = STRBUF_INIT;

	if (m->nclasses == 0)
		return;
	jsonw_kstring(w, "class", got >= 0 ? m->classes[got].id : NULL);
	jsonw_key(w, "class_failed");
	jsonw_array(w, 0);
	for (c = 0; c < upto; c++) {
		strbuf_reset(&why);
		outcomes_class_check(b, u, c, &why);
		jsonw_object(w, 1);
		jsonw_kstring(w, "class", m->classes[c].id);
		jsonw_kstring(w, "why", strbuf_str(&why));
		jsonw_end(w);
	}
	jsonw_end(w);
	strbuf_release(&why);
}

/* "views": each view's points, max and value. */
static void write_unit_views(jsonw *w, const batch *b, size_t u)
{
	const chiso_model *m = b->model;
	size_t v;

	if (m->nviews == 0)
		return;
	jsonw_key(w, "views");
	jsonw_array(w, 0);
	for (v = 0; v < m->nviews; v++) {
		jsonw_object(w, 1);
		jsonw_kstring(w, "id", m->views[v].id);
		jsonw_knumber(w, "points", b->view_points[BATCH_VIEW(b, u, v)]);
		jsonw_knumber(w, "max", b->view_max[BATCH_VIEW(b, u, v)]);
		jsonw_knumber(w, "value", outcomes_view_value(b, u, v));
		jsonw_end(w);
	}
	jsonw_end(w);
}

/* "missing": the required inputs the unit lacks, in model order; only
 * when it lacks some. */
static void write_missing(jsonw *w, const batch *b, size_t u)
{
	const chiso_model *m = b->model;
	size_t i = batch_next_missing(b, u, 0);

	if (i == m->ninputs)
		return;
	jsonw_key(w, "missing");
	jsonw_array(w, 1);
	for (; i < m->ninputs; i = batch_next_missing(b, u, i + 1))
		jsonw_string(w, m->inputs[i].id);
	jsonw_end(w);
}

/* One unit: identity, scores, nodes, values, missing, problems. */
static void write_unit(jsonw *w, const batch *b, const doc_text *d, size_t u)
{
	const unit_rec *ur = &b->units[u];
	size_t i, p;

	jsonw_object(w, 0);
	write_identity(w, b, ur);
	jsonw_kstring(w, "stage", batch_str(b, ur->stage));
	jsonw_kstring(w, "status",
	              ur->invalid  ? "invalid"
	              : ur->failed ? "error"
	                           : "ok");
	if (!ur->invalid) {
		jsonw_knumber(w, "points", b->unit_points[u]);
		jsonw_knumber(w, "max", b->unit_max[u]);
		jsonw_knumber(w, "value", batch_unit_value(b, u));
		write_class(w, b, u);
		jsonw_key(w, "nodes");
		jsonw_array(w, 0);
		for (i = 0; i < b->model->nnodes; i++)
			write_node(w, b, d, u, i);
		jsonw_end(w);
		write_unit_views(w, b, u);
	}
	write_values(w, b, d, u);
	results_evidence_unit(w, b, u);
	results_audit_corrections(w, b, u);
	if (!ur->invalid)
		write_missing(w, b, u);
	jsonw_key(w, "problems");
	jsonw_array(w, 0);
	for (p = ur->first_problem; p; p = b->problems[p - 1].next)
		jsonw_string(w, batch_str(b, b->problems[p - 1].text));
	jsonw_end(w);
	jsonw_end(w);
}

/* The whole document. */
void results_json_write(const batch *b, FILE *f)
{
	jsonw w;
	doc_text d;
	size_t u;

	doc_text_build(&d, b->model);
	jsonw_init(&w, f);
	jsonw_object(&w, 0);
	jsonw_knumber(&w, "format", RESULTS_FORMAT);
	jsonw_kstring(&w, "generator", PACKAGE_STRING);
	jsonw_kstring(&w, "language", b->model->plugin_language);
	write_model(&w, b->model);
	write_plugins(&w, b->model);
	results_audit_basis(&w, b);
	jsonw_key(&w, "units");
	jsonw_array(&w, 0);
	for (u = 0; u < b->nunits; u++)
		write_unit(&w, b, &d, u);
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
	doc_text_release(&d, b->model);
}
