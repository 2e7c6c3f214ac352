/*
 * json_reader.h - JSON text into a doc tree. cJSON parses and
 * validates; a second walk over the validated text gives every node its
 * line and column, and keeps numbers exactly as written. UTF-8 is
 * checked, duplicate keys are refused, and the limits of doc_limits hold.
 */
#ifndef CHISO_JSON_READER_H
#define CHISO_JSON_READER_H

#include "read/doc.h"
#include "util/diag.h"

/*
 * Parses buf[0..len) (need not be NUL-terminated; a UTF-8 BOM is
 * skipped). Returns the document (caller frees with doc_free()), or NULL
 * after adding "PATH:LINE:COL: message" errors to d.
 */
doc *json_read_buffer(const char *path, const char *buf, size_t len,
                      const doc_limits *limits, diag *d);

/* A value's place in a text: bytes [start, end) and where it starts. */
typedef struct json_span {
	size_t start, end;
	unsigned line, col;
} json_span;

/*
 * Checks buf[0..len) completely (size limit, UTF-8, NUL bytes, strict
 * JSON grammar) and reports the first problem as "PATH:LINE:COL: ...".
 * Returns 0 with the offset after any BOM in *start, or -1.
 */
int json_validate(const char *path, const char *buf, size_t len,
                  const doc_limits *limits, diag *d, size_t *start);

/* The same checks for the text of one span (e.g. a line of a JSON Lines
 * file), positions counted from the span's line and column. */
int json_validate_span(const char *path, const char *buf, json_span sp,
                       diag *d);

/* The span of the one value of validated text (from offset start). */
json_span json_root_span(const char *buf, size_t len, size_t start);

/*
 * Calls fn for each member of the object at span obj of validated text:
 * the span of its key (quotes included, escapes not decoded) and of its
 * value, in order. Stops when fn returns -1 (and returns -1); returns -1
 * too when obj is not an object, else 0.
 */
int json_each_member(const char *buf, json_span obj,
                     int (*fn)(void *arg, json_span key, json_span value),
                     void *arg);

/* The same for the items of an array. */
int json_each_item(const char *buf, json_span arr,
                   int (*fn)(void *arg, json_span item), void *arg);

/*
 * Reads the value at span sp of validated text into a doc whose positions
 * count from sp's line and column. Returns the doc (caller frees with
 * doc_free()), or NULL with errors in d. Used to read big documents one
 * record at a time.
 */
doc *json_read_span(const char *path, const char *buf, json_span sp,
                    const doc_limits *limits, diag *d);

/* Line and column (1-based, columns in code points) of byte offset off
 * in buf. */
void json_position(const char *buf, size_t off, unsigned *line, unsigned *col);

#endif
