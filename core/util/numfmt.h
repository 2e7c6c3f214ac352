/*
 * numfmt.h - exact number parsing and printing.
 *
 * Scores must print the same on every machine and round the way the
 * published tables do, so chiso never relies on printf's %f rounding of
 * binary doubles for published values.
 */
#ifndef CHISO_NUMFMT_H
#define CHISO_NUMFMT_H

#include <stddef.h>

/* Longest text any function here writes, NUL included. */
#define NUMFMT_MAX 64

/* Why numfmt_parse() refused a text (all below 0). */
enum {
	NUMFMT_SYNTAX = -1,   /* not a number in the syntax below */
	NUMFMT_OVERFLOW = -2, /* beyond the largest double (1e309) */
	NUMFMT_UNDERFLOW = -3 /* not zero, but reads as 0 or as a subnormal
	                         double, below 2.2e-308 (1e-400) */
};

/*
 * Parses s (the whole string, no surrounding spaces) as a decimal number
 * in the syntax [-+]?digits[.digits]?([eE][-+]?digits)? (also ".5" and
 * "5."), into a finite double. Rejects "", "nan", "inf", hex, "1,5",
 * thousands separators (NUMFMT_SYNTAX), overflow (NUMFMT_OVERFLOW) and
 * underflow: a text whose digits are not all zero but whose value is 0
 * or subnormal (NUMFMT_UNDERFLOW), so that no number silently becomes 0.
 * A zero reads as 0, never -0 ("-0", "-0.0", "-0e5"), so that it prints
 * as "0". Returns 0 on success, else one of the codes above.
 */
int numfmt_parse(const char *s, double *out);

/*
 * The end of a message about the number text that numfmt_parse()
 * refused with code rc, after the text itself ("1e309 is out of
 * range ..."): for NUMFMT_OVERFLOW and NUMFMT_UNDERFLOW; NULL for any
 * other code (a syntax error, whose message depends on the caller).
 * A static string, in English (a unit's problems, stored in results,
 * quote it): messages only printed translate it with _().
 */
const char *numfmt_range_text(int rc);

/*
 * Parses s as an integer [-+]?digits whose magnitude is at most 2^53
 * (exact in a double). Returns 0 on success, -1 otherwise.
 */
int numfmt_parse_int(const char *s, double *out);

/*
 * Writes the shortest decimal text that reads back as exactly x
 * (tries 1..17 significant digits with %.*g), into buf of size
 * NUMFMT_MAX. Integers print without a decimal point or exponent when
 * |x| < 1e17 ("170", not "1.7e+02"); -0 prints "0". x must be finite.
 * Returns buf.
 */
char *numfmt_exact(double x, char *buf);

/*
 * Rounds x to `decimals` places (0..15) the way a published table does:
 * first to 15 significant digits (removing binary noise, as spreadsheets
 * do), then half away from zero on that decimal text. Writes exactly
 * `decimals` digits after the point ("0.8399", "15.0000", "1"), into buf
 * of size NUMFMT_MAX; -0 prints as "0.0000". Returns buf.
 * Example: 0.83985 -> "0.8399" (printf("%.4f") gives "0.8398").
 */
char *numfmt_fixed(double x, int decimals, char *buf);

/*
 * The double value of numfmt_fixed(x, decimals): the rounded number
 * itself, for comparisons of published values (ties in rankings).
 */
double numfmt_round(double x, int decimals);

/*
 * Writes x with at most `decimals` places, trailing zeros and a
 * trailing point removed ("20", "2.5", "0.75"), rounded as
 * numfmt_fixed. Returns buf (size NUMFMT_MAX).
 */
char *numfmt_trim(double x, int decimals, char *buf);

#endif
