/*
 * compare_stages.c - the self-assessed vs appraised report: per unit the
 * indicators whose points differ, by how much, and the raw and input
 * values behind them; largest differences first.
 */
#include "config.h"

#include "publish/compare_internal.h"

#include "util/i18n.h"
#include "util/sheetw.h"
#include "util/jsonw.h"
#include "util/numfmt.h"
#include "util/texttable.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A leaf's raw value as text, or "". */
static const char *raw_text(const rs_unit *u, int i, char *buf)
{
	if (i < 0 || !u->node_has_raw || !u->node_has_raw[i])
		buf[0] = '\0';
	else
		numfmt_exact(u->node_raw[i], buf);
	return buf;
}

/* The stage label of a side. */
static const char *stage_of(const rs_set *set)
{
	return set->nunits ? set->units[0].stage : "";
}

/* Heading and warning. */
static void heading(const struct cmp *c, FILE *f, const char *prefix)
{
	fputs(prefix, f);
	cmp_printf(c, f,
	           P_("%s vs %s, period '%s': %zu unit in both · base %s "
	              "-> new %s\n",
	              "%s vs %s, period '%s': %zu units in both · base %s "
	              "-> new %s\n",
	              c->npairs),
	           cmp_stage_label(stage_of(c->base)),
	           cmp_stage_label(stage_of(c->next)), c->base->units[0].period,
	           c->npairs, c->base->units[0].file, c->next->units[0].file);
	if (c->model_changes.len) {
		fputs(*prefix ? "> " : "", f);
		cmp_printf(c, f, _("warning: %s\n"),
		           strbuf_str(&c->model_changes));
	}
}

/* The unit's summary line. */
static void unit_line(const struct cmp *c, const struct pair *p, FILE *f,
                      const char *prefix)
{
	const rs_unit *b = &c->base->units[p->b], *n = &c->next->units[p->n];
	char x[CMP_NUM], y[CMP_NUM], d[CMP_NUM], dp[CMP_NUM];

	fputs(prefix, f);
	cmp_printf(c, f, _("%s %s: value %s -> %s (%s), points %s\n"), n->code,
	           n->name, numfmt_fixed(b->value, c->prec, x),
	           numfmt_fixed(n->value, c->prec, y),
	           cmp_signed_fixed(numfmt_round(n->value, c->prec) -
	                                    numfmt_round(b->value, c->prec),
	                            c->prec, d),
	           cmp_signed_fixed(n->points - b->points, c->prec, dp));
}

/* The differing indicators of pair p: [*first, *end) of c->diffs. */
static void diff_range(const struct cmp *c, size_t p, size_t *first,
                       size_t *end)
{
	size_t k = 0;

	while (k < c->ndiffs && c->diffs[k].pair < p)
		k++;
	*first = k;
	while (k < c->ndiffs && c->diffs[k].pair == p)
		k++;
	*end = k;
}

enum { C_ID, C_NAME, C_BASE, C_NEW, C_DIFF, C_RAWB, C_RAWN, C_NOTE, NC };

/* The cells of one differing indicator. */
static void diff_cells(const struct cmp *c, const struct diff *df,
                       const char **cells, char (*buf)[CMP_NUM])
{
	const struct pair *p = &c->pairs[df->pair];
	const rs_unit *b = &c->base->units[p->b], *n = &c->next->units[p->n];

	cells[C_ID] = c->mb->nodes[df->nb].id;
	cells[C_NAME] = c->mb->nodes[df->nb].name;
	cells[C_BASE] = numfmt_fixed(b->node_points[df->nb], c->prec, buf[0]);
	cells[C_NEW] = numfmt_fixed(n->node_points[df->nn], c->prec, buf[1]);
	cells[C_DIFF] = cmp_signed_fixed(df->delta, c->prec, buf[2]);
	cells[C_RAWB] = raw_text(b, df->nb, buf[3]);
	cells[C_RAWN] = raw_text(n, df->nn, buf[4]);
	cells[C_NOTE] = n->node_note[df->nn];
}

/* Table and Markdown share the walk over units. */
static void write_text(const struct cmp *c, int md)
{
	static const char *const head_en[NC] = {
	        N_("ID"),      N_("Indicator"),  N_("Base"),
	        N_("New"),     N_("Difference"), N_("Raw base"),
	        N_("Raw new"), N_("Note (new)")};
	const char *cells[NC], *head[NC];
	char buf[5][CMP_NUM];
	strbuf vals = STRBUF_INIT;
	size_t p, k, first, end, same = 0, i;

	for (i = 0; i < NC; i++)
		head[i] = _(head_en[i]);
	heading(c, c->f, md ? "# " : "");
	for (p = 0; p < c->npairs; p++) {
		const rs_unit *b = &c->base->units[c->pairs[p].b];
		const rs_unit *n = &c->next->units[c->pairs[p].n];
		texttable *t;

		diff_range(c, p, &first, &end);
		if (first == end) {
			same++;
			continue;
		}
		fputc('\n', c->f);
		unit_line(c, &c->pairs[p], c->f, md ? "## " : "");
		if (md) {
			fputc('\n', c->f);
			for (i = 0; i < NC; i++)
				cmp_md_cell(c, head[i], c->f);
			fputs("|\n|---|---|---:|---:|---:|---:|---:|---|\n",
			      c->f);
		}
		t = texttable_new(NC);
		for (i = C_BASE; i <= C_RAWN; i++)
			texttable_right(t, i);
		texttable_max(t, C_NAME, 40);
		texttable_max(t, C_NOTE, 50);
		texttable_row(t, head);
		for (k = first; k < end; k++) {
			diff_cells(c, &c->diffs[k], cells, buf);
			if (md) {
				for (i = 0; i < NC; i++)
					cmp_md_cell(c, cells[i], c->f);
				fputs("|\n", c->f);
			} else {
				texttable_row(t, cells);
			}
		}
		if (!md)
			texttable_print(t, c->f);
		texttable_free(t);
		strbuf_reset(&vals);
		cmp_value_changes(b, n, &vals);
		if (vals.len) {
			fputs(md ? "\n" : "", c->f);
			cmp_printf(c, c->f, _("Values that differ: %s\n"),
			           strbuf_str(&vals));
		}
	}
	if (c->nappeared || c->ngone || c->ninvalid)
		fputc('\n', c->f);
	cmp_write_unmatched(c, c->f);
	if (same) {
		fputs(_("\nNo difference in points:"), c->f);
		for (p = 0, k = 0; p < c->npairs; p++) {
			diff_range(c, p, &first, &end);
			if (first == end)
				cmp_printf(c, c->f, "%s %s", k++ ? "," : "",
				           c->next->units[c->pairs[p].n].code);
		}
		fputc('\n', c->f);
	}
	strbuf_release(&vals);
}

/* CSV or xlsx: one row per differing indicator. */
static void write_csv(const struct cmp *c)
{
	static const char *const head[] = {
	        "code",        "name",       "indicator",     "indicator_name",
	        "points_base", "points_new", "difference",    "raw_base",
	        "raw_new",     "note_new",   "values_changed"};
	const char *cells[NC];
	char buf[5][CMP_NUM];
	strbuf vals = STRBUF_INIT;
	size_t k, i;

	for (i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		sheetw_text(c->rows, head[i]);
	sheetw_end(c->rows);
	for (k = 0; k < c->ndiffs; k++) {
		const struct pair *p = &c->pairs[c->diffs[k].pair];
		const rs_unit *n = &c->next->units[p->n];

		diff_cells(c, &c->diffs[k], cells, buf);
		sheetw_text(c->rows, n->code);
		sheetw_text(c->rows, n->name);
		for (i = 0; i < NC; i++) {
			/* points, difference and raw values are numbers */
			if (i >= C_BASE && i <= C_RAWN)
				sheetw_number(c->rows, cells[i]);
			else
				sheetw_text(c->rows, cells[i]);
		}
		strbuf_reset(&vals);
		cmp_value_changes(&c->base->units[p->b], n, &vals);
		sheetw_text(c->rows, strbuf_str(&vals));
		sheetw_end(c->rows);
	}
	strbuf_release(&vals);
}

/* JSON: per unit its differing indicators. */
static void write_json(const struct cmp *c)
{
	strbuf vals = STRBUF_INIT;
	jsonw w;
	size_t p, k, first, end;

	jsonw_init(&w, c->f);
	jsonw_object(&w, 0);
	jsonw_kstring(&w, "mode", "stages");
	jsonw_kstring(&w, "generator", PACKAGE_STRING);
	jsonw_kstring(&w, "base_stage", stage_of(c->base));
	jsonw_kstring(&w, "new_stage", stage_of(c->next));
	jsonw_kstring(&w, "warning",
	              c->model_changes.len ? strbuf_str(&c->model_changes)
	                                   : NULL);
	jsonw_key(&w, "units");
	jsonw_array(&w, 0);
	for (p = 0; p < c->npairs; p++) {
		const rs_unit *b = &c->base->units[c->pairs[p].b];
		const rs_unit *n = &c->next->units[c->pairs[p].n];

		jsonw_object(&w, 0);
		jsonw_kstring(&w, "code", n->code);
		jsonw_kstring(&w, "name", n->name);
		jsonw_knumber(&w, "value_base",
		              numfmt_round(b->value, c->prec));
		jsonw_knumber(&w, "value_new", numfmt_round(n->value, c->prec));
		jsonw_knumber(&w, "points_change", n->points - b->points);
		jsonw_key(&w, "indicators");
		jsonw_array(&w, 0);
		diff_range(c, p, &first, &end);
		for (k = first; k < end; k++) {
			const struct diff *df = &c->diffs[k];

			jsonw_object(&w, 1);
			jsonw_kstring(&w, "id", c->mb->nodes[df->nb].id);
			jsonw_knumber(&w, "points_base",
			              b->node_points[df->nb]);
			jsonw_knumber(&w, "points_new", n->node_points[df->nn]);
			jsonw_knumber(&w, "difference", df->delta);
			if (b->node_has_raw[df->nb])
				jsonw_knumber(&w, "raw_base",
				              b->node_raw[df->nb]);
			if (n->node_has_raw[df->nn])
				jsonw_knumber(&w, "raw_new",
				              n->node_raw[df->nn]);
			jsonw_kstring(&w, "note_new", n->node_note[df->nn]);
			jsonw_end(&w);
		}
		jsonw_end(&w);
		strbuf_reset(&vals);
		cmp_value_changes(b, n, &vals);
		jsonw_kstring(&w, "values_changed", strbuf_str(&vals));
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
	strbuf_release(&vals);
}

void cmp_write_stages(const struct cmp *c)
{
	switch (c->fmt) {
	case COMPARE_CSV:
	case COMPARE_XLSX:
		write_csv(c);
		break;
	case COMPARE_JSON:
		write_json(c);
		break;
	case COMPARE_MD:
		write_text(c, 1);
		break;
	default:
		write_text(c, 0);
		break;
	}
}
