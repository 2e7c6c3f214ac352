/*
 * csv_input.h - unit data from a CSV file as a spreadsheet exports it:
 * one row per unit; columns code, name, level, parent, period, optional
 * stage, then one column per model input id (any order). RFC 4180
 * quoting, UTF-8 with or without a BOM, ',' or ';' as separator (taken
 * from the header row), an empty cell is a missing value. Parsed with
 * libcsv, one row at a time: each row becomes a unit record for the data
 * reader, so values are checked exactly as in YAML and JSON files, and a
 * bad value is reported as "FILE:ROW:COLUMN: unit CODE: field NAME:
 * reason" (ROW counts records, the header being row 1).
 */
#ifndef CHISO_CSV_INPUT_H
#define CHISO_CSV_INPUT_H

#include "data.h"
#include "model.h"

#include <stdio.h>

/*
 * Reads the CSV text buf[0..len) into df's batch, checking the header
 * against model m. Returns 0 when the file was read (some units may be
 * invalid), -1 when the file itself is bad (bad header: unknown or
 * repeated column, no "code" column; unbalanced quotes; not UTF-8):
 * errors then in df's diag.
 */
int csv_input_load(data_file *df, const chiso_model *m, const char *buf,
                   size_t len);

/*
 * Writes the header row matching model m (code, name, level, parent,
 * period, stage, then every input id in model order), and when labels is
 * 1 a second row of labels ("Mã đơn vị", ..., each input's label and
 * unit) that csv_input_load() recognises and skips. sep is ',' or ';';
 * bom 1 starts the file with a UTF-8 BOM (for Excel).
 */
void csv_template_write(const chiso_model *m, FILE *f, char sep, int labels,
                        int bom);

#endif
