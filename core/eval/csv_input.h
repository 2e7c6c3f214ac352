/*
 * csv_input.h - unit data from a CSV file as a spreadsheet exports it:
 * one row per unit; a header row naming the columns code, name, level,
 * parent, period, optional stage, then one column per model input id
 * (any order, any case, surrounding spaces ignored), and optionally
 * "evidence:ID" columns naming an indicator's evidence files
 * (eval/table_input.h). RFC 4180 quoting
 * (strict: a stray quote is an error, not guessed at), UTF-8 with or
 * without a BOM, CRLF or LF, ',' or ';' as separator (whichever the
 * header row has more of outside quotes; ',' on a tie). Cells are
 * trimmed of spaces; an empty cell is a missing value. Rows whose first
 * cell starts with '#' are comments (a line starting with '#' may hold
 * anything, quotes included); rows of empty cells are skipped.
 *
 * Parsed with libcsv, one row at a time: each row becomes a unit record
 * for the data reader, so values are checked exactly as in YAML and JSON
 * files, and a bad value is reported as "FILE:ROW:COLUMN: unit CODE:
 * field NAME: reason". ROW is the row a spreadsheet shows: records
 * counted from 1 (the header, when it comes first), blank and comment
 * rows included, a quoted cell's line breaks not; COLUMN is the 1-based
 * column number.
 *
 * Cells are read by the column's input type: integer and number cells
 * as numbers (with ';' as separator, a decimal comma "83,99" is 83.99);
 * boolean cells also as the words 1/0, x, true/false, yes/no, có/không,
 * co/khong, đúng/sai (any case, NFC or NFD); text and choice cells, and
 * the identity columns, as text (trimmed; "null" stays text).
 *
 * A row whose code cell is empty is unit "(row N)", invalid ("the code
 * cell is empty"); a value in a column past the header, or under an
 * empty header cell, makes its unit invalid too.
 */
#ifndef CHISO_CSV_INPUT_H
#define CHISO_CSV_INPUT_H

#include "eval/data_file.h"
#include "model/model.h"
#include "read/source.h"
#include "util/csvw.h"
#include "util/strbuf.h"

#include <stdio.h>

/*
 * Reads the CSV text buf[0..len) into df's batch, checking the header
 * against model m. Returns 0 when the file was read (some units may be
 * invalid), -1 when the file itself is bad: errors then in df's diag,
 * at ROW:COLUMN where there is one (bad header: unknown column, with a
 * suggestion; repeated column; no "code" column; no header row; a
 * stray or unclosed quote, at the cell where it starts; bytes that are
 * not UTF-8, or NUL; a cell over doc_limits_data.max_scalar_bytes; a
 * file over max_file_bytes, empty, or UTF-16). The caller marks df
 * failed on -1 (data_file_fail), so no unit of the file is kept.
 */
int csv_input_load(data_file *df, const chiso_model *m, const char *buf,
                   size_t len);

/* The columns of a batch file of model m (CSV, a workbook): code, name,
 * level, parent, period, stage, then every input id in model order. */
size_t csv_template_ncols(const chiso_model *m);

/* Column col of that layout: returns its header name (borrowed from m or
 * static) and puts into label (reset first) its label: "# Mã đơn vị
 * (code)" for the first (so that a labels row is a comment), an input's
 * label and " (unit)" (line breaks made spaces). */
const char *csv_template_column(const chiso_model *m, size_t col,
                                strbuf *label);

/*
 * Writes the header row matching model m (code, name, level, parent,
 * period, stage, then every input id in model order), and when labels is
 * 1 a second row of labels ("# Mã đơn vị (code)", ..., each input's
 * label and " (unit)"; line breaks made spaces) that csv_input_load()
 * skips as a comment. o gives the separator (',' or ';'), the BOM (for
 * Excel) and the formula guard (1, the default, writes a label a
 * spreadsheet would run as a formula with a leading ': util/csvw.h);
 * fields are quoted only when they hold the separator, a quote or a
 * line break; rows end with CRLF, as Excel writes them.
 */
void csv_template_write(const chiso_model *m, FILE *f, int labels,
                        const csvw_opts *o);

#endif
