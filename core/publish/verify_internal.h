/*
 * verify_internal.h - what the parts of "chiso verify" share: the
 * verification under way and how a difference is reported (verify.c),
 * and the evidence files of the units' data (verify_evidence.c).
 */
#ifndef CHISO_VERIFY_INTERNAL_H
#define CHISO_VERIFY_INTERNAL_H

#include "eval/batch.h"
#include "publish/verify.h"
#include "read/doc.h"
#include "util/diag.h"

/* One verification: the batch read back from the document at path. */
struct verify {
	const batch *b;
	const char *path;
	verify_report *rep;
	diag *d;
};

/* Reports a difference at n of the recorded document ("PATH:LINE:COL:
 * text"; n NULL: "PATH: text"), counting it; the first few are shown. */
void verify_differ(struct verify *v, const doc_node *n, const char *text);

/* Same for a text that names its place itself. */
void verify_differ_placed(struct verify *v, const char *text);

/*
 * Hashes the evidence files of b's units (their data's, read back from
 * the document) inside dir: each that is missing or leaves dir is a
 * difference naming its unit, indicator and file.
 */
void verify_evidence_hash(struct verify *v, batch *b, const char *dir);

/*
 * Each indicator node of each unit of the recorded document root lists
 * in "evidence_files" the files its unit's evidence names, in order;
 * with hashed (--evidence-dir), each with the SHA-256 just computed (a
 * file changed since, or recorded without its hash, is a difference),
 * counted in rep->evidence_checked.
 */
void verify_evidence_nodes(struct verify *v, const doc_node *root, int hashed);

#endif
