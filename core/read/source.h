/*
 * source.h - reading an input file (model or data) into a doc: the whole
 * file, within a size limit, checked as it is read (UTF-8, no NUL byte),
 * as YAML or JSON by its name (".json", ".jsonl" are JSON; everything
 * else YAML, a superset that still needs its own reader for exact
 * positions and numbers).
 */
#ifndef CHISO_SOURCE_H
#define CHISO_SOURCE_H

#include "read/doc.h"
#include "util/diag.h"

#include <stddef.h>

/*
 * How a kind of file names the place of a bad byte and what it advises.
 * position gives the line and column of byte off of buf[0..len) (the
 * text read so far) as the file's reader counts them; NULL counts lines
 * and characters (after a byte-order mark), as the YAML and JSON readers
 * do. hint says how to save the file as UTF-8. binary 1 takes any bytes
 * (a zip archive): the text is not checked then.
 */
typedef struct source_kind {
	void (*position)(const char *buf, size_t len, size_t off,
	                 unsigned *line, unsigned *col);
	const char *hint;
	int binary;
} source_kind;

/* YAML, JSON and JSON Lines files: lines and characters, "save it as
 * UTF-8 in your editor". */
extern const source_kind source_kind_text;

/* Workbooks (a zip archive): any bytes, only the size limit. */
extern const source_kind source_kind_binary;

/*
 * Reads the file at path into a new NUL-terminated buffer (caller frees
 * with free()). "-" reads standard input. The text is checked as it is
 * read, so that a stream (a pipe, a FIFO, /dev/zero) is refused as soon
 * as it shows a problem, not once it is buffered whole: a NUL byte or a
 * byte that is not UTF-8 ("PATH:LINE:COL: ..." at the byte, placed as
 * kind says; a UTF-16 file is named as such), or the size limit of lim
 * ("PATH: file too large ..."). Returns 0, or -1 with the message in d.
 */
int source_read_file_as(const char *path, const doc_limits *lim,
                        const source_kind *kind, char **buf, size_t *len,
                        diag *d);

/* source_read_file_as() with source_kind_text. */
int source_read_file(const char *path, const doc_limits *lim, char **buf,
                     size_t *len, diag *d);

/* 1 when path names a JSON file (".json"; by its extension). */
int source_is_json(const char *path);

/* 1 for JSON Lines (".jsonl", ".ndjson"). */
int source_is_jsonl(const char *path);

/* 1 for CSV (".csv"). */
int source_is_csv(const char *path);

/* 1 for a spreadsheet workbook (".xlsx", ".xlsm"; and ".xls", ".ods",
 * ".xlsb", for the reader of .xlsx to refuse with advice). */
int source_is_workbook(const char *path);

/*
 * Parses buf[0..len) as JSON or YAML per source_is_json(path). Returns
 * the doc (caller frees with doc_free()), or NULL with errors in d. An
 * empty document is an error "PATH: the file is empty".
 */
doc *source_parse(const char *path, const char *buf, size_t len,
                  const doc_limits *limits, diag *d);

#endif
