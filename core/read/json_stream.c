/*
 * json_stream.c - a JSON document read in pieces: one pass over the text
 * checks its grammar as json_validate() does and builds the trees asked
 * for as json_read_span() does (see json_stream.h). The window on the
 * text is json_window.c's, the values json_value.c's; here the stream
 * itself, and its walk of a top-level object and a list.
 */
#include "read/json_stream.h"

#include "read/json_value.h"
#include "read/json_window.h"
#include "read/source.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

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
	json_win_skip_bom(js);
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
	json_win_skip_bom(js);
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
	json_win_position(js, &at->line, &at->col);
	at->off = js->base + js->pos;
	at->depth = js->depth;
}

int json_stream_peek(json_stream *js, json_mark *at)
{
	int c;

	if (js->failed)
		return -1;
	json_win_skip_ws(js);
	c = json_win_peek(js);
	if (c < 0) {
		json_win_fail(js, 0, 0, _("unexpected end of file"));
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
	struct json_level *lv;

	if ((c != '{' && c != '[') || js->nlv == MAX_LEVELS)
		return -1;
	if (++js->depth > MAX_NESTING) {
		json_win_fail(js, 0, 0, _("nesting too deep"));
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
	struct json_level *lv;
	const char *text;
	size_t n;
	int c, nul;

	if (js->failed || js->nlv == 0)
		return -1;
	lv = &js->lv[js->nlv - 1];
	json_win_skip_ws(js);
	c = json_win_peek(js);
	if (lv->after_value && c == ',') {
		js->pos++;
		lv->first = 0;
		json_win_skip_ws(js);
		c = json_win_peek(js);
	} else if (lv->after_value && c >= 0 && c != lv->close) {
		json_win_fail(js, 0, 0,
		              lv->close == '}' ? _("expected ',' or '}'")
		                               : _("expected ',' or ']'"));
		return -1;
	} else if (lv->after_value && c == lv->close) {
		return leave(js);
	}
	if (c < 0) {
		json_win_fail(js, 0, 0, _("unexpected end of file"));
		return -1;
	}
	if (c == lv->close) {
		if (!lv->first) {
			json_win_fail(
			        js, 0, 0,
			        lv->close == '}'
			                ? _("a comma before '}': remove the "
			                    "trailing comma")
			                : _("a comma before ']': remove the "
			                    "trailing comma"));
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
		json_win_fail(js, 0, 0, _("expected a key in double quotes"));
		return -1;
	}
	if (at)
		mark_here(js, at);
	if (json_value_string(js, STR_RAW, &text, &n, &nul) < 0)
		return -1;
	strbuf_reset(&js->key);
	strbuf_add(&js->key, text, n);
	if (json_value_colon(js) < 0)
		return -1;
	if (key_text)
		*key_text = strbuf_str(&js->key);
	if (len)
		*len = n;
	return 1;
}

doc *json_stream_value(json_stream *js, diag *d)
{
	struct json_build b;
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
	root = json_value_read(js, &b, 0);
	if (js->failed || b.failed)
		return NULL;
	js->val->root = root;
	return js->val;
}

int json_stream_skip(json_stream *js)
{
	if (js->failed)
		return -1;
	json_value_read(js, NULL, 0);
	return js->failed ? -1 : 0;
}

void json_stream_capture(json_stream *js)
{
	json_win_skip_ws(js);
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
	json_win_skip_ws(js);
	if (json_win_peek(js) >= 0) {
		json_win_fail(
		        js, 0, 0,
		        _("unexpected text after the JSON value; a file holds "
		          "one value"));
		return -1;
	}
	if (js->failed)
		return -1;
	if (json_win_text_bad(js)) {
		json_win_report_text(js);
		return -1;
	}
	return 0;
}
