/*
 * report_table.c - evaluate's table output.
 */
#include "results/report_table.h"

#include "eval/eval.h"
#include "eval/outcomes.h"
#include "util/escape.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/texttable.h"

#include <string.h>

#define NAME_COLS 56
#define NOTE_COLS 60

enum { COL_ID, COL_NAME, COL_POINTS, COL_VALUE, COL_STATUS, COL_NOTE, NCOLS };

/* "45.0000 / 60" with earned to the model's precision. */
static void points_text(char *buf, size_t size, double earned, double max,
                        int precision)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];

	snprintf(buf, size, "%s / %s", numfmt_fixed(earned, precision, a),
	         numfmt_trim(max, precision, b));
}

/* The unit's heading lines (codes and names escaped: escape.h). */
static void heading(const batch *b, size_t u, FILE *f)
{
	const unit_rec *ur = &b->units[u];
	const chiso_model *m = b->model;
	const char *name = batch_str(b, ur->name);

	escape_fprintf(f, "%s (%s)", *name ? name : batch_str(b, ur->code),
	               batch_str(b, ur->code));
	if (ur->level)
		escape_fprintf(f, " · %s", batch_str(b, ur->level));
	if (ur->period)
		escape_fprintf(f, _(" · period %s"), batch_str(b, ur->period));
	escape_fprintf(f, _(" · stage %s\n"), batch_str(b, ur->stage));
	escape_fprintf(f, _("Model %s %s · sha256 %.12s\n"), m->id, m->version,
	               m->sha256);
}

/* A node's status as the table shows it, in the language of messages;
 * the results document keeps the codes of eval_status_name(). */
static const char *status_text(int status)
{
	switch (status) {
	case CHISO_STATUS_OK:
		return _("ok");
	case CHISO_STATUS_NA:
		return _("na");
	case CHISO_STATUS_ERROR:
		return _("error");
	case CHISO_STATUS_MISSING:
		return _("missing");
	}
	return eval_status_name(status);
}

/* One row per node, names indented by depth. */
static void node_rows(const batch *b, size_t u, texttable *t)
{
	const chiso_model *m = b->model;
	char pts[2 * NUMFMT_MAX + 8], val[NUMFMT_MAX];
	strbuf name = STRBUF_INIT;
	size_t i, d;

	for (i = 0; i < m->nnodes; i++) {
		const model_node *node = &m->nodes[i];
		size_t ni = BATCH_NODE(b, u, i);
		const char *cells[NCOLS];

		strbuf_reset(&name);
		for (d = 0; d < node->depth; d++)
			strbuf_puts(&name, "  ");
		strbuf_puts(&name, node->name);
		points_text(pts, sizeof(pts), b->node_points[ni],
		            b->node_max[ni], m->precision);
		numfmt_fixed(batch_node_value(b, u, i), m->precision, val);
		cells[COL_ID] = node->id;
		cells[COL_NAME] = strbuf_str(&name);
		cells[COL_POINTS] = pts;
		cells[COL_VALUE] = val;
		cells[COL_STATUS] = status_text(b->node_status[ni]);
		cells[COL_NOTE] =
		        node->is_leaf ? batch_str(b, b->leaf_note[BATCH_LEAF(
		                                             b, u, node->leaf)])
		                      : "";
		texttable_row(t, cells);
	}
	strbuf_release(&name);
}

/* The model's views under the total, one row each. */
static void view_rows(const batch *b, size_t u, texttable *t)
{
	const chiso_model *m = b->model;
	char pts[2 * NUMFMT_MAX + 8], val[NUMFMT_MAX];
	const char *cells[NCOLS];
	size_t v;

	for (v = 0; v < m->nviews; v++) {
		points_text(pts, sizeof(pts),
		            b->view_points[BATCH_VIEW(b, u, v)],
		            b->view_max[BATCH_VIEW(b, u, v)], m->precision);
		numfmt_fixed(outcomes_view_value(b, u, v), m->precision, val);
		cells[COL_ID] = m->views[v].id;
		cells[COL_NAME] = m->views[v].name;
		cells[COL_POINTS] = pts;
		cells[COL_VALUE] = val;
		cells[COL_STATUS] = _("view");
		cells[COL_NOTE] = "";
		texttable_row(t, cells);
	}
}

/* "Class: ..." and why the classes above it were missed. */
static void class_lines(const batch *b, size_t u, FILE *f)
{
	const chiso_model *m = b->model;
	int got = b->unit_class[u];
	size_t c, upto = got >= 0 ? (size_t)got : m->nclasses;
	strbuf why = STRBUF_INIT;

	if (m->nclasses == 0)
		return;
	if (got >= 0)
		escape_fprintf(f, _("Class: %s (%s)\n"), m->classes[got].name,
		               m->classes[got].id);
	else
		fputs(_("Class: none\n"), f);
	for (c = 0; c < upto; c++) {
		strbuf_reset(&why);
		outcomes_class_check(b, u, c, &why);
		escape_fprintf(f, _("  not %s: %s\n"), m->classes[c].id,
		               strbuf_str(&why));
	}
	strbuf_release(&why);
}

/* The table of one valid unit. */
static void unit_table(const batch *b, size_t u, FILE *f)
{
	static const char *const head[NCOLS] = {
	        N_("ID"),     N_("Index / indicator"),
	        N_("Points"), N_("Value"),
	        N_("Status"), N_("Note")};
	const char *heads[NCOLS];
	size_t i;
	const chiso_model *m = b->model;
	char pts[2 * NUMFMT_MAX + 8], val[NUMFMT_MAX];
	const char *total[NCOLS] = {"", _("Total"), pts, val, "", ""};
	texttable *t = texttable_new(NCOLS);

	texttable_right(t, COL_POINTS);
	texttable_right(t, COL_VALUE);
	texttable_max(t, COL_NAME, NAME_COLS);
	texttable_max(t, COL_NOTE, NOTE_COLS);
	for (i = 0; i < NCOLS; i++)
		heads[i] = _(head[i]);
	texttable_row(t, heads);
	node_rows(b, u, t);
	points_text(pts, sizeof(pts), b->unit_points[u], b->unit_max[u],
	            m->precision);
	numfmt_fixed(batch_unit_value(b, u), m->precision, val);
	texttable_row(t, total);
	view_rows(b, u, t);
	texttable_print(t, f);
	texttable_free(t);
	class_lines(b, u, f);
}

/* Every unit, separated by a blank line. */
void report_table_write(const batch *b, FILE *f)
{
	size_t u, p;

	for (u = 0; u < b->nunits; u++) {
		const unit_rec *ur = &b->units[u];

		if (u > 0)
			fputc('\n', f);
		heading(b, u, f);
		fputc('\n', f);
		if (ur->invalid) {
			fputs(_("INVALID: not evaluated\n"), f);
			for (p = ur->first_problem; p;
			     p = b->problems[p - 1].next)
				escape_fprintf(
				        f, "  %s\n",
				        batch_str(b, b->problems[p - 1].text));
			continue;
		}
		unit_table(b, u, f);
		for (p = ur->first_problem; p; p = b->problems[p - 1].next)
			escape_fprintf(f, _("problem: %s\n"),
			               batch_str(b, b->problems[p - 1].text));
	}
}
