/*
 * compare.h - two sets of results side by side, units matched by code.
 *
 * Year over year (BASE is last year's results): per unit the change in
 * value, points and rank, per main index and view; units that appear or
 * disappear; and a warning listing the differences when the two results
 * come from different models (a score is only comparable under the same
 * model and version).
 *
 * Self-assessed vs appraised (the same period, different stages): per
 * unit the indicators whose points differ, by how much, with the raw
 * values and the input values behind them; largest differences first.
 *
 * The mode is chosen from the data (same period and different stages:
 * stages; else years) unless given.
 */
#ifndef CHISO_COMPARE_H
#define CHISO_COMPARE_H

#include "read/results_set.h"
#include "util/sheetw.h"
#include "util/diag.h"

#include <stdio.h>

typedef enum compare_mode {
	COMPARE_AUTO = 0,
	COMPARE_YEARS,
	COMPARE_STAGES
} compare_mode;

typedef enum compare_format {
	COMPARE_TABLE = 0,
	COMPARE_CSV,
	COMPARE_JSON,
	COMPARE_MD,
	COMPARE_XLSX
} compare_format;

/*
 * Compares base with new and writes the report: CSV and xlsx as rows
 * into `rows` (util/sheetw.h), the other formats to f. Returns 0, or -1 with errors in d (a set whose
 * unit codes repeat, or nothing in common and nothing to report).
 */
int compare_write(const rs_set *base, const rs_set *new_set, compare_mode mode,
                  compare_format format, sheetw *rows, FILE *f, diag *d);

#endif
