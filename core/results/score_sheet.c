/*
 * score_sheet.c - evaluate's score sheet, one row per unit (CSV or xlsx).
 */
#include "results/score_sheet.h"

#include "util/numfmt.h"
#include "util/strbuf.h"

/* The header row. */
static void header(const batch *b, sheetw *w)
{
	static const char *const fixed[] = {
	        "code",   "name",   "level", "parent", "period", "stage",
	        "status", "points", "max",   "value",  "class"};
	const chiso_model *m = b->model;
	strbuf head = STRBUF_INIT;
	size_t k;

	for (k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++)
		sheetw_text(w, fixed[k]);
	for (k = 0; k < m->nnodes; k++) {
		strbuf_reset(&head);
		strbuf_printf(&head, "%s %s", m->nodes[k].id, m->nodes[k].name);
		sheetw_text(w, strbuf_str(&head));
	}
	sheetw_end(w);
	strbuf_release(&head);
}

/* The row of unit u. */
static void unit_row(const batch *b, size_t u, sheetw *w)
{
	const unit_rec *ur = &b->units[u];
	const chiso_model *m = b->model;
	int prec = m->precision, got = b->unit_class[u];
	char buf[NUMFMT_MAX];
	size_t i;

	sheetw_text(w, batch_str(b, ur->code));
	sheetw_text(w, batch_str(b, ur->name));
	sheetw_text(w, batch_str(b, ur->level));
	sheetw_text(w, batch_str(b, ur->parent));
	sheetw_text(w, batch_str(b, ur->period));
	sheetw_text(w, batch_str(b, ur->stage));
	sheetw_text(w, ur->invalid ? "invalid" : ur->failed ? "error" : "ok");
	if (ur->invalid) {
		sheetw_end(w);
		return;
	}
	sheetw_number(w, numfmt_fixed(b->unit_points[u], prec, buf));
	sheetw_number(w, numfmt_trim(b->unit_max[u], prec, buf));
	sheetw_number(w, numfmt_fixed(batch_unit_value(b, u), prec, buf));
	sheetw_text(w, got >= 0 ? m->classes[got].name : "");
	for (i = 0; i < m->nnodes; i++)
		sheetw_number(w,
		              numfmt_fixed(b->node_points[BATCH_NODE(b, u, i)],
		                           prec, buf));
	sheetw_end(w);
}

void score_sheet_write(const batch *b, sheetw *w)
{
	size_t u;

	header(b, w);
	for (u = 0; u < b->nunits; u++)
		unit_row(b, u, w);
}
