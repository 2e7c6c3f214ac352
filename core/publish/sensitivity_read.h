/*
 * sensitivity_read.h - a sensitivity analysis read back from the JSON
 * that "chiso sensitivity -f json" writes, for "chiso report
 * --sensitivity SENS.json", which draws each unit's rank interval
 * beside its ranking.
 *
 * What is read: the model's id, version and sha256, what was ranked
 * (by, group_by), the runs, the seed and what varied, and per unit its
 * code, rank, median rank, 5th and 95th percentiles and keeps_place.
 * sens_doc_check() then refuses an analysis of other results than the
 * report's: another model, another measure or grouping, or a unit whose
 * rank differs.
 *
 * Ownership: a sens_doc owns its parsed document and arrays
 * (sens_doc_free()); every string in it is borrowed from it.
 */
#ifndef CHISO_SENSITIVITY_READ_H
#define CHISO_SENSITIVITY_READ_H

#include "publish/rank.h"
#include "read/doc.h"
#include "util/diag.h"

#include <stddef.h>

typedef struct sens_doc_unit {
	const char *code;
	size_t rank, median, p05, p95;
	double keeps_place;
} sens_doc_unit;

typedef struct sens_doc {
	doc *tree;
	const char *path;
	const char *model_id, *model_version, *sha256;
	const char *by, *group_by;
	double runs, seed;
	double spread_main, spread_indicators; /* 0: not varied */
	int missing_varied;        /* the runs drew the missing-data policy */
	const char *missing_fixed; /* the one policy of every run ("zero",
	                              "exclude"), NULL when the runs drew
	                              one or counted as the results */
	sens_doc_unit *units;      /* sorted by code */
	size_t nunits;
} sens_doc;

/*
 * Reads the analysis at path (a JSON file of chiso sensitivity, within
 * lim). Returns 0, or -1 with "PATH[:LINE:COL]: message" in d: not
 * JSON, not a sensitivity analysis, a key missing or of the wrong type,
 * percentiles out of order.
 */
int sens_doc_read(sens_doc *s, const char *path, const doc_limits *lim,
                  diag *d);

/*
 * Refuses an analysis of other results than t's: another model (by
 * sha256), another --by or --group-by, or a unit ranked differently
 * (the results changed since). Returns 0 or -1 with the fix in d.
 */
int sens_doc_check(const sens_doc *s, const rank_table *t, diag *d);

/* The unit of this code, or NULL. Borrowed. */
const sens_doc_unit *sens_doc_find(const sens_doc *s, const char *code);

void sens_doc_free(sens_doc *s);

#endif
