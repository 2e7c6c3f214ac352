/*
 * eval.h - scoring a batch: each indicator's plugin per unit, then the
 * sums up the tree.
 *
 * Semantics (docs/model-format.md): a plugin returns a fraction f in
 * [0, 1]; the indicator earns f x points of its points available. An
 * indicator that does not apply (na) has 0 available. A missing required
 * input follows model.missing: zero (status missing, 0 earned), exclude
 * (status missing, 0 available) or error (the unit is invalid). A node's
 * earned and available points are the sums over its children in model
 * order; its value is earned / available (0 when nothing is available).
 * A group's status is error if any child errored, na if all are na,
 * missing if all are na or missing, else ok.
 *
 * A plugin that returns a status it may not, a fraction outside [0, 1]
 * or a non-finite number gets status error for that indicator, with a
 * note naming the plugin; the run goes on.
 */
#ifndef CHISO_EVAL_H
#define CHISO_EVAL_H

#include "eval/batch.h"

/* Evaluates every valid unit of b (allocating b's results). Units with
 * an indicator in error are marked failed, with a problem each. Calling it
 * again (after more data was read) recomputes everything: the results,
 * flags and problems of the previous run are dropped first. */
void eval_batch(batch *b);

/* Marks invalid, without scoring, every unit that lacks an input the
 * model needs when model.missing is error (what eval_batch() would find);
 * for "evaluate --check-only". */
void eval_check_missing(batch *b);

/* The name of a chiso_status: "ok", "na", "error", "missing". */
const char *eval_status_name(int status);

#endif
