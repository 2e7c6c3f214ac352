/*
 * test_escape.c - unit tests for core/util/escape.c and its use in
 * core/util/texttable.c: control characters and bidi controls shown as
 * <U+XXXX>, clean text unchanged, and cells cut after escaping on whole
 * characters and escapes.
 */
#include "cutest.h"
#include "util/escape.h"
#include "util/texttable.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* "Nhận thức số", precomposed, and "Nhận" decomposed. */
#define NFC_TEXT                                                               \
	"Nh\xe1\xba\xadn th\xe1\xbb\xa9"                                       \
	"c s\xe1\xbb\x91"
#define NFD_NHAN "Nha\xcc\xa3\xcc\x82n"
#define RLO      "\xe2\x80\xae" /* U+202E */

/* escape_append(s, flags) as a new string; caller frees. */
static char *esc(const char *s, unsigned flags)
{
	strbuf sb = STRBUF_INIT;

	escape_append(&sb, s, flags);
	return strbuf_detach(&sb);
}

/* escape_fit(s, cols) as a new string; caller frees. */
static char *fit(const char *s, size_t cols)
{
	strbuf sb = STRBUF_INIT;

	escape_fit(&sb, s, cols);
	return strbuf_detach(&sb);
}

/* Asserts that escaping s with flags gives want. */
static void check_esc(const char *s, unsigned flags, const char *want)
{
	char *got = esc(s, flags);

	CU_ASSERT_STRING_EQUAL(got, want);
	free(got);
}

/* Asserts that fitting s to cols gives want. */
static void check_fit(const char *s, size_t cols, const char *want)
{
	char *got = fit(s, cols);

	CU_ASSERT_STRING_EQUAL(got, want);
	free(got);
}

static void test_clean_unchanged(void)
{
	check_esc("", 0, "");
	check_esc("YB.YBI Huyện Yên Bình =1+2 <b>", 0,
	          "YB.YBI Huyện Yên Bình =1+2 <b>");
	check_esc(NFC_TEXT NFD_NHAN "\xe4\xb8\xad", 0,
	          NFC_TEXT NFD_NHAN "\xe4\xb8\xad");
	/* Escaping escaped text changes nothing. */
	check_esc("a<U+001B>b", 0, "a<U+001B>b");
}

static void test_controls(void)
{
	check_esc("\x1b[2J", 0, "<U+001B>[2J");
	check_esc("\x1b]8;;http://x/\x07link\x1b]8;;\x07", 0,
	          "<U+001B>]8;;http://x/<U+0007>link<U+001B>]8;;<U+0007>");
	check_esc("a\tb\nc\rd", 0, "a<U+0009>b<U+000A>c<U+000D>d");
	check_esc("a\tb\nc\rd", ESCAPE_KEEP_LINES, "a\tb\nc\rd");
	check_esc("\x7f\x01", ESCAPE_KEEP_LINES, "<U+007F><U+0001>");
	check_esc("\xc2\x9b"
	          "31m\xc2\x85",
	          0, "<U+009B>31m<U+0085>");
	check_esc("\xc2\xa0", 0, "\xc2\xa0"); /* U+00A0 is not C1 */
	check_esc("ok\xff", 0, "ok<0xFF>");
}

static void test_bidi(void)
{
	check_esc("abc" RLO "exe.txt", 0, "abc<U+202E>exe.txt");
	check_esc("\xd8\x9c\xe2\x80\x8e\xe2\x80\x8f\xe2\x80\xaa\xe2\x81\xa6"
	          "\xe2\x81\xa9",
	          0, "<U+061C><U+200E><U+200F><U+202A><U+2066><U+2069>");
	check_esc("abc" RLO, ESCAPE_KEEP_BIDI, "abc" RLO);
	/* Neighbours that are not bidi controls. */
	check_esc("\xe2\x80\x8d\xe2\x80\xaf\xe2\x81\xa5", 0,
	          "\xe2\x80\x8d\xe2\x80\xaf\xe2\x81\xa5");
}

static void test_find_control(void)
{
	size_t at = 99;
	unsigned cp = 0;

	CU_ASSERT_EQUAL(
	        escape_find_control("Huyện", strlen("Huyện"), 0, &at, &cp), 0);
	CU_ASSERT_EQUAL(escape_find_control("ab\x1b[2J", 6, 0, &at, &cp), 1);
	CU_ASSERT_EQUAL(at, 2);
	CU_ASSERT_EQUAL(cp, 0x1B);
	CU_ASSERT_EQUAL(escape_find_control("a\tb\nc", 5, 1, &at, &cp), 0);
	CU_ASSERT_EQUAL(escape_find_control("a\tb", 3, 0, &at, &cp), 1);
	CU_ASSERT_EQUAL(cp, '\t');
	CU_ASSERT_EQUAL(escape_find_control("a\r\nb", 4, 1, &at, &cp), 0);
	CU_ASSERT_EQUAL(escape_find_control("a\r\nb", 4, 0, &at, &cp), 1);
	CU_ASSERT_EQUAL(cp, '\r');
	CU_ASSERT_EQUAL(escape_find_control("a\vb", 3, 1, &at, &cp), 1);
	CU_ASSERT_EQUAL(cp, '\v');
	CU_ASSERT_EQUAL(
	        escape_find_control("\xe1\xba\xad\xc2\x9b", 5, 1, &at, &cp), 1);
	CU_ASSERT_EQUAL(at, 3);
	CU_ASSERT_EQUAL(cp, 0x9B);
	CU_ASSERT_EQUAL(escape_find_control("x\x7f", 2, 1, &at, &cp), 1);
	CU_ASSERT_EQUAL(cp, 0x7F);
	/* A bidi control is not a control character. */
	CU_ASSERT_EQUAL(escape_find_control(RLO, 3, 0, &at, &cp), 0);
}

/* Clean text is cut exactly where utf8_prefix_for_width() cut it. */
static void test_fit_clean(void)
{
	static const char *const texts[] = {
	        "Hồ sơ dịch vụ công trực tuyến toàn trình (đủ điểm từ 50%)",
	        NFD_NHAN NFD_NHAN NFD_NHAN NFD_NHAN,
	        "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad ab", "short"};
	size_t i, cols;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (cols = 2; cols < 20; cols++) {
			strbuf want = STRBUF_INIT;
			char *got = fit(texts[i], cols);

			if (utf8_width(texts[i]) <= cols) {
				strbuf_puts(&want, texts[i]);
			} else {
				strbuf_add(&want, texts[i],
				           utf8_prefix_for_width(texts[i],
				                                 cols - 1));
				strbuf_puts(&want, "\xe2\x80\xa6");
			}
			CU_ASSERT_STRING_EQUAL(got, strbuf_str(&want));
			free(got);
			strbuf_release(&want);
		}
}

/* An escape is kept whole or left out, never cut. */
static void test_fit_escapes(void)
{
	check_fit("AAAA\x1b[2J", 8, "AAAA\xe2\x80\xa6");
	check_fit("AAAA\x1b[2J", 13, "AAAA<U+001B>\xe2\x80\xa6");
	check_fit("AAAA\x1b[2J", 15, "AAAA<U+001B>[2J");
	check_fit("\x1b\x1b", 10, "<U+001B>\xe2\x80\xa6");
	check_fit("\x1b\x1b", 8, "\xe2\x80\xa6");
	check_fit("ab" RLO "cd", 11, "ab<U+202E>\xe2\x80\xa6");
}

/* A table prints escaped cells, aligned on their escaped width. */
static void test_texttable(void)
{
	const char *head[] = {"Code", "Name"};
	const char *row1[] = {"A\x1b[2J", "AAAAAAAA\x1b]8;;x\x07"};
	const char *row2[] = {"B", "Hu " RLO "x"};
	texttable *t = texttable_new(2);
	FILE *f = tmpfile();
	char buf[512];
	size_t n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	texttable_max(t, 1, 12);
	texttable_row(t, head);
	texttable_row(t, row1);
	texttable_row(t, row2);
	texttable_print(t, f);
	rewind(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	CU_ASSERT_STRING_EQUAL(buf, "Code          Name\n"
	                            "A<U+001B>[2J  AAAAAAAA\xe2\x80\xa6\n"
	                            "B             Hu <U+202E>x\n");
	CU_ASSERT_PTR_NULL(memchr(buf, 0x1b, n));
	fclose(f);
	texttable_free(t);
}

static CU_TestInfo tests[] = {
        {"clean_unchanged", test_clean_unchanged},
        {"controls", test_controls},
        {"bidi", test_bidi},
        {"find_control", test_find_control},
        {"fit_clean", test_fit_clean},
        {"fit_escapes", test_fit_escapes},
        {"texttable", test_texttable},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("escape", tests)
