/*
 * leaf_store.h - an indicator's outcome, checked and stored in the
 * batch: what evaluation does with each compute's outcome, and what the
 * batch_set service does with each of finish's.
 *
 * Checks (plugin.h's contract): the note ends with its NUL within the
 * buffer (bytes that are not UTF-8 are cut off); the status is ok, na or
 * error (or missing, for ABI 1.2 plugins); an ok fraction lies in
 * [0, 1]; a raw value is finite. A plugin that breaks one gets status
 * error for that indicator, with a note naming the plugin.
 */
#ifndef CHISO_LEAF_STORE_H
#define CHISO_LEAF_STORE_H

#include "chiso/plugin.h"
#include "eval/batch.h"
#include "model/model.h"

/* Checks out as returned by node's plugin (allow_missing: the plugin may
 * return status missing); a fault rewrites out as an error. */
void leaf_store_check(chiso_outcome *out, const model_node *node,
                      int allow_missing);

/* Stores the checked outcome of leaf k of unit u: status, note, fraction,
 * points earned and available (model.missing for missing; a problem on
 * the unit for an error), raw value. */
void leaf_store(batch *b, size_t u, size_t k, const chiso_outcome *out);

/* The batch_set service of the second phase: sets leaf (position among
 * the leaves) of unit u, checked like compute's outcome. Ignored for a
 * unit that is invalid or whose compute did not score ok. */
void leaf_store_finish(batch *b, size_t leaf, size_t u, int status,
                       double fraction, const char *note);

#endif
