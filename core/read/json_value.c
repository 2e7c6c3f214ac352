/*
 * json_value.c - JSON values read at the cursor of a stream: tokens and
 * containers checked, trees built (see json_value.h).
 */
#include "read/json_value.h"

#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when b builds a tree still. */
static int building(const struct json_build *b)
{
	return b && !b->failed;
}

/* Why a value is refused, at line:col: reported to b->d; the value is
 * read on, but not built. */
static void refuse(json_stream *js, struct json_build *b, unsigned line,
                   unsigned col, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));
static void refuse(json_stream *js, struct json_build *b, unsigned line,
                   unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(b->d, DIAG_ERROR, js->path, line, col, fmt, ap);
	va_end(ap);
	b->failed = 1;
}

static int is_hex(int ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
	       (ch >= 'A' && ch <= 'F');
}

static int is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

/* The code unit of the four hex digits at p. */
static unsigned hex4(const char *p)
{
	unsigned v = 0;
	int k;

	for (k = 0; k < 4; k++)
		v = v * 16 + (unsigned)(p[k] <= '9'   ? p[k] - '0'
		                        : p[k] <= 'F' ? p[k] - 'A' + 10
		                                      : p[k] - 'a' + 10);
	return v;
}

/*
 * A \u escape, the cursor on its 'u': four hex digits, and a UTF-16
 * surrogate only as a pair, high then low. Returns the code point, past
 * the escape (or the pair), or -1 after a fatal problem.
 */
static long unicode_escape(json_stream *js)
{
	const char *p;
	unsigned cu, low;
	size_t avail = json_win_need(js, 5), k;

	for (k = 1; k <= 4; k++)
		if (k >= avail || !is_hex(js->text[js->pos + k])) {
			json_win_fail(
			        js, 0, 0,
			        _("\\u must be followed by four hex digits"));
			return -1;
		}
	cu = hex4(js->text + js->pos + 1);
	if (cu < 0xD800 || cu > 0xDFFF) {
		js->pos += 5;
		return cu;
	}
	if (cu <= 0xDBFF && json_win_need(js, 11) >= 11) {
		p = js->text + js->pos;
		for (k = 7; k <= 10 && is_hex(p[k]); k++)
			;
		low = p[5] == '\\' && p[6] == 'u' && k > 10 ? hex4(p + 7) : 0;
		if (low >= 0xDC00 && low <= 0xDFFF) {
			js->pos += 11;
			return 0x10000 + ((long)(cu - 0xD800) << 10) +
			       (low - 0xDC00);
		}
	}
	{
		char msg[200];

		snprintf(
		        msg, sizeof(msg),
		        _("invalid \\u escape: lone surrogate U+%04X; a "
		          "character above U+FFFF is a pair of escapes, high "
		          "then low (\\ud83d\\ude00), or is written as itself"),
		        cu);
		json_win_fail(js, 1, 1, msg);
	}
	return -1;
}

/* An escape, the cursor past its backslash: its text appended to
 * js->str when want is STR_DECODED; *nul set for "\u0000". Returns 0, or
 * -1 after a fatal problem. */
static int escape(json_stream *js, int want, int *nul)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *at;
	char utf8[4];
	long cp;
	int c = json_win_peek(js);

	if (c < 0) {
		json_win_fail(js, 0, 0,
		              _("unexpected end of file inside a string"));
		return -1;
	}
	if (c == 'u') {
		cp = unicode_escape(js);
		if (cp < 0)
			return -1;
		if (cp == 0)
			*nul = 1;
		if (want == STR_DECODED)
			strbuf_add(&js->str, utf8,
			           utf8_encode((unsigned)cp, utf8));
		return 0;
	}
	at = c ? strchr(from, c) : NULL;
	if (!at) {
		json_win_fail(js, 1, 0, _("invalid escape in a string"));
		return -1;
	}
	if (want == STR_DECODED)
		strbuf_add(&js->str, &to[at - from], 1);
	js->pos++;
	return 0;
}

/*
 * The string at the cursor (on its opening quote). Its text, per want:
 * decoded (STR_DECODED) or as written (STR_RAW), in *text and *len
 * (borrowed: valid until the window moves, at the next read); *nul set
 * when it holds "\u0000". Returns 0, past the closing quote, or -1
 * after a fatal problem.
 */
int json_value_string(json_stream *js, int want, const char **text, size_t *len,
                      int *nul)
{
	int escaped = 0;

	*nul = 0;
	js->pos++;
	js->pin_tok = want == STR_SKIP ? NO_PIN : js->pos;
	for (;;) {
		const unsigned char *t = (const unsigned char *)js->text;
		size_t p = js->pos, r = js->ready;
		unsigned char ch = 0;

		while (p < r) {
			ch = t[p];
			if (ch == '"' || ch == '\\' || ch < 0x20)
				break;
			p++;
		}
		js->pos = p;
		if (p == r) {
			if (json_win_more(js) > 0)
				continue;
			json_win_fail(
			        js, 0, 0,
			        _("unexpected end of file inside a string"));
			return -1;
		}
		if (ch == '"')
			break;
		if (ch < 0x20) {
			json_win_fail(
			        js, 0, 0,
			        _("a control character (such as a line break) "
			          "inside a string; escape it"));
			return -1;
		}
		if (want == STR_DECODED) {
			if (!escaped)
				strbuf_reset(&js->str);
			escaped = 1;
			strbuf_add(&js->str, js->text + js->pin_tok,
			           js->pos - js->pin_tok);
		}
		js->pos++;
		if (escape(js, want, nul) < 0)
			return -1;
		if (want == STR_DECODED)
			js->pin_tok = js->pos;
	}
	if (want == STR_SKIP) {
		*text = "";
		*len = 0;
	} else if (escaped) {
		strbuf_add(&js->str, js->text + js->pin_tok,
		           js->pos - js->pin_tok);
		*text = strbuf_str(&js->str);
		*len = js->str.len;
	} else {
		*text = js->text + js->pin_tok;
		*len = js->pos - js->pin_tok;
	}
	js->pin_tok = NO_PIN;
	js->pos++;
	return 0;
}

/* A scalar of the tree at line:col; NULL after refusing it as too long. */
static doc_node *scalar(json_stream *js, struct json_build *b, const char *text,
                        size_t len, int quoted, unsigned line, unsigned col)
{
	doc_node *n;
	char msg[200];

	if (len > js->lim->max_scalar_bytes) {
		refuse(js, b, line, col, "%s",
		       limits_scalar_text(msg, sizeof(msg), len, js->lim));
		return NULL;
	}
	n = doc_node_new(b->doc, DOC_SCALAR, line, col);
	n->text = doc_strndup(b->doc, text, len);
	n->len = len;
	n->quoted = (unsigned char)quoted;
	return n;
}

/* A string value at line:col. */
static doc_node *string_value(json_stream *js, struct json_build *b,
                              unsigned line, unsigned col)
{
	const char *text;
	size_t len;
	int nul;

	if (json_value_string(js, building(b) ? STR_DECODED : STR_SKIP, &text,
	                      &len, &nul) < 0 ||
	    !building(b))
		return NULL;
	if (nul) {
		refuse(js, b, line, col, _("value contains a NUL character"));
		return NULL;
	}
	return scalar(js, b, text, len, 1, line, col);
}

/* Digits at the cursor; returns how many. */
static size_t digits(json_stream *js, long *value)
{
	size_t n = 0;
	int c;

	for (c = json_win_peek(js); is_digit(c); c = json_win_peek(js)) {
		if (value && *value < 1000000)
			*value = *value * 10 + (c - '0');
		js->pos++;
		n++;
	}
	return n;
}

/* A number at line:col, in JSON's syntax: no leading zeros, no '+', no
 * '.5'. Past the largest double, it is refused. */
static doc_node *number(json_stream *js, struct json_build *b, unsigned line,
                        unsigned col)
{
	size_t whole = 1, len;
	long exp10 = 0;
	int c, neg_exp = 0;
	doc_node *n;
	double x;

	js->pin_tok = js->pos;
	if (json_win_peek(js) == '-')
		js->pos++;
	c = json_win_peek(js);
	if (c == '0') {
		js->pos++;
		if (is_digit(json_win_peek(js))) {
			js->pos = js->pin_tok;
			json_win_fail(js, 0, 0,
			              _("a number must not start with 0"));
			return NULL;
		}
	} else if ((whole = digits(js, NULL)) == 0) {
		js->pos = js->pin_tok;
		json_win_fail(js, 0, 0, _("invalid number"));
		return NULL;
	}
	if (json_win_peek(js) == '.') {
		js->pos++;
		if (digits(js, NULL) == 0) {
			json_win_fail(
			        js, 0, 0,
			        _("digits must follow the decimal point"));
			return NULL;
		}
	}
	c = json_win_peek(js);
	if (c == 'e' || c == 'E') {
		js->pos++;
		c = json_win_peek(js);
		if (c == '+' || c == '-') {
			neg_exp = c == '-';
			js->pos++;
		}
		if (digits(js, &exp10) == 0) {
			json_win_fail(js, 0, 0,
			              _("digits must follow the exponent"));
			return NULL;
		}
	}
	len = js->pos - js->pin_tok;
	js->pin_tok = NO_PIN;
	if (!building(b))
		return NULL;
	n = scalar(js, b, js->text + js->pos - len, len, 0, line, col);
	/* Below 10^308 no number overflows: only a number that may is
	 * parsed here. */
	if (n && (long)whole + (neg_exp ? -exp10 : exp10) > 308 &&
	    numfmt_parse(n->text, &x) == NUMFMT_OVERFLOW) {
		refuse(js, b, line, col, _("number %s %s"), n->text,
		       _(numfmt_range_text(NUMFMT_OVERFLOW)));
		return NULL;
	}
	return n;
}

/* true, false or null at line:col. */
static doc_node *literal(json_stream *js, struct json_build *b,
                         const char *word, unsigned line, unsigned col)
{
	size_t n = strlen(word);

	if (json_win_need(js, n) < n ||
	    memcmp(js->text + js->pos, word, n) != 0) {
		json_win_fail(
		        js, 0, 0,
		        _("expected a value (a string in double quotes, a "
		          "number, true, false, null, { or [)"));
		return NULL;
	}
	js->pos += n;
	return building(b) ? scalar(js, b, word, n, 0, line, col) : NULL;
}

/* Pushes a child of the container being built. */
static void push(json_stream *js, doc_node *n)
{
	if (js->nstk == js->capstk) {
		js->capstk = js->capstk ? js->capstk * 2 : 256;
		js->stk = xrealloc(js->stk, js->capstk * sizeof(*js->stk));
	}
	js->stk[js->nstk++] = n;
}

/* The children pushed since base, into container n (a map's pushed as
 * key, value, ...); then the check of its keys. */
static doc_node *finish(json_stream *js, struct json_build *b, doc_node *n,
                        size_t base)
{
	size_t count = js->nstk - base, i;
	const doc_node *dup;

	if (n->kind == DOC_MAP)
		count /= 2;
	n->count = count;
	n->items = doc_alloc(b->doc, (count ? count : 1) * sizeof(*n->items));
	if (n->kind == DOC_MAP) {
		n->keys = doc_alloc(b->doc,
		                    (count ? count : 1) * sizeof(*n->keys));
		for (i = 0; i < count; i++) {
			n->keys[i] = js->stk[base + 2 * i];
			n->items[i] = js->stk[base + 2 * i + 1];
		}
	} else if (count) {
		memcpy(n->items, js->stk + base, count * sizeof(*n->items));
	}
	js->nstk = base;
	dup = doc_find_duplicate_key(n);
	if (dup) {
		refuse(js, b, dup->line, dup->col,
		       _("duplicate key '%s'; each key may appear once"),
		       dup->text);
		return NULL;
	}
	return n;
}

/* A key at the cursor (on its quote), pushed when building. Returns 0,
 * or -1 after a fatal problem. */
static int key(json_stream *js, struct json_build *b)
{
	unsigned line = 0, col = 0;
	const char *text;
	size_t len;
	int nul;

	if (building(b))
		json_win_position(js, &line, &col);
	if (json_value_string(js, building(b) ? STR_DECODED : STR_SKIP, &text,
	                      &len, &nul) < 0)
		return -1;
	if (!building(b))
		return 0;
	if (nul)
		len = strnlen(text, len); /* as cJSON cuts it */
	push(js, scalar(js, b, text, len, 1, line, col));
	if (nul)
		refuse(js, b, line, col, _("key contains a NUL character"));
	return 0;
}

/* ':' after a key. Returns 0, or -1 after a fatal problem. */
int json_value_colon(json_stream *js)
{
	int c;

	json_win_skip_ws(js);
	c = json_win_peek(js);
	if (c == ':') {
		js->pos++;
		return 0;
	}
	json_win_fail(js, 0, 0,
	              c < 0 ? _("unexpected end of file")
	                    : _("expected ':' after the key"));
	return -1;
}

/* The object or list at the cursor, at line:col, depth levels into the
 * value being read. */
static doc_node *container(json_stream *js, struct json_build *b,
                           unsigned depth, unsigned line, unsigned col)
{
	char close = js->text[js->pos] == '{' ? '}' : ']';
	size_t base = js->nstk;
	doc_node *n = NULL, *child;
	int first = 1, c;
	char msg[200];

	if (++js->depth > MAX_NESTING) {
		json_win_fail(js, 0, 0, _("nesting too deep"));
		return NULL;
	}
	if (building(b) && depth >= js->lim->max_depth)
		refuse(js, b, line, col, "%s",
		       limits_depth_text(msg, sizeof(msg), js->lim));
	if (building(b))
		n = doc_node_new(b->doc, close == '}' ? DOC_MAP : DOC_SEQ, line,
		                 col);
	js->pos++;
	for (;;) {
		json_win_skip_ws(js);
		c = json_win_peek(js);
		if (c < 0) {
			json_win_fail(js, 0, 0, _("unexpected end of file"));
			return NULL;
		}
		if (c == close) {
			if (!first) {
				json_win_fail(
				        js, 0, 0,
				        close == '}' ? _("a comma before '}': "
				                         "remove "
				                         "the trailing comma")
				                     : _("a comma before ']': "
				                         "remove "
				                         "the trailing comma"));
				return NULL;
			}
			break;
		}
		if (close == '}') {
			if (c != '"') {
				json_win_fail(
				        js, 0, 0,
				        _("expected a key in double quotes"));
				return NULL;
			}
			if (key(js, b) < 0 || json_value_colon(js) < 0)
				return NULL;
		}
		child = json_value_read(js, b, depth + 1);
		if (js->failed)
			return NULL;
		if (building(b))
			push(js, child);
		json_win_skip_ws(js);
		c = json_win_peek(js);
		if (c == ',') {
			js->pos++;
			first = 0;
			continue;
		}
		if (c != close) {
			json_win_fail(js, 0, 0,
			              c < 0 ? _("unexpected end of file")
			              : close == '}'
			                      ? _("expected ',' or '}'")
			                      : _("expected ',' or ']'"));
			return NULL;
		}
		break;
	}
	js->pos++;
	js->depth--;
	if (!building(b)) {
		js->nstk = base;
		return NULL;
	}
	return finish(js, b, n, base);
}

/* Any value at the cursor (after whitespace), depth levels into the
 * value being read: built into b's tree while b builds. */
doc_node *json_value_read(json_stream *js, struct json_build *b, unsigned depth)
{
	unsigned line = 0, col = 0;
	char msg[200];
	int c;

	json_win_skip_ws(js);
	c = json_win_peek(js);
	if (c < 0) {
		json_win_fail(js, 0, 0, _("unexpected end of file"));
		return NULL;
	}
	if (building(b)) {
		json_win_position(js, &line, &col);
		if (b->doc->nodes >= js->lim->max_nodes)
			refuse(js, b, line, col, "%s",
			       limits_nodes_text(msg, sizeof(msg), js->lim));
	}
	switch (c) {
	case '{':
	case '[':
		return container(js, b, depth, line, col);
	case '"':
		return string_value(js, b, line, col);
	case 't':
		return literal(js, b, "true", line, col);
	case 'f':
		return literal(js, b, "false", line, col);
	case 'n':
		return literal(js, b, "null", line, col);
	case '\'':
		json_win_fail(
		        js, 0, 0,
		        _("strings and keys need double quotes, not single"));
		return NULL;
	default:
		if (c == '-' || is_digit(c))
			return number(js, b, line, col);
		json_win_fail(
		        js, 0, 0,
		        _("expected a value (a string in double quotes, a "
		          "number, true, false, null, { or [)"));
		return NULL;
	}
}
