/*
 * results_audit.h - what an appraisal adds to the results document
 * (docs/results-format.md, "Appraisal"): the files it was made from and
 * their SHA-256 ("basis"), each unit's corrected inputs
 * ("corrections") and each changed indicator's decisions ("decisions").
 * Each writes nothing when the batch records no appraisal (b->audit).
 */
#ifndef CHISO_RESULTS_AUDIT_H
#define CHISO_RESULTS_AUDIT_H

#include "eval/batch.h"
#include "util/jsonw.h"

/* "basis": the top level's list of files and hashes. */
void results_audit_basis(jsonw *w, const batch *b);

/* "corrections" of unit u, when it has some. */
void results_audit_corrections(jsonw *w, const batch *b, size_t u);

/* "decisions" of node i of unit u, when it has some. */
void results_audit_decisions(jsonw *w, const batch *b, size_t u, size_t i);

#endif
