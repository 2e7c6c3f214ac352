/*
 * diag.h - the problems found while loading or evaluating, kept in an
 * object (never in a global) and printed once at the end.
 *
 * Messages a person reads name the place: "FILE:LINE:COL: message" for
 * problems in a file (lines and columns 1-based), or "FILE: unit CODE:
 * field NAME: message" for problems in a unit's data. Control characters
 * and bidi controls in a message (a code or value quoted from a file)
 * are stored escaped as "<U+XXXX>" (util/escape.h), so printing one is
 * safe on a terminal.
 *
 * Ownership: a diag owns its messages; diag_free() frees them.
 */
#ifndef CHISO_DIAG_H
#define CHISO_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef enum diag_level { DIAG_ERROR = 0, DIAG_WARNING = 1 } diag_level;

typedef struct diag_entry {
	diag_level level;
	char *text; /* the whole line, place included, no newline */
} diag_entry;

typedef struct diag {
	diag_entry *items;
	size_t count, cap;
	size_t errors, warnings;
	size_t dropped;     /* entries past max_entries, counted only */
	size_t max_entries; /* 0: the default, 200 */
} diag;

#define DIAG_INIT                                                              \
	{                                                                      \
		NULL, 0, 0, 0, 0, 0, 0                                         \
	}

/* Frees every message and makes d empty. */
void diag_free(diag *d);

/* Adds a problem at file:line:col (line 0 means no position: only
 * "file: " is printed; file NULL means no place at all). */
void diag_at(diag *d, diag_level level, const char *file, unsigned line,
             unsigned col, const char *fmt, ...)
        __attribute__((format(printf, 6, 7)));
void diag_vat(diag *d, diag_level level, const char *file, unsigned line,
              unsigned col, const char *fmt, va_list ap)
        __attribute__((format(printf, 6, 0)));

/* Adds an error at file:line:col. */
#define diag_error(d, file, line, col, ...)                                    \
	diag_at((d), DIAG_ERROR, (file), (line), (col), __VA_ARGS__)

/* 1 when d keeps no more messages (past its maximum, new ones are only
 * counted) or d is NULL: the caller may skip the costly parts of a
 * message no one will read, such as a "did you mean". */
int diag_full(const diag *d);

/* Prints every entry, one per line, to f, then a line saying how many
 * were not shown when some were dropped. */
void diag_print(const diag *d, FILE *f);

/* Moves every entry of src to the end of dst; src becomes empty. */
void diag_take(diag *dst, diag *src);

#endif
