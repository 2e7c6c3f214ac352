/*
 * sheetw.c - rows written as CSV or as a workbook's sheet (sheetw.h).
 */
#include "util/sheetw.h"

#include "util/escape.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <string.h>

/* The widest a workbook column gets (in characters). */
#define COL_CAP 45.0

void sheetw_csv(sheetw *w, FILE *f, const csvw_opts *o)
{
	memset(w, 0, sizeof(*w));
	csvw_start(&w->csv, f, o);
}

int sheetw_xlsx(sheetw *w, const char *path, const char *name, char *err,
                size_t errsize)
{
	memset(w, 0, sizeof(*w));
	w->xlsx = 1;
	w->path = path;
	if (xlsxw_open(&w->book, path, err, errsize) < 0)
		return -1;
	if (xlsxw_sheet_open(&w->book, &w->sheet, name, 0, COL_CAP) < 0) {
		xlsxw_close(&w->book, 0, path, err, errsize);
		return -1;
	}
	return 0;
}

void sheetw_text(sheetw *w, const char *s)
{
	strbuf sb = STRBUF_INIT;

	if (!w->xlsx) {
		csvw_text(&w->csv, s);
		return;
	}
	/* control characters shown as in CSV; never a formula */
	escape_append(&sb, s, ESCAPE_KEEP_LINES | ESCAPE_KEEP_BIDI);
	xlsxw_str(&w->book, &w->sheet, w->row, w->col++, strbuf_str(&sb),
	          w->row == 0 ? w->book.head : NULL);
	strbuf_release(&sb);
}

/* The decimals of the number text s ("0.8399": 4; "12", "1e-07": -1,
 * Excel's General format). */
static int decimals_of(const char *s)
{
	const char *dot = strchr(s, '.');

	if (strpbrk(s, "eE") || !dot)
		return -1;
	return (int)strspn(dot + 1, "0123456789");
}

void sheetw_number(sheetw *w, const char *s)
{
	double v;

	if (!w->xlsx) {
		csvw_number(&w->csv, s);
		return;
	}
	if (!*s) {
		w->col++;
		return;
	}
	if (numfmt_parse(s, &v) < 0) {
		sheetw_text(w, s);
		return;
	}
	xlsxw_number(&w->book, &w->sheet, w->row, w->col++, v, decimals_of(s),
	             *s == '+');
}

void sheetw_end(sheetw *w)
{
	if (!w->xlsx) {
		csvw_end(&w->csv);
		return;
	}
	if (w->row == 0)
		xlsxw_freeze_header(&w->book, &w->sheet);
	w->row++;
	w->col = 0;
}

int sheetw_close(sheetw *w, int ok, char *err, size_t errsize)
{
	if (!w->xlsx)
		return 0;
	xlsxw_sheet_close(&w->book, &w->sheet);
	return xlsxw_close(&w->book, ok, w->path, err, errsize);
}
