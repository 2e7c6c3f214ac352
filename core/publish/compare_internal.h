/*
 * compare_internal.h - shared by compare.c (matching, model differences,
 * ranks, differences), the writers of its two modes (compare_years.c,
 * compare_stages.c) and the helpers both writers use (compare_common.c).
 */
#ifndef CHISO_COMPARE_INTERNAL_H
#define CHISO_COMPARE_INTERNAL_H

#include "publish/compare.h"
#include "util/numfmt.h"
#include "util/sheetw.h"
#include "util/strbuf.h"

struct pair {
	size_t b, n;    /* unit indices in base and new */
	double dpoints; /* new - base total points */
};

/* One indicator whose points differ (stages mode). */
struct diff {
	size_t pair;
	int nb, nn; /* node index in base's and new's model */
	double delta;
};

struct cmp {
	const rs_set *base, *next;
	compare_format fmt;
	sheetw *rows; /* CSV and xlsx: where the rows go */
	FILE *f;
	int prec;
	const rs_model *mb, *mn;
	struct pair *pairs;
	size_t npairs;
	size_t *appeared, nappeared, *gone, ngone;
	struct pair *invalid; /* matched, but not scored on a side */
	size_t ninvalid;
	size_t *rank_b, *rank_n; /* by unit index; 0 = not ranked */
	struct diff *diffs;
	size_t ndiffs;
	strbuf model_changes; /* "" when the models are the same */
};

/* Writes the year-over-year report in c->fmt. */
void cmp_write_years(const struct cmp *c);

/* Writes the self-vs-appraised report in c->fmt. */
void cmp_write_stages(const struct cmp *c);

/* "+0.0123", "-1.5000", "0.0000" to prec decimals, into buf of
 * CMP_NUM bytes; returns the text (which may start at buf + 1). */
#define CMP_NUM (NUMFMT_MAX + 1)
const char *cmp_signed_fixed(double x, int prec, char *buf);

/* Rank change, positive when the unit moved up ("+2"); "" when either
 * is unranked. buf has NUMFMT_MAX bytes. */
const char *cmp_rank_change(size_t rb, size_t rn, char *buf);

/* A rank, or "" for 0 (unranked). */
const char *cmp_rank_text(size_t r, char *buf);

/* The value of a main index (view = 0) or view of u in model m; NAN when
 * the model lacks it or the unit has no scores. */
double cmp_column_value(const rs_model *m, const rs_unit *u, const char *id,
                        int view);

/* Lists the units that appear on one side only, and the matched units
 * not compared because a side is invalid. */
void cmp_write_unmatched(const struct cmp *c, FILE *f);

/* Writes s, text from a results document: in Markdown (c->fmt)
 * escaped as Markdown, else with its control characters shown
 * (util/escape.h). */
void cmp_put(const struct cmp *c, const char *s, FILE *f);

/* A Markdown table cell: "| " and s escaped, then a space. */
void cmp_md_cell(const struct cmp *c, const char *s, FILE *f);

/* A stage's name in the run's language ("self" is "tự đánh giá" in
 * Vietnamese); other stages as they are. Borrowed, valid for the run. */
const char *cmp_stage_label(const char *stage);

/* printf-formatted text from a results document, written as cmp_put()
 * writes it; a line break that ends it is kept. */
void cmp_printf(const struct cmp *c, FILE *f, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Appends "id base -> new" for each input whose value differs. */
void cmp_value_changes(const rs_unit *b, const rs_unit *n, strbuf *sb);

#endif
