/*
 * test_yes_no.c - unit tests for core/util/yes_no.c and nfc_fold() of
 * core/util/nfc.c: the yes/no words and the folding choices are matched
 * with.
 */
#include "util/nfc.h"
#include "util/yes_no.h"
#include "cutest.h"

#include <stdlib.h>
#include <string.h>

/* yes_no_word() of a C string. */
static int word(const char *s, int *vi)
{
	return yes_no_word(s, strlen(s), vi);
}

static void test_english(void)
{
	int vi = -1;

	CU_ASSERT_EQUAL(word("true", &vi), 1);
	CU_ASSERT_EQUAL(vi, 0);
	CU_ASSERT_EQUAL(word("YES", NULL), 1);
	CU_ASSERT_EQUAL(word("False", &vi), 0);
	CU_ASSERT_EQUAL(word("no", NULL), 0);
	CU_ASSERT_EQUAL(word("", NULL), -1);
	CU_ASSERT_EQUAL(word("yes ", NULL), -1);
	CU_ASSERT_EQUAL(word("1", NULL), -1); /* a sheet's mark, not a word */
}

static void test_vietnamese(void)
{
	int vi = 0;

	CU_ASSERT_EQUAL(word("c\xc3\xb3", &vi), 1); /* có */
	CU_ASSERT_EQUAL(vi, 1);
	CU_ASSERT_EQUAL(word("C\xc3\x93", NULL), 1); /* CÓ */
	CU_ASSERT_EQUAL(word("co", NULL), 1);
	CU_ASSERT_EQUAL(word("co\xcc\x81", NULL), 1); /* có, decomposed */
	CU_ASSERT_EQUAL(word("\xc4\x90\xc3\xbang", NULL), 1); /* Đúng */
	CU_ASSERT_EQUAL(word("DUNG", NULL), 1);
	CU_ASSERT_EQUAL(word("Kh\xc3\xb4ng", &vi), 0); /* Không */
	CU_ASSERT_EQUAL(vi, 1);
	CU_ASSERT_EQUAL(word("KHONG", NULL), 0);
	CU_ASSERT_EQUAL(word("kho\xcc\x82ng", NULL), 0); /* không, NFD */
	CU_ASSERT_EQUAL(word("Sai", NULL), 0);
	/* other words that fold alike are not yes or no */
	CU_ASSERT_EQUAL(word("c\xc3\xb2", NULL), -1);    /* cò */
	CU_ASSERT_EQUAL(word("d\xc3\xb9ng", NULL), -1);  /* dùng */
	CU_ASSERT_EQUAL(word("kh\xc3\xb3ng", NULL), -1); /* khóng */
	CU_ASSERT_EQUAL(word("\xff", NULL), -1);         /* not UTF-8 */
}

/* nfc_fold() of a C string equals want. */
static void check_fold(const char *s, const char *want)
{
	char *f = nfc_fold(s, strlen(s));

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_STRING_EQUAL(f, want);
	free(f);
}

static void test_fold(void)
{
	check_fold("", "");
	check_fold("Head", "head");
	check_fold("C\xe1\xba\xa5p ph\xc3\xb3", "cap pho"); /* Cấp phó */
	check_fold("C\xe1\xba\xa4P PH\xc3\x93", "cap pho"); /* CẤP PHÓ */
	check_fold("\xc4\x90\xe1\xbb\x93ng \xc4\x91\xe1\xbb\x81u",
	           "dong deu"); /* Đồng đều */
	check_fold("Ngu\xcc\x9bo\xcc\x9b\xcc\x80i", "nguoi"); /* NFD */
}

static CU_TestInfo tests[] = {{"English words", test_english},
                              {"Vietnamese words", test_vietnamese},
                              {"folding", test_fold},
                              CU_TEST_INFO_NULL};

CUTEST_MAIN("yes_no", tests)
