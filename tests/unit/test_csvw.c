/*
 * test_csvw.c - unit tests for core/util/csvw.c: RFC 4180 quoting, the
 * formula guard on text cells (a leading ' before =, +, -, @, TAB, CR),
 * numbers left as they are, control characters escaped.
 */
#include "cutest.h"
#include "util/csvw.h"

#include <stdlib.h>
#include <string.h>

/* What the writer wrote to f, as a new string; caller frees. */
static char *contents(FILE *f)
{
	long n = ftell(f);
	char *s = malloc((size_t)n + 1);

	rewind(f);
	if (fread(s, 1, (size_t)n, f) != (size_t)n)
		n = 0;
	s[n] = '\0';
	return s;
}

/* Writes one record of text cells cells[0..n) and returns it. */
static char *record(const char *const *cells, size_t n, char sep, int guard)
{
	FILE *f = tmpfile();
	char *s;
	csvw w;
	size_t i;

	csvw_init(&w, f, sep, guard);
	for (i = 0; i < n; i++)
		csvw_text(&w, cells[i]);
	csvw_end(&w);
	s = contents(f);
	fclose(f);
	return s;
}

/* Asserts a one-cell record of text s is want (CRLF added). */
static void check_text(const char *s, int guard, const char *want)
{
	char *got = record(&s, 1, ',', guard);
	size_t n = strlen(want);

	CU_ASSERT_EQUAL(strncmp(got, want, n), 0);
	CU_ASSERT_STRING_EQUAL(got + (strlen(got) >= n ? n : 0), "\r\n");
	if (strncmp(got, want, n) != 0)
		fprintf(stderr, "got [%s], want [%s]\n", got, want);
	free(got);
}

static void test_guard(void)
{
	check_text("=HYPERLINK(\"http://x\",\"y\")", 1,
	           "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	check_text("+1", 1, "'+1");
	check_text("-1+2", 1, "'-1+2");
	check_text("@SUM(A1)", 1, "'@SUM(A1)");
	check_text("\t=1", 1, "'\t=1");
	check_text("\r=1", 1, "\"'\r=1\"");
	check_text("-", 1, "'-");
	/* Not at the start, or other first characters: as they are. */
	check_text("a=1", 1, "a=1");
	check_text(" =1", 1, " =1");
	check_text("'=1", 1, "'=1");
	check_text("", 1, "");
	check_text("Huyện Yên Bình", 1, "Huyện Yên Bình");
}

static void test_no_guard(void)
{
	check_text("=1+2", 0, "=1+2");
	check_text("-1+2", 0, "-1+2");
	check_text("=a,b", 0, "\"=a,b\"");
}

static void test_controls(void)
{
	check_text("a\x1b[2Jb", 1, "a<U+001B>[2Jb");
	check_text("\xc2\x9b"
	           "31m",
	           0, "<U+009B>31m");
	/* Line breaks and tabs are data in a quoted cell; bidi kept. */
	check_text("a\nb\tc", 1, "\"a\nb\tc\"");
	check_text("x\xe2\x80\xae", 1, "x\xe2\x80\xae");
}

static void test_numbers(void)
{
	static const char *const nums[] = {"",   "0",  "12",    "-0.5000",
	                                   "+2", "-2", "1e-07", "2.5E+10"};
	FILE *f = tmpfile();
	char *s;
	csvw w;
	size_t i;

	csvw_init(&w, f, ',', 1);
	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		csvw_number(&w, nums[i]);
	csvw_end(&w);
	/* Text passed as a number is still guarded. */
	csvw_number(&w, "-1+2");
	csvw_number(&w, "=1");
	csvw_number(&w, "1.");
	csvw_number(&w, "+");
	csvw_end(&w);
	s = contents(f);
	CU_ASSERT_STRING_EQUAL(s, ",0,12,-0.5000,+2,-2,1e-07,2.5E+10\r\n"
	                          "'-1+2,'=1,1.,'+\r\n");
	free(s);
	fclose(f);
}

static void test_separator(void)
{
	const char *cells[] = {"a;b", "=x", "83,99", "q\"t"};
	char *s = record(cells, 4, ';', 1);

	CU_ASSERT_STRING_EQUAL(s, "\"a;b\";'=x;83,99;\"q\"\"t\"\r\n");
	free(s);
}

static CU_TestInfo tests[] = {
        {"guard", test_guard},         {"no_guard", test_no_guard},
        {"controls", test_controls},   {"numbers", test_numbers},
        {"separator", test_separator}, CU_TEST_INFO_NULL,
};

CUTEST_MAIN("csvw", tests)
