/*
 * test_json_stream.c - unit tests for core/read/json_stream.c: a text read
 * through the stream gives what the whole-text readers give of it (the
 * file read by source_read_file(), then json_validate() and
 * json_read_span() through json_read_buffer()): the same tree with the
 * same places, or the same messages. From memory, and from a file read in
 * pieces of 4 to 11 bytes, so that the boundaries between pieces fall in
 * every kind of token. The texts: one per message the readers have, and
 * thousands of mutations (bytes inserted, deleted, changed; the text cut)
 * of a document like a results document.
 */
#include "read/json_reader.h"
#include "read/json_stream.h"
#include "read/source.h"
#include "util/strbuf.h"
#include "cutest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* 1 when trees a and b are equal: kinds, places, texts, children. */
static int same_tree(const doc_node *a, const doc_node *b)
{
	size_t i;

	if (!a || !b)
		return a == b;
	if (a->kind != b->kind || a->line != b->line || a->col != b->col ||
	    a->count != b->count || a->quoted != b->quoted)
		return 0;
	if (a->kind == DOC_SCALAR)
		return a->len == b->len &&
		       memcmp(a->text, b->text, a->len) == 0;
	for (i = 0; i < a->count; i++)
		if ((a->kind == DOC_MAP &&
		     !same_tree(a->keys[i], b->keys[i])) ||
		    !same_tree(a->items[i], b->items[i]))
			return 0;
	return 1;
}

/* Every message of d, one a line, into sb. */
static void messages(const diag *d, strbuf *sb)
{
	size_t i;

	strbuf_reset(sb);
	for (i = 0; i < d->count; i++) {
		strbuf_puts(sb, d->items[i].text);
		strbuf_putc(sb, '\n');
	}
}

/* What one reader made of a text: its tree, or its messages. */
struct outcome {
	doc *tree; /* owned, or NULL */
	strbuf msgs;
};

/* The text's one value through the stream js (NULL: could not open):
 * the messages of its fatal problems, else of why the value is refused,
 * else its tree (copied out of the stream: a new doc). */
static void through_stream(json_stream *js, diag *fatal, struct outcome *o)
{
	diag sem = DIAG_INIT;
	doc *t = NULL;

	if (js) {
		t = json_stream_value(js, &sem);
		if (!json_stream_failed(js))
			json_stream_end(js);
	}
	if (!js || json_stream_failed(js)) {
		messages(fatal, &o->msgs);
	} else if (!t) {
		messages(&sem, &o->msgs);
	} else {
		/* the stream keeps its tree: take it */
		o->tree = t;
	}
	diag_free(&sem);
}

/* Whole-text reading of path's file (as rs_read_file() once did) or of
 * text in memory (as rs_read_buffer() did). */
static void whole(const char *path, const char *text, size_t len,
                  const doc_limits *lim, int from_file, struct outcome *o)
{
	diag d = DIAG_INIT;
	char *buf = NULL;
	size_t n = len;

	if (from_file && source_read_file(path, lim, &buf, &n, &d) < 0) {
		messages(&d, &o->msgs);
		diag_free(&d);
		return;
	}
	o->tree = json_read_buffer(path, from_file ? buf : text, n, lim, &d);
	if (!o->tree)
		messages(&d, &o->msgs);
	free(buf);
	diag_free(&d);
}

static char tmp_path[64];
static int failures;

/* Compares two outcomes of text; reports the first differences. */
static int agree(const char *how, const struct outcome *want,
                 const struct outcome *got, const char *text, size_t len)
{
	int ok = want->tree ? got->tree && same_tree(want->tree->root,
	                                             got->tree->root)
	                    : !got->tree && want->msgs.len == got->msgs.len &&
	                              memcmp(want->msgs.data, got->msgs.data,
	                                     want->msgs.len) == 0;

	if (!ok && failures++ < 5)
		fprintf(stderr,
		        "\n%s differs for <<%.*s>>:\nwant %s%s\ngot  %s%s\n",
		        how, (int)(len < 300 ? len : 300), text,
		        want->tree ? "a tree" : "", strbuf_str(&want->msgs),
		        got->tree ? "a tree" : "", strbuf_str(&got->msgs));
	return ok;
}

/* Reads text from memory and from a file in pieces of 4 to 11 bytes
 * (and the default), each compared with the whole-text readers. */
static int check_text(const char *text, size_t len, const doc_limits *lim)
{
	struct outcome want = {NULL, STRBUF_INIT}, got = {NULL, STRBUF_INIT};
	diag fatal = DIAG_INIT;
	json_stream *js;
	FILE *f;
	size_t chunk;
	int ok = 1;

	if (!*tmp_path)
		snprintf(tmp_path, sizeof(tmp_path), "/tmp/chiso-js-%ld.json",
		         (long)getpid());
	whole("t.json", text, len, lim, 0, &want);
	js = json_stream_open_buffer("t.json", text, len, lim, &fatal);
	through_stream(js, &fatal, &got);
	ok &= agree("memory", &want, &got, text, len);
	json_stream_close(js);
	diag_free(&fatal);
	doc_free(want.tree);
	want.tree = NULL;

	f = fopen(tmp_path, "wb");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
		return 0;
	whole(tmp_path, text, len, lim, 1, &want);
	for (chunk = 3; chunk <= 11; chunk++) {
		got.tree = NULL;
		strbuf_reset(&got.msgs);
		js = json_stream_open(tmp_path, lim, chunk == 3 ? 0 : chunk,
		                      &fatal);
		through_stream(js, &fatal, &got);
		ok &= agree("file", &want, &got, text, len);
		json_stream_close(js);
		diag_free(&fatal);
	}
	doc_free(want.tree);
	strbuf_release(&want.msgs);
	strbuf_release(&got.msgs);
	unlink(tmp_path);
	return ok;
}

/* Small limits, for texts to reach them. */
static doc_limits small_limits(void)
{
	doc_limits lim = doc_limits_data;

	lim.max_depth = 6;
	lim.max_nodes = 60;
	lim.max_scalar_bytes = 24;
	return lim;
}

/* One text per message, and texts that read well. */
static const char *const cases[] = {
        "",
        " ",
        "{",
        "[",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{\"a\"",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "[1 2]",
        "'x'",
        "{'a':1}",
        "x",
        "tru",
        "nul",
        "fals",
        "truex",
        "01",
        "-",
        "-x",
        "1.",
        "1.e5",
        "1e",
        "1e+",
        "1 2",
        "{} x",
        "\"abc",
        "\"a\\",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\\ud800\"",
        "\"\\ud83d\\ude00 \\u00e9 \\/ \\b\\f\\n\\r\\t \\\" \\\\\"",
        "\"a\tb\"",
        "\"a\nb\"",
        "\"\\u0000\"",
        "{\"a\\u0000\":1}",
        "{\"\\u0061\":1,\"a\":2}",
        "{\"a\":1,\"b\":2,\"a\":3}",
        "{\"k1\":1,\"k2\":1,\"k3\":1,\"k4\":1,\"k5\":1,\"k6\":1,\"k7\":1,"
        "\"k8\":1,\"k9\":1,\"k10\":1,\"k11\":1,\"k12\":1,\"k13\":1,"
        "\"k14\":1,\"k15\":1,\"k16\":1,\"k17\":1,\"k9\":2,\"k2\":2}",
        "1e999",
        "[-1e400]",
        "1e-400",
        "123456789012345678901234567890",
        "\"0123456789012345678901234\"",
        "[[[[[[[[1]]]]]]]]",
        "[{\"a\":[{\"b\":[{\"c\":[1]}]}]}]",
        "\xEF\xBB\xBF{\"a\": \"Tỉnh Yên Bái\",\n  \"b\": [1, 2.5, -3e-2]}",
        "\xEF\xBB\xBF",
        "\xFF\xFE{}",
        "{\"a\": \"x\xFFy\"}",
        "{\"a\": 1}\xC3",
        "{\"a\": \"\xC3\"}",
        "[1,\r\n\t2 ,\n  \"Huyện Yên Bình\" , true,false , null]",
        "{\"a\":{},\"b\":[],\"c\":{\"d\":[{}]}}",
        "  \n\n  {\"tên\": \"Xã Phú Thịnh\", \"điểm\": 0.8691696428571427}",
};

static void test_cases(void)
{
	doc_limits data = doc_limits_data, small = small_limits();
	size_t i;
	int ok = 1;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		ok &= check_text(cases[i], strlen(cases[i]), &data);
		ok &= check_text(cases[i], strlen(cases[i]), &small);
	}
	CU_ASSERT(ok);
}

/* NUL bytes in the text, which strlen() cannot carry. */
static void test_nul(void)
{
	static const char a[] = "{\"a\": \"x\0y\"}", b[] = "[1,\0 2]",
	                  c[] = "[1] \0", d[] = "{\"a\": \"\xFF\"}\0";
	doc_limits data = doc_limits_data;

	CU_ASSERT(check_text(a, sizeof(a) - 1, &data));
	CU_ASSERT(check_text(b, sizeof(b) - 1, &data));
	CU_ASSERT(check_text(c, sizeof(c) - 1, &data));
	CU_ASSERT(check_text(d, sizeof(d) - 1, &data));
}

/* Deep nesting: past the limit of a tree, past the grammar's 512. */
static void test_nesting(void)
{
	doc_limits data = doc_limits_data;
	strbuf sb = STRBUF_INIT;
	int depth, k;

	for (depth = 60; depth <= 520; depth += 460) {
		strbuf_reset(&sb);
		for (k = 0; k < depth; k++)
			strbuf_putc(&sb, '[');
		for (k = 0; k < depth; k++)
			strbuf_putc(&sb, ']');
		CU_ASSERT(check_text(sb.data, sb.len, &data));
		strbuf_putc(&sb, ']');
		CU_ASSERT(check_text(sb.data, sb.len, &data));
	}
	strbuf_release(&sb);
}

/* A document like a results document, mutated. */
static const char seed[] =
        "{\n"
        "  \"format\": 1,\n"
        "  \"model\": {\"id\": \"m\", \"title\": \"Bộ chỉ số\", "
        "\"nodes\": [{\"id\": \"1\", \"points\": 60, \"parent\": null}]},\n"
        "  \"units\": [\n"
        "    {\n"
        "      \"unit\": {\"code\": \"YB.01\", \"name\": \"Xã Âu Lâu\"},\n"
        "      \"status\": \"ok\", \"points\": 75.01111111111112, "
        "\"max\": 100, \"value\": 0.7501111111111112,\n"
        "      \"nodes\": [\n"
        "        {\"id\": \"1.1\", \"points\": 10, \"max\": 10, \"value\": "
        "1, \"status\": \"ok\", \"inputs\": [\"x1\"], \"note\": \"81 >= "
        "80 -> 1 \\u00e9\\n\"},\n"
        "        {\"id\": \"1.2\", \"raw\": 1e-07, \"fraction\": -0.5e+3, "
        "\"ok\": true, \"no\": false, \"none\": null}\n"
        "      ],\n"
        "      \"values\": {\"x1\": 81, \"x2\": {\"value\": \"có\", "
        "\"evidence\": \"QĐ 12/2023\"}},\n"
        "      \"problems\": []\n"
        "    }\n"
        "  ]\n"
        "}\n";

static void test_mutations(void)
{
	static const char *const bits[] = {
	        "\"",   "\\",   "{", "}", "[",     "]",    ",",   ":",
	        " ",    "\n",   "0", "-", "e",     ".",    "\\u", "\\ud800",
	        "\xFF", "\xC3", "'", "x", "1e999", "null", "é",   "\t",
	};
	doc_limits data = doc_limits_data, small = small_limits();
	size_t len = sizeof(seed) - 1;
	char *text = xmalloc(len + 64);
	unsigned s = 7;
	int i, ok = 1;

	for (i = 0; i < 1500 && ok; i++) {
		size_t n = len, at, k;
		const char *b;

		memcpy(text, seed, len);
		s = s * 1103515245u + 12345u;
		at = (s >> 8) % (len + 1);
		switch ((s >> 4) % 4) {
		case 0: /* insert */
			b = bits[(s >> 20) % (sizeof(bits) / sizeof(*bits))];
			k = strlen(b);
			memmove(text + at + k, text + at, len - at);
			memcpy(text + at, b, k);
			n = len + k;
			break;
		case 1: /* delete */
			k = 1 + (s >> 24) % 8;
			if (at + k > len)
				k = len - at;
			memmove(text + at, text + at + k, len - at - k);
			n = len - k;
			break;
		case 2: /* cut */
			n = at;
			break;
		default: /* change a byte */
			if (at < len)
				text[at] = (char)(s >> 16);
			break;
		}
		ok &= check_text(text, n, i % 2 ? &small : &data);
	}
	free(text);
	CU_ASSERT(ok);
}

/* The stream's walk of a top-level object: keys as written, places,
 * capture, mark and seek back; the same from a pipe-like stream is
 * covered by the results tests (tests/cli/results-chunks.sh). */
static void test_walk(void)
{
	static const char text[] = "{\"a\\u0062\": 1, \"units\": [ {\"x\": 1}, "
	                           "[2] ], \"z\": \"t\"}";
	doc_limits lim = doc_limits_data;
	diag d = DIAG_INIT, sem = DIAG_INIT;
	json_stream *js;
	json_mark at, units;
	const char *key, *cap;
	size_t len;
	doc *t;

	js = json_stream_open_buffer("t.json", text, sizeof(text) - 1, &lim,
	                             &d);
	CU_ASSERT_EQUAL(json_stream_peek(js, &at), '{');
	CU_ASSERT_EQUAL(json_stream_enter(js), 0);
	CU_ASSERT_EQUAL(json_stream_next(js, &key, &len, &at), 1);
	CU_ASSERT(len == 7 && memcmp(key, "a\\u0062", 7) == 0);
	CU_ASSERT(at.line == 1 && at.col == 2);
	CU_ASSERT_EQUAL(json_stream_skip(js), 0);
	CU_ASSERT_EQUAL(json_stream_next(js, &key, &len, &at), 1);
	CU_ASSERT_EQUAL(json_stream_mark(js, &units), '[');
	CU_ASSERT_EQUAL(units.col, 25);
	CU_ASSERT_EQUAL(json_stream_enter(js), 0);
	CU_ASSERT_EQUAL(json_stream_next(js, NULL, NULL, NULL), 1);
	json_stream_capture(js);
	t = json_stream_value(js, &sem);
	CU_ASSERT(t && t->root->kind == DOC_MAP && t->root->col == 27);
	cap = json_stream_captured(js, &len);
	CU_ASSERT(len == 8 && memcmp(cap, "{\"x\": 1}", 8) == 0);
	CU_ASSERT_EQUAL(json_stream_next(js, NULL, NULL, NULL), 1);
	CU_ASSERT_EQUAL(json_stream_skip(js), 0);
	CU_ASSERT_EQUAL(json_stream_next(js, NULL, NULL, NULL), 0);
	CU_ASSERT_EQUAL(json_stream_next(js, &key, &len, NULL), 1);
	CU_ASSERT_EQUAL(json_stream_skip(js), 0);
	CU_ASSERT_EQUAL(json_stream_next(js, &key, &len, NULL), 0);
	CU_ASSERT_EQUAL(json_stream_end(js), 0);
	CU_ASSERT_EQUAL(json_stream_seek(js, &units), 0);
	CU_ASSERT_EQUAL(json_stream_enter(js), 0);
	CU_ASSERT_EQUAL(json_stream_next(js, NULL, NULL, NULL), 1);
	t = json_stream_value(js, &sem);
	CU_ASSERT(t && t->root->line == 1 && t->root->col == 27);
	CU_ASSERT_EQUAL(d.count + sem.count, 0);
	json_stream_close(js);
	diag_free(&d);
	diag_free(&sem);
}

static CU_TestInfo tests[] = {
        {"cases", test_cases},     {"nul", test_nul},
        {"nesting", test_nesting}, {"mutations", test_mutations},
        {"walk", test_walk},       CU_TEST_INFO_NULL,
};

CUTEST_MAIN("json_stream", tests)
