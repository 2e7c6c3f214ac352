/*
 * model_diff_lists.c - the changes of what a model holds besides its
 * tree: the inputs, views and classes (lists matched by id: added,
 * removed, fields changed, reordered) and the model section (identity,
 * texts, precision, missing-data policy, isolation).
 */
#include "modeldoc/model_diff_internal.h"

#include "util/numfmt.h"

#include <string.h>

/* --- inputs, views, classes: lists matched by id ---------------------- */

/* How to walk one kind of list of a model. */
struct listing {
	md_section section;
	size_t (*count)(const chiso_model *m);
	const char *(*id)(const chiso_model *m, size_t i);
	int (*find)(const chiso_model *m, const char *id);
	void (*fields)(struct md_build *bd, int i, int j);
};

/* Collects the items of m also in other, in m's order; keys are B's
 * indices (from_a: found in other). */
static void common_items(const struct listing *l, const chiso_model *m,
                         const chiso_model *other, int from_a,
                         struct md_common *out)
{
	size_t k;

	md_common_init(out, l->count(m));
	for (k = 0; k < l->count(m); k++) {
		int j = l->find(other, l->id(m, k));

		if (j < 0)
			continue;
		out->key[out->n] = from_a ? j : (int)k;
		out->id[out->n++] = l->id(m, k);
	}
}

/* Added, changed, removed items and a change of their order. */
static void compare_list(struct md_build *bd, const struct listing *l)
{
	const chiso_model *a = bd->d->a, *b = bd->d->b;
	struct md_common x, y;
	size_t k;

	for (k = 0; k < l->count(b); k++) {
		int i = l->find(a, l->id(b, k));

		if (i < 0)
			md_add(bd, l->section, MD_ADDED, -1, (int)k, NULL,
			       mdv_none(), mdv_none());
		else
			l->fields(bd, i, (int)k);
	}
	for (k = 0; k < l->count(a); k++)
		if (l->find(b, l->id(a, k)) < 0)
			md_add(bd, l->section, MD_REMOVED, (int)k, -1, NULL,
			       mdv_none(), mdv_none());
	common_items(l, a, b, 1, &x);
	common_items(l, b, a, 0, &y);
	md_add_order(bd, l->section, -1, -1, "order", &x, &y);
	md_common_free(&x);
	md_common_free(&y);
}

/* An optional text field of an input, view or class. */
static void field_text(struct md_build *bd, md_section s, int i, int j,
                       const char *field, const char *x, const char *y)
{
	if (!md_same_text(x, y))
		md_add(bd, s, MD_CHANGED, i, j, field, mdv_text(x),
		       mdv_text(y));
}

/* A bound as a value: nothing, a number or an input id. */
static md_value bound_value(const chiso_model *m, const input_bound *b)
{
	if (b->kind == BOUND_NUMBER)
		return mdv_number(b->number);
	if (b->kind == BOUND_INPUT)
		return mdv_text(m->inputs[b->slot].id);
	return mdv_none();
}

/* 1 when two bounds are the same number or name the same input. */
static int same_bound(const model_diff *d, const input_bound *x,
                      const input_bound *y)
{
	if (x->kind != y->kind)
		return 0;
	if (x->kind == BOUND_NUMBER)
		return x->number == y->number;
	if (x->kind == BOUND_INPUT)
		return strcmp(d->a->inputs[x->slot].id,
		              d->b->inputs[y->slot].id) == 0;
	return 1;
}

/* Appends an input's choices as a flow list: `[head, deputy, none]`. */
void md_choices_text(const model_input *in, strbuf *sb)
{
	size_t k;

	strbuf_putc(sb, '[');
	for (k = 0; k < in->nchoices; k++) {
		strbuf_puts(sb, k ? ", " : "");
		md_flow_text(sb, in->choices[k]);
	}
	strbuf_putc(sb, ']');
}

/* 1 when two inputs have the same choices in the same order. */
static int same_choices(const model_input *x, const model_input *y)
{
	size_t k;

	if (x->nchoices != y->nchoices)
		return 0;
	for (k = 0; k < x->nchoices; k++)
		if (strcmp(x->choices[k], y->choices[k]) != 0)
			return 0;
	return 1;
}

/* The fields of inputs i (of A) and j (of B). */
static void input_fields(struct md_build *bd, int i, int j)
{
	const model_diff *d = bd->d;
	const model_input *x = &d->a->inputs[i], *y = &d->b->inputs[j];
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;

	if (x->type != y->type)
		md_add(bd, MD_INPUT, MD_CHANGED, i, j, "type",
		       mdv_text(model_type_name(x->type)),
		       mdv_text(model_type_name(y->type)));
	field_text(bd, MD_INPUT, i, j, "label", x->label, y->label);
	field_text(bd, MD_INPUT, i, j, "unit", x->unit, y->unit);
	if (!same_bound(d, &x->min, &y->min))
		md_add(bd, MD_INPUT, MD_CHANGED, i, j, "min",
		       bound_value(d->a, &x->min), bound_value(d->b, &y->min));
	if (!same_bound(d, &x->max, &y->max))
		md_add(bd, MD_INPUT, MD_CHANGED, i, j, "max",
		       bound_value(d->a, &x->max), bound_value(d->b, &y->max));
	if (!same_choices(x, y)) {
		md_choices_text(x, &p);
		md_choices_text(y, &q);
		md_add(bd, MD_INPUT, MD_CHANGED, i, j, "choices", mdv_buf(&p),
		       mdv_buf(&q));
	}
	field_text(bd, MD_INPUT, i, j, "description", x->description,
	           y->description);
}

/* Appends the node ids of a view: "1, 2, 3". */
void md_view_nodes_text(const chiso_model *m, const model_view *v, strbuf *sb)
{
	size_t k;

	for (k = 0; k < v->nnodes; k++)
		strbuf_printf(sb, "%s%s", k ? ", " : "",
		              m->nodes[v->nodes[k]].id);
}

/* 1 when two views sum the same nodes (matched as the tree's nodes
 * are, so an id that changed is the same node). */
static int same_view_nodes(const model_diff *d, const model_view *x,
                           const model_view *y)
{
	size_t k, j;

	if (x->nnodes != y->nnodes)
		return 0;
	for (k = 0; k < x->nnodes; k++) {
		int want = d->map_ab[x->nodes[k]];

		for (j = 0; j < y->nnodes && (int)y->nodes[j] != want; j++)
			;
		if (want < 0 || j == y->nnodes)
			return 0;
	}
	return 1;
}

/* The fields of views i (of A) and j (of B). */
static void view_fields(struct md_build *bd, int i, int j)
{
	const model_diff *d = bd->d;
	const model_view *x = &d->a->views[i], *y = &d->b->views[j];
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;

	field_text(bd, MD_VIEW, i, j, "name", x->name, y->name);
	if (!same_view_nodes(d, x, y)) {
		md_view_nodes_text(d->a, x, &p);
		md_view_nodes_text(d->b, y, &q);
		md_add(bd, MD_VIEW, MD_CHANGED, i, j, "nodes", mdv_buf(&p),
		       mdv_buf(&q));
	}
	field_text(bd, MD_VIEW, i, j, "description", x->description,
	           y->description);
}

/* Appends a class's conditions: "min_value 0.9, mandatory all". */
void md_conditions_text(const model_class *c, strbuf *sb)
{
	char buf[NUMFMT_MAX];

	if (c->has_min_value)
		strbuf_printf(sb, "min_value %s",
		              numfmt_exact(c->min_value, buf));
	if (c->mandatory_all)
		strbuf_printf(sb, "%smandatory all", sb->len ? ", " : "");
	if (c->has_extended_min)
		strbuf_printf(sb, "%sextended_min %s", sb->len ? ", " : "",
		              numfmt_exact(c->extended_min, buf));
}

/* 1 when two classes have the same conditions. */
static int same_conditions(const model_class *x, const model_class *y)
{
	return x->has_min_value == y->has_min_value &&
	       (!x->has_min_value || x->min_value == y->min_value) &&
	       !x->mandatory_all == !y->mandatory_all &&
	       x->has_extended_min == y->has_extended_min &&
	       (!x->has_extended_min || x->extended_min == y->extended_min);
}

/* The fields of classes i (of A) and j (of B). */
static void class_fields(struct md_build *bd, int i, int j)
{
	const model_class *x = &bd->d->a->classes[i];
	const model_class *y = &bd->d->b->classes[j];
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;

	field_text(bd, MD_CLASS, i, j, "name", x->name, y->name);
	if (!same_conditions(x, y)) {
		md_conditions_text(x, &p);
		md_conditions_text(y, &q);
		md_add(bd, MD_CLASS, MD_CHANGED, i, j, "conditions",
		       mdv_buf(&p), mdv_buf(&q));
	}
	field_text(bd, MD_CLASS, i, j, "description", x->description,
	           y->description);
}

/* The number of inputs of m. */
static size_t inputs_count(const chiso_model *m)
{
	return m->ninputs;
}

/* The id of input i of m. Borrowed from m. */
static const char *input_id(const chiso_model *m, size_t i)
{
	return m->inputs[i].id;
}

/* The number of views of m. */
static size_t views_count(const chiso_model *m)
{
	return m->nviews;
}

/* The id of view i of m. Borrowed from m. */
static const char *view_id(const chiso_model *m, size_t i)
{
	return m->views[i].id;
}

/* The number of classes of m. */
static size_t classes_count(const chiso_model *m)
{
	return m->nclasses;
}

/* The id of class i of m. Borrowed from m. */
static const char *class_id(const chiso_model *m, size_t i)
{
	return m->classes[i].id;
}

/* The class with this id, or -1. */
static int class_index(const chiso_model *m, const char *id)
{
	size_t k;

	for (k = 0; k < m->nclasses; k++)
		if (strcmp(m->classes[k].id, id) == 0)
			return (int)k;
	return -1;
}

static const struct listing inputs_listing = {MD_INPUT, inputs_count, input_id,
                                              model_input_slot, input_fields};
static const struct listing views_listing = {MD_VIEW, views_count, view_id,
                                             model_view_index, view_fields};
static const struct listing classes_listing = {
        MD_CLASS, classes_count, class_id, class_index, class_fields};

void md_compare_lists(struct md_build *bd)
{
	compare_list(bd, &inputs_listing);
	compare_list(bd, &views_listing);
	compare_list(bd, &classes_listing);
}

/* --- the model section ------------------------------------------------ */

/* The name of a missing-data policy. Static. */
static const char *missing_name(missing_policy p)
{
	static const char *const names[] = {"zero", "exclude", "error"};

	return (unsigned)p < 3 ? names[p] : "?";
}

/* What model.isolate asks, in words: "every method", "none", or the
 * isolated methods in the order of their first indicator. Into sb. */
static void isolate_text(const chiso_model *m, strbuf *sb)
{
	size_t k, j, n = 0;

	strbuf_reset(sb);
	for (k = 0; k < m->nleaves; k++)
		n += m->nodes[m->leaves[k]].isolated;
	if (n == 0 || n == m->nleaves) {
		strbuf_puts(sb, n ? "every method" : "none");
		return;
	}
	for (k = 0; k < m->nleaves; k++) {
		const model_node *node = &m->nodes[m->leaves[k]];

		if (!node->isolated)
			continue;
		for (j = 0; j < k; j++)
			if (m->nodes[m->leaves[j]].isolated &&
			    strcmp(m->nodes[m->leaves[j]].method,
			           node->method) == 0)
				break;
		if (j == k)
			strbuf_printf(sb, "%s%s", sb->len ? ", " : "",
			              node->method);
	}
}

/* The model section: identity, texts, precision, missing policy,
 * isolation. */
void md_compare_settings(struct md_build *bd)
{
	const chiso_model *x = bd->d->a, *y = bd->d->b;
	strbuf ix = STRBUF_INIT, iy = STRBUF_INIT;

	field_text(bd, MD_MODEL, -1, -1, "id", x->id, y->id);
	field_text(bd, MD_MODEL, -1, -1, "version", x->version, y->version);
	field_text(bd, MD_MODEL, -1, -1, "title", x->title, y->title);
	field_text(bd, MD_MODEL, -1, -1, "issuer", x->issuer, y->issuer);
	field_text(bd, MD_MODEL, -1, -1, "basis", x->basis, y->basis);
	field_text(bd, MD_MODEL, -1, -1, "level", x->level, y->level);
	field_text(bd, MD_MODEL, -1, -1, "years", x->years, y->years);
	field_text(bd, MD_MODEL, -1, -1, "superseded_by", x->superseded_by,
	           y->superseded_by);
	if (x->precision != y->precision)
		md_add(bd, MD_MODEL, MD_CHANGED, -1, -1, "precision",
		       mdv_number(x->precision), mdv_number(y->precision));
	if (x->missing != y->missing)
		md_add(bd, MD_MODEL, MD_CHANGED, -1, -1, "missing",
		       mdv_text(missing_name(x->missing)),
		       mdv_text(missing_name(y->missing)));
	field_text(bd, MD_MODEL, -1, -1, "description", x->description,
	           y->description);
	isolate_text(x, &ix);
	isolate_text(y, &iy);
	field_text(bd, MD_MODEL, -1, -1, "isolate", strbuf_str(&ix),
	           strbuf_str(&iy));
	strbuf_release(&ix);
	strbuf_release(&iy);
}
