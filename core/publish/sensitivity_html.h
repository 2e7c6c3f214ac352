/*
 * sensitivity_html.h - a sensitivity analysis drawn: each unit's rank
 * interval (5th to 95th percentile over the runs, the median and the
 * nominal rank) as inline SVG, in a self-contained HTML page (chiso
 * sensitivity -f html) and as a section of the report (chiso report
 * --sensitivity SENS.json).
 *
 * Like the report (publish/report_html.h): no scripts, nothing loaded
 * from elsewhere (a Content-Security-Policy says so), Vietnamese, UTF-8;
 * every text from a file escaped, every number printed the same on
 * every machine (SVG coordinates to one decimal).
 *
 * Ownership: the writers keep nothing; they borrow what they draw.
 */
#ifndef CHISO_SENSITIVITY_HTML_H
#define CHISO_SENSITIVITY_HTML_H

#include "publish/rank.h"
#include "publish/sensitivity.h"
#include "publish/sensitivity_read.h"

#include <stdio.h>

/* One unit's interval, as drawn. */
typedef struct sens_interval {
	const char *code, *name;
	size_t rank, median, p05, p95;
	double keeps_place;
} sens_interval;

/*
 * Draws the intervals of n units of a group of `places` ranks (the
 * rows in rank order) as an SVG figure: a bar from p05 to p95 on an
 * axis of ranks 1..places, a dot at the median, a tick at the nominal
 * rank, and "p05-p95 · keeps%" after it.
 */
void sens_html_intervals(FILE *f, const sens_interval *rows, size_t n,
                         size_t places);

/*
 * The report's section for group g of t: a heading (tag "h2" or "h3"),
 * what the runs varied and the intervals of the group's units that s
 * analysed (a note names how many it did not).
 */
void sens_html_report_section(FILE *f, const char *tag, const rank_table *t,
                              const rank_group *g, const sens_doc *s);

/* The analysis r as one self-contained HTML page; title may be NULL. */
void sens_write_html(const sens_result *r, FILE *f, const char *title);

#endif
