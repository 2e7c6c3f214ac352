/*
 * test_yaml_reader.c - unit tests for core/read/yaml_reader.c: the tree and
 * its 1-based positions, the refused YAML features, the limits and the
 * error messages.
 */
#include "read/yaml_reader.h"
#include "cutest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses text (strlen bytes) as "test.yaml" with limits. */
static doc *rd(const char *text, const doc_limits *lim, diag *d)
{
	return yaml_read_buffer("test.yaml", text, strlen(text), lim, d);
}

/* 1 when some entry of d contains text. */
static int has(const diag *d, const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (strstr(d->items[i].text, text))
			return 1;
	return 0;
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

/* Reads text expecting failure; returns 1 when exactly one error was
 * reported and it contains want. */
static int fails_with(const char *text, const doc_limits *lim, const char *want)
{
	diag d = DIAG_INIT;
	doc *x = rd(text, lim, &d);
	int ok = x == NULL && d.errors == 1 && has_msg(&d, want);

	if (!ok) {
		fprintf(stderr, "\nexpected '%s' for <<%s>>, got:\n", want,
		        text);
		diag_print(&d, stderr);
	}
	doc_free(x);
	diag_free(&d);
	return ok;
}

/* A small limits set for the limit tests. */
static doc_limits small_limits(void)
{
	doc_limits lim = doc_limits_model;

	lim.max_depth = 2;
	lim.max_nodes = 5;
	lim.max_scalar_bytes = 4;
	lim.max_file_bytes = 64;
	return lim;
}

/* Maps, lists and scalars with their 1-based line:col. */
static void test_tree_positions(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("a: 1\n"
	            "b: \"x\"\n"
	            "c: [1, two]\n"
	            "d:\n"
	            "  - e: f\n",
	            &doc_limits_model, &d);
	const doc_node *r, *n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	CU_ASSERT_STRING_EQUAL(x->path, "test.yaml");
	r = x->root;
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->kind, DOC_MAP);
	CU_ASSERT_EQUAL(r->line, 1);
	CU_ASSERT_EQUAL(r->col, 1);
	CU_ASSERT_EQUAL_FATAL(r->count, 4);
	CU_ASSERT_STRING_EQUAL(r->keys[0]->text, "a");
	CU_ASSERT_STRING_EQUAL(r->keys[1]->text, "b");
	CU_ASSERT_STRING_EQUAL(r->keys[2]->text, "c");
	CU_ASSERT_STRING_EQUAL(r->keys[3]->text, "d");
	CU_ASSERT_EQUAL(r->keys[2]->line, 3);
	CU_ASSERT_EQUAL(r->keys[2]->col, 1);
	/* a: 1 */
	n = doc_get(r, "a");
	CU_ASSERT_PTR_EQUAL(n, r->items[0]);
	CU_ASSERT_EQUAL(n->kind, DOC_SCALAR);
	CU_ASSERT_STRING_EQUAL(n->text, "1");
	CU_ASSERT_EQUAL(n->len, 1);
	CU_ASSERT_EQUAL(n->line, 1);
	CU_ASSERT_EQUAL(n->col, 4);
	CU_ASSERT_EQUAL(n->quoted, 0);
	/* b: "x" */
	n = doc_get(r, "b");
	CU_ASSERT_STRING_EQUAL(n->text, "x");
	CU_ASSERT_EQUAL(n->line, 2);
	CU_ASSERT_EQUAL(n->col, 4);
	CU_ASSERT_EQUAL(n->quoted, 1);
	/* c: [1, two] */
	n = doc_get(r, "c");
	CU_ASSERT_EQUAL(n->kind, DOC_SEQ);
	CU_ASSERT_EQUAL(n->line, 3);
	CU_ASSERT_EQUAL(n->col, 4);
	CU_ASSERT_EQUAL_FATAL(n->count, 2);
	CU_ASSERT_PTR_NULL(n->keys);
	CU_ASSERT_STRING_EQUAL(n->items[0]->text, "1");
	CU_ASSERT_EQUAL(n->items[0]->col, 5);
	CU_ASSERT_STRING_EQUAL(n->items[1]->text, "two");
	CU_ASSERT_EQUAL(n->items[1]->line, 3);
	CU_ASSERT_EQUAL(n->items[1]->col, 8);
	/* d: - e: f */
	n = doc_get(r, "d");
	CU_ASSERT_EQUAL(n->kind, DOC_SEQ);
	CU_ASSERT_EQUAL(n->line, 5);
	CU_ASSERT_EQUAL(n->col, 3);
	CU_ASSERT_EQUAL_FATAL(n->count, 1);
	n = n->items[0];
	CU_ASSERT_EQUAL(n->kind, DOC_MAP);
	CU_ASSERT_EQUAL(n->line, 5);
	CU_ASSERT_EQUAL(n->col, 5);
	CU_ASSERT_EQUAL(n->keys[0]->col, 5);
	CU_ASSERT_STRING_EQUAL(doc_get(n, "e")->text, "f");
	CU_ASSERT_EQUAL(doc_get(n, "e")->col, 8);
	CU_ASSERT_PTR_NULL(doc_get(r, "zzz"));
	CU_ASSERT_PTR_NULL(doc_get(doc_get(r, "a"), "a"));
	/* 4 keys, 4 values, 2 + 1 items, 1 key + 1 value inside: 14 */
	CU_ASSERT_EQUAL(x->nodes, 14);
	doc_free(x);
	diag_free(&d);
}

/* Columns count code points, not bytes. */
static void test_columns_in_code_points(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("{t\xc3\xaan: \"H\xc3\xa0\", b: 1}", &doc_limits_model, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL_FATAL(x->root->count, 2);
	CU_ASSERT_EQUAL(x->root->keys[0]->col, 2);
	CU_ASSERT_EQUAL(x->root->items[0]->col, 7);
	CU_ASSERT_STRING_EQUAL(x->root->items[0]->text, "H\xc3\xa0");
	CU_ASSERT_EQUAL(x->root->items[0]->len, 3);
	CU_ASSERT_EQUAL(x->root->keys[1]->col, 13);
	CU_ASSERT_EQUAL(x->root->items[1]->col, 16);
	doc_free(x);
	diag_free(&d);
}

/* Quoted and block scalars are flagged quoted; plain ones are not. */
static void test_quoted_flag(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("a: \"x\"\n"
	            "b: 'it''s'\n"
	            "c: z\n"
	            "d: |\n"
	            "  line1\n"
	            "  line2\n"
	            "e: 12\n"
	            "f: \"12\"\n"
	            "g: ~\n",
	            &doc_limits_model, &d);
	const doc_node *r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	r = x->root;
	CU_ASSERT_EQUAL(doc_get(r, "a")->quoted, 1);
	CU_ASSERT_EQUAL(doc_get(r, "b")->quoted, 1);
	CU_ASSERT_STRING_EQUAL(doc_get(r, "b")->text, "it's");
	CU_ASSERT_EQUAL(doc_get(r, "c")->quoted, 0);
	CU_ASSERT_EQUAL(doc_get(r, "d")->quoted, 1);
	CU_ASSERT_STRING_EQUAL(doc_get(r, "d")->text, "line1\nline2\n");
	CU_ASSERT_EQUAL(doc_get(r, "d")->len, 12);
	CU_ASSERT_EQUAL(doc_get(r, "e")->quoted, 0);
	CU_ASSERT_STRING_EQUAL(doc_get(r, "e")->text, "12");
	CU_ASSERT_EQUAL(doc_get(r, "f")->quoted, 1);
	CU_ASSERT_STRING_EQUAL(doc_get(r, "f")->text, "12");
	CU_ASSERT_EQUAL(doc_get(r, "g")->quoted, 0);
	CU_ASSERT_STRING_EQUAL(doc_get(r, "g")->text, "~");
	CU_ASSERT_EQUAL(r->keys[0]->quoted, 0);
	doc_free(x);
	diag_free(&d);
}

/* The buffer need not be NUL-terminated: only len bytes are read. */
static void test_length_not_nul(void)
{
	diag d = DIAG_INIT;
	const char text[] = "a: 1XYZ: 2";
	doc *x = yaml_read_buffer("test.yaml", text, 4, &doc_limits_model, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL_FATAL(x->root->count, 1);
	CU_ASSERT_STRING_EQUAL(doc_get(x->root, "a")->text, "1");
	doc_free(x);
	diag_free(&d);
}

/* Anchors are refused at the anchored node. */
static void test_anchor(void)
{
	CU_ASSERT(fails_with("a: &x 1\n", &doc_limits_model,
	                     "test.yaml:1:4: anchors (&x) are not supported; "
	                     "write the value out in full"));
	CU_ASSERT(fails_with("a: 1\nb: &m {c: 1}\n", &doc_limits_model,
	                     "test.yaml:2:4: anchors (&m) are not supported"));
	CU_ASSERT(fails_with("a: &s [1]\n", &doc_limits_model,
	                     "test.yaml:1:4: anchors (&s)"));
}

/* Aliases are refused at the alias. */
static void test_alias(void)
{
	CU_ASSERT(fails_with("a: 1\nb: *x\n", &doc_limits_model,
	                     "test.yaml:2:4: aliases (*x) are not supported; "
	                     "write the value out in full"));
}

/* Explicit tags are refused; implicit typing is fine. */
static void test_tags(void)
{
	CU_ASSERT(fails_with("a: !!str 1\n", &doc_limits_model,
	                     "test.yaml:1:4: tags (tag:yaml.org,2002:str) are "
	                     "not supported; remove the tag"));
	CU_ASSERT(fails_with("a: !foo x\n", &doc_limits_model,
	                     "test.yaml:1:4: tags (!foo)"));
	CU_ASSERT(fails_with("x: 1\na: !!seq [1]\n", &doc_limits_model,
	                     "test.yaml:2:4: tags (tag:yaml.org,2002:seq)"));
	CU_ASSERT(fails_with("a: !!map {b: 1}\n", &doc_limits_model,
	                     "test.yaml:1:4: tags (tag:yaml.org,2002:map)"));
}

/* A repeated key is refused at its second occurrence. */
static void test_duplicate_keys(void)
{
	CU_ASSERT(fails_with("x: 1\nb: 2\nx: 3\n", &doc_limits_model,
	                     "test.yaml:3:1: duplicate key 'x'; each key may "
	                     "appear once"));
	CU_ASSERT(fails_with("top:\n  y: 1\n  z: 2\n  y: 3\n",
	                     &doc_limits_model,
	                     "test.yaml:4:3: duplicate key 'y'"));
	CU_ASSERT(fails_with("{a: 1, b: 2, a: 3}", &doc_limits_model,
	                     "test.yaml:1:14: duplicate key 'a'"));
	/* Three times: the second occurrence is named. */
	CU_ASSERT(fails_with("a: 1\nb: 2\nc: 3\nb: 4\nb: 5\n",
	                     &doc_limits_model,
	                     "test.yaml:4:1: duplicate key 'b'"));
	/* Same key text in different maps is fine. */
	{
		diag d = DIAG_INIT;
		doc *x = rd("a: {x: 1}\nb: {x: 2}\n", &doc_limits_model, &d);

		CU_ASSERT_PTR_NOT_NULL(x);
		CU_ASSERT_EQUAL(d.count, 0);
		doc_free(x);
		diag_free(&d);
	}
}

/* Maps of more than 16 keys take the sorting path. */
static void test_duplicate_keys_large_map(void)
{
	char text[1024];
	size_t len = 0;
	diag d = DIAG_INIT;
	doc *x;
	int i;

	for (i = 1; i <= 20; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
		                        "k%d: %d\n", i, i);
	x = rd(text, &doc_limits_model, &d);
	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	if (x)
		CU_ASSERT_EQUAL(x->root->count, 20);
	doc_free(x);
	diag_free(&d);
	/* k7 again on line 21 */
	snprintf(text + len, sizeof(text) - len, "k7: x\n");
	CU_ASSERT(fails_with(text, &doc_limits_model,
	                     "test.yaml:21:1: duplicate key 'k7'"));
	/* a later key repeating an earlier one, in a flow map of 17 keys */
	CU_ASSERT(fails_with("{a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, "
	                     "i: 1, j: 1, k: 1, l: 1, m: 1, n: 1, o: 1, p: 1, "
	                     "b: 2}",
	                     &doc_limits_model,
	                     "test.yaml:1:98: duplicate key 'b'"));
}

/* One document per file. */
static void test_multiple_documents(void)
{
	diag d = DIAG_INIT;
	doc *x;

	CU_ASSERT(fails_with("---\na: 1\n---\nb: 2\n", &doc_limits_model,
	                     "test.yaml:3:1: more than one document in the "
	                     "file; use one file per document"));
	CU_ASSERT(fails_with("a: 1\n---\nb: 2\n", &doc_limits_model,
	                     "test.yaml:2:1: more than one document"));
	/* One explicit document, with an end marker, is fine. */
	x = rd("---\na: 1\n...\n", &doc_limits_model, &d);
	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	if (x)
		CU_ASSERT_STRING_EQUAL(doc_get(x->root, "a")->text, "1");
	doc_free(x);
	diag_free(&d);
}

/* Keys must be scalars. */
static void test_complex_keys(void)
{
	CU_ASSERT(fails_with("? [a, b]\n: 1\n", &doc_limits_model,
	                     "test.yaml:1:3: a mapping key must be a plain "
	                     "name, not a list"));
	CU_ASSERT(fails_with("? {a: 1}\n: 2\n", &doc_limits_model,
	                     "test.yaml:1:3: a mapping key must be a plain "
	                     "name, not a mapping"));
}

/* Nesting: max_depth collections inside each other, not one more. */
static void test_depth_limit(void)
{
	doc_limits lim = small_limits();
	char text[300];
	diag d = DIAG_INIT;
	doc *x;
	int i;

	x = rd("a: {b: 1}", &lim, &d);
	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	doc_free(x);
	CU_ASSERT(fails_with("a: {b: {c: 1}}", &lim,
	                     "test.yaml:1:8: nesting deeper than 2 levels"));
	CU_ASSERT(fails_with("- - - 1\n", &lim,
	                     "test.yaml:1:5: nesting deeper than 2 levels"));
	/* The model limit: 64 nested lists pass, 65 do not. */
	for (i = 0; i < 64; i++)
		text[i] = '[';
	for (i = 0; i < 64; i++)
		text[64 + i] = ']';
	text[128] = '\0';
	x = rd(text, &doc_limits_model, &d);
	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	doc_free(x);
	diag_free(&d);
	for (i = 0; i < 65; i++)
		text[i] = '[';
	for (i = 0; i < 65; i++)
		text[65 + i] = ']';
	text[130] = '\0';
	CU_ASSERT(fails_with(text, &doc_limits_model,
	                     "test.yaml:1:65: nesting deeper than 64 levels"));
}

/* Node count: max_nodes nodes pass, one more fails at that node. */
static void test_node_limit(void)
{
	doc_limits lim = small_limits();
	diag d = DIAG_INIT;
	doc *x = rd("[1, 2, 3, 4]", &lim, &d);

	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	if (x)
		CU_ASSERT_EQUAL(x->nodes, 5);
	doc_free(x);
	diag_free(&d);
	CU_ASSERT(fails_with("[1, 2, 3, 4, 5]", &lim,
	                     "test.yaml:1:14: too many values, mappings and "
	                     "lists: the limit for a model file is 5 (a "
	                     "fixed limit); split the file"));
	/* keys count as nodes */
	CU_ASSERT(fails_with("{a: 1, b: 2, c: 3}", &lim,
	                     "test.yaml:1:14: too many values, mappings and "
	                     "lists: the limit for a model file is 5"));
}

/* Scalar length: at most max_scalar_bytes bytes, keys included. */
static void test_scalar_limit(void)
{
	doc_limits lim = small_limits();
	diag d = DIAG_INIT;
	doc *x = rd("a: abcd", &lim, &d);

	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_EQUAL(d.count, 0);
	doc_free(x);
	diag_free(&d);
	CU_ASSERT(fails_with("a: abcde", &lim,
	                     "test.yaml:1:4: value too long: 5 bytes, the "
	                     "limit is 4"));
	CU_ASSERT(fails_with("abcde: 1", &lim,
	                     "test.yaml:1:1: value too long: 5 bytes"));
	/* bytes, not code points: "ệệ" is 6 bytes */
	CU_ASSERT(fails_with("a: \xe1\xbb\x87\xe1\xbb\x87", &lim,
	                     "test.yaml:1:4: value too long: 6 bytes"));
}

/* The whole buffer against max_file_bytes. */
static void test_file_limit(void)
{
	doc_limits lim = small_limits();

	lim.max_file_bytes = 10;
	CU_ASSERT(fails_with("a: 12345678", &lim,
	                     "test.yaml: file too large (11 bytes): the limit "
	                     "for a model file is 10 bytes, a fixed limit"));
}

/* libyaml's own errors carry FILE:LINE:COL. */
static void test_syntax_errors(void)
{
	CU_ASSERT(fails_with("a: b: c\n", &doc_limits_model,
	                     "test.yaml:1:5: mapping values are not allowed in "
	                     "this context"));
	CU_ASSERT(fails_with("a: [1, 2\nb: 3\n", &doc_limits_model,
	                     "test.yaml:2:2: did not find expected ',' or ']' "
	                     "while parsing a flow sequence (context at line "
	                     "1)"));
	CU_ASSERT(fails_with("a:\n  - 1\n - 2\n", &doc_limits_model,
	                     "test.yaml:3:2: did not find expected key"));
	CU_ASSERT(fails_with("a: \"open\n", &doc_limits_model,
	                     "test.yaml:2:1: found unexpected end of stream"));
}

/* The input must be UTF-8: refused at the bad byte. */
static void test_invalid_utf8(void)
{
	CU_ASSERT(fails_with("a: \xff\n", &doc_limits_model,
	                     "test.yaml:1:4: invalid UTF-8 byte 0xFF; the file "
	                     "must be UTF-8"));
	CU_ASSERT(fails_with("abc: x\nb: \xc3", &doc_limits_model,
	                     "test.yaml:2:4: invalid UTF-8 byte 0xC3"));
	/* a lone continuation byte inside a quoted value */
	CU_ASSERT(fails_with("a: \"x\x80y\"\n", &doc_limits_model,
	                     "test.yaml:1:6: invalid UTF-8 byte 0x80"));
	/* after a correct "ệ", columns count code points */
	CU_ASSERT(fails_with("k: \xe1\xbb\x87\xff\n", &doc_limits_model,
	                     "test.yaml:1:5: invalid UTF-8 byte 0xFF"));
}

/*
 * Regression (fixed in core/read/yaml_reader.c:239, parser_error): the position of a bad
 * byte is counted from the start of the buffer, UTF-8 byte order mark
 * included, while libyaml's own positions (and the JSON reader's) do
 * not count the mark: after a BOM the column is one too far right.
 */
static void test_invalid_utf8_after_bom(void)
{
	/* without the mark: 1:4; libyaml's errors ignore the mark too */
	CU_ASSERT(fails_with("\xef\xbb\xbf"
	                     "a: b: c\n",
	                     &doc_limits_model,
	                     "test.yaml:1:5: mapping values are not allowed"));
	CU_ASSERT(fails_with("\xef\xbb\xbf"
	                     "a: \xff\n",
	                     &doc_limits_model,
	                     "test.yaml:1:4: invalid UTF-8 byte 0xFF"));
}

/* A tab where YAML wants indentation is named as such. */
static void test_tab(void)
{
	CU_ASSERT(
	        fails_with("a:\n\t- 1\n", &doc_limits_model,
	                   "test.yaml:2:1: a tab character where YAML expects "
	                   "indentation or a value; indent with spaces, not "
	                   "tabs"));
}

/*
 * Regression (fixed in core/read/yaml_reader.c:247, parser_error): the tab check reads
 * buf[mark.index], but libyaml's mark.index counts characters, not
 * bytes (and skips a BOM). After any non-ASCII character earlier in the
 * file - every Vietnamese model - it looks at the wrong byte and the
 * tab hint is lost ("found character that cannot start any token").
 */
static void test_tab_after_utf8(void)
{
	CU_ASSERT(
	        fails_with("t\xc3\xaan: H\xc3\xa0 N\xe1\xbb\x99i\na:\n\t- 1\n",
	                   &doc_limits_model,
	                   "test.yaml:3:1: a tab character where YAML expects "
	                   "indentation"));
	CU_ASSERT(
	        fails_with("\xef\xbb\xbf"
	                   "a:\n\t- 1\n",
	                   &doc_limits_model,
	                   "test.yaml:2:1: a tab character where YAML expects "
	                   "indentation"));
}

/* An escaped NUL inside a value is refused. */
static void test_nul_in_value(void)
{
	CU_ASSERT(fails_with("a: \"x\\0y\"\n", &doc_limits_model,
	                     "test.yaml:1:4: value contains a NUL character"));
}

/* No document at all: a doc whose root is NULL, without errors. */
static void test_empty(void)
{
	static const char *const texts[] = {"", "\n", "# only a comment\n",
	                                    "   \n\n"};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		diag d = DIAG_INIT;
		doc *x = rd(texts[i], &doc_limits_model, &d);

		CU_ASSERT_PTR_NOT_NULL(x);
		CU_ASSERT_EQUAL(d.count, 0);
		if (x) {
			CU_ASSERT_PTR_NULL(x->root);
			CU_ASSERT_EQUAL(x->nodes, 0);
		}
		doc_free(x);
		diag_free(&d);
	}
}

/* A scalar or a list can be the root. */
static void test_scalar_root(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("hello\n", &doc_limits_model, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_EQUAL(x->root->kind, DOC_SCALAR);
	CU_ASSERT_STRING_EQUAL(x->root->text, "hello");
	CU_ASSERT_EQUAL(x->root->line, 1);
	CU_ASSERT_EQUAL(x->root->col, 1);
	doc_free(x);
	diag_free(&d);
}

/* Reading stops at the first error: one message only. */
static void test_first_error_only(void)
{
	diag d = DIAG_INIT;
	doc *x = rd("a: &x 1\nb: *x\nc: !!str 2\n", &doc_limits_model, &d);

	CU_ASSERT_PTR_NULL(x);
	CU_ASSERT_EQUAL(d.errors, 1);
	CU_ASSERT_EQUAL(d.count, 1);
	CU_ASSERT(has(&d, "anchors"));
	diag_free(&d);
}

static CU_TestInfo tests[] = {
        {"tree and positions", test_tree_positions},
        {"columns in code points", test_columns_in_code_points},
        {"quoted flag", test_quoted_flag},
        {"length, not NUL", test_length_not_nul},
        {"anchors refused", test_anchor},
        {"aliases refused", test_alias},
        {"tags refused", test_tags},
        {"duplicate keys", test_duplicate_keys},
        {"duplicate keys, > 16 keys", test_duplicate_keys_large_map},
        {"multiple documents", test_multiple_documents},
        {"complex keys", test_complex_keys},
        {"depth limit", test_depth_limit},
        {"node limit", test_node_limit},
        {"scalar limit", test_scalar_limit},
        {"file limit", test_file_limit},
        {"syntax errors", test_syntax_errors},
        {"invalid UTF-8", test_invalid_utf8},
        {"regression: invalid UTF-8 after a BOM", test_invalid_utf8_after_bom},
        {"tab", test_tab},
        {"regression: tab after non-ASCII text", test_tab_after_utf8},
        {"NUL in a value", test_nul_in_value},
        {"empty input", test_empty},
        {"scalar root", test_scalar_root},
        {"first error only", test_first_error_only},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("yaml_reader", tests)
