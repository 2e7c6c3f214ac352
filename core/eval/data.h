/*
 * data.h - reading units' data files (YAML, JSON, JSON Lines, CSV, .xlsx) into
 * a batch, checking every value against the model's inputs.
 *
 * Accepted shapes: one unit ({unit, stage, values}); many units
 * ({units: [{unit, stage, values}, ...]}); and a results document written
 * by "chiso evaluate --format json", whose units carry their values, so
 * that last year's results can be re-scored under this year's model.
 *
 * Each format's reader hands unit records to data_file.h, which checks
 * them. A file that cannot be read, parsed, or whose shape is wrong
 * (unknown top-level key, a unit without a code) is an error of the
 * file: nothing of it is added. A unit whose values are wrong is added
 * as invalid with its problems ("FILE:LINE:COL: unit CODE: field NAME:
 * reason"); the other units still evaluate.
 */
#ifndef CHISO_DATA_H
#define CHISO_DATA_H

#include "eval/batch.h"
#include "util/diag.h"
#include "util/strbuf.h"

/*
 * Reads the file at path into b: YAML; JSON (validated whole, then read
 * one unit at a time); JSON Lines (".jsonl", one unit record per line,
 * read as a stream); CSV (".csv", see csv_input.h); or an Excel workbook
 * (".xlsx", see xlsx_input.h). Returns 0 when the
 * file was read (some units may be invalid), -1 when the file itself is
 * bad (errors in d; nothing of it added).
 */
int data_load_file(batch *b, const char *path, diag *d);

/* Same, from text in memory. */
int data_load_buffer(batch *b, const char *path, const char *buf, size_t len,
                     diag *d);

/* Marks as invalid every unit that repeats the code, period and stage of
 * an earlier one. Call once after all files are read. */
void data_check_duplicates(batch *b);

/* 1 when input i of row (a unit's values) is below its minimum (upper
 * 0) or above its maximum (upper 1), a number or another input of the
 * row, with why appended ("30 is above its maximum officials_total =
 * 21"); else 0. */
int data_bound_problem(const chiso_model *m, const unit_value *row, size_t i,
                       int upper, strbuf *why);

/* data_bound_problem()'s text in the run's language, appended to shown,
 * for a problem data_bound_problem() found. */
void data_bound_shown(const chiso_model *m, const unit_value *row, size_t i,
                      int upper, strbuf *shown);

/* Adds each invalid unit's problems to d as errors. */
void data_report_problems(const batch *b, diag *d);

#endif
