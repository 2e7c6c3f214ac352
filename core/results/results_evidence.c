/*
 * results_evidence.c - a unit's evidence files in the results document:
 * the unit's "evidence" mapping and each node's "evidence_files".
 */
#include "results/results_evidence.h"

#include "eval/evidence_files.h"

/* 1 when an entry before k of e names node too. */
static int seen_before(const unit_evidence *e, size_t k, size_t node)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (e[j].node == node)
			return 1;
	return 0;
}

void results_evidence_unit(jsonw *w, const batch *b, size_t u)
{
	size_t n, k, j;
	const unit_evidence *e = evidence_files_of(b, u, &n);

	if (n == 0)
		return;
	jsonw_key(w, "evidence");
	jsonw_object(w, 0);
	for (k = 0; k < n; k++) {
		if (seen_before(e, k, e[k].node))
			continue;
		jsonw_key(w, b->model->nodes[e[k].node].id);
		jsonw_array(w, 1);
		for (j = k; j < n; j++)
			if (e[j].node == e[k].node)
				jsonw_string(w, batch_str(b, e[j].file));
		jsonw_end(w);
	}
	jsonw_end(w);
}

void results_evidence_node(jsonw *w, const batch *b, size_t u, size_t i)
{
	size_t n, k;
	const unit_evidence *e = evidence_files_of(b, u, &n);

	if (!evidence_files_any(b, u, i))
		return;
	jsonw_key(w, "evidence_files");
	jsonw_array(w, 1);
	for (k = 0; k < n; k++) {
		if (e[k].node != i)
			continue;
		jsonw_object(w, 1);
		jsonw_kstring(w, "file", batch_str(b, e[k].file));
		if (e[k].sha)
			jsonw_kstring(w, "sha256", batch_str(b, e[k].sha));
		jsonw_end(w);
	}
	jsonw_end(w);
}
