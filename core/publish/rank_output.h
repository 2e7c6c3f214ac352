/*
 * rank_output.h - a ranking as text: an aligned table for the terminal,
 * CSV for spreadsheets (columns start rank,code,name,value,points,max;
 * optional UTF-8 BOM for Excel), JSON, and Markdown. Every value is the
 * published one: rounded to the model's precision (numfmt_fixed).
 * HTML and xlsx are in report_html.h and rank_xlsx.h.
 */
#ifndef CHISO_RANK_OUTPUT_H
#define CHISO_RANK_OUTPUT_H

#include "publish/rank.h"
#include "util/csvw.h"

#include <stdio.h>

void rank_write_table(const rank_table *t, FILE *f);
/* CSV as o says: separator, BOM, formula guard (util/csvw.h). */
void rank_write_csv(const rank_table *t, FILE *f, const csvw_opts *o);
void rank_write_json(const rank_table *t, FILE *f);
void rank_write_md(const rank_table *t, FILE *f);

/* The class name of unit u in its model, or "" when it has none. */
const char *rank_class_name(const rank_table *t, size_t u);

#endif
