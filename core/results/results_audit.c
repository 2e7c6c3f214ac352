/*
 * results_audit.c - the audit trail of an appraisal in the results
 * document: basis files with their hashes, corrected inputs with their
 * old and new values, and the decisions that changed each indicator,
 * each with its reason, author, date and evidence.
 */
#include "results/results_audit.h"

#include "eval/appraisal.h"
#include "results/results_value.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

void results_audit_basis(jsonw *w, const batch *b)
{
	const appraisal *a = b->audit;
	size_t i;

	if (!a)
		return;
	jsonw_key(w, "basis");
	jsonw_array(w, 0);
	for (i = 0; i < a->nbasis; i++) {
		jsonw_object(w, 1);
		jsonw_kstring(w, "role", a->basis[i].role);
		jsonw_kstring(w, "file", a->basis[i].file);
		jsonw_kstring(w, "sha256", a->basis[i].sha256);
		jsonw_end(w);
	}
	jsonw_end(w);
}

/* "evidence": the references of a decision, split at '|', trimmed;
 * with their files checked, "evidence_files": each with its SHA-256. */
static void write_evidence(jsonw *w, const appr_decision *x)
{
	char **refs;
	size_t n = appraisal_evidence_refs(x->evidence, &refs), i;

	jsonw_key(w, "evidence");
	jsonw_array(w, 1);
	for (i = 0; i < n; i++) {
		jsonw_string(w, refs[i]);
		free(refs[i]);
	}
	free(refs);
	jsonw_end(w);
	if (x->nev == 0)
		return;
	jsonw_key(w, "evidence_files");
	jsonw_array(w, 1);
	for (i = 0; i < x->nev; i++) {
		jsonw_object(w, 1);
		jsonw_kstring(w, "file", x->ev_files[i]);
		jsonw_kstring(w, "sha256", x->ev_sha[i]);
		jsonw_end(w);
	}
	jsonw_end(w);
}

/* reason, by, at, evidence, stage and source of a decision. */
static void write_why(jsonw *w, const appr_decision *x)
{
	jsonw_kstring(w, "reason", x->reason);
	jsonw_kstring(w, "by", x->by);
	jsonw_kstring(w, "at", x->at);
	write_evidence(w, x);
	jsonw_kstring(w, "stage", x->stage);
	jsonw_kstring(w, "source", x->source);
}

/* Opens the list key the first time (*open 0), for a list written only
 * when it has items. */
static void open_list(jsonw *w, const char *key, int compact, int *open)
{
	if (*open)
		return;
	jsonw_key(w, key);
	jsonw_array(w, compact);
	*open = 1;
}

void results_audit_corrections(jsonw *w, const batch *b, size_t u)
{
	const appraisal *a = b->audit;
	const chiso_model *m = b->model;
	size_t i;
	int any = 0;

	if (!a)
		return;
	for (i = 0; i < a->n; i++) {
		const appr_decision *x = &a->items[i];

		if (x->kind != APPR_INPUT || x->unit != u)
			continue;
		open_list(w, "corrections", 0, &any);
		jsonw_object(w, 1);
		jsonw_kstring(w, "input", m->inputs[x->target].id);
		jsonw_key(w, "from");
		results_value_write(w, b, &m->inputs[x->target], &x->old);
		jsonw_key(w, "to");
		results_value_write(w, b, &m->inputs[x->target], &x->value);
		write_why(w, x);
		jsonw_end(w);
	}
	if (any)
		jsonw_end(w);
}

void results_audit_decisions(jsonw *w, const batch *b, size_t u, size_t i)
{
	const appraisal *a = b->audit;
	const chiso_model *m = b->model;
	size_t r;
	int any = 0;

	if (!a)
		return;
	for (r = appraisal_first_record(a, u, i); r < a->nrecords; r++) {
		const appr_record *rec = &a->records[r];
		const appr_decision *x = &a->items[rec->decision];

		if (rec->unit != u || rec->node != i)
			break;
		open_list(w, "decisions", 1, &any);
		jsonw_object(w, 1);
		jsonw_kstring(w, "kind", appraisal_kind_name(x->kind));
		if (x->kind == APPR_INPUT)
			jsonw_kstring(w, "input", m->inputs[x->target].id);
		jsonw_knumber(w, "from", rec->from);
		jsonw_knumber(w, "to", rec->to);
		jsonw_kstring(w, "from_status", rec->from_status);
		jsonw_kstring(w, "to_status", rec->to_status);
		write_why(w, x);
		jsonw_end(w);
	}
	if (any)
		jsonw_end(w);
}
