/*
 * test_markup.c - unit tests for core/util/markup.c, the one escaper of
 * Markdown (chiso doc, rank, compare, diff) and of chiso doc's HTML: no
 * tag, link, image, heading or table cell can be opened by text.
 */
#include "cutest.h"
#include "util/markup.h"

#include <stdlib.h>
#include <string.h>

/* Asserts that s escaped for fmt with flags is want. */
static void check(const char *s, markup_format fmt, unsigned flags,
                  const char *want)
{
	strbuf sb = STRBUF_INIT;

	markup_text(&sb, s, fmt, flags);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb), want);
	if (strcmp(strbuf_str(&sb), want) != 0)
		fprintf(stderr, "got [%s], want [%s]\n", strbuf_str(&sb), want);
	strbuf_release(&sb);
}

static void test_md_html(void)
{
	check("<script>alert(1)</script>", MARKUP_MD, 0,
	      "\\<script>alert(1)\\</script>");
	check("<img src=x onerror=alert(1)>", MARKUP_MD, 0,
	      "\\<img src=x onerror=alert(1)>");
	check("<!-- x --> <?php", MARKUP_MD, 0, "\\<!-- x --> \\<?php");
	check("a < b & c > d", MARKUP_MD, 0, "a < b & c > d");
	check("&amp; &#60;", MARKUP_MD, 0, "\\&amp; \\&#60;");
}

static void test_md_links(void)
{
	check("[x](javascript:alert(1))", MARKUP_MD, 0,
	      "\\[x\\](javascript:alert(1))");
	check("![i](http://x/a.png)", MARKUP_MD, 0, "!\\[i\\](http://x/a.png)");
	check("<javascript:alert(1)>", MARKUP_MD, 0, "\\<javascript:alert(1)>");
}

static void test_md_lines(void)
{
	/* A line break would start a heading; a '#' that starts the text
	 * would be one at the start of a line. */
	check("Huyện\n# Heading", MARKUP_MD, 0, "Huyện # Heading");
	check("# Heading", MARKUP_MD, 0, "\\# Heading");
	check("a|b `c` *d* _e_ ~f~ \\g", MARKUP_MD, 0,
	      "a\\|b \\`c\\` \\*d\\* \\_e\\_ \\~f\\~ \\\\g");
	check("a\tb\r\nc", MARKUP_MD, 0, "a b  c");
	check("folded\n", MARKUP_MD, 0, "folded");
}

static void test_md_controls(void)
{
	check("a\x1b[2Jb", MARKUP_MD, 0, "a\\<U+001B>\\[2Jb");
	check("\xc2\x9b"
	      "31m\x7f",
	      MARKUP_MD, 0, "\\<U+009B>31m\\<U+007F>");
	check("T\xc3\xaan \xe2\x80\xae"
	      "cod.exe",
	      MARKUP_MD, 0, "T\xc3\xaan \\<U+202E>cod.exe");
	check("ok\xff", MARKUP_MD, 0, "ok\\<0xFF>");
}

static void test_md_underscore(void)
{
	check("zero_denominator", MARKUP_MD, 0, "zero\\_denominator");
	check("zero_denominator", MARKUP_MD, MARKUP_KEEP_INWORD_UNDERSCORE,
	      "zero_denominator");
	check("_em_ a_ _b x__y", MARKUP_MD, MARKUP_KEEP_INWORD_UNDERSCORE,
	      "\\_em\\_ a\\_ \\_b x\\_\\_y");
}

static void test_html_plain(void)
{
	check("<b>\"x\" & 'y'</b>", MARKUP_HTML, 0,
	      "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
	check("a\x1b[2J\xc2\x9b\nb", MARKUP_HTML, 0, "a[2J b");
	check("[x](y) <b>\x1b", MARKUP_PLAIN, 0, "[x](y) <b>");
}

static void test_code_safe(void)
{
	CU_ASSERT_EQUAL(markup_code_safe("steering_meetings"), 1);
	CU_ASSERT_EQUAL(markup_code_safe("b4c2a6d4a53e"), 1);
	CU_ASSERT_EQUAL(markup_code_safe("a`b"), 0);
	CU_ASSERT_EQUAL(markup_code_safe("a|b"), 0);
	CU_ASSERT_EQUAL(markup_code_safe("a\\b"), 0);
	CU_ASSERT_EQUAL(markup_code_safe("a\nb"), 0);
	CU_ASSERT_EQUAL(markup_code_safe("a\x1b"), 0);
	CU_ASSERT_EQUAL(markup_code_safe("a\xe2\x80\xae"), 0);
}

static CU_TestInfo tests[] = {
        {"md_html", test_md_html},
        {"md_links", test_md_links},
        {"md_lines", test_md_lines},
        {"md_controls", test_md_controls},
        {"md_underscore", test_md_underscore},
        {"html_plain", test_html_plain},
        {"code_safe", test_code_safe},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("markup", tests)
