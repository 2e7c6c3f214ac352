/*
 * gaps.h - "what to do next to gain the most": for each unit, the
 * indicators not at full points, sorted by the points still to gain,
 * with the method's hint of the input value that would earn them (when
 * the method can say so; see chiso_outcome.hint in plugin.h).
 */
#ifndef CHISO_GAPS_H
#define CHISO_GAPS_H

#include "read/results_set.h"
#include "util/sheetw.h"
#include "util/diag.h"

#include <stdio.h>

typedef enum gaps_format {
	GAPS_TABLE = 0,
	GAPS_CSV,
	GAPS_JSON,
	GAPS_XLSX
} gaps_format;

/*
 * Writes the gaps of every scored unit of set (only unit `code` when not
 * NULL): CSV and xlsx as rows into `rows` (util/sheetw.h), the other
 * formats to f. Returns 0, or -1 with
 * an error in d when code names no unit of the set.
 */
int gaps_write(const rs_set *set, const char *code, gaps_format format,
               sheetw *rows, FILE *f, diag *d);

#endif
