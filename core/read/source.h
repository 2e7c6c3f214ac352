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

/*
 * A text file read in pieces, for readers that hold a bounded window of
 * a large file (read/json_stream.h): each piece is checked as
 * source_read_file_as() checks the whole file (the size limit, UTF-8,
 * no NUL byte, a UTF-16 file named as such), but the first bad byte is
 * not reported when found. The bytes before it are handed out; the
 * reader, which counts lines and columns, reports it when it gets
 * there (source_pieces_bad()).
 */
typedef struct source_pieces {
	int fd;
	const char *path; /* for messages: as given, "<stdin>" for "-" */
	const doc_limits *lim;
	unsigned long long size;    /* of a regular file (from where reading
	                               starts); 0 for a stream */
	unsigned long long origin;  /* where reading starts in the file (0,
	                               unless standard input was read) */
	unsigned long long done;    /* file offset of the next byte read */
	unsigned long long checked; /* file offset of the first byte not
	                               yet checked */
	int seekable, eof;
	int bad; /* a bad byte was found: the text ends there */
	unsigned char bad_byte;
	int utf16; /* the bad byte is the first of a UTF-16 mark */
} source_pieces;

/* Opens path ("-": standard input), refusing a directory or a regular
 * file past lim's size. Returns 0, or -1 after reporting. */
int source_pieces_open(source_pieces *p, const char *path,
                       const doc_limits *lim, diag *d);

/* Closes p's file (not standard input). */
void source_pieces_close(source_pieces *p);

/*
 * Reads the next bytes of the file into buf[*have..*have + room) (room
 * at least 4) and checks them: buf[*ready..*have) holds the bytes read
 * but not yet checked (a UTF-8 sequence cut at the end of a piece), and
 * *ready moves past the bytes found good, up to a bad byte at most.
 * Returns 1 when *ready moved, 0 at the end of the file or at a bad
 * byte (p->bad), -1 after reporting a read error or the size limit.
 */
int source_pieces_read(source_pieces *p, char *buf, size_t *have, size_t room,
                       size_t *ready, diag *d);

/* Reports p's bad byte as source_read_file_as() does, at line:col (the
 * reader's count of the text before it). */
void source_pieces_bad(const source_pieces *p, unsigned line, unsigned col,
                       diag *d);

/* Reads on from file offset off (a regular file only; checked text).
 * Returns 0, or -1 after reporting. */
int source_pieces_seek(source_pieces *p, unsigned long long off, diag *d);

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
