/*
 * sheet_rows.h - a table read row by row from a CSV file or from the
 * first worksheet of an .xlsx workbook, by the file's name, as rows of
 * text cells: for readers of tables that need no model (a criteria
 * table). CSV follows csv_rows.h; a worksheet gives each cell as saved
 * (a number as its digits, "10" or "0.5"; TRUE/FALSE; text), empty cells
 * as "". A cell holding an error value (#DIV/0!) is an error of the
 * file. Cells are not trimmed.
 *
 * Places are named as a spreadsheet shows them: "FILE:ROW:COL" in a CSV
 * file, "FILE:SHEET!B7" in a workbook (sheet_rows_error()).
 *
 * Ownership: the reader and the cells handed to the callback are
 * borrowed for the call.
 */
#ifndef CHISO_SHEET_ROWS_H
#define CHISO_SHEET_ROWS_H

#include "read/csv_rows.h"
#include "util/diag.h"
#include "util/read_limits.h"
#include "util/strbuf.h"

typedef struct sheet_rows sheet_rows;

/* Called for each row (row: its number on the sheet, 1-based) with its
 * n cells, dense from column 1; returns 0 to go on, -1 to stop. */
typedef int (*sheet_row_fn)(void *arg, sheet_rows *s, unsigned row,
                            const csv_cell *cells, size_t n);

/*
 * Reads the table at path ("-": standard input, as CSV), within lim,
 * calling fn for each row; when sha256 is not NULL, writes the file's
 * SHA-256 there (hex). Returns 0, or -1 when the file cannot be read or
 * is bad (errors in d), or fn stopped.
 */
int sheet_rows_read(const char *path, const doc_limits *lim, diag *d,
                    sheet_row_fn fn, void *arg, char sha256[65]);

/* Reports an error at row:col of the table being read (row 0: the file
 * as a whole; col 0: the row). */
void sheet_rows_error(sheet_rows *s, unsigned row, unsigned col,
                      const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* The worksheet's name ("Sheet1"), or NULL for a CSV file. Borrowed,
 * valid during the read. */
const char *sheet_rows_sheet(const sheet_rows *s);

/* Writes the place of row:col of a table into sb, as messages name it:
 * "PATH:ROW:COL" (sheet NULL: a CSV file; "PATH:ROW" for col 0),
 * "PATH:SHEET!B7" in a workbook ("PATH:SHEET!7:7" for col 0); "PATH"
 * for row 0. */
void sheet_place(strbuf *sb, const char *path, const char *sheet, unsigned row,
                 unsigned col);

#endif
