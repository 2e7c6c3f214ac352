/*
 * xlsx_input.c - unit data from the first worksheet of an .xlsx workbook:
 * each row's cells (read/xlsx_sheet.c) made a row of text cells, with the
 * date of a date-styled number and the problem of an error value, for
 * table_input.c; places named "Sheet1!D7".
 */
#include "eval/xlsx_input.h"

#include "eval/table_input.h"
#include "read/xlsx_sheet.h"

#include <stdlib.h>
#include <string.h>

/* Room for one cell's date text or problem. */
#define EXTRA_SIZE 160

struct xlsx_reader {
	data_file *df;
	xlsx_book *book;
	table_input *table;
	table_cell *cells;         /* the row, one per column */
	char (*extra)[EXTRA_SIZE]; /* per column: date text or problem */
	size_t cap;
};

/* Names a place "Sheet1!D7" (data_file_place_fn). */
static void place(void *arg, strbuf *sb, unsigned line, unsigned col)
{
	struct xlsx_reader *r = arg;
	char ref[16];

	strbuf_printf(sb, "%s!%s", xlsx_sheet_name(r->book),
	              xlsx_cell_ref(ref, line, col));
}

/* A row of the sheet (xlsx_row_fn): dense, column by column, into the
 * table reader. */
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
	return table_input_row(r->table, row, r->cells, ncols);
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
	if (table_input_no_header(r.table)) {
		data_file_error(df, 0, 0,
		                "the first worksheet ('%s') has no header row: "
		                "its first row that is not blank or a comment "
		                "must name the columns ('chiso template "
		                "--format csv' writes them)",
		                xlsx_sheet_name(r.book));
		goto out;
	}
	rc = 0;
out:
	table_input_free(r.table);
	free(r.cells);
	free(r.extra);
	xlsx_close(r.book);
	return rc;
}
