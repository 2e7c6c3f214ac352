/*
 * gaps.c - the indicators where each unit can still gain the most.
 */
#include "config.h"

#include "publish/gaps.h"

#include "util/i18n.h"
#include "util/sheetw.h"
#include "util/escape.h"
#include "util/jsonw.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/texttable.h"

#include <stdlib.h>
#include <string.h>

#define GAIN_EPS 1e-9

struct gap {
	size_t node;
	double gain;
};

/* Largest gain first, then model order. */
static int cmp_gaps(const void *pa, const void *pb)
{
	const struct gap *a = pa, *b = pb;

	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	return (a->node > b->node) - (a->node < b->node);
}

/* The gaps of unit u, sorted; caller frees. */
static struct gap *unit_gaps(const rs_model *m, const rs_unit *u, size_t *n)
{
	struct gap *g = xcalloc(m->nnodes + 1, sizeof(*g));
	size_t k;

	*n = 0;
	for (k = 0; k < m->nnodes; k++) {
		double gain;

		if (!m->nodes[k].is_leaf || u->node_max[k] <= 0)
			continue;
		gain = u->node_max[k] - u->node_points[k];
		if (gain <= GAIN_EPS)
			continue;
		g[*n].node = k;
		g[*n].gain = gain;
		(*n)++;
	}
	qsort(g, *n, sizeof(*g), cmp_gaps);
	return g;
}

/* Table: a heading per unit, then its gaps. */
static void write_unit_table(const rs_model *m, const rs_unit *u,
                             const struct gap *g, size_t n, FILE *f)
{
	static const char *const head_en[] = {N_("ID"),     N_("Indicator"),
	                                      N_("Points"), N_("To gain"),
	                                      N_("Note"),   N_("To gain more")};
	const char *head[6];
	char pts[2 * NUMFMT_MAX + 4], a[NUMFMT_MAX], b[NUMFMT_MAX],
	        gain[NUMFMT_MAX];
	const char *cells[6];
	texttable *t = texttable_new(6);
	size_t k;

	for (k = 0; k < 6; k++)
		head[k] = _(head_en[k]);
	escape_fprintf(f,
	               _("%s %s%s%s · stage %s: %s / %s, value %s; %s points "
	                 "to gain\n"),
	               u->code, u->name, *u->period ? _(" · period ") : "",
	               u->period, u->stage,
	               numfmt_fixed(u->points, m->precision, a),
	               numfmt_trim(u->max, m->precision, b),
	               numfmt_fixed(u->value, m->precision, gain),
	               numfmt_fixed(u->max - u->points, m->precision, pts));
	for (k = 0; k < u->nmissing; k++)
		escape_fprintf(
		        f, "%s%s%s", k ? ", " : _("Incomplete: missing "),
		        u->missing[k],
		        k + 1 < u->nmissing
		                ? ""
		                : _(" (required; scored by the model's "
		                    "missing policy until filled in)\n"));
	if (n == 0) {
		fputs(_("  every indicator earns its full points\n"), f);
		texttable_free(t);
		return;
	}
	texttable_right(t, 2);
	texttable_right(t, 3);
	texttable_max(t, 1, 44);
	texttable_max(t, 4, 40);
	texttable_row(t, head);
	for (k = 0; k < n; k++) {
		size_t i = g[k].node;

		snprintf(pts, sizeof(pts), "%s / %s",
		         numfmt_fixed(u->node_points[i], m->precision, a),
		         numfmt_trim(u->node_max[i], m->precision, b));
		cells[0] = m->nodes[i].id;
		cells[1] = m->nodes[i].name;
		cells[2] = pts;
		cells[3] = numfmt_fixed(g[k].gain, m->precision, gain);
		cells[4] = u->node_note[i];
		cells[5] = u->node_hint[i];
		texttable_row(t, cells);
	}
	texttable_print(t, f);
	texttable_free(t);
}

/* CSV or xlsx rows of one unit. */
static void write_unit_rows(const rs_model *m, const rs_unit *u,
                            const struct gap *g, size_t n, sheetw *w)
{
	char a[NUMFMT_MAX];
	size_t k;

	for (k = 0; k < n; k++) {
		size_t i = g[k].node;

		sheetw_text(w, u->code);
		sheetw_text(w, u->name);
		sheetw_text(w, u->period);
		sheetw_text(w, u->stage);
		sheetw_text(w, m->nodes[i].id);
		sheetw_text(w, m->nodes[i].name);
		sheetw_number(w,
		              numfmt_fixed(u->node_points[i], m->precision, a));
		sheetw_number(w, numfmt_trim(u->node_max[i], m->precision, a));
		sheetw_number(w, numfmt_fixed(g[k].gain, m->precision, a));
		sheetw_text(w, u->node_note[i]);
		sheetw_text(w, u->node_hint[i]);
		sheetw_end(w);
	}
}

/* JSON object of one unit. */
static void write_unit_json(const rs_model *m, const rs_unit *u,
                            const struct gap *g, size_t n, jsonw *w)
{
	size_t k;

	jsonw_object(w, 0);
	jsonw_kstring(w, "code", u->code);
	jsonw_kstring(w, "name", u->name);
	jsonw_kstring(w, "period", *u->period ? u->period : NULL);
	jsonw_kstring(w, "stage", u->stage);
	jsonw_knumber(w, "points", u->points);
	jsonw_knumber(w, "max", u->max);
	jsonw_knumber(w, "to_gain", u->max - u->points);
	if (u->nmissing)
		jsonw_kstrings(w, "missing", u->missing, u->nmissing);
	jsonw_key(w, "gaps");
	jsonw_array(w, 0);
	for (k = 0; k < n; k++) {
		size_t i = g[k].node;

		jsonw_object(w, 1);
		jsonw_kstring(w, "id", m->nodes[i].id);
		jsonw_kstring(w, "name", m->nodes[i].name);
		jsonw_knumber(w, "points", u->node_points[i]);
		jsonw_knumber(w, "max", u->node_max[i]);
		jsonw_knumber(w, "to_gain", g[k].gain);
		jsonw_kstring(w, "note", u->node_note[i]);
		jsonw_kstring(w, "hint",
		              *u->node_hint[i] ? u->node_hint[i] : NULL);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_end(w);
}

int gaps_write(const rs_set *set, const char *code, gaps_format format,
               sheetw *rows, FILE *f, diag *d)
{
	static const char *const csv_head[] = {
	        "code",      "name",           "period", "stage",
	        "indicator", "indicator_name", "points", "max",
	        "to_gain",   "note",           "hint"};
	size_t k, n, shown = 0;
	int rowwise = format == GAPS_CSV || format == GAPS_XLSX;
	jsonw w;

	for (k = 0; code && k < set->nunits; k++)
		if (strcmp(set->units[k].code, code) == 0)
			break;
	if (code && k == set->nunits) {
		diag_error(d, NULL, 0, 0,
		           _("chiso gaps: no unit '%s' in the results"), code);
		return -1;
	}
	if (code && set->units[k].status == RS_INVALID) {
		diag_error(
		        d, NULL, 0, 0,
		        _("chiso gaps: unit '%s' is invalid (not scored): %s"),
		        code,
		        set->units[k].nproblems ? set->units[k].problems[0]
		                                : _("see its problems"));
		return -1;
	}
	if (rowwise) {
		for (k = 0; k < sizeof(csv_head) / sizeof(csv_head[0]); k++)
			sheetw_text(rows, csv_head[k]);
		sheetw_end(rows);
	} else if (format == GAPS_JSON) {
		jsonw_init(&w, f);
		jsonw_object(&w, 0);
		jsonw_kstring(&w, "generator", PACKAGE_STRING);
		jsonw_key(&w, "units");
		jsonw_array(&w, 0);
	}
	for (k = 0; k < set->nunits; k++) {
		const rs_unit *u = &set->units[k];
		const rs_model *m = &set->models[u->model];
		struct gap *g;

		if ((code && strcmp(u->code, code) != 0) ||
		    u->status == RS_INVALID)
			continue;
		g = unit_gaps(m, u, &n);
		if (rowwise) {
			write_unit_rows(m, u, g, n, rows);
		} else if (format == GAPS_JSON) {
			write_unit_json(m, u, g, n, &w);
		} else {
			if (shown++)
				fputc('\n', f);
			write_unit_table(m, u, g, n, f);
		}
		free(g);
	}
	if (format == GAPS_JSON) {
		jsonw_end(&w);
		jsonw_end(&w);
		jsonw_finish(&w);
	}
	return 0;
}
