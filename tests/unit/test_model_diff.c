/*
 * test_model_diff.c - unit tests for core/modeldoc/model_diff.c: each kind of
 * change on small models, matching by id and by name, structural
 * comparison of params, the main indices table and the three reports.
 */
#include "fixtures.h"
#include "cutest.h"
#include "modeldoc/model_diff.h"
#include "util/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HDR "model:\n  id: t\n  version: \"1\"\n  title: T\n"
#define INPUTS                                                                 \
	"inputs:\n"                                                            \
	"  a: {type: integer, min: 0}\n"                                       \
	"  b: {type: integer, min: 0, max: a}\n"                               \
	"  c: {type: choice, choices: [x, y]}\n"                               \
	"  f: {type: boolean}\n"
/* Main index 1 (10 points: 1.1 ratio, 1.2 boolean) and 2 (5: 2.1). */
#define TREE                                                                   \
	"indices:\n"                                                           \
	"  - id: \"1\"\n"                                                      \
	"    name: One\n"                                                      \
	"    points: 10\n"                                                     \
	"    children:\n"                                                      \
	"      - {id: \"1.1\", name: Ratio, points: 6, method: ratio, "        \
	"params: {numerator: b, denominator: a}, kind: mandatory}\n"           \
	"      - {id: \"1.2\", name: Flag, points: 4, method: boolean, "       \
	"params: {input: f}}\n"                                                \
	"  - id: \"2\"\n"                                                      \
	"    name: Two\n"                                                      \
	"    points: 5\n"                                                      \
	"    children:\n"                                                      \
	"      - {id: \"2.1\", name: Choice, points: 5, method: choice, "      \
	"params: {input: c, scores: {x: 1, y: 0.5}}}\n"
#define BASE HDR INPUTS TREE

/* Two loaded models and their diff. */
struct pair {
	plugin_registry *reg;
	chiso_model *a, *b;
	model_diff d;
};

/* Loads yaml, printing the problems when it does not load. */
static chiso_model *load(plugin_registry *reg, const char *yaml)
{
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, yaml, &d);

	if (!m)
		fixture_diag_dump(&d);
	diag_free(&d);
	return m;
}

/* Loads both texts and compares them. Returns 0, or -1 when one did
 * not load (the test then fails). */
static int diff2(struct pair *p, const char *ya, const char *yb)
{
	memset(p, 0, sizeof(*p));
	p->reg = fixture_registry();
	p->a = load(p->reg, ya);
	p->b = load(p->reg, yb);
	CU_ASSERT_PTR_NOT_NULL(p->a);
	CU_ASSERT_PTR_NOT_NULL(p->b);
	if (!p->a || !p->b)
		return -1;
	model_diff_build(&p->d, p->a, p->b);
	return 0;
}

/* Frees the pair. */
static void done(struct pair *p)
{
	if (p->a && p->b)
		model_diff_free(&p->d);
	model_free(p->a);
	model_free(p->b);
	plugin_registry_free(p->reg);
}

/* The id of the item of change c (B's, else A's), or NULL. */
static const char *item_id(const struct pair *p, const md_change *c)
{
	const chiso_model *m = c->b >= 0 ? p->b : p->a;
	int i = c->b >= 0 ? c->b : c->a;

	if (i < 0)
		return NULL;
	switch (c->section) {
	case MD_NODE:
		return m->nodes[i].id;
	case MD_INPUT:
		return m->inputs[i].id;
	case MD_VIEW:
		return m->views[i].id;
	case MD_CLASS:
		return m->classes[i].id;
	default:
		return NULL;
	}
}

/* The change of section s and kind k about id (NULL: any), or NULL. */
static const md_change *find(const struct pair *p, md_section s, md_kind k,
                             const char *id)
{
	size_t i;

	for (i = 0; i < p->d.nchanges; i++) {
		const md_change *c = &p->d.changes[i];
		const char *cid = item_id(p, c);

		if (c->section != s || c->kind != k)
			continue;
		if (!id || (cid && strcmp(cid, id) == 0))
			return c;
	}
	return NULL;
}

/* 1 when value v is the text want. */
static int is_text(const md_value *v, const char *want)
{
	return v->type == MDV_TEXT && strcmp(v->text, want) == 0;
}

/* The report in fmt as a string (caller frees). */
static char *report(const model_diff *d, model_diff_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	model_diff_write(d, fmt, f);
	fclose(f);
	return buf;
}

/* Replaces the first occurrence of from in base by to (caller frees). */
static char *edit(const char *base, const char *from, const char *to)
{
	const char *at = strstr(base, from);
	strbuf sb = STRBUF_INIT;

	if (!at) {
		fprintf(stderr, "\nedit: '%s' not found\n", from);
		return xstrdup(base);
	}
	strbuf_add(&sb, base, (size_t)(at - base));
	strbuf_puts(&sb, to);
	strbuf_puts(&sb, at + strlen(from));
	return strbuf_detach(&sb);
}

/* Diffs BASE with an edited copy of it. */
static int diff_edit(struct pair *p, const char *from, const char *to)
{
	char *b = edit(BASE, from, to);
	int rc = diff2(p, BASE, b);

	free(b);
	return rc;
}

static void test_identical(void)
{
	struct pair p;

	if (diff2(&p, BASE, BASE) == 0) {
		CU_ASSERT_TRUE(p.d.identical);
		CU_ASSERT_EQUAL(p.d.nchanges, 0);
		CU_ASSERT_EQUAL(p.d.nindices, 2);
	}
	done(&p);
}

/* Comments, flow or block style, key order, quoting and the spelling of
 * numbers change nothing. */
static void test_formatting_only(void)
{
	static const char other[] =
	        "# a comment\n"
	        "model: {title: T, version: \"1\", id: t}\n" INPUTS "indices:\n"
	        "  - id: \"1\"\n"
	        "    name: One\n"
	        "    points: 10.0\n"
	        "    children:\n"
	        "      - id: \"1.1\"\n"
	        "        kind: mandatory\n"
	        "        name: Ratio\n"
	        "        points: 6\n"
	        "        method: ratio\n"
	        "        params:\n"
	        "          denominator: \"a\"\n"
	        "          numerator: b\n"
	        "      - {id: \"1.2\", name: Flag, points: 4, method: boolean, "
	        "params: {input: f}}\n"
	        "  - id: \"2\"\n"
	        "    name: Two\n"
	        "    points: 5e0\n"
	        "    children:\n"
	        "      - {id: \"2.1\", name: Choice, points: 5, method: "
	        "choice, "
	        "params: {input: c, scores: {y: .5, x: 1.0}}}\n";
	struct pair p;
	char *text;

	if (diff2(&p, BASE, other) == 0) {
		CU_ASSERT_FALSE(p.d.identical);
		CU_ASSERT_EQUAL(p.d.nchanges, 0);
		text = report(&p.d, MODEL_DIFF_TABLE);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "differ only in formatting "
		                                    "or comments"));
		free(text);
	}
	done(&p);
}

static void test_added_removed(void)
{
	struct pair p;
	const md_change *c;

	if (diff_edit(
	            &p,
	            "      - {id: \"1.2\", name: Flag, points: 4, method: "
	            "boolean, params: {input: f}}\n",
	            "      - {id: \"1.3\", name: New flag, points: 4, method: "
	            "boolean, params: {input: f}}\n") == 0) {
		c = find(&p, MD_NODE, MD_ADDED, "1.3");
		CU_ASSERT_PTR_NOT_NULL(c);
		CU_ASSERT(c && c->a == -1);
		c = find(&p, MD_NODE, MD_REMOVED, "1.2");
		CU_ASSERT_PTR_NOT_NULL(c);
		CU_ASSERT(c && c->b == -1);
		CU_ASSERT_EQUAL(p.d.nchanges, 2);
	}
	done(&p);
}

static void test_renamed(void)
{
	struct pair p;
	const md_change *c;

	if (diff_edit(&p, "name: Flag,", "name: Plan issued,") == 0) {
		c = find(&p, MD_NODE, MD_RENAMED, "1.2");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "Flag"));
		CU_ASSERT(is_text(&c->after, "Plan issued"));
		CU_ASSERT_EQUAL(p.d.nchanges, 1);
	}
	done(&p);
}

static void test_points(void)
{
	static const char b[] = HDR INPUTS
	        "indices:\n"
	        "  - id: \"1\"\n"
	        "    name: One\n"
	        "    points: 15\n"
	        "    children:\n"
	        "      - {id: \"1.1\", name: Ratio, points: 11, method: ratio, "
	        "params: {numerator: b, denominator: a}, kind: mandatory}\n"
	        "      - {id: \"1.2\", name: Flag, points: 4, method: boolean, "
	        "params: {input: f}}\n"
	        "  - id: \"2\"\n"
	        "    name: Two\n"
	        "    points: 5\n"
	        "    children:\n"
	        "      - {id: \"2.1\", name: Choice, points: 5, method: "
	        "choice, "
	        "params: {input: c, scores: {x: 1, y: 0.5}}}\n";
	struct pair p;
	const md_change *c;

	if (diff2(&p, BASE, b) == 0) {
		c = find(&p, MD_NODE, MD_POINTS, "1.1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_EQUAL(c->before.type, MDV_NUMBER);
		CU_ASSERT_DOUBLE_EQUAL(c->before.number, 6, 0);
		CU_ASSERT_DOUBLE_EQUAL(c->after.number, 11, 0);
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_NODE, MD_POINTS, "1"));
		CU_ASSERT_EQUAL(p.d.nchanges, 2);
		CU_ASSERT_DOUBLE_EQUAL(
		        p.d.b->nodes[p.d.indices[0].b].points -
		                p.d.a->nodes[p.d.indices[0].a].points,
		        5, 0);
	}
	done(&p);
}

/* 1.2 moves from 1 to 2 (points follow), keeping its id. */
static void test_moved(void)
{
	static const char b[] = HDR INPUTS
	        "indices:\n"
	        "  - id: \"1\"\n"
	        "    name: One\n"
	        "    points: 6\n"
	        "    children:\n"
	        "      - {id: \"1.1\", name: Ratio, points: 6, method: ratio, "
	        "params: {numerator: b, denominator: a}, kind: mandatory}\n"
	        "  - id: \"2\"\n"
	        "    name: Two\n"
	        "    points: 9\n"
	        "    children:\n"
	        "      - {id: \"2.1\", name: Choice, points: 5, method: "
	        "choice, "
	        "params: {input: c, scores: {x: 1, y: 0.5}}}\n"
	        "      - {id: \"1.2\", name: Flag, points: 4, method: boolean, "
	        "params: {input: f}}\n";
	struct pair p;
	const md_change *c;

	if (diff2(&p, BASE, b) == 0) {
		c = find(&p, MD_NODE, MD_MOVED, "1.2");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "1"));
		CU_ASSERT(is_text(&c->after, "2"));
		CU_ASSERT_PTR_NULL(find(&p, MD_NODE, MD_MOVED, "1.1"));
		CU_ASSERT_PTR_NULL(find(&p, MD_NODE, MD_ORDER, NULL));
	}
	done(&p);
}

/* A main index whose id changed keeps its children in place: they did
 * not move. */
static void test_parent_id_changed(void)
{
	struct pair p;
	const md_change *c;

	if (diff_edit(&p, "  - id: \"1\"\n", "  - id: \"9\"\n") == 0) {
		c = find(&p, MD_NODE, MD_ID, "9");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "1"));
		CU_ASSERT(is_text(&c->after, "9"));
		CU_ASSERT_PTR_NULL(find(&p, MD_NODE, MD_MOVED, NULL));
		CU_ASSERT_EQUAL(p.d.nchanges, 1);
		CU_ASSERT_EQUAL(p.d.nindices, 2);
		CU_ASSERT_EQUAL(p.d.indices[0].a, 0);
	}
	done(&p);
}

/* An indicator removed and one added with the same name (after
 * trimming) is one whose id changed; with another shape it is not. */
static void test_id_changed(void)
{
	struct pair p;
	const md_change *c;

	if (diff_edit(&p, "{id: \"1.2\", name: Flag,",
	              "{id: \"1.7\", name: \" Flag \",") == 0) {
		c = find(&p, MD_NODE, MD_ID, "1.7");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "1.2"));
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_NODE, MD_RENAMED, "1.7"));
		CU_ASSERT_PTR_NULL(find(&p, MD_NODE, MD_ADDED, NULL));
		CU_ASSERT_PTR_NULL(find(&p, MD_NODE, MD_REMOVED, NULL));
	}
	done(&p);
	if (diff_edit(&p,
	              "      - {id: \"1.2\", name: Flag, points: 4, method: "
	              "boolean, params: {input: f}}\n",
	              "      - id: \"1.7\"\n"
	              "        name: Flag\n"
	              "        points: 4\n"
	              "        children:\n"
	              "          - {id: \"1.7.1\", name: F, points: 4, method: "
	              "boolean, params: {input: f}}\n") == 0) {
		CU_ASSERT_PTR_NULL(find(&p, MD_NODE, MD_ID, NULL));
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_NODE, MD_ADDED, "1.7"));
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_NODE, MD_REMOVED, "1.2"));
	}
	done(&p);
}

static void test_method(void)
{
	struct pair p;
	const md_change *c;

	if (diff_edit(&p,
	              "method: ratio, params: {numerator: b, denominator: a}",
	              "method: bands, params: {input: b, bands: [[4, 1.0], "
	              "[2, 0.5]]}") == 0) {
		c = find(&p, MD_NODE, MD_METHOD, "1.1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "ratio"));
		CU_ASSERT(is_text(&c->after, "bands"));
		CU_ASSERT_PTR_NULL(find(&p, MD_NODE, MD_PARAMS, NULL));
	}
	done(&p);
}

static void test_params(void)
{
	struct pair p;
	const md_change *c;
	char *text;

	if (diff_edit(&p, "scores: {x: 1, y: 0.5}",
	              "scores: {x: 1, y: 0.25}") == 0) {
		c = find(&p, MD_NODE, MD_PARAMS, "2.1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "{input: c, scores: {x: 1, y: "
		                              "0.5}}"));
		CU_ASSERT(is_text(&c->after, "{input: c, scores: {x: 1, y: "
		                             "0.25}}"));
		CU_ASSERT_EQUAL(p.d.nchanges, 1);
		text = report(&p.d, MODEL_DIFF_MD);
		CU_ASSERT_PTR_NOT_NULL(strstr(
		        text,
		        "| params changed | 2.1 | Choice | {input: c, "
		        "scores: {x: 1, y: 0.5}} | {input: c, scores: {x: "
		        "1, y: 0.25}} |"));
		free(text);
	}
	done(&p);
}

/* Long params show only the entries that differ. */
static void test_params_brief(void)
{
	struct pair p;
	char *text;

	if (diff_edit(&p, "params: {numerator: b, denominator: a}",
	              "params: {numerator: b, denominator: a, target: 0.5, "
	              "zero_denominator: zero}") == 0) {
		text = report(&p.d, MODEL_DIFF_MD);
		CU_ASSERT_PTR_NOT_NULL(strstr(text,
		                              "| {\xe2\x80\xa6} | "
		                              "{\xe2\x80\xa6, target: 0.5, "
		                              "zero_denominator: zero} |"));
		free(text);
	}
	done(&p);
}

static void test_kind_provisional_texts(void)
{
	struct pair p;
	const md_change *c;

	if (diff_edit(&p, "kind: mandatory}",
	              "kind: extended, provisional: true, evidence: "
	              "\"Biên bản\", note: N}") == 0) {
		c = find(&p, MD_NODE, MD_KIND, "1.1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "mandatory"));
		CU_ASSERT(is_text(&c->after, "extended"));
		c = find(&p, MD_NODE, MD_PROVISIONAL, "1.1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_EQUAL(c->before.type, MDV_BOOL);
		CU_ASSERT_DOUBLE_EQUAL(c->before.number, 0, 0);
		CU_ASSERT_DOUBLE_EQUAL(c->after.number, 1, 0);
		c = find(&p, MD_NODE, MD_TEXT, "1.1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_STRING_EQUAL(c->field, "evidence");
		CU_ASSERT_EQUAL(c->before.type, MDV_NONE);
		CU_ASSERT_EQUAL(model_diff_count(&p.d, MD_NODE, MD_TEXT), 2);
	}
	done(&p);
}

/* An indicator that became a group (its new children are added). */
static void test_shape(void)
{
	struct pair p;
	const md_change *c;
	char *text;

	if (diff_edit(&p,
	              "      - {id: \"1.2\", name: Flag, points: 4, method: "
	              "boolean, params: {input: f}}\n",
	              "      - id: \"1.2\"\n"
	              "        name: Flag\n"
	              "        points: 4\n"
	              "        children:\n"
	              "          - {id: \"1.2.1\", name: F, points: 4, method: "
	              "boolean, params: {input: f}}\n") == 0) {
		c = find(&p, MD_NODE, MD_SHAPE, "1.2");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "indicator"));
		CU_ASSERT(is_text(&c->after, "group"));
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_NODE, MD_ADDED, "1.2.1"));
		CU_ASSERT_EQUAL(p.d.nchanges, 2);
		text = report(&p.d, MODEL_DIFF_TABLE);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "became a group"));
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "2 changes: 1 added, 1 "
		                                    "became a group\n"));
		free(text);
	}
	done(&p);
}

static void test_order(void)
{
	static const char b[] = HDR INPUTS
	        "indices:\n"
	        "  - id: \"2\"\n"
	        "    name: Two\n"
	        "    points: 5\n"
	        "    children:\n"
	        "      - {id: \"2.1\", name: Choice, points: 5, method: "
	        "choice, "
	        "params: {input: c, scores: {x: 1, y: 0.5}}}\n"
	        "  - id: \"1\"\n"
	        "    name: One\n"
	        "    points: 10\n"
	        "    children:\n"
	        "      - {id: \"1.2\", name: Flag, points: 4, method: boolean, "
	        "params: {input: f}}\n"
	        "      - {id: \"1.1\", name: Ratio, points: 6, method: ratio, "
	        "params: {numerator: b, denominator: a}, kind: mandatory}\n";
	struct pair p;
	const md_change *c;

	if (diff2(&p, BASE, b) == 0) {
		c = find(&p, MD_NODE, MD_ORDER, "1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "1.1, 1.2"));
		CU_ASSERT(is_text(&c->after, "1.2, 1.1"));
		c = find(&p, MD_NODE, MD_ORDER, NULL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		/* The main indices: B's order. */
		CU_ASSERT_EQUAL(p.d.nchanges, 2);
		CU_ASSERT_STRING_EQUAL(p.d.b->nodes[p.d.indices[0].b].id, "2");
	}
	done(&p);
}

static void test_inputs(void)
{
	static const char b0[] =
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 1, label: Staff}\n"
	            "  b: {type: number, min: 0, max: 100}\n"
	            "  c: {type: choice, choices: [x, y, z]}\n"
	            "  f: {type: boolean}\n"
	            "  g: {type: text}\n" TREE;
	char *b = edit(b0, "scores: {x: 1, y: 0.5}",
	               "scores: {x: 1, y: 0.5, z: 0}");
	struct pair p;
	const md_change *c;

	if (diff2(&p, BASE, b) == 0) {
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_INPUT, MD_ADDED, "g"));
		c = find(&p, MD_INPUT, MD_CHANGED, "b");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_STRING_EQUAL(c->field, "type");
		CU_ASSERT(is_text(&c->before, "integer"));
		CU_ASSERT(is_text(&c->after, "number"));
		c++;
		CU_ASSERT_STRING_EQUAL(c->field, "max");
		CU_ASSERT(is_text(&c->before, "a"));
		CU_ASSERT_EQUAL(c->after.type, MDV_NUMBER);
		c = find(&p, MD_INPUT, MD_CHANGED, "a");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_STRING_EQUAL(c->field, "label");
		CU_ASSERT_STRING_EQUAL(c[1].field, "min");
		c = find(&p, MD_INPUT, MD_CHANGED, "c");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->after, "[x, y, z]"));
		CU_ASSERT_EQUAL(model_diff_count(&p.d, MD_INPUT, MD_CHANGED),
		                5);
		CU_ASSERT_EQUAL(model_diff_count(&p.d, MD_NODE, MD_ADDED), 0);
	}
	done(&p);
	free(b);
}

static void test_input_removed_and_order(void)
{
	static const char b[] = HDR "inputs:\n"
	                            "  f: {type: boolean}\n"
	                            "  b: {type: integer, min: 0, max: a}\n"
	                            "  c: {type: choice, choices: [x, y]}\n"
	                            "  a: {type: integer, min: 0}\n"
	                            "  h: {type: boolean}\n" TREE;
	struct pair p;
	const md_change *c;

	if (diff2(&p, HDR INPUTS "  e: {type: boolean}\n" TREE, b) == 0) {
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_INPUT, MD_REMOVED, "e"));
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_INPUT, MD_ADDED, "h"));
		c = find(&p, MD_INPUT, MD_ORDER, NULL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT(is_text(&c->before, "a, b, c, f"));
		CU_ASSERT(is_text(&c->after, "f, b, c, a"));
	}
	done(&p);
}

#define VIEWS_A                                                                \
	"views:\n"                                                             \
	"  - {id: V, name: View, nodes: [\"1.1\", \"2\"]}\n"                   \
	"  - {id: W, name: Gone, nodes: [\"1\"]}\n"                            \
	"classes:\n"                                                           \
	"  - {id: k1, name: High, min_value: 0.9}\n"                           \
	"  - {id: k2, name: Low, mandatory: all}\n"

static void test_views_classes(void)
{
	static const char b[] = HDR INPUTS TREE
	        "views:\n"
	        "  - {id: V, name: View, nodes: [\"2\", \"1.2\"]}\n"
	        "  - {id: X, name: New, nodes: [\"1\"]}\n"
	        "classes:\n"
	        "  - {id: k2, name: Low, mandatory: all, extended_min: 0.3}\n"
	        "  - {id: k1, name: Top, min_value: 0.9}\n";
	struct pair p;
	const md_change *c;

	if (diff2(&p, BASE VIEWS_A, b) == 0) {
		c = find(&p, MD_VIEW, MD_CHANGED, "V");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_STRING_EQUAL(c->field, "nodes");
		CU_ASSERT(is_text(&c->before, "1.1, 2"));
		CU_ASSERT(is_text(&c->after, "2, 1.2"));
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_VIEW, MD_ADDED, "X"));
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_VIEW, MD_REMOVED, "W"));
		c = find(&p, MD_CLASS, MD_CHANGED, "k2");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_STRING_EQUAL(c->field, "conditions");
		CU_ASSERT(
		        is_text(&c->after, "mandatory all, extended_min 0.3"));
		c = find(&p, MD_CLASS, MD_CHANGED, "k1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_STRING_EQUAL(c->field, "name");
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_CLASS, MD_ORDER, NULL));
		CU_ASSERT_EQUAL(p.d.nchanges, 6);
	}
	done(&p);
}

/* A view over a node whose id changed names the same node. */
static void test_view_follows_id_change(void)
{
	struct pair p;
	char *a = xstrdup(BASE VIEWS_A);
	char *b = edit(BASE VIEWS_A, "{id: \"1.1\", name: Ratio,",
	               "{id: \"1.9\", name: Ratio,");
	char *b2 =
	        edit(b, "nodes: [\"1.1\", \"2\"]", "nodes: [\"2\", \"1.9\"]");

	if (diff2(&p, a, b2) == 0) {
		CU_ASSERT_PTR_NOT_NULL(find(&p, MD_NODE, MD_ID, "1.9"));
		CU_ASSERT_PTR_NULL(find(&p, MD_VIEW, MD_CHANGED, NULL));
		CU_ASSERT_EQUAL(p.d.nchanges, 1);
	}
	done(&p);
	free(a);
	free(b);
	free(b2);
}

static void test_settings(void)
{
	static const char b[] =
	        "model:\n  id: t2\n  version: \"2\"\n  title: "
	        "T\n  precision: 2\n  missing: exclude\n" INPUTS TREE;
	struct pair p;
	char *text;

	if (diff2(&p, BASE, b) == 0) {
		CU_ASSERT_EQUAL(model_diff_count(&p.d, MD_MODEL, MD_CHANGED),
		                4);
		CU_ASSERT_STRING_EQUAL(p.d.changes[0].field, "id");
		CU_ASSERT_STRING_EQUAL(p.d.changes[2].field, "precision");
		CU_ASSERT_DOUBLE_EQUAL(p.d.changes[2].after.number, 2, 0);
		text = report(&p.d, MODEL_DIFF_JSON);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "{\"kind\": \"changed\", "
		                                    "\"field\": \"missing\", "
		                                    "\"before\": \"zero\", "
		                                    "\"after\": \"exclude\"}"));
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "\"summary\": \"4 changes: "
		                                    "model: 4 changed\""));
		free(text);
	}
	done(&p);
}

/* Main indices: B's order, then A's only (no points on B's side). */
static void test_main_indices(void)
{
	static const char b[] = HDR INPUTS
	        "indices:\n"
	        "  - {id: \"3\", name: Three, points: 4, method: boolean, "
	        "params: {input: f}}\n"
	        "  - id: \"1\"\n"
	        "    name: One\n"
	        "    points: 6\n"
	        "    children:\n"
	        "      - {id: \"1.1\", name: Ratio, points: 6, method: ratio, "
	        "params: {numerator: b, denominator: a}, kind: mandatory}\n";
	struct pair p;
	char *text;

	if (diff2(&p, BASE, b) == 0) {
		CU_ASSERT_EQUAL_FATAL(p.d.nindices, 3);
		CU_ASSERT_EQUAL(p.d.indices[0].a, -1);
		CU_ASSERT_STRING_EQUAL(p.d.b->nodes[p.d.indices[0].b].id, "3");
		CU_ASSERT_STRING_EQUAL(p.d.a->nodes[p.d.indices[1].a].id, "1");
		CU_ASSERT_EQUAL(p.d.indices[2].b, -1);
		CU_ASSERT_STRING_EQUAL(p.d.a->nodes[p.d.indices[2].a].id, "2");
		text = report(&p.d, MODEL_DIFF_JSON);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "{\"id\": \"2\", \"name\": "
		                                    "\"Two\", \"points_a\": 5, "
		                                    "\"points_b\": null}"));
		free(text);
		text = report(&p.d, MODEL_DIFF_TABLE);
		CU_ASSERT_PTR_NOT_NULL(strstr(
		        text, "\nTotal               15        10      -5\n"));
		free(text);
	}
	done(&p);
}

/* Flow rendering and structural equality of params on their own. */
static void test_flow(void)
{
	plugin_registry *reg = fixture_registry();
	chiso_model *a = load(reg, BASE), *b;
	char *text = edit(BASE, "scores: {x: 1, y: 0.5}",
	                  "scores: {\"y\": 5e-1, x: 1.00}");
	strbuf sb = STRBUF_INIT;
	size_t i;

	b = load(reg, text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	i = fixture_node(a, "2.1");
	md_flow(&sb, a->nodes[i].params);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb),
	                       "{input: c, scores: {x: 1, y: 0.5}}");
	strbuf_reset(&sb);
	md_flow(&sb, b->nodes[i].params);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb),
	                       "{input: c, scores: {y: 0.5, x: 1}}");
	CU_ASSERT_TRUE(md_params_equal(a->nodes[i].params, b->nodes[i].params));
	CU_ASSERT_FALSE(md_params_equal(
	        a->nodes[i].params, a->nodes[fixture_node(a, "1.1")].params));
	CU_ASSERT_TRUE(md_params_equal(NULL, NULL));
	strbuf_reset(&sb);
	md_flow(&sb, NULL);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb), "{}");
	strbuf_release(&sb);
	free(text);
	model_free(a);
	model_free(b);
	plugin_registry_free(reg);
}

/* Texts that need quotes keep them; a quoted number stays a text. */
static void test_flow_quoting(void)
{
	static const char yaml[] = HDR INPUTS
	        "indices:\n"
	        "  - {id: \"1\", name: One, points: 1, method: target, params: "
	        "{input: a, op: \">=\", value: 3}}\n";
	plugin_registry *reg = fixture_registry();
	chiso_model *m = load(reg, yaml);
	strbuf sb = STRBUF_INIT;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	md_flow(&sb, m->nodes[0].params);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb),
	                       "{input: a, op: \">=\", value: 3}");
	strbuf_release(&sb);
	model_free(m);
	plugin_registry_free(reg);
}

static void test_names(void)
{
	CU_ASSERT_STRING_EQUAL(md_kind_name(MD_ID), "id");
	CU_ASSERT_STRING_EQUAL(md_kind_name(MD_POINTS), "points");
	CU_ASSERT_STRING_EQUAL(md_kind_name(MD_METHOD), "method");
	CU_ASSERT_STRING_EQUAL(md_kind_name(MD_CHANGED), "changed");
	CU_ASSERT_STRING_EQUAL(md_section_name(MD_CLASS), "class");
}

static CU_TestInfo tests[] = {
        {"identical files", test_identical},
        {"formatting only", test_formatting_only},
        {"added and removed", test_added_removed},
        {"renamed", test_renamed},
        {"re-pointed", test_points},
        {"moved", test_moved},
        {"parent's id changed: not moved", test_parent_id_changed},
        {"id changed (matched by name)", test_id_changed},
        {"rule changed", test_method},
        {"params changed", test_params},
        {"long params: only what differs", test_params_brief},
        {"kind, provisional and texts", test_kind_provisional_texts},
        {"indicator became a group", test_shape},
        {"children and main indices reordered", test_order},
        {"inputs changed and added", test_inputs},
        {"inputs removed and reordered", test_input_removed_and_order},
        {"views and classes", test_views_classes},
        {"views follow an id change", test_view_follows_id_change},
        {"model settings", test_settings},
        {"main indices table", test_main_indices},
        {"params as flow YAML", test_flow},
        {"flow quoting", test_flow_quoting},
        {"kind and section names", test_names},
        CU_TEST_INFO_NULL};

CUTEST_MAIN("model_diff", tests)
