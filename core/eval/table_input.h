/*
 * table_input.h - unit data laid out as a table, whatever the file: a CSV
 * file (csv_input.c) or a worksheet (xlsx_input.c) hands its rows of
 * cells here, and each data row becomes a unit record for the data
 * reader (data_file.h), so values are checked exactly as in YAML files
 * and in every table format alike.
 *
 * The layout: a header row naming the columns code, name, level,
 * parent, period, optional stage, then one column per model input id
 * (any order, any case, surrounding spaces ignored), and optionally a
 * column "evidence:ID" per indicator whose cells name its evidence
 * files, separated by '|' (eval/data_evidence.h; the prefix in any case,
 * the id as the model spells it; an id that is no indicator is refused
 * with a suggestion); then one unit per row. Cells are trimmed of spaces and tabs; an empty cell is a missing
 * value. Rows whose first cell starts with '#' are comments; rows of
 * empty cells are skipped. Cells are read by the column's input type:
 * integer and number cells as numbers (with decimal_comma, "83,99" is
 * 83.99); boolean cells also as the words 1/0, x, true/false, yes/no,
 * có/không, co/khong, đúng/sai (any case, NFC or NFD); text and choice
 * cells, and the identity columns, as text.
 *
 * A row whose code cell is empty is unit "(row N)", invalid ("the code
 * cell is empty"); a value in a column past the header, or under an
 * empty header cell, makes its unit invalid too.
 *
 * Places are the row number (line) and the 1-based column number (col),
 * named in messages as data_file_error() and data_file_problem() do.
 *
 * Ownership: table_input_new() returns a reader freed by
 * table_input_free(); cells are borrowed for the call.
 */
#ifndef CHISO_TABLE_INPUT_H
#define CHISO_TABLE_INPUT_H

#include "eval/data_file.h"
#include "model/model.h"

#include <stddef.h>

/* One cell of a row, in column order (the first is column 1). */
typedef struct table_cell {
	const char *text; /* NUL-terminated; trimmed here */
	size_t len;
	/* When not NULL: the cell as text shows it (a date written
	 * YYYY-MM-DD), used for text inputs and identity columns. */
	const char *as_text;
	/* When not NULL: the cell holds no usable value (an error value of
	 * a formula); its unit is invalid with this reason, and under an
	 * input column the cell is no value. */
	const char *problem;
} table_cell;

typedef struct table_input table_input;

/* A reader of rows into df, against model m. An empty cell under an
 * input's column is a missing value at its place (eval/missing.h says
 * it); decimal_comma 1 reads "83,99" as 83.99 in number columns. */
table_input *table_input_new(data_file *df, const chiso_model *m,
                             int decimal_comma);

/*
 * One row (row: its number, counted as the file's reader counts rows):
 * the header when none was read yet, else a unit (comment and empty rows
 * skipped). Returns 0, or -1 when the file is bad (the header is wrong,
 * or the record was refused): errors then in df's diag.
 */
int table_input_row(table_input *t, unsigned row, const table_cell *cells,
                    size_t ncells);

/* 1 when no header row was read yet. */
int table_input_no_header(const table_input *t);

/* Frees t (NULL is fine). */
void table_input_free(table_input *t);

/* The identity columns, in template order, NULL-ended: code, name,
 * level, parent, period, stage. Borrowed (static). */
extern const char *const table_ident_cols[];

#endif
