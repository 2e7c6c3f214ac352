/*
 * rank_output.c - rankings as a table, CSV, JSON and Markdown.
 */
#include "config.h"

#include "publish/rank_output.h"

#include "util/csvw.h"
#include "util/escape.h"
#include "util/i18n.h"
#include "util/jsonw.h"
#include "util/markup.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/texttable.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NAME_COLS 40

const char *rank_class_name(const rank_table *t, size_t u)
{
	const rs_unit *unit = &t->set->units[u];
	const rs_model *m = &t->set->models[unit->model];

	return unit->klass >= 0 ? m->classes[unit->klass].name : "";
}

/* The class id (short, for tables), or "-". */
static const char *class_id(const rank_table *t, size_t u)
{
	const rs_unit *unit = &t->set->units[u];
	const rs_model *m = &t->set->models[unit->model];

	return unit->klass >= 0 ? m->classes[unit->klass].id : "-";
}

/* A published value, or "" for none. */
static const char *val(const rank_table *t, double v, char *buf)
{
	if (isnan(v)) {
		buf[0] = '\0';
		return buf;
	}
	return numfmt_fixed(v, t->precision, buf);
}

/* "86.9170/100" */
static void points_text(const rank_table *t, const rs_unit *u, char *buf,
                        size_t size)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];

	snprintf(buf, size, "%s/%s", numfmt_fixed(u->points, t->precision, a),
	         numfmt_trim(u->max, t->precision, b));
}

/* Writes s, text from a results document: in Markdown escaped as
 * Markdown (markup.h), in a table with its control characters shown
 * (escape.h). */
static void put(FILE *f, const char *s, int md)
{
	if (md)
		markup_md_fputs(s, f);
	else
		escape_fputs(s, f);
}

/* The heading lines shared by table and Markdown. */
static void heading(const rank_table *t, FILE *f, const char *prefix, int md)
{
	const rs_model *m = &t->set->models[t->model];
	char sha[13];

	snprintf(sha, sizeof(sha), "%.12s", m->sha256);
	fprintf(f, _("%sRanking by "), prefix);
	/* the total's name is rank.c's English "Total" */
	put(f, t->by.kind == MEASURE_TOTAL ? _("Total") : t->by.name, md);
	if (t->by.kind != MEASURE_TOTAL) {
		fputs(" (", f);
		put(f, t->by.id, md);
		fputc(')', f);
	}
	fputs(_(" · model "), f);
	put(f, m->id, md);
	fputc(' ', f);
	put(f, m->version, md);
	fputs(" (sha256 ", f);
	put(f, sha, md);
	fprintf(f,
	        P_(") · %zu unit ranked\n", ") · %zu units ranked\n", t->nrows),
	        t->nrows);
}

/* --- table ----------------------------------------------------------- */

/* One group as an aligned table. */
static void table_group(const rank_table *t, const rank_group *g, FILE *f)
{
	size_t ncells = 6 + t->ncols, r, c;
	const char **cells = xcalloc(ncells, sizeof(char *));
	char(*bufs)[NUMFMT_MAX * 2] = xcalloc(ncells, sizeof(*bufs));
	texttable *tt = texttable_new(ncells);

	cells[0] = _("Rank");
	cells[1] = _("Code");
	cells[2] = _("Name");
	cells[3] = _("Value");
	cells[4] = _("Points");
	cells[5] = _("Class");
	for (c = 0; c < t->ncols; c++)
		cells[6 + c] = t->cols[c].id;
	texttable_right(tt, 0);
	texttable_right(tt, 3);
	texttable_right(tt, 4);
	for (c = 0; c < t->ncols; c++)
		texttable_right(tt, 6 + c);
	texttable_max(tt, 2, NAME_COLS);
	texttable_row(tt, cells);
	for (r = g->first; r < g->first + g->count; r++) {
		const rs_unit *u = &t->set->units[t->rows[r]];

		snprintf(bufs[0], sizeof(bufs[0]), "%zu", t->rank[r]);
		cells[0] = bufs[0];
		cells[1] = u->code;
		cells[2] = *u->name ? u->name : u->code;
		cells[3] = val(t, t->value[r], bufs[3]);
		points_text(t, u, bufs[4], sizeof(bufs[4]));
		cells[4] = bufs[4];
		cells[5] = class_id(t, t->rows[r]);
		for (c = 0; c < t->ncols; c++) {
			char v[NUMFMT_MAX];
			size_t i = r * t->ncols + c;

			if (isnan(t->col_value[i]))
				bufs[6 + c][0] = '\0';
			else
				snprintf(bufs[6 + c], sizeof(bufs[6 + c]),
				         "%s (%zu)", val(t, t->col_value[i], v),
				         t->col_rank[i]);
			cells[6 + c] = bufs[6 + c];
		}
		texttable_row(tt, cells);
	}
	texttable_print(tt, f);
	texttable_free(tt);
	free(bufs);
	free(cells);
}

/* The legend of the class ids, in the order they are checked. */
static void class_legend(const rank_table *t, FILE *f, const char *sep, int md)
{
	const rs_model *m = &t->set->models[t->model];
	size_t k;

	if (m->nclasses == 0)
		return;
	fputs(_("Classes:"), f);
	for (k = 0; k < m->nclasses; k++) {
		fputs(k ? sep : " ", f);
		put(f, m->classes[k].id, md);
		fputs(" = ", f);
		put(f, m->classes[k].name, md);
	}
	fputs(_("; - = none (see chiso evaluate or the results' "
	        "class_failed for why)\n"),
	      f);
}

/* The legend of the column ids. */
static void legend(const rank_table *t, FILE *f, const char *sep, int md)
{
	size_t c;

	if (t->ncols == 0)
		return;
	fputs(_("Columns:"), f);
	for (c = 0; c < t->ncols; c++) {
		fputs(c ? sep : " ", f);
		put(f, t->cols[c].id, md);
		fputs(" = ", f);
		put(f, t->cols[c].name, md);
		if (t->cols[c].kind == MEASURE_VIEW)
			fputs(_(" (view)"), f);
	}
	fprintf(f, md ? "\n\n" : "\n");
	class_legend(t, f, sep, md);
}

/* The units not ranked, with why. */
static void unranked_lines(const rank_table *t, FILE *f, int md)
{
	size_t k;

	for (k = 0; k < t->nunranked; k++) {
		const rs_unit *u = &t->set->units[t->unranked[k]];

		fputs(_("Not ranked: "), f);
		put(f, u->code, md);
		fputc(' ', f);
		put(f, u->name, md);
		fputs(u->status == RS_INVALID ? _(": invalid")
		                              : _(": an indicator failed"),
		      f);
		if (u->nproblems) {
			fputs(": ", f);
			put(f, u->problems[0], md);
		}
		fputc('\n', f);
	}
}

/* The lists a ranking adds under its table, each a line per unit: the
 * units made by chiso merge, with their predecessors (their values are
 * means of the predecessors' published values), and the units that
 * lacked required inputs, with them (scored by the model's missing
 * policy). */
enum unit_list { LIST_MERGED, LIST_MISSING };

/* The items of list l of unit u. */
static const char *const *list_items(const rs_unit *u, enum unit_list l,
                                     size_t *n)
{
	*n = l == LIST_MERGED ? u->nderived_from : u->nmissing;
	return l == LIST_MERGED ? u->derived_from : u->missing;
}

/* One unit's line of list l: code, name and its items; a list item in
 * Markdown. */
static void list_line(const rs_unit *u, enum unit_list l, FILE *f, int md)
{
	size_t k, n;
	const char *const *items = list_items(u, l, &n);

	fputs(md ? "- " : "", f);
	fputs(l == LIST_MERGED ? _("Merged: ") : _("Incomplete: "), f);
	put(f, u->code, md);
	fputc(' ', f);
	put(f, u->name, md);
	fputs(l == LIST_MERGED ? _(", from ") : _(", missing "), f);
	for (k = 0; k < n; k++) {
		fputs(k ? ", " : "", f);
		put(f, items[k], md);
	}
	fputc('\n', f);
}

/* The units of list l in table order (ranked, then not), after its
 * introduction. Returns how many. */
static size_t list_lines(const rank_table *t, enum unit_list l, FILE *f, int md)
{
	size_t r, n = 0, count;

	for (r = 0; r < t->nrows + t->nunranked; r++) {
		const rs_unit *u = rank_listed_unit(t, r);

		list_items(u, l, &count);
		if (count == 0)
			continue;
		if (n++ == 0)
			fputs(l == LIST_MERGED
			              ? _("Merged units (chiso merge): their "
			                  "main-index values are the means of "
			                  "their predecessors' published "
			                  "values.\n")
			              : _("Incomplete units: required values "
			                  "were missing, scored as the "
			                  "model's missing policy says (the "
			                  "results list them).\n"),
			      f);
		if (n == 1 && md)
			fputc('\n', f);
		list_line(u, l, f, md);
	}
	return n;
}

/* A group's title line: "TITLE (KEY)", after prefix. */
static void group_line(const rank_group *g, FILE *f, const char *prefix, int md)
{
	fputs(prefix, f);
	put(f, g->title, md);
	fputs(" (", f);
	put(f, *g->key ? g->key : "-", md);
	fputs(")\n", f);
}

void rank_write_table(const rank_table *t, FILE *f)
{
	size_t g;

	heading(t, f, "", 0);
	for (g = 0; g < t->ngroups; g++) {
		fputc('\n', f);
		if (t->ngroups > 1 || *t->groups[g].key)
			group_line(&t->groups[g], f, "", 0);
		table_group(t, &t->groups[g], f);
	}
	fputc('\n', f);
	legend(t, f, "; ", 0);
	unranked_lines(t, f, 0);
	list_lines(t, LIST_MERGED, f, 0);
	list_lines(t, LIST_MISSING, f, 0);
}

/* --- CSV --------------------------------------------------------------- */

/* The cell of list l ("merged_from": the predecessors of a unit made by
 * chiso merge; "missing": the required inputs it lacked), "A, B"; empty
 * for others. */
static void csv_list(const rs_unit *u, enum unit_list l, csvw *w, strbuf *sb)
{
	size_t k, n;
	const char *const *items = list_items(u, l, &n);

	strbuf_reset(sb);
	for (k = 0; k < n; k++)
		strbuf_printf(sb, "%s%s", k ? ", " : "", items[k]);
	csvw_text(w, strbuf_str(sb));
}

/* The last cells of a unit's row: its lists that some unit has. */
static void csv_lists(const rs_unit *u, int merged, int incomplete, csvw *w,
                      strbuf *sb)
{
	if (merged)
		csv_list(u, LIST_MERGED, w, sb);
	if (incomplete)
		csv_list(u, LIST_MISSING, w, sb);
}

/* Units not ranked: code, name and status, the other cells empty. */
static void csv_unranked(const rank_table *t, csvw *w, int grouped, int merged,
                         int incomplete, strbuf *sb)
{
	/* value, points, max, class, [group], value and rank per column */
	size_t k, c, n = 4 + (grouped ? 1 : 0) + 2 * t->ncols;

	for (k = 0; k < t->nunranked; k++) {
		const rs_unit *u = &t->set->units[t->unranked[k]];

		csvw_number(w, "");
		csvw_text(w, u->code);
		csvw_text(w, u->name);
		for (c = 0; c < n; c++)
			csvw_text(w, "");
		csvw_text(w, u->status == RS_INVALID ? "invalid" : "error");
		csv_lists(u, merged, incomplete, w, sb);
		csvw_end(w);
	}
}

void rank_write_csv(const rank_table *t, FILE *f, const csvw_opts *o)
{
	char buf[NUMFMT_MAX], num[32];
	strbuf head = STRBUF_INIT;
	size_t r, c;
	int grouped = t->ngroups > 1 || (t->ngroups && *t->groups[0].key);
	int merged = rank_has_merged(t), incomplete = rank_has_incomplete(t);
	csvw w;

	csvw_start(&w, f, o);
	csvw_text(&w, "rank");
	csvw_text(&w, "code");
	csvw_text(&w, "name");
	csvw_text(&w, "value");
	csvw_text(&w, "points");
	csvw_text(&w, "max");
	csvw_text(&w, "class");
	if (grouped)
		csvw_text(&w, "group");
	for (c = 0; c < t->ncols; c++) {
		strbuf_reset(&head);
		strbuf_printf(&head, "%s %s", t->cols[c].id, t->cols[c].name);
		csvw_text(&w, strbuf_str(&head));
		strbuf_reset(&head);
		strbuf_printf(&head, "rank %s", t->cols[c].id);
		csvw_text(&w, strbuf_str(&head));
	}
	csvw_text(&w, "status");
	if (merged)
		csvw_text(&w, "merged_from");
	if (incomplete)
		csvw_text(&w, "missing");
	csvw_end(&w);
	for (r = 0; r < t->nrows; r++) {
		const rs_unit *u = &t->set->units[t->rows[r]];
		size_t g;

		snprintf(num, sizeof(num), "%zu", t->rank[r]);
		csvw_number(&w, num);
		csvw_text(&w, u->code);
		csvw_text(&w, u->name);
		csvw_number(&w, val(t, t->value[r], buf));
		csvw_number(&w, numfmt_fixed(u->points, t->precision, buf));
		csvw_number(&w, numfmt_trim(u->max, t->precision, buf));
		csvw_text(&w, rank_class_name(t, t->rows[r]));
		if (grouped) {
			for (g = 0;
			     g + 1 < t->ngroups && r >= t->groups[g + 1].first;)
				g++;
			csvw_text(&w, t->groups[g].key);
		}
		for (c = 0; c < t->ncols; c++) {
			size_t i = r * t->ncols + c;

			csvw_number(&w, val(t, t->col_value[i], buf));
			if (t->col_rank[i])
				snprintf(num, sizeof(num), "%zu",
				         t->col_rank[i]);
			else
				num[0] = '\0';
			csvw_number(&w, num);
		}
		csvw_text(&w, "ok");
		csv_lists(u, merged, incomplete, &w, &head);
		csvw_end(&w);
	}
	csv_unranked(t, &w, grouped, merged, incomplete, &head);
	strbuf_release(&head);
}

/* --- JSON -------------------------------------------------------------- */

/* A published value as a JSON number, or null. */
static void json_val(const rank_table *t, jsonw *w, const char *key, double v)
{
	jsonw_key(w, key);
	if (isnan(v))
		jsonw_null(w);
	else
		jsonw_number(w, numfmt_round(v, t->precision));
}

/* "derived_from" (the predecessors of a unit made by chiso merge) and
 * "missing" (the required inputs it lacked), each when it has some. */
static void json_lists(jsonw *w, const rs_unit *u)
{
	static const char *const keys[] = {"derived_from", "missing"};
	enum unit_list l;
	size_t n;

	for (l = LIST_MERGED; l <= LIST_MISSING; l++) {
		const char *const *items = list_items(u, l, &n);

		if (n == 0)
			continue;
		jsonw_kstrings(w, keys[l], items, n);
	}
}

/* One ranked unit. */
static void json_row(const rank_table *t, jsonw *w, size_t r)
{
	const rs_unit *u = &t->set->units[t->rows[r]];
	size_t c;

	jsonw_object(w, 1);
	jsonw_knumber(w, "rank", (double)t->rank[r]);
	jsonw_kstring(w, "code", u->code);
	jsonw_kstring(w, "name", u->name);
	json_val(t, w, "value", t->value[r]);
	json_val(t, w, "points", u->points);
	jsonw_knumber(w, "max", u->max);
	jsonw_key(w, "class");
	if (u->klass >= 0)
		jsonw_string(w, t->set->models[u->model].classes[u->klass].id);
	else
		jsonw_null(w);
	json_lists(w, u);
	jsonw_key(w, "columns");
	jsonw_object(w, 1);
	for (c = 0; c < t->ncols; c++) {
		size_t i = r * t->ncols + c;

		jsonw_key(w, t->cols[c].id);
		jsonw_object(w, 1);
		json_val(t, w, "value", t->col_value[i]);
		jsonw_knumber(w, "rank", (double)t->col_rank[i]);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_end(w);
}

void rank_write_json(const rank_table *t, FILE *f)
{
	const rs_model *m = &t->set->models[t->model];
	jsonw w;
	size_t g, r, c, k;

	jsonw_init(&w, f);
	jsonw_object(&w, 0);
	jsonw_knumber(&w, "format", 1);
	jsonw_kstring(&w, "generator", PACKAGE_STRING);
	jsonw_key(&w, "model");
	jsonw_object(&w, 1);
	jsonw_kstring(&w, "id", m->id);
	jsonw_kstring(&w, "version", m->version);
	jsonw_kstring(&w, "sha256", m->sha256);
	jsonw_knumber(&w, "precision", t->precision);
	jsonw_end(&w);
	jsonw_key(&w, "by");
	jsonw_object(&w, 1);
	jsonw_kstring(&w, "id", t->by.id);
	jsonw_kstring(&w, "name", t->by.name);
	jsonw_end(&w);
	jsonw_key(&w, "columns");
	jsonw_array(&w, 0);
	for (c = 0; c < t->ncols; c++) {
		jsonw_object(&w, 1);
		jsonw_kstring(&w, "id", t->cols[c].id);
		jsonw_kstring(&w, "name", t->cols[c].name);
		jsonw_kstring(&w, "kind",
		              t->cols[c].kind == MEASURE_VIEW ? "view"
		                                              : "index");
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_key(&w, "groups");
	jsonw_array(&w, 0);
	for (g = 0; g < t->ngroups; g++) {
		jsonw_object(&w, 0);
		jsonw_kstring(&w, "key", t->groups[g].key);
		jsonw_kstring(&w, "title", t->groups[g].title);
		jsonw_key(&w, "units");
		jsonw_array(&w, 0);
		for (r = t->groups[g].first;
		     r < t->groups[g].first + t->groups[g].count; r++)
			json_row(t, &w, r);
		jsonw_end(&w);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_key(&w, "unranked");
	jsonw_array(&w, 0);
	for (k = 0; k < t->nunranked; k++) {
		const rs_unit *u = &t->set->units[t->unranked[k]];

		jsonw_object(&w, 1);
		jsonw_kstring(&w, "code", u->code);
		jsonw_kstring(&w, "name", u->name);
		jsonw_kstring(&w, "status",
		              u->status == RS_INVALID ? "invalid" : "error");
		jsonw_kstring(&w, "problem",
		              u->nproblems ? u->problems[0] : "");
		json_lists(&w, u);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
}

/* --- Markdown ---------------------------------------------------------- */

/* A table cell, its text escaped as Markdown (markup.h). */
static void md_cell(FILE *f, const char *s)
{
	fputs("| ", f);
	markup_md_fputs(s, f);
	fputc(' ', f);
}

/* One group as a Markdown table. */
static void md_group(const rank_table *t, const rank_group *g, FILE *f)
{
	char buf[NUMFMT_MAX * 2], v[NUMFMT_MAX];
	size_t r, c;

	fprintf(f, "| %s | %s | %s | %s | %s | %s ", _("Rank"), _("Code"),
	        _("Name"), _("Value"), _("Points"), _("Class"));
	for (c = 0; c < t->ncols; c++)
		md_cell(f, t->cols[c].id);
	fputs("|\n|---:|---|---|---:|---:|---", f);
	for (c = 0; c < t->ncols; c++)
		fputs("|---:", f);
	fputs("|\n", f);
	for (r = g->first; r < g->first + g->count; r++) {
		const rs_unit *u = &t->set->units[t->rows[r]];

		snprintf(buf, sizeof(buf), "%zu", t->rank[r]);
		md_cell(f, buf);
		md_cell(f, u->code);
		md_cell(f, *u->name ? u->name : u->code);
		md_cell(f, val(t, t->value[r], v));
		points_text(t, u, buf, sizeof(buf));
		md_cell(f, buf);
		md_cell(f, rank_class_name(t, t->rows[r]));
		for (c = 0; c < t->ncols; c++) {
			size_t i = r * t->ncols + c;

			if (isnan(t->col_value[i]))
				buf[0] = '\0';
			else
				snprintf(buf, sizeof(buf), "%s (%zu)",
				         val(t, t->col_value[i], v),
				         t->col_rank[i]);
			md_cell(f, buf);
		}
		fputs("|\n", f);
	}
}

void rank_write_md(const rank_table *t, FILE *f)
{
	size_t g;

	heading(t, f, "# ", 1);
	for (g = 0; g < t->ngroups; g++) {
		fputc('\n', f);
		if (t->ngroups > 1 || *t->groups[g].key) {
			group_line(&t->groups[g], f, "## ", 1);
			fputc('\n', f);
		}
		md_group(t, &t->groups[g], f);
	}
	fputc('\n', f);
	legend(t, f, "; ", 1);
	if (t->nunranked) {
		fputc('\n', f);
		unranked_lines(t, f, 1);
	}
	if (rank_has_merged(t)) {
		fputc('\n', f);
		list_lines(t, LIST_MERGED, f, 1);
	}
	if (rank_has_incomplete(t)) {
		fputc('\n', f);
		list_lines(t, LIST_MISSING, f, 1);
	}
}
