/*
 * sheet_rows.c - a CSV file or a workbook's first sheet as rows of text
 * cells (sheet_rows.h).
 */
#include "read/sheet_rows.h"

#include "read/source.h"
#include "read/xlsx_sheet.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct sheet_rows {
	const char *path;
	diag *d;
	xlsx_book *book; /* NULL for a CSV file */
	sheet_row_fn fn;
	void *arg;
	csv_cell *cells; /* a worksheet's row made dense */
	size_t cap;
};

void sheet_place(strbuf *sb, const char *path, const char *sheet, unsigned row,
                 unsigned col)
{
	char ref[16];

	strbuf_puts(sb, path);
	if (row == 0)
		return;
	if (!sheet && col)
		strbuf_printf(sb, ":%u:%u", row, col);
	else if (!sheet)
		strbuf_printf(sb, ":%u", row);
	else if (col)
		strbuf_printf(sb, ":%s!%s", sheet,
		              xlsx_cell_ref(ref, row, col));
	else
		strbuf_printf(sb, ":%s!%u:%u", sheet, row, row);
}

void sheet_rows_error(sheet_rows *s, unsigned row, unsigned col,
                      const char *fmt, ...)
{
	strbuf place = STRBUF_INIT;
	va_list ap;

	sheet_place(&place, s->path, sheet_rows_sheet(s), row, col);
	va_start(ap, fmt);
	diag_vat(s->d, DIAG_ERROR, strbuf_str(&place), 0, 0, fmt, ap);
	va_end(ap);
	strbuf_release(&place);
}

const char *sheet_rows_sheet(const sheet_rows *s)
{
	return s->book ? xlsx_sheet_name(s->book) : NULL;
}

/* A CSV row (csv_row_fn). */
static int csv_row(void *arg, unsigned row, const csv_cell *cells, size_t n)
{
	sheet_rows *s = arg;

	return s->fn(s->arg, s, row, cells, n);
}

/* A worksheet's row (xlsx_row_fn): dense, column by column. */
static int xlsx_row(void *arg, unsigned row, const xlsx_cell *cells, size_t n)
{
	sheet_rows *s = arg;
	size_t i, ncols = n ? cells[n - 1].col : 0;

	if (ncols > s->cap) {
		s->cap = ncols;
		s->cells = xrealloc(s->cells, s->cap * sizeof(*s->cells));
	}
	for (i = 0; i < ncols; i++) {
		s->cells[i].text = "";
		s->cells[i].len = 0;
	}
	for (i = 0; i < n; i++) {
		if (cells[i].kind == XLSX_ERROR) {
			sheet_rows_error(
			        s, row, cells[i].col,
			        _("the cell holds the error value %s; "
			          "correct the formula or type the value"),
			        cells[i].text);
			return -1;
		}
		s->cells[cells[i].col - 1].text = cells[i].text;
		s->cells[cells[i].col - 1].len = cells[i].len;
	}
	return s->fn(s->arg, s, row, s->cells, ncols);
}

int sheet_rows_read(const char *path, const doc_limits *lim, diag *d,
                    sheet_row_fn fn, void *arg, char sha256[65])
{
	int workbook = source_is_workbook(path);
	sheet_rows s;
	char *buf;
	size_t len;
	int rc = -1;

	memset(&s, 0, sizeof(s));
	s.path = path;
	s.d = d;
	s.fn = fn;
	s.arg = arg;
	if (source_read_file_as(path, lim,
	                        workbook ? &source_kind_binary
	                                 : &csv_source_kind,
	                        &buf, &len, d) < 0)
		return -1;
	if (sha256)
		sha256_hex(buf, len, sha256);
	if (!workbook) {
		rc = csv_rows_read(path, buf, len, lim, d, csv_row, &s);
	} else {
		s.book = xlsx_open(path, buf, len, lim, d);
		if (s.book)
			rc = xlsx_read_rows(s.book, xlsx_row, &s);
		xlsx_close(s.book);
	}
	free(s.cells);
	free(buf);
	return rc;
}
