/*
 * csv_rows.h - a CSV file as a spreadsheet exports it, read row by row:
 * no model needed. RFC 4180 quoting (strict: a stray quote is an error,
 * not guessed at), UTF-8 with or without a BOM, CRLF or LF, ',' or ';'
 * as separator (whichever the header row has more of outside quotes;
 * ',' on a tie). A line that starts a row with '#' is a comment, skipped
 * (it may hold anything, quotes included). Cells are handed over as
 * written, quotes removed, not trimmed.
 *
 * Rows are numbered as a spreadsheet shows them: records counted from 1,
 * blank and comment rows included, a quoted cell's line breaks not;
 * columns are 1-based. Errors of the file are "FILE:ROW:COLUMN: ...".
 *
 * Ownership: the cells handed to the callback are borrowed for the call.
 */
#ifndef CHISO_CSV_ROWS_H
#define CHISO_CSV_ROWS_H

#include "read/source.h"
#include "util/diag.h"
#include "util/read_limits.h"

#include <stddef.h>

/* One cell of a row, in column order (the first is column 1). */
typedef struct csv_cell {
	const char *text; /* NUL-terminated, UTF-8 checked */
	size_t len;
} csv_cell;

/* Called for each row that is not a comment (a blank line too: one
 * empty cell); returns 0 to go on, -1 to stop reading (the callee
 * reported why). */
typedef int (*csv_row_fn)(void *arg, unsigned row, const csv_cell *cells,
                          size_t n);

/*
 * Reads the CSV text buf[0..len), named file in messages, calling fn for
 * each row. Returns 0, or -1 when the file is bad (errors in d: over
 * lim's file size, empty, UTF-16, a stray or unclosed quote at the cell
 * where it starts, bytes that are not UTF-8 or NUL, a cell over
 * lim->max_scalar_bytes) or fn stopped.
 */
int csv_rows_read(const char *file, const char *buf, size_t len,
                  const doc_limits *lim, diag *d, csv_row_fn fn, void *arg);

/*
 * The separator of the CSV text buf[0..len) (a UTF-8 BOM skipped), by
 * the rule above. Every CSV reader (unit data, the merger map, criteria
 * tables) uses the same rule.
 */
char csv_rows_separator(const char *buf, size_t len);

/*
 * How source_read_file_as() places a bad byte of a CSV file (a NUL byte,
 * one that is not UTF-8) while reading it: at the ROW:COLUMN of its cell,
 * as the reader counts them, with Excel's "save as 'CSV UTF-8'" as the
 * advice.
 */
extern const source_kind csv_source_kind;

#endif
