/*
 * verify_evidence.h - the evidence files a unit's data names per
 * indicator, checked by "chiso verify" (publish/verify.h): each
 * indicator's "evidence_files" lists the files its unit's "evidence"
 * names, and with an evidence directory each file is still in it with
 * the SHA-256 the node records.
 *
 * Each difference found is an error in the caller's diag, its place
 * named ("PATH:LINE:COL: unit CODE: node ID: ..."); verify counts them.
 */
#ifndef CHISO_VERIFY_EVIDENCE_H
#define CHISO_VERIFY_EVIDENCE_H

#include "eval/batch.h"
#include "read/doc.h"
#include "util/diag.h"

/*
 * Each indicator node of each unit of root (the recorded document at
 * path, its units those of b in order) lists in "evidence_files" the
 * files its unit's evidence names, in order; with hashed (after
 * evidence_files_hash(), eval/evidence_files.h), each with the SHA-256
 * computed (a file changed since, or recorded without its hash, is an
 * error in found), each that matches counted in *checked.
 */
void verify_evidence_nodes(const batch *b, const doc_node *root,
                           const char *path, int hashed, size_t *checked,
                           diag *found);

#endif
