/*
 * xlsxw.h - Excel workbooks written with libxlsxwriter (optional at
 * configure time), all or nothing: into a temporary file beside the
 * target, renamed over it only when the workbook is complete. What
 * every workbook chiso writes shares: a bold, wrapped, frozen header
 * row; numbers as numbers, shown with a fixed number of decimals
 * ("0.0000"); column widths that fit their text, up to a cap; the first
 * error met kept for the message.
 *
 * Ownership: an xlsxw_book and its sheets own what they allocate;
 * xlsxw_close() and xlsxw_sheet_close() free it. Strings passed in are
 * borrowed for the call.
 */
#ifndef CHISO_XLSXW_H
#define CHISO_XLSXW_H

#include "util/atomic_file.h"

#include <stddef.h>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

/* The most decimals a number format shows. */
#define XLSXW_MAX_DECIMALS 15

/* A workbook being written. */
typedef struct xlsxw_book {
	struct lxw_workbook *wb;
	atomic_file *af;
	struct lxw_format *head; /* bold, wrapped, top: header rows */
	struct lxw_format *key;  /* bold: labels */
	/* "0", "0.0", "0.00"...; [1]: "+0.0;-0.0;0.0"...: made when first
	 * used */
	struct lxw_format *fixed[2][XLSXW_MAX_DECIMALS + 1];
	int err; /* the first libxlsxwriter error (lxw_error), 0 none */
} xlsxw_book;

/* A worksheet and the width its columns need (in characters). */
typedef struct xlsxw_sheet {
	struct lxw_worksheet *ws;
	double *width, *cap; /* per column; cap 0: no cap */
	size_t ncols;        /* columns sized so far (grows) */
	double default_cap;  /* the cap of columns added by a write */
} xlsxw_sheet;

/* 1 when this chiso was built with libxlsxwriter, else 0. */
int xlsxw_available(void);

/* Why xlsx output is not available: "xlsx output is not available: this
 * chiso was built without libxlsxwriter (install libxlsxwriter-dev and
 * rebuild)"; NULL when it is. A static string. */
const char *xlsxw_unavailable(void);

/*
 * Starts a workbook to be written to path. Returns 0, or -1 with a
 * message in err (of size errsize): "PATH: reason" (a path naming a
 * device, a FIFO or a descriptor is refused: a workbook is written to
 * a file), or, without libxlsxwriter, "xlsx output is not available:
 * this chiso was built without libxlsxwriter (install
 * libxlsxwriter-dev and rebuild)".
 */
int xlsxw_open(xlsxw_book *b, const char *path, char *err, size_t errsize);

/*
 * Ends the workbook: when ok is 1 and no error was met, writes it and
 * renames it over path; else removes the temporary file. Returns 0, or
 * -1 with "PATH: reason" in err (nothing written). Frees b's contents.
 */
int xlsxw_close(xlsxw_book *b, int ok, const char *path, char *err,
                size_t errsize);

/* Keeps e (an lxw_error) when it is the first error. */
void xlsxw_check(xlsxw_book *b, int e);

/*
 * Adds a worksheet called name (valid for Excel: the caller's job) with
 * ncols columns to size, each capped at cap characters (0: no cap; also
 * the cap of columns written past ncols). Returns 0, or -1 when
 * libxlsxwriter refuses the name (b's error set).
 */
int xlsxw_sheet_open(xlsxw_book *b, xlsxw_sheet *s, const char *name,
                     size_t ncols, double cap);

/* Sets the column widths that fit what was written, and frees s. */
void xlsxw_sheet_close(xlsxw_book *b, xlsxw_sheet *s);

/* Writes a string cell (nothing for NULL or ""), in format f (NULL for
 * the default). */
void xlsxw_str(xlsxw_book *b, xlsxw_sheet *s, size_t row, size_t col,
               const char *text, struct lxw_format *f);

/* Writes a number cell shown with `decimals` places ("0.0000"; a
 * negative count: Excel's General format, as "100" or "57.5"); plus 1
 * shows a positive number with its sign, as a change: "+0.0222", "+2"
 * (a negative count is then 0 places). */
void xlsxw_number(xlsxw_book *b, xlsxw_sheet *s, size_t row, size_t col,
                  double v, int decimals, int plus);

/* Freezes row 0 (the header) of s, so that it stays in view. */
void xlsxw_freeze_header(xlsxw_book *b, xlsxw_sheet *s);

/* Writes row 0 from the n strings of head in the header format, and
 * freezes it. */
void xlsxw_header(xlsxw_book *b, xlsxw_sheet *s, const char *const *head,
                  size_t n);

#endif
