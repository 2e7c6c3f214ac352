/*
 * json_value.h - JSON values at the cursor of a stream (private to
 * read/json_stream.c): checked against the grammar as json_validate()
 * checks them, and built into a tree as json_read_span() builds one,
 * with the limits of doc_limits, or only skipped.
 *
 * Ownership: a tree built is owned by the doc of its json_build.
 */
#ifndef CHISO_JSON_VALUE_H
#define CHISO_JSON_VALUE_H

#include "read/doc.h"
#include "read/json_window.h"
#include "util/diag.h"

/* How a string's text is wanted. */
enum { STR_SKIP, STR_DECODED, STR_RAW };

/* A value being read into a tree (NULL: only skipped). */
struct json_build {
	doc *doc;
	diag *d;    /* why the value is refused */
	int failed; /* refused: nothing more is built */
};

/*
 * Any value at the cursor (after whitespace), depth levels into the value
 * being read: built into b's tree while b builds. Returns the node
 * (owned by b->doc), or NULL: skipped, refused (b->failed, reported to
 * b->d; the value is read to its end all the same), or after a fatal
 * problem (js->failed).
 */
doc_node *json_value_read(json_stream *js, struct json_build *b,
                          unsigned depth);

/*
 * The string at the cursor (on its opening quote). Its text, per want:
 * decoded (STR_DECODED) or as written (STR_RAW), in *text and *len
 * (borrowed: valid until the window moves, at the next read); *nul set
 * when it holds "\u0000". Returns 0, past the closing quote, or -1
 * after a fatal problem.
 */
int json_value_string(json_stream *js, int want, const char **text, size_t *len,
                      int *nul);

/* ':' after a key. Returns 0, or -1 after a fatal problem. */
int json_value_colon(json_stream *js);

#endif
