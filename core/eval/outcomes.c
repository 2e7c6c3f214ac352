/*
 * outcomes.c - views and recognition classes of evaluated units.
 */
#include "eval/outcomes.h"

#include "util/i18n.h"
#include "util/numfmt.h"

#include <string.h>

/* Sums the view's nodes for every valid unit. */
static void compute_views(batch *b, size_t u)
{
	const chiso_model *m = b->model;
	size_t v, k;

	for (v = 0; v < m->nviews; v++) {
		const model_view *view = &m->views[v];
		double pts = 0, max = 0;

		for (k = 0; k < view->nnodes; k++) {
			size_t ni = BATCH_NODE(b, u, view->nodes[k]);

			pts += b->node_points[ni];
			max += b->node_max[ni];
		}
		b->view_points[BATCH_VIEW(b, u, v)] = pts;
		b->view_max[BATCH_VIEW(b, u, v)] = max;
	}
}

void outcomes_compute(batch *b)
{
	const chiso_model *m = b->model;
	size_t u, c;

	for (u = 0; u < b->nunits; u++) {
		if (b->units[u].invalid)
			continue;
		compute_views(b, u);
		for (c = 0; c < m->nclasses; c++)
			if (outcomes_class_check(b, u, c, NULL)) {
				b->unit_class[u] = (int)c;
				break;
			}
	}
}

double outcomes_view_value(const batch *b, size_t u, size_t v)
{
	double max = b->view_max[BATCH_VIEW(b, u, v)];

	return max > 0 ? b->view_points[BATCH_VIEW(b, u, v)] / max : 0;
}

/* Appends one failed condition to why, in the run's language (the
 * reasons are written into results documents with the notes, whose
 * language the document records). */
static void add_reason(strbuf *why, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static void add_reason(strbuf *why, const char *fmt, ...)
{
	va_list ap;

	if (!why)
		return;
	if (why->len > 0)
		strbuf_puts(why, "; ");
	va_start(ap, fmt);
	strbuf_vprintf(why, fmt, ap);
	va_end(ap);
}

/* Is leaf node i of unit u met (ok and full points)? */
static int leaf_met(const batch *b, size_t u, const model_node *node, size_t i)
{
	return b->node_status[BATCH_NODE(b, u, i)] == CHISO_STATUS_OK &&
	       b->leaf_fraction[BATCH_LEAF(b, u, node->leaf)] >= 1.0;
}

/* The mandatory condition; lists up to 5 unmet indicators. */
static int check_mandatory(const batch *b, size_t u, strbuf *why)
{
	const chiso_model *m = b->model;
	size_t k, unmet = 0;
	strbuf list = STRBUF_INIT;

	for (k = 0; k < m->nleaves; k++) {
		size_t i = m->leaves[k];
		const model_node *node = &m->nodes[i];

		if (!node->kind || strcmp(node->kind, "mandatory") != 0)
			continue;
		if (b->node_status[BATCH_NODE(b, u, i)] == CHISO_STATUS_NA)
			continue;
		if (leaf_met(b, u, node, i))
			continue;
		if (unmet < 5)
			strbuf_printf(&list, "%s%s", unmet ? ", " : "",
			              node->id);
		unmet++;
	}
	if (unmet > 5)
		strbuf_printf(&list, _(" and %zu more"), unmet - 5);
	if (unmet)
		add_reason(why, _("mandatory not met: %s"), strbuf_str(&list));
	strbuf_release(&list);
	return unmet == 0;
}

/* The extended condition: share of applicable extended indicators met. */
static int check_extended(const batch *b, size_t u, double min, strbuf *why)
{
	const chiso_model *m = b->model;
	size_t k, applicable = 0, met = 0;
	char share[NUMFMT_MAX], want[NUMFMT_MAX];

	for (k = 0; k < m->nleaves; k++) {
		size_t i = m->leaves[k];
		const model_node *node = &m->nodes[i];

		if (!node->kind || strcmp(node->kind, "extended") != 0)
			continue;
		if (b->node_status[BATCH_NODE(b, u, i)] == CHISO_STATUS_NA)
			continue;
		applicable++;
		met += leaf_met(b, u, node, i);
	}
	if (applicable == 0 || (double)met / (double)applicable >= min - 1e-12)
		return 1;
	add_reason(
	        why, _("extended met: %zu of %zu (%s%%) < %s%%"), met,
	        applicable,
	        numfmt_trim(100.0 * (double)met / (double)applicable, 1, share),
	        numfmt_trim(100.0 * min, 2, want));
	return 0;
}

int outcomes_class_check(const batch *b, size_t u, size_t c, strbuf *why)
{
	const model_class *cl = &b->model->classes[c];
	int prec = b->model->precision, ok = 1;
	char val[NUMFMT_MAX], min[NUMFMT_MAX];

	if (cl->has_min_value) {
		double v = numfmt_round(batch_unit_value(b, u), prec);

		if (v < cl->min_value) {
			add_reason(
			        why, _("value %s < %s"),
			        numfmt_fixed(batch_unit_value(b, u), prec, val),
			        numfmt_trim(cl->min_value, prec, min));
			ok = 0;
		}
	}
	if (cl->mandatory_all && !check_mandatory(b, u, why))
		ok = 0;
	if (cl->has_extended_min &&
	    !check_extended(b, u, cl->extended_min, why))
		ok = 0;
	return ok;
}
