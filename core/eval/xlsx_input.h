/*
 * xlsx_input.h - unit data from an Excel workbook (.xlsx): its first
 * worksheet laid out as the CSV template (row 1 the header code, name,
 * level, parent, period, stage, then input ids; '#' rows comments; one
 * unit per row), read with read/xlsx_sheet.h and checked row by row as
 * CSV rows are (table_input.h).
 *
 * A cell's value: a number as the workbook saved it (its shortest
 * decimal text, as the CSV reader would parse it); TRUE or FALSE for a
 * boolean cell; the text of a shared or inline string; a formula's saved
 * result (a formula without one makes the file bad); an error value
 * (#DIV/0!, #N/A) makes its unit invalid, naming the cell and the error.
 * A number in a date format is written YYYY-MM-DD for a text input or an
 * identity column. Messages name the cell:
 * "FILE:Sheet1!D7: unit CODE: field NAME: reason".
 */
#ifndef CHISO_XLSX_INPUT_H
#define CHISO_XLSX_INPUT_H

#include "eval/data_file.h"
#include "model/model.h"

#include <stddef.h>

/*
 * Reads the workbook buf[0..len) into df's batch, checking its header
 * against model m. Returns 0 when the file was read (some units may be
 * invalid), -1 when the file itself is bad (not a workbook, past a limit,
 * malformed, a bad header; errors in df's diag). The caller marks df
 * failed on -1 (data_file_fail).
 */
int xlsx_input_load(data_file *df, const chiso_model *m, const char *buf,
                    size_t len);

#endif
