/*
 * xlsxw.c - Excel workbooks written with libxlsxwriter into a temporary
 * file renamed over the target when complete (see xlsxw.h).
 */
#include "config.h"

#include "util/xlsxw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_XLSXWRITER

#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <xlsxwriter.h>

#define MIN_WIDTH 6.0 /* columns never narrower (in characters) */

int xlsxw_available(void)
{
	return 1;
}

const char *xlsxw_unavailable(void)
{
	return NULL;
}

void xlsxw_check(xlsxw_book *b, int e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

int xlsxw_open(xlsxw_book *b, const char *path, char *err, size_t errsize)
{
	memset(b, 0, sizeof(*b));
	b->af = atomic_file_open(path, err, errsize);
	if (!b->af)
		return -1;
	if (!atomic_file_temp_path(b->af)) {
		/* A device, a FIFO or a descriptor: libxlsxwriter writes
		 * only to a file it opens by name. */
		snprintf(err, errsize,
		         "%s: not a file: an xlsx workbook is written to a "
		         "file; give -o FILE.xlsx",
		         path);
		atomic_file_abort(b->af);
		b->af = NULL;
		return -1;
	}
	b->wb = workbook_new(atomic_file_temp_path(b->af));
	if (b->wb) {
		b->head = workbook_add_format(b->wb);
		b->key = workbook_add_format(b->wb);
	}
	if (!b->wb || !b->head || !b->key) {
		xlsxw_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		xlsxw_close(b, 0, path, err, errsize);
		return -1;
	}
	format_set_bold(b->head);
	format_set_text_wrap(b->head);
	format_set_align(b->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bold(b->key);
	return 0;
}

int xlsxw_close(xlsxw_book *b, int ok, const char *path, char *err,
                size_t errsize)
{
	lxw_error e = LXW_NO_ERROR;
	int rc;

	if (ok && b->err == LXW_NO_ERROR) {
		e = workbook_close(b->wb);
		b->wb = NULL;
		if (e == LXW_NO_ERROR) {
			rc = atomic_file_commit(b->af, err, errsize);
			memset(b, 0, sizeof(*b));
			return rc;
		}
	}
	if (e == LXW_NO_ERROR)
		e = (lxw_error)b->err;
	if (ok || e != LXW_NO_ERROR)
		snprintf(
		        err, errsize, "%s: %s", path,
		        lxw_strerror(e != LXW_NO_ERROR
		                             ? e
		                             : LXW_ERROR_MEMORY_MALLOC_FAILED));
	if (b->wb)
		lxw_workbook_free(b->wb);
	atomic_file_abort(b->af);
	memset(b, 0, sizeof(*b));
	return -1;
}

/* Sizes columns [s->ncols, n) of s, capped at the default. */
static void grow(xlsxw_sheet *s, size_t n)
{
	size_t c;

	if (n <= s->ncols)
		return;
	s->width = xrealloc(s->width, n * sizeof(*s->width));
	s->cap = xrealloc(s->cap, n * sizeof(*s->cap));
	for (c = s->ncols; c < n; c++) {
		s->width[c] = 0;
		s->cap[c] = s->default_cap;
	}
	s->ncols = n;
}

int xlsxw_sheet_open(xlsxw_book *b, xlsxw_sheet *s, const char *name,
                     size_t ncols, double cap)
{
	memset(s, 0, sizeof(*s));
	s->ws = workbook_add_worksheet(b->wb, name);
	if (!s->ws) {
		xlsxw_check(b, LXW_ERROR_PARAMETER_VALIDATION);
		return -1;
	}
	s->default_cap = cap;
	grow(s, ncols);
	return 0;
}

void xlsxw_sheet_close(xlsxw_book *b, xlsxw_sheet *s)
{
	size_t c;
	double w;

	for (c = 0; c < s->ncols && s->ws; c++) {
		w = s->width[c] + 2;
		if (w < MIN_WIDTH)
			w = MIN_WIDTH;
		if (s->cap[c] > 0 && w > s->cap[c])
			w = s->cap[c];
		xlsxw_check(b, worksheet_set_column(s->ws, (lxw_col_t)c,
		                                    (lxw_col_t)c, w, NULL));
	}
	free(s->width);
	free(s->cap);
	memset(s, 0, sizeof(*s));
}

/* Widens column col to fit text of display width w. */
static void fit(xlsxw_sheet *s, size_t col, size_t w)
{
	grow(s, col + 1);
	if ((double)w > s->width[col])
		s->width[col] = (double)w;
}

void xlsxw_str(xlsxw_book *b, xlsxw_sheet *s, size_t row, size_t col,
               const char *text, struct lxw_format *f)
{
	if (!text || !*text)
		return;
	xlsxw_check(b, worksheet_write_string(s->ws, (lxw_row_t)row,
	                                      (lxw_col_t)col, text, f));
	fit(s, col, utf8_width(text));
}

/* The number format of `decimals` places ("0", "0.0000"; with plus,
 * "+0.0000;-0.0000;0.0000"), made once. */
static lxw_format *fixed_format(xlsxw_book *b, int decimals, int plus)
{
	char part[XLSXW_MAX_DECIMALS + 3] = "0";
	char fmt[3 * sizeof(part) + 4];
	lxw_format **f;
	int k;

	if (decimals > XLSXW_MAX_DECIMALS)
		decimals = XLSXW_MAX_DECIMALS;
	f = &b->fixed[plus ? 1 : 0][decimals];
	if (*f)
		return *f;
	if (decimals > 0)
		strcat(part, ".");
	for (k = 0; k < decimals; k++)
		strcat(part, "0");
	if (plus)
		snprintf(fmt, sizeof(fmt), "+%s;-%s;%s", part, part, part);
	else
		snprintf(fmt, sizeof(fmt), "%s", part);
	*f = workbook_add_format(b->wb);
	if (!*f)
		xlsxw_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	else
		format_set_num_format(*f, fmt);
	return *f;
}

void xlsxw_number(xlsxw_book *b, xlsxw_sheet *s, size_t row, size_t col,
                  double v, int decimals, int plus)
{
	char buf[NUMFMT_MAX];
	lxw_format *f = NULL;

	if (plus && decimals < 0)
		decimals = 0;
	if (decimals >= 0)
		f = fixed_format(b, decimals, plus);
	xlsxw_check(b, worksheet_write_number(s->ws, (lxw_row_t)row,
	                                      (lxw_col_t)col, v, f));
	fit(s, col,
	    strlen(decimals < 0 ? numfmt_exact(v, buf)
	                        : numfmt_fixed(v, decimals, buf)) +
	            (plus && v > 0));
}

void xlsxw_header(xlsxw_book *b, xlsxw_sheet *s, const char *const *head,
                  size_t n)
{
	size_t c;

	for (c = 0; c < n; c++)
		xlsxw_str(b, s, 0, c, head[c], b->head);
	xlsxw_freeze_header(b, s);
}

void xlsxw_freeze_header(xlsxw_book *b, xlsxw_sheet *s)
{
	(void)b;
	worksheet_freeze_panes(s->ws, 1, 0);
}

#else /* !HAVE_XLSXWRITER */

int xlsxw_available(void)
{
	return 0;
}

const char *xlsxw_unavailable(void)
{
	return "xlsx output is not available: this chiso was built without "
	       "libxlsxwriter (install libxlsxwriter-dev and rebuild)";
}

/* Without libxlsxwriter: always fails, saying how to get xlsx output. */
int xlsxw_open(xlsxw_book *b, const char *path, char *err, size_t errsize)
{
	(void)path;
	memset(b, 0, sizeof(*b));
	if (err && errsize > 0)
		snprintf(err, errsize, "%s", xlsxw_unavailable());
	return -1;
}

/* The rest is never reached without a workbook: no-ops. */
int xlsxw_close(xlsxw_book *b, int ok, const char *path, char *err,
                size_t errsize)
{
	(void)b;
	(void)ok;
	return xlsxw_open(b, path, err, errsize);
}

void xlsxw_check(xlsxw_book *b, int e)
{
	(void)b;
	(void)e;
}

int xlsxw_sheet_open(xlsxw_book *b, xlsxw_sheet *s, const char *name,
                     size_t ncols, double cap)
{
	(void)b;
	(void)name;
	(void)ncols;
	(void)cap;
	memset(s, 0, sizeof(*s));
	return -1;
}

void xlsxw_sheet_close(xlsxw_book *b, xlsxw_sheet *s)
{
	(void)b;
	memset(s, 0, sizeof(*s));
}

void xlsxw_str(xlsxw_book *b, xlsxw_sheet *s, size_t row, size_t col,
               const char *text, struct lxw_format *f)
{
	(void)b;
	(void)s;
	(void)row;
	(void)col;
	(void)text;
	(void)f;
}

void xlsxw_number(xlsxw_book *b, xlsxw_sheet *s, size_t row, size_t col,
                  double v, int decimals, int plus)
{
	(void)plus;
	(void)b;
	(void)s;
	(void)row;
	(void)col;
	(void)v;
	(void)decimals;
}

void xlsxw_header(xlsxw_book *b, xlsxw_sheet *s, const char *const *head,
                  size_t n)
{
	(void)b;
	(void)s;
	(void)head;
	(void)n;
}

void xlsxw_freeze_header(xlsxw_book *b, xlsxw_sheet *s)
{
	(void)b;
	(void)s;
}

#endif
