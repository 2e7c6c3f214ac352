/*
 * verify.h - "chiso verify": every number of a results document
 * computed again from the inputs and decisions it records, and the
 * hashes it records checked against the files they name.
 *
 * Ownership: the caller's batch (of the model the results name) is
 * filled and evaluated; messages go to d.
 */
#ifndef CHISO_VERIFY_H
#define CHISO_VERIFY_H

#include "eval/batch.h"
#include "util/diag.h"

#include <stdio.h>

/* What a verification found. */
typedef struct verify_report {
	size_t units, nodes, decisions, corrections, basis_checked;
	size_t evidence_checked;
	size_t differences; /* each an error in d */
} verify_report;

/*
 * Verifies the results document at path against b's model: the model's
 * hash, every unit's, node's and view's status, points, max, value,
 * fraction and class (at the model's precision), the recorded
 * decisions (each correction's value, each indicator reading a
 * corrected input recording it), and the SHA-256 of each of the n basis
 * files against the one recorded for its name (a basis of role results:
 * each input value the same but for the corrections), and, with
 * evidence_dir, each evidence file of a decision in it with the SHA-256
 * recorded; each indicator's evidence_files as its unit's data names
 * them, and with evidence_dir each of them in it with the SHA-256 its
 * node records (verify_evidence.c). Returns 0 when all holds,
 * 1 when something differs (each difference an error "PATH:LINE:COL:
 * unit CODE: node ID: ..." in d, rep->differences of them), -1 when the
 * document cannot be read (errors in d).
 */
int verify_results(batch *b, const char *path, char *const *basis, size_t n,
                   const char *evidence_dir, verify_report *rep, diag *d);

#endif
