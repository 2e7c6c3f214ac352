/*
 * test_utf8.c - unit tests for core/util/utf8.c.
 */
#include "util/utf8.h"
#include "cutest.h"

#include <string.h>

/* "Nhận thức số" with precomposed letters (U+1EAD, U+1EE9, U+1ED1). */
#define NFC_TEXT "Nh\xe1\xba\xadn th\xe1\xbb\251c s\xe1\xbb\x91"
/* "Nhận" decomposed: N h a U+0323 U+0302 n. */
#define NFD_NHAN "Nha\xcc\xa3\xcc\x82n"

/* Returns the bad offset utf8_check reports for s[0..len), or (size_t)-1
 * when it accepts s. */
static size_t bad_offset(const char *s, size_t len)
{
	size_t at = 999;

	if (utf8_check(s, len, &at) == 0)
		return (size_t)-1;
	return at;
}

/* Well-formed text, including the extremes of each length, passes. */
static void test_check_ok(void)
{
	static const char ok[] =
	        "abc" NFC_TEXT NFD_NHAN "\xe4\xb8\xad" /* U+4E2D */
	        "\xf0\x9f\x98\x80"                     /* U+1F600 */
	        "\xc2\x80\xdf\xbf"                     /* U+0080, U+07FF */
	        "\xe0\xa0\x80\xef\xbf\xbf"             /* U+0800, FFFF */
	        "\xed\x9f\xbf\xee\x80\x80"             /* D7FF, E000 */
	        "\xf0\x90\x80\x80"                     /* U+10000 */
	        "\xf4\x8f\xbf\xbf";                    /* U+10FFFF */
	size_t at = 7;

	CU_ASSERT_EQUAL(utf8_check(ok, sizeof(ok) - 1, &at), 0);
	CU_ASSERT_EQUAL(at, 7);
	CU_ASSERT_EQUAL(utf8_check("", 0, NULL), 0);
	CU_ASSERT_EQUAL(utf8_check("a\0b", 3, NULL), 0);
}

/* Ill-formed sequences are rejected at the offset of their first byte. */
static void test_check_bad(void)
{
	CU_ASSERT_EQUAL(bad_offset("ab\xc0\x80", 4), 2);    /* overlong */
	CU_ASSERT_EQUAL(bad_offset("\xc1\xbf", 2), 0);      /* overlong */
	CU_ASSERT_EQUAL(bad_offset("x\xe0\x80\xaf", 4), 1); /* overlong */
	CU_ASSERT_EQUAL(bad_offset("\xf0\x8f\xbf\xbf", 4), 0);
	CU_ASSERT_EQUAL(bad_offset("abc\xed\xa0\x80", 6), 3); /* surrogate */
	CU_ASSERT_EQUAL(bad_offset("\xed\xbf\xbf", 3), 0);    /* surrogate */
	CU_ASSERT_EQUAL(bad_offset("a\xf5\x80\x80\x80", 5), 1);
	CU_ASSERT_EQUAL(bad_offset("\xf4\x90\x80\x80", 4), 0); /* > 10FFFF */
	CU_ASSERT_EQUAL(bad_offset("\xff", 1), 0);
	CU_ASSERT_EQUAL(bad_offset("ok\x80", 3), 2);     /* lone continuation */
	CU_ASSERT_EQUAL(bad_offset("ok\xe4\xb8", 4), 2); /* truncated */
	CU_ASSERT_EQUAL(bad_offset("\xe4\xb8\xad\xe4", 4), 3);
	CU_ASSERT_EQUAL(bad_offset("\xc3", 1), 0);
	CU_ASSERT_EQUAL(bad_offset("\344a\xad", 3), 0); /* broken */
	/* The length limit counts: a sequence cut by len is truncated. */
	CU_ASSERT_EQUAL(bad_offset("\xe4\xb8\xad", 2), 0);
	CU_ASSERT_EQUAL(utf8_check("\xc0\x80", 2, NULL), -1);
}

/* A text read piece by piece: a sequence cut at the end of a piece
 * waits for the next bytes; one that cannot be completed is bad. */
static void test_check_prefix(void)
{
	size_t whole = 99, bad = 99;

	CU_ASSERT_EQUAL(utf8_check_prefix("ab" NFC_TEXT, 2, &whole, &bad), 0);
	CU_ASSERT_EQUAL(whole, 2);
	/* "Nh\xe1\xba\xad...": cut after one and after two bytes of U+1EAD */
	CU_ASSERT_EQUAL(utf8_check_prefix(NFC_TEXT, 3, &whole, &bad), 0);
	CU_ASSERT_EQUAL(whole, 2);
	CU_ASSERT_EQUAL(utf8_check_prefix(NFC_TEXT, 4, &whole, &bad), 0);
	CU_ASSERT_EQUAL(whole, 2);
	CU_ASSERT_EQUAL(utf8_check_prefix(NFC_TEXT, 5, &whole, &bad), 0);
	CU_ASSERT_EQUAL(whole, 5);
	CU_ASSERT_EQUAL(utf8_check_prefix("x\xf0\x9f\x98", 4, &whole, &bad), 0);
	CU_ASSERT_EQUAL(whole, 1);
	CU_ASSERT_EQUAL(utf8_check_prefix("x\xe0", 2, &whole, &bad), 0);
	CU_ASSERT_EQUAL(whole, 1);
	CU_ASSERT_EQUAL(utf8_check_prefix("x\xed", 2, &whole, &bad), 0);
	CU_ASSERT_EQUAL(whole, 1);
	/* cut, but already ill-formed: no later byte can help */
	CU_ASSERT_EQUAL(utf8_check_prefix("x\xe0\x80", 3, &whole, &bad), -1);
	CU_ASSERT_EQUAL(bad, 1);
	CU_ASSERT_EQUAL(utf8_check_prefix("x\xed\xa0", 3, &whole, &bad), -1);
	CU_ASSERT_EQUAL(bad, 1);
	CU_ASSERT_EQUAL(utf8_check_prefix("xy\xff", 3, &whole, &bad), -1);
	CU_ASSERT_EQUAL(bad, 2);
	CU_ASSERT_EQUAL(utf8_check_prefix("\x80", 1, &whole, &bad), -1);
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(utf8_check_prefix("\xc3(", 2, &whole, &bad), -1);
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(utf8_check_prefix("", 0, &whole, &bad), 0);
	CU_ASSERT_EQUAL(whole, 0);
}

/* Decoding returns lengths and code points, U+FFFD on errors. */
static void test_decode(void)
{
	unsigned cp = 0;

	CU_ASSERT_EQUAL(utf8_decode("A", 1, &cp), 1);
	CU_ASSERT_EQUAL(cp, 0x41);
	CU_ASSERT_EQUAL(utf8_decode("\xe1\xba\xad", 3, &cp), 3);
	CU_ASSERT_EQUAL(cp, 0x1EAD);
	CU_ASSERT_EQUAL(utf8_decode("\xcc\xa3", 2, &cp), 2);
	CU_ASSERT_EQUAL(cp, 0x323);
	CU_ASSERT_EQUAL(utf8_decode("\xf0\x9f\x98\x80zz", 6, &cp), 4);
	CU_ASSERT_EQUAL(cp, 0x1F600);
	CU_ASSERT_EQUAL(utf8_decode("\xf4\x8f\xbf\xbf", 4, &cp), 4);
	CU_ASSERT_EQUAL(cp, 0x10FFFF);
	CU_ASSERT_EQUAL(utf8_decode("\xc0\x80", 2, &cp), 0);
	CU_ASSERT_EQUAL(cp, 0xFFFD);
	cp = 0;
	CU_ASSERT_EQUAL(utf8_decode("\xe1\xba\xad", 2, &cp), 0);
	CU_ASSERT_EQUAL(cp, 0xFFFD);
	cp = 0;
	CU_ASSERT_EQUAL(utf8_decode("", 0, &cp), 0);
	CU_ASSERT_EQUAL(cp, 0xFFFD);
}

/* Widths of single code points. */
static void test_cp_width(void)
{
	CU_ASSERT_EQUAL(utf8_cp_width('a'), 1);
	CU_ASSERT_EQUAL(utf8_cp_width(0x1EA0), 1);
	CU_ASSERT_EQUAL(utf8_cp_width(0x1EF9), 1);
	CU_ASSERT_EQUAL(utf8_cp_width(0x0110), 1); /* Đ */
	CU_ASSERT_EQUAL(utf8_cp_width(0x0300), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x0323), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x036F), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x0370), 1);
	CU_ASSERT_EQUAL(utf8_cp_width(0x1AB0), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x1DC0), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x20D0), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0xFE20), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x200B), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x2060), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0xFEFF), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x00), 0);
	CU_ASSERT_EQUAL(utf8_cp_width('\n'), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x7F), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0x85), 0);
	CU_ASSERT_EQUAL(utf8_cp_width(0xA0), 1);
	CU_ASSERT_EQUAL(utf8_cp_width(0x4E2D), 2); /* 中 */
	CU_ASSERT_EQUAL(utf8_cp_width(0xAC00), 2); /* 가 */
	CU_ASSERT_EQUAL(utf8_cp_width(0x3042), 2); /* あ */
	CU_ASSERT_EQUAL(utf8_cp_width(0xFF21), 2); /* Ａ */
	CU_ASSERT_EQUAL(utf8_cp_width(0xFF61), 1); /* halfwidth ｡ */
	CU_ASSERT_EQUAL(utf8_cp_width(0x1F600), 2);
	CU_ASSERT_EQUAL(utf8_cp_width(0x1FAFF), 2);
	CU_ASSERT_EQUAL(utf8_cp_width(0x20000), 2);
	CU_ASSERT_EQUAL(utf8_cp_width(0x2FFFF), 1);
}

/* Display width of whole strings, NFC and NFD alike. */
static void test_width(void)
{
	CU_ASSERT_EQUAL(utf8_width(""), 0);
	CU_ASSERT_EQUAL(utf8_width("abc"), 3);
	CU_ASSERT_EQUAL(utf8_width(NFC_TEXT), 12);
	CU_ASSERT_EQUAL(utf8_width(NFD_NHAN), 4);
	CU_ASSERT_EQUAL(utf8_width(NFD_NHAN " th\xc6\xb0\xcc\201c"), 9);
	CU_ASSERT_EQUAL(utf8_width("\xe4\xb8\xad\xe6\x96\x87"), 4); /* 中文 */
	CU_ASSERT_EQUAL(utf8_width("a\xe4\xb8\255b"), 4);
	CU_ASSERT_EQUAL(utf8_width("\xf0\x9f\x98\x80"), 2);
	/* Ill-formed bytes count one column each. */
	CU_ASSERT_EQUAL(utf8_width("a\xc0\x80z"), 4);
	CU_ASSERT_EQUAL(utf8_width("\xe4\xb8"), 2);
	CU_ASSERT_EQUAL(utf8_width("\xff\xfe"), 2);
}

/* Prefixes never split a code point or strip combining marks. */
static void test_prefix(void)
{
	const char *cjk = "\xe4\xb8\xad\xe6\x96\x87x"; /* 中文x */

	CU_ASSERT_EQUAL(utf8_prefix_for_width("abcdef", 3), 3);
	CU_ASSERT_EQUAL(utf8_prefix_for_width("abc", 10), 3);
	CU_ASSERT_EQUAL(utf8_prefix_for_width("abc", 0), 0);
	CU_ASSERT_EQUAL(utf8_prefix_for_width("", 5), 0);
	/* "Nhận" NFC: ậ is 3 bytes. */
	CU_ASSERT_EQUAL(utf8_prefix_for_width(NFC_TEXT, 2), 2);
	CU_ASSERT_EQUAL(utf8_prefix_for_width(NFC_TEXT, 3), 5);
	CU_ASSERT_EQUAL(utf8_prefix_for_width(NFC_TEXT, 12), strlen(NFC_TEXT));
	/* NFD: the a keeps both marks, or all three go. */
	CU_ASSERT_EQUAL(utf8_prefix_for_width(NFD_NHAN, 2), 2);
	CU_ASSERT_EQUAL(utf8_prefix_for_width(NFD_NHAN, 3), 7);
	CU_ASSERT_EQUAL(utf8_prefix_for_width(NFD_NHAN, 4), 8);
	/* A wide character that does not fit is left out whole. */
	CU_ASSERT_EQUAL(utf8_prefix_for_width(cjk, 1), 0);
	CU_ASSERT_EQUAL(utf8_prefix_for_width(cjk, 2), 3);
	CU_ASSERT_EQUAL(utf8_prefix_for_width(cjk, 3), 3);
	CU_ASSERT_EQUAL(utf8_prefix_for_width(cjk, 4), 6);
	CU_ASSERT_EQUAL(utf8_prefix_for_width(cjk, 5), 7);
	/* Ill-formed bytes are one column each. */
	CU_ASSERT_EQUAL(utf8_prefix_for_width("\xff\376a", 1), 1);
	CU_ASSERT_EQUAL(utf8_prefix_for_width("a\xe4\xb8", 2), 2);
}

/* Every prefix is well-formed and no wider than asked. */
static void test_prefix_property(void)
{
	const char *texts[] = {
	        NFC_TEXT,
	        NFD_NHAN " th\xc6\xb0\xcc\201c s\xc3\xb4\xcc\x81",
	        "\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80 \xea\xb0\x80",
	};
	size_t t, cols, n, m;
	unsigned cp;
	char buf[64];
	int ok = 1;

	for (t = 0; t < sizeof(texts) / sizeof(*texts); t++) {
		for (cols = 0; cols < 20; cols++) {
			n = utf8_prefix_for_width(texts[t], cols);
			memcpy(buf, texts[t], n);
			buf[n] = '\0';
			m = utf8_decode(texts[t] + n, strlen(texts[t] + n),
			                &cp);
			/* Not cut before a combining mark. */
			if (m > 0 && utf8_cp_width(cp) == 0)
				ok = 0;
			if (utf8_check(buf, n, NULL) != 0 ||
			    utf8_width(buf) > cols)
				ok = 0;
		}
	}
	CU_ASSERT(ok);
}

static CU_TestInfo tests[] = {
        {"check_ok", test_check_ok},
        {"check_bad", test_check_bad},
        {"check_prefix", test_check_prefix},
        {"decode", test_decode},
        {"cp_width", test_cp_width},
        {"width", test_width},
        {"prefix", test_prefix},
        {"prefix_property", test_prefix_property},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("utf8", tests)
