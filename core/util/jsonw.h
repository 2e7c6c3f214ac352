/*
 * jsonw.h - a streaming JSON writer with exact numbers: results of
 * national batches are written unit by unit, never built as a tree, and
 * every number prints as the shortest text that reads back to the same
 * double (numfmt_exact). Output is pretty-printed with 2-space indents.
 *
 * Output is gathered in the writer's own buffer and handed to the FILE
 * in large blocks (stdio's per-call cost dominated at national scale);
 * jsonw_flush() (called by jsonw_finish()) empties it.
 *
 * Ownership: the writer borrows its FILE; nothing is allocated.
 */
#ifndef CHISO_JSONW_H
#define CHISO_JSONW_H

#include <stdio.h>

#define JSONW_MAX_DEPTH 32
#define JSONW_BUF       65536

typedef struct strbuf strbuf;

typedef struct jsonw {
	FILE *f;
	strbuf *sb; /* instead of f, when not NULL */
	int depth;
	int count[JSONW_MAX_DEPTH]; /* items written at each level */
	int flags[JSONW_MAX_DEPTH]; /* compact (one line), array */
	int after_key;
	size_t len;          /* bytes waiting in buf */
	char buf[JSONW_BUF]; /* output not yet written to f */
} jsonw;

/* Starts a writer on f. */
void jsonw_init(jsonw *w, FILE *f);
/* Starts a writer that appends to sb (borrowed) instead of a FILE. */
void jsonw_init_strbuf(jsonw *w, strbuf *sb);

/* Opens an object or array; compact ones stay on one line. */
void jsonw_object(jsonw *w, int compact);
void jsonw_array(jsonw *w, int compact);
/* Closes the innermost object or array. */
void jsonw_end(jsonw *w);

/* Writes a key; the next call writes its value. */
void jsonw_key(jsonw *w, const char *key);

/* Values. jsonw_number requires a finite x (non-finite prints 0 and is a
 * bug of the caller). jsonw_string escapes as JSON requires and replaces
 * ill-formed UTF-8 with U+FFFD; NULL prints null. */
void jsonw_string(jsonw *w, const char *s);
void jsonw_number(jsonw *w, double x);
void jsonw_bool(jsonw *w, int b);
void jsonw_null(jsonw *w);
/* Writes text verbatim as a value (already valid JSON). */
void jsonw_raw(jsonw *w, const char *text);

/* key + value shorthands. */
void jsonw_kstring(jsonw *w, const char *key, const char *s);
void jsonw_knumber(jsonw *w, const char *key, double x);
void jsonw_kbool(jsonw *w, const char *key, int b);
/* key + a compact array of the n strings of items. */
void jsonw_kstrings(jsonw *w, const char *key, const char *const *items,
                    size_t n);

/*
 * Pieces for writers that prebuild the constant text of a record once
 * (results_json: the id, method and inputs of each node) and write each
 * record as that text plus its numbers: after jsonw_object_put (below),
 * the text is given by jsonw_put (verbatim, already valid JSON),
 * jsonw_put_string (a quoted, escaped string) and jsonw_put_number (as
 * jsonw_number). jsonw_key_quoted writes a key given as its ready text,
 * quotes, colon and space included (e.g. "\"x1\": ", 6).
 */
/* Opens a compact object whose "{" and first members the caller writes
 * with the pieces below; members written after them with jsonw_key get
 * their separator, and jsonw_end closes it. */
void jsonw_object_put(jsonw *w);
void jsonw_put(jsonw *w, const char *text, size_t len);
void jsonw_put_string(jsonw *w, const char *s);
void jsonw_put_number(jsonw *w, double x);
void jsonw_key_quoted(jsonw *w, const char *quoted, size_t len);

/* Ends the document with a newline and flushes. */
void jsonw_finish(jsonw *w);

/* Hands the buffered output to the FILE. */
void jsonw_flush(jsonw *w);

#endif
