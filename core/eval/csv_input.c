/*
 * csv_input.c - CSV unit data as a spreadsheet exports it, read one row
 * at a time with libcsv: each data row becomes a small doc {unit, stage,
 * values} for data_file_record(), so values are checked exactly as in
 * YAML and JSON files, and freed before the next row.
 *
 * Positions: every node of a row's doc is at line = the row's number (the
 * file's records counted from 1, blank and comment rows included: what a
 * spreadsheet shows) and col = the 1-based column number.
 */
#include "eval/csv_input.h"

#include "util/csvw.h"

#include "util/numfmt.h"
#include "util/progress.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/utf8.h"

#include <csv.h>
#include <string.h>

/* Bytes handed to libcsv per call: a long cell is caught within this. */
#define CSV_CHUNK (64 * 1024)

/* The columns that are not inputs, in template order; the first five go
 * into the record's unit map. */
static const char *const ident_cols[] = {"code",   "name",  "level", "parent",
                                         "period", "stage", NULL};
enum { NUNIT_FIELDS = 5, IDENT_STAGE = 5, NIDENT = 6 };

/* Role of a column: >= 0 an input slot; below, an identity column or a
 * column with an empty header (its cells must be empty). */
enum { COL_EXTRA = -1, COL_IDENT0 = -2 };
#define COL_IDENT(i)   (COL_IDENT0 - (int)(i))
#define IDENT_OF(role) ((size_t)(COL_IDENT0 - (role)))

/* Labels of the template's second row, for the identity columns. */
static const char *const ident_labels[] = {
        "# Mã đơn vị (code)",
        "Tên đơn vị",
        "Cấp",
        "Đơn vị cấp trên",
        "Kỳ đánh giá",
        "Giai đoạn: self | appraised | final",
        NULL};

/* State of one CSV file being read. */
struct csv_reader {
	data_file *df;
	const chiso_model *m;
	const schema_ctx *sc;
	const doc_limits *lim;
	char sep;
	unsigned row;   /* rows ended so far: the number of the row a row
	                   callback handles */
	int prev_cr;    /* the last row ended with a CR (of a CRLF) */
	int in_row;     /* libcsv is inside a row (maybe a quoted cell) */
	strbuf text;    /* the current row's cells, trimmed, NUL-ended */
	size_t *off;    /* each cell's offset in text */
	size_t *len;    /* each cell's length */
	size_t ncells;  /* cells of the current row so far */
	size_t cap;     /* entries of off and len */
	int has_header; /* the header row was read */
	int *role;      /* per header column */
	size_t ncols;   /* header columns */
	size_t code_col;
	int bad; /* a file error was reported: stop */
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
	diag_vat(r->sc->d, DIAG_ERROR, r->sc->file, row, col, fmt, ap);
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

/* 1 for the spaces trimmed around a cell. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The text of cell i of the current row (NUL-terminated). */
static const char *cell(const struct csv_reader *r, size_t i)
{
	return r->text.data + r->off[i];
}

/* libcsv field callback: checks the cell, keeps it trimmed. */
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
		file_error(r, cur_row(r), cur_col(r),
		           "the cell holds a NUL byte; the file must be UTF-8 "
		           "text (in Excel, save as 'CSV UTF-8')");
		return;
	}
	if (utf8_check(p, n, &bad) < 0) {
		file_error(r, cur_row(r), cur_col(r),
		           "invalid UTF-8 byte 0x%02X; the file must be UTF-8 "
		           "(in Excel, save as 'CSV UTF-8')",
		           (unsigned char)p[bad]);
		return;
	}
	while (n > 0 && is_blank(*p)) {
		p++;
		n--;
	}
	while (n > 0 && is_blank(p[n - 1]))
		n--;
	if (r->ncells == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->off = xrealloc(r->off, r->cap * sizeof(*r->off));
		r->len = xrealloc(r->len, r->cap * sizeof(*r->len));
	}
	if (!r->text.data)
		strbuf_grow(&r->text, 256);
	r->off[r->ncells] = r->text.len;
	r->len[r->ncells] = n;
	r->ncells++;
	strbuf_add(&r->text, p, n);
	strbuf_putc(&r->text, '\0');
}

/* 1 for a row to skip: a comment ('#' first) or all cells empty. */
static int skipped_row(const struct csv_reader *r)
{
	size_t i;

	if (r->ncells > 0 && cell(r, 0)[0] == '#')
		return 1;
	for (i = 0; i < r->ncells; i++)
		if (r->len[i] > 0)
			return 0;
	return 1;
}

/* The role a header name stands for, or COL_EXTRA when it is unknown.
 * Input ids are lower case, so the name in lower case is looked up by
 * hash (a header of thousands of columns stays linear). */
static int column_role(const struct csv_reader *r, const char *name)
{
	char lower[80];
	size_t i, n = strlen(name);
	int slot;

	for (i = 0; ident_cols[i]; i++)
		if (utf8_ascii_caseeq(name, ident_cols[i]))
			return COL_IDENT(i);
	if (n >= sizeof(lower))
		return COL_EXTRA; /* longer than any input id */
	for (i = 0; i <= n; i++)
		lower[i] = name[i] >= 'A' && name[i] <= 'Z'
		                   ? (char)(name[i] - 'A' + 'a')
		                   : name[i];
	slot = model_input_slot(r->m, lower);
	return slot >= 0 ? slot : COL_EXTRA;
}

/* "unknown column 'x'; did you mean 'y'?" at header cell i. */
static void unknown_column(struct csv_reader *r, size_t i)
{
	const chiso_model *m = r->m;
	const char **names = NULL;
	char *lower = xstrdup(cell(r, i));
	const char *near = NULL;
	size_t k;

	for (k = 0; lower[k]; k++)
		if (lower[k] >= 'A' && lower[k] <= 'Z')
			lower[k] = (char)(lower[k] - 'A' + 'a');
	/* A pass over every input: none once messages are no longer
	 * shown, so that a header of unknown columns stays linear. */
	if (!diag_full(r->sc->d)) {
		names = xcalloc(NIDENT + m->ninputs, sizeof(*names));
		for (k = 0; k < NIDENT; k++)
			names[k] = ident_cols[k];
		for (k = 0; k < m->ninputs; k++)
			names[NIDENT + k] = m->inputs[k].id;
		near = suggest_closest(lower, names, NIDENT + m->ninputs);
	}
	file_error(r, r->row, (unsigned)i + 1,
	           "unknown column '%s'%s%s%s (columns: code, name, level, "
	           "parent, period, stage and the input ids of model %s; "
	           "'chiso template --format csv' writes them)",
	           cell(r, i), near ? "; did you mean '" : "", near ? near : "",
	           near ? "'?" : "", m->id);
	free(lower);
	free(names);
}

/* Reads the header row: a role per column, every name known, once. */
static void header_row(struct csv_reader *r)
{
	size_t nroles = NIDENT + r->m->ninputs;
	unsigned *first = xcalloc(nroles, sizeof(*first));
	size_t i, k;

	r->has_header = 1;
	r->ncols = r->ncells;
	r->role = xcalloc(r->ncols ? r->ncols : 1, sizeof(*r->role));
	for (i = 0; i < r->ncols; i++) {
		int role = r->len[i] ? column_role(r, cell(r, i)) : COL_EXTRA;

		r->role[i] = role;
		if (r->len[i] == 0)
			continue;
		if (role == COL_EXTRA) {
			unknown_column(r, i);
			continue;
		}
		k = role >= 0 ? NIDENT + (size_t)role : IDENT_OF(role);
		if (first[k]) {
			file_error(r, r->row, (unsigned)i + 1,
			           "column '%s' appears twice (first in column "
			           "%u)",
			           cell(r, i), first[k]);
			r->role[i] = COL_EXTRA;
			continue;
		}
		first[k] = (unsigned)i + 1;
	}
	if (!first[0])
		file_error(r, r->row, 1,
		           "the header has no 'code' column: every row needs "
		           "its unit's code ('chiso template --format csv' "
		           "writes the header)");
	else
		r->code_col = first[0] - 1;
	free(first);
}

/* A scalar node at row:col holding a copy of s[0..n). */
static doc_node *scalar(doc *d, const char *s, size_t n, unsigned row,
                        unsigned col, int quoted)
{
	doc_node *node = doc_node_new(d, DOC_SCALAR, row, col);

	node->text = doc_strndup(d, s, n);
	node->len = n;
	node->quoted = (unsigned char)quoted;
	return node;
}

/* A map node at row:col with room for cap entries. */
static doc_node *map_node(doc *d, size_t cap, unsigned row, unsigned col)
{
	doc_node *node = doc_node_new(d, DOC_MAP, row, col);

	node->keys = doc_alloc(d, (cap ? cap : 1) * sizeof(doc_node *));
	node->items = doc_alloc(d, (cap ? cap : 1) * sizeof(doc_node *));
	return node;
}

/* Appends key: value to map (both at value's position). */
static void map_add(doc *d, doc_node *map, const char *key, doc_node *value)
{
	map->keys[map->count] =
	        scalar(d, key, strlen(key), value->line, value->col, 0);
	map->items[map->count] = value;
	map->count++;
}

/* Writes code point cp to out as UTF-8 (room checked by the caller);
 * returns the bytes written. */
static size_t put_cp(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/*
 * Folds a short cell to lower case NFC for the yes/no words: ASCII, and
 * the Vietnamese letters of those words (Ó Ú Ô Đ, and o/u followed by a
 * combining acute or circumflex, as NFD text has them). Returns 0, or -1
 * when the cell is too long to be one of the words.
 */
static int fold_word(const char *s, size_t n, char *out, size_t size)
{
	size_t i = 0, o = 0, used;
	unsigned cp, last = 0, comp;

	while (i < n) {
		used = utf8_decode(s + i, n - i, &cp);
		if (used == 0)
			return -1;
		i += used;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		else if (cp == 0xD3 || cp == 0xDA || cp == 0xD4)
			cp += 0x20; /* Ó Ú Ô */
		else if (cp == 0x110)
			cp = 0x111; /* Đ */
		comp = 0;
		if (cp == 0x301 && (last == 'o' || last == 'u'))
			comp = last == 'o' ? 0xF3 : 0xFA; /* ó ú */
		else if (cp == 0x302 && last == 'o')
			comp = 0xF4; /* ô */
		if (comp) {
			o--; /* the base letter, one byte */
			cp = comp;
		}
		if (o + 4 >= size)
			return -1;
		o += put_cp(out + o, cp);
		last = cp;
	}
	out[o] = '\0';
	return 0;
}

/* 1 for a yes word, 0 for a no word, -1 for anything else. */
static int bool_word(const char *s, size_t n)
{
	static const char *const yes[] = {"1",
	                                  "x",
	                                  "true",
	                                  "yes",
	                                  "c\xc3\xb3",
	                                  "co",
	                                  "\xc4\x91\xc3\xbang",
	                                  NULL};
	static const char *const no[] = {"0",     "false", "no", "kh\xc3\xb4ng",
	                                 "khong", "sai",   NULL};
	char w[32];
	size_t i;

	if (fold_word(s, n, w, sizeof(w)) < 0)
		return -1;
	for (i = 0; yes[i]; i++)
		if (strcmp(w, yes[i]) == 0)
			return 1;
	for (i = 0; no[i]; i++)
		if (strcmp(w, no[i]) == 0)
			return 0;
	return -1;
}

/* With ';' as separator, "83,99" means 83.99: the cell with its one
 * comma made a point, into out, when that gives a number (or one out of
 * range, to be refused as such). Returns 1 when out holds the converted
 * text. */
static int decimal_comma(const char *s, size_t n, char *out, size_t size)
{
	const char *comma = memchr(s, ',', n);
	double x;

	if (!comma || n >= size || memchr(s, '.', n) ||
	    memchr(comma + 1, ',', n - (size_t)(comma - s) - 1))
		return 0;
	memcpy(out, s, n);
	out[n] = '\0';
	out[comma - s] = '.';
	return numfmt_parse(out, &x) != NUMFMT_SYNTAX;
}

/* The value node of input in for cell i of the current row. */
static doc_node *value_node(struct csv_reader *r, doc *d, const model_input *in,
                            size_t i)
{
	const char *s = cell(r, i);
	size_t n = r->len[i];
	unsigned row = r->row, col = (unsigned)i + 1;
	char num[NUMFMT_MAX];
	int flag;

	switch (in->type) {
	case CHISO_INPUT_INTEGER:
	case CHISO_INPUT_NUMBER:
		if (r->sep == ';' && decimal_comma(s, n, num, sizeof(num)))
			return scalar(d, num, n, row, col, 0);
		return scalar(d, s, n, row, col, 0);
	case CHISO_INPUT_BOOLEAN:
		flag = bool_word(s, n);
		if (flag == 1)
			return scalar(d, "true", 4, row, col, 0);
		if (flag == 0)
			return scalar(d, "false", 5, row, col, 0);
		return scalar(d, s, n, row, col, 0);
	default:
		/* text: never YAML's null words */
		return scalar(d, s, n, row, col, 1);
	}
}

/* One data row: its record to the data reader, then row problems. */
static void data_row(struct csv_reader *r)
{
	unsigned row = r->row;
	doc *d = doc_new(r->sc->file);
	doc_node *rec = map_node(d, 3, row, 1);
	doc_node *unit =
	        map_node(d, NUNIT_FIELDS, row, (unsigned)r->code_col + 1);
	doc_node *values = map_node(d, r->ncols, row, 1);
	doc_node *stage = NULL;
	size_t i, first_extra = 0;
	int empty_code = r->code_col >= r->ncells || r->len[r->code_col] == 0;
	char code[32];

	if (empty_code) {
		snprintf(code, sizeof(code), "(row %u)", row);
		map_add(d, unit, "code",
		        scalar(d, code, strlen(code), row,
		               (unsigned)r->code_col + 1, 1));
	}
	for (i = 0; i < r->ncells; i++) {
		int role = i < r->ncols ? r->role[i] : COL_EXTRA;
		unsigned col = (unsigned)i + 1;

		if (r->len[i] == 0)
			continue;
		if (role == COL_EXTRA) {
			if (!first_extra)
				first_extra = i + 1;
		} else if (role >= 0) {
			map_add(d, values, r->m->inputs[role].id,
			        value_node(r, d, &r->m->inputs[role], i));
		} else if (IDENT_OF(role) == IDENT_STAGE) {
			stage = scalar(d, cell(r, i), r->len[i], row, col, 1);
		} else {
			map_add(d, unit, ident_cols[IDENT_OF(role)],
			        scalar(d, cell(r, i), r->len[i], row, col, 1));
		}
	}
	map_add(d, rec, "unit", unit);
	if (stage)
		map_add(d, rec, "stage", stage);
	map_add(d, rec, "values", values);
	if (data_file_record(r->df, rec) < 0) {
		r->bad = 1;
	} else {
		if (empty_code)
			data_file_problem(r->df, row, (unsigned)r->code_col + 1,
			                  "the code cell is empty");
		if (first_extra > r->ncols)
			data_file_problem(r->df, row, (unsigned)first_extra,
			                  "a value in column %zu, past the "
			                  "header's %zu columns",
			                  first_extra, r->ncols);
		else if (first_extra)
			data_file_problem(r->df, row, (unsigned)first_extra,
			                  "a value in column %zu, whose header "
			                  "cell is empty",
			                  first_extra);
	}
	doc_free(d);
	progress_tick(1);
}

/* libcsv row callback: c is the terminator, -1 at the end of the text. */
static void on_row(int c, void *arg)
{
	struct csv_reader *r = arg;
	int after_cr = r->prev_cr;

	if (r->bad)
		return;
	r->prev_cr = c == '\r';
	r->in_row = 0;
	if (c == '\n' && after_cr && r->ncells == 0)
		return; /* the LF of a CRLF */
	r->row++;
	if (!skipped_row(r)) {
		if (r->has_header)
			data_row(r);
		else
			header_row(r);
	}
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
                                     "in Excel, save as 'CSV UTF-8'"};

/* Reports the error libcsv stopped at. */
static void parse_error(struct csv_reader *r, struct csv_parser *p)
{
	int e = csv_error(p);

	if (e != CSV_EPARSE)
		file_error(r, cur_row(r), cur_col(r), "%s", csv_strerror(e));
	else if (p->quoted)
		file_error(r, cur_row(r), cur_col(r),
		           "text after the closing quote of a quoted cell "
		           "(inside quotes, write a quote as two: \"\"; or a "
		           "quote is missing)");
	else
		file_error(r, cur_row(r), cur_col(r),
		           "a quote inside a cell that does not start with one "
		           "(put the whole cell in quotes and write each quote "
		           "in it as two: \"a \"\"b\"\"\")");
}

/* Frees what the reader holds. */
static void reader_free(struct csv_reader *r)
{
	strbuf_release(&r->text);
	free(r->off);
	free(r->len);
	free(r->role);
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
		           "a quoted cell is never closed: no closing quote "
		           "before the end of the file");
}

int csv_input_load(data_file *df, const chiso_model *m, const char *buf,
                   size_t len)
{
	struct csv_reader r;
	struct csv_parser p;
	size_t start = 0;
	int rc;

	memset(&r, 0, sizeof(r));
	r.df = df;
	r.m = m;
	r.sc = data_file_schema(df);
	r.lim = data_file_limits(df);
	if (limits_check_file(r.sc->d, r.sc->file, len, r.lim) < 0)
		return -1;
	if (len >= 2 && (memcmp(buf, "\xFF\xFE", 2) == 0 ||
	                 memcmp(buf, "\xFE\xFF", 2) == 0)) {
		file_error(&r, 0, 0,
		           "the file is UTF-16; it must be UTF-8 (in Excel, "
		           "save as 'CSV UTF-8')");
		return -1;
	}
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	if (start == len) {
		file_error(&r, 0, 0, "the file is empty");
		return -1;
	}
	r.sep = detect_separator(buf + start, len - start);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL |
	                         CSV_APPEND_NULL) != 0) {
		file_error(&r, 0, 0, "out of memory");
		return -1;
	}
	csv_set_delim(&p, (unsigned char)r.sep);
	parse_all(&r, &p, buf + start, len - start);
	if (!r.bad && !r.has_header)
		file_error(&r, 0, 0,
		           "no header row: the first row that is not blank or "
		           "a comment must name the columns ('chiso template "
		           "--format csv' writes it)");
	rc = r.bad ? -1 : 0;
	csv_free(&p);
	reader_free(&r);
	return rc;
}

void csv_template_write(const chiso_model *m, FILE *f, int labels,
                        const csvw_opts *o)
{
	size_t i, k;
	csvw w;

	csvw_start(&w, f, o);
	for (i = 0; ident_cols[i]; i++)
		csvw_text(&w, ident_cols[i]);
	for (i = 0; i < m->ninputs; i++)
		csvw_text(&w, m->inputs[i].id);
	csvw_end(&w);
	if (!labels)
		return;
	for (i = 0; ident_labels[i]; i++)
		csvw_text(&w, ident_labels[i]);
	for (i = 0; i < m->ninputs; i++) {
		const model_input *in = &m->inputs[i];
		strbuf sb = STRBUF_INIT;

		strbuf_puts(&sb, in->label ? in->label : in->id);
		if (in->unit && *in->unit)
			strbuf_printf(&sb, " (%s)", in->unit);
		for (k = 0; k < sb.len; k++)
			if (sb.data[k] == '\r' || sb.data[k] == '\n')
				sb.data[k] = ' '; /* the row stays one line */
		csvw_text(&w, strbuf_str(&sb));
		strbuf_release(&sb);
	}
	csvw_end(&w);
}
