/*
 * json_stream.h - a JSON document read as a stream: a file in pieces of
 * a fixed size (or a text in memory), walked by the members of its
 * top-level object and the items of a list in it, each value read into
 * a doc tree of its own or skipped. Memory holds one piece of the file
 * and the value being read, not the file: how results documents of
 * hundreds of megabytes are read (read/results_set.h).
 *
 * It refuses what json_validate() then json_read_span() refuse
 * (read/json_reader.h), at the same places and with the same messages,
 * as does the file reader before them (read/source.h), and puts them
 * in the same order:
 *
 * - the text's problems (a byte that is not UTF-8, a NUL byte, a UTF-16
 *   file, the size limit, a read error) and its grammar's are fatal:
 *   the stream stops at the first grammar error, but reads on for a
 *   problem of the text further on, which is reported instead (the
 *   whole-file readers check the text before the grammar). Fatal
 *   messages go to the diag given when the stream is opened;
 * - a value read into a tree may break the limits of doc_limits (depth,
 *   nodes, length of a scalar), repeat a key, hold "\u0000" or a number
 *   past the largest double: reported to the diag given to
 *   json_stream_value(), that value is not read, but the stream goes on,
 *   so that a fatal problem further on can still be found.
 *
 * Positions are the file's lines and columns (1-based, columns in code
 * points, after a UTF-8 byte-order mark), wherever a value is.
 *
 * Ownership: the stream owns its window, its scratch and the last value
 * read; json_stream_close() frees them. Texts and trees it returns are
 * borrowed, valid as each function says.
 */
#ifndef CHISO_JSON_STREAM_H
#define CHISO_JSON_STREAM_H

#include "read/doc.h"
#include "util/diag.h"

#include <stddef.h>

/* Bytes asked of each read() of a file, unless the caller asks for
 * another size. */
#define JSON_STREAM_CHUNK (1024 * 1024)

typedef struct json_stream json_stream;

/* Where a value (or a key) starts: its file offset, line and column,
 * and how many containers are open there. */
typedef struct json_mark {
	unsigned long long off;
	unsigned line, col, depth;
} json_mark;

/*
 * Opens the file at path ("-": standard input) within lim's size, read
 * chunk bytes at a time (0: JSON_STREAM_CHUNK; a small size is for
 * tests, every boundary must read alike). Fatal problems go to d, which
 * must outlive the stream. Returns the stream (caller frees with
 * json_stream_close()), or NULL after reporting why it cannot be read
 * (missing, a directory, too large).
 */
json_stream *json_stream_open(const char *path, const doc_limits *lim,
                              size_t chunk, diag *d);

/* The same over buf[0..len) (borrowed until close; no NUL needed),
 * named path in messages, with the checks and messages of
 * json_validate(). NULL when len is past lim's size. */
json_stream *json_stream_open_buffer(const char *path, const char *buf,
                                     size_t len, const doc_limits *lim,
                                     diag *d);

/* Frees js; NULL is ignored. */
void json_stream_close(json_stream *js);

/* 1 after a fatal problem (reported), else 0. */
int json_stream_failed(const json_stream *js);

/* The bytes of the file: its size when known (a regular file, a text in
 * memory), else the bytes read so far. */
unsigned long long json_stream_size(const json_stream *js);

/*
 * The first byte of the next value, after whitespace ('{', '[', '"', a
 * digit...), its place in *at when at is not NULL; nothing is consumed.
 * Returns -1 after a fatal problem (also the end of the text).
 */
int json_stream_peek(json_stream *js, json_mark *at);

/* json_stream_peek(), and for a file that cannot seek (a pipe) keeps
 * the text from there on, so that json_stream_seek() can come back to
 * it. */
int json_stream_mark(json_stream *js, json_mark *at);

/* Reads on from a place marked by json_stream_mark() (the containers
 * open there are forgotten: enter the value again). Returns 0, or -1
 * after a fatal problem. */
int json_stream_seek(json_stream *js, const json_mark *at);

/* Enters the object or list that json_stream_peek() just saw. Returns
 * 0, or -1 when the next value is neither or after a fatal problem. */
int json_stream_enter(json_stream *js);

/*
 * Moves to the next member or item of the innermost container entered.
 * Returns 1 when there is one: for an object, its key's text as written
 * (between the quotes, escapes not decoded) in *key and *len (borrowed,
 * valid until the next call on js) and its place in *at (any of the
 * three may be NULL); its value must be read or skipped next. Returns 0
 * at the end of the container (then left), -1 after a fatal problem.
 */
int json_stream_next(json_stream *js, const char **key, size_t *len,
                     json_mark *at);

/*
 * Reads the next value into a tree, with the limits of lim and
 * positions of the file. Returns the tree (borrowed: valid until the
 * next json_stream_value() or json_stream_close()), or NULL: after a
 * fatal problem, or after reporting to d why this value is refused (the
 * stream is then past it).
 */
doc *json_stream_value(json_stream *js, diag *d);

/* Checks and skips the next value. Returns 0, or -1 after a fatal
 * problem. */
int json_stream_skip(json_stream *js);

/* Keeps the text of the next value read or skipped, for
 * json_stream_captured(). */
void json_stream_capture(json_stream *js);

/* The text of the value read or skipped since json_stream_capture(), in
 * *len bytes (borrowed: valid until the next call on js); the capture
 * ends. "" after a fatal problem. */
const char *json_stream_captured(json_stream *js, size_t *len);

/* After the top-level value: only whitespace may follow, to the end of
 * the text. Returns 0, or -1 after a fatal problem. */
int json_stream_end(json_stream *js);

#endif
