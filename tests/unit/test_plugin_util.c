/*
 * test_plugin_util.c - unit tests for the note builder of
 * <chiso/plugin_util.h>: cpu_format_g against snprintf's "%.*g" over
 * integers, decimals, random doubles, values next to rounding ties and
 * powers of ten, at every precision the built-in plugins use; and the
 * text being cut, never overrun, when the buffer is full.
 */
#include "cutest.h"

#include <chiso/plugin_util.h>

#include <float.h>
#include <stdint.h>
#include <string.h>

static const int precs[] = {1, 4, 6, 10, 12, 15};

/* xorshift64: the same sequence on every run. */
static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* 1 when cpu_format_g prints v as snprintf does at every precision;
 * prints the first difference. */
static int same_as_printf(double v)
{
	char want[64], got[32];
	size_t i, n;

	for (i = 0; i < sizeof(precs) / sizeof(precs[0]); i++) {
		snprintf(want, sizeof(want), "%.*g", precs[i], v);
		n = cpu_format_g(got, v, precs[i]);
		if (strcmp(want, got) != 0 || n != strlen(want)) {
			printf("%.17g at %d: printf %s, cpu_format_g %s\n", v,
			       precs[i], want, got);
			return 0;
		}
	}
	return 1;
}

static void test_integers(void)
{
	int ok = 1;
	long k;

	for (k = -1000; k <= 100000 && ok; k++)
		ok = same_as_printf((double)k);
	CU_ASSERT(ok);
	CU_ASSERT(same_as_printf(999999999999999.0));
	CU_ASSERT(same_as_printf(123456789012.0));
	CU_ASSERT(same_as_printf(-0.0));
}

static void test_decimals(void)
{
	int ok = 1;
	long k;
	int d;
	static const double scale[] = {10, 100, 1000, 1e4, 1e6, 3, 7, 9};

	for (d = 0; d < 8 && ok; d++)
		for (k = -2000; k <= 20000 && ok; k++)
			ok = same_as_printf((double)k / scale[d]);
	CU_ASSERT(ok);
}

static void test_random(void)
{
	uint64_t s = 88172645463325252ull, bits;
	double v;
	int ok = 1, i;

	for (i = 0; i < 300000 && ok; i++) {
		bits = next_rand(&s);
		/* a uniform mantissa at exponents from 2^-20 to 2^52 */
		v = ldexp((double)(bits >> 11) / 9007199254740992.0,
		          (int)(next_rand(&s) % 73) - 20);
		ok = same_as_printf(i % 2 ? v : -v);
	}
	CU_ASSERT(ok);
}

/* Ties and near-ties at the last printed digit, and the neighbours of
 * powers of ten, where the digit count changes. */
static void test_edges(void)
{
	int ok = 1, e, p, j;
	double v, base;

	for (e = -5; e <= 15 && ok; e++) {
		base = pow(10, e);
		for (v = base, j = 0; j < 4 && ok; j++)
			v = nextafter(v, 0), ok = same_as_printf(v);
		for (v = base, j = 0; j < 4 && ok; j++)
			v = nextafter(v, DBL_MAX), ok = same_as_printf(v);
		ok = ok && same_as_printf(base);
	}
	for (p = 1; p <= 12 && ok; p++)
		for (j = 0; j < 2000 && ok; j++) {
			v = (j + 0.5) * pow(10, -p);
			ok = same_as_printf(v) &&
			     same_as_printf(nextafter(v, 0)) &&
			     same_as_printf(nextafter(v, 1e300));
		}
	CU_ASSERT(ok);
	CU_ASSERT(same_as_printf(0.0001));
	CU_ASSERT(same_as_printf(0.00009999));
	CU_ASSERT(same_as_printf(1e15));
	CU_ASSERT(same_as_printf(1.0 / 0.0));
	CU_ASSERT(same_as_printf(DBL_MIN));
}

static void test_text_cut(void)
{
	char note[8];
	chiso_outcome out;
	cpu_text t;

	memset(&out, 0, sizeof(out));
	out.struct_size = (uint32_t)sizeof(out);
	out.note = note;
	out.note_size = sizeof(note);
	t = cpu_text_note(&out);
	cpu_put(&t, "12/");
	cpu_put_g(&t, 0.7, 10);
	CU_ASSERT_STRING_EQUAL(note, "12/0.7");
	cpu_put(&t, " = 0.7 (target 1)");
	CU_ASSERT_STRING_EQUAL(note, "12/0.7 ");
	CU_ASSERT_EQUAL(t.len, 7);
	cpu_put_g(&t, 5, 6);
	CU_ASSERT_STRING_EQUAL(note, "12/0.7 ");
	t = cpu_text_hint(&out); /* no hint buffer: nothing happens */
	cpu_put(&t, "x");
	CU_ASSERT_PTR_NULL(t.buf);
}

/* A precision beyond 15 goes to snprintf, cut to the buffer. */
static void test_long_precision(void)
{
	volatile int prec = 40; /* unknown to the compiler: no truncation
	                           warning for a text the test wants cut */
	char buf[32];
	size_t n = cpu_format_g(buf, 0.1, prec);

	CU_ASSERT_EQUAL(n, 31);
	CU_ASSERT_EQUAL(strlen(buf), 31);
	CU_ASSERT_NSTRING_EQUAL(buf, "0.10000000000000000555", 22);
}

static CU_TestInfo tests[] = {
        {"integers", test_integers}, {"decimals", test_decimals},
        {"random", test_random},     {"edges", test_edges},
        {"text_cut", test_text_cut}, {"long_precision", test_long_precision},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("plugin_util", tests)
