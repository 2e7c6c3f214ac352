/*
 * results_check.h - the arithmetic a results document must satisfy, so
 * that what rank, report, compare, gaps, merge and evaluate --children
 * publish is what the numbers in it add up to: every node's points
 * between 0 and its max, its max within its declared points, its value
 * points / max as published, a parent's sums of its children, the unit's
 * sums over its main indices, views' sums over their nodes, the class the
 * unit's scores earn. The rules are listed in docs/results-format.md
 * ("What chiso checks when it reads results").
 *
 * Each function reports the first rule broken, as "FILE:LINE:COL: unit
 * CODE: node ID: ..." at the number in question, and returns -1; else 0.
 *
 * Ownership: nothing is kept; everything passed is borrowed for the call.
 */
#ifndef CHISO_RESULTS_CHECK_H
#define CHISO_RESULTS_CHECK_H

#include "read/doc.h"
#include "read/results_set.h"
#include "read/schema.h"

/* Where a unit's numbers were read from, for the places of messages. */
typedef struct rs_unit_src {
	const doc_node *unit;   /* the unit's object */
	const doc_node **nodes; /* per node of the model: its object; NULL
	                           for a node the unit does not list (a merged
	                           unit lists only the main indices) */
	const doc_node **views; /* per view of the model: its object */
	int derived;            /* a unit made by chiso merge */
} rs_unit_src;

/*
 * The model's tree as the document declares it (list: model.nodes, read
 * into m): no points negative, a node with a method has no children, one
 * without has some, a parent's points are its children's sum, model.points
 * the main indices' sum (to within 1e-9 of the total, as a model's are
 * checked when it loads).
 */
int rs_check_tree(const schema_ctx *sc, const rs_model *m, const doc_node *list,
                  double model_points, const doc_node *points_at);

/* Every rule for scored unit u (status ok or error) of model m. */
int rs_check_unit(const schema_ctx *sc, const rs_model *m, const rs_unit *u,
                  const rs_unit_src *src);

#endif
