/*
 * appraisal_prior.c - the decisions a results document records read
 * back into an appraisal: for "chiso appraise" of an appraised document
 * (its decisions carried into the final stage) and for "chiso verify"
 * (the numbers recomputed from them).
 */
#include "eval/appraisal.h"

#include "read/json_reader.h"
#include "read/schema.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A recorded value of input in (bare, or {value, ...}) as a unit_value
 * in b's pool. Returns 0, or -1 after reporting. */
static int read_value(const schema_ctx *sc, batch *b, const model_input *in,
                      const doc_node *n, unit_value *v)
{
	size_t k;

	memset(v, 0, sizeof(*v));
	if (n && n->kind == DOC_MAP)
		n = doc_get(n, "value");
	if (!n || n->kind != DOC_SCALAR) {
		schema_error(sc, n, _("a value of input %s is missing"),
		             in->id);
		return -1;
	}
	if (schema_is_null(n) && !n->quoted)
		return 0;
	v->present = 1;
	if (in->type & CHISO_INPUT_NUMERIC) {
		if (n->quoted || numfmt_parse(n->text, &v->num) < 0) {
			schema_error(sc, n,
			             _("value of input %s is not a number"),
			             in->id);
			return -1;
		}
	} else if (in->type == CHISO_INPUT_BOOLEAN) {
		v->num = strcmp(n->text, "true") == 0;
	} else {
		v->text = batch_intern_str(b, n->text);
		for (k = 0; k < in->nchoices; k++)
			if (strcmp(in->choices[k], n->text) == 0)
				v->num = (double)k;
	}
	return 0;
}

/* The text of key in map, "" when absent. Borrowed from the doc. */
static const char *text_of(const doc_node *map, const char *key)
{
	const doc_node *n = doc_get(map, key);

	return n && n->kind == DOC_SCALAR && n->text ? n->text : "";
}

/* "evidence": a list of references, joined with '|'. Caller frees. */
static char *evidence_of(const doc_node *map)
{
	const doc_node *n = doc_get(map, "evidence");
	strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; n && n->kind == DOC_SEQ && i < n->count; i++) {
		if (i)
			strbuf_putc(&sb, '|');
		strbuf_puts(&sb, n->items[i]->text ? n->items[i]->text : "");
	}
	return strbuf_detach(&sb);
}

/* Adds a prior decision of unit u read from map; returns its index. */
static size_t add_decision(appraisal *a, appr_kind kind, size_t u,
                           size_t target, const doc_node *map)
{
	appr_decision *x = appraisal_push(a);
	const doc_node *files;
	size_t i;

	x->kind = kind;
	x->unit = u;
	x->target = target;
	x->reason = xstrdup(text_of(map, "reason"));
	x->by = xstrdup(text_of(map, "by"));
	x->at = xstrdup(text_of(map, "at"));
	x->evidence = evidence_of(map);
	x->stage = xstrdup(text_of(map, "stage"));
	x->source = xstrdup(text_of(map, "source"));
	x->prior = 1;
	files = doc_get(map, "evidence_files");
	for (i = 0; files && files->kind == DOC_SEQ && i < files->count; i++)
		appraisal_evidence_add(x, text_of(files->items[i], "file"),
		                       text_of(files->items[i], "sha256"));
	return a->n - 1;
}

/* The input of a recorded map's key "input", or -1 after reporting. */
static int input_of(const schema_ctx *sc, const chiso_model *m,
                    const doc_node *map)
{
	const doc_node *n = doc_get(map, "input");
	int slot =
	        n && n->kind == DOC_SCALAR ? model_input_slot(m, n->text) : -1;

	if (slot < 0)
		schema_error(
		        sc, n ? n : map,
		        _("the input of a recorded decision is not an input "
		          "of model %s"),
		        m->id);
	return slot;
}

/* "corrections" of unit u. */
static int read_corrections(appraisal *a, batch *b, const schema_ctx *sc,
                            size_t u, const doc_node *list)
{
	size_t i;

	for (i = 0; list && list->kind == DOC_SEQ && i < list->count; i++) {
		const doc_node *c = list->items[i];
		int slot = input_of(sc, b->model, c);
		size_t x;

		if (slot < 0)
			return -1;
		x = add_decision(a, APPR_INPUT, u, (size_t)slot, c);
		if (read_value(sc, b, &b->model->inputs[slot],
		               doc_get(c, "from"), &a->items[x].old) < 0 ||
		    read_value(sc, b, &b->model->inputs[slot], doc_get(c, "to"),
		               &a->items[x].value) < 0)
			return -1;
	}
	return 0;
}

/* The prior input decision of unit u on slot made at stage and source,
 * or a->n when none. */
static size_t find_input(const appraisal *a, size_t u, size_t slot,
                         const doc_node *map)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		const appr_decision *x = &a->items[i];

		if (x->prior && x->kind == APPR_INPUT && x->unit == u &&
		    x->target == slot &&
		    strcmp(x->stage, text_of(map, "stage")) == 0 &&
		    strcmp(x->source, text_of(map, "source")) == 0)
			return i;
	}
	return a->n;
}

/* A status name as the static string eval_status_name() gives. */
static const char *status_of(const doc_node *map, const char *key)
{
	static const char *const names[] = {"ok", "na", "error", "missing"};
	const char *s = text_of(map, key);
	size_t i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return names[i];
	return "ok";
}

/* One recorded decision of node i of unit u. */
static int read_node_decision(appraisal *a, batch *b, const schema_ctx *sc,
                              size_t u, size_t i, const doc_node *dn)
{
	const char *kind = text_of(dn, "kind");
	appr_record *rec;
	size_t x;
	double from = 0, to = 0;

	if (numfmt_parse(text_of(dn, "from"), &from) < 0 ||
	    numfmt_parse(text_of(dn, "to"), &to) < 0) {
		schema_error(sc, dn,
		             _("a recorded decision needs numbers 'from' "
		               "and 'to'"));
		return -1;
	}
	if (strcmp(kind, "input") == 0) {
		int slot = input_of(sc, b->model, dn);

		if (slot < 0)
			return -1;
		x = find_input(a, u, (size_t)slot, dn);
		if (x == a->n) {
			schema_error(
			        sc, dn,
			        _("decision on input %s of node %s names no "
			          "correction of the unit"),
			        b->model->inputs[slot].id,
			        b->model->nodes[i].id);
			return -1;
		}
	} else if (strcmp(kind, "points") == 0 || strcmp(kind, "na") == 0) {
		x = add_decision(a, *kind == 'p' ? APPR_POINTS : APPR_NA, u, i,
		                 dn);
		a->items[x].points = to;
	} else {
		schema_error(sc, dn,
		             _("a recorded decision of kind '%s': not "
		               "input, points or na"),
		             kind);
		return -1;
	}
	rec = appraisal_push_record(a);
	rec->decision = x;
	rec->unit = u;
	rec->node = i;
	rec->from = from;
	rec->to = to;
	rec->from_status = status_of(dn, "from_status");
	rec->to_status = status_of(dn, "to_status");
	return 0;
}

/* The decisions of the nodes of unit u. */
static int read_nodes(appraisal *a, batch *b, const schema_ctx *sc, size_t u,
                      const doc_node *nodes)
{
	size_t k, j;

	for (k = 0; nodes && nodes->kind == DOC_SEQ && k < nodes->count; k++) {
		const doc_node *n = nodes->items[k];
		const doc_node *ds = doc_get(n, "decisions");
		int i = model_node_index(b->model, text_of(n, "id"));

		if (!ds)
			continue;
		if (i < 0 || !b->model->nodes[i].is_leaf ||
		    ds->kind != DOC_SEQ) {
			schema_error(
			        sc, ds,
			        _("decisions are recorded on indicators of "
			          "the model only"));
			return -1;
		}
		for (j = 0; j < ds->count; j++)
			if (read_node_decision(a, b, sc, u, (size_t)i,
			                       ds->items[j]) < 0)
				return -1;
	}
	return 0;
}

/* "basis" of the document, kept as recorded. */
static void read_basis(appraisal *a, const doc_node *list)
{
	size_t i;

	for (i = 0; list && list->kind == DOC_SEQ && i < list->count; i++) {
		const doc_node *e = list->items[i];
		char sha[65];

		snprintf(sha, sizeof(sha), "%s", text_of(e, "sha256"));
		appraisal_basis_add(a, text_of(e, "role"), text_of(e, "file"),
		                    sha);
	}
}

int appraisal_read_recorded(appraisal *a, batch *b, const char *path,
                            const char *buf, size_t len, int keep_basis,
                            char model_sha[65], diag *d)
{
	schema_ctx sc = {d, path};
	doc *dt = json_read_buffer(path, buf, len, &b->limits, d);
	const doc_node *units;
	size_t u;
	int rc = 0;

	if (!dt)
		return -1;
	units = dt->root ? doc_get(dt->root, "units") : NULL;
	if (keep_basis)
		read_basis(a, doc_get(dt->root, "basis"));
	snprintf(model_sha, 65, "%s",
	         text_of(doc_get(dt->root, "model"), "sha256"));
	if (!units || units->kind != DOC_SEQ || units->count != b->nunits) {
		schema_error(&sc, units,
		             _("the units of the document are not "
		               "the units read from it"));
		doc_free(dt);
		return -1;
	}
	for (u = 0; u < units->count && rc == 0; u++) {
		const doc_node *un = units->items[u];

		if (doc_get(un, "derived")) {
			schema_error(
			        &sc, doc_get(un, "derived"),
			        _("unit %s was made by chiso merge from its "
			          "predecessors: it has no inputs to compute "
			          "again; appraise or verify the results it "
			          "was made from"),
			        batch_str(b, b->units[u].code));
			rc = -1;
			break;
		}

		if (read_corrections(a, b, &sc, u, doc_get(un, "corrections")) <
		            0 ||
		    read_nodes(a, b, &sc, u, doc_get(un, "nodes")) < 0)
			rc = -1;
	}
	doc_free(dt);
	return rc;
}
