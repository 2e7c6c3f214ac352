/*
 * test_json_reader.c - unit tests for core/read/json_reader.c: the same tree
 * as the YAML reader, with positions, numbers as written, and the
 * refusals (duplicate keys, trailing text, bad UTF-8, NUL, limits).
 */
#include "read/json_reader.h"
#include "cutest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses text (strlen bytes) as "test.json" with limits. */
static doc *rd(const char *text, const doc_limits *lim, diag *d)
{
	return json_read_buffer("test.json", text, strlen(text), lim, d);
}

/*
 * 1 when one entry of d matches want, a message "PLACE: TEXT; HINT": the
 * entry must start with PLACE (up to its first ": ", so the line and
 * column are checked exactly) and TEXT (up to the first ';'), so that a hint
 * may be reworded without breaking the test.
 */
static int has_msg(const diag *d, const char *want)
{
	const char *sep = strstr(want, ": ");
	size_t plen = sep ? (size_t)(sep - want) + 2 : 0;
	size_t tlen = strcspn(want + plen, ";");
	char place[256], text[512];
	size_t i;

	if (plen >= sizeof(place) || tlen >= sizeof(text))
		return 0;
	memcpy(place, want, plen);
	place[plen] = '\0';
	memcpy(text, want + plen, tlen);
	text[tlen] = '\0';
	for (i = 0; i < d->count; i++)
		if (strncmp(d->items[i].text, place, plen) == 0 &&
		    strstr(d->items[i].text + plen, text))
			return 1;
	return 0;
}

/* Reads len bytes of text expecting failure; 1 when exactly one error
 * was reported and it contains want. */
static int fails_with_len(const char *text, size_t len, const doc_limits *lim,
                          const char *want)
{
	diag d = DIAG_INIT;
	doc *x = json_read_buffer("test.json", text, len, lim, &d);
	int ok = x == NULL && d.errors == 1 && has_msg(&d, want);

	if (!ok) {
		fprintf(stderr, "\nexpected '%s' for <<%.*s>>, got %s:\n", want,
		        (int)len, text, x ? "a document" : "no document");
		diag_print(&d, stderr);
	}
	doc_free(x);
	diag_free(&d);
	return ok;
}

static int fails_with(const char *text, const doc_limits *lim, const char *want)
{
	return fails_with_len(text, strlen(text), lim, want);
}

/* A small limits set for the limit tests. */
static doc_limits small_limits(void)
{
	doc_limits lim = doc_limits_data;

	lim.max_depth = 2;
	lim.max_nodes = 5;
	lim.max_scalar_bytes = 4;
	return lim;
}

/* Objects, arrays and scalars with the line:col of keys and values. */
static void test_tree_positions(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("{\"a\": 170, \"b\": 0.62,\n"
	            "  \"c\": [1e3, true, false, null],\n"
	            "  \"d\": {\"e\": \"x\\u00e9\"}}",
	            &doc_limits_data, &d);
	const doc_node *r, *n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	CU_ASSERT_STRING_EQUAL(x->path, "test.json");
	r = x->root;
	CU_ASSERT_EQUAL(r->kind, DOC_MAP);
	CU_ASSERT_EQUAL(r->line, 1);
	CU_ASSERT_EQUAL(r->col, 1);
	CU_ASSERT_EQUAL_FATAL(r->count, 4);
	/* keys: quoted, positioned at their opening quote */
	CU_ASSERT_STRING_EQUAL(r->keys[0]->text, "a");
	CU_ASSERT_EQUAL(r->keys[0]->quoted, 1);
	CU_ASSERT_EQUAL(r->keys[0]->line, 1);
	CU_ASSERT_EQUAL(r->keys[0]->col, 2);
	CU_ASSERT_EQUAL(r->keys[1]->col, 12);
	CU_ASSERT_EQUAL(r->keys[2]->line, 2);
	CU_ASSERT_EQUAL(r->keys[2]->col, 3);
	CU_ASSERT_EQUAL(r->keys[3]->line, 3);
	CU_ASSERT_EQUAL(r->keys[3]->col, 3);
	/* numbers as written, plain */
	n = doc_get(r, "a");
	CU_ASSERT_EQUAL(n->kind, DOC_SCALAR);
	CU_ASSERT_STRING_EQUAL(n->text, "170");
	CU_ASSERT_EQUAL(n->len, 3);
	CU_ASSERT_EQUAL(n->quoted, 0);
	CU_ASSERT_EQUAL(n->line, 1);
	CU_ASSERT_EQUAL(n->col, 7);
	n = doc_get(r, "b");
	CU_ASSERT_STRING_EQUAL(n->text, "0.62");
	CU_ASSERT_EQUAL(n->quoted, 0);
	CU_ASSERT_EQUAL(n->col, 17);
	n = doc_get(r, "c");
	CU_ASSERT_EQUAL(n->kind, DOC_SEQ);
	CU_ASSERT_EQUAL(n->line, 2);
	CU_ASSERT_EQUAL(n->col, 8);
	CU_ASSERT_EQUAL_FATAL(n->count, 4);
	CU_ASSERT_STRING_EQUAL(n->items[0]->text, "1e3");
	CU_ASSERT_EQUAL(n->items[0]->col, 9);
	CU_ASSERT_STRING_EQUAL(n->items[1]->text, "true");
	CU_ASSERT_EQUAL(n->items[1]->quoted, 0);
	CU_ASSERT_EQUAL(n->items[1]->col, 14);
	CU_ASSERT_STRING_EQUAL(n->items[2]->text, "false");
	CU_ASSERT_EQUAL(n->items[2]->quoted, 0);
	CU_ASSERT_EQUAL(n->items[2]->col, 20);
	CU_ASSERT_STRING_EQUAL(n->items[3]->text, "null");
	CU_ASSERT_EQUAL(n->items[3]->quoted, 0);
	CU_ASSERT_EQUAL(n->items[3]->col, 27);
	n = doc_get(r, "d");
	CU_ASSERT_EQUAL(n->kind, DOC_MAP);
	CU_ASSERT_EQUAL(n->line, 3);
	CU_ASSERT_EQUAL(n->col, 8);
	CU_ASSERT_EQUAL(n->keys[0]->col, 9);
	n = doc_get(n, "e");
	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	/* strings: decoded, quoted */
	CU_ASSERT_STRING_EQUAL(n->text, "x\xc3\xa9");
	CU_ASSERT_EQUAL(n->len, 3);
	CU_ASSERT_EQUAL(n->quoted, 1);
	CU_ASSERT_EQUAL(n->line, 3);
	CU_ASSERT_EQUAL(n->col, 14);
	/* 4 keys + 4 values + 4 items + 1 key + 1 value + root */
	CU_ASSERT_EQUAL(x->nodes, 15);
	doc_free(x);
	diag_free(&d);
}

/* Numbers keep their text exactly; escapes are decoded in strings. */
static void test_numbers_and_strings(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("[-1.5E+3, -0, 0.1000, 12345678901234567890, \"a\\\"b\", "
	            "\"c\\\\\", \"\\t\", \"\\\\u0000\"]",
	            &doc_limits_data, &d);
	const doc_node *r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	r = x->root;
	CU_ASSERT_EQUAL_FATAL(r->count, 8);
	CU_ASSERT_STRING_EQUAL(r->items[0]->text, "-1.5E+3");
	CU_ASSERT_STRING_EQUAL(r->items[1]->text, "-0");
	CU_ASSERT_STRING_EQUAL(r->items[2]->text, "0.1000");
	CU_ASSERT_STRING_EQUAL(r->items[3]->text, "12345678901234567890");
	CU_ASSERT_STRING_EQUAL(r->items[4]->text, "a\"b");
	CU_ASSERT_EQUAL(r->items[4]->col, 45);
	CU_ASSERT_STRING_EQUAL(r->items[5]->text, "c\\");
	CU_ASSERT_EQUAL(r->items[5]->col, 53);
	CU_ASSERT_STRING_EQUAL(r->items[6]->text, "\t");
	CU_ASSERT_EQUAL(r->items[6]->col, 60);
	/* an escaped backslash before u0000 is not a NUL */
	CU_ASSERT_STRING_EQUAL(r->items[7]->text, "\\u0000");
	doc_free(x);
	diag_free(&d);
}

/* Columns count code points. */
static void test_columns_in_code_points(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("{\"t\xc3\xaan\": \"H\xc3\xa0\", \"b\": 1}",
	            &doc_limits_data, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL_FATAL(x->root->count, 2);
	CU_ASSERT_STRING_EQUAL(x->root->keys[0]->text, "t\xc3\xaan");
	CU_ASSERT_EQUAL(x->root->items[0]->col, 9);
	CU_ASSERT_EQUAL(x->root->keys[1]->col, 15);
	CU_ASSERT_EQUAL(x->root->items[1]->col, 20);
	doc_free(x);
	diag_free(&d);
}

/* Duplicate keys, at the second key. */
static void test_duplicate_keys(void)
{
	CU_ASSERT(fails_with("{\"a\": 1, \"a\": 2}", &doc_limits_data,
	                     "test.json:1:10: duplicate key 'a'; each key may "
	                     "appear once"));
	CU_ASSERT(fails_with("{\"x\": {\"b\": 1,\n  \"b\": 2}}",
	                     &doc_limits_data,
	                     "test.json:2:3: duplicate key 'b'"));
	CU_ASSERT(fails_with("{\"a\": \"\xc3\xa9\", \"b\": 1, \"b\": 2}",
	                     &doc_limits_data,
	                     "test.json:1:20: duplicate key 'b'"));
}

/* One value per file. */
static void test_trailing_text(void)
{
	CU_ASSERT(fails_with("{\"a\": 1} x", &doc_limits_data,
	                     "test.json:1:10: unexpected text after the JSON "
	                     "value; a file holds one value"));
	CU_ASSERT(fails_with("{\"a\": 1}\n\n  {\"b\": 2}\n", &doc_limits_data,
	                     "test.json:3:3: unexpected text after the JSON "
	                     "value"));
	/* trailing whitespace is fine */
	{
		diag d = DIAG_INIT;
		doc *x = rd("{\"a\": 1}\n \t\r\n", &doc_limits_data, &d);

		CU_ASSERT_PTR_NOT_NULL(x);
		CU_ASSERT_EQUAL(d.count, 0);
		doc_free(x);
		diag_free(&d);
	}
}

/* Invalid JSON is reported where cJSON stopped. */
static void test_invalid_json(void)
{
	CU_ASSERT(fails_with("{\"a\": 1,\n \"b\": }", &doc_limits_data,
	                     "test.json:2:7: invalid JSON"));
	CU_ASSERT(fails_with("", &doc_limits_data,
	                     "test.json:1:1: invalid JSON: unexpected end of "
	                     "file"));
	CU_ASSERT(fails_with("{\"a\": tru}", &doc_limits_data,
	                     "test.json:1:7: invalid JSON"));
	CU_ASSERT(fails_with("{\"a\": 1e999}", &doc_limits_data,
	                     "test.json:1:7: number 1e999 is out of range "
	                     "(the largest number is about 1.8e308)"));
}

/* A truncated file: the end of the file, at the position after the last
 * byte. (cJSON 1.7 clamps its error position to len - 1; the reader
 * must still tell a truncated file from a bad last character.) */
static void test_truncated_json(void)
{
	CU_ASSERT(fails_with("[1, 2", &doc_limits_data,
	                     "test.json:1:6: invalid JSON: unexpected end of "
	                     "file"));
	CU_ASSERT(fails_with("{\"a\": {\"b\": 1}", &doc_limits_data,
	                     "test.json:1:15: invalid JSON: unexpected end of "
	                     "file"));
	/* a bad last character is not the end of the file */
	CU_ASSERT(fails_with("[1, 2}", &doc_limits_data,
	                     "test.json:1:6: invalid JSON"));
}

/* A UTF-8 byte order mark is skipped. */
static void test_bom(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("\xef\xbb\xbf{\"a\": 1}", &doc_limits_data, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	CU_ASSERT_EQUAL(x->root->kind, DOC_MAP);
	CU_ASSERT_EQUAL(x->root->col, 1);
	CU_ASSERT_STRING_EQUAL(doc_get(x->root, "a")->text, "1");
	CU_ASSERT_EQUAL(doc_get(x->root, "a")->col, 7);
	doc_free(x);
	diag_free(&d);
}

/* Bad UTF-8 anywhere is refused at its position. */
static void test_invalid_utf8(void)
{
	CU_ASSERT(fails_with("{\"a\": \"\xff\"}", &doc_limits_data,
	                     "test.json:1:8: invalid UTF-8 byte 0xFF; save the "
	                     "file as UTF-8"));
	CU_ASSERT(fails_with("{\"a\": 1,\n \"\xc3\xa9\xc3\": 2}",
	                     &doc_limits_data,
	                     "test.json:2:4: invalid UTF-8 byte 0xC3"));
	/* overlong encoding of '/' */
	CU_ASSERT(fails_with("[\"\xc0\xaf\"]", &doc_limits_data,
	                     "test.json:1:3: invalid UTF-8 byte 0xC0"));
}

/* NUL: as a raw byte and as the escape \u0000 (which cJSON would cut
 * the string at). */
static void test_nul(void)
{
	static const char raw[] = "{\"a\": \"x\0y\"}";

	CU_ASSERT(fails_with("{\"a\": \"x\\u0000y\"}", &doc_limits_data,
	                     "test.json:1:7: value contains a NUL character"));
	CU_ASSERT(fails_with_len(raw, sizeof(raw) - 1, &doc_limits_data,
	                         "test.json:1:9: NUL byte in JSON text"));
}

/*
 * Regression (fixed in core/read/json_reader.c:130-132, scan_container): the key of an
 * object goes through skip_string() without checking its result, so
 * "\u0000" in a KEY is not refused: cJSON cuts the key at the NUL and
 * {"a\u0000b": 1} loads as {"a": 1} without a word. Values are
 * checked (test_nul above).
 */
static void test_nul_in_key(void)
{
	CU_ASSERT(fails_with("{\"a\\u0000b\": 1}", &doc_limits_data,
	                     "test.json:1:2: NUL"));
}

/* Nesting deeper than max_depth is refused at the container. */
static void test_depth_limit(void)
{
	doc_limits lim = small_limits();
	diag d = DIAG_INIT;
	doc *x = rd("{\"a\": {\"b\": 1}}", &lim, &d);

	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	doc_free(x);
	diag_free(&d);
	CU_ASSERT(fails_with("{\"a\": {\"b\": {\"c\": 1}}}", &lim,
	                     "test.json:1:13: nesting deeper than 2 levels"));
	CU_ASSERT(fails_with("[[[1]]]", &lim,
	                     "test.json:1:3: nesting deeper than 2 levels"));
}

/* Node count limit. */
static void test_node_limit(void)
{
	doc_limits lim = small_limits();
	diag d = DIAG_INIT;
	doc *x = rd("[1, 2, 3, 4]", &lim, &d);

	CU_ASSERT_PTR_NOT_NULL(x);
	if (x)
		CU_ASSERT_EQUAL(x->nodes, 5);
	doc_free(x);
	diag_free(&d);
	CU_ASSERT(fails_with("[1, 2, 3, 4, 5]", &lim,
	                     "test.json:1:14: too many values, mappings and "
	                     "lists: the limit for a data file is 5"));
}

/* Scalar length limit: keys are reported at the key. */
static void test_scalar_limit(void)
{
	doc_limits lim = small_limits();
	diag d = DIAG_INIT;
	doc *x = rd("{\"a\": \"abcd\"}", &lim, &d);

	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	doc_free(x);
	diag_free(&d);
	CU_ASSERT(
	        fails_with("{\"abcde\": 1}", &lim,
	                   "test.json:1:2: value too long: 5 bytes, the limit "
	                   "is 4"));
}

/*
 * Regression (fixed in core/read/json_reader.c:97-99): scalar_node() reports "value too long"
 * with fail_here(), at the cursor, which for a string or number VALUE
 * has already been moved past it by skip_string()/skip_atom(). The
 * error points after the value (1:17, at the '}') instead of at it
 * (1:7), unlike the YAML reader and unlike every other JSON error.
 */
static void test_scalar_limit_value_position(void)
{
	doc_limits lim = small_limits();

	CU_ASSERT(fails_with("{\"a\": \"abcdefgh\"}", &lim,
	                     "test.json:1:7: value too long: 8 bytes, the "
	                     "limit is 4"));
	CU_ASSERT(fails_with("[123456]", &lim,
	                     "test.json:1:2: value too long: 6 bytes"));
}

/* File size limit. */
static void test_file_limit(void)
{
	doc_limits lim = small_limits();

	lim.max_file_bytes = 8;
	CU_ASSERT(fails_with("{\"a\": 10}", &lim,
	                     "test.json: file too large (9 bytes): the limit "
	                     "for a data file is 8 bytes; raise it with "
	                     "--max-file-mb N"));
}

/* A scalar can be the root; the buffer need not be NUL-terminated. */
static void test_scalar_root_and_length(void)
{
	static const char text[] = "[1, 2]garbage";
	diag d = DIAG_INIT;
	doc *x = rd("  \"hello\"  ", &doc_limits_data, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL(x->root->kind, DOC_SCALAR);
	CU_ASSERT_STRING_EQUAL(x->root->text, "hello");
	CU_ASSERT_EQUAL(x->root->quoted, 1);
	CU_ASSERT_EQUAL(x->root->col, 3);
	doc_free(x);
	x = json_read_buffer("test.json", text, 6, &doc_limits_data, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	CU_ASSERT_EQUAL(x->root->count, 2);
	doc_free(x);
	diag_free(&d);
}

/* Empty containers. */
static void test_empty_containers(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("{\"a\": {}, \"b\": []}", &doc_limits_data, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL(doc_get(x->root, "a")->kind, DOC_MAP);
	CU_ASSERT_EQUAL(doc_get(x->root, "a")->count, 0);
	CU_ASSERT_EQUAL(doc_get(x->root, "b")->kind, DOC_SEQ);
	CU_ASSERT_EQUAL(doc_get(x->root, "b")->count, 0);
	CU_ASSERT_EQUAL(x->root->keys[1]->col, 11);
	doc_free(x);
	diag_free(&d);
}

/*
 * A \u escape of a lone UTF-16 surrogate is no character: cJSON refuses
 * it, and the reader said "nested too deeply or out of memory". It is
 * named, at the escape; a high-low pair is one character.
 */
static void test_lone_surrogates(void)
{
	diag d = DIAG_INIT;
	doc *x;

	CU_ASSERT(fails_with("{\"a\": \"x\\ud800\"}", &doc_limits_data,
	                     "test.json:1:9: invalid \\u escape: lone "
	                     "surrogate U+D800"));
	CU_ASSERT(fails_with("[\"\\uDC00\"]", &doc_limits_data,
	                     "test.json:1:3: invalid \\u escape: lone "
	                     "surrogate U+DC00"));
	/* a high surrogate followed by another escape, or by text */
	CU_ASSERT(fails_with("{\"a\":\n \"\\ud800\\u0041\"}", &doc_limits_data,
	                     "test.json:2:3: invalid \\u escape: lone "
	                     "surrogate U+D800"));
	CU_ASSERT(fails_with("[\"\\udbff\\udbff\"]", &doc_limits_data,
	                     "test.json:1:3: invalid \\u escape: lone "
	                     "surrogate U+DBFF"));
	CU_ASSERT(fails_with("[\"\\ud800x\"]", &doc_limits_data,
	                     "test.json:1:3: invalid \\u escape: lone "
	                     "surrogate U+D800"));
	/* in a key too */
	CU_ASSERT(fails_with("{\"\\udfff\": 1}", &doc_limits_data,
	                     "test.json:1:3: invalid \\u escape: lone "
	                     "surrogate U+DFFF"));
	/* a pair is one character (U+1F600), in either case */
	x = rd("[\"\\ud83d\\ude00\", \"\\uD83D\\uDE00!\"]", &doc_limits_data,
	       &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_STRING_EQUAL(x->root->items[0]->text, "\xf0\x9f\x98\x80");
	CU_ASSERT_STRING_EQUAL(x->root->items[1]->text, "\xf0\x9f\x98\x80!");
	CU_ASSERT_EQUAL(d.errors, 0);
	doc_free(x);
	diag_free(&d);
}

/* json_position counts lines and code points. */
static void test_json_position(void)
{
	const char *s = "ab\n\xc3\xa9x\ny";
	unsigned line, col;

	json_position(s, 0, &line, &col);
	CU_ASSERT_EQUAL(line, 1);
	CU_ASSERT_EQUAL(col, 1);
	json_position(s, 2, &line, &col);
	CU_ASSERT_EQUAL(line, 1);
	CU_ASSERT_EQUAL(col, 3);
	json_position(s, 5, &line, &col); /* the x after é */
	CU_ASSERT_EQUAL(line, 2);
	CU_ASSERT_EQUAL(col, 2);
	json_position(s, 7, &line, &col);
	CU_ASSERT_EQUAL(line, 3);
	CU_ASSERT_EQUAL(col, 1);
}

static CU_TestInfo tests[] = {
        {"tree and positions", test_tree_positions},
        {"numbers and strings", test_numbers_and_strings},
        {"columns in code points", test_columns_in_code_points},
        {"duplicate keys", test_duplicate_keys},
        {"trailing text", test_trailing_text},
        {"invalid JSON", test_invalid_json},
        {"truncated JSON", test_truncated_json},
        {"BOM skipped", test_bom},
        {"invalid UTF-8", test_invalid_utf8},
        {"NUL refused", test_nul},
        {"regression: NUL in a key", test_nul_in_key},
        {"depth limit", test_depth_limit},
        {"node limit", test_node_limit},
        {"scalar limit", test_scalar_limit},
        {"regression: scalar limit position", test_scalar_limit_value_position},
        {"file limit", test_file_limit},
        {"scalar root, length", test_scalar_root_and_length},
        {"empty containers", test_empty_containers},
        {"json_position", test_json_position},
        {"lone surrogates", test_lone_surrogates},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("json_reader", tests)
