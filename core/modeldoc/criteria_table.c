/*
 * criteria_table.c - the state of a criteria table being imported: its
 * nodes, the figures of the tree, its messages, and freeing it.
 */
#include "modeldoc/criteria_internal.h"

#include "read/sheet_rows.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void ci_error(ci_table *t, unsigned row, unsigned col, const char *fmt, ...)
{
	strbuf place = STRBUF_INIT;
	va_list ap;

	sheet_place(&place, t->path, t->sheet, row, col);
	va_start(ap, fmt);
	diag_vat(t->d, DIAG_ERROR, strbuf_str(&place), 0, 0, fmt, ap);
	va_end(ap);
	strbuf_release(&place);
	t->bad = 1;
}

void ci_warning(ci_table *t, unsigned row, unsigned col, const char *fmt, ...)
{
	strbuf place = STRBUF_INIT;
	va_list ap;

	sheet_place(&place, t->path, t->sheet, row, col);
	va_start(ap, fmt);
	diag_vat(t->d, DIAG_WARNING, strbuf_str(&place), 0, 0, fmt, ap);
	va_end(ap);
	strbuf_release(&place);
}

long ci_add(ci_table *t, const ci_node *nd)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->nodes = xrealloc(t->nodes, t->cap * sizeof(*t->nodes));
	}
	t->nodes[t->n] = *nd;
	t->nodes[t->n].parent = -1;
	t->nodes[t->n].first = t->nodes[t->n].last = t->nodes[t->n].next = -1;
	return (long)t->n++;
}

void ci_stats(const ci_table *t, criteria_import_stats *st)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->nodes[i].first < 0) {
			st->criteria++;
			st->todo += !*t->nodes[i].method;
		}
	st->roots = t->nroots;
	st->normalized = t->normalized;
	for (i = 0; i < t->nroots; i++)
		st->points += t->nodes[t->roots[i]].points;
}

void ci_free(ci_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->nodes[i].code);
		free(t->nodes[i].name);
		free(t->nodes[i].method);
		free(t->nodes[i].params);
		free(t->nodes[i].source);
	}
	free(t->nodes);
	for (i = 0; i < t->ngroups; i++)
		free(t->groups[i].name);
	free(t->groups);
	free(t->roots);
	free(t->sheet);
}
