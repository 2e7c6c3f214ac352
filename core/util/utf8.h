/*
 * utf8.h - UTF-8 checks and display widths, so that tables of
 * Vietnamese text line up in a terminal whatever the locale.
 */
#ifndef CHISO_UTF8_H
#define CHISO_UTF8_H

#include <stddef.h>

/*
 * Returns 0 when s[0..len) is well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF), else -1 and the byte offset of
 * the first bad byte in *bad_at (when bad_at is not NULL).
 */
int utf8_check(const char *s, size_t len, size_t *bad_at);

/*
 * Checks s[0..len), the start of a text that may go on past len (a file
 * read piece by piece). Returns 0 with, in *whole, the bytes of the
 * complete sequences: len, or less by a last sequence cut at len that
 * the next bytes may still complete; or -1 with the offset of the first
 * ill-formed sequence in *bad_at. ASCII is checked a byte at a time
 * without decoding.
 */
int utf8_check_prefix(const char *s, size_t len, size_t *whole, size_t *bad_at);

/*
 * Decodes one code point at s (at most len bytes) into *cp; returns the
 * number of bytes used (1..4), or 0 for an ill-formed or truncated
 * sequence (then *cp is U+FFFD and the caller should skip one byte).
 */
size_t utf8_decode(const char *s, size_t len, unsigned *cp);

/* Writes code point cp (at most 0x10FFFF) as UTF-8 into out, which has
 * room for 4 bytes; returns the bytes written (1 to 4). */
size_t utf8_encode(unsigned cp, char *out);

/*
 * Columns code point cp occupies in a terminal: 0 for combining marks
 * (U+0300..U+036F, U+1AB0..U+1AFF, U+1DC0..U+1DFF, U+20D0..U+20FF,
 * U+FE20..U+FE2F), zero-width characters (U+200B..U+200F, U+2060,
 * U+FEFF) and C0/C1 controls; 2 for East Asian wide and fullwidth
 * ranges (CJK, Hangul, fullwidth forms, emoji U+1F300..U+1FAFF); 1
 * otherwise. Precomposed Vietnamese letters (e.g. U+1EA0..U+1EF9) are 1.
 */
int utf8_cp_width(unsigned cp);

/* Display width of the NUL-terminated string s (ill-formed bytes count
 * 1 each). */
size_t utf8_width(const char *s);

/*
 * Length in bytes of the longest prefix of s whose display width is at
 * most `cols`, never splitting a code point or separating a base letter
 * from the combining marks that follow it.
 */
size_t utf8_prefix_for_width(const char *s, size_t cols);

/* 1 when a and b are equal ignoring the case of ASCII letters only (as
 * spreadsheets compare headers and sheet names), else 0. */
int utf8_ascii_caseeq(const char *a, const char *b);

#endif
