/*
 * table_input.c - rows of cells into unit records: the header row read
 * into a role per column (an identity column, an input, or nothing),
 * each data row into a small doc {unit, stage, values} for
 * data_file_record(), freed before the next row. Shared by the CSV and
 * the worksheet readers.
 *
 * Positions: every node of a row's doc is at line = the row's number and
 * col = the 1-based column number.
 */
#include "eval/table_input.h"

#include "eval/data_evidence.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/progress.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/yes_no.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The columns that are not inputs, in template order; the first five go
 * into the record's unit map. */
const char *const table_ident_cols[] = {"code",   "name",  "level", "parent",
                                        "period", "stage", NULL};
enum { NUNIT_FIELDS = 5, IDENT_STAGE = 5, NIDENT = 6 };

/* Role of a column: >= 0 an input slot; below, an identity column, a
 * column with an empty header (its cells must be empty), or the evidence
 * files of an indicator ("evidence:ID", table_input.ev_node). */
enum { COL_EXTRA = -1, COL_IDENT0 = -2, COL_EVIDENCE = -64 };
#define COL_IDENT(i)   (COL_IDENT0 - (int)(i))
#define IDENT_OF(role) ((size_t)(COL_IDENT0 - (role)))

struct table_input {
	data_file *df;
	const chiso_model *m;
	int decimal_comma;
	unsigned row;          /* the row being read */
	table_cell *row_cells; /* its cells, trimmed */
	size_t ncells, cap;
	int has_header; /* the header row was read */
	int *role;      /* per header column */
	int *ev_node;   /* per header column: COL_EVIDENCE's indicator */
	size_t ncols;   /* header columns */
	size_t code_col;
	int bad; /* a file error was reported */
};

table_input *table_input_new(data_file *df, const chiso_model *m,
                             int decimal_comma)
{
	table_input *t = xcalloc(1, sizeof(*t));

	t->df = df;
	t->m = m;
	t->decimal_comma = decimal_comma;
	return t;
}

void table_input_free(table_input *t)
{
	if (!t)
		return;
	free(t->row_cells);
	free(t->role);
	free(t->ev_node);
	free(t);
}

int table_input_no_header(const table_input *t)
{
	return !t->has_header;
}

/* 1 for the spaces trimmed around a cell. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The text of cell i of the current row (NUL-terminated after trim: the
 * length says where it ends). */
static const char *cell(const table_input *t, size_t i)
{
	return t->row_cells[i].text;
}

/* 1 for a row to skip: a comment ('#' first) or all cells empty. */
static int skipped_row(const table_input *t)
{
	size_t i;

	if (t->ncells > 0 && t->row_cells[0].len > 0 && cell(t, 0)[0] == '#')
		return 1;
	for (i = 0; i < t->ncells; i++)
		if (t->row_cells[i].len > 0)
			return 0;
	return 1;
}

/* The role a header name stands for, or COL_EXTRA when it is unknown.
 * Input ids are lower case, so the name in lower case is looked up by
 * hash (a header of thousands of columns stays linear). */
static int column_role(const table_input *t, const char *name, size_t n)
{
	char lower[80];
	size_t i;
	int slot;

	if (n >= sizeof(lower))
		return COL_EXTRA; /* longer than any input id or column */
	for (i = 0; i < n; i++)
		lower[i] = name[i] >= 'A' && name[i] <= 'Z'
		                   ? (char)(name[i] - 'A' + 'a')
		                   : name[i];
	lower[n] = '\0';
	for (i = 0; table_ident_cols[i]; i++)
		if (strcmp(lower, table_ident_cols[i]) == 0)
			return COL_IDENT(i);
	slot = model_input_slot(t->m, lower);
	return slot >= 0 ? slot : COL_EXTRA;
}

/* A copy of cell i's text (its trimmed length). Caller frees. */
static char *cell_copy(const table_input *t, size_t i)
{
	return xstrndup(cell(t, i), t->row_cells[i].len);
}

/* The indicator of header cell i when it is "evidence:ID" (the prefix in
 * any case, the id as the model spells it); -1 when the cell is not
 * such a header, -2 after reporting an id that is no indicator. */
static int evidence_column(table_input *t, size_t i)
{
	static const char prefix[] = "evidence:";
	size_t n = t->row_cells[i].len, k = sizeof(prefix) - 1;
	char *name, *id;
	int node;

	if (n < k || strncasecmp(cell(t, i), prefix, k) != 0)
		return -1;
	name = cell_copy(t, i);
	id = name + k;
	while (*id == ' ')
		id++;
	node = data_evidence_node(t->m, id);
	if (node < 0) {
		strbuf why = STRBUF_INIT;

		data_evidence_unknown(t->m, id, &why);
		data_file_error(t->df, t->row, (unsigned)i + 1,
		                _("column '%s': %s (an evidence column is "
		                  "'evidence:' and an indicator id)"),
		                name, strbuf_str(&why));
		strbuf_release(&why);
		t->bad = 1;
		node = -2;
	}
	free(name);
	return node;
}

/* "unknown column 'x'; did you mean 'y'?" at header cell i. */
static void unknown_column(table_input *t, size_t i)
{
	const chiso_model *m = t->m;
	const char **names = NULL;
	char *name = cell_copy(t, i), *lower = xstrdup(name);
	const char *near = NULL;
	size_t k;

	for (k = 0; lower[k]; k++)
		if (lower[k] >= 'A' && lower[k] <= 'Z')
			lower[k] = (char)(lower[k] - 'A' + 'a');
	/* A pass over every input: none once messages are no longer
	 * shown, so that a header of unknown columns stays linear. */
	if (!diag_full(data_file_schema(t->df)->d)) {
		names = xcalloc(NIDENT + m->ninputs, sizeof(*names));
		for (k = 0; k < NIDENT; k++)
			names[k] = table_ident_cols[k];
		for (k = 0; k < m->ninputs; k++)
			names[NIDENT + k] = m->inputs[k].id;
		near = suggest_closest(lower, names, NIDENT + m->ninputs);
	}
	data_file_error(
	        t->df, t->row, (unsigned)i + 1,
	        _("unknown column '%s'%s%s%s (columns: code, name, "
	          "level, parent, period, stage and the input ids of "
	          "model %s; 'chiso template --format csv' writes them)"),
	        name, near ? _("; did you mean '") : "", near ? near : "",
	        near ? _("'?") : "", m->id);
	t->bad = 1;
	free(name);
	free(lower);
	free(names);
}

/* Reads the header row: a role per column, every name known, once. */
static void header_row(table_input *t)
{
	size_t nroles = NIDENT + t->m->ninputs + t->m->nnodes;
	unsigned *first = xcalloc(nroles, sizeof(*first));
	size_t i, k;

	t->has_header = 1;
	t->ncols = t->ncells;
	t->role = xcalloc(t->ncols ? t->ncols : 1, sizeof(*t->role));
	t->ev_node = xcalloc(t->ncols ? t->ncols : 1, sizeof(*t->ev_node));
	for (i = 0; i < t->ncols; i++) {
		size_t n = t->row_cells[i].len;
		int role = n ? column_role(t, cell(t, i), n) : COL_EXTRA;
		int ev = role == COL_EXTRA && n ? evidence_column(t, i) : -1;

		if (ev >= 0) {
			role = COL_EVIDENCE;
			t->ev_node[i] = ev;
		}
		t->role[i] = role;
		if (n == 0 || ev == -2)
			continue;
		if (role == COL_EXTRA) {
			unknown_column(t, i);
			continue;
		}
		k = role == COL_EVIDENCE ? NIDENT + t->m->ninputs + (size_t)ev
		    : role >= 0          ? NIDENT + (size_t)role
		                         : IDENT_OF(role);
		if (first[k]) {
			char *name = cell_copy(t, i);

			data_file_error(t->df, t->row, (unsigned)i + 1,
			                _("column '%s' appears twice (first in "
			                  "column %u)"),
			                name, first[k]);
			free(name);
			t->bad = 1;
			t->role[i] = COL_EXTRA;
			continue;
		}
		first[k] = (unsigned)i + 1;
	}
	if (!first[0]) {
		data_file_error(t->df, t->row, 1,
		                _("the header has no 'code' column: every row "
		                  "needs its unit's code ('chiso template "
		                  "--format csv' writes the header)"));
		t->bad = 1;
	} else {
		t->code_col = first[0] - 1;
	}
	for (k = 0; k < t->m->ninputs && !t->bad; k++)
		if (!first[NIDENT + k])
			data_file_column_absent(t->df, k, t->row);
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

/* 1 for a yes cell, 0 for a no cell, -1 for anything else: the words
 * of every format (util/yes_no.h), and the marks of a filled-in sheet,
 * 1 or x for yes and 0 for no. */
static int bool_word(const char *s, size_t n)
{
	if (n == 1 && (s[0] == '1' || s[0] == 'x' || s[0] == 'X'))
		return 1;
	if (n == 1 && s[0] == '0')
		return 0;
	return yes_no_word(s, n, NULL);
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
static doc_node *value_node(table_input *t, doc *d, const model_input *in,
                            size_t i)
{
	const table_cell *c = &t->row_cells[i];
	const char *s = c->text;
	size_t n = c->len;
	unsigned row = t->row, col = (unsigned)i + 1;
	char num[NUMFMT_MAX];
	int flag;

	switch (in->type) {
	case CHISO_INPUT_INTEGER:
	case CHISO_INPUT_NUMBER:
		if (t->decimal_comma && decimal_comma(s, n, num, sizeof(num)))
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
		if (c->as_text)
			return scalar(d, c->as_text, strlen(c->as_text), row,
			              col, 1);
		return scalar(d, s, n, row, col, 1);
	}
}

/* An identity cell's node: its text (as text shows it). */
static doc_node *ident_node(table_input *t, doc *d, size_t i)
{
	const table_cell *c = &t->row_cells[i];

	if (c->as_text)
		return scalar(d, c->as_text, strlen(c->as_text), t->row,
		              (unsigned)i + 1, 1);
	return scalar(d, c->text, c->len, t->row, (unsigned)i + 1, 1);
}

/* After the record: the problems of the cells that hold no value. */
static void cell_problems(table_input *t)
{
	size_t i;

	for (i = 0; i < t->ncells; i++) {
		const table_cell *c = &t->row_cells[i];
		int role = i < t->ncols ? t->role[i] : COL_EXTRA;

		if (!c->problem || role == COL_EXTRA)
			continue;
		if (role == COL_EVIDENCE)
			data_file_problem(t->df, t->row, (unsigned)i + 1,
			                  "evidence %s: %s",
			                  t->m->nodes[t->ev_node[i]].id,
			                  c->problem);
		else if (role >= 0)
			data_file_problem(t->df, t->row, (unsigned)i + 1,
			                  N_("field %s: %s"),
			                  t->m->inputs[role].id, c->problem);
		else
			data_file_problem(t->df, t->row, (unsigned)i + 1,
			                  N_("unit.%s: %s"),
			                  table_ident_cols[IDENT_OF(role)],
			                  c->problem);
	}
}

/* One data row: its record to the data reader, then row problems. */
static void data_row(table_input *t)
{
	unsigned row = t->row;
	doc *d = doc_new(data_file_schema(t->df)->file);
	doc_node *rec = map_node(d, 4, row, 1);
	doc_node *unit =
	        map_node(d, NUNIT_FIELDS, row, (unsigned)t->code_col + 1);
	doc_node *values = map_node(d, t->ncols, row, 1);
	doc_node *evidence = map_node(d, t->ncols, row, 1);
	doc_node *stage = NULL;
	size_t i, first_extra = 0;
	int empty_code =
	        t->code_col >= t->ncells || t->row_cells[t->code_col].len == 0;
	char code[32];

	if (empty_code) {
		snprintf(code, sizeof(code), "(row %u)", row);
		map_add(d, unit, "code",
		        scalar(d, code, strlen(code), row,
		               (unsigned)t->code_col + 1, 1));
	}
	for (i = 0; i < t->ncells; i++) {
		int role = i < t->ncols ? t->role[i] : COL_EXTRA;

		if (t->row_cells[i].len == 0) {
			/* an empty cell: a missing value, at its place */
			if (role >= 0)
				map_add(d, values, t->m->inputs[role].id,
				        scalar(d, "", 0, row, (unsigned)i + 1,
				               0));
			continue;
		}
		if (role == COL_EXTRA) {
			if (!first_extra)
				first_extra = i + 1;
		} else if (role == COL_EVIDENCE) {
			if (!t->row_cells[i].problem)
				map_add(d, evidence,
				        t->m->nodes[t->ev_node[i]].id,
				        ident_node(t, d, i));
		} else if (role >= 0) {
			if (!t->row_cells[i].problem)
				map_add(d, values, t->m->inputs[role].id,
				        value_node(t, d, &t->m->inputs[role],
				                   i));
		} else if (IDENT_OF(role) == IDENT_STAGE) {
			stage = ident_node(t, d, i);
		} else {
			map_add(d, unit, table_ident_cols[IDENT_OF(role)],
			        ident_node(t, d, i));
		}
	}
	map_add(d, rec, "unit", unit);
	if (stage)
		map_add(d, rec, "stage", stage);
	map_add(d, rec, "values", values);
	if (evidence->count)
		map_add(d, rec, "evidence", evidence);
	if (data_file_record(t->df, rec) < 0) {
		t->bad = 1;
	} else {
		if (empty_code)
			data_file_problem(t->df, row, (unsigned)t->code_col + 1,
			                  N_("the code cell is empty"));
		cell_problems(t);
		if (first_extra > t->ncols)
			data_file_problem(t->df, row, (unsigned)first_extra,
			                  N_("a value in column %zu, past the "
			                     "header's %zu columns"),
			                  first_extra, t->ncols);
		else if (first_extra)
			data_file_problem(
			        t->df, row, (unsigned)first_extra,
			        N_("a value in column %zu, whose header "
			           "cell is empty"),
			        first_extra);
	}
	doc_free(d);
	progress_tick(1);
}

int table_input_row(table_input *t, unsigned row, const table_cell *cells,
                    size_t ncells)
{
	size_t i;

	if (t->bad)
		return -1;
	if (ncells > t->cap) {
		t->cap = ncells;
		t->row_cells =
		        xrealloc(t->row_cells, t->cap * sizeof(*t->row_cells));
	}
	for (i = 0; i < ncells; i++) {
		table_cell c = cells[i];

		while (c.len > 0 && is_blank(*c.text)) {
			c.text++;
			c.len--;
		}
		while (c.len > 0 && is_blank(c.text[c.len - 1]))
			c.len--;
		t->row_cells[i] = c;
	}
	t->ncells = ncells;
	t->row = row;
	if (skipped_row(t))
		return 0;
	if (t->has_header)
		data_row(t);
	else
		header_row(t);
	return t->bad ? -1 : 0;
}
