/*
 * sensitivity_output.h - a sensitivity analysis (publish/sensitivity.h)
 * as text: an aligned table for the terminal, CSV for spreadsheets (one
 * row per ranked unit), JSON and Markdown. HTML is in
 * sensitivity_html.h.
 *
 * Every format gives, per unit: the nominal rank (chiso rank's), the
 * median rank, the 5th and 95th percentiles, the largest shift and the
 * share of runs that keep the unit at its rank or better; the table,
 * JSON and Markdown also what was varied, the mean absolute rank shift,
 * how often the top units hold, and the first-order index of each
 * varied factor, highest first.
 *
 * Ownership: the writers keep nothing; they borrow the result.
 */
#ifndef CHISO_SENSITIVITY_OUTPUT_H
#define CHISO_SENSITIVITY_OUTPUT_H

#include "publish/sensitivity.h"
#include "util/csvw.h"

#include <stdio.h>

void sens_write_table(const sens_result *r, FILE *f);
/* CSV as o says: separator, BOM, formula guard (util/csvw.h). */
void sens_write_csv(const sens_result *r, FILE *f, const csvw_opts *o);
void sens_write_json(const sens_result *r, FILE *f);
void sens_write_md(const sens_result *r, FILE *f);

/* "main 4", "indicator 2.3" or "missing data": the label of factor k
 * of r, into buf of size n. Returns buf. */
char *sens_factor_label(const sens_result *r, size_t k, char *buf, size_t n);

/* The name of factor k (the node's; the policies for missing data).
 * Borrowed from the result. */
const char *sens_factor_name(const sens_result *r, size_t k);

#endif
