/*
 * model_diff_describe.c - a change in words, as every report shows it:
 * its label, the summary line that counts the changes, the id and name
 * of what changed, and its before and after texts (an added or removed
 * item says what it is).
 */
#include "modeldoc/model_diff_internal.h"

#include "util/i18n.h"
#include "util/numfmt.h"

#include <string.h>

/* --- the label of a change and the summary line ----------------------- */

/* Labels of changes, in the order the summary counts them. */
static const char *const labels[] = {N_("added"),
                                     N_("removed"),
                                     N_("id changed"),
                                     N_("renamed"),
                                     N_("moved"),
                                     N_("re-pointed"),
                                     N_("rule changed"),
                                     N_("params changed"),
                                     N_("kind changed"),
                                     N_("provisional changed"),
                                     N_("became a group"),
                                     N_("became an indicator"),
                                     N_("evidence changed"),
                                     N_("source changed"),
                                     N_("note changed"),
                                     N_("description changed"),
                                     N_("changed"),
                                     N_("reordered")};
#define NLABELS (sizeof(labels) / sizeof(labels[0]))

/* The label of a change in the reports. Static. */
const char *md_change_label(const md_change *c)
{
	static const char *const fixed[MD_NKINDS] = {
	        "added",        "removed",
	        "id changed",   "renamed",
	        "moved",        "re-pointed",
	        "rule changed", "params changed",
	        "kind changed", "provisional changed",
	        NULL,           "reordered",
	        NULL,           "changed"};
	static const char *const fields[] = {"evidence", "source", "note",
	                                     "description"};
	static const char *const texts[] = {"evidence changed",
	                                    "source changed", "note changed",
	                                    "description changed"};
	size_t k;

	if (c->kind == MD_SHAPE)
		return strcmp(c->after.text, "group") == 0
		               ? "became a group"
		               : "became an indicator";
	if (c->kind != MD_TEXT)
		return fixed[c->kind];
	for (k = 0; k < 4; k++)
		if (strcmp(fields[k], c->field) == 0)
			return texts[k];
	return "changed";
}

/* "N changes: 2 added, 1 removed; inputs: 1 added" or "no differences...". */
void md_summary(const model_diff *d, strbuf *sb)
{
	static const char *const prefix[MD_NSECTIONS] = {
	        "", N_("inputs: "), N_("views: "), N_("classes: "),
	        N_("model: ")};
	size_t s, l, k, n, items, sections = 0;

	if (d->identical) {
		strbuf_puts(sb, _("No differences: the files are identical"));
		return;
	}
	if (!d->nchanges) {
		strbuf_puts(sb, _("No differences: the files differ only in "
		                  "formatting or comments"));
		return;
	}
	strbuf_printf(sb, P_("%zu change:", "%zu changes:", d->nchanges),
	              d->nchanges);
	for (s = 0; s < MD_NSECTIONS; s++) {
		items = 0;
		for (l = 0; l < NLABELS; l++) {
			n = 0;
			for (k = 0; k < d->nchanges; k++)
				n += d->changes[k].section == s &&
				     strcmp(md_change_label(&d->changes[k]),
				            labels[l]) == 0;
			if (!n)
				continue;
			if (items)
				strbuf_puts(sb, ", ");
			else
				strbuf_printf(sb, "%s%s", sections ? "; " : " ",
				              *prefix[s] ? _(prefix[s]) : "");
			strbuf_printf(sb, "%zu %s", n, _(labels[l]));
			items++;
		}
		sections += items > 0;
	}
}

/* --- what an added or removed item is --------------------------------- */

/* Appends a bound after its label (", min 0"), or nothing. */
static void bound_text(strbuf *sb, const char *label, const chiso_model *m,
                       const input_bound *b)
{
	char buf[NUMFMT_MAX];

	if (b->kind == BOUND_NUMBER)
		strbuf_printf(sb, "%s%s", label, numfmt_exact(b->number, buf));
	else if (b->kind == BOUND_INPUT)
		strbuf_printf(sb, "%s%s", label, m->inputs[b->slot].id);
}

/* Appends what a node is: "5 points in 2, ratio {...}". */
static void node_summary(const chiso_model *m, int i, strbuf *sb)
{
	const model_node *n = &m->nodes[i];
	char buf[NUMFMT_MAX];

	strbuf_printf(sb, _("%s points"), numfmt_exact(n->points, buf));
	if (n->parent >= 0)
		strbuf_printf(sb, _(" in %s"), m->nodes[n->parent].id);
	else
		strbuf_puts(sb, _(", main index"));
	if (n->is_leaf) {
		strbuf_printf(sb, ", %s ", n->method);
		md_flow(sb, n->params);
	} else {
		strbuf_printf(
		        sb,
		        P_(", group of %zu", ", group of %zu", n->nchildren),
		        n->nchildren);
	}
}

/* Appends what an input is: "integer, min 0, unit người, label ...". */
void md_input_summary(const chiso_model *m, int i, strbuf *sb)
{
	const model_input *in = &m->inputs[i];

	strbuf_puts(sb, model_type_label(in->type));
	bound_text(sb, _(", min "), m, &in->min);
	bound_text(sb, _(", max "), m, &in->max);
	if (in->nchoices) {
		strbuf_puts(sb, _(", choices "));
		md_choices_text(in, sb);
	}
	if (in->unit)
		strbuf_printf(sb, _(", unit %s"), in->unit);
	if (strcmp(in->label, in->id) != 0)
		strbuf_printf(sb, _(", label \"%s\""), in->label);
}

/* Appends what an added or removed item is. */
static void item_summary(md_section s, const chiso_model *m, int i, strbuf *sb)
{
	switch (s) {
	case MD_NODE:
		node_summary(m, i, sb);
		break;
	case MD_INPUT:
		md_input_summary(m, i, sb);
		break;
	case MD_VIEW:
		strbuf_printf(sb, "%s: ", m->views[i].name);
		md_view_nodes_text(m, &m->views[i], sb);
		break;
	case MD_CLASS:
		strbuf_printf(sb, "%s: ", m->classes[i].name);
		md_conditions_text(&m->classes[i], sb);
		break;
	default:
		break;
	}
}

/* Appends what shape node i has: "indicator, ratio {...}" or "group of
 * 2: 3.1, 3.2". */
static void shape_text(const chiso_model *m, int i, strbuf *sb)
{
	const model_node *n = &m->nodes[i];
	size_t k;

	if (n->is_leaf) {
		strbuf_printf(sb, _("indicator, %s "), n->method);
		md_flow(sb, n->params);
		return;
	}
	strbuf_printf(sb, P_("group of %zu:", "group of %zu:", n->nchildren),
	              n->nchildren);
	for (k = 0; k < n->nchildren; k++)
		strbuf_printf(sb, "%s %s", k ? "," : "",
		              m->nodes[n->children[k]].id);
}

/* --- the two sides of a change ---------------------------------------- */

/* Appends a value for people: a text, a number, yes/no or "(none)". */
static void value_text(strbuf *sb, const md_value *v)
{
	char buf[NUMFMT_MAX];

	switch (v->type) {
	case MDV_TEXT:
		strbuf_puts(sb, v->text);
		break;
	case MDV_NUMBER:
		strbuf_puts(sb, numfmt_exact(v->number, buf));
		break;
	case MDV_BOOL:
		strbuf_puts(sb, v->number ? _("yes") : _("no"));
		break;
	default:
		strbuf_puts(sb, _("(none)"));
	}
}

/* Appends the before (side 0) or after (side 1) text of change c. */
void md_side_text(const model_diff *d, const md_change *c, int side, strbuf *sb)
{
	const chiso_model *m = side ? d->b : d->a, *o = side ? d->a : d->b;
	int i = side ? c->b : c->a, j = side ? c->a : c->b;
	const md_value *v = side ? &c->after : &c->before;

	switch (c->kind) {
	case MD_ADDED:
	case MD_REMOVED:
		if (i >= 0)
			item_summary(c->section, m, i, sb);
		return;
	case MD_MOVED:
		if (v->type == MDV_NONE) {
			strbuf_puts(sb, _("(main index)"));
			return;
		}
		break;
	case MD_METHOD:
		strbuf_printf(sb, "%s ", v->text);
		md_flow(sb, m->nodes[i].params);
		return;
	case MD_PARAMS:
		md_params_brief(sb, m->nodes[i].params, o->nodes[j].params);
		return;
	case MD_SHAPE:
		shape_text(m, i, sb);
		return;
	default:
		break;
	}
	value_text(sb, v);
}

/* --- what a change is about ------------------------------------------- */

/* The model and index of the item of change c: B's, else A's.
 * Borrowed from d. */
const chiso_model *md_item_of(const model_diff *d, const md_change *c, int *i)
{
	*i = c->b >= 0 ? c->b : c->a;
	return c->b >= 0 ? d->b : d->a;
}

/* The id shown for change c ("" for a whole list). Static or borrowed
 * from d's models. */
const char *md_change_id(const model_diff *d, const md_change *c)
{
	int i;
	const chiso_model *m = md_item_of(d, c, &i);

	if (i < 0)
		return "";
	switch (c->section) {
	case MD_NODE:
		return m->nodes[i].id;
	case MD_INPUT:
		return m->inputs[i].id;
	case MD_VIEW:
		return m->views[i].id;
	case MD_CLASS:
		return m->classes[i].id;
	default:
		return "";
	}
}
