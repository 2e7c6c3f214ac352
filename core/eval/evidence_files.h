/*
 * evidence_files.h - the evidence files a unit's data names per
 * indicator (data: "evidence: {1.1: [a.pdf, b.pdf]}", a table's column
 * "evidence:1.1" holding "a.pdf | b.pdf"): kept in the batch by unit, in
 * the order given, and with an evidence directory (--evidence-dir) each
 * hashed inside it (util/dir_file.h). Such files count as evidence for
 * the model's evidence_required (eval/evidence_rule.h).
 *
 * Ownership: everything lives in the batch (batch.evidence and its
 * pool); pointers returned are borrowed, valid until the batch next
 * grows.
 */
#ifndef CHISO_EVIDENCE_FILES_H
#define CHISO_EVIDENCE_FILES_H

#include "eval/batch.h"
#include "util/diag.h"

/* Adds file[0..len) as an evidence file of indicator node of unit u,
 * the last unit added (place: where the data names it, copied), not yet
 * hashed. Returns the entry: borrowed, valid until the next add. */
unit_evidence *evidence_files_add(batch *b, size_t u, size_t node,
                                  const char *file, size_t len,
                                  const char *place);

/* The evidence files of unit u: *n of them. Borrowed, valid until the
 * batch next grows; NULL when none. */
const unit_evidence *evidence_files_of(const batch *b, size_t u, size_t *n);

/* 1 when the data names an evidence file for indicator node of unit u. */
int evidence_files_any(const batch *b, size_t u, size_t node);

/* Forgets the evidence files of the units from unit first on (a data
 * file refused: its units removed). */
void evidence_files_drop(batch *b, size_t first);

/*
 * Hashes every evidence file of every unit of b inside dir, recording
 * its SHA-256 (replacing one read from a results document). Each file
 * that is not there, is not a regular file or whose name leaves dir
 * (absolute, "..", a symbolic link out) is an error in d: "PLACE: unit
 * CODE: indicator ID: evidence file 'F' is not in DIR (--evidence-dir
 * DIR)". Returns how many failed (0: all hashed).
 */
size_t evidence_files_hash(batch *b, const char *dir, diag *d);

#endif
