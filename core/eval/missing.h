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

/* A missing value noted while its file is read. */
typedef struct missing_seen {
	size_t u, slot;
	unsigned line, col; /* where to point: the value, or the record */
	int empty;          /* written empty (a blank cell, a null) */
} missing_seen;

/* The missing values of one file, held until the file is known good.
 * Zero-initialised; missing_list_free() frees it. */
typedef struct missing_list {
	missing_seen *items;
	size_t n, cap;
} missing_list;

/*
 * Notes the required values unit u lacks, as many as the run still
 * shows one by one. at (may be NULL) holds per input slot the node of the
 * value the record gave, NULL when it gave none; absent (may be NULL)
 * marks the slots whose column the file lacks (warned once instead).
 */
void missing_note_unit(missing_list *l, const batch *b, size_t u,
                       const doc_node *const *at, const unsigned char *absent);

/* When a file was read: counts the missing values of its units (from
 * first to the last) into b's totals, warns in d of those noted, and
 * empties l. */
void missing_commit(missing_list *l, batch *b, size_t first, const char *file,
                    diag *d);

void missing_list_free(missing_list *l);

/* Warns that the header of file (at line) has no column for input slot,
 * a required one: every unit of the file lacks it. */
void missing_warn_column(const batch *b, size_t slot, const char *file,
                         unsigned line, diag *d);

/* The summary of a run's missing values, when there are any. */
void missing_report_summary(const batch *b, diag *d);

#endif
