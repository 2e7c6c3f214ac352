/*
 * results_model.h - the "model" section of a results document read into
 * its set: identity, precision and missing policy, the tree (checked by
 * read/results_check.h), views and classes. A model already in the set
 * (same id, version and sha256) is not read again.
 *
 * Ownership: everything read is owned by the set's arena.
 */
#ifndef CHISO_RESULTS_MODEL_H
#define CHISO_RESULTS_MODEL_H

#include "read/doc.h"
#include "read/results_fields.h"

/* Reads the model section n of r's file: r->model names it in the set.
 * Returns 0, or -1 after reporting the first problem (r->failed). */
int rs_model_read(struct rs_reader *r, const doc_node *n);

#endif
