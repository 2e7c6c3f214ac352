/*
 * test_suggest.c - unit tests for core/util/suggest.c.
 */
#include "util/suggest.h"
#include "cutest.h"

#include <stddef.h>

#define N(a) (sizeof(a) / sizeof(*(a)))

/* Edit distances, including adjacent transpositions. */
static void test_distance(void)
{
	CU_ASSERT_EQUAL(suggest_distance("", ""), 0);
	CU_ASSERT_EQUAL(suggest_distance("", "abc"), 3);
	CU_ASSERT_EQUAL(suggest_distance("abc", ""), 3);
	CU_ASSERT_EQUAL(suggest_distance("same", "same"), 0);
	CU_ASSERT_EQUAL(suggest_distance("kitten", "sitting"), 3);
	CU_ASSERT_EQUAL(suggest_distance("pionts", "points"), 1);
	CU_ASSERT_EQUAL(suggest_distance("ab", "ba"), 1);
	CU_ASSERT_EQUAL(suggest_distance("abcd", "badc"), 2);
	CU_ASSERT_EQUAL(suggest_distance("chilren", "children"), 1);
	CU_ASSERT_EQUAL(suggest_distance("flaw", "lawn"), 2);
	/* Optimal string alignment, not unrestricted Damerau: 3, not 2. */
	CU_ASSERT_EQUAL(suggest_distance("ca", "abc"), 3);
	/* Byte-wise: "ệ" and "e" differ in every byte of "ệ". */
	CU_ASSERT_EQUAL(suggest_distance("h\xe1\xbb\x87", "he"), 3);
	CU_ASSERT_EQUAL(suggest_distance("Points", "points"), 1);
}

/* Distance is symmetric. */
static void test_symmetric(void)
{
	static const char *const w[] = {
	        "",        "a",      "ab",     "ba",     "abc",
	        "acb",     "points", "pionts", "params", "children",
	        "chilren", "weight", "wieght",
	};
	size_t i, j;
	int ok = 1;

	for (i = 0; i < N(w); i++) {
		for (j = 0; j < N(w); j++) {
			if (suggest_distance(w[i], w[j]) !=
			    suggest_distance(w[j], w[i]))
				ok = 0;
		}
	}
	CU_ASSERT(ok);
}

/* The examples from the brief. */
static void test_closest(void)
{
	static const char *const keys[] = {"points", "params", "method"};
	static const char *const tree[] = {"id", "name", "children", "weight"};

	CU_ASSERT_STRING_EQUAL(suggest_closest("pionts", keys, N(keys)),
	                       "points");
	CU_ASSERT_PTR_EQUAL(suggest_closest("pionts", keys, N(keys)), keys[0]);
	CU_ASSERT_STRING_EQUAL(suggest_closest("chilren", tree, N(tree)),
	                       "children");
	CU_ASSERT_STRING_EQUAL(suggest_closest("wieght", tree, N(tree)),
	                       "weight");
	CU_ASSERT_PTR_NULL(suggest_closest("xyz", keys, N(keys)));
	CU_ASSERT_PTR_NULL(suggest_closest("xyz", tree, N(tree)));
	CU_ASSERT_PTR_EQUAL(suggest_closest("name", tree, N(tree)), tree[1]);
	CU_ASSERT_PTR_NULL(suggest_closest("points", keys, 0));
	CU_ASSERT_PTR_NULL(suggest_closest("points", NULL, 0));
}

/* Thresholds: 1 up to 4 bytes, 2 up to 8, then 3. */
static void test_thresholds(void)
{
	static const char *const c4[] = {"abcd"};
	static const char *const c8[] = {"abcdefgh"};
	static const char *const c12[] = {"abcdefghijkl"};

	CU_ASSERT_PTR_NOT_NULL(suggest_closest("abcx", c4, 1));
	CU_ASSERT_PTR_NULL(suggest_closest("abxy", c4, 1));
	CU_ASSERT_PTR_NOT_NULL(suggest_closest("abcdefxy", c8, 1));
	CU_ASSERT_PTR_NULL(suggest_closest("abcdexyz", c8, 1));
	CU_ASSERT_PTR_NOT_NULL(suggest_closest("abcdefghixyz", c12, 1));
	CU_ASSERT_PTR_NULL(suggest_closest("abcdefghwxyz", c12, 1));
	/* The word's length decides: "ab" (limit 1) vs "abcd". */
	CU_ASSERT_PTR_NULL(suggest_closest("ab", c4, 1));
	/* 5 bytes allows 2. */
	CU_ASSERT_PTR_NOT_NULL(suggest_closest("abcxy", c4, 1));
}

/* Ties go to the earlier candidate; a closer later one still wins. */
static void test_ties(void)
{
	static const char *const c[] = {"cat", "bat", "car", "hat"};
	static const char *const d[] = {"cart", "caat", "cat"};
	static const char *const e[] = {NULL, "bat"};

	CU_ASSERT_PTR_EQUAL(suggest_closest("mat", c, N(c)), c[0]);
	CU_ASSERT_PTR_EQUAL(suggest_closest("cat", d, N(d)), d[2]);
	CU_ASSERT_PTR_EQUAL(suggest_closest("bax", e, N(e)), e[1]);
}

static CU_TestInfo tests[] = {
        {"distance", test_distance}, {"symmetric", test_symmetric},
        {"closest", test_closest},   {"thresholds", test_thresholds},
        {"ties", test_ties},         CU_TEST_INFO_NULL,
};

CUTEST_MAIN("suggest", tests)
