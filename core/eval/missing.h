/*
 * missing.h - the required values a unit lacks, said as the data is read
 * (never a silent zero): a warning for each missing value, at its place
 * (the empty cell, the empty value, or the unit's record when the value
 * is left out), for the first BATCH_MISSING_SHOWN of a run; one warning
 * per file for a CSV column its header lacks; and a summary of them all.
 * The model's missing policy still decides the score; under "missing:
 * error" evaluation refuses the units instead, so no warning is given.
 *
 * Only units that are not invalid count: an invalid unit is refused,
 * with its problems said as errors.
 *
 * A value is required when some indicator binds its input without
 * CHISO_BIND_OPTIONAL (model_input.required).
 */
#ifndef CHISO_MISSING_H
#define CHISO_MISSING_H

#include "eval/batch.h"
#include "read/doc.h"
#include "util/diag.h"
#include "util/strbuf.h"

/* A missing value noted while its file is read. */
typedef struct missing_seen {
	size_t u, slot;
	unsigned line, col; /* where to point: the value, or the record */
	int empty;          /* written empty (a blank cell, a null) */
	size_t place;       /* the reader's: where its place is named */
} missing_seen;

/* The missing values of one file, held until the file is known good.
 * Zero-initialised; missing_list_free() frees it. */
typedef struct missing_list {
	missing_seen *items;
	size_t n, cap;
} missing_list;

/*
 * Notes the required values unit u lacks (a few more than the run still
 * shows one by one: some units may become invalid before their file is
 * read). at (may be NULL) holds per input slot the node of the value the
 * record gave, NULL when it gave none; absent (may be NULL) marks the
 * slots whose column the file lacks (warned once instead).
 */
void missing_note_unit(missing_list *l, const batch *b, size_t u,
                       const doc_node *const *at, const unsigned char *absent);

/* Counts the missing values of the units from first to the last (those
 * not invalid) into b's totals. */
void missing_count(batch *b, size_t first);

/* The warning of a noted value, without its place: "unit CODE: field ID:
 * empty: indicator 3.1 scores 0 (...); enter its value (0 if it is 0)". */
void missing_describe(const batch *b, const missing_seen *s, strbuf *sb);

void missing_list_free(missing_list *l);

/* The warning of a table whose header has no column for input slot, a
 * required one, without its place. */
void missing_describe_column(const batch *b, size_t slot, strbuf *sb);

/* The summary of a run's missing values, when there are any. */
void missing_report_summary(const batch *b, diag *d);

#endif
