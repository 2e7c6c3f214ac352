/*
 * numfmt.c - exact number parsing and printing, independent of the
 * locale's decimal point.
 */
#include "util/numfmt.h"
#include "util/i18n.h"
#include "util/pow5_tables.h"
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

/*
 * Clinger's fast path: a decimal of at most 19 significant digits whose
 * value is at most 2^53, times 10^e for |e| <= 22, is one exact double
 * multiplied or divided by another exact double: the one IEEE operation
 * rounds it correctly, to the very double strtod gives, with no
 * strtod. Returns 0 with the value in *out, or -1 for any other text
 * (more digits, a larger exponent, a syntax error), which the caller
 * reads the slow way. Numbers as chiso writes them ("0.75",
 * "0.8691696428571427", "1e-07", "12000") mostly take this path.
 */
static int parse_fast(const char *s, double *out)
{
	static const double pow10[] = {
	        1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
	        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
	};
	uint64_t m = 0;
	int neg = 0, ndig = 0, nmant = 0, exp10 = 0, e = 0, eneg = 0, nexp;
	double v;

#if FLT_EVAL_METHOD != 0
	return -1; /* extended precision would round twice */
#endif
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; is_digit(*s); s++, nmant++) {
		if (m == 0 && *s == '0')
			continue;
		if (++ndig > 19)
			return -1;
		m = m * 10 + (uint64_t)(*s - '0');
	}
	if (*s == '.')
		for (s++; is_digit(*s); s++, nmant++) {
			exp10--;
			if (m == 0 && *s == '0')
				continue;
			if (++ndig > 19)
				return -1;
			m = m * 10 + (uint64_t)(*s - '0');
		}
	if (nmant == 0)
		return -1;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			eneg = *s++ == '-';
		for (nexp = 0; is_digit(*s); s++, nexp++)
			if (nexp < 6)
				e = e * 10 + (*s - '0');
		if (nexp == 0 || nexp > 6)
			return -1;
		exp10 += eneg ? -e : e;
	}
	if (*s != '\0')
		return -1;
	if (m == 0) {
		*out = 0.0; /* any zero, "-0" and "0e999" too */
		return 0;
	}
	if (m > (uint64_t)1 << 53 || exp10 < -22 || exp10 > 22)
		return -1;
	v = exp10 < 0 ? (double)m / pow10[-exp10] : (double)m * pow10[exp10];
	*out = neg ? -v : v;
	return 0;
}

/* Parses a whole decimal string into a finite double (see numfmt.h). */
int numfmt_parse(const char *s, double *out)
{
	double v;

	if (s && parse_fast(s, out) == 0)
		return 0;
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
		return N_("is out of range (the largest number is about "
		          "1.8e308)");
	if (rc == NUMFMT_UNDERFLOW)
		return N_("is too close to zero to be held (the smallest "
		          "number is about 2.2e-308); write 0 if it is zero");
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
/* --- shortest round-trip digits (Ryu) ----------------------------------
 *
 * The shortest decimal that reads back as exactly x, and of those the
 * nearest to x: Ulf Adams, "Ryū: fast float-to-string conversion", PLDI
 * 2018. Integer arithmetic only (64 x 128-bit products with the powers
 * of 5 of pow5_tables.h), so no printf and no strtod to check. */

typedef unsigned __int128 u128;

/* Bits of 5^e: ceil(log2(5^e)), 1 for e = 0 (0 <= e <= 3528). */
static uint32_t pow5_bits(int32_t e)
{
	return (uint32_t)(((e * 1217359) >> 19) + 1);
}

/* floor(log10(2^e)) and floor(log10(5^e)), for 0 <= e <= 1650. */
static uint32_t log10_pow2(int32_t e)
{
	return (uint32_t)((e * 78913) >> 18);
}
static uint32_t log10_pow5(int32_t e)
{
	return (uint32_t)((e * 732923) >> 20);
}

/* 1 when 5^p divides v, 2^p divides v. */
static int multiple_of_pow5(uint64_t v, uint32_t p)
{
	uint32_t count = 0;

	while (v % 5 == 0 && count < p) {
		v /= 5;
		count++;
	}
	return count >= p;
}
static int multiple_of_pow2(uint64_t v, uint32_t p)
{
	return (v & ((1ull << p) - 1)) == 0;
}

/* (m * mul) >> j, mul a 128-bit number {low, high}, j >= 64. */
static uint64_t mul_shift(uint64_t m, const uint64_t *mul, int32_t j)
{
	u128 b0 = (u128)m * mul[0], b2 = (u128)m * mul[1];

	return (uint64_t)(((b0 >> 64) + b2) >> (j - 64));
}

/* The shortest digits of the positive finite double with the given
 * IEEE fields, as *digits x 10^*exp10. */
static void shortest_digits(uint64_t ieee_mantissa, uint32_t ieee_exponent,
                            uint64_t *digits, int32_t *exp10)
{
	int32_t e2, e10, removed = 0;
	uint64_t m2, mv, vr, vp, vm;
	uint32_t mm_shift;
	int even, vm_zeros = 0, vr_zeros = 0;
	unsigned last = 0;

	if (ieee_exponent == 0) {
		e2 = 1 - 1023 - 52 - 2;
		m2 = ieee_mantissa;
	} else {
		e2 = (int32_t)ieee_exponent - 1023 - 52 - 2;
		m2 = (1ull << 52) | ieee_mantissa;
	}
	even = (m2 & 1) == 0;
	mv = 4 * m2;
	mm_shift = ieee_mantissa != 0 || ieee_exponent <= 1;
	if (e2 >= 0) {
		uint32_t q = log10_pow2(e2) - (e2 > 3);
		int32_t k =
		        POW5_INV_BITCOUNT + (int32_t)pow5_bits((int32_t)q) - 1;
		int32_t i = -e2 + (int32_t)q + k;

		e10 = (int32_t)q;
		vr = mul_shift(4 * m2, POW5_INV[q], i);
		vp = mul_shift(4 * m2 + 2, POW5_INV[q], i);
		vm = mul_shift(4 * m2 - 1 - mm_shift, POW5_INV[q], i);
		if (q <= 21) {
			if (mv % 5 == 0)
				vr_zeros = multiple_of_pow5(mv, q);
			else if (even)
				vm_zeros =
				        multiple_of_pow5(mv - 1 - mm_shift, q);
			else
				vp -= multiple_of_pow5(mv + 2, q);
		}
	} else {
		uint32_t q = log10_pow5(-e2) - (-e2 > 1);
		int32_t i = -e2 - (int32_t)q;
		int32_t k = (int32_t)pow5_bits(i) - POW5_BITCOUNT;
		int32_t j = (int32_t)q - k;

		e10 = (int32_t)q + e2;
		vr = mul_shift(4 * m2, POW5[i], j);
		vp = mul_shift(4 * m2 + 2, POW5[i], j);
		vm = mul_shift(4 * m2 - 1 - mm_shift, POW5[i], j);
		if (q <= 1) {
			vr_zeros = 1;
			if (even)
				vm_zeros = mm_shift == 1;
			else
				vp--;
		} else if (q < 63) {
			vr_zeros = multiple_of_pow2(mv, q);
		}
	}
	/* Remove digits while the interval (vm, vp) still holds a shorter
	 * number; vm itself counts when the bounds are accepted (even m2)
	 * and it is exact. */
	while (vp / 10 > vm / 10) {
		vm_zeros &= vm % 10 == 0;
		vr_zeros &= last == 0;
		last = (unsigned)(vr % 10);
		vr /= 10;
		vp /= 10;
		vm /= 10;
		removed++;
	}
	if (vm_zeros) {
		while (vm % 10 == 0) {
			vr_zeros &= last == 0;
			last = (unsigned)(vr % 10);
			vr /= 10;
			vp /= 10;
			vm /= 10;
			removed++;
		}
	}
	if (vr_zeros && last == 5 && vr % 2 == 0)
		last = 4; /* exactly ...50...0: round half to even */
	*digits = vr + ((vr == vm && (!even || !vm_zeros)) || last >= 5);
	*exp10 = e10 + removed;
}

/* Writes the unsigned integer v in decimal at out; returns its length. */
static size_t put_uint(char *out, uint64_t v)
{
	char tmp[24];
	size_t n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

/*
 * Writes the digits (nd of them, in d) times 10^exp10 as %.{P}g would,
 * P the larger of 15 and nd (what numfmt_exact printed when it tried
 * %.15g, %.16g and %.17g in turn): exponent form when the decimal
 * exponent is below -4 or at least P, else plain digits; no trailing
 * zeros, no trailing point. Returns the end of the text.
 */
static char *put_g(char *out, const char *d, int nd, int exp10)
{
	int p = nd > 15 ? nd : 15, e = exp10 + nd - 1, k;

	if (e < -4 || e >= p) {
		*out++ = d[0];
		if (nd > 1) {
			*out++ = '.';
			memcpy(out, d + 1, (size_t)(nd - 1));
			out += nd - 1;
		}
		*out++ = 'e';
		*out++ = e < 0 ? '-' : '+';
		k = e < 0 ? -e : e;
		if (k < 10)
			*out++ = '0';
		out += put_uint(out, (uint64_t)k);
	} else if (e < 0) {
		*out++ = '0';
		*out++ = '.';
		for (k = -1; k > e; k--)
			*out++ = '0';
		memcpy(out, d, (size_t)nd);
		out += nd;
	} else if (e + 1 >= nd) {
		memcpy(out, d, (size_t)nd);
		out += nd;
		for (k = nd; k <= e; k++)
			*out++ = '0';
	} else {
		memcpy(out, d, (size_t)(e + 1));
		out += e + 1;
		*out++ = '.';
		memcpy(out, d + e + 1, (size_t)(nd - e - 1));
		out += nd - e - 1;
	}
	return out;
}

/*
 * The first of %.15g, %.16g and %.17g of x that reads back as x. For a
 * power of two, whose lower neighbour is nearer than its upper one, this
 * can be a digit longer than Ryu's shortest text (2^-24 prints
 * 5.9604644775390625e-08, not ...063e-08): kept for those, so that the
 * text of every number stays what chiso always printed.
 */
static char *printf_exact(double x, char *buf)
{
	int prec;

	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, NUMFMT_MAX, "%.*g", prec, x);
		to_c_point(buf);
		if (c_strtod(buf) == x)
			break;
	}
	return buf;
}

char *numfmt_exact(double x, char *buf)
{
	uint64_t bits, digits;
	int32_t exp10;
	char d[24], *p = buf;
	int nd;

	if (x == 0) {
		strcpy(buf, "0");
		return buf;
	}
	if (!isfinite(x)) {
		snprintf(buf, NUMFMT_MAX, "%g", x);
		return buf;
	}
	if (x < 0)
		*p++ = '-';
	if (fabs(x) < 1e17 && x == trunc(x)) {
		p += put_uint(p, (uint64_t)fabs(x));
		*p = '\0';
		return buf;
	}
	memcpy(&bits, &x, sizeof(bits));
	if ((bits & ((1ull << 52) - 1)) == 0)
		return printf_exact(x, buf);
	shortest_digits(bits & ((1ull << 52) - 1),
	                (uint32_t)((bits >> 52) & 0x7FF), &digits, &exp10);
	while (digits % 10 == 0) { /* a carry can leave zeros: %g drops them */
		digits /= 10;
		exp10++;
	}
	nd = (int)put_uint(d, digits);
	*put_g(p, d, nd, exp10) = '\0';
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
