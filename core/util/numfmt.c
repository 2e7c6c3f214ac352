/*
 * numfmt.c - exact number parsing and printing, independent of the
 * locale's decimal point.
 */
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Digits of the %.14e form: 15 significant digits. */
#define SIG_DIGITS 15
/* Largest decimal exponent printed in plain digits by numfmt_fixed;
 * beyond it the text would not fit in NUMFMT_MAX, so numfmt_exact's
 * text is used instead. */
#define FIXED_MAX_EXP 40
#define MAX_DECIMALS  15

/* Returns the current locale's decimal point string. Borrowed. */
static const char *locale_point(void)
{
	const char *dp = localeconv()->decimal_point;

	return (dp && *dp) ? dp : ".";
}

/* Rewrites the locale's decimal point in buf (printf output) as '.'. */
static void to_c_point(char *buf)
{
	const char *dp = locale_point();
	size_t dlen = strlen(dp);
	char *p;

	if (strcmp(dp, ".") == 0)
		return;
	p = strstr(buf, dp);
	if (!p)
		return;
	*p = '.';
	memmove(p + 1, p + dlen, strlen(p + dlen) + 1);
}

/* strtod of s, which uses '.' as its decimal point whatever the locale.
 * Sets errno as strtod does. */
static double c_strtod(const char *s)
{
	const char *dp = locale_point();
	const char *dot;
	size_t dlen, pre;
	char *tmp;
	double v;

	dot = strchr(s, '.');
	if (strcmp(dp, ".") == 0 || !dot)
		return strtod(s, NULL);
	dlen = strlen(dp);
	pre = (size_t)(dot - s);
	tmp = xmalloc(strlen(s) + dlen);
	memcpy(tmp, s, pre);
	memcpy(tmp + pre, dp, dlen);
	strcpy(tmp + pre + dlen, dot + 1);
	v = strtod(tmp, NULL);
	free(tmp);
	return v;
}

/* Returns 1 if c is an ASCII decimal digit (locale-independent). */
static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Skips a run of digits at s; returns the first non-digit and stores
 * how many were skipped in *n. */
static const char *skip_digits(const char *s, size_t *n)
{
	const char *p = s;

	while (is_digit(*p))
		p++;
	*n = (size_t)(p - s);
	return p;
}

/* Returns 1 when s is exactly [-+]?digits[.digits]?([eE][-+]?digits)?
 * with at least one mantissa digit (".5" and "5." allowed), else 0. */
static int decimal_syntax_ok(const char *s)
{
	size_t nint, nfrac = 0, nexp;

	if (*s == '-' || *s == '+')
		s++;
	s = skip_digits(s, &nint);
	if (*s == '.')
		s = skip_digits(s + 1, &nfrac);
	if (nint + nfrac == 0)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		s = skip_digits(s, &nexp);
		if (nexp == 0)
			return 0;
	}
	return *s == '\0';
}

/* 1 when the digits of s before its exponent are not all zero. */
static int nonzero_mantissa(const char *s)
{
	for (; *s && *s != 'e' && *s != 'E'; s++)
		if (*s >= '1' && *s <= '9')
			return 1;
	return 0;
}

/* Parses a whole decimal string into a finite double (see numfmt.h). */
int numfmt_parse(const char *s, double *out)
{
	double v;

	if (!s || !decimal_syntax_ok(s))
		return NUMFMT_SYNTAX;
	v = c_strtod(s);
	if (!isfinite(v))
		return NUMFMT_OVERFLOW;
	if (fabs(v) < DBL_MIN && nonzero_mantissa(s))
		return NUMFMT_UNDERFLOW;
	*out = v == 0 ? 0.0 : v; /* -0 is 0 */
	return 0;
}

const char *numfmt_range_text(int rc)
{
	if (rc == NUMFMT_OVERFLOW)
		return "is out of range (the largest number is about 1.8e308)";
	if (rc == NUMFMT_UNDERFLOW)
		return "is too close to zero to be held (the smallest number "
		       "is about 2.2e-308); write 0 if it is zero";
	return NULL;
}

/* Parses a whole [-+]?digits string with magnitude <= 2^53; 0 or -1.
 * "-0" gives +0. */
int numfmt_parse_int(const char *s, double *out)
{
	const uint64_t max = (uint64_t)1 << 53;
	uint64_t v = 0;
	int neg = 0;

	if (!s)
		return -1;
	if (*s == '-' || *s == '+') {
		neg = *s == '-';
		s++;
	}
	if (!is_digit(*s))
		return -1;
	for (; is_digit(*s); s++) {
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > max)
			return -1;
	}
	if (*s != '\0')
		return -1;
	*out = v == 0 ? 0.0 : (neg ? -(double)v : (double)v);
	return 0;
}

/* Writes the shortest round-trip text of x into buf; returns buf. */
char *numfmt_exact(double x, char *buf)
{
	int prec;

	if (x == 0) {
		strcpy(buf, "0");
		return buf;
	}
	if (isfinite(x) && fabs(x) < 1e17 && x == trunc(x)) {
		snprintf(buf, NUMFMT_MAX, "%lld", (long long)x);
		return buf;
	}
	/* %g drops trailing zeros, so when the shortest round-trip text has
	 * at most 15 digits, %.15g already is that text: a double's error is
	 * far below half a unit of the 15th digit. Only 16 and 17 remain. */
	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, NUMFMT_MAX, "%.*g", prec, x);
		to_c_point(buf);
		if (!isfinite(x) || c_strtod(buf) == x)
			break;
	}
	return buf;
}

/*
 * Rounds the digit string d (n digits, most significant first) up by
 * one unit in its last place. Returns 1 when the carry runs out of the
 * first digit (d is then all zeros and a leading 1 is implied), else 0.
 */
static int increment_digits(char *d, size_t n)
{
	while (n > 0) {
		n--;
		if (d[n] != '9') {
			d[n]++;
			return 0;
		}
		d[n] = '0';
	}
	return 1;
}

/* Writes x rounded to decimals places as described in numfmt.h;
 * returns buf. */
char *numfmt_fixed(double x, int decimals, char *buf)
{
	char sci[32], sig[SIG_DIGITS];
	char digits[FIXED_MAX_EXP + MAX_DECIMALS + 2];
	int exp10, hi, ndig, k, i, nonzero = 0;
	char *out = buf, *e;

	if (decimals < 0)
		decimals = 0;
	if (decimals > MAX_DECIMALS)
		decimals = MAX_DECIMALS;
	if (!isfinite(x)) {
		snprintf(buf, NUMFMT_MAX, "%g", x);
		return buf;
	}

	/* 15 significant digits "d.dddddddddddddde[+-]XX", sign dropped. */
	snprintf(sci, sizeof(sci), "%.*e", SIG_DIGITS - 1, fabs(x));
	to_c_point(sci);
	e = strchr(sci, 'e');
	exp10 = atoi(e + 1);
	if (exp10 > FIXED_MAX_EXP)
		return numfmt_exact(x, buf); /* no fraction digits to round */
	sig[0] = sci[0];
	memcpy(sig + 1, sci + 2, SIG_DIGITS - 1);

	/*
	 * digits[k] has weight 10^(hi - k), from hi = max(exp10, 0) down to
	 * 10^-decimals; sig[i] has weight 10^(exp10 - i).
	 */
	hi = exp10 > 0 ? exp10 : 0;
	ndig = hi + decimals + 1;
	for (k = 0; k < ndig; k++) {
		i = exp10 - (hi - k);
		digits[k] = (i >= 0 && i < SIG_DIGITS) ? sig[i] : '0';
	}
	/* Half away from zero: look at the digit of weight 10^-(decimals+1). */
	i = exp10 + decimals + 1;
	if (i >= 0 && i < SIG_DIGITS && sig[i] >= '5') {
		if (increment_digits(digits, (size_t)ndig)) {
			memmove(digits + 1, digits, (size_t)ndig);
			digits[0] = '1';
			ndig++;
			hi++;
		}
	}

	for (k = 0; k < ndig; k++)
		nonzero |= digits[k] != '0';
	if (x < 0 && nonzero)
		*out++ = '-';
	/* Integer part without leading zeros, but at least one digit. */
	for (k = 0; k < hi && digits[k] == '0'; k++)
		;
	for (; k <= hi; k++)
		*out++ = digits[k];
	if (decimals > 0) {
		*out++ = '.';
		memcpy(out, digits + hi + 1, (size_t)decimals);
		out += decimals;
	}
	*out = '\0';
	return buf;
}

/* Returns the value numfmt_fixed(x, decimals) prints. */
double numfmt_round(double x, int decimals)
{
	char buf[NUMFMT_MAX];

	return c_strtod(numfmt_fixed(x, decimals, buf));
}

/* Writes numfmt_fixed's text without trailing zeros or a trailing point;
 * returns buf. */
char *numfmt_trim(double x, int decimals, char *buf)
{
	size_t n;

	numfmt_fixed(x, decimals, buf);
	if (!strchr(buf, '.') || strpbrk(buf, "eEn"))
		return buf;
	n = strlen(buf);
	while (buf[n - 1] == '0')
		n--;
	if (buf[n - 1] == '.')
		n--;
	buf[n] = '\0';
	return buf;
}
