/*
 * json_reader.c - cJSON plus a position scan into a doc tree.
 */
#include "json_reader.h"

#include "strbuf.h"
#include "utf8.h"

#include <cjson/cJSON.h>
#include <math.h>
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
	while (s->p < s->end &&
	       (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' ||
	        *s->p == '\r'))
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
			if (s->end - s->p >= 6 && memcmp(s->p, "\\u0000", 6) == 0)
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
	while (s->p < s->end && strchr("+-.0123456789eEtruefalsn", *s->p) &&
	       *s->p != '\0')
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

static doc_node *scan_value(struct scan *s, const cJSON *item,
                            unsigned depth);

/* Makes a scalar node for text[0..len) at the cursor's position. */
static doc_node *scalar_node(struct scan *s, const char *text, size_t len,
                             int quoted, unsigned line, unsigned col)
{
	doc_node *n;

	if (len > s->limits->max_scalar_bytes) {
		fail_here(s, "value too long: %zu bytes, the limit is %zu", len,
		          s->limits->max_scalar_bytes);
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

			n->keys[i] = scalar_node(s, key, strlen(key), 1, s->line,
			                         s->col);
			skip_string(s);
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
		           "duplicate key '%s'; each key may appear once",
		           dup->text);
		s->failed = 1;
		return NULL;
	}
	return n;
}

/* Converts one value, recording the position where its text starts. */
static doc_node *scan_value(struct scan *s, const cJSON *item,
                            unsigned depth)
{
	unsigned line = s->line, col = s->col;
	const char *start = s->p;
	doc_node *n;

	if (s->doc->nodes >= s->limits->max_nodes) {
		fail_here(s, "too many nodes: the limit is %zu per file",
		          s->limits->max_nodes);
		return NULL;
	}
	if (cJSON_IsObject(item) || cJSON_IsArray(item)) {
		if (depth >= s->limits->max_depth) {
			fail_here(s, "nesting deeper than %u levels",
			          s->limits->max_depth);
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
			fail_here(s, "value contains a NUL character");
			return NULL;
		}
		return scalar_node(s, v, strlen(v), 1, line, col);
	}
	skip_atom(s);
	n = scalar_node(s, start, (size_t)(s->p - start), 0, line, col);
	if (n && cJSON_IsNumber(item) && !isfinite(item->valuedouble)) {
		s->line = line;
		s->col = col;
		fail_here(s, "number out of range");
		return NULL;
	}
	return n;
}

/* Computes line and column of a byte offset by counting from the start. */
void json_position(const char *buf, size_t off, unsigned *line,
                   unsigned *col)
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

/* Validates UTF-8, parses with cJSON, then scans for positions. */
doc *json_read_buffer(const char *path, const char *buf, size_t len,
                      const doc_limits *limits, diag *d)
{
	struct scan s = {0};
	const char *end_ptr = NULL;
	cJSON *root;
	size_t bad;
	unsigned line, col;

	if (len > limits->max_file_bytes) {
		diag_error(d, path, 0, 0,
		           "file too large: %zu bytes, the limit is %zu", len,
		           limits->max_file_bytes);
		return NULL;
	}
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (utf8_check(buf, len, &bad) < 0) {
		json_position(buf, bad, &line, &col);
		diag_error(d, path, line, col,
		           "invalid UTF-8 byte 0x%02X; save the file as UTF-8",
		           (unsigned char)buf[bad]);
		return NULL;
	}
	if (memchr(buf, '\0', len)) {
		bad = (size_t)((const char *)memchr(buf, '\0', len) - buf);
		json_position(buf, bad, &line, &col);
		diag_error(d, path, line, col, "NUL byte in JSON text");
		return NULL;
	}
	/* Not require_null_terminated: cJSON then wants the NUL inside len.
	 * Trailing text is checked below instead. */
	root = cJSON_ParseWithLengthOpts(buf, len, &end_ptr, 0);
	if (root && end_ptr) {
		size_t off = (size_t)(end_ptr - buf);

		while (off < len && strchr(" \t\r\n", buf[off]))
			off++;
		if (off < len) {
			cJSON_Delete(root);
			json_position(buf, off, &line, &col);
			diag_error(d, path, line, col,
			           "unexpected text after the JSON value; a "
			           "file holds one value");
			return NULL;
		}
	}
	if (!root) {
		size_t off = end_ptr ? (size_t)(end_ptr - buf) : 0;

		if (off > len)
			off = len;
		json_position(buf, off, &line, &col);
		if (off >= len)
			diag_error(d, path, line, col,
			           "invalid JSON: unexpected end of file");
		else
			diag_error(d, path, line, col,
			           "invalid JSON near '%.10s'", buf + off);
		return NULL;
	}
	s.p = buf;
	s.end = buf + len;
	s.line = 1;
	s.col = 1;
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
