/*
 * rank.h - official rankings from results: competition ranking
 * ("15, 15, 17"), overall or within groups (units of the same parent or
 * level), with a rank per main index and per view beside the main one.
 *
 * Ties are decided on the values as published: each value is rounded
 * once, to its model's precision (numfmt_round: 15 significant digits,
 * then half away from zero), and units whose rounded values are equal
 * share a rank; the next rank skips as many places as units tied. Within
 * a tie, rows are listed by code.
 *
 * Invalid units and units with an indicator in error are not ranked;
 * they are listed apart (rank_table.unranked) with their status.
 *
 * Ownership: rank_build() fills a table freed by rank_free(); it borrows
 * the results set, which must outlive it.
 */
#ifndef CHISO_RANK_H
#define CHISO_RANK_H

#include "read/results_set.h"
#include "util/diag.h"

/* What is ranked: the total value, a node's or a view's. */
typedef struct rank_measure {
	enum { MEASURE_TOTAL, MEASURE_NODE, MEASURE_VIEW } kind;
	const char *id;   /* "total", a node id or a view id */
	const char *name; /* for headings */
	int *index;       /* per model of the set: node/view index, -1 */
} rank_measure;

typedef enum rank_grouping {
	GROUP_NONE = 0,
	GROUP_PARENT,
	GROUP_LEVEL
} rank_grouping;

typedef struct rank_opts {
	const char *by; /* NULL or "total", a node id, a view id */
	rank_grouping group;
	int allow_mixed; /* rank units of different models together */
} rank_opts;

typedef struct rank_group {
	const char *key;     /* parent code or level; "" when none */
	const char *title;   /* the parent's name when known, else the key */
	size_t first, count; /* rows [first, first + count) */
} rank_group;

typedef struct rank_table {
	const rs_set *set;
	size_t model; /* the first file's model: columns, precision */
	int precision;
	rank_measure by;
	rank_grouping group; /* as asked */
	rank_measure *cols;  /* main indices, then views */
	size_t ncols;
	size_t *rows;      /* unit indices, in output order */
	size_t *rank;      /* per row: rank by `by` within its group */
	double *value;     /* per row: `by` as published */
	double *col_value; /* nrows x ncols, as published; NAN = none */
	size_t *col_rank;  /* nrows x ncols; 0 = none */
	size_t nrows;
	rank_group *groups;
	size_t ngroups;
	size_t *unranked; /* unit indices: invalid or failed */
	size_t nunranked;
} rank_table;

/*
 * Ranks the units of set by o. Returns 0, or -1 with errors in d: a
 * --by that names no node or view (with a suggestion), units of
 * different models without allow_mixed (naming the files), or a unit
 * code that appears twice.
 */
int rank_build(rank_table *t, const rs_set *set, const rank_opts *o, diag *d);

/* "none", "parent" or "level". */
const char *rank_grouping_name(rank_grouping g);

/* Frees what rank_build() allocated. */
void rank_free(rank_table *t);

/* The i-th unit listed by the table: its ranked rows in order, then the
 * units not ranked; i < t->nrows + t->nunranked. Borrowed from t->set. */
const rs_unit *rank_listed_unit(const rank_table *t, size_t i);

/* 1 when a unit of the table (ranked or not) was made by chiso merge. */
int rank_has_merged(const rank_table *t);

/* 1 when a listed unit lacked required inputs (rs_unit.missing): scored
 * by its model's missing policy, which a reader of the ranking must
 * know. */
int rank_has_incomplete(const rank_table *t);

/*
 * Competition ranks of n values, highest first: ranks[i] is 1 + the
 * number of values strictly greater than values[i]. Values must already
 * be rounded as published. NAN values get rank 0 (unranked).
 */
void rank_competition(const double *values, size_t n, size_t *ranks);

#endif
