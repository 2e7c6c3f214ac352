/*
 * csv_input.c - CSV unit data as a spreadsheet exports it, read one row
 * at a time (read/csv_rows.c): each row's cells go to table_input.c,
 * which makes each data row a unit record for data_file_record(), so
 * values are checked exactly as in YAML and JSON files and in
 * worksheets.
 */
#include "eval/csv_input.h"

#include "eval/table_input.h"
#include "read/csv_rows.h"
#include "util/csvw.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Labels of the template's second row, for the identity columns. */
static const char *const ident_labels[] = {
        "# Mã đơn vị (code)",
        "Tên đơn vị",
        "Cấp",
        "Đơn vị cấp trên",
        "Kỳ đánh giá",
        "Giai đoạn: self | appraised | final",
        NULL};

/* A CSV file's rows on their way to the table reader. */
struct csv_input {
	table_input *table;
	table_cell *cells; /* the row as the table reader takes it */
	size_t cap;
};

/* A row of the file (csv_row_fn): its cells to the table reader. */
static int on_row(void *arg, unsigned row, const csv_cell *cells, size_t n)
{
	struct csv_input *in = arg;
	size_t i;

	if (n > in->cap) {
		in->cap = n > 2 * in->cap ? n : 2 * in->cap;
		in->cells = xrealloc(in->cells, in->cap * sizeof(*in->cells));
	}
	for (i = 0; i < n; i++) {
		in->cells[i].text = cells[i].text;
		in->cells[i].len = cells[i].len;
		in->cells[i].as_text = NULL;
		in->cells[i].problem = NULL;
	}
	return table_input_row(in->table, row, in->cells, n);
}

int csv_input_load(data_file *df, const chiso_model *m, const char *buf,
                   size_t len)
{
	const schema_ctx *sc = data_file_schema(df);
	struct csv_input in;
	int rc;

	memset(&in, 0, sizeof(in));
	in.table = table_input_new(df, m, csv_rows_separator(buf, len) == ';');
	rc = csv_rows_read(sc->file, buf, len, data_file_limits(df), sc->d,
	                   on_row, &in);
	if (rc == 0 && table_input_no_header(in.table)) {
		diag_error(
		        sc->d, sc->file, 0, 0,
		        _("no header row: the first row that is not blank or "
		          "a comment must name the columns ('chiso template "
		          "--format csv' writes it)"));
		rc = -1;
	}
	free(in.cells);
	table_input_free(in.table);
	return rc;
}

size_t csv_template_ncols(const chiso_model *m)
{
	size_t n = 0;

	while (table_ident_cols[n])
		n++;
	return n + m->ninputs;
}

const char *csv_template_column(const chiso_model *m, size_t col, strbuf *label)
{
	size_t nident = csv_template_ncols(m) - m->ninputs, k;
	const model_input *in;

	strbuf_reset(label);
	if (col < nident) {
		strbuf_puts(label, ident_labels[col]);
		return table_ident_cols[col];
	}
	in = &m->inputs[col - nident];
	strbuf_puts(label, in->label ? in->label : in->id);
	if (in->unit && *in->unit)
		strbuf_printf(label, " (%s)", in->unit);
	for (k = 0; k < label->len; k++)
		if (label->data[k] == '\r' || label->data[k] == '\n')
			label->data[k] = ' '; /* the row stays one line */
	return in->id;
}

void csv_template_write(const chiso_model *m, FILE *f, int labels,
                        const csvw_opts *o)
{
	strbuf label = STRBUF_INIT;
	size_t i, n = csv_template_ncols(m);
	csvw w;

	csvw_start(&w, f, o);
	for (i = 0; i < n; i++)
		csvw_text(&w, csv_template_column(m, i, &label));
	csvw_end(&w);
	if (labels) {
		for (i = 0; i < n; i++) {
			csv_template_column(m, i, &label);
			csvw_text(&w, strbuf_str(&label));
		}
		csvw_end(&w);
	}
	strbuf_release(&label);
}
