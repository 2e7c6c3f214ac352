/*
 * xlsx_input.c - unit data from the first worksheet of an .xlsx workbook:
 * each row's cells (read/xlsx_sheet.c) made a row of text cells, with the
 * date of a date-styled number and the problem of an error value, for
 * table_input.c; places named "Sheet1!D7".
 */
#include "eval/xlsx_input.h"

#include "eval/table_input.h"
#include "read/xlsx_sheet.h"
#include "util/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Room for one cell's date text or problem. */
#define EXTRA_SIZE 160

/* One field of a form (the form layout: a field per row, its name in
 * column A and its value in column B): strings in the form's pool. */
struct form_field {
	size_t name, text, as_text, problem; /* pool offsets, 0 = none */
	size_t len;                          /* of text */
	unsigned row;                        /* its row on the sheet */
};

/* A unit's form being read. */
struct form {
	int on;      /* the sheet is a form: its first row is "field" */
	int fed;     /* its fields are being read as a table */
	strbuf pool; /* offset 0 is an empty string */
	struct form_field *fields;
	size_t n, cap;
};

struct xlsx_reader {
	data_file *df;
	xlsx_book *book;
	table_input *table;
	table_cell *cells;         /* the row, one per column */
	char (*extra)[EXTRA_SIZE]; /* per column: date text or problem */
	size_t cap;
	int started; /* a row that is not blank or a comment was seen */
	struct form form;
};

/* Names a place "Sheet1!D7" (data_file_place_fn). A form is read as a
 * table of two rows (1: its field names, 2: their values) whose column k
 * is the form's field k: named by the field's row on the sheet, in
 * column A (the name) or B (the value). */
static void place(void *arg, strbuf *sb, unsigned line, unsigned col)
{
	struct xlsx_reader *r = arg;
	char ref[16];

	if (r->form.fed && col >= 1 && col <= r->form.n) {
		unsigned table_line = line;

		line = r->form.fields[col - 1].row;
		col = table_line == 1 ? 1 : 2;
	}
	strbuf_printf(sb, "%s!%s", xlsx_sheet_name(r->book),
	              xlsx_cell_ref(ref, line, col));
}

static int form_header(const table_cell *c);

/* 1 when some cell of the row holds text. */
static int row_has_text(const table_cell *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cells[i].len > 0)
			return 1;
	return 0;
}
static int form_row(struct xlsx_reader *r, unsigned row, size_t ncols);

/* A row of the sheet (xlsx_row_fn): dense, column by column, into the
 * table reader, or into the form when the sheet is one. */
static int on_row(void *arg, unsigned row, const xlsx_cell *cells, size_t n)
{
	struct xlsx_reader *r = arg;
	size_t ncols = cells[n - 1].col, i;

	if (ncols > r->cap) {
		r->cap = ncols;
		r->cells = xrealloc(r->cells, r->cap * sizeof(*r->cells));
		r->extra = xrealloc(r->extra, r->cap * sizeof(*r->extra));
	}
	memset(r->cells, 0, ncols * sizeof(*r->cells));
	for (i = 0; i < ncols; i++)
		r->cells[i].text = "";
	for (i = 0; i < n; i++) {
		const xlsx_cell *c = &cells[i];
		table_cell *t = &r->cells[c->col - 1];
		char *extra = r->extra[c->col - 1];

		t->text = c->text;
		t->len = c->len;
		if (c->kind == XLSX_NUMBER && c->date &&
		    xlsx_date_text(r->book, c->text, extra) == 0)
			t->as_text = extra;
		if (c->kind == XLSX_ERROR) {
			snprintf(extra, EXTRA_SIZE,
			         "the cell holds the error %.40s%s; correct "
			         "it or type the value",
			         c->text,
			         c->formula ? " (its formula failed)" : "");
			t->problem = extra;
		}
	}
	if (!r->started && row_has_text(r->cells, ncols) &&
	    !(r->cells[0].len > 0 && r->cells[0].text[0] == '#')) {
		r->started = 1;
		r->form.on = form_header(&r->cells[0]);
		if (r->form.on)
			return 0;
	}
	if (r->form.on)
		return form_row(r, row, ncols);
	return table_input_row(r->table, row, r->cells, ncols);
}

/* 1 when a first cell names the form layout: "field" (any case,
 * trimmed). */
static int form_header(const table_cell *c)
{
	const char *p = c->text, *e = c->text + c->len;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return e - p == 5 && strncasecmp(p, "field", 5) == 0;
}

/* Copies n bytes of s into the form's pool; returns the offset (0 for
 * NULL). */
static size_t form_keep(struct form *f, const char *s, size_t n)
{
	size_t off;

	if (!s)
		return 0;
	if (f->pool.len == 0)
		strbuf_putc(&f->pool, '\0');
	off = f->pool.len;
	strbuf_add(&f->pool, s, n);
	strbuf_putc(&f->pool, '\0');
	return off;
}

/* A row of a form: its field name (column A) and value (column B);
 * comment and blank rows skipped; a value without a name refused. */
static int form_row(struct xlsx_reader *r, unsigned row, size_t ncols)
{
	struct form *f = &r->form;
	const table_cell *name = &r->cells[0];
	const table_cell *value = ncols > 1 ? &r->cells[1] : NULL;
	struct form_field *fd;

	if (name->len > 0 && name->text[0] == '#')
		return 0;
	if (name->len == 0) {
		if (!value || value->len == 0)
			return 0;
		data_file_error(
		        r->df, row, 2,
		        _("a value without a field name in column A: a "
		          "form names each value's field (an input id, "
		          "or code, name, level, parent, period, stage)"));
		return -1;
	}
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 32;
		f->fields = xrealloc(f->fields, f->cap * sizeof(*fd));
	}
	fd = &f->fields[f->n++];
	memset(fd, 0, sizeof(*fd));
	fd->row = row;
	fd->name = form_keep(f, name->text, name->len);
	if (value) {
		fd->text = form_keep(f, value->text, value->len);
		fd->len = value->len;
		if (value->as_text)
			fd->as_text = form_keep(f, value->as_text,
			                        strlen(value->as_text));
		if (value->problem)
			fd->problem = form_keep(f, value->problem,
			                        strlen(value->problem));
	}
	return 0;
}

/* The form read as a table of two rows: its field names, then their
 * values (one unit). */
static int form_feed(struct xlsx_reader *r)
{
	struct form *f = &r->form;
	table_cell *cells = xcalloc(f->n + 1, sizeof(*cells));
	const char *pool = f->pool.data ? f->pool.data : "";
	size_t k;
	int rc;

	for (k = 0; k < f->n; k++) {
		cells[k].text = pool + f->fields[k].name;
		cells[k].len = strlen(cells[k].text);
	}
	f->fed = 1;
	rc = table_input_row(r->table, 1, cells, f->n);
	for (k = 0; k < f->n && rc == 0; k++) {
		const struct form_field *fd = &f->fields[k];

		memset(&cells[k], 0, sizeof(cells[k]));
		cells[k].text = pool + fd->text;
		cells[k].len = fd->len;
		cells[k].as_text = fd->as_text ? pool + fd->as_text : NULL;
		cells[k].problem = fd->problem ? pool + fd->problem : NULL;
	}
	if (rc == 0)
		rc = table_input_row(r->table, 2, cells, f->n);
	free(cells);
	return rc;
}

int xlsx_input_load(data_file *df, const chiso_model *m, const char *buf,
                    size_t len)
{
	const schema_ctx *sc = data_file_schema(df);
	struct xlsx_reader r;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	r.df = df;
	r.book = xlsx_open(sc->file, buf, len, data_file_limits(df), sc->d);
	if (!r.book)
		return -1;
	data_file_set_place(df, place, &r);
	r.table = table_input_new(df, m, 0);
	if (xlsx_read_rows(r.book, on_row, &r) < 0)
		goto out;
	if (r.form.on && (r.form.n == 0 || form_feed(&r) < 0)) {
		if (r.form.n == 0)
			data_file_error(
			        df, 0, 0,
			        _("the form on the first worksheet ('%s') "
			          "has no fields: one row per field, its "
			          "name in column A and its value in B "
			          "('chiso template --format xlsx --layout "
			          "form' writes one)"),
			        xlsx_sheet_name(r.book));
		goto out;
	}
	if (table_input_no_header(r.table)) {
		data_file_error(
		        df, 0, 0,
		        _("the first worksheet ('%s') has no header row: "
		          "its first row that is not blank or a comment "
		          "must name the columns ('chiso template "
		          "--format csv' writes them)"),
		        xlsx_sheet_name(r.book));
		goto out;
	}
	rc = 0;
out:
	table_input_free(r.table);
	strbuf_release(&r.form.pool);
	free(r.form.fields);
	free(r.cells);
	free(r.extra);
	xlsx_close(r.book);
	return rc;
}
