/*
 * missing.c - the required values a unit lacks, said as the data is read.
 */
#include "eval/missing.h"

#include "util/i18n.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

/* Indicators named in a message before "and N more". */
#define NAMED_INDICATORS 3

/* 1 when node binds input slot without CHISO_BIND_OPTIONAL: without a
 * value it is not computed. */
static int binds_required(const model_node *node, size_t slot)
{
	size_t d;

	for (d = 0; d < node->ndeps; d++)
		if (node->deps[d].slot == (int)slot &&
		    !(node->deps[d].flags & CHISO_BIND_OPTIONAL))
			return 1;
	return 0;
}

/* What a missing value of in costs under the model's policy: "indicator
 * 3.1 scores 0 (...)", "indicators 3.1, 3.2 and 2 more are left out of
 * ..." (the indicators that need it; one that binds it as optional
 * computes without it). */
static void append_cost(strbuf *sb, const chiso_model *m, const model_input *in)
{
	size_t slot = (size_t)(in - m->inputs), k, n = 0;
	strbuf ids = STRBUF_INIT;

	for (k = 0; k < in->nused; k++) {
		const model_node *node = &m->nodes[in->used_by[k]];

		if (!binds_required(node, slot))
			continue;
		if (n < NAMED_INDICATORS)
			strbuf_printf(&ids, "%s%s", n ? ", " : "", node->id);
		n++;
	}
	strbuf_printf(sb, P_("indicator %s", "indicators %s", n),
	              strbuf_str(&ids));
	if (n > NAMED_INDICATORS)
		strbuf_printf(sb, _(" and %zu more"), n - NAMED_INDICATORS);
	if (m->missing == MISSING_EXCLUDE)
		strbuf_puts(sb, P_(" is left out of the unit's points (the "
		                   "model's missing: exclude)",
		                   " are left out of the unit's points (the "
		                   "model's missing: exclude)",
		                   n));
	else
		strbuf_puts(sb, P_(" scores 0 (the model's missing: zero)",
		                   " score 0 (the model's missing: zero)", n));
	strbuf_release(&ids);
}

/* Values noted per file beyond those the run shows: room for units that
 * become invalid after their record is read. */
#define NOTED_SPARE (3 * BATCH_MISSING_SHOWN)

void missing_note_unit(missing_list *l, const batch *b, size_t u,
                       const doc_node *const *at, const unsigned char *absent)
{
	const chiso_model *m = b->model;
	size_t i;

	if (m->missing == MISSING_ERROR || b->units[u].invalid)
		return; /* refused: said as errors */
	for (i = batch_next_missing(b, u, 0); i < m->ninputs;
	     i = batch_next_missing(b, u, i + 1)) {
		const doc_node *n = at ? at[i] : NULL;
		missing_seen *s;

		if (absent && absent[i])
			continue;
		if (b->missing_shown + l->n >=
		    BATCH_MISSING_SHOWN + NOTED_SPARE)
			return;
		if (l->n == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 4;
			l->items = xrealloc(l->items, l->cap * sizeof(*s));
		}
		s = &l->items[l->n++];
		s->u = u;
		s->slot = i;
		s->empty = n != NULL;
		s->line = n && n->line ? n->line : b->units[u].line;
		s->col = n && n->line ? n->col : b->units[u].col;
	}
}

void missing_count(batch *b, size_t first)
{
	size_t u;

	for (u = first; u < b->nunits; u++) {
		size_t n = b->units[u].invalid ? 0 : batch_unit_missing(b, u);

		b->missing_values += n;
		b->missing_units += n > 0;
	}
}

void missing_describe(const batch *b, const missing_seen *s, strbuf *sb)
{
	const chiso_model *m = b->model;
	const model_input *in = &m->inputs[s->slot];

	strbuf_printf(sb, _("unit %s: field %s: %s: "),
	              batch_str(b, b->units[s->u].code), in->id,
	              s->empty ? _("empty") : _("missing"));
	append_cost(sb, m, in);
	strbuf_puts(sb, _("; enter its value (0 if it is 0)"));
}

void missing_list_free(missing_list *l)
{
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void missing_describe_column(const batch *b, size_t slot, strbuf *sb)
{
	const chiso_model *m = b->model;
	const model_input *in = &m->inputs[slot];

	strbuf_printf(sb,
	              _("no column '%s' (%s), a required input: every unit of "
	                "this file lacks it, so "),
	              in->id, in->label);
	if (m->missing == MISSING_ERROR)
		strbuf_puts(sb, _("every unit is refused (the model's missing: "
		                  "error)"));
	else
		append_cost(sb, m, in);
	strbuf_puts(sb, _("; add the column ('chiso template --format csv' "
	                  "writes the header)"));
}

void missing_report_summary(const batch *b, diag *d)
{
	const chiso_model *m = b->model;
	strbuf sb = STRBUF_INIT;

	if (b->missing_values == 0 || m->missing == MISSING_ERROR)
		return;
	strbuf_printf(&sb,
	              P_("%zu required value is missing",
	                 "%zu required values are missing", b->missing_values),
	              b->missing_values);
	strbuf_printf(&sb,
	              P_(" in %zu of %zu unit (see the warnings above): each "
	                 "costs its indicators' points (the model's missing: "
	                 "%s); the results list them per unit (\"missing\"), "
	                 "and --strict refuses them",
	                 " in %zu of %zu units (see the warnings above): each "
	                 "costs its indicators' points (the model's missing: "
	                 "%s); the results list them per unit (\"missing\"), "
	                 "and --strict refuses them",
	                 b->nunits),
	              b->missing_units, b->nunits,
	              m->missing == MISSING_EXCLUDE ? "exclude" : "zero");
	diag_at(d, DIAG_WARNING, NULL, 0, 0, "%s", strbuf_str(&sb));
	strbuf_release(&sb);
}
