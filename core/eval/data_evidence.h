/*
 * data_evidence.h - the "evidence" of a unit record: per indicator id,
 * the evidence files that prove it, a list of references or one text of
 * references separated by '|' (each trimmed, empty ones left out):
 *
 *   evidence:
 *     "1.1": [bien-ban-hop-01.pdf, bien-ban-hop-02.pdf]
 *     "2.3": "ke-hoach-cds.pdf | bao-cao-q4.pdf"
 *
 * A table (CSV, a worksheet) gives them in a column "evidence:ID" per
 * indicator (eval/table_input.h). An id that is not an indicator of the
 * model is an error of the file, with a suggestion (a results document
 * read as data: a warning, the entry ignored); a reference holding a
 * control character makes the unit invalid. Read into the batch by
 * eval/evidence_files.h; a results document's recorded SHA-256 of a file
 * (its node's "evidence_files") is kept with it.
 */
#ifndef CHISO_DATA_EVIDENCE_H
#define CHISO_DATA_EVIDENCE_H

#include "eval/batch.h"
#include "eval/data_file.h"

/* Where the records come from, for messages: the data file's name, its
 * diag, how its reader names places (NULL: LINE:COL; data_file.h) and
 * whether it is a results document. All borrowed. */
typedef struct data_evidence_src {
	const char *file;
	diag *d;
	data_file_place_fn place;
	void *place_arg;
	int results_doc;
} data_evidence_src;

/*
 * Reads the "evidence" of record rec, unit u of b (the last added).
 * Returns 0, or -1 when the record is wrong beyond a problem of its unit
 * (not a mapping, an unknown indicator): errors then in src->d, and the
 * file is bad. A control character in a reference is a problem of the
 * unit ("PLACE: unit CODE: evidence ID: contains a control character
 * (U+001B); remove it"), which makes it invalid.
 */
int data_evidence_read(const data_evidence_src *src, batch *b, size_t u,
                       const doc_node *rec);

/* The node index of indicator id of m, or -1 when id is not an
 * indicator (unknown, or an index). */
int data_evidence_node(const chiso_model *m, const char *id);

/* Writes into sb why id is no indicator of m, with the closest
 * indicator id when there is one ("'1.9' is not an indicator of model
 * M; did you mean '1.1'?"). */
void data_evidence_unknown(const chiso_model *m, const char *id, strbuf *sb);

#endif
