/*
 * diag.c - collecting and printing problems with their place.
 */
#include "util/diag.h"

#include "util/escape.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#include <stdlib.h>

#define DIAG_DEFAULT_MAX 200

/* Releases all entries of d. */
void diag_free(diag *d)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		free(d->items[i].text);
	free(d->items);
	d->items = NULL;
	d->count = d->cap = 0;
	d->errors = d->warnings = d->dropped = 0;
}

/* Appends an already formatted entry; takes ownership of text. */
static void push(diag *d, diag_level level, char *text)
{
	size_t max = d->max_entries ? d->max_entries : DIAG_DEFAULT_MAX;

	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->count >= max) {
		d->dropped++;
		free(text);
		return;
	}
	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->items = xrealloc(d->items, d->cap * sizeof(*d->items));
	}
	d->items[d->count].level = level;
	d->items[d->count].text = text;
	d->count++;
}

int diag_full(const diag *d)
{
	return !d ||
	       d->count >= (d->max_entries ? d->max_entries : DIAG_DEFAULT_MAX);
}

/* Formats the place prefix and the message into a new entry, its
 * control characters and bidi controls escaped (escape.h): messages
 * quote codes, names and values from files and the command line. */
void diag_vat(diag *d, diag_level level, const char *file, unsigned line,
              unsigned col, const char *fmt, va_list ap)
{
	strbuf sb = STRBUF_INIT, safe = STRBUF_INIT;

	if (file && line > 0)
		strbuf_printf(&sb, "%s:%u:%u: ", file, line, col);
	else if (file)
		strbuf_printf(&sb, "%s: ", file);
	if (level == DIAG_WARNING)
		strbuf_puts(&sb, _("warning: "));
	strbuf_vprintf(&sb, fmt, ap);
	escape_append(&safe, strbuf_str(&sb), 0);
	strbuf_release(&sb);
	push(d, level, strbuf_detach(&safe));
}

/* printf-style front of diag_vat. */
void diag_at(diag *d, diag_level level, const char *file, unsigned line,
             unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

/* Prints all entries to f, one per line. */
void diag_print(const diag *d, FILE *f)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		fprintf(f, "%s\n", d->items[i].text);
	if (d->dropped > 0)
		fprintf(f,
		        P_("chiso: %zu more problem(s) not shown\n",
		           "chiso: %zu more problem(s) not shown\n",
		           d->dropped),
		        d->dropped);
}

/* Moves src's entries to dst, keeping the counts right. */
void diag_take(diag *dst, diag *src)
{
	size_t i, moved_errors = 0, moved_warnings = 0;

	for (i = 0; i < src->count; i++) {
		if (src->items[i].level == DIAG_ERROR)
			moved_errors++;
		else
			moved_warnings++;
		push(dst, src->items[i].level, src->items[i].text);
	}
	/* Entries src dropped still count as problems. */
	dst->errors += src->errors - moved_errors;
	dst->warnings += src->warnings - moved_warnings;
	dst->dropped += src->dropped;
	free(src->items);
	src->items = NULL;
	src->count = src->cap = 0;
	src->errors = src->warnings = src->dropped = 0;
}
