/*
 * json_reader.c - cJSON plus a position scan into a doc tree.
 */
#include "read/json_reader.h"

#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A cursor over text cJSON has already validated. */
struct scan {
	const char *p, *end;
	unsigned line, col;
	const char *path;
	const doc_limits *limits;
	doc *doc;
	diag *d;
	int failed;
};

/* JSON's four whitespace characters. */
static inline int is_json_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Characters of numbers and of true, false, null. */
static inline int is_atom_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' ||
	       c == '+' || c == '.' || c == 'E';
}

/* Moves the cursor one byte, keeping line and column (in code points). */
static void advance(struct scan *s)
{
	unsigned char c = (unsigned char)*s->p;

	s->p++;
	if (c == '\n') {
		s->line++;
		s->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		s->col++;
	}
}

/* Skips JSON whitespace. */
static void skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
	                         *s->p == '\n' || *s->p == '\r'))
		advance(s);
}

/* Skips a string token, escapes included. Returns 1 when the string
 * holds the escape \u0000, which cJSON would silently cut at. */
static int skip_string(struct scan *s)
{
	int nul = 0;

	advance(s); /* opening quote */
	while (s->p < s->end && *s->p != '"') {
		if (*s->p == '\\') {
			if (s->end - s->p >= 6 &&
			    memcmp(s->p, "\\u0000", 6) == 0)
				nul = 1;
			advance(s);
		}
		if (s->p < s->end)
			advance(s);
	}
	if (s->p < s->end)
		advance(s); /* closing quote */
	return nul;
}

/* Skips a number or a literal (true, false, null). */
static void skip_atom(struct scan *s)
{
	while (s->p < s->end && is_atom_char(*s->p) && *s->p != '\0')
		advance(s);
}

/* Reports an error at the cursor. */
static void fail_here(struct scan *s, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static void fail_here(struct scan *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(s->d, DIAG_ERROR, s->path, s->line, s->col, fmt, ap);
	va_end(ap);
	s->failed = 1;
}

static doc_node *scan_value(struct scan *s, const cJSON *item, unsigned depth);

/* Makes a scalar node for text[0..len) at the cursor's position. */
static doc_node *scalar_node(struct scan *s, const char *text, size_t len,
                             int quoted, unsigned line, unsigned col)
{
	doc_node *n;
	char msg[200];

	if (len > s->limits->max_scalar_bytes) {
		diag_error(
		        s->d, s->path, line, col, "%s",
		        limits_scalar_text(msg, sizeof(msg), len, s->limits));
		s->failed = 1;
		return NULL;
	}
	n = doc_node_new(s->doc, DOC_SCALAR, line, col);
	n->text = doc_strndup(s->doc, text, len);
	n->len = len;
	n->quoted = (unsigned char)quoted;
	return n;
}

/* Walks an object or array and its text together. */
static doc_node *scan_container(struct scan *s, const cJSON *item,
                                unsigned depth, doc_node *n)
{
	const cJSON *child;
	size_t count = 0, i = 0;
	const doc_node *dup;

	for (child = item->child; child; child = child->next)
		count++;
	n->count = count;
	n->items = doc_alloc(s->doc, (count ? count : 1) * sizeof(*n->items));
	if (n->kind == DOC_MAP)
		n->keys = doc_alloc(s->doc,
		                    (count ? count : 1) * sizeof(*n->keys));
	advance(s); /* '{' or '[' */
	for (child = item->child; child && !s->failed; child = child->next) {
		skip_ws(s);
		if (n->kind == DOC_MAP) {
			const char *key = child->string ? child->string : "";
			unsigned kline = s->line, kcol = s->col;

			n->keys[i] = scalar_node(s, key, strlen(key), 1, kline,
			                         kcol);
			if (skip_string(s)) {
				s->line = kline;
				s->col = kcol;
				fail_here(s, _("key contains a NUL character"));
				return NULL;
			}
			skip_ws(s);
			advance(s); /* ':' */
			skip_ws(s);
		}
		if (s->failed)
			return NULL;
		n->items[i++] = scan_value(s, child, depth + 1);
		skip_ws(s);
		if (s->p < s->end && *s->p == ',')
			advance(s);
	}
	if (s->failed)
		return NULL;
	skip_ws(s);
	advance(s); /* '}' or ']' */
	dup = doc_find_duplicate_key(n);
	if (dup) {
		diag_error(s->d, s->path, dup->line, dup->col,
		           _("duplicate key '%s'; each key may appear once"),
		           dup->text);
		s->failed = 1;
		return NULL;
	}
	return n;
}

/* Converts one value, recording the position where its text starts. */
static doc_node *scan_value(struct scan *s, const cJSON *item, unsigned depth)
{
	unsigned line = s->line, col = s->col;
	const char *start = s->p;
	doc_node *n;
	char text[200];
	double x;

	if (s->doc->nodes >= s->limits->max_nodes) {
		fail_here(s, "%s",
		          limits_nodes_text(text, sizeof(text), s->limits));
		return NULL;
	}
	if (cJSON_IsObject(item) || cJSON_IsArray(item)) {
		if (depth >= s->limits->max_depth) {
			fail_here(s, "%s",
			          limits_depth_text(text, sizeof(text),
			                            s->limits));
			return NULL;
		}
		n = doc_node_new(s->doc,
		                 cJSON_IsObject(item) ? DOC_MAP : DOC_SEQ, line,
		                 col);
		return scan_container(s, item, depth, n);
	}
	if (cJSON_IsString(item)) {
		const char *v = item->valuestring ? item->valuestring : "";

		if (skip_string(s)) {
			s->line = line;
			s->col = col;
			fail_here(s, _("value contains a NUL character"));
			return NULL;
		}
		return scalar_node(s, v, strlen(v), 1, line, col);
	}
	skip_atom(s);
	n = scalar_node(s, start, (size_t)(s->p - start), 0, line, col);
	/* Past the largest double, no reader of the tree could use it.
	 * Underflow (1e-400) is refused by the readers of numbers, as in
	 * YAML: a results document may hold a subnormal value chiso
	 * computed. */
	if (n && cJSON_IsNumber(item) &&
	    numfmt_parse(n->text, &x) == NUMFMT_OVERFLOW) {
		s->line = line;
		s->col = col;
		fail_here(s, _("number %s %s"), n->text,
		          _(numfmt_range_text(NUMFMT_OVERFLOW)));
		return NULL;
	}
	return n;
}

/* Computes line and column of a byte offset by counting from the start. */
void json_position(const char *buf, size_t off, unsigned *line, unsigned *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if ((c & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* --- a strict checker that finds the first syntax error exactly ----- */

struct check {
	const char *buf;
	size_t len, pos;
	const char *why; /* set at the first error */
	unsigned depth;
	char text[160]; /* a whole message, when not a syntax error */
};

#define CHECK_MAX_DEPTH 512

/* Records the first error at the current position. */
static int bad(struct check *c, const char *why)
{
	if (!c->why)
		c->why = why;
	return -1;
}

static int at_end(const struct check *c)
{
	return c->pos >= c->len;
}

static void check_ws(struct check *c)
{
	while (!at_end(c) && is_json_space(c->buf[c->pos]) &&
	       c->buf[c->pos] != '\0')
		c->pos++;
}

static int is_hex(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
	       (ch >= 'A' && ch <= 'F');
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
 * A \u escape at c->pos (on the 'u'), its four hex digits checked: a
 * UTF-16 surrogate must come as a pair, high (D800-DBFF) then low
 * (DC00-DFFF), since alone it is no character (cJSON refuses it, and
 * UTF-8 cannot hold it). Returns 0 (past the low half of a pair, then),
 * or -1 with the message in c->text, at the backslash.
 */
static int check_surrogate(struct check *c)
{
	const char *p = c->buf + c->pos;
	unsigned cu = hex4(p + 1), low;
	int k;

	if (cu < 0xD800 || cu > 0xDFFF)
		return 0;
	if (cu <= 0xDBFF && c->len - c->pos >= 11 && p[5] == '\\' &&
	    p[6] == 'u') {
		for (k = 7; k <= 10 && is_hex(p[k]); k++)
			;
		low = k > 10 ? hex4(p + 7) : 0;
		if (low >= 0xDC00 && low <= 0xDFFF) {
			c->pos += 6; /* the pair is one character */
			return 0;
		}
	}
	snprintf(c->text, sizeof(c->text),
	         _("invalid \\u escape: lone surrogate U+%04X; a character "
	           "above U+FFFF is a pair of escapes, high then low "
	           "(\\ud83d\\ude00), or is written as itself"),
	         cu);
	c->pos--; /* at the backslash */
	return bad(c, c->text);
}

/* A string: escapes checked, raw control characters refused. */
static int check_string(struct check *c)
{
	int k;

	c->pos++; /* '"' */
	while (!at_end(c) && c->buf[c->pos] != '"') {
		unsigned char ch = (unsigned char)c->buf[c->pos];

		if (ch < 0x20)
			return bad(c, _("a control character (such as a line "
			                "break) inside a string; escape it"));
		if (ch != '\\') {
			c->pos++;
			continue;
		}
		c->pos++;
		if (at_end(c))
			break;
		if (c->buf[c->pos] == 'u') {
			for (k = 1; k <= 4; k++)
				if (c->pos + (size_t)k >= c->len ||
				    !is_hex(c->buf[c->pos + (size_t)k]))
					return bad(c,
					           _("\\u must be followed by "
					             "four hex digits"));
			if (check_surrogate(c) < 0)
				return -1;
			c->pos += 5;
		} else if (strchr("\"\\/bfnrt", c->buf[c->pos]) &&
		           c->buf[c->pos] != '\0') {
			c->pos++;
		} else {
			c->pos--;
			return bad(c, _("invalid escape in a string"));
		}
	}
	if (at_end(c))
		return bad(c, _("unexpected end of file inside a string"));
	c->pos++;
	return 0;
}

/* Digits of a number part; returns how many. */
static size_t check_digits(struct check *c)
{
	size_t n = 0;

	while (!at_end(c) && c->buf[c->pos] >= '0' && c->buf[c->pos] <= '9') {
		c->pos++;
		n++;
	}
	return n;
}

/* A number in JSON's syntax (no leading zeros, no '+', no '.5'). */
static int check_number(struct check *c)
{
	size_t start = c->pos;

	if (c->buf[c->pos] == '-')
		c->pos++;
	if (!at_end(c) && c->buf[c->pos] == '0') {
		c->pos++;
		if (!at_end(c) && c->buf[c->pos] >= '0' &&
		    c->buf[c->pos] <= '9') {
			c->pos = start;
			return bad(c, _("a number must not start with 0"));
		}
	} else if (check_digits(c) == 0) {
		c->pos = start;
		return bad(c, _("invalid number"));
	}
	if (!at_end(c) && c->buf[c->pos] == '.') {
		c->pos++;
		if (check_digits(c) == 0)
			return bad(c,
			           _("digits must follow the decimal point"));
	}
	if (!at_end(c) && (c->buf[c->pos] == 'e' || c->buf[c->pos] == 'E')) {
		c->pos++;
		if (!at_end(c) &&
		    (c->buf[c->pos] == '+' || c->buf[c->pos] == '-'))
			c->pos++;
		if (check_digits(c) == 0)
			return bad(c, _("digits must follow the exponent"));
	}
	return 0;
}

/* true, false or null. */
static int check_literal(struct check *c, const char *word)
{
	size_t n = strlen(word);

	if (c->len - c->pos < n || memcmp(c->buf + c->pos, word, n) != 0)
		return bad(c,
		           _("expected a value (a string in double quotes, a "
		             "number, true, false, null, { or [)"));
	c->pos += n;
	return 0;
}

static int check_value(struct check *c);

/* Members of an object or items of an array. */
static int check_container(struct check *c, char close)
{
	int first = 1;

	if (++c->depth > CHECK_MAX_DEPTH)
		return bad(c, _("nesting too deep"));
	c->pos++; /* '{' or '[' */
	for (;;) {
		check_ws(c);
		if (at_end(c))
			return bad(c, _("unexpected end of file"));
		if (c->buf[c->pos] == close) {
			if (!first)
				return bad(c,
				           close == '}'
				                   ? _("a comma before '}': "
				                       "remove "
				                       "the trailing comma")
				                   : _("a comma before ']': "
				                       "remove "
				                       "the trailing comma"));
			break;
		}
		if (close == '}') {
			if (c->buf[c->pos] != '"')
				return bad(
				        c,
				        _("expected a key in double quotes"));
			if (check_string(c) < 0)
				return -1;
			check_ws(c);
			if (at_end(c) || c->buf[c->pos] != ':')
				return bad(c,
				           at_end(c)
				                   ? _("unexpected end of file")
				                   : _("expected ':' after the "
				                       "key"));
			c->pos++;
		}
		if (check_value(c) < 0)
			return -1;
		check_ws(c);
		if (at_end(c))
			return bad(c, _("unexpected end of file"));
		if (c->buf[c->pos] == ',') {
			c->pos++;
			first = 0;
			continue;
		}
		if (c->buf[c->pos] != close)
			return bad(c, close == '}' ? _("expected ',' or '}'")
			                           : _("expected ',' or ']'"));
		break;
	}
	c->pos++;
	c->depth--;
	return 0;
}

/* Any value. */
static int check_value(struct check *c)
{
	char ch;

	check_ws(c);
	if (at_end(c))
		return bad(c, _("unexpected end of file"));
	ch = c->buf[c->pos];
	if (ch == '{')
		return check_container(c, '}');
	if (ch == '[')
		return check_container(c, ']');
	if (ch == '"')
		return check_string(c);
	if (ch == '-' || (ch >= '0' && ch <= '9'))
		return check_number(c);
	if (ch == 't')
		return check_literal(c, "true");
	if (ch == 'f')
		return check_literal(c, "false");
	if (ch == 'n')
		return check_literal(c, "null");
	if (ch == '\'')
		return bad(
		        c,
		        _("strings and keys need double quotes, not single"));
	return bad(c,
	           _("expected a value (a string in double quotes, a number, "
	             "true, false, null, { or [)"));
}

/*
 * Checks buf against JSON's grammar (RFC 8259), strictly, and that its
 * \\u escapes are characters. Returns 0, or -1 with the offset of the
 * first error in *off and the message in msg (size bytes): a syntax
 * error after "invalid JSON: ".
 */
static int json_check(const char *buf, size_t len, size_t *off, char *msg,
                      size_t size)
{
	struct check c = {buf, len, 0, NULL, 0, ""};

	if (check_value(&c) == 0) {
		check_ws(&c);
		if (at_end(&c))
			return 0;
		bad(&c, _("unexpected text after the JSON value; a file holds "
		          "one value"));
	}
	*off = c.pos;
	if (c.why == c.text)
		snprintf(msg, size, "%s", c.text);
	else
		snprintf(msg, size, _("invalid JSON: %s"), c.why);
	return -1;
}

/* Reports an error at offset off of the span's text, in file terms. */
static void span_error(diag *d, const char *path, const char *text, size_t off,
                       json_span sp, const char *fmt, ...)
        __attribute__((format(printf, 6, 7)));
static void span_error(diag *d, const char *path, const char *text, size_t off,
                       json_span sp, const char *fmt, ...)
{
	unsigned line, col;
	va_list ap;

	json_position(text, off, &line, &col);
	if (line == 1)
		col += sp.col - 1;
	line += sp.line - 1;
	va_start(ap, fmt);
	diag_vat(d, DIAG_ERROR, path, line, col, fmt, ap);
	va_end(ap);
}

/* UTF-8, NUL bytes and the strict grammar of buf[sp.start..sp.end). */
int json_validate_span(const char *path, const char *buf, json_span sp, diag *d)
{
	const char *text = buf + sp.start;
	size_t len = sp.end - sp.start, bad;
	char msg[200];

	if (utf8_check(text, len, &bad) < 0) {
		span_error(
		        d, path, text, bad, sp,
		        _("invalid UTF-8 byte 0x%02X; the file must be UTF-8 "
		          "(save it as UTF-8 in your editor)"),
		        (unsigned char)text[bad]);
		return -1;
	}
	if (memchr(text, '\0', len)) {
		bad = (size_t)((const char *)memchr(text, '\0', len) - text);
		span_error(d, path, text, bad, sp, _("NUL byte in JSON text"));
		return -1;
	}
	if (json_check(text, len, &bad, msg, sizeof(msg)) < 0) {
		span_error(d, path, text, bad, sp, "%s", msg);
		return -1;
	}
	return 0;
}

/* Size limit and BOM, then json_validate_span on the rest. */
int json_validate(const char *path, const char *buf, size_t len,
                  const doc_limits *limits, diag *d, size_t *start)
{
	json_span sp = {0, len, 1, 1};

	if (limits_check_file(d, path, len, limits) < 0)
		return -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		sp.start = 3;
	if (json_validate_span(path, buf, sp, d) < 0)
		return -1;
	*start = sp.start;
	return 0;
}

/* A cursor at the start of buf[off..end) with position base. */
static void cursor_init(struct scan *s, const char *buf, json_span sp)
{
	memset(s, 0, sizeof(*s));
	s->p = buf + sp.start;
	s->end = buf + sp.end;
	s->line = sp.line;
	s->col = sp.col;
}

/* Skips one value of validated text, nested or not. */
static void skip_any(struct scan *s)
{
	int depth = 0;

	do {
		skip_ws(s);
		if (s->p >= s->end)
			return;
		if (*s->p == '"') {
			skip_string(s);
		} else if (*s->p == '{' || *s->p == '[') {
			depth++;
			advance(s);
		} else if (*s->p == '}' || *s->p == ']') {
			depth--;
			advance(s);
		} else if (*s->p == ',' || *s->p == ':') {
			advance(s);
		} else {
			skip_atom(s);
		}
	} while (depth > 0);
}

/* The span of the one value in validated text (after a BOM at start). */
json_span json_root_span(const char *buf, size_t len, size_t start)
{
	struct scan s;
	json_span sp = {start, len, 1, 1};

	cursor_init(&s, buf, sp);
	skip_ws(&s);
	sp.start = (size_t)(s.p - buf);
	sp.line = s.line;
	sp.col = s.col;
	skip_any(&s);
	sp.end = (size_t)(s.p - buf);
	return sp;
}

/* Walks the members of a validated object span. */
int json_each_member(const char *buf, json_span obj,
                     int (*fn)(void *arg, json_span key, json_span value),
                     void *arg)
{
	struct scan s;
	json_span k, v;

	cursor_init(&s, buf, obj);
	skip_ws(&s);
	if (s.p >= s.end || *s.p != '{')
		return -1;
	advance(&s);
	for (;;) {
		skip_ws(&s);
		if (s.p >= s.end || *s.p == '}')
			return 0;
		k.start = (size_t)(s.p - buf);
		k.line = s.line;
		k.col = s.col;
		skip_string(&s);
		k.end = (size_t)(s.p - buf);
		skip_ws(&s);
		advance(&s); /* ':' */
		skip_ws(&s);
		v.start = (size_t)(s.p - buf);
		v.line = s.line;
		v.col = s.col;
		skip_any(&s);
		v.end = (size_t)(s.p - buf);
		if (fn(arg, k, v) < 0)
			return -1;
		skip_ws(&s);
		if (s.p < s.end && *s.p == ',')
			advance(&s);
	}
}

/* Walks the items of a validated array span. */
int json_each_item(const char *buf, json_span arr,
                   int (*fn)(void *arg, json_span item), void *arg)
{
	struct scan s;
	json_span v;

	cursor_init(&s, buf, arr);
	skip_ws(&s);
	if (s.p >= s.end || *s.p != '[')
		return -1;
	advance(&s);
	for (;;) {
		skip_ws(&s);
		if (s.p >= s.end || *s.p == ']')
			return 0;
		v.start = (size_t)(s.p - buf);
		v.line = s.line;
		v.col = s.col;
		skip_any(&s);
		v.end = (size_t)(s.p - buf);
		if (fn(arg, v) < 0)
			return -1;
		skip_ws(&s);
		if (s.p < s.end && *s.p == ',')
			advance(&s);
	}
}

/* cJSON parses the span; the scan gives positions from the span's base. */
doc *json_read_span(const char *path, const char *buf, json_span sp,
                    const doc_limits *limits, diag *d)
{
	struct scan s;
	const char *stop = NULL;
	cJSON *root;

	root = cJSON_ParseWithLengthOpts(buf + sp.start, sp.end - sp.start,
	                                 &stop, 0);
	if (!root) {
		/* The strict check passed (its depth limit is below cJSON's,
		 * and it refuses the lone surrogates cJSON cannot read), so
		 * this is memory, or text cJSON refuses for a reason the
		 * check does not know: name the place cJSON stopped at. */
		size_t at =
		        stop && stop >= buf + sp.start && stop <= buf + sp.end
		                ? (size_t)(stop - (buf + sp.start))
		                : 0;

		span_error(d, path, buf + sp.start, at, sp,
		           _("cannot read this JSON: the JSON library (cJSON) "
		             "stopped here, out of memory or at text it does "
		             "not read; please report it"));
		return NULL;
	}
	cursor_init(&s, buf, sp);
	s.path = path;
	s.limits = limits;
	s.d = d;
	s.doc = doc_new(path);
	skip_ws(&s);
	s.doc->root = scan_value(&s, root, 0);
	cJSON_Delete(root);
	if (s.failed) {
		doc_free(s.doc);
		return NULL;
	}
	return s.doc;
}

/* Validates the whole text, then reads its one value. */
doc *json_read_buffer(const char *path, const char *buf, size_t len,
                      const doc_limits *limits, diag *d)
{
	size_t start;

	if (json_validate(path, buf, len, limits, d, &start) < 0)
		return NULL;
	return json_read_span(path, buf, json_root_span(buf, len, start),
	                      limits, d);
}
