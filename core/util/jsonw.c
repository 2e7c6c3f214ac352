/*
 * jsonw.c - streaming JSON output.
 */
#include "util/jsonw.h"

#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <math.h>
#include <string.h>

#define FLAG_COMPACT 1
#define FLAG_ARRAY   2

/* Hands the buffer to the FILE. */
void jsonw_flush(jsonw *w)
{
	if (w->len && w->sb)
		strbuf_add(w->sb, w->buf, w->len);
	else if (w->len)
		fwrite(w->buf, 1, w->len, w->f);
	w->len = 0;
}

/* Appends n bytes to the output. */
static void out(jsonw *w, const char *s, size_t n)
{
	if (n > sizeof(w->buf) - w->len) {
		jsonw_flush(w);
		if (n > sizeof(w->buf)) {
			if (w->sb)
				strbuf_add(w->sb, s, n);
			else
				fwrite(s, 1, n, w->f);
			return;
		}
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

/* Appends a NUL-terminated string. */
static void outs(jsonw *w, const char *s)
{
	out(w, s, strlen(s));
}

/* Appends a string literal. */
#define OUT_LIT(w, lit) out((w), (lit), sizeof(lit) - 1)

/* Appends one byte. */
static void outc(jsonw *w, char c)
{
	if (w->len == sizeof(w->buf))
		jsonw_flush(w);
	w->buf[w->len++] = c;
}

/* Starts a writer at depth 0. */
void jsonw_init(jsonw *w, FILE *f)
{
	w->f = f;
	w->sb = NULL;
	w->depth = 0;
	w->after_key = 0;
	w->len = 0;
	memset(w->count, 0, sizeof(w->count));
	memset(w->flags, 0, sizeof(w->flags));
}

void jsonw_init_strbuf(jsonw *w, strbuf *sb)
{
	jsonw_init(w, NULL);
	w->sb = sb;
}

/* Newline and indent for the current depth. */
static void newline(jsonw *w)
{
	static const char spaces[2 * JSONW_MAX_DEPTH + 2] =
	        "\n"
	        "                                                            "
	        "    ";

	out(w, spaces, 1 + 2 * (size_t)w->depth);
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
		outc(w, ',');
	if (w->flags[w->depth] & FLAG_COMPACT) {
		if (w->count[w->depth] > 1)
			outc(w, ' ');
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
	outc(w, c);
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
	outc(w, flags & FLAG_ARRAY ? ']' : '}');
}

/* 1 for bytes that need no escape and are plain ASCII. */
static inline int plain_byte(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/* Writes s as a JSON string literal: runs of bytes that need nothing
 * are written at once; escapes and ill-formed UTF-8 (as U+FFFD) one by
 * one. */
static void put_string(jsonw *w, const char *s)
{
	size_t i = 0, run;

	outc(w, '"');
	for (;;) {
		unsigned char c;
		unsigned cp;
		size_t n;

		for (run = i;; run++) {
			unsigned char b = (unsigned char)s[run];

			if (plain_byte(b))
				continue;
			if (b < 0x80)
				break;
			/* A NUL stops the decoder before it reads past it. */
			n = utf8_decode(s + run, 4, &cp);
			if (n == 0)
				break;
			run += n - 1;
		}
		if (run > i) {
			out(w, s + i, run - i);
			i = run;
		}
		c = (unsigned char)s[i];
		if (c == '\0')
			break;
		if (c == '"' || c == '\\') {
			outc(w, '\\');
			outc(w, (char)c);
		} else if (c == '\n')
			OUT_LIT(w, "\\n");
		else if (c == '\t')
			OUT_LIT(w, "\\t");
		else if (c == '\r')
			OUT_LIT(w, "\\r");
		else if (c < 0x20 || c == 0x7f) {
			char esc[8];

			snprintf(esc, sizeof(esc), "\\u%04x", c);
			outs(w, esc);
		} else
			OUT_LIT(w, "\\ufffd"); /* ill-formed UTF-8 */
		i++;
	}
	outc(w, '"');
}

void jsonw_key(jsonw *w, const char *key)
{
	before_value(w);
	put_string(w, key);
	OUT_LIT(w, ": ");
	w->after_key = 1;
}

void jsonw_string(jsonw *w, const char *s)
{
	before_value(w);
	if (s)
		put_string(w, s);
	else
		outs(w, "null");
}

void jsonw_number(jsonw *w, double x)
{
	before_value(w);
	jsonw_put_number(w, x);
}

void jsonw_bool(jsonw *w, int b)
{
	before_value(w);
	outs(w, b ? "true" : "false");
}

void jsonw_null(jsonw *w)
{
	before_value(w);
	outs(w, "null");
}

void jsonw_raw(jsonw *w, const char *text)
{
	before_value(w);
	outs(w, text);
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

void jsonw_kstrings(jsonw *w, const char *key, const char *const *items,
                    size_t n)
{
	size_t k;

	jsonw_key(w, key);
	jsonw_array(w, 1);
	for (k = 0; k < n; k++)
		jsonw_string(w, items[k]);
	jsonw_end(w);
}

void jsonw_object_put(jsonw *w)
{
	before_value(w);
	if (w->depth + 1 < JSONW_MAX_DEPTH)
		w->depth++;
	w->count[w->depth] = 1; /* the members the caller writes */
	w->flags[w->depth] = FLAG_COMPACT;
}

void jsonw_put(jsonw *w, const char *text, size_t len)
{
	out(w, text, len);
}

void jsonw_put_string(jsonw *w, const char *s)
{
	put_string(w, s);
}

void jsonw_put_number(jsonw *w, double x)
{
	char buf[NUMFMT_MAX];

	if (!isfinite(x))
		x = 0.0;
	if (sizeof(w->buf) - w->len >= NUMFMT_MAX) {
		/* Formatted in place: no copy. */
		numfmt_exact(x, w->buf + w->len);
		w->len += strlen(w->buf + w->len);
		return;
	}
	outs(w, numfmt_exact(x, buf));
}

void jsonw_key_quoted(jsonw *w, const char *quoted, size_t len)
{
	before_value(w);
	out(w, quoted, len);
	w->after_key = 1;
}

void jsonw_finish(jsonw *w)
{
	outc(w, '\n');
	jsonw_flush(w);
}
