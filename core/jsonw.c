/*
 * jsonw.c - streaming JSON output.
 */
#include "jsonw.h"

#include "numfmt.h"
#include "utf8.h"

#include <math.h>
#include <string.h>

#define FLAG_COMPACT 1
#define FLAG_ARRAY   2

/* Starts a writer at depth 0. */
void jsonw_init(jsonw *w, FILE *f)
{
	memset(w, 0, sizeof(*w));
	w->f = f;
}

/* Newline and indent for the current depth. */
static void newline(jsonw *w)
{
	int i;

	fputc('\n', w->f);
	for (i = 0; i < w->depth; i++)
		fputs("  ", w->f);
}

/* Separator before a new value or key. */
static void before_value(jsonw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth == 0)
		return;
	if (w->count[w->depth]++ > 0)
		fputc(',', w->f);
	if (w->flags[w->depth] & FLAG_COMPACT) {
		if (w->count[w->depth] > 1)
			fputc(' ', w->f);
	} else {
		newline(w);
	}
}

/* Opens a container; inside a compact one everything stays compact. */
static void open_container(jsonw *w, char c, int compact)
{
	int parent_compact =
	        w->depth > 0 && (w->flags[w->depth] & FLAG_COMPACT);

	before_value(w);
	fputc(c, w->f);
	if (w->depth + 1 < JSONW_MAX_DEPTH)
		w->depth++;
	w->count[w->depth] = 0;
	w->flags[w->depth] = (compact || parent_compact ? FLAG_COMPACT : 0) |
	                     (c == '[' ? FLAG_ARRAY : 0);
}

void jsonw_object(jsonw *w, int compact)
{
	open_container(w, '{', compact);
}

void jsonw_array(jsonw *w, int compact)
{
	open_container(w, '[', compact);
}

/* Closes the innermost container. */
void jsonw_end(jsonw *w)
{
	int flags = w->flags[w->depth];
	int had = w->count[w->depth];

	if (w->depth > 0)
		w->depth--;
	if (had && !(flags & FLAG_COMPACT))
		newline(w);
	fputc(flags & FLAG_ARRAY ? ']' : '}', w->f);
}

/* Writes s as a JSON string literal. */
static void put_string(jsonw *w, const char *s)
{
	size_t len = strlen(s), i = 0;

	fputc('"', w->f);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		unsigned cp;
		size_t n;

		if (c < 0x80) {
			if (c == '"' || c == '\\')
				fprintf(w->f, "\\%c", c);
			else if (c == '\n')
				fputs("\\n", w->f);
			else if (c == '\t')
				fputs("\\t", w->f);
			else if (c == '\r')
				fputs("\\r", w->f);
			else if (c < 0x20 || c == 0x7f)
				fprintf(w->f, "\\u%04x", c);
			else
				fputc(c, w->f);
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			fputs("\\ufffd", w->f);
			i++;
			continue;
		}
		fwrite(s + i, 1, n, w->f);
		i += n;
	}
	fputc('"', w->f);
}

void jsonw_key(jsonw *w, const char *key)
{
	before_value(w);
	put_string(w, key);
	fputs(": ", w->f);
	w->after_key = 1;
}

void jsonw_string(jsonw *w, const char *s)
{
	before_value(w);
	if (s)
		put_string(w, s);
	else
		fputs("null", w->f);
}

void jsonw_number(jsonw *w, double x)
{
	char buf[NUMFMT_MAX];

	before_value(w);
	fputs(numfmt_exact(isfinite(x) ? x : 0.0, buf), w->f);
}

void jsonw_bool(jsonw *w, int b)
{
	before_value(w);
	fputs(b ? "true" : "false", w->f);
}

void jsonw_null(jsonw *w)
{
	before_value(w);
	fputs("null", w->f);
}

void jsonw_raw(jsonw *w, const char *text)
{
	before_value(w);
	fputs(text, w->f);
}

void jsonw_kstring(jsonw *w, const char *key, const char *s)
{
	jsonw_key(w, key);
	jsonw_string(w, s);
}

void jsonw_knumber(jsonw *w, const char *key, double x)
{
	jsonw_key(w, key);
	jsonw_number(w, x);
}

void jsonw_kbool(jsonw *w, const char *key, int b)
{
	jsonw_key(w, key);
	jsonw_bool(w, b);
}

void jsonw_finish(jsonw *w)
{
	fputc('\n', w->f);
}
