/*
 * compare_years.c - the year-over-year report: change in value, points
 * and rank per unit, per main index and view.
 */
#include "config.h"

#include "publish/compare_internal.h"

#include "util/i18n.h"
#include "util/sheetw.h"
#include "util/jsonw.h"
#include "util/numfmt.h"
#include "util/sort.h"
#include "util/texttable.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The columns compared: the base model's main indices, then its views. */
struct column {
	const char *id, *name;
	int view;
};

/* Lists the base model's main indices and views. */
static struct column *columns(const struct cmp *c, size_t *n)
{
	const rs_model *m = c->mb;
	struct column *cols = xcalloc(m->nroots + m->nviews + 1, sizeof(*cols));
	size_t k;

	*n = 0;
	for (k = 0; k < m->nroots; k++) {
		cols[*n].id = m->nodes[m->roots[k]].id;
		cols[*n].name = m->nodes[m->roots[k]].name;
		(*n)++;
	}
	for (k = 0; k < m->nviews; k++) {
		cols[*n].id = m->views[k].id;
		cols[*n].name = m->views[k].name;
		cols[*n].view = 1;
		(*n)++;
	}
	return cols;
}

/* The change of a column for a pair, or NAN. */
static double col_change(const struct cmp *c, const struct pair *p,
                         const struct column *col)
{
	double b = cmp_column_value(c->mb, &c->base->units[p->b], col->id,
	                            col->view);
	double n = cmp_column_value(c->mn, &c->next->units[p->n], col->id,
	                            col->view);

	if (isnan(b) || isnan(n))
		return NAN;
	return numfmt_round(n, c->prec) - numfmt_round(b, c->prec);
}

/* Pairs in the new ranking's order, unranked last, then by code (ctx:
 * the comparison). */
static int cmp_new_rank(const void *pa, const void *pb, void *ctx)
{
	const struct cmp *c = ctx;
	const struct pair *a = pa, *b = pb;
	size_t ra = c->rank_n[a->n], rb = c->rank_n[b->n];

	if ((ra == 0) != (rb == 0))
		return ra == 0 ? 1 : -1;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(c->next->units[a->n].code, c->next->units[b->n].code);
}

/* The pairs sorted for output (a copy). */
static struct pair *sorted_pairs(const struct cmp *c)
{
	struct pair *p = xcalloc(c->npairs + 1, sizeof(*p));

	memcpy(p, c->pairs, c->npairs * sizeof(*p));
	sort_stable(p, c->npairs, sizeof(*p), cmp_new_rank, (void *)c);
	return p;
}

/* "2022" or "2022, 2023" style period label of a set. */
static const char *period_of(const rs_set *set)
{
	return set->nunits ? set->units[0].period : "";
}

/* The heading and warning lines. */
static void heading(const struct cmp *c, FILE *f, const char *prefix)
{
	const char *pb = period_of(c->base), *pn = period_of(c->next);

	fputs(prefix, f);
	if (strcmp(pb, pn) == 0)
		/* Not a year apart: two scorings of one period (results
		 * before and after a merger, or under two model versions). */
		cmp_printf(c, f,
		           P_("Same period: %zu unit in both · period '%s', "
		              "base %s -> new %s\n",
		              "Same period: %zu units in both · period '%s', "
		              "base %s -> new %s\n",
		              c->npairs),
		           c->npairs, pb, c->base->units[0].file,
		           c->next->units[0].file);
	else
		cmp_printf(c, f,
		           P_("Year over year: %zu unit in both · base "
		              "period '%s' (%s) -> new period '%s' (%s)\n",
		              "Year over year: %zu units in both · base "
		              "period '%s' (%s) -> new period '%s' (%s)\n",
		              c->npairs),
		           c->npairs, pb, c->base->units[0].file, pn,
		           c->next->units[0].file);
	if (c->model_changes.len) {
		fputs(*prefix ? "> " : "", f);
		cmp_printf(c, f, _("warning: %s\n"),
		           strbuf_str(&c->model_changes));
	}
}

/* One row of cells for a pair (table and Markdown). */
static void pair_cells(const struct cmp *c, const struct pair *p,
                       const struct column *cols, size_t ncols,
                       const char **cells, char (*buf)[CMP_NUM])
{
	const rs_unit *b = &c->base->units[p->b], *n = &c->next->units[p->n];
	size_t k;

	cells[0] = n->code;
	cells[1] = *n->name ? n->name : n->code;
	cells[2] = numfmt_fixed(b->value, c->prec, buf[2]);
	cells[3] = numfmt_fixed(n->value, c->prec, buf[3]);
	cells[4] = cmp_signed_fixed(numfmt_round(n->value, c->prec) -
	                                    numfmt_round(b->value, c->prec),
	                            c->prec, buf[4]);
	cells[5] = cmp_signed_fixed(n->points - b->points, c->prec, buf[5]);
	cells[6] = cmp_rank_text(c->rank_b[p->b], buf[6]);
	cells[7] = cmp_rank_text(c->rank_n[p->n], buf[7]);
	cells[8] = cmp_rank_change(c->rank_b[p->b], c->rank_n[p->n], buf[8]);
	for (k = 0; k < ncols; k++) {
		double d = col_change(c, p, &cols[k]);

		buf[9 + k][0] = '\0';
		cells[9 + k] =
		        isnan(d) ? buf[9 + k]
		                 : cmp_signed_fixed(d, c->prec, buf[9 + k]);
	}
}

/* The header cells. */
static void header_cells(const struct column *cols, size_t ncols,
                         const char **cells)
{
	static const char *const fixed[] = {
	        N_("Code"),      N_("Name"),     N_("Value base"),
	        N_("Value new"), N_("Change"),   N_("Points"),
	        N_("Rank base"), N_("Rank new"), N_("Rank change")};
	size_t k;

	for (k = 0; k < 9; k++)
		cells[k] = _(fixed[k]);
	for (k = 0; k < ncols; k++)
		cells[9 + k] = cols[k].id;
}

/* Appeared and disappeared units, and the column legend. */
static void footer(const struct cmp *c, const struct column *cols, size_t ncols,
                   FILE *f)
{
	size_t k;

	cmp_write_unmatched(c, f);
	fputs(_("Changes are new - base, on published values; a rank "
	        "change of +2 is two places up.\n"),
	      f);
	if (ncols) {
		fputs(_("Columns (change in value):"), f);
		for (k = 0; k < ncols; k++)
			cmp_printf(c, f, "%s %s = %s", k ? ";" : "", cols[k].id,
			           cols[k].name);
		fputc('\n', f);
	}
}

/* The aligned table. */
static void write_table(const struct cmp *c, const struct column *cols,
                        size_t ncols, const struct pair *ps)
{
	size_t nc = 9 + ncols, k;
	const char **cells = xcalloc(nc, sizeof(char *));
	char(*buf)[CMP_NUM] = xcalloc(nc, CMP_NUM);
	texttable *t = texttable_new(nc);

	for (k = 2; k < nc; k++)
		texttable_right(t, k);
	texttable_max(t, 1, 32);
	header_cells(cols, ncols, cells);
	texttable_row(t, cells);
	for (k = 0; k < c->npairs; k++) {
		pair_cells(c, &ps[k], cols, ncols, cells, buf);
		texttable_row(t, cells);
	}
	heading(c, c->f, "");
	fputc('\n', c->f);
	texttable_print(t, c->f);
	fputc('\n', c->f);
	footer(c, cols, ncols, c->f);
	texttable_free(t);
	free(buf);
	free(cells);
}

/* The same as a Markdown table. */
static void write_md(const struct cmp *c, const struct column *cols,
                     size_t ncols, const struct pair *ps)
{
	size_t nc = 9 + ncols, k, i;
	const char **cells = xcalloc(nc, sizeof(char *));
	char(*buf)[CMP_NUM] = xcalloc(nc, CMP_NUM);

	heading(c, c->f, "# ");
	fputc('\n', c->f);
	header_cells(cols, ncols, cells);
	for (i = 0; i < nc; i++)
		cmp_md_cell(c, cells[i], c->f);
	fputs("|\n|---|---", c->f);
	for (i = 2; i < nc; i++)
		fputs("|---:", c->f);
	fputs("|\n", c->f);
	for (k = 0; k < c->npairs; k++) {
		pair_cells(c, &ps[k], cols, ncols, cells, buf);
		for (i = 0; i < nc; i++)
			cmp_md_cell(c, cells[i], c->f);
		fputs("|\n", c->f);
	}
	fputc('\n', c->f);
	footer(c, cols, ncols, c->f);
	free(buf);
	free(cells);
}

/* One CSV row: status, then base and new figures (blank when absent). */
static void csv_row(const struct cmp *c, sheetw *w, const char *status,
                    const rs_unit *b, size_t rb, const rs_unit *n, size_t rn,
                    const struct column *cols, size_t ncols)
{
	char x[CMP_NUM];
	size_t k;

	sheetw_text(w, (n ? n : b)->code);
	sheetw_text(w, (n ? n : b)->name);
	sheetw_text(w, status);
	sheetw_number(w, b ? numfmt_fixed(b->value, c->prec, x) : "");
	sheetw_number(w, n ? numfmt_fixed(n->value, c->prec, x) : "");
	sheetw_number(w,
	              b && n ? cmp_signed_fixed(
	                               numfmt_round(n->value, c->prec) -
	                                       numfmt_round(b->value, c->prec),
	                               c->prec, x)
	                     : "");
	sheetw_number(w, b ? numfmt_fixed(b->points, c->prec, x) : "");
	sheetw_number(w, n ? numfmt_fixed(n->points, c->prec, x) : "");
	sheetw_number(w, cmp_rank_text(rb, x));
	sheetw_number(w, cmp_rank_text(rn, x));
	sheetw_number(w, cmp_rank_change(rb, rn, x));
	for (k = 0; k < ncols; k++) {
		double vb =
		        b ? cmp_column_value(c->mb, b, cols[k].id, cols[k].view)
		          : NAN;
		double vn =
		        n ? cmp_column_value(c->mn, n, cols[k].id, cols[k].view)
		          : NAN;

		x[0] = '\0';
		sheetw_number(
		        w, isnan(vb) || isnan(vn)
		                   ? x
		                   : cmp_signed_fixed(
		                             numfmt_round(vn, c->prec) -
		                                     numfmt_round(vb, c->prec),
		                             c->prec, x));
	}
	sheetw_end(w);
}

/* CSV or xlsx: one row per unit, appeared and disappeared ones included. */
static void write_csv(const struct cmp *c, const struct column *cols,
                      size_t ncols, const struct pair *ps)
{
	static const char *const head[] = {
	        "code",      "name",     "status",      "value_base",
	        "value_new", "change",   "points_base", "points_new",
	        "rank_base", "rank_new", "rank_change"};
	char name[128];
	size_t k;

	for (k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		sheetw_text(c->rows, head[k]);
	for (k = 0; k < ncols; k++) {
		snprintf(name, sizeof(name), "change %s", cols[k].id);
		sheetw_text(c->rows, name);
	}
	sheetw_end(c->rows);
	for (k = 0; k < c->npairs; k++)
		csv_row(c, c->rows, "both", &c->base->units[ps[k].b],
		        c->rank_b[ps[k].b], &c->next->units[ps[k].n],
		        c->rank_n[ps[k].n], cols, ncols);
	for (k = 0; k < c->nappeared; k++)
		csv_row(c, c->rows, "appeared", NULL, 0,
		        &c->next->units[c->appeared[k]],
		        c->rank_n[c->appeared[k]], cols, ncols);
	for (k = 0; k < c->ngone; k++)
		csv_row(c, c->rows, "disappeared", &c->base->units[c->gone[k]],
		        c->rank_b[c->gone[k]], NULL, 0, cols, ncols);
}

/* A side's figures as a JSON object. */
static void json_side(const struct cmp *c, jsonw *w, const char *key,
                      const rs_unit *u, size_t rank)
{
	jsonw_key(w, key);
	jsonw_object(w, 1);
	jsonw_knumber(w, "value", numfmt_round(u->value, c->prec));
	jsonw_knumber(w, "points", numfmt_round(u->points, c->prec));
	jsonw_knumber(w, "max", u->max);
	if (rank)
		jsonw_knumber(w, "rank", (double)rank);
	else
		jsonw_kstring(w, "rank", NULL);
	if (u->nmissing)
		jsonw_kstrings(w, "missing", u->missing, u->nmissing);
	jsonw_end(w);
}

/* The JSON report. */
static void write_json(const struct cmp *c, const struct column *cols,
                       size_t ncols, const struct pair *ps)
{
	jsonw w;
	size_t k, i;

	jsonw_init(&w, c->f);
	jsonw_object(&w, 0);
	jsonw_kstring(&w, "mode", "years");
	jsonw_kstring(&w, "generator", PACKAGE_STRING);
	jsonw_kstring(&w, "base_period", period_of(c->base));
	jsonw_kstring(&w, "new_period", period_of(c->next));
	jsonw_kstring(&w, "warning",
	              c->model_changes.len ? strbuf_str(&c->model_changes)
	                                   : NULL);
	jsonw_key(&w, "units");
	jsonw_array(&w, 0);
	for (k = 0; k < c->npairs; k++) {
		const rs_unit *b = &c->base->units[ps[k].b];
		const rs_unit *n = &c->next->units[ps[k].n];

		jsonw_object(&w, 0);
		jsonw_kstring(&w, "code", n->code);
		jsonw_kstring(&w, "name", n->name);
		json_side(c, &w, "base", b, c->rank_b[ps[k].b]);
		json_side(c, &w, "new", n, c->rank_n[ps[k].n]);
		jsonw_key(&w, "change");
		jsonw_object(&w, 1);
		jsonw_knumber(
		        &w, "value",
		        numfmt_round(numfmt_round(n->value, c->prec) -
		                             numfmt_round(b->value, c->prec),
		                     c->prec));
		jsonw_knumber(&w, "points",
		              numfmt_round(n->points - b->points, c->prec));
		if (c->rank_b[ps[k].b] && c->rank_n[ps[k].n])
			jsonw_knumber(&w, "rank",
			              (double)c->rank_b[ps[k].b] -
			                      (double)c->rank_n[ps[k].n]);
		for (i = 0; i < ncols; i++) {
			double d = col_change(c, &ps[k], &cols[i]);

			jsonw_key(&w, cols[i].id);
			if (isnan(d))
				jsonw_null(&w);
			else
				jsonw_number(&w, numfmt_round(d, c->prec));
		}
		jsonw_end(&w);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_key(&w, "appeared");
	jsonw_array(&w, 1);
	for (k = 0; k < c->nappeared; k++)
		jsonw_string(&w, c->next->units[c->appeared[k]].code);
	jsonw_end(&w);
	jsonw_key(&w, "disappeared");
	jsonw_array(&w, 1);
	for (k = 0; k < c->ngone; k++)
		jsonw_string(&w, c->base->units[c->gone[k]].code);
	jsonw_end(&w);
	jsonw_key(&w, "not_compared");
	jsonw_array(&w, 1);
	for (k = 0; k < c->ninvalid; k++)
		jsonw_string(&w, c->base->units[c->invalid[k].b].code);
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
}

void cmp_write_years(const struct cmp *c)
{
	size_t ncols;
	struct column *cols = columns(c, &ncols);
	struct pair *ps = sorted_pairs(c);

	switch (c->fmt) {
	case COMPARE_CSV:
	case COMPARE_XLSX:
		write_csv(c, cols, ncols, ps);
		break;
	case COMPARE_JSON:
		write_json(c, cols, ncols, ps);
		break;
	case COMPARE_MD:
		write_md(c, cols, ncols, ps);
		break;
	default:
		write_table(c, cols, ncols, ps);
		break;
	}
	free(ps);
	free(cols);
}
