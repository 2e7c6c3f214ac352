/*
 * appraisal.c - the decisions of an appraisal applied to a batch: input
 * values corrected before evaluation, indicators awarded points or made
 * not applicable after their plugins computed and before the sums, and
 * what each decision changed recorded per indicator.
 */
#include "eval/appraisal.h"

#include "eval/eval.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/sort.h"
#include "util/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void appraisal_init(appraisal *a)
{
	memset(a, 0, sizeof(*a));
}

appr_decision *appraisal_push(appraisal *a)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 16;
		a->items = xrealloc(a->items, a->cap * sizeof(*a->items));
	}
	memset(&a->items[a->n], 0, sizeof(a->items[a->n]));
	return &a->items[a->n++];
}

appr_record *appraisal_push_record(appraisal *a)
{
	if (a->nrecords == a->records_cap) {
		a->records_cap = a->records_cap ? 2 * a->records_cap : 16;
		a->records = xrealloc(a->records,
		                      a->records_cap * sizeof(*a->records));
	}
	memset(&a->records[a->nrecords], 0, sizeof(a->records[a->nrecords]));
	return &a->records[a->nrecords++];
}

size_t appraisal_evidence_refs(const char *evidence, char ***refs)
{
	const char *p = evidence;
	size_t n = 0;

	*refs = xcalloc(strlen(evidence) / 2 + 2, sizeof(char *));
	while (*p) {
		const char *end = strchr(p, '|');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		while (len > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len > 0)
			(*refs)[n++] = xstrndup(p, len);
		if (!end)
			break;
		p = end + 1;
	}
	return n;
}

void appraisal_evidence_add(appr_decision *x, const char *file,
                            const char sha[65])
{
	x->ev_files = xrealloc(x->ev_files, (x->nev + 1) * sizeof(char *));
	x->ev_sha = xrealloc(x->ev_sha, (x->nev + 1) * sizeof(*x->ev_sha));
	x->ev_files[x->nev] = xstrdup(file);
	snprintf(x->ev_sha[x->nev], 65, "%s", sha);
	x->nev++;
}

void appraisal_release(appr_decision *x)
{
	size_t k;

	for (k = 0; k < x->nev; k++)
		free(x->ev_files[k]);
	free(x->ev_files);
	free(x->ev_sha);
	free(x->reason);
	free(x->by);
	free(x->at);
	free(x->evidence);
	free(x->stage);
	free(x->source);
}

void appraisal_drop(appraisal *a, size_t first)
{
	while (a->n > first)
		appraisal_release(&a->items[--a->n]);
}

void appraisal_free(appraisal *a)
{
	size_t i;

	appraisal_drop(a, 0);
	free(a->items);
	free(a->records);
	for (i = 0; i < a->nbasis; i++) {
		free(a->basis[i].role);
		free(a->basis[i].file);
	}
	free(a->basis);
	memset(a, 0, sizeof(*a));
}

void appraisal_basis_add(appraisal *a, const char *role, const char *file,
                         const char sha256[65])
{
	appr_basis *e;

	if (a->nbasis == a->basis_cap) {
		a->basis_cap = a->basis_cap ? 2 * a->basis_cap : 4;
		a->basis = xrealloc(a->basis, a->basis_cap * sizeof(*a->basis));
	}
	e = &a->basis[a->nbasis++];
	e->role = xstrdup(role);
	e->file = xstrdup(file);
	memcpy(e->sha256, sha256, 65);
	e->sha256[64] = '\0';
}

const char *appraisal_kind_name(appr_kind kind)
{
	switch (kind) {
	case APPR_INPUT:
		return "input";
	case APPR_POINTS:
		return "points";
	case APPR_NA:
		return "na";
	}
	return "unknown";
}

/* en, words of a note, in the language of the document's notes (the
 * model's plugin_language, which results record as "language", as the
 * built-in methods' notes are). verify compares no note. */
static const char *note_text(const batch *b, const char *en)
        __attribute__((format_arg(2)));
static const char *note_text(const batch *b, const char *en)
{
	return strcmp(b->model->plugin_language, "vi") == 0 ? _(en) : en;
}

/* " (STAGE, BY: REASON)": who decided, and why, for a note. */
static void why_note(strbuf *sb, const appr_decision *x)
{
	strbuf_printf(sb, " (%s, %s: %s)", x->stage, x->by, x->reason);
}

/* A value of input in as a note shows it. */
static void value_text(strbuf *sb, const batch *b, const model_input *in,
                       const unit_value *v)
{
	char num[NUMFMT_MAX];

	if (!v->present)
		strbuf_puts(sb, note_text(b, N_("(none)")));
	else if (in->type & CHISO_INPUT_NUMERIC)
		strbuf_puts(sb, numfmt_exact(v->num, num));
	else if (in->type == CHISO_INPUT_BOOLEAN)
		strbuf_puts(sb, v->num != 0 ? note_text(b, N_("yes"))
		                            : note_text(b, N_("no")));
	else
		strbuf_puts(sb, batch_str(b, v->text));
}

/* Sets indicator x->target of unit x->unit as the decision says. */
static void override(batch *b, const appr_decision *x)
{
	const chiso_model *m = b->model;
	const model_node *node = &m->nodes[x->target];
	size_t ni = BATCH_NODE(b, x->unit, x->target);
	size_t li = BATCH_LEAF(b, x->unit, node->leaf);
	char num[NUMFMT_MAX];
	strbuf note = STRBUF_INIT;

	b->leaf_hint[li] = 0;
	b->leaf_has_raw[li] = 0;
	if (x->kind == APPR_NA) {
		b->node_points[ni] = 0;
		b->node_max[ni] = 0;
		b->node_status[ni] = CHISO_STATUS_NA;
		b->leaf_fraction[li] = 0;
		strbuf_puts(&note, note_text(b, N_("does not apply")));
	} else {
		b->node_points[ni] = x->points;
		b->node_max[ni] = node->points;
		b->node_status[ni] = CHISO_STATUS_OK;
		b->leaf_fraction[li] =
		        node->points > 0 ? x->points / node->points : 1;
		strbuf_printf(&note, note_text(b, N_("%s points awarded")),
		              numfmt_exact(x->points, num));
	}
	why_note(&note, x);
	b->leaf_note[li] = batch_intern_str(b, strbuf_str(&note));
	strbuf_release(&note);
}

void appraisal_before_sums(batch *b, void *arg)
{
	const appraisal *a = arg;
	size_t i;

	for (i = 0; i < a->n; i++) {
		const appr_decision *x = &a->items[i];

		if (x->kind == APPR_INPUT || (!x->prior && !a->applying_new) ||
		    b->units[x->unit].invalid)
			continue;
		override(b, x);
	}
}

void appraisal_correct_inputs(appraisal *a, batch *b)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		appr_decision *x = &a->items[i];
		unit_value *v;

		if (x->kind != APPR_INPUT || x->prior)
			continue;
		v = &batch_values(b, x->unit)[x->target];
		x->old = *v;
		v->num = x->value.num;
		v->text = x->value.text;
		v->present = 1;
	}
}

/* Adds a record of decision i at node of its unit. */
static void add_record(appraisal *a, const batch *b, size_t i, size_t node,
                       const double *before_pts,
                       const unsigned char *before_status)
{
	const appr_decision *x = &a->items[i];
	size_t ni = BATCH_NODE(b, x->unit, node);
	appr_record *rec = appraisal_push_record(a);

	rec->decision = i;
	rec->unit = x->unit;
	rec->node = node;
	rec->from = before_pts[ni];
	rec->to = b->node_points[ni];
	rec->from_status = eval_status_name(before_status[ni]);
	rec->to_status = eval_status_name(b->node_status[ni]);
}

void appraisal_record(appraisal *a, const batch *b, const double *before_pts,
                      const unsigned char *before_status)
{
	const chiso_model *m = b->model;
	size_t i, k;

	for (i = 0; i < a->n; i++) {
		const appr_decision *x = &a->items[i];
		const model_input *in;

		if (x->prior)
			continue;
		if (x->kind != APPR_INPUT) {
			add_record(a, b, i, x->target, before_pts,
			           before_status);
			continue;
		}
		in = &m->inputs[x->target];
		for (k = 0; k < in->nused; k++)
			add_record(a, b, i, in->used_by[k], before_pts,
			           before_status);
	}
}

void appraisal_annotate(const appraisal *a, batch *b)
{
	const chiso_model *m = b->model;
	size_t r;

	for (r = 0; r < a->nrecords; r++) {
		const appr_record *rec = &a->records[r];
		const appr_decision *x = &a->items[rec->decision];
		const model_input *in;
		size_t li;
		strbuf note = STRBUF_INIT;

		if (x->kind != APPR_INPUT || !m->nodes[rec->node].is_leaf)
			continue;
		in = &m->inputs[x->target];
		li = BATCH_LEAF(b, rec->unit, m->nodes[rec->node].leaf);
		strbuf_printf(&note, note_text(b, N_("%s; %s corrected ")),
		              batch_str(b, b->leaf_note[li]), in->id);
		value_text(&note, b, in, &x->old);
		strbuf_puts(&note, " -> ");
		value_text(&note, b, in, &x->value);
		why_note(&note, x);
		b->leaf_note[li] = batch_intern_str(b, strbuf_str(&note));
		strbuf_release(&note);
	}
}

/* Orders records by unit, then node. */
static int record_order(const void *pa, const void *pb, void *ctx)
{
	const appr_record *x = pa, *y = pb;

	(void)ctx;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;
	return 0;
}

void appraisal_sort_records(appraisal *a)
{
	sort_stable(a->records, a->nrecords, sizeof(*a->records), record_order,
	            NULL);
}

size_t appraisal_first_record(const appraisal *a, size_t unit, size_t node)
{
	size_t lo = 0, hi = a->nrecords;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const appr_record *r = &a->records[mid];

		if (r->unit < unit || (r->unit == unit && r->node < node))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
