/*
 * test_sort.c - unit tests for core/util/sort.c: every length from 0 to 300
 * against qsort(), stability on equal keys, the context pointer reaching
 * the comparator, and elements wider than a pointer.
 */
#include "cutest.h"
#include "util/sort.h"

#include <stdlib.h>
#include <string.h>

/* Orders ints ascending, or descending when *ctx is -1. */
static int cmp_int(const void *a, const void *b, void *ctx)
{
	int x = *(const int *)a, y = *(const int *)b, dir = *(int *)ctx;

	return dir * ((x > y) - (x < y));
}

static int cmp_int_plain(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* A pseudo-random sequence, the same on every run. */
static unsigned next_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static void test_against_qsort(void)
{
	int a[300], b[300], up = 1;
	unsigned seed = 42;
	size_t n, i;
	int same = 1;

	for (n = 0; n <= 300; n++) {
		for (i = 0; i < n; i++)
			a[i] = b[i] = (int)(next_rand(&seed) % 50) - 25;
		sort_stable(a, n, sizeof(int), cmp_int, &up);
		qsort(b, n, sizeof(int), cmp_int_plain);
		if (n && memcmp(a, b, n * sizeof(int)) != 0)
			same = 0;
	}
	CU_ASSERT(same);
}

static void test_context(void)
{
	int a[] = {3, 9, 1, 7, 5}, down = -1;

	sort_stable(a, 5, sizeof(int), cmp_int, &down);
	CU_ASSERT(a[0] == 9 && a[1] == 7 && a[2] == 5 && a[3] == 3 &&
	          a[4] == 1);
}

/* Wide elements: a key and the position it started at. */
struct rec {
	int key;
	size_t at;
	char pad[40];
};

static int cmp_rec(const void *a, const void *b, void *ctx)
{
	const struct rec *x = a, *y = b;

	(void)ctx;
	return (x->key > y->key) - (x->key < y->key);
}

static void test_stable(void)
{
	struct rec r[257];
	unsigned seed = 7;
	size_t i;
	int ok = 1;

	for (i = 0; i < 257; i++) {
		r[i].key = (int)(next_rand(&seed) % 5);
		r[i].at = i;
		memset(r[i].pad, (int)i, sizeof(r[i].pad));
	}
	sort_stable(r, 257, sizeof(r[0]), cmp_rec, NULL);
	for (i = 1; i < 257; i++)
		if (r[i - 1].key > r[i].key ||
		    (r[i - 1].key == r[i].key && r[i - 1].at > r[i].at))
			ok = 0;
	for (i = 0; i < 257; i++)
		if (r[i].pad[39] != (char)r[i].at)
			ok = 0;
	CU_ASSERT(ok);
}

static void test_trivial(void)
{
	int one = 5, up = 1;

	sort_stable(NULL, 0, sizeof(int), cmp_int, &up);
	sort_stable(&one, 1, sizeof(int), cmp_int, &up);
	CU_ASSERT_EQUAL(one, 5);
}

static CU_TestInfo tests[] = {
        {"against_qsort", test_against_qsort},
        {"context", test_context},
        {"stable", test_stable},
        {"trivial", test_trivial},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("sort", tests)
