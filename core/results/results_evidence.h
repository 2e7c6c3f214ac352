/*
 * results_evidence.h - the evidence files a unit's data names per
 * indicator, in the results document (docs/results-format.md,
 * "Evidence files"): on the unit, "evidence" as the data gives it (so
 * that the document reads back as data), and on each indicator's node,
 * "evidence_files", each file with its SHA-256 once checked inside an
 * evidence directory. Each writes nothing when the unit names none.
 */
#ifndef CHISO_RESULTS_EVIDENCE_H
#define CHISO_RESULTS_EVIDENCE_H

#include "eval/batch.h"
#include "util/jsonw.h"

/* "evidence": {"ID": ["FILE", ...], ...} of unit u, indicators in the
 * order the data names them. */
void results_evidence_unit(jsonw *w, const batch *b, size_t u);

/* "evidence_files": [{"file": F, "sha256": H}, ...] of node i of unit
 * u ("sha256" only when the file was hashed). */
void results_evidence_node(jsonw *w, const batch *b, size_t u, size_t i);

#endif
