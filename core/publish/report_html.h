/*
 * report_html.h - the HTML report a province publishes: one
 * self-contained file (inline CSS and SVG drawn by chiso, no network, no
 * scripts from elsewhere), UTF-8 and Vietnamese-ready:
 *   - the ranking table (rank, code, name, value, points/max, class, and
 *     each main index and view with its own rank), per group;
 *   - a bar chart of the units' values (per group);
 *   - a heat map of units x main indices (value 0..1 as colour, the
 *     published value as text);
 *   - for each unit, a profile of its main indices against its group's
 *     average (bars or a radar drawn as SVG);
 *   - the model's identity (id, version, sha256), the generator, and the
 *     units not ranked with their reason;
 *   - with a sensitivity analysis (chiso sensitivity -f json), each
 *     unit's rank interval over its runs, per group
 *     (publish/sensitivity_html.h).
 * Text is HTML-escaped; values print to the model's precision exactly as
 * in the other formats.
 */
#ifndef CHISO_REPORT_HTML_H
#define CHISO_REPORT_HTML_H

#include "publish/rank.h"
#include "publish/sensitivity_read.h"

#include <stdio.h>

/* Writes the report of t to f. title may be NULL (then the model's). */
void report_html_write(const rank_table *t, FILE *f, const char *title);

/* The same with the rank intervals of sens (checked against t with
 * sens_doc_check() first), or without when sens is NULL. */
void report_html_write_sens(const rank_table *t, FILE *f, const char *title,
                            const sens_doc *sens);

#endif
