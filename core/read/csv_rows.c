/*
 * csv_rows.c - a CSV file read one row at a time with libcsv, each row's
 * cells checked (UTF-8, no NUL, within the size limit) and handed to the
 * caller; the rules are in csv_rows.h.
 */
#include "read/csv_rows.h"

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <csv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Bytes handed to libcsv per call: a long cell is caught within this. */
#define CSV_CHUNK (64 * 1024)

/* State of one CSV file being read. */
struct csv_reader {
	const char *file;
	diag *d;
	const doc_limits *lim;
	csv_row_fn fn;
	void *arg;
	unsigned row;    /* rows ended so far: the number of the row a row
	                 callback handles */
	int prev_cr;     /* the last row ended with a CR (of a CRLF) */
	int in_row;      /* libcsv is inside a row (maybe a quoted cell) */
	strbuf text;     /* the current row's cells, NUL-ended */
	size_t *off;     /* each cell's offset in text */
	csv_cell *cells; /* the current row's cells so far */
	size_t ncells;
	size_t cap; /* entries of off and cells */
	int bad;    /* a file error was reported, or fn stopped */
};

/* Reports an error of the file at row:col (row 0: no position). */
static void file_error(struct csv_reader *r, unsigned row, unsigned col,
                       const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static void file_error(struct csv_reader *r, unsigned row, unsigned col,
                       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(r->d, DIAG_ERROR, r->file, row, col, fmt, ap);
	va_end(ap);
	r->bad = 1;
}

/* The number of the row being read. */
static unsigned cur_row(const struct csv_reader *r)
{
	return r->row + 1;
}

/* The column number of the next cell of the row being read. */
static unsigned cur_col(const struct csv_reader *r)
{
	return (unsigned)r->ncells + 1;
}

/* 1 for the spaces around a cell. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* libcsv field callback: checks the cell, keeps it. */
static void on_field(void *s, size_t n, void *arg)
{
	struct csv_reader *r = arg;
	const char *p = s ? s : "";
	size_t bad;

	if (r->bad)
		return;
	if (n > r->lim->max_scalar_bytes) {
		char text[200];

		file_error(r, cur_row(r), cur_col(r), "%s",
		           limits_scalar_text(text, sizeof(text), n, r->lim));
		return;
	}
	if (memchr(p, '\0', n)) {
		file_error(
		        r, cur_row(r), cur_col(r),
		        _("the cell holds a NUL byte; the file must be UTF-8 "
		          "text (in Excel, save as 'CSV UTF-8')"));
		return;
	}
	if (utf8_check(p, n, &bad) < 0) {
		file_error(
		        r, cur_row(r), cur_col(r),
		        _("invalid UTF-8 byte 0x%02X; the file must be UTF-8 "
		          "(in Excel, save as 'CSV UTF-8')"),
		        (unsigned char)p[bad]);
		return;
	}
	if (r->ncells == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->off = xrealloc(r->off, r->cap * sizeof(*r->off));
		r->cells = xrealloc(r->cells, r->cap * sizeof(*r->cells));
	}
	if (!r->text.data)
		strbuf_grow(&r->text, 256);
	r->off[r->ncells] = r->text.len;
	r->cells[r->ncells].len = n;
	r->ncells++;
	strbuf_add(&r->text, p, n);
	strbuf_putc(&r->text, '\0');
}

/* libcsv row callback: c is the terminator, -1 at the end of the text. */
static void on_row(int c, void *arg)
{
	struct csv_reader *r = arg;
	int after_cr = r->prev_cr;
	size_t i;

	if (r->bad)
		return;
	r->prev_cr = c == '\r';
	r->in_row = 0;
	if (c == '\n' && after_cr && r->ncells == 0)
		return; /* the LF of a CRLF */
	r->row++;
	for (i = 0; i < r->ncells; i++)
		r->cells[i].text = r->text.data + r->off[i];
	if (r->fn(r->arg, r->row, r->cells, r->ncells) < 0)
		r->bad = 1;
	r->ncells = 0;
	strbuf_reset(&r->text);
}

/* The offset just past the line starting at i: after its CR, LF or
 * CRLF, or n. At most max bytes on when the line is longer. */
static size_t line_end(const char *s, size_t i, size_t n, size_t max)
{
	size_t stop = n - i > max ? i + max : n;

	for (; i < stop; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return stop;
}

/* 1 when the line at s starts (after blanks) with '#': a comment. */
static int comment_line(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_blank(s[i]))
		i++;
	return i < n && s[i] == '#';
}

/*
 * The separator: ',' or ';', whichever appears more often outside
 * quotes in the header row (the first row that is neither blank nor a
 * comment); ',' on a tie.
 */
static char detect_separator(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t commas = 0, semis = 0, j = i;
		int quoted = 0, content = 0;

		if (comment_line(s + i, n - i)) {
			i = line_end(s, i, n, n - i);
			continue;
		}
		while (j < n && (is_blank(s[j]) || s[j] == '"'))
			j++;
		for (; i < n; i++) {
			char c = s[i];

			if (c == '"')
				quoted = !quoted;
			else if (!quoted && (c == '\n' || c == '\r'))
				break;
			else if (!quoted && c == ',')
				commas++;
			else if (!quoted && c == ';')
				semis++;
			else if (!is_blank(c))
				content = 1;
		}
		i++;
		if (content && !(j < n && s[j] == '#')) /* "# quoted comment" */
			return semis > commas ? ';' : ',';
	}
	return ',';
}

char csv_rows_separator(const char *buf, size_t len)
{
	size_t start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	return detect_separator(buf + start, len - start);
}

/*
 * The row and column of the cell holding byte off of buf[0..len), the
 * text read so far, counted as the reader counts them: rows end at CR,
 * LF or CRLF outside quotes (blank and comment rows count; a comment's
 * bytes are all in column 1), columns at the separator outside quotes.
 */
static void csv_position(const char *buf, size_t len, size_t off, unsigned *row,
                         unsigned *col)
{
	size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	char sep = detect_separator(buf + i, len - i);
	int quoted = 0, row_start = 1;

	*row = 1;
	*col = 1;
	while (i < off) {
		char c;

		if (row_start && comment_line(buf + i, len - i)) {
			size_t end = line_end(buf, i, len, len - i);

			if (off < end)
				return;
			i = end;
			(*row)++;
			continue;
		}
		row_start = 0;
		c = buf[i++];
		if (c == '"') {
			quoted = !quoted;
		} else if (!quoted && c == sep) {
			(*col)++;
		} else if (!quoted && (c == '\n' || c == '\r')) {
			if (c == '\r' && i < off && buf[i] == '\n')
				i++;
			(*row)++;
			*col = 1;
			row_start = 1;
		}
	}
}

const source_kind csv_source_kind = {csv_position,
                                     N_("in Excel, save as 'CSV UTF-8'"), 0};

/* Reports the error libcsv stopped at. */
static void parse_error(struct csv_reader *r, struct csv_parser *p)
{
	int e = csv_error(p);

	if (e != CSV_EPARSE)
		file_error(r, cur_row(r), cur_col(r), "%s", csv_strerror(e));
	else if (p->quoted)
		file_error(r, cur_row(r), cur_col(r),
		           _("text after the closing quote of a quoted cell "
		             "(inside quotes, write a quote as two: \"\"; or a "
		             "quote is missing)"));
	else
		file_error(
		        r, cur_row(r), cur_col(r),
		        _("a quote inside a cell that does not start with one "
		          "(put the whole cell in quotes and write each quote "
		          "in it as two: \"a \"\"b\"\"\")"));
}

/*
 * Feeds the text to libcsv a line at a time (at most CSV_CHUNK bytes),
 * then ends it. A line that starts a row with '#' is a comment skipped
 * here, so that quotes in it need no escaping.
 */
static void parse_all(struct csv_reader *r, struct csv_parser *p, const char *s,
                      size_t n)
{
	size_t pos = 0;

	while (pos < n && !r->bad) {
		size_t end = line_end(s, pos, n, CSV_CHUNK), done;

		if (!r->in_row && comment_line(s + pos, end - pos)) {
			r->row++;
			r->prev_cr = 0;
			pos = end;
			continue;
		}
		r->in_row = 1;
		done = csv_parse(p, s + pos, end - pos, on_field, on_row, r);
		if (r->bad)
			return;
		if (done < end - pos) {
			parse_error(r, p);
			return;
		}
		if (p->entry_pos > r->lim->max_scalar_bytes) {
			char text[200];

			file_error(r, cur_row(r), cur_col(r), "%s",
			           limits_scalar_text(text, sizeof(text),
			                              p->entry_pos, r->lim));
			return;
		}
		pos = end;
	}
	if (csv_fini(p, on_field, on_row, r) != 0 && !r->bad)
		file_error(r, cur_row(r), cur_col(r),
		           _("a quoted cell is never closed: no closing quote "
		             "before the end of the file"));
}

/* Frees what the reader holds. */
static void reader_free(struct csv_reader *r)
{
	strbuf_release(&r->text);
	free(r->off);
	free(r->cells);
}

int csv_rows_read(const char *file, const char *buf, size_t len,
                  const doc_limits *lim, diag *d, csv_row_fn fn, void *arg)
{
	struct csv_reader r;
	struct csv_parser p;
	size_t start = 0;
	int rc;

	memset(&r, 0, sizeof(r));
	r.file = file;
	r.d = d;
	r.lim = lim;
	r.fn = fn;
	r.arg = arg;
	if (limits_check_file(d, file, len, lim) < 0)
		return -1;
	if (len >= 2 && (memcmp(buf, "\xFF\xFE", 2) == 0 ||
	                 memcmp(buf, "\xFE\xFF", 2) == 0)) {
		file_error(&r, 0, 0,
		           _("the file is UTF-16; it must be UTF-8 (in Excel, "
		             "save as 'CSV UTF-8')"));
		return -1;
	}
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	if (start == len) {
		file_error(&r, 0, 0, _("the file is empty"));
		return -1;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL |
	                         CSV_APPEND_NULL) != 0) {
		file_error(&r, 0, 0, _("out of memory"));
		return -1;
	}
	csv_set_delim(
	        &p, (unsigned char)detect_separator(buf + start, len - start));
	parse_all(&r, &p, buf + start, len - start);
	rc = r.bad ? -1 : 0;
	csv_free(&p);
	reader_free(&r);
	return rc;
}
