/*
 * sheetw.h - rows of cells written as CSV (util/csvw.h) or as one sheet
 * of an Excel workbook (util/xlsxw.h), by the same code: a writer calls
 * sheetw_text(), sheetw_number() and sheetw_end() and need not know
 * which. The first row is the header (in a workbook: bold and frozen).
 * A number cell is given as the text CSV would show ("0.8399", "+2",
 * ""); in a workbook it becomes a number shown with as many decimals
 * as the text has, and with its '+' when the text has one, so both say
 * the same.
 *
 * Ownership: a sheetw owns its workbook until sheetw_close(); a CSV
 * sheetw only borrows its stream.
 */
#ifndef CHISO_SHEETW_H
#define CHISO_SHEETW_H

#include "util/csvw.h"
#include "util/xlsxw.h"

#include <stdio.h>

typedef struct sheetw {
	int xlsx; /* 0: CSV into csv.f; 1: a workbook */
	csvw csv;
	xlsxw_book book;
	xlsxw_sheet sheet;
	size_t row, col; /* the next cell of the workbook */
	const char *path;
} sheetw;

/* Starts CSV rows into f, as o says (separator, BOM, formula guard). */
void sheetw_csv(sheetw *w, FILE *f, const csvw_opts *o);

/*
 * Starts a workbook to be written to path, with one sheet called name.
 * Returns 0, or -1 with a message in err (xlsxw_open()'s).
 */
int sheetw_xlsx(sheetw *w, const char *path, const char *name, char *err,
                size_t errsize);

/* A text cell. */
void sheetw_text(sheetw *w, const char *s);

/* A number cell, given as its text ("", "12", "-0.5000", "+2"); text
 * that is no number is written as text. */
void sheetw_number(sheetw *w, const char *s);

/* Ends the row. */
void sheetw_end(sheetw *w);

/*
 * Ends the output. A workbook is written and renamed over its path
 * when ok is 1, else removed; CSV is left to its stream's owner.
 * Returns 0, or -1 with "PATH: reason" in err.
 */
int sheetw_close(sheetw *w, int ok, char *err, size_t errsize);

#endif
