/*
 * xlsx_sheet.h - the first worksheet of an Excel workbook (.xlsx, Office
 * Open XML), read row by row: no model needed.
 *
 * The workbook is a zip archive (read with libzip) of XML parts (read
 * with expat, as a stream). The first worksheet is the first <sheet> of
 * xl/workbook.xml, found through its r:id in xl/_rels/workbook.xml.rels;
 * the shared strings and the styles come from the parts those
 * relationships name. Each row's cells are handed to a callback in
 * column order, empty cells left out.
 *
 * Refused, as errors of the file: bytes that are not a zip archive (a
 * CSV renamed), an Excel 97-2003 (.xls) or encrypted workbook (both OLE2
 * compound files), an OpenDocument spreadsheet, a zip without
 * xl/workbook.xml, encrypted zip entries, a part holding more than
 * lim->max_file_bytes once uncompressed (bytes counted as they are
 * inflated, whatever the archive declares), malformed XML (the part,
 * line and column), a DTD, a cell reference past column XFD (16,384) or
 * row 1,048,576, rows or cells out of order or repeated, a cell longer
 * than lim->max_scalar_bytes, a shared string index past the table, and
 * a formula without a saved value.
 *
 * Messages name the place as "FILE: ..." or, for a cell,
 * "FILE:SHEET!D7: ...".
 *
 * Ownership: xlsx_open() returns a workbook freed by xlsx_close(); the
 * cells handed to the callback are borrowed for the call.
 */
#ifndef CHISO_XLSX_SHEET_H
#define CHISO_XLSX_SHEET_H

#include "util/diag.h"
#include "util/read_limits.h"

#include <stddef.h>

/* The last column (XFD) and row a worksheet has. */
#define XLSX_MAX_COLS 16384u
#define XLSX_MAX_ROWS 1048576u

typedef enum xlsx_kind {
	XLSX_NUMBER, /* text: the number as saved ("83.99", "1E-3") */
	XLSX_BOOL,   /* text: "TRUE" or "FALSE" */
	XLSX_TEXT,   /* a shared, inline or formula string */
	XLSX_ERROR   /* text: the error value ("#DIV/0!") */
} xlsx_kind;

/* One cell that is not empty. */
typedef struct xlsx_cell {
	unsigned col; /* 1-based */
	xlsx_kind kind;
	const char *text; /* NUL-terminated, UTF-8 */
	size_t len;
	int date;    /* a number whose style is a date format */
	int formula; /* the value is a formula's saved result */
} xlsx_cell;

/* Called for each row that has a cell (row 1-based); returns 0 to go on,
 * -1 to stop reading (xlsx_read_rows() then returns -1). */
typedef int (*xlsx_row_fn)(void *arg, unsigned row, const xlsx_cell *cells,
                           size_t n);

typedef struct xlsx_book xlsx_book;

/*
 * Opens the workbook buf[0..len) (borrowed until xlsx_close()) named path
 * in messages: the first worksheet found and its name, the shared
 * strings and the date styles read. Returns the workbook, or NULL with
 * the errors in d.
 */
xlsx_book *xlsx_open(const char *path, const char *buf, size_t len,
                     const doc_limits *lim, diag *d);

/* The first worksheet's name ("Sheet1"). Borrowed, valid until close. */
const char *xlsx_sheet_name(const xlsx_book *book);

/* Reads the first worksheet, calling fn for each row. Returns 0, or -1
 * when the sheet is bad (errors in d) or fn stopped. */
int xlsx_read_rows(xlsx_book *book, xlsx_row_fn fn, void *arg);

/* Frees book (NULL is fine). */
void xlsx_close(xlsx_book *book);

/* Writes the A1 reference of row:col into out (at least 16 bytes), e.g.
 * "D7"; returns out. */
char *xlsx_cell_ref(char *out, unsigned row, unsigned col);

/* Writes the date of the serial number text (a date-styled cell) as
 * "YYYY-MM-DD", with " HH:MM:SS" when it has a time of day, into out (at
 * least 32 bytes), by the workbook's date system (1900 or 1904). Returns
 * 0, or -1 when text is not a date Excel can show (negative, too large,
 * not a number): out is then untouched. */
int xlsx_date_text(const xlsx_book *book, const char *text, char *out);

#endif
