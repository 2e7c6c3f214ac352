/*
 * json_stream.c - a JSON document read in pieces: one pass over the
 * text checks its grammar as json_validate() does and builds the trees
 * asked for as json_read_span() does (see json_stream.h).
 *
 * The window buf[0..have) holds the file from offset base: [pos..ready)
 * is text checked and not yet read, [ready..have) bytes read but not
 * yet checked (a UTF-8 sequence cut at the end of a piece). When the
 * reader needs more, the text before pos is dropped, except from the
 * lowest "pin": the token being read (its bytes are copied whole), the
 * value being captured, or the place json_stream_seek() must come back
 * to in a pipe. Columns are counted lazily: col is the column of
 * buf[col_at], and a place is counted from there.
 */
#include "read/json_stream.h"

#include "read/source.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_PIN ((size_t)-1)
/* The grammar's own nesting limit, as json_validate()'s. */
#define MAX_NESTING 512
/* Containers json_stream_enter() may open. */
#define MAX_LEVELS 8

/* A text in memory: the first problem of its text. */
enum { TEXT_OK = 0, TEXT_NOT_UTF8, TEXT_NUL };

/* How a string's text is wanted. */
enum { STR_SKIP, STR_DECODED, STR_RAW };

/* A container entered with json_stream_enter(). */
struct level {
	char close;
	unsigned char first, after_value;
};

struct json_stream {
	const char *path; /* JSON messages name it */
	const doc_limits *lim;
	diag *d; /* fatal problems */
	int file;
	source_pieces src;
	char *win;        /* the window of a file, owned */
	const char *text; /* win, or the text in memory */
	size_t cap, chunk;
	size_t pos, ready, have;
	unsigned long long base;  /* file offset of text[0] */
	unsigned long long total; /* bytes of a text in memory */
	int mem_bad;              /* TEXT_*: a text in memory ends at ready */
	size_t pin_tok, pin_cap, pin_mark;
	unsigned line, col;
	size_t col_at;
	int failed;
	unsigned depth; /* containers open, the top-level value's included */
	struct level lv[MAX_LEVELS];
	unsigned nlv;
	doc_node **stk; /* children of the containers being built */
	size_t nstk, capstk;
	strbuf str; /* a string's decoded text */
	strbuf key; /* the key of json_stream_next() */
	doc *val;   /* the last tree read, reused */
};

/* A value being read into a tree. */
struct build {
	doc *doc;
	diag *d;    /* why the value is refused */
	int failed; /* refused: nothing more is built */
};

/* 1 when b builds a tree still. */
static int building(const struct build *b)
{
	return b && !b->failed;
}

/* --- the window -------------------------------------------------------- */

/* Moves the column count on to text[upto]. */
static void sync_col(json_stream *js, size_t upto)
{
	const unsigned char *p = (const unsigned char *)js->text;
	size_t i;
	unsigned col = js->col;

	for (i = js->col_at; i < upto; i++)
		col += (p[i] & 0xC0) != 0x80;
	js->col = col;
	js->col_at = upto;
}

/* The line and column of the cursor. */
static void position(json_stream *js, unsigned *line, unsigned *col)
{
	sync_col(js, js->pos);
	*line = js->line;
	*col = js->col;
}

/* The smaller of a and b. */
static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* Index i moved back by n bytes, unless it is no pin. */
static void shift_pin(size_t *i, size_t n)
{
	if (*i != NO_PIN)
		*i -= n;
}

/*
 * Reads more of a file into the window, after dropping what no one
 * needs. Returns 1 when more text is ready, 0 at its end (or at a bad
 * byte), -1 after a read error (reported: fatal).
 */
static int more(json_stream *js)
{
	size_t keep;
	int rc;

	if (!js->file || js->failed)
		return 0;
	keep = min_size(min_size(js->pos, js->pin_tok),
	                min_size(js->pin_cap, js->pin_mark));
	if (keep > 0) {
		if (js->col_at < keep)
			sync_col(js, keep);
		memmove(js->win, js->win + keep, js->have - keep);
		js->pos -= keep;
		js->ready -= keep;
		js->have -= keep;
		js->col_at -= keep;
		shift_pin(&js->pin_tok, keep);
		shift_pin(&js->pin_cap, keep);
		shift_pin(&js->pin_mark, keep);
		js->base += keep;
	}
	if (js->cap - js->have < js->chunk) {
		js->cap = js->cap * 2 > js->have + js->chunk
		                  ? js->cap * 2
		                  : js->have + js->chunk;
		js->win = xrealloc(js->win, js->cap);
		js->text = js->win;
	}
	rc = source_pieces_read(&js->src, js->win, &js->have, js->chunk,
	                        &js->ready, js->d);
	if (rc < 0)
		js->failed = 1;
	return rc;
}

/* The byte at the cursor, or -1 at the end of the text. */
static inline int peekc(json_stream *js)
{
	if (js->pos < js->ready || more(js) > 0)
		return (unsigned char)js->text[js->pos];
	return -1;
}

/* Makes n bytes ready at the cursor if the text has them; returns the
 * bytes ready. */
static size_t need(json_stream *js, size_t n)
{
	while (js->ready - js->pos < n && more(js) > 0)
		;
	return js->ready - js->pos;
}

/* Skips JSON's whitespace, counting lines. */
static void skip_ws(json_stream *js)
{
	for (;;) {
		while (js->pos < js->ready) {
			char c = js->text[js->pos];

			if (c == ' ' || c == '\t' || c == '\r') {
				js->pos++;
			} else if (c == '\n') {
				js->pos++;
				js->line++;
				js->col = 1;
				js->col_at = js->pos;
			} else {
				return;
			}
		}
		if (more(js) <= 0)
			return;
	}
}

/* Skips a UTF-8 byte-order mark at the start of the text. */
static void skip_bom(json_stream *js)
{
	if (need(js, 3) >= 3 &&
	    memcmp(js->text + js->pos, "\xEF\xBB\xBF", 3) == 0) {
		js->pos += 3;
		js->col_at = js->pos;
	}
}

/* --- fatal problems ---------------------------------------------------- */

/* 1 when the text ends at a bad byte. */
static int text_bad(const json_stream *js)
{
	return js->file ? js->src.bad : js->mem_bad != TEXT_OK;
}

/* Reports the bad byte the text ends at, the cursor being there. */
static void report_text(json_stream *js)
{
	unsigned line, col;

	position(js, &line, &col);
	if (js->file)
		source_pieces_bad(&js->src, line, col, js->d);
	else if (js->mem_bad == TEXT_NUL)
		diag_error(js->d, js->path, line, col, "NUL byte in JSON text");
	else
		diag_error(js->d, js->path, line, col,
		           "invalid UTF-8 byte 0x%02X; the file must be UTF-8 "
		           "(save it as UTF-8 in your editor)",
		           (unsigned char)js->text[js->ready]);
	js->failed = 1;
}

/* Reads to the end of the text (or a bad byte, or a read error),
 * counting lines. */
static void drain(json_stream *js)
{
	js->pin_tok = js->pin_cap = js->pin_mark = NO_PIN;
	do {
		for (; js->pos < js->ready; js->pos++) {
			if (js->text[js->pos] == '\n') {
				js->line++;
				js->col = 1;
				js->col_at = js->pos + 1;
			}
		}
	} while (more(js) > 0);
}

/*
 * A grammar error at the cursor, back columns before it: "invalid JSON:
 * WHY", or why itself when whole. Fatal; but when the text has a bad
 * byte further on, that is reported instead.
 */
static void fail_json(json_stream *js, unsigned back, int whole,
                      const char *why)
{
	unsigned line, col;

	if (js->failed)
		return;
	position(js, &line, &col);
	drain(js);
	if (js->failed)
		return; /* a read error, reported */
	if (text_bad(js)) {
		report_text(js);
		return;
	}
	diag_error(js->d, js->path, line, col - back, "%s%s",
	           whole ? "" : "invalid JSON: ", why);
	js->failed = 1;
}

/* Why a value is refused, at line:col: reported to b->d; the value is
 * read on, but not built. */
static void refuse(json_stream *js, struct build *b, unsigned line,
                   unsigned col, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));
static void refuse(json_stream *js, struct build *b, unsigned line,
                   unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(b->d, DIAG_ERROR, js->path, line, col, fmt, ap);
	va_end(ap);
	b->failed = 1;
}

/* --- tokens ------------------------------------------------------------ */

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
	size_t avail = need(js, 5), k;

	for (k = 1; k <= 4; k++)
		if (k >= avail || !is_hex(js->text[js->pos + k])) {
			fail_json(js, 0, 0,
			          "\\u must be followed by four hex digits");
			return -1;
		}
	cu = hex4(js->text + js->pos + 1);
	if (cu < 0xD800 || cu > 0xDFFF) {
		js->pos += 5;
		return cu;
	}
	if (cu <= 0xDBFF && need(js, 11) >= 11) {
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

		snprintf(msg, sizeof(msg),
		         "invalid \\u escape: lone surrogate U+%04X; a "
		         "character above U+FFFF is a pair of escapes, high "
		         "then low (\\ud83d\\ude00), or is written as itself",
		         cu);
		fail_json(js, 1, 1, msg);
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
	int c = peekc(js);

	if (c < 0) {
		fail_json(js, 0, 0, "unexpected end of file inside a string");
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
		fail_json(js, 1, 0, "invalid escape in a string");
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
static int read_string(json_stream *js, int want, const char **text,
                       size_t *len, int *nul)
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
			if (more(js) > 0)
				continue;
			fail_json(js, 0, 0,
			          "unexpected end of file inside a string");
			return -1;
		}
		if (ch == '"')
			break;
		if (ch < 0x20) {
			fail_json(js, 0, 0,
			          "a control character (such as a line break) "
			          "inside a string; escape it");
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
static doc_node *scalar(json_stream *js, struct build *b, const char *text,
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
static doc_node *string_value(json_stream *js, struct build *b, unsigned line,
                              unsigned col)
{
	const char *text;
	size_t len;
	int nul;

	if (read_string(js, building(b) ? STR_DECODED : STR_SKIP, &text, &len,
	                &nul) < 0 ||
	    !building(b))
		return NULL;
	if (nul) {
		refuse(js, b, line, col, "value contains a NUL character");
		return NULL;
	}
	return scalar(js, b, text, len, 1, line, col);
}

/* Digits at the cursor; returns how many. */
static size_t digits(json_stream *js, long *value)
{
	size_t n = 0;
	int c;

	for (c = peekc(js); is_digit(c); c = peekc(js)) {
		if (value && *value < 1000000)
			*value = *value * 10 + (c - '0');
		js->pos++;
		n++;
	}
	return n;
}

/* A number at line:col, in JSON's syntax: no leading zeros, no '+', no
 * '.5'. Past the largest double, it is refused. */
static doc_node *number(json_stream *js, struct build *b, unsigned line,
                        unsigned col)
{
	size_t whole = 1, len;
	long exp10 = 0;
	int c, neg_exp = 0;
	doc_node *n;
	double x;

	js->pin_tok = js->pos;
	if (peekc(js) == '-')
		js->pos++;
	c = peekc(js);
	if (c == '0') {
		js->pos++;
		if (is_digit(peekc(js))) {
			js->pos = js->pin_tok;
			fail_json(js, 0, 0, "a number must not start with 0");
			return NULL;
		}
	} else if ((whole = digits(js, NULL)) == 0) {
		js->pos = js->pin_tok;
		fail_json(js, 0, 0, "invalid number");
		return NULL;
	}
	if (peekc(js) == '.') {
		js->pos++;
		if (digits(js, NULL) == 0) {
			fail_json(js, 0, 0,
			          "digits must follow the decimal point");
			return NULL;
		}
	}
	c = peekc(js);
	if (c == 'e' || c == 'E') {
		js->pos++;
		c = peekc(js);
		if (c == '+' || c == '-') {
			neg_exp = c == '-';
			js->pos++;
		}
		if (digits(js, &exp10) == 0) {
			fail_json(js, 0, 0, "digits must follow the exponent");
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
		refuse(js, b, line, col, "number %s %s", n->text,
		       numfmt_range_text(NUMFMT_OVERFLOW));
		return NULL;
	}
	return n;
}

/* true, false or null at line:col. */
static doc_node *literal(json_stream *js, struct build *b, const char *word,
                         unsigned line, unsigned col)
{
	size_t n = strlen(word);

	if (need(js, n) < n || memcmp(js->text + js->pos, word, n) != 0) {
		fail_json(js, 0, 0,
		          "expected a value (a string in double quotes, a "
		          "number, true, false, null, { or [)");
		return NULL;
	}
	js->pos += n;
	return building(b) ? scalar(js, b, word, n, 0, line, col) : NULL;
}

/* --- containers -------------------------------------------------------- */

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
static doc_node *finish(json_stream *js, struct build *b, doc_node *n,
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
		       "duplicate key '%s'; each key may appear once",
		       dup->text);
		return NULL;
	}
	return n;
}

/* A key at the cursor (on its quote), pushed when building. Returns 0,
 * or -1 after a fatal problem. */
static int key(json_stream *js, struct build *b)
{
	unsigned line = 0, col = 0;
	const char *text;
	size_t len;
	int nul;

	if (building(b))
		position(js, &line, &col);
	if (read_string(js, building(b) ? STR_DECODED : STR_SKIP, &text, &len,
	                &nul) < 0)
		return -1;
	if (!building(b))
		return 0;
	if (nul)
		len = strnlen(text, len); /* as cJSON cuts it */
	push(js, scalar(js, b, text, len, 1, line, col));
	if (nul)
		refuse(js, b, line, col, "key contains a NUL character");
	return 0;
}

/* ':' after a key. Returns 0, or -1 after a fatal problem. */
static int colon(json_stream *js)
{
	int c;

	skip_ws(js);
	c = peekc(js);
	if (c == ':') {
		js->pos++;
		return 0;
	}
	fail_json(js, 0, 0,
	          c < 0 ? "unexpected end of file"
	                : "expected ':' after the key");
	return -1;
}

static doc_node *value(json_stream *js, struct build *b, unsigned depth);

/* The object or list at the cursor, at line:col, depth levels into the
 * value being read. */
static doc_node *container(json_stream *js, struct build *b, unsigned depth,
                           unsigned line, unsigned col)
{
	char close = js->text[js->pos] == '{' ? '}' : ']';
	size_t base = js->nstk;
	doc_node *n = NULL, *child;
	int first = 1, c;
	char msg[200];

	if (++js->depth > MAX_NESTING) {
		fail_json(js, 0, 0, "nesting too deep");
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
		skip_ws(js);
		c = peekc(js);
		if (c < 0) {
			fail_json(js, 0, 0, "unexpected end of file");
			return NULL;
		}
		if (c == close) {
			if (!first) {
				fail_json(
				        js, 0, 0,
				        close == '}'
				                ? "a comma before '}': remove "
				                  "the trailing comma"
				                : "a comma before ']': remove "
				                  "the trailing comma");
				return NULL;
			}
			break;
		}
		if (close == '}') {
			if (c != '"') {
				fail_json(js, 0, 0,
				          "expected a key in double quotes");
				return NULL;
			}
			if (key(js, b) < 0 || colon(js) < 0)
				return NULL;
		}
		child = value(js, b, depth + 1);
		if (js->failed)
			return NULL;
		if (building(b))
			push(js, child);
		skip_ws(js);
		c = peekc(js);
		if (c == ',') {
			js->pos++;
			first = 0;
			continue;
		}
		if (c != close) {
			fail_json(js, 0, 0,
			          c < 0          ? "unexpected end of file"
			          : close == '}' ? "expected ',' or '}'"
			                         : "expected ',' or ']'");
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
static doc_node *value(json_stream *js, struct build *b, unsigned depth)
{
	unsigned line = 0, col = 0;
	char msg[200];
	int c;

	skip_ws(js);
	c = peekc(js);
	if (c < 0) {
		fail_json(js, 0, 0, "unexpected end of file");
		return NULL;
	}
	if (building(b)) {
		position(js, &line, &col);
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
		fail_json(js, 0, 0,
		          "strings and keys need double quotes, not single");
		return NULL;
	default:
		if (c == '-' || is_digit(c))
			return number(js, b, line, col);
		fail_json(js, 0, 0,
		          "expected a value (a string in double quotes, a "
		          "number, true, false, null, { or [)");
		return NULL;
	}
}

/* --- the stream -------------------------------------------------------- */

/* A stream with nothing read yet. */
static json_stream *new_stream(const char *path, const doc_limits *lim, diag *d)
{
	json_stream *js = xcalloc(1, sizeof(*js));

	js->path = path;
	js->lim = lim;
	js->d = d;
	js->pin_tok = js->pin_cap = js->pin_mark = NO_PIN;
	js->line = 1;
	js->col = 1;
	return js;
}

json_stream *json_stream_open(const char *path, const doc_limits *lim,
                              size_t chunk, diag *d)
{
	json_stream *js = new_stream(path, lim, d);

	if (source_pieces_open(&js->src, path, lim, d) < 0) {
		free(js);
		return NULL;
	}
	js->file = 1;
	js->chunk = chunk ? chunk : JSON_STREAM_CHUNK;
	if (js->chunk < 4)
		js->chunk = 4; /* room to complete a UTF-8 sequence */
	js->cap = js->chunk;
	js->win = xmalloc(js->cap);
	js->text = js->win;
	skip_bom(js);
	return js;
}

json_stream *json_stream_open_buffer(const char *path, const char *buf,
                                     size_t len, const doc_limits *lim, diag *d)
{
	json_stream *js;
	const char *nul;
	size_t bad;

	if (limits_check_file(d, path, len, lim) < 0)
		return NULL;
	js = new_stream(path, lim, d);
	js->text = buf;
	js->ready = js->have = len;
	js->total = len;
	if (utf8_check(buf, len, &bad) < 0) {
		js->ready = bad;
		js->mem_bad = TEXT_NOT_UTF8;
	} else if ((nul = memchr(buf, '\0', len)) != NULL) {
		js->ready = (size_t)(nul - buf);
		js->mem_bad = TEXT_NUL;
	}
	skip_bom(js);
	return js;
}

void json_stream_close(json_stream *js)
{
	if (!js)
		return;
	if (js->file)
		source_pieces_close(&js->src);
	free(js->win);
	free(js->stk);
	strbuf_release(&js->str);
	strbuf_release(&js->key);
	doc_free(js->val);
	free(js);
}

int json_stream_failed(const json_stream *js)
{
	return js->failed;
}

unsigned long long json_stream_size(const json_stream *js)
{
	if (!js->file)
		return js->total;
	return js->src.seekable ? js->src.size : js->src.done;
}

/* The place of the cursor. */
static void mark_here(json_stream *js, json_mark *at)
{
	position(js, &at->line, &at->col);
	at->off = js->base + js->pos;
	at->depth = js->depth;
}

int json_stream_peek(json_stream *js, json_mark *at)
{
	int c;

	if (js->failed)
		return -1;
	skip_ws(js);
	c = peekc(js);
	if (c < 0) {
		fail_json(js, 0, 0, "unexpected end of file");
		return -1;
	}
	if (at)
		mark_here(js, at);
	return c;
}

int json_stream_mark(json_stream *js, json_mark *at)
{
	int c = json_stream_peek(js, at);

	if (c >= 0 && js->file && !js->src.seekable)
		js->pin_mark = js->pos;
	return c;
}

int json_stream_seek(json_stream *js, const json_mark *at)
{
	if (js->failed)
		return -1;
	if (!js->file) {
		js->pos = (size_t)at->off;
	} else if (js->pin_mark != NO_PIN) {
		js->pos = js->pin_mark;
		js->pin_mark = NO_PIN; /* once: the window may move on */
	} else {
		if (source_pieces_seek(&js->src, at->off, js->d) < 0) {
			js->failed = 1;
			return -1;
		}
		js->base = at->off;
		js->pos = js->ready = js->have = 0;
	}
	js->line = at->line;
	js->col = at->col;
	js->col_at = js->pos;
	js->depth = at->depth;
	js->nlv = 0;
	return 0;
}

int json_stream_enter(json_stream *js)
{
	int c = json_stream_peek(js, NULL);
	struct level *lv;

	if ((c != '{' && c != '[') || js->nlv == MAX_LEVELS)
		return -1;
	if (++js->depth > MAX_NESTING) {
		fail_json(js, 0, 0, "nesting too deep");
		return -1;
	}
	lv = &js->lv[js->nlv++];
	lv->close = c == '{' ? '}' : ']';
	lv->first = 1;
	lv->after_value = 0;
	js->pos++;
	return 0;
}

/* Leaves the innermost container, the cursor on its closing bracket. */
static int leave(json_stream *js)
{
	js->pos++;
	js->depth--;
	js->nlv--;
	return 0;
}

int json_stream_next(json_stream *js, const char **key_text, size_t *len,
                     json_mark *at)
{
	struct level *lv;
	const char *text;
	size_t n;
	int c, nul;

	if (js->failed || js->nlv == 0)
		return -1;
	lv = &js->lv[js->nlv - 1];
	skip_ws(js);
	c = peekc(js);
	if (lv->after_value && c == ',') {
		js->pos++;
		lv->first = 0;
		skip_ws(js);
		c = peekc(js);
	} else if (lv->after_value && c >= 0 && c != lv->close) {
		fail_json(js, 0, 0,
		          lv->close == '}' ? "expected ',' or '}'"
		                           : "expected ',' or ']'");
		return -1;
	} else if (lv->after_value && c == lv->close) {
		return leave(js);
	}
	if (c < 0) {
		fail_json(js, 0, 0, "unexpected end of file");
		return -1;
	}
	if (c == lv->close) {
		if (!lv->first) {
			fail_json(js, 0, 0,
			          lv->close == '}'
			                  ? "a comma before '}': remove the "
			                    "trailing comma"
			                  : "a comma before ']': remove the "
			                    "trailing comma");
			return -1;
		}
		return leave(js);
	}
	lv->after_value = 1;
	if (lv->close == ']') {
		if (at)
			mark_here(js, at);
		return 1;
	}
	if (c != '"') {
		fail_json(js, 0, 0, "expected a key in double quotes");
		return -1;
	}
	if (at)
		mark_here(js, at);
	if (read_string(js, STR_RAW, &text, &n, &nul) < 0)
		return -1;
	strbuf_reset(&js->key);
	strbuf_add(&js->key, text, n);
	if (colon(js) < 0)
		return -1;
	if (key_text)
		*key_text = strbuf_str(&js->key);
	if (len)
		*len = n;
	return 1;
}

doc *json_stream_value(json_stream *js, diag *d)
{
	struct build b;
	doc_node *root;

	if (js->failed)
		return NULL;
	if (!js->val)
		js->val = doc_new(js->path);
	else
		doc_reset(js->val);
	b.doc = js->val;
	b.d = d;
	b.failed = 0;
	js->nstk = 0;
	root = value(js, &b, 0);
	if (js->failed || b.failed)
		return NULL;
	js->val->root = root;
	return js->val;
}

int json_stream_skip(json_stream *js)
{
	if (js->failed)
		return -1;
	value(js, NULL, 0);
	return js->failed ? -1 : 0;
}

void json_stream_capture(json_stream *js)
{
	skip_ws(js);
	js->pin_cap = js->pos;
}

const char *json_stream_captured(json_stream *js, size_t *len)
{
	const char *text;

	if (js->pin_cap == NO_PIN) { /* a fatal problem dropped it */
		*len = 0;
		return "";
	}
	text = js->text + js->pin_cap;
	*len = js->pos - js->pin_cap;
	js->pin_cap = NO_PIN;
	return text;
}

int json_stream_end(json_stream *js)
{
	if (js->failed)
		return -1;
	skip_ws(js);
	if (peekc(js) >= 0) {
		fail_json(js, 0, 0,
		          "unexpected text after the JSON value; a file holds "
		          "one value");
		return -1;
	}
	if (js->failed)
		return -1;
	if (text_bad(js)) {
		report_text(js);
		return -1;
	}
	return 0;
}
