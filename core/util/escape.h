/*
 * escape.h - text read from data or results files made safe for a
 * terminal and for plain-text files: control characters and bidi
 * controls are shown as visible escapes, so that a unit's code, name or
 * note can neither drive the terminal (ESC[2J, OSC 8 links), break a
 * line or a table, nor reorder the text shown around it (U+202E).
 *
 * The notation, everywhere chiso escapes: "<U+XXXX>" (four or more
 * upper-case hex digits) for a control character -- C0 U+0000..U+001F
 * (TAB, LF and CR included), DEL U+007F, C1 U+0080..U+009F -- or a
 * bidi control (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069); "<0xHH>" for a byte that is not part of well-formed
 * UTF-8. Everything else is written as it is, so clean text is
 * unchanged, and escaping escaped text changes nothing.
 *
 * Ownership: nothing is kept; results are appended to the caller's
 * strbuf.
 */
#ifndef CHISO_ESCAPE_H
#define CHISO_ESCAPE_H

#include "util/strbuf.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* 1 when cp is a control character (C0, DEL or C1), else 0. */
int escape_is_control(unsigned cp);

/* 1 when cp is a bidi control (see above), else 0. */
int escape_is_bidi(unsigned cp);

/*
 * Looks for a control character in s[0..len) (TAB, LF and CR allowed
 * when lines is 1: multi-line text). Returns 1 and its byte offset in *at and
 * code point in *cp, or 0 when there is none. Ill-formed UTF-8 is not a
 * control character (readers check UTF-8 first).
 */
int escape_find_control(const char *s, size_t len, int lines, size_t *at,
                        unsigned *cp);

/* What escape_append() leaves as it is. */
enum {
	ESCAPE_KEEP_LINES = 1, /* TAB, LF and CR (CSV cells, quoted) */
	ESCAPE_KEEP_BIDI = 2   /* bidi controls */
};

/* Appends s to sb with control characters and bidi controls escaped,
 * except those flags (ESCAPE_KEEP_*) keep. */
void escape_append(strbuf *sb, const char *s, unsigned flags);

/*
 * Appends s escaped, cut to at most cols display columns (cols >= 2)
 * when it is wider: then whole characters and whole escapes are kept up
 * to cols - 1 columns and "…" ends it. An escape is never cut in half,
 * nor a letter separated from its combining marks.
 */
void escape_fit(strbuf *sb, const char *s, size_t cols);

/* Writes s to f escaped. */
void escape_fputs(const char *s, FILE *f);

/* Writes printf-formatted text to f escaped, all of it except one line
 * break that ends it (the format's own). */
void escape_fprintf(FILE *f, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void escape_vfprintf(FILE *f, const char *fmt, va_list ap)
        __attribute__((format(printf, 2, 0)));

#endif
