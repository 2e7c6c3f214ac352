/*
 * model_inputs.c - the "inputs" section: every data field a model reads,
 * with its type, bounds and label.
 */
#include "model/model_internal.h"

#include "util/i18n.h"
#include "util/nfc.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

static const char *const input_keys[] = {"type",        "label",         "unit",
                                         "description", "min",           "max",
                                         "choices",     "choice_labels", NULL};
static const char *const type_words[] = {"integer", "number", "boolean",
                                         "choice",  "text",   NULL};
static const unsigned type_flags[] = {CHISO_INPUT_INTEGER, CHISO_INPUT_NUMBER,
                                      CHISO_INPUT_BOOLEAN, CHISO_INPUT_CHOICE,
                                      CHISO_INPUT_TEXT};

#define INPUT_ID_MAX 64

/* Input ids become data keys and CSV columns: keep them simple. */
static int check_input_id(model_loader *ld, const doc_node *key)
{
	const char *id = key->text;

	if (strlen(id) > INPUT_ID_MAX || schema_check_chars(id, "_") < 0 ||
	    !(id[0] >= 'a' && id[0] <= 'z')) {
		schema_error(&ld->sc, key,
		             _("input id '%s' must start with a letter and use "
		               "only a-z, 0-9 and '_' (at most %d bytes), e.g. "
		               "officials_total"),
		             id, INPUT_ID_MAX);
		return -1;
	}
	return 0;
}

/* The "choices" list: distinct non-empty names. */
static int load_choices(model_loader *ld, model_input *in, const doc_node *n)
{
	const doc_node *dup;
	size_t i;
	int rc = 0;

	if (schema_expect(&ld->sc, n, DOC_SEQ, "choices") < 0)
		return -1;
	if (n->count == 0) {
		schema_error(&ld->sc, n,
		             _("choices must list at least one "
		               "choice, e.g. [head, deputy, none]"));
		return -1;
	}
	in->choices = xcalloc(n->count, sizeof(*in->choices));
	in->nchoices = n->count;
	for (i = 0; i < n->count; i++) {
		in->choices[i] =
		        schema_string(&ld->sc, n->items[i], N_("a choice"), 0);
		if (!in->choices[i])
			rc = -1;
	}
	dup = rc == 0 ? doc_find_duplicate_item(n) : NULL;
	if (dup) {
		schema_error(&ld->sc, dup, _("choice '%s' is listed twice"),
		             dup->text);
		rc = -1;
	}
	return rc;
}

void model_input_free_folds(model_input *in)
{
	size_t k;

	if (!in->choice_folds)
		return;
	for (k = 0; k < 2 * in->nchoices; k++)
		free(in->choice_folds[k]);
	free(in->choice_folds);
	in->choice_folds = NULL;
}

/* The position of choice name in in's choices, or nchoices. */
static size_t choice_index(const model_input *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->nchoices; i++)
		if (strcmp(in->choices[i], name) == 0)
			break;
	return i;
}

/* The "choice_labels" map: a label (text) for some of the choices,
 * e.g. { head: "Người đứng đầu", deputy: "Cấp phó" }. */
static int load_choice_labels(model_loader *ld, model_input *in,
                              const doc_node *n)
{
	size_t i, c;
	int rc = 0;

	if (schema_expect(&ld->sc, n, DOC_MAP, "choice_labels") < 0)
		return -1;
	in->choice_labels = xcalloc(in->nchoices, sizeof(*in->choice_labels));
	for (i = 0; i < n->count; i++) {
		c = choice_index(in, n->keys[i]->text);
		if (c == in->nchoices) {
			schema_error(&ld->sc, n->keys[i],
			             _("choice_labels: '%s' is not a choice of "
			               "input '%s'"),
			             n->keys[i]->text, in->id);
			rc = -1;
			continue;
		}
		in->choice_labels[c] = schema_string(&ld->sc, n->items[i],
		                                     N_("a choice label"), 0);
		if (!in->choice_labels[c])
			rc = -1;
	}
	return rc;
}

/* A folded name or label and its choice, sorted to find twins. */
struct fold_ref {
	const char *fold;
	size_t choice;
};

static int cmp_fold(const void *a, const void *b)
{
	const struct fold_ref *x = a, *y = b;
	int c = strcmp(x->fold, y->fold);

	if (c)
		return c;
	return x->choice < y->choice ? -1 : x->choice > y->choice;
}

/*
 * The folded names and labels of in's choices, for data matched
 * without regard to case and diacritics; two choices that fold alike
 * (a label the same as another choice's name or label) are an error at
 * node n, since data could not tell them apart. Sorted, not compared
 * pairwise: a model may list hundreds of thousands of choices.
 */
static int fold_choices(model_loader *ld, model_input *in, const doc_node *n)
{
	size_t k, m = 0, total = 2 * in->nchoices;
	struct fold_ref *refs;
	const char *s;
	int rc = 0;

	in->choice_folds = xcalloc(total, sizeof(*in->choice_folds));
	refs = xcalloc(total, sizeof(*refs));
	for (k = 0; k < total; k++) {
		s = k % 2 ? (in->choice_labels ? in->choice_labels[k / 2]
		                               : NULL)
		          : in->choices[k / 2];
		if (!s)
			continue;
		/* NULL (memory ran out): matched exactly only */
		in->choice_folds[k] = nfc_fold(s, strlen(s));
		if (!in->choice_folds[k])
			continue;
		refs[m].fold = in->choice_folds[k];
		refs[m++].choice = k / 2;
	}
	qsort(refs, m, sizeof(*refs), cmp_fold);
	for (k = 1; k < m; k++) {
		if (strcmp(refs[k - 1].fold, refs[k].fold) == 0 &&
		    refs[k - 1].choice != refs[k].choice) {
			schema_error(
			        &ld->sc, n,
			        _("choices '%s' and '%s' of input '%s' read "
			          "alike without case and diacritics: data "
			          "could not tell them apart"),
			        in->choices[refs[k - 1].choice],
			        in->choices[refs[k].choice], in->id);
			rc = -1;
			break;
		}
	}
	free(refs);
	return rc;
}

/* A bound is a number now; input names are resolved in a second pass. */
static int load_bound(model_loader *ld, input_bound *b, const doc_node *n,
                      const char *what)
{
	if (n->kind == DOC_SCALAR && !n->quoted &&
	    ((n->text[0] >= '0' && n->text[0] <= '9') || n->text[0] == '-' ||
	     n->text[0] == '+' || n->text[0] == '.')) {
		if (schema_number(&ld->sc, n, what, &b->number) < 0)
			return -1;
		b->kind = BOUND_NUMBER;
		return 0;
	}
	if (n->kind != DOC_SCALAR) {
		schema_error(
		        &ld->sc, n,
		        _("%s must be a number or the id of another input"),
		        what);
		return -1;
	}
	b->kind = BOUND_INPUT;
	b->slot = -1;
	return 0;
}

/* One input's spec map. */
static int load_input(model_loader *ld, model_input *in, const doc_node *key,
                      const doc_node *spec)
{
	const doc_node *n;
	int rc = 0, t;

	in->id = key->text;
	in->label = in->id;
	in->line = key->line;
	in->col = key->col;
	if (check_input_id(ld, key) < 0)
		rc = -1;
	if (schema_check_keys(&ld->sc, spec, input_keys, N_("an input")) < 0)
		rc = -1;
	if (spec->kind != DOC_MAP)
		return -1;
	n = schema_require(&ld->sc, spec, "type", N_("an input"));
	if (!n)
		return -1;
	t = schema_enum(&ld->sc, n, "type", type_words);
	if (t < 0)
		return -1;
	in->type = type_flags[t];
	n = doc_get(spec, "label");
	if (n) {
		in->label = schema_string(&ld->sc, n, "label", 0);
		if (!in->label) {
			in->label = in->id;
			rc = -1;
		}
	}
	n = doc_get(spec, "unit");
	if (n && !(in->unit = schema_string(&ld->sc, n, "unit", 0)))
		rc = -1;
	n = doc_get(spec, "description");
	if (n &&
	    !(in->description = schema_string(&ld->sc, n, "description", 0)))
		rc = -1;
	n = doc_get(spec, "choices");
	if (in->type == CHISO_INPUT_CHOICE) {
		if (!n) {
			schema_error(
			        &ld->sc, spec,
			        _("input '%s' of type choice needs 'choices', "
			          "e.g. choices: [head, deputy, none]"),
			        in->id);
			rc = -1;
		} else if (load_choices(ld, in, n) < 0) {
			rc = -1;
		} else {
			const doc_node *labels = doc_get(spec, "choice_labels");

			if (labels && load_choice_labels(ld, in, labels) < 0)
				rc = -1;
			else if (fold_choices(ld, in, labels ? labels : n) < 0)
				rc = -1;
		}
	} else if (n) {
		schema_error(&ld->sc, n,
		             _("'choices' is only for inputs of type choice"));
		rc = -1;
	}
	if (in->type != CHISO_INPUT_CHOICE &&
	    (n = doc_get(spec, "choice_labels"))) {
		schema_error(&ld->sc, n,
		             _("'choice_labels' is only for inputs of type "
		               "choice"));
		rc = -1;
	}
	if (doc_get(spec, "min") || doc_get(spec, "max")) {
		if (!(in->type & CHISO_INPUT_NUMERIC)) {
			schema_error(
			        &ld->sc, spec,
			        _("min and max are only for integer and number "
			          "inputs, not %s"),
			        model_type_name(in->type));
			return -1;
		}
	}
	n = doc_get(spec, "min");
	if (n && load_bound(ld, &in->min, n, "min") < 0)
		rc = -1;
	n = doc_get(spec, "max");
	if (n && load_bound(ld, &in->max, n, "max") < 0)
		rc = -1;
	return rc;
}

/* Resolves a bound naming another input. */
static int resolve_bound(model_loader *ld, model_input *in, input_bound *b,
                         const doc_node *n)
{
	chiso_model *m = ld->m;
	const char *near;
	int slot;

	if (b->kind != BOUND_INPUT)
		return 0;
	slot = model_input_slot(m, n->text);
	if (slot >= 0 && strcmp(m->inputs[slot].id, in->id) == 0) {
		schema_error(&ld->sc, n,
		             _("input '%s' cannot be bounded by itself"),
		             in->id);
		return -1;
	}
	if (slot >= 0 && !(m->inputs[slot].type & CHISO_INPUT_NUMERIC)) {
		schema_error(
		        &ld->sc, n,
		        _("bound '%s' must be an integer or number input, not "
		          "%s"),
		        n->text, model_type_name(m->inputs[slot].type));
		return -1;
	}
	if (slot >= 0) {
		b->slot = slot;
		return 0;
	}
	near = diag_full(ld->sc.d) ? NULL : model_suggest_input(m, n->text);
	if (near)
		schema_error(
		        &ld->sc, n,
		        _("bound '%s' is neither a number nor an input id; "
		          "did you mean '%s'?"),
		        n->text, near);
	else
		schema_error(
		        &ld->sc, n,
		        _("bound '%s' is neither a number nor an input id"),
		        n->text);
	return -1;
}

/* Indexes the ids, reads every input, then resolves cross-field
 * bounds. */
int model_load_inputs(model_loader *ld, const doc_node *inputs)
{
	chiso_model *m = ld->m;
	size_t i, dup;
	int rc = 0;

	if (schema_expect(&ld->sc, inputs, DOC_MAP, "inputs") < 0)
		return -1;
	if (inputs->count > LIMIT_INPUTS) {
		schema_error(&ld->sc, inputs->keys[LIMIT_INPUTS],
		             _("too many inputs: the limit is %d per model (a "
		               "fixed limit)"),
		             LIMIT_INPUTS);
		return -1;
	}
	m->inputs =
	        xcalloc(inputs->count ? inputs->count : 1, sizeof(*m->inputs));
	m->ninputs = inputs->count;
	for (i = 0; i < inputs->count; i++)
		m->inputs[i].id = inputs->keys[i]->text;
	if (model_index_inputs(m, &dup) < 0) {
		/* The readers refuse duplicate keys already. */
		schema_error(&ld->sc, inputs->keys[dup],
		             _("input '%s' is declared twice"),
		             m->inputs[dup].id);
		return -1;
	}
	for (i = 0; i < inputs->count; i++)
		if (load_input(ld, &m->inputs[i], inputs->keys[i],
		               inputs->items[i]) < 0)
			rc = -1;
	if (rc < 0)
		return -1;
	for (i = 0; i < inputs->count; i++) {
		model_input *in = &m->inputs[i];
		const doc_node *spec = inputs->items[i];

		if (resolve_bound(ld, in, &in->min, doc_get(spec, "min")) < 0 ||
		    resolve_bound(ld, in, &in->max, doc_get(spec, "max")) < 0)
			rc = -1;
		if (in->min.kind == BOUND_NUMBER &&
		    in->max.kind == BOUND_NUMBER &&
		    in->min.number > in->max.number) {
			char lo[NUMFMT_MAX], hi[NUMFMT_MAX];

			schema_error(&ld->sc, doc_get(spec, "max"),
			             _("max %s of '%s' is below its min %s"),
			             numfmt_exact(in->max.number, hi), in->id,
			             numfmt_exact(in->min.number, lo));
			rc = -1;
		}
	}
	return rc;
}
