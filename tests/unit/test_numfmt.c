/*
 * test_numfmt.c - unit tests for core/util/numfmt.c.
 */
#include "util/numfmt.h"
#include "cutest.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Checks numfmt_fixed(x, dec) prints want; reports the value on failure. */
#define CHECK_FIXED(x, dec, want)                                              \
	do {                                                                   \
		char b_[NUMFMT_MAX];                                           \
		numfmt_fixed((x), (dec), b_);                                  \
		if (strcmp(b_, (want)) != 0)                                   \
			fprintf(stderr, "\nfixed(%s, %d) = %s, want %s\n", #x, \
			        (dec), b_, (want));                            \
		CU_ASSERT_STRING_EQUAL(b_, (want));                            \
	} while (0)

/* Checks numfmt_exact(x) prints want. */
#define CHECK_EXACT(x, want)                                                   \
	do {                                                                   \
		char b_[NUMFMT_MAX];                                           \
		numfmt_exact((x), b_);                                         \
		if (strcmp(b_, (want)) != 0)                                   \
			fprintf(stderr, "\nexact(%s) = %s, want %s\n", #x, b_, \
			        (want));                                       \
		CU_ASSERT_STRING_EQUAL(b_, (want));                            \
	} while (0)

/* Returns 1 if s parses to exactly want, else 0. */
static int parses_to(const char *s, double want)
{
	double v = 12345.0;

	return numfmt_parse(s, &v) == 0 && v == want;
}

/* Returns 1 if numfmt_parse rejects s and leaves *out alone. */
static int parse_rejects(const char *s)
{
	double v = 12345.0;

	return numfmt_parse(s, &v) < 0 && v == 12345.0;
}

/* The accepted decimal syntax. */
static void test_parse_ok(void)
{
	CU_ASSERT(parses_to("0", 0.0));
	CU_ASSERT(parses_to("42", 42.0));
	CU_ASSERT(parses_to("+42", 42.0));
	CU_ASSERT(parses_to("-3.25", -3.25));
	CU_ASSERT(parses_to(".5", 0.5));
	CU_ASSERT(parses_to("5.", 5.0));
	CU_ASSERT(parses_to("1e3", 1000.0));
	CU_ASSERT(parses_to("1E+3", 1000.0));
	CU_ASSERT(parses_to("2.5e-1", 0.25));
	CU_ASSERT(parses_to("0.1", 0.1));
	CU_ASSERT(parses_to("007", 7.0));
	CU_ASSERT(parses_to("1.7976931348623157e308", DBL_MAX));
	CU_ASSERT(parses_to("2.2250738585072014e-308", DBL_MIN));
	CU_ASSERT(parses_to("-2.2250738585072014e-308", -DBL_MIN));
}

/* A zero reads as 0, never -0, whatever its sign and exponent. */
static void test_parse_zero(void)
{
	static const char *const zeros[] = {
	        "0",   "-0",     "+0",      "-0.0",    "-0e5", "-.0",
	        "-0.", "0e-400", "-0e-999", "000.000", "-0E+9"};
	size_t i;
	double v;

	for (i = 0; i < sizeof(zeros) / sizeof(*zeros); i++) {
		v = 1;
		CU_ASSERT_EQUAL(numfmt_parse(zeros[i], &v), 0);
		CU_ASSERT(v == 0.0);
		if (signbit(v))
			fprintf(stderr, "\n%s read as -0\n", zeros[i]);
		CU_ASSERT(!signbit(v));
	}
}

/* Numbers past the largest double, and numbers that are not zero but
 * read as 0 or as a subnormal double, are refused with their reason. */
static void test_parse_range(void)
{
	static const char *const under[] = {
	        "1e-400",   "-1e-400",   "4.9e-324",
	        "1e-310",   "-2.5e-320", "0.001e-306",
	        "2.2e-308", "1e-99999",  "0.0000000000001e-300",
	};
	size_t i;
	double v = 7;

	for (i = 0; i < sizeof(under) / sizeof(*under); i++) {
		if (numfmt_parse(under[i], &v) != NUMFMT_UNDERFLOW)
			fprintf(stderr, "\n%s not an underflow\n", under[i]);
		CU_ASSERT_EQUAL(numfmt_parse(under[i], &v), NUMFMT_UNDERFLOW);
	}
	CU_ASSERT(v == 7);
	CU_ASSERT_EQUAL(numfmt_parse("1e309", &v), NUMFMT_OVERFLOW);
	CU_ASSERT_EQUAL(numfmt_parse("-1e400", &v), NUMFMT_OVERFLOW);
	CU_ASSERT_EQUAL(numfmt_parse("1,5", &v), NUMFMT_SYNTAX);
	CU_ASSERT(v == 7);
	CU_ASSERT_PTR_NOT_NULL(numfmt_range_text(NUMFMT_OVERFLOW));
	CU_ASSERT_PTR_NOT_NULL(numfmt_range_text(NUMFMT_UNDERFLOW));
	CU_ASSERT_PTR_NULL(numfmt_range_text(NUMFMT_SYNTAX));
	CU_ASSERT_PTR_NULL(numfmt_range_text(0));
}

/* Everything outside the syntax, and overflow, is rejected. */
static void test_parse_reject(void)
{
	static const char *const bad[] = {
	        "",       " 1",       "1 ",    "+",     "-",    ".",
	        "-.",     "e5",       ".e5",   "1e",    "1e+",  "1.5.2",
	        "1,5",    "1,000",    "1 000", "nan",   "NaN",  "inf",
	        "-inf",   "infinity", "0x10",  "0x1p3", "1e5x", "++1",
	        "+-1",    "1..2",     "1e1.5", "١",     "1\n",  "1e400",
	        "-1e400", "1e99999",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (!parse_rejects(bad[i]))
			fprintf(stderr, "\naccepted \"%s\"\n", bad[i]);
		CU_ASSERT(parse_rejects(bad[i]));
	}
	CU_ASSERT_EQUAL(numfmt_parse(NULL, NULL), -1);
}

/* Integers up to 2^53 in magnitude. */
static void test_parse_int(void)
{
	double v = 1;

	CU_ASSERT_EQUAL(numfmt_parse_int("0", &v), 0);
	CU_ASSERT(v == 0.0);
	CU_ASSERT_EQUAL(numfmt_parse_int("-17", &v), 0);
	CU_ASSERT(v == -17.0);
	CU_ASSERT_EQUAL(numfmt_parse_int("+5", &v), 0);
	CU_ASSERT(v == 5.0);
	CU_ASSERT_EQUAL(numfmt_parse_int("9007199254740992", &v), 0);
	CU_ASSERT(v == 9007199254740992.0);
	CU_ASSERT_EQUAL(numfmt_parse_int("-9007199254740992", &v), 0);
	CU_ASSERT(v == -9007199254740992.0);
	CU_ASSERT_EQUAL(numfmt_parse_int("-0", &v), 0);
	CU_ASSERT(v == 0.0 && !signbit(v));
	CU_ASSERT_EQUAL(numfmt_parse_int("0000000000000000000000012", &v), 0);
	CU_ASSERT(v == 12.0);
	v = 3;
	CU_ASSERT_EQUAL(numfmt_parse_int("9007199254740993", &v), -1);
	CU_ASSERT_EQUAL(numfmt_parse_int("99999999999999999999999", &v), -1);
	CU_ASSERT_EQUAL(numfmt_parse_int("", &v), -1);
	CU_ASSERT_EQUAL(numfmt_parse_int("-", &v), -1);
	CU_ASSERT_EQUAL(numfmt_parse_int("1.0", &v), -1);
	CU_ASSERT_EQUAL(numfmt_parse_int("1e3", &v), -1);
	CU_ASSERT_EQUAL(numfmt_parse_int(" 1", &v), -1);
	CU_ASSERT_EQUAL(numfmt_parse_int("1 ", &v), -1);
	CU_ASSERT_EQUAL(numfmt_parse_int("0x1", &v), -1);
	CU_ASSERT(v == 3.0);
}

/* Shortest round-trip text, plain integers, no "-0". */
static void test_exact(void)
{
	char buf[NUMFMT_MAX];
	double v;

	CHECK_EXACT(0.0, "0");
	CHECK_EXACT(-0.0, "0");
	CHECK_EXACT(170.0, "170");
	CHECK_EXACT(-170.0, "-170");
	CHECK_EXACT(1.0, "1");
	CHECK_EXACT(0.5, "0.5");
	CHECK_EXACT(0.1, "0.1");
	CHECK_EXACT(0.1 + 0.2, "0.30000000000000004");
	CHECK_EXACT(1.0 / 3.0, "0.3333333333333333");
	CHECK_EXACT(-2.75, "-2.75");
	CHECK_EXACT(123456789.0, "123456789");
	CHECK_EXACT(1e16, "10000000000000000");
	CHECK_EXACT(99999999999999984.0, "99999999999999984");
	CHECK_EXACT(9007199254740993.0, "9007199254740992");
	CHECK_EXACT(0.83985, "0.83985");

	numfmt_exact(1e21, buf);
	CU_ASSERT_EQUAL(numfmt_parse(buf, &v), 0);
	CU_ASSERT(v == 1e21);
	numfmt_exact(1e17, buf);
	CU_ASSERT_EQUAL(numfmt_parse(buf, &v), 0);
	CU_ASSERT(v == 1e17);
	numfmt_exact(DBL_MIN, buf);
	CU_ASSERT_EQUAL(numfmt_parse(buf, &v), 0);
	CU_ASSERT(v == DBL_MIN);
	/* a subnormal double prints, but is not read back (underflow) */
	numfmt_exact(5e-324, buf);
	CU_ASSERT_EQUAL(numfmt_parse(buf, &v), NUMFMT_UNDERFLOW);
	numfmt_exact(DBL_MAX, buf);
	CU_ASSERT_EQUAL(numfmt_parse(buf, &v), 0);
	CU_ASSERT(v == DBL_MAX);
	numfmt_exact(-1e-7, buf);
	CU_ASSERT_EQUAL(numfmt_parse(buf, &v), 0);
	CU_ASSERT(v == -1e-7);
	CU_ASSERT_PTR_EQUAL(numfmt_exact(3.5, buf), buf);
}

/* What numfmt_exact printed before it had its own digits (printf and
 * strtod; the C locale): the first of %.15g, %.16g, %.17g that reads
 * back as x, integers below 1e17 in plain digits. */
static void reference_exact(double x, char *buf)
{
	int prec;

	if (x == 0) {
		strcpy(buf, "0");
		return;
	}
	if (fabs(x) < 1e17 && x == trunc(x)) {
		snprintf(buf, NUMFMT_MAX, "%lld", (long long)x);
		return;
	}
	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, NUMFMT_MAX, "%.*g", prec, x);
		if (strtod(buf, NULL) == x)
			return;
	}
}

/* 1 when numfmt_exact(x) prints what the reference prints (a subnormal:
 * no longer, and reading back as x); the first few differences are
 * shown. */
static int same_as_reference(double x)
{
	static int shown;
	char got[NUMFMT_MAX], want[NUMFMT_MAX];

	numfmt_exact(x, got);
	reference_exact(x, want);
	if (strcmp(got, want) == 0)
		return 1;
	/* Below DBL_MIN a double has fewer digits of precision, and %.15g
	 * can be longer than needed: the new text is shorter, and still
	 * reads back as x. */
	if (fabs(x) < DBL_MIN && strtod(got, NULL) == x &&
	    strlen(got) < strlen(want))
		return 1;
	if (shown++ < 10)
		fprintf(stderr, "\nexact(%a) = %s, reference %s\n", x, got,
		        want);
	return 0;
}

/* A 64-bit step of xorshift64*, for test values reproducible anywhere. */
static uint64_t next_bits(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ull;
}

/* The shortest round-trip digits agree with printf's on every power of
 * two (where a double's neighbours are not evenly spaced), on values of
 * every exponent, on the kinds of numbers results hold (ratios of small
 * integers times points), and on a million random doubles. */
static void test_exact_matches_printf(void)
{
	uint64_t s = 0x9E3779B97F4A7C15ull, bits;
	size_t bad = 0, i;
	int e, a, b;
	double x;

	for (e = -1074; e <= 1023; e++)
		bad += !same_as_reference(ldexp(1.0, e));
	for (a = 1; a <= 200; a++)
		for (b = 1; b <= 200; b++) {
			bad += !same_as_reference((double)a / b);
			bad += !same_as_reference((double)a / b * 10);
			bad += !same_as_reference((double)a / b * 1000 / 7);
		}
	for (i = 0; i < 1000000; i++) {
		bits = next_bits(&s);
		memcpy(&x, &bits, sizeof(x));
		if (isfinite(x))
			bad += !same_as_reference(x);
	}
	for (i = 0; i < 200000; i++) { /* mantissas near the exponent's ends */
		bits = next_bits(&s);
		bits = (bits & 0xFFF0000000000000ull) |
		       (i % 2 ? bits & 0xFFu
		              : 0x000FFFFFFFFFFF00ull | (bits & 0xFFu));
		memcpy(&x, &bits, sizeof(x));
		if (isfinite(x))
			bad += !same_as_reference(x);
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* numfmt_exact round-trips a spread of values through numfmt_parse. */
static void test_exact_roundtrip(void)
{
	char buf[NUMFMT_MAX];
	double x = 1.0, v;
	unsigned seed = 12345;
	int i, ok = 1;

	for (i = 0; i < 20000; i++) {
		seed = seed * 1103515245u + 12345u;
		x = ((double)(seed >> 8) / 65536.0 - 128.0) *
		    pow(10.0, (double)(int)(seed % 41) - 20);
		numfmt_exact(x, buf);
		if (numfmt_parse(buf, &v) != 0 || v != x ||
		    strlen(buf) >= NUMFMT_MAX || strcmp(buf, "-0") == 0) {
			fprintf(stderr, "\nexact(%.17g) = %s\n", x, buf);
			ok = 0;
			break;
		}
	}
	CU_ASSERT(ok);
}

/*
 * numfmt_parse gives strtod's double for decimals of every shape its
 * fast path takes and some it does not: 1 to 20 significant digits,
 * leading and trailing zeros, a point anywhere, exponents around the
 * fast path's +-22, and the shortest texts of random doubles.
 */
static void test_parse_matches_strtod(void)
{
	char buf[96], *p;
	unsigned seed = 2024;
	double v, want;
	int i, k, bad = 0;

	for (i = 0; i < 200000 && bad < 5; i++) {
		int ndig, point, ex;

		seed = seed * 1103515245u + 12345u;
		ndig = 1 + (int)(seed >> 16) % 20;
		point = (int)(seed >> 8) % (ndig + 2);
		p = buf;
		if (seed & 1)
			*p++ = '-';
		for (k = 0; k < ndig; k++) {
			seed = seed * 1103515245u + 12345u;
			if (k == point)
				*p++ = '.';
			*p++ = (char)('0' + (seed >> 16) % 10);
		}
		if (seed & 2) {
			ex = (int)(seed >> 20) % 61 - 30;
			p += sprintf(p, "e%d", ex);
		}
		*p = '\0';
		if (i % 4 == 3) {
			uint64_t bits = ((uint64_t)seed << 32) ^
			                ((uint64_t)(seed * 2654435761u) << 7);
			double x;

			memcpy(&x, &bits, sizeof(x));
			if (!isfinite(x) || fabs(x) < DBL_MIN)
				continue;
			numfmt_exact(x, buf);
		}
		want = strtod(buf, NULL);
		if (!isfinite(want) || (want != 0 && fabs(want) < DBL_MIN))
			continue;
		if (want == 0)
			want = 0.0;
		if (numfmt_parse(buf, &v) != 0 ||
		    memcmp(&v, &want, sizeof(v))) {
			fprintf(stderr, "\nparse(%s) = %.17g, strtod %.17g\n",
			        buf, v, want);
			bad++;
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* Half away from zero on the 15-significant-digit text. */
static void test_fixed(void)
{
	CHECK_FIXED(0.83985, 4, "0.8399");
	CHECK_FIXED(0.00005, 4, "0.0001");
	CHECK_FIXED(0.00004999, 4, "0.0000");
	CHECK_FIXED(2.675, 2, "2.68");
	CHECK_FIXED(1.005, 2, "1.01");
	CHECK_FIXED(1e-20, 4, "0.0000");
	CHECK_FIXED(-1e-20, 4, "0.0000");
	CHECK_FIXED(123456789.12345, 4, "123456789.1235");
	CHECK_FIXED(-0.00005, 4, "-0.0001");
	CHECK_FIXED(-0.00001, 4, "0.0000");
	CHECK_FIXED(-0.0, 4, "0.0000");
	CHECK_FIXED(0.0, 4, "0.0000");
	CHECK_FIXED(9.99995, 4, "10.0000");
	CHECK_FIXED(-9.99995, 4, "-10.0000");
	CHECK_FIXED(99.5, 0, "100");
	CHECK_FIXED(0.5, 0, "1");
	CHECK_FIXED(-0.5, 0, "-1");
	CHECK_FIXED(0.4, 0, "0");
	CHECK_FIXED(-0.4, 0, "0");
	CHECK_FIXED(15.0, 4, "15.0000");
	CHECK_FIXED(1.0, 0, "1");
	CHECK_FIXED(0.1 + 0.2, 2, "0.30");
	CHECK_FIXED(0.1 + 0.2, 15, "0.300000000000000");
	CHECK_FIXED(1.0 / 3.0, 15, "0.333333333333333");
	CHECK_FIXED(2.0 / 3.0, 4, "0.6667");
	CHECK_FIXED(0.045, 2, "0.05");
	CHECK_FIXED(1.45, 1, "1.5");
	CHECK_FIXED(1234.5, 0, "1235");
	CHECK_FIXED(0.05, 1, "0.1");
	CHECK_FIXED(0.95, 1, "1.0");
	CHECK_FIXED(999999.9999, 3, "1000000.000");
	CHECK_FIXED(1e15, 2, "1000000000000000.00");
	CHECK_FIXED(1234567890123456789.0, 0, "1234567890123460000");
	CHECK_FIXED(1e20, 1, "100000000000000000000.0");
	CHECK_FIXED(1e40, 0, "10000000000000000000000000000000000000000");
	CHECK_FIXED(5e-16, 15, "0.000000000000001");
	CHECK_FIXED(4e-16, 15, "0.000000000000000");
	CHECK_FIXED(0.123456789012345678, 15, "0.123456789012346");
}

/* Out-of-range decimals are clamped; huge values still fit the buffer. */
static void test_fixed_edges(void)
{
	char buf[NUMFMT_MAX];
	double v;

	CHECK_FIXED(2.5, -3, "3");
	CHECK_FIXED(0.5, 99, "0.500000000000000");
	CU_ASSERT_PTR_EQUAL(numfmt_fixed(1.0, 2, buf), buf);
	numfmt_fixed(-DBL_MAX, 15, buf);
	CU_ASSERT(strlen(buf) < NUMFMT_MAX);
	CU_ASSERT_EQUAL(numfmt_parse(buf, &v), 0);
	CU_ASSERT(v == -DBL_MAX);
	CU_ASSERT(numfmt_round(DBL_MAX, 4) == DBL_MAX);
	numfmt_fixed(-9.99999999999999e40, 15, buf);
	CU_ASSERT(strlen(buf) < NUMFMT_MAX);
	CU_ASSERT_EQUAL(numfmt_parse(buf, &v), 0);
	CU_ASSERT(v == -9.99999999999999e40);
}

/* numfmt_round is the value of numfmt_fixed's text. */
static void test_round(void)
{
	CU_ASSERT(numfmt_round(0.83985, 4) == 0.8399);
	CU_ASSERT(numfmt_round(2.675, 2) == 2.68);
	CU_ASSERT(numfmt_round(-0.00005, 4) == -0.0001);
	CU_ASSERT(numfmt_round(9.99995, 4) == 10.0);
	CU_ASSERT(numfmt_round(1e-20, 4) == 0.0);
	CU_ASSERT(!signbit(numfmt_round(-1e-20, 4)));
	/* what rounds to zero from below is 0, not -0 */
	CU_ASSERT(numfmt_round(-0.00001, 4) == 0.0);
	CU_ASSERT(!signbit(numfmt_round(-0.00001, 4)));
	CU_ASSERT(!signbit(numfmt_round(-0.0, 4)));
	CU_ASSERT(numfmt_round(0.1 + 0.2, 15) == 0.3);
	/* Values that print the same compare equal (ties in rankings). */
	CU_ASSERT(numfmt_round(0.1 + 0.2, 4) == numfmt_round(0.3, 4));
	CU_ASSERT(numfmt_round(0.1 + 0.2, 4) != numfmt_round(0.30005, 4));
}

/* Trailing zeros and point dropped after rounding. */
static void test_trim(void)
{
	char buf[NUMFMT_MAX];

	CU_ASSERT_STRING_EQUAL(numfmt_trim(20.0, 4, buf), "20");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(2.5, 4, buf), "2.5");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(0.75, 4, buf), "0.75");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(0.83985, 4, buf), "0.8399");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(9.99995, 4, buf), "10");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(100.0, 0, buf), "100");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(-0.00001, 4, buf), "0");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(-1.10, 2, buf), "-1.1");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(0.1 + 0.2, 15, buf), "0.3");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(1000.0, 2, buf), "1000");
}

/* A locale with a decimal comma changes nothing. */
static void test_locale(void)
{
	static const char *const names[] = {
	        "vi_VN.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR",
	};
	char buf[NUMFMT_MAX];
	size_t i;
	double v = 0;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (setlocale(LC_NUMERIC, names[i]))
			break;
	}
	if (i == sizeof(names) / sizeof(*names))
		fprintf(stderr, "(no decimal-comma locale; C only) ");
	CU_ASSERT_STRING_EQUAL(numfmt_exact(0.25, buf), "0.25");
	CU_ASSERT_STRING_EQUAL(numfmt_exact(1e-7, buf), "1e-07");
	CU_ASSERT_STRING_EQUAL(numfmt_fixed(0.83985, 4, buf), "0.8399");
	CU_ASSERT_STRING_EQUAL(numfmt_trim(2.5, 3, buf), "2.5");
	CU_ASSERT(numfmt_round(2.675, 2) == 2.68);
	CU_ASSERT_EQUAL(numfmt_parse("3.75", &v), 0);
	CU_ASSERT(v == 3.75);
	CU_ASSERT_EQUAL(numfmt_parse("3,75", &v), -1);
	setlocale(LC_NUMERIC, "C");
}

static CU_TestInfo tests[] = {
        {"parse_ok", test_parse_ok},
        {"parse_reject", test_parse_reject},
        {"parse_zero", test_parse_zero},
        {"parse_range", test_parse_range},
        {"parse_int", test_parse_int},
        {"parse_matches_strtod", test_parse_matches_strtod},
        {"exact", test_exact},
        {"exact_roundtrip", test_exact_roundtrip},
        {"exact_matches_printf", test_exact_matches_printf},
        {"fixed", test_fixed},
        {"fixed_edges", test_fixed_edges},
        {"round", test_round},
        {"trim", test_trim},
        {"locale", test_locale},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("numfmt", tests)
