/*
 * test_strbuf.c - unit tests for core/util/strbuf.c.
 */
#include "util/strbuf.h"
#include "cutest.h"

#include <stdlib.h>
#include <string.h>

/* An initialised buffer reads as "" and detaches as a fresh "". */
static void test_empty(void)
{
	strbuf sb = STRBUF_INIT;
	char *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(strbuf_str(&sb));
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb), "");
	CU_ASSERT_EQUAL(sb.len, 0);
	p = strbuf_detach(&sb);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_STRING_EQUAL(p, "");
	CU_ASSERT_PTR_NULL(sb.data);
	CU_ASSERT_EQUAL(sb.cap, 0);
	free(p);
	strbuf_release(&sb);
}

/* add, puts, putc and printf append in order and keep a NUL. */
static void test_append(void)
{
	strbuf sb = STRBUF_INIT;

	strbuf_puts(&sb, "điểm");
	strbuf_putc(&sb, ' ');
	strbuf_add(&sb, "abcdef", 3);
	strbuf_printf(&sb, "=%d/%s", 42, "x");
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb), "điểm abc=42/x");
	CU_ASSERT_EQUAL(sb.len, strlen("điểm abc=42/x"));
	CU_ASSERT(sb.cap > sb.len);
	CU_ASSERT_EQUAL(sb.data[sb.len], '\0');
	strbuf_release(&sb);
	CU_ASSERT_PTR_NULL(sb.data);
	CU_ASSERT_EQUAL(sb.len, 0);
	CU_ASSERT_EQUAL(sb.cap, 0);
}

/* Embedded NUL bytes are kept and counted in len. */
static void test_binary(void)
{
	strbuf sb = STRBUF_INIT;

	strbuf_add(&sb, "a\0b", 3);
	CU_ASSERT_EQUAL(sb.len, 3);
	CU_ASSERT_EQUAL(memcmp(sb.data, "a\0b", 4), 0);
	strbuf_add(&sb, NULL, 0);
	CU_ASSERT_EQUAL(sb.len, 3);
	strbuf_release(&sb);
}

/* printf output longer than the first guess is written completely. */
static void test_printf_long(void)
{
	strbuf sb = STRBUF_INIT;
	char big[1000];
	size_t i;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	strbuf_puts(&sb, "<");
	strbuf_printf(&sb, "%s|%s", big, big);
	CU_ASSERT_EQUAL(sb.len, 1 + 2 * 999 + 1);
	CU_ASSERT_EQUAL(sb.data[0], '<');
	CU_ASSERT_EQUAL(sb.data[1000], '|');
	for (i = 1; i < sb.len; i++) {
		if (i != 1000 && sb.data[i] != 'x')
			break;
	}
	CU_ASSERT_EQUAL(i, sb.len);
	CU_ASSERT_EQUAL(strlen(sb.data), sb.len);
	strbuf_release(&sb);
}

/* Many small appends grow the buffer correctly. */
static void test_grow_many(void)
{
	strbuf sb = STRBUF_INIT;
	int i;

	for (i = 0; i < 10000; i++)
		strbuf_putc(&sb, (char)('0' + i % 10));
	CU_ASSERT_EQUAL(sb.len, 10000);
	CU_ASSERT_EQUAL(strlen(strbuf_str(&sb)), 10000);
	CU_ASSERT_EQUAL(sb.data[9999], '9');
	CU_ASSERT_EQUAL(sb.data[1234], '4');
	strbuf_grow(&sb, 100000);
	CU_ASSERT(sb.cap >= 110001);
	CU_ASSERT_EQUAL(sb.len, 10000);
	strbuf_release(&sb);
}

/* reset empties but keeps the allocation; detach hands it over. */
static void test_reset_detach(void)
{
	strbuf sb = STRBUF_INIT;
	size_t cap;
	char *p;

	strbuf_puts(&sb, "hello");
	cap = sb.cap;
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(sb.len, 0);
	CU_ASSERT_EQUAL(sb.cap, cap);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb), "");
	strbuf_puts(&sb, "world");
	p = strbuf_detach(&sb);
	CU_ASSERT_STRING_EQUAL(p, "world");
	CU_ASSERT_PTR_NULL(sb.data);
	CU_ASSERT_EQUAL(sb.len, 0);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb), "");
	free(p);
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(sb.len, 0);
}

/* The x* helpers return usable memory with the right contents. */
static void test_xalloc(void)
{
	char *s = xstrdup("Nhận thức");
	char *t = xstrndup("abcdef", 3);
	char *u = xstrndup("ab", 10);
	int *z = xcalloc(8, sizeof(int));
	char *m = xmalloc(0);
	int i, sum = 0;

	CU_ASSERT_STRING_EQUAL(s, "Nhận thức");
	CU_ASSERT_STRING_EQUAL(t, "abc");
	CU_ASSERT_STRING_EQUAL(u, "ab");
	for (i = 0; i < 8; i++)
		sum += z[i];
	CU_ASSERT_EQUAL(sum, 0);
	CU_ASSERT_PTR_NOT_NULL(m);
	z = xrealloc(z, 100 * sizeof(int));
	z[99] = 7;
	CU_ASSERT_EQUAL(z[0], 0);
	CU_ASSERT_EQUAL(z[99], 7);
	free(s);
	free(t);
	free(u);
	free(z);
	free(m);
}

static CU_TestInfo tests[] = {
        {"empty", test_empty},         {"append", test_append},
        {"binary", test_binary},       {"printf_long", test_printf_long},
        {"grow_many", test_grow_many}, {"reset_detach", test_reset_detach},
        {"xalloc", test_xalloc},       CU_TEST_INFO_NULL,
};

CUTEST_MAIN("strbuf", tests)
