/*
 * json_window.c - the window of a JSON stream on its text: refilled from
 * the file, the cursor's line and column, and its fatal problems (see
 * json_window.h).
 */
#include "read/json_window.h"
#include "util/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
void json_win_position(json_stream *js, unsigned *line, unsigned *col)
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
int json_win_more(json_stream *js)
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

/* Makes n bytes ready at the cursor if the text has them; returns the
 * bytes ready. */
size_t json_win_need(json_stream *js, size_t n)
{
	while (js->ready - js->pos < n && json_win_more(js) > 0)
		;
	return js->ready - js->pos;
}

/* Skips JSON's whitespace, counting lines. */
void json_win_skip_ws(json_stream *js)
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
		if (json_win_more(js) <= 0)
			return;
	}
}

/* Skips a UTF-8 byte-order mark at the start of the text. */
void json_win_skip_bom(json_stream *js)
{
	if (json_win_need(js, 3) >= 3 &&
	    memcmp(js->text + js->pos, "\xEF\xBB\xBF", 3) == 0) {
		js->pos += 3;
		js->col_at = js->pos;
	}
}

/* 1 when the text ends at a bad byte. */
int json_win_text_bad(const json_stream *js)
{
	return js->file ? js->src.bad : js->mem_bad != TEXT_OK;
}

/* Reports the bad byte the text ends at, the cursor being there. */
void json_win_report_text(json_stream *js)
{
	unsigned line, col;

	json_win_position(js, &line, &col);
	if (js->file)
		source_pieces_bad(&js->src, line, col, js->d);
	else if (js->mem_bad == TEXT_NUL)
		diag_error(js->d, js->path, line, col,
		           _("NUL byte in JSON text"));
	else
		diag_error(
		        js->d, js->path, line, col,
		        _("invalid UTF-8 byte 0x%02X; the file must be UTF-8 "
		          "(save it as UTF-8 in your editor)"),
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
	} while (json_win_more(js) > 0);
}

/*
 * A grammar error at the cursor, back columns before it: "invalid JSON:
 * WHY", or why itself when whole. Fatal; but when the text has a bad
 * byte further on, that is reported instead.
 */
void json_win_fail(json_stream *js, unsigned back, int whole, const char *why)
{
	unsigned line, col;

	if (js->failed)
		return;
	json_win_position(js, &line, &col);
	drain(js);
	if (js->failed)
		return; /* a read error, reported */
	if (json_win_text_bad(js)) {
		json_win_report_text(js);
		return;
	}
	diag_error(js->d, js->path, line, col - back, "%s%s",
	           whole ? "" : _("invalid JSON: "), why);
	js->failed = 1;
}
