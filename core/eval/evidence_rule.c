/*
 * evidence_rule.c - the model's evidence_required rule applied to a
 * computed batch: the note of an indicator without evidence says so,
 * and under withhold its points are withheld.
 */
#include "eval/evidence_rule.h"

#include "eval/evidence_files.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#include <string.h>

int evidence_lacking(const batch *b, size_t u, size_t i)
{
	const chiso_model *m = b->model;
	const model_node *node = &m->nodes[i];
	const unit_value *row = &b->values[u * m->ninputs];
	size_t k;

	if (!node->is_leaf || !node->evidence_required ||
	    evidence_files_any(b, u, i))
		return 0;
	for (k = 0; k < node->ndeps; k++)
		if (row[node->deps[k].slot].evidence)
			return 0;
	return 1;
}

/* en, words of a note, in the language of the document's notes (the
 * model's plugin_language, which results record as "language"). */
static const char *note_text(const batch *b, const char *en)
        __attribute__((format_arg(2)));
static const char *note_text(const batch *b, const char *en)
{
	return strcmp(b->model->plugin_language, "vi") == 0 ? _(en) : en;
}

void evidence_rule_apply(batch *b)
{
	const chiso_model *m = b->model;
	size_t u, k;

	for (u = 0; u < b->nunits; u++) {
		if (b->units[u].invalid)
			continue;
		for (k = 0; k < m->nleaves; k++) {
			size_t i = m->leaves[k];
			size_t ni = BATCH_NODE(b, u, i),
			       li = BATCH_LEAF(b, u, k);
			int withhold = m->nodes[i].evidence_required ==
			               EVIDENCE_WITHHOLD;
			strbuf note = STRBUF_INIT;

			if (!evidence_lacking(b, u, i))
				continue;
			strbuf_printf(&note,
			              note_text(b, N_("%s; evidence required, "
			                              "none given")),
			              batch_str(b, b->leaf_note[li]));
			if (withhold && b->node_status[ni] == CHISO_STATUS_OK) {
				b->node_points[ni] = 0;
				b->leaf_fraction[li] = 0;
				b->leaf_hint[li] = 0;
				strbuf_puts(
				        &note,
				        note_text(b, N_(": points withheld")));
			}
			b->leaf_note[li] =
			        batch_intern_str(b, strbuf_str(&note));
			strbuf_release(&note);
		}
	}
}
