/*
 * json_window.h - the window of a JSON stream on its text (private to
 * read/json_stream.c and read/json_value.c): a file read in pieces, or a
 * text in memory; the cursor, its line and column, what must be kept
 * when the window moves, and the fatal problems, reported in the order
 * the whole-text readers report them (read/json_stream.h).
 *
 * The window buf[0..have) holds the file from offset base: [pos..ready)
 * is text checked and not yet read, [ready..have) bytes read but not yet
 * checked (a UTF-8 sequence cut at the end of a piece). When the reader
 * needs more, the text before pos is dropped, except from the lowest
 * "pin": the token being read (its bytes are copied whole), the value
 * being captured, or the place json_stream_seek() must come back to in a
 * pipe. Columns are counted lazily: col is the column of text[col_at],
 * and a place is counted from there.
 *
 * Ownership: the stream owns everything here; json_stream_close() frees
 * it.
 */
#ifndef CHISO_JSON_WINDOW_H
#define CHISO_JSON_WINDOW_H

#include "read/doc.h"
#include "read/json_stream.h"
#include "read/source.h"
#include "util/strbuf.h"

#include <stddef.h>

#define NO_PIN ((size_t)-1)
/* The grammar's own nesting limit, as json_validate()'s. */
#define MAX_NESTING 512
/* Containers json_stream_enter() may open. */
#define MAX_LEVELS 8

/* A text in memory: the first problem of its text. */
enum { TEXT_OK = 0, TEXT_NOT_UTF8, TEXT_NUL };

/* A container entered with json_stream_enter(). */
struct json_level {
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
	struct json_level lv[MAX_LEVELS];
	unsigned nlv;
	doc_node **stk; /* children of the containers being built */
	size_t nstk, capstk;
	strbuf str; /* a string's decoded text */
	strbuf key; /* the key of json_stream_next() */
	doc *val;   /* the last tree read, reused */
};

/* Reads more of a file into the window, after dropping what no one
 * needs. Returns 1 when more text is ready, 0 at its end (or at a bad
 * byte), -1 after a read error (reported: fatal). */
int json_win_more(json_stream *js);

/* The byte at the cursor, or -1 at the end of the text. */
static inline int json_win_peek(json_stream *js)
{
	if (js->pos < js->ready || json_win_more(js) > 0)
		return (unsigned char)js->text[js->pos];
	return -1;
}

/* Makes n bytes ready at the cursor if the text has them; returns the
 * bytes ready. */
size_t json_win_need(json_stream *js, size_t n);

/* Skips JSON's whitespace, counting lines. */
void json_win_skip_ws(json_stream *js);

/* Skips a UTF-8 byte-order mark at the start of the text. */
void json_win_skip_bom(json_stream *js);

/* The line and column of the cursor. */
void json_win_position(json_stream *js, unsigned *line, unsigned *col);

/* 1 when the text ends at a bad byte. */
int json_win_text_bad(const json_stream *js);

/* Reports the bad byte the text ends at, the cursor being there. */
void json_win_report_text(json_stream *js);

/*
 * A grammar error at the cursor, back columns before it: "invalid JSON:
 * WHY", or why itself when whole. Fatal; but when the text has a bad
 * byte further on, that is reported instead.
 */
void json_win_fail(json_stream *js, unsigned back, int whole, const char *why);

#endif
