/*
 * results_kind.c - a data file or a model given where results are
 * expected, named as such (see results_kind.h).
 */
#include "read/results_kind.h"
#include "util/i18n.h"

#include <string.h>

results_kind results_kind_of_keys(const results_keys *k)
{
	if (k->list)
		return RESULTS_KIND_DATA;
	if (k->model && k->model_parts && !k->units)
		return RESULTS_KIND_MODEL;
	if (!k->model && (k->units || k->unit_parts))
		return RESULTS_KIND_DATA;
	return RESULTS_KIND_OTHER;
}

results_kind results_kind_of_tree(const doc_node *root)
{
	results_keys k;

	memset(&k, 0, sizeof(k));
	if (!root)
		return RESULTS_KIND_OTHER;
	if (root->kind == DOC_SEQ) {
		k.list = 1;
	} else if (root->kind == DOC_MAP) {
		k.model = doc_get(root, "model") != NULL;
		k.units = doc_get(root, "units") != NULL;
		k.model_parts = doc_get(root, "inputs") != NULL ||
		                doc_get(root, "indices") != NULL;
		k.unit_parts = doc_get(root, "unit") != NULL ||
		               doc_get(root, "values") != NULL;
	}
	return results_kind_of_keys(&k);
}

void results_kind_error(diag *d, const char *file, results_kind k)
{
	if (k == RESULTS_KIND_DATA)
		diag_error(
		        d, file, 0, 0,
		        _("this is a data file (units with input values), not "
		          "a results document; score it first: chiso "
		          "evaluate -f json -o results.json MODEL %s"),
		        file);
	else if (k == RESULTS_KIND_MODEL)
		diag_error(d, file, 0, 0,
		           _("this is a model, not a results document; score "
		             "data with it first: chiso evaluate -f json -o "
		             "results.json %s DATA..."),
		           file);
}
