/*
 * criteria_import.h - a model skeleton from a published table of
 * criteria ("chiso import-criteria"): a CSV file or an .xlsx workbook
 * whose header names the columns code, name, max_points and optionally
 * group, method, params, mandatory, source (any order, any case).
 *
 * The tree comes from the codes: "4.22.3" sits under the nearest code
 * above it that has a row ("4.22", else "4"). With a group column, each
 * group is a main index: its id is the first part of its criteria's
 * codes ("1" for 1.1, 1.2, ...), or "G1", "G2", ... in the order the
 * groups come when its codes do not share one; its name is the group's
 * text. Without groups, the codes of one part are the main indices. A
 * parent's points are the sum of its children's unless its row gives
 * them, and then they must agree. Each criterion without a method gets
 * the placeholder method MODEL_METHOD_PLACEHOLDER ("todo"), which the
 * model loader refuses, saying what to fill in. Names are kept as
 * written, brought to Unicode NFC.
 *
 * Refused, each at its FILE:ROW:COL (FILE:SHEET!B7 in a workbook): an
 * unknown, repeated or missing column; an empty or malformed code; a
 * code used twice; a criterion none of whose parents has a row (without
 * groups); points that are not a number, negative, or missing on a
 * criterion; a parent whose points disagree with its children's sum; a
 * method that is not a method name, or given on a row that has criteria
 * under it; params that are not a one-line mapping; a mandatory cell
 * that is not a yes/no word; a name with a control character.
 */
#ifndef CHISO_CRITERIA_IMPORT_H
#define CHISO_CRITERIA_IMPORT_H

#include "util/diag.h"
#include "util/read_limits.h"
#include "util/strbuf.h"

#include <stddef.h>

/* The model section's texts; NULL for the defaults: id from the file's
 * name, title naming the file, version "1", no level. */
typedef struct criteria_import_opts {
	const char *id, *title, *version, *level;
} criteria_import_opts;

/* What was imported. */
typedef struct criteria_import_stats {
	size_t criteria;   /* indicators (leaves) */
	size_t roots;      /* main indices */
	size_t todo;       /* indicators given the placeholder method */
	size_t normalized; /* names and texts brought to NFC */
	double points;     /* the model's total */
} criteria_import_stats;

/*
 * Reads the table at path (within lim) and appends the model's YAML to
 * out. Returns 0, or -1 with the errors in d (out then holds nothing of
 * use). Warnings (a level of codes without its row: the criteria are
 * placed under the nearest parent that has one) go to d too.
 */
int criteria_import(const char *path, const criteria_import_opts *o,
                    const doc_limits *lim, strbuf *out, diag *d,
                    criteria_import_stats *st);

#endif
