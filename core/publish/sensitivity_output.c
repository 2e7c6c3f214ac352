/*
 * sensitivity_output.c - a sensitivity analysis as a table, CSV, JSON
 * and Markdown (sensitivity_output.h).
 */
#include "config.h"

#include "publish/sensitivity_output.h"

#include "util/escape.h"
#include "util/jsonw.h"
#include "util/markup.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/texttable.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NAME_COLS 40
#define NCOLS     10

/* --- shared --------------------------------------------------------------- */

char *sens_factor_label(const sens_result *r, size_t k, char *buf, size_t n)
{
	const sens_factor *f = &r->factors[k];
	const rs_model *m = &r->t.set->models[r->t.model];

	if (f->kind == SENS_FACTOR_MISSING)
		snprintf(buf, n, "missing data");
	else
		snprintf(buf, n, "%s %s", sens_factor_kind_name(f->kind),
		         m->nodes[f->node].id);
	return buf;
}

const char *sens_factor_name(const sens_result *r, size_t k)
{
	const sens_factor *f = &r->factors[k];

	if (f->kind == SENS_FACTOR_MISSING)
		return "zero or exclude";
	return r->t.set->models[r->t.model].nodes[f->node].name;
}

/* A share as a percentage to one decimal: "87.3%". */
static const char *percent(double share, char *buf)
{
	numfmt_fixed(share * 100, 1, buf);
	strcat(buf, "%");
	return buf;
}

/* Writes s, text from a results document: escaped as Markdown in
 * Markdown, with its control characters shown in a table. */
static void put(FILE *f, const char *s, int md)
{
	if (md)
		markup_md_fputs(s, f);
	else
		escape_fputs(s, f);
}

/* The heading: what was ranked, by which model, and what varied. */
static void heading(const sens_result *r, FILE *f, const char *prefix, int md)
{
	const rs_model *m = &r->t.set->models[r->t.model];
	strbuf sb = STRBUF_INIT;
	char sha[13];

	snprintf(sha, sizeof(sha), "%.12s", m->sha256);
	fprintf(f, "%sSensitivity of the ranking by ", prefix);
	put(f, r->t.by.name, md);
	if (r->t.by.kind != MEASURE_TOTAL) {
		fputs(" (", f);
		put(f, r->t.by.id, md);
		fputc(')', f);
	}
	fputs(" · model ", f);
	put(f, m->id, md);
	fputc(' ', f);
	put(f, m->version, md);
	fprintf(f, " (sha256 %s) · %zu unit%s ranked\n", sha, r->t.nrows,
	        r->t.nrows == 1 ? "" : "s");
	if (md)
		fputc('\n', f);
	sens_describe(r, &sb);
	fprintf(f, "%zu runs, seed %llu: ", r->o.runs,
	        (unsigned long long)r->o.seed);
	put(f, strbuf_str(&sb), md);
	fputc('\n', f);
	strbuf_release(&sb);
}

/* The unit's cells: rank, code, name, value, median, P05, P95, max
 * shift, keeps place, holds rank. */
static void unit_cells(const sens_result *r, size_t row, const char **cells,
                       char (*bufs)[NUMFMT_MAX])
{
	const rs_unit *u = &r->t.set->units[r->t.rows[row]];
	const sens_unit *s = &r->units[row];

	snprintf(bufs[0], NUMFMT_MAX, "%zu", r->t.rank[row]);
	cells[0] = bufs[0];
	cells[1] = u->code;
	cells[2] = *u->name ? u->name : u->code;
	cells[3] = numfmt_fixed(r->t.value[row], r->t.precision, bufs[3]);
	snprintf(bufs[4], NUMFMT_MAX, "%zu", s->median);
	cells[4] = bufs[4];
	snprintf(bufs[5], NUMFMT_MAX, "%zu", s->p05);
	cells[5] = bufs[5];
	snprintf(bufs[6], NUMFMT_MAX, "%zu", s->p95);
	cells[6] = bufs[6];
	snprintf(bufs[7], NUMFMT_MAX, "%zu", s->max_shift);
	cells[7] = bufs[7];
	cells[8] = percent(s->keeps_place, bufs[8]);
	cells[9] = percent(s->holds_rank, bufs[9]);
}

static const char *const heads[NCOLS] = {
        "Rank", "Code", "Name",      "Value",       "Median",
        "P05",  "P95",  "Max shift", "Keeps place", "Holds rank"};

/* "mean absolute rank shift" and top lines. */
static void summary_lines(const sens_result *r, FILE *f, const char *bullet)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];

	fprintf(f, "%sMean absolute rank shift: %s places per unit and run.\n",
	        bullet, numfmt_fixed(r->mean_shift, 4, a));
	if (r->ntop)
		fprintf(f,
		        "%sTop %zu (%zu unit%s of nominal rank %zu or "
		        "better%s): "
		        "all hold their ranks in %s of runs.\n",
		        bullet, r->o.top, r->ntop, r->ntop == 1 ? "" : "s",
		        r->o.top, r->t.ngroups > 1 ? " in their group" : "",
		        percent(r->top_held, b));
}

/* The estimator, in one sentence. */
static void estimator_line(const sens_result *r, FILE *f)
{
	char bias[NUMFMT_MAX];

	fprintf(f,
	        "First-order sensitivity index of each varied factor: the "
	        "share of the variance of the runs' mean absolute rank "
	        "shift that the factor alone explains (" SENS_ESTIMATOR
	        "; %zu classes of %zu runs; an index below about %s cannot "
	        "be told from 0).\n",
	        r->classes, r->o.runs,
	        numfmt_trim((double)(r->classes - 1) / (double)r->o.runs, 4,
	                    bias));
}

/* A first-order index, or "-" when the shifts did not vary. */
static const char *index_text(double x, char *buf)
{
	if (isnan(x))
		return strcpy(buf, "-");
	return numfmt_fixed(x, 4, buf);
}

/* --- table ----------------------------------------------------------------- */

/* One group's table. */
static void table_group(const sens_result *r, const rank_group *g, FILE *f)
{
	texttable *tt = texttable_new(NCOLS);
	const char *cells[NCOLS];
	char bufs[NCOLS][NUMFMT_MAX];
	size_t row, c;

	for (c = 0; c < NCOLS; c++)
		if (c != 1 && c != 2)
			texttable_right(tt, c);
	texttable_max(tt, 2, NAME_COLS);
	texttable_row(tt, heads);
	for (row = g->first; row < g->first + g->count; row++) {
		unit_cells(r, row, cells, bufs);
		texttable_row(tt, cells);
	}
	texttable_print(tt, f);
	texttable_free(tt);
}

/* The factors' table. */
static void table_factors(const sens_result *r, FILE *f)
{
	texttable *tt = texttable_new(3);
	const char *cells[3] = {"Factor", "Name", "Index"};
	char label[96], idx[NUMFMT_MAX];
	size_t k;

	texttable_right(tt, 2);
	texttable_max(tt, 1, NAME_COLS);
	texttable_row(tt, cells);
	for (k = 0; k < r->nfactors; k++) {
		cells[0] = sens_factor_label(r, k, label, sizeof(label));
		cells[1] = sens_factor_name(r, k);
		cells[2] = index_text(r->factors[k].index, idx);
		texttable_row(tt, cells);
	}
	texttable_print(tt, f);
	texttable_free(tt);
}

/* The units not ranked, one line each. */
static void unranked_lines(const sens_result *r, FILE *f, int md)
{
	size_t k;

	for (k = 0; k < r->t.nunranked; k++) {
		const rs_unit *u = &r->t.set->units[r->t.unranked[k]];

		fputs(md ? "- Not ranked: " : "Not ranked: ", f);
		put(f, u->code, md);
		fputc(' ', f);
		put(f, u->name, md);
		fputs(u->status == RS_INVALID ? ": invalid\n"
		                              : ": an indicator failed\n",
		      f);
	}
}

/* A group's title line. */
static void group_line(const rank_group *g, FILE *f, const char *prefix, int md)
{
	fputs(prefix, f);
	put(f, g->title, md);
	fputs(" (", f);
	put(f, *g->key ? g->key : "-", md);
	fputs(")\n", f);
}

void sens_write_table(const sens_result *r, FILE *f)
{
	size_t g;

	heading(r, f, "", 0);
	for (g = 0; g < r->t.ngroups; g++) {
		fputc('\n', f);
		if (r->t.ngroups > 1 || *r->t.groups[g].key)
			group_line(&r->t.groups[g], f, "", 0);
		table_group(r, &r->t.groups[g], f);
	}
	fputs("\nP05, P95: the 5th and 95th percentiles of the rank "
	      "(nearest-rank); Keeps place: runs at the rank or better; "
	      "Holds rank: runs at exactly the rank.\n",
	      f);
	summary_lines(r, f, "");
	if (r->nfactors) {
		fputc('\n', f);
		estimator_line(r, f);
		table_factors(r, f);
	}
	if (r->t.nunranked)
		fputc('\n', f);
	unranked_lines(r, f, 0);
}

/* --- CSV ------------------------------------------------------------------ */

void sens_write_csv(const sens_result *r, FILE *f, const csvw_opts *o)
{
	static const char *const cols[] = {
	        "rank",        "code",      "name",        "value",
	        "median_rank", "p05",       "p95",         "best",
	        "worst",       "max_shift", "keeps_place", "holds_rank",
	        "mean_shift"};
	int grouped = r->t.ngroups > 1 || (r->t.ngroups && *r->t.groups[0].key);
	char buf[NUMFMT_MAX];
	size_t c, g, row;
	csvw w;

	csvw_start(&w, f, o);
	for (c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
		csvw_text(&w, cols[c]);
	if (grouped)
		csvw_text(&w, "group");
	csvw_end(&w);
	for (g = 0; g < r->t.ngroups; g++)
		for (row = r->t.groups[g].first;
		     row < r->t.groups[g].first + r->t.groups[g].count; row++) {
			const rs_unit *u = &r->t.set->units[r->t.rows[row]];
			const sens_unit *s = &r->units[row];
			size_t ints[] = {s->median, s->p05,   s->p95,
			                 s->best,   s->worst, s->max_shift};

			snprintf(buf, sizeof(buf), "%zu", r->t.rank[row]);
			csvw_number(&w, buf);
			csvw_text(&w, u->code);
			csvw_text(&w, u->name);
			csvw_number(&w, numfmt_fixed(r->t.value[row],
			                             r->t.precision, buf));
			for (c = 0; c < sizeof(ints) / sizeof(ints[0]); c++) {
				snprintf(buf, sizeof(buf), "%zu", ints[c]);
				csvw_number(&w, buf);
			}
			csvw_number(&w, numfmt_fixed(s->keeps_place, 4, buf));
			csvw_number(&w, numfmt_fixed(s->holds_rank, 4, buf));
			csvw_number(&w, numfmt_fixed(s->mean_shift, 4, buf));
			if (grouped)
				csvw_text(&w, r->t.groups[g].key);
			csvw_end(&w);
		}
}

/* --- JSON ----------------------------------------------------------------- */

/* "vary": what the runs varied. */
static void json_vary(const sens_result *r, jsonw *w)
{
	const sens_spec *s = &r->o.spec;
	int k;

	jsonw_key(w, "vary");
	jsonw_object(w, 0);
	jsonw_key(w, "main");
	if (s->vary_main)
		jsonw_number(w, r->o.spread_main);
	else
		jsonw_null(w);
	jsonw_key(w, "indicators");
	if (s->vary_indicators)
		jsonw_number(w, r->o.spread_indicators);
	else
		jsonw_null(w);
	jsonw_key(w, "missing");
	jsonw_array(w, 1);
	for (k = 0; k < s->npolicies; k++)
		jsonw_string(w, s->policy[k] == SENS_POLICY_RESULTS
		                        ? "results"
		                        : sens_policy_name(s->policy[k]));
	jsonw_end(w);
	jsonw_end(w);
}

/* "first_order": the estimator and each factor's index. */
static void json_factors(const sens_result *r, jsonw *w)
{
	const rs_model *m = &r->t.set->models[r->t.model];
	size_t k;

	jsonw_key(w, "first_order");
	jsonw_object(w, 0);
	jsonw_kstring(w, "output", "the run's mean absolute rank shift");
	jsonw_kstring(w, "estimator", SENS_ESTIMATOR);
	jsonw_knumber(w, "classes", (double)r->classes);
	jsonw_key(w, "factors");
	jsonw_array(w, 0);
	for (k = 0; k < r->nfactors; k++) {
		const sens_factor *f = &r->factors[k];

		jsonw_object(w, 1);
		jsonw_kstring(w, "kind", sens_factor_kind_name(f->kind));
		jsonw_key(w, "id");
		if (f->kind == SENS_FACTOR_MISSING)
			jsonw_null(w);
		else
			jsonw_string(w, m->nodes[f->node].id);
		jsonw_kstring(w, "name", sens_factor_name(r, k));
		jsonw_key(w, "index");
		if (isnan(f->index))
			jsonw_null(w);
		else
			jsonw_number(w, numfmt_round(f->index, 4));
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_end(w);
}

/* One ranked unit. */
static void json_unit(const sens_result *r, jsonw *w, size_t row,
                      const rank_group *g, int grouped)
{
	const rs_unit *u = &r->t.set->units[r->t.rows[row]];
	const sens_unit *s = &r->units[row];

	jsonw_object(w, 1);
	jsonw_kstring(w, "code", u->code);
	jsonw_kstring(w, "name", u->name);
	if (grouped)
		jsonw_kstring(w, "group", g->key);
	jsonw_knumber(w, "rank", (double)r->t.rank[row]);
	jsonw_knumber(w, "value",
	              numfmt_round(r->t.value[row], r->t.precision));
	jsonw_knumber(w, "median_rank", (double)s->median);
	jsonw_knumber(w, "p05", (double)s->p05);
	jsonw_knumber(w, "p95", (double)s->p95);
	jsonw_knumber(w, "best", (double)s->best);
	jsonw_knumber(w, "worst", (double)s->worst);
	jsonw_knumber(w, "max_shift", (double)s->max_shift);
	jsonw_knumber(w, "keeps_place", s->keeps_place);
	jsonw_knumber(w, "holds_rank", s->holds_rank);
	jsonw_knumber(w, "mean_shift", s->mean_shift);
	jsonw_end(w);
}

void sens_write_json(const sens_result *r, FILE *f)
{
	const rs_model *m = &r->t.set->models[r->t.model];
	int grouped = r->t.ngroups > 1 || (r->t.ngroups && *r->t.groups[0].key);
	size_t g, row, k;
	jsonw w;

	jsonw_init(&w, f);
	jsonw_object(&w, 0);
	jsonw_knumber(&w, "format", 1);
	jsonw_kstring(&w, "generator", PACKAGE_STRING);
	jsonw_kstring(&w, "analysis", "sensitivity");
	jsonw_key(&w, "model");
	jsonw_object(&w, 1);
	jsonw_kstring(&w, "id", m->id);
	jsonw_kstring(&w, "version", m->version);
	jsonw_kstring(&w, "sha256", m->sha256);
	jsonw_knumber(&w, "precision", r->t.precision);
	jsonw_end(&w);
	jsonw_key(&w, "by");
	jsonw_object(&w, 1);
	jsonw_kstring(&w, "id", r->t.by.id);
	jsonw_kstring(&w, "name", r->t.by.name);
	jsonw_end(&w);
	jsonw_kstring(&w, "group_by", rank_grouping_name(r->t.group));
	jsonw_knumber(&w, "runs", (double)r->o.runs);
	jsonw_knumber(&w, "seed", (double)r->o.seed);
	jsonw_kstring(&w, "random", SENS_GENERATOR);
	json_vary(r, &w);
	jsonw_kstring(&w, "percentiles", "nearest-rank");
	jsonw_key(&w, "summary");
	jsonw_object(&w, 1);
	jsonw_knumber(&w, "units", (double)r->t.nrows);
	jsonw_knumber(&w, "mean_abs_shift", numfmt_round(r->mean_shift, 4));
	jsonw_knumber(&w, "top", (double)r->o.top);
	jsonw_knumber(&w, "top_units", (double)r->ntop);
	jsonw_knumber(&w, "top_held", r->top_held);
	jsonw_end(&w);
	json_factors(r, &w);
	jsonw_key(&w, "units");
	jsonw_array(&w, 0);
	for (g = 0; g < r->t.ngroups; g++)
		for (row = r->t.groups[g].first;
		     row < r->t.groups[g].first + r->t.groups[g].count; row++)
			json_unit(r, &w, row, &r->t.groups[g], grouped);
	jsonw_end(&w);
	jsonw_key(&w, "unranked");
	jsonw_array(&w, 0);
	for (k = 0; k < r->t.nunranked; k++) {
		const rs_unit *u = &r->t.set->units[r->t.unranked[k]];

		jsonw_object(&w, 1);
		jsonw_kstring(&w, "code", u->code);
		jsonw_kstring(&w, "name", u->name);
		jsonw_kstring(&w, "status",
		              u->status == RS_INVALID ? "invalid" : "error");
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
}

/* --- Markdown ------------------------------------------------------------- */

/* A Markdown table cell, its text escaped. */
static void md_cell(FILE *f, const char *s)
{
	fputs("| ", f);
	markup_md_fputs(s, f);
	fputc(' ', f);
}

/* One group as a Markdown table. */
static void md_group(const sens_result *r, const rank_group *g, FILE *f)
{
	const char *cells[NCOLS];
	char bufs[NCOLS][NUMFMT_MAX];
	size_t row, c;

	for (c = 0; c < NCOLS; c++)
		md_cell(f, heads[c]);
	fputs("|\n", f);
	for (c = 0; c < NCOLS; c++)
		fputs(c == 1 || c == 2 ? "|---" : "|---:", f);
	fputs("|\n", f);
	for (row = g->first; row < g->first + g->count; row++) {
		unit_cells(r, row, cells, bufs);
		for (c = 0; c < NCOLS; c++)
			md_cell(f, cells[c]);
		fputs("|\n", f);
	}
}

void sens_write_md(const sens_result *r, FILE *f)
{
	char label[96], idx[NUMFMT_MAX];
	size_t g, k;

	heading(r, f, "# ", 1);
	for (g = 0; g < r->t.ngroups; g++) {
		fputc('\n', f);
		if (r->t.ngroups > 1 || *r->t.groups[g].key) {
			group_line(&r->t.groups[g], f, "## ", 1);
			fputc('\n', f);
		}
		md_group(r, &r->t.groups[g], f);
	}
	fputs("\nP05, P95: the 5th and 95th percentiles of the rank "
	      "(nearest-rank); Keeps place: runs at the rank or better; "
	      "Holds rank: runs at exactly the rank.\n\n",
	      f);
	summary_lines(r, f, "- ");
	if (r->nfactors) {
		fputc('\n', f);
		estimator_line(r, f);
		fputs("\n| Factor | Name | Index |\n|---|---|---:|\n", f);
		for (k = 0; k < r->nfactors; k++) {
			md_cell(f,
			        sens_factor_label(r, k, label, sizeof(label)));
			md_cell(f, sens_factor_name(r, k));
			md_cell(f, index_text(r->factors[k].index, idx));
			fputs("|\n", f);
		}
	}
	if (r->t.nunranked) {
		fputc('\n', f);
		unranked_lines(r, f, 1);
	}
}
