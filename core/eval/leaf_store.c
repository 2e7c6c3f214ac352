/*
 * leaf_store.c - an indicator's outcome, as a plugin returned it (from
 * compute, or set by finish), checked and stored in the batch's result
 * arrays.
 */
#include "eval/leaf_store.h"

#include "util/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Replaces the outcome with an error saying what the plugin did wrong. */
static void plugin_fault(chiso_outcome *out, const model_node *node,
                         const char *what)
{
	snprintf(out->note, out->note_size, "plugin '%s' %.160s",
	         node->plugin->name, what);
	out->status = CHISO_STATUS_ERROR;
	out->fraction = 0;
	out->has_raw = 0;
}

/* Faults become errors; missing only when allowed. */
void leaf_store_check(chiso_outcome *out, const model_node *node,
                      int allow_missing)
{
	char what[CHISO_NOTE_MAX];
	size_t bad, len = strnlen(out->note, out->note_size);

	if (len == out->note_size) {
		out->note[0] = '\0';
		plugin_fault(out, node,
		             "wrote a note without its final NUL "
		             "(longer than the buffer)");
		return;
	}
	if (utf8_check(out->note, len, &bad) < 0)
		out->note[bad] = '\0';
	if (out->status != CHISO_STATUS_OK && out->status != CHISO_STATUS_NA &&
	    out->status != CHISO_STATUS_ERROR &&
	    !(allow_missing && out->status == CHISO_STATUS_MISSING)) {
		snprintf(what, sizeof(what),
		         "returned status %d, not ok, na or error",
		         out->status);
		plugin_fault(out, node, what);
		return;
	}
	if (out->status == CHISO_STATUS_OK &&
	    !(out->fraction >= 0.0 && out->fraction <= 1.0)) {
		snprintf(what, sizeof(what),
		         "returned fraction %g, outside [0, 1]", out->fraction);
		plugin_fault(out, node, what);
		return;
	}
	if (out->has_raw && !isfinite(out->raw))
		plugin_fault(out, node,
		             "returned a raw value that is not finite");
}

/* A missing outcome under model.missing: zero keeps the points
 * available, exclude drops them, error makes the unit invalid. */
static void store_missing(batch *b, size_t u, const model_node *node, size_t ni,
                          const char *note)
{
	const chiso_model *m = b->model;

	b->node_max[ni] = m->missing == MISSING_EXCLUDE ? 0 : node->points;
	if (m->missing != MISSING_ERROR || b->units[u].invalid)
		return;
	b->units[u].invalid = 1;
	b->units[u].invalid_by_eval = 1;
	batch_problem_add(b, u,
	                  "%s: unit %s: indicator %s (method %s): %s, "
	                  "and model %s requires every input (missing: "
	                  "error)",
	                  batch_str(b, b->units[u].place),
	                  batch_str(b, b->units[u].code), node->id,
	                  node->method, note, m->id);
}

/* The outcome into the result arrays, by status. */
void leaf_store(batch *b, size_t u, size_t k, const chiso_outcome *out)
{
	const chiso_model *m = b->model;
	const model_node *node = &m->nodes[m->leaves[k]];
	size_t ni = BATCH_NODE(b, u, m->leaves[k]);
	size_t li = BATCH_LEAF(b, u, k);

	b->node_status[ni] = (unsigned char)out->status;
	b->leaf_note[li] = batch_intern_str(b, out->note);
	b->leaf_fraction[li] = 0;
	b->node_points[ni] = 0;
	b->node_max[ni] = 0;
	switch (out->status) {
	case CHISO_STATUS_OK:
		b->leaf_fraction[li] = out->fraction;
		b->node_points[ni] = out->fraction * node->points;
		b->node_max[ni] = node->points;
		break;
	case CHISO_STATUS_MISSING:
		store_missing(b, u, node, ni, out->note);
		break;
	case CHISO_STATUS_ERROR:
		b->node_max[ni] = node->points;
		b->units[u].failed = 1;
		batch_problem_add(b, u,
		                  "%s: unit %s: indicator %s (method %s): "
		                  "%s",
		                  batch_str(b, b->units[u].place),
		                  batch_str(b, b->units[u].code), node->id,
		                  node->method, out->note);
		break;
	default: /* na: nothing available */
		break;
	}
	if (out->status == CHISO_STATUS_OK || out->status == CHISO_STATUS_NA) {
		b->leaf_raw[li] = out->raw;
		b->leaf_has_raw[li] = (unsigned char)(out->has_raw != 0);
	} else {
		b->leaf_has_raw[li] = 0;
	}
}

/* batch_set of the second phase: checked as compute's outcome. */
void leaf_store_finish(batch *b, size_t leaf, size_t u, int status,
                       double fraction, const char *note)
{
	const model_node *node = &b->model->nodes[b->model->leaves[leaf]];
	char buf[CHISO_NOTE_MAX];
	chiso_outcome out;

	if (u >= b->nunits || b->units[u].invalid ||
	    b->node_status[BATCH_NODE(b, u, b->model->leaves[leaf])] !=
	            CHISO_STATUS_OK)
		return;
	memset(&out, 0, sizeof(out));
	snprintf(buf, sizeof(buf), "%s", note ? note : "");
	out.struct_size = (uint32_t)sizeof(out);
	out.note = buf;
	out.note_size = sizeof(buf);
	out.status = status;
	out.fraction = fraction;
	out.raw = b->leaf_raw[BATCH_LEAF(b, u, leaf)];
	out.has_raw = b->leaf_has_raw[BATCH_LEAF(b, u, leaf)];
	leaf_store_check(&out, node, 0);
	leaf_store(b, u, leaf, &out);
	if (out.status != CHISO_STATUS_OK || out.fraction >= 1.0)
		b->leaf_hint[BATCH_LEAF(b, u, leaf)] = 0;
}
