/*
 * test_model.c - unit tests for the model loader (core/model/model_load.c,
 * model_inputs.c, model_nodes.c): the example model, every class of
 * error with its FILE:LINE:COL, and the resolved structure (slots,
 * bounds, used_by, tree arrays).
 */
#include "fixtures.h"
#include "cutest.h"
#include "util/sha256.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A small valid model; the error tests edit copies of it. Lines:
 *  1 model:          6 a: ...           11 name: One
 *  2   id: t         7 b: ...           12 points: 10
 *  3   version: "1"  8 c: ...           13 children:
 *  4   title: T      9 indices:         14 - {id: "1.1", ...}
 *  5 inputs:        10 - id: "1"
 */
#define HDR "model:\n  id: t\n  version: \"1\"\n  title: T\n"
#define INPUTS                                                                 \
	"inputs:\n"                                                            \
	"  a: {type: integer, min: 0}\n"                                       \
	"  b: {type: integer, min: 0, max: a}\n"                               \
	"  c: {type: choice, choices: [x, y]}\n"
#define TREE_HEAD                                                              \
	"indices:\n"                                                           \
	"  - id: \"1\"\n"                                                      \
	"    name: One\n"                                                      \
	"    points: 10\n"                                                     \
	"    children:\n"
#define LEAF_11                                                                \
	"      - {id: \"1.1\", name: A, points: 10, method: ratio, params: "   \
	"{numerator: b, denominator: a}}\n"
#define BASE HDR INPUTS TREE_HEAD LEAF_11

/* Loads text expecting failure; 1 when some error contains want. */
static int load_fails(const char *text, const char *want)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, text, &d);
	int ok = m == NULL && d.errors > 0 && fixture_diag_has_msg(&d, want);

	if (!ok) {
		fprintf(stderr, "\nexpected '%s', got %s:\n", want,
		        m ? "a model" : "no model");
		fixture_diag_dump(&d);
	}
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return ok;
}

/* Loads text expecting failure; returns the number of errors (-1 when
 * it loaded). */
static long load_errors(const char *text)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, text, &d);
	long n = m ? -1 : (long)d.errors;

	if (n != 0 && getenv("CHISO_TEST_VERBOSE"))
		fixture_diag_dump(&d);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return n;
}

/* Loads text expecting success; returns 1 when it loaded without
 * errors. */
static int load_ok(const char *text)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, text, &d);
	int ok = m != NULL && d.errors == 0;

	if (!ok)
		fixture_diag_dump(&d);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return ok;
}

/* 1 when s is 64 lowercase hex digits. */
static int is_hex64(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!isxdigit((unsigned char)s[i]) ||
		    isupper((unsigned char)s[i]))
			return 0;
	return s[64] == '\0';
}

/* The example model: its counts, header and hash. */
static void test_example_model(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	char hex[65];
	size_t len;
	char *buf = fixture_read_source("criteria/example-district.yaml", &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL(d.errors, 0);
	CU_ASSERT_EQUAL(d.warnings, 0);
	CU_ASSERT_EQUAL(m->nleaves, 16);
	CU_ASSERT_EQUAL(m->nroots, 5);
	CU_ASSERT_EQUAL(m->ninputs, 23);
	CU_ASSERT_EQUAL(m->nnodes, 21);
	CU_ASSERT_DOUBLE_EQUAL(m->total_points, 100.0, 0.0);
	CU_ASSERT_EQUAL(m->precision, 4);
	CU_ASSERT_EQUAL(m->missing, MISSING_ZERO);
	CU_ASSERT_STRING_EQUAL(m->id, "vn-district-example");
	CU_ASSERT_STRING_EQUAL(m->version, "2023");
	CU_ASSERT_STRING_EQUAL(m->level, "district");
	CU_ASSERT_STRING_EQUAL(m->path, "criteria/example-district.yaml");
	CU_ASSERT_PTR_NULL(m->description);
	CU_ASSERT_PTR_EQUAL(m->plugins, reg);
	CU_ASSERT(is_hex64(m->sha256));
	sha256_hex(buf, len, hex);
	CU_ASSERT_STRING_EQUAL(m->sha256, hex);
	model_free(m);
	/* One more space changes the hash. */
	buf[len - 1] = ' ';
	m = model_load_buffer("criteria/example-district.yaml", buf, len, reg,
	                      &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT(is_hex64(m->sha256));
	CU_ASSERT_STRING_NOT_EQUAL(m->sha256, hex);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	free(buf);
}

/* The example model's tree: pre-order, roots, leaves, methods. */
static void test_example_tree(void)
{
	static const char *const order[] = {
	        "1",   "1.1", "1.2", "1.3", "2",   "2.1", "2.2",
	        "2.3", "3",   "3.1", "3.2", "3.3", "3.4", "4",
	        "4.1", "4.2", "4.3", "5",   "5.1", "5.2", "5.3"};
	static const size_t roots[] = {0, 4, 8, 13, 17};
	static const char *const methods[] = {
	        "bands", "choice",   "ratio",  "boolean", "target", "ratio",
	        "ratio", "ratio",    "ratio",  "target",  "ratio",  "boolean",
	        "parts", "fraction", "target", "points"};
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	const model_node *n;
	size_t i, k = 0;
	double sum = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL_FATAL(m->nnodes, 21);
	for (i = 0; i < m->nnodes; i++) {
		n = &m->nodes[i];
		CU_ASSERT_STRING_EQUAL(n->id, order[i]);
		CU_ASSERT_EQUAL(model_node_index(m, order[i]), (int)i);
		if (n->is_leaf) {
			CU_ASSERT_EQUAL(n->leaf, k);
			CU_ASSERT_EQUAL(m->leaves[k], i);
			CU_ASSERT_STRING_EQUAL(n->method, methods[k]);
			CU_ASSERT_PTR_NOT_NULL(n->plugin);
			if (n->plugin)
				CU_ASSERT_STRING_EQUAL(n->plugin->name,
				                       methods[k]);
			CU_ASSERT(n->prepared);
			CU_ASSERT_EQUAL(n->depth, 1);
			CU_ASSERT_EQUAL(n->nchildren, 0);
			CU_ASSERT(n->parent >= 0);
			k++;
		} else {
			CU_ASSERT_EQUAL(n->parent, -1);
			CU_ASSERT_EQUAL(n->depth, 0);
			CU_ASSERT_PTR_NULL(n->plugin);
		}
	}
	CU_ASSERT_EQUAL(k, 16);
	for (i = 0; i < 5; i++) {
		CU_ASSERT_EQUAL(m->roots[i], roots[i]);
		sum += m->nodes[m->roots[i]].points;
	}
	CU_ASSERT_DOUBLE_EQUAL(sum, 100.0, 0.0);
	/* root 1: children 1.1, 1.2, 1.3; points 30 = 20 + 5 + 5 */
	n = &m->nodes[0];
	CU_ASSERT_EQUAL_FATAL(n->nchildren, 3);
	CU_ASSERT_EQUAL(n->children[0], 1);
	CU_ASSERT_EQUAL(n->children[1], 2);
	CU_ASSERT_EQUAL(n->children[2], 3);
	CU_ASSERT_DOUBLE_EQUAL(n->points, 30.0, 0.0);
	CU_ASSERT_STRING_EQUAL(
	        n->name, "Nh\xe1\xba\xadn th\xe1\xbb\xa9\x63 s\xe1\xbb\x91");
	CU_ASSERT_EQUAL(n->line, 45);
	CU_ASSERT_EQUAL(n->col, 5);
	/* 1.1: its texts and position */
	n = &m->nodes[1];
	CU_ASSERT_EQUAL(n->parent, 0);
	CU_ASSERT_DOUBLE_EQUAL(n->points, 20.0, 0.0);
	CU_ASSERT_STRING_EQUAL(n->kind, "mandatory");
	CU_ASSERT_STRING_EQUAL(n->evidence,
	                       "Bi\xc3\xaan b\xe1\xba\xa3n c\xc3\xa1\x63 "
	                       "cu\xe1\xbb\x99\x63 h\xe1\xbb\x8dp Ban ch\xe1"
	                       "\xbb\x89 \xc4\x91\xe1\xba\xa1o");
	CU_ASSERT_PTR_NOT_NULL(n->source);
	CU_ASSERT_PTR_NULL(n->note);
	CU_ASSERT_EQUAL(n->provisional, 0);
	CU_ASSERT_EQUAL(n->line, 49);
	CU_ASSERT_EQUAL(n->col, 9);
	CU_ASSERT_PTR_NOT_NULL(n->params);
	CU_ASSERT_STRING_EQUAL(m->nodes[3].kind, "extended");
	CU_ASSERT_EQUAL(model_node_index(m, "9"), -1);
	CU_ASSERT_EQUAL(model_node_index(m, ""), -1);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* model_input_slot finds every input; types, bounds and choices. */
static void test_example_inputs(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	const model_input *in;
	int slot, total;
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	for (i = 0; i < m->ninputs; i++)
		CU_ASSERT_EQUAL(model_input_slot(m, m->inputs[i].id), (int)i);
	CU_ASSERT_EQUAL(model_input_slot(m, "steering_meetings"), 0);
	CU_ASSERT_EQUAL(model_input_slot(m, "report_ref"), 22);
	CU_ASSERT_EQUAL(model_input_slot(m, "officials_total"), 8);
	CU_ASSERT_EQUAL(model_input_slot(m, "no_such_input"), -1);
	CU_ASSERT_EQUAL(model_input_slot(m, ""), -1);
	CU_ASSERT_EQUAL(model_input_slot(m, "officials_tota"), -1);
	/* types */
	CU_ASSERT_EQUAL(m->inputs[0].type, CHISO_INPUT_INTEGER);
	CU_ASSERT_EQUAL(m->inputs[1].type, CHISO_INPUT_CHOICE);
	CU_ASSERT_EQUAL(m->inputs[4].type, CHISO_INPUT_BOOLEAN);
	CU_ASSERT_EQUAL(m->inputs[13].type, CHISO_INPUT_NUMBER);
	CU_ASSERT_EQUAL(m->inputs[22].type, CHISO_INPUT_TEXT);
	CU_ASSERT_STRING_EQUAL(model_type_name(m->inputs[13].type), "number");
	CU_ASSERT_STRING_EQUAL(model_type_name(CHISO_INPUT_TEXT), "text");
	CU_ASSERT_STRING_EQUAL(model_type_name(0), "unknown");
	/* choices */
	in = &m->inputs[1];
	CU_ASSERT_STRING_EQUAL(in->id, "committee_chair");
	CU_ASSERT_EQUAL_FATAL(in->nchoices, 3);
	CU_ASSERT_STRING_EQUAL(in->choices[0], "head");
	CU_ASSERT_STRING_EQUAL(in->choices[1], "deputy");
	CU_ASSERT_STRING_EQUAL(in->choices[2], "none");
	CU_ASSERT_EQUAL(in->line, 21);
	CU_ASSERT_EQUAL(in->col, 3);
	/* labels, units */
	in = &m->inputs[0];
	CU_ASSERT_STRING_EQUAL(in->unit, "cu\xe1\xbb\x99\x63");
	CU_ASSERT_PTR_NULL(in->description);
	CU_ASSERT_PTR_NULL(m->inputs[4].unit);
	/* numeric bounds */
	CU_ASSERT_EQUAL(in->min.kind, BOUND_NUMBER);
	CU_ASSERT_DOUBLE_EQUAL(in->min.number, 0.0, 0.0);
	CU_ASSERT_EQUAL(in->max.kind, BOUND_NONE);
	in = &m->inputs[model_input_slot(m, "households_fibre_pct")];
	CU_ASSERT_EQUAL(in->max.kind, BOUND_NUMBER);
	CU_ASSERT_DOUBLE_EQUAL(in->max.number, 100.0, 0.0);
	/* cross-field bounds */
	total = model_input_slot(m, "officials_total");
	slot = model_input_slot(m, "officials_with_pc");
	CU_ASSERT_FATAL(slot >= 0 && total >= 0);
	in = &m->inputs[slot];
	CU_ASSERT_EQUAL(in->max.kind, BOUND_INPUT);
	CU_ASSERT_EQUAL(in->max.slot, total);
	CU_ASSERT_EQUAL(in->min.kind, BOUND_NUMBER);
	in = &m->inputs[model_input_slot(m, "communes_committee")];
	CU_ASSERT_EQUAL(in->max.kind, BOUND_INPUT);
	CU_ASSERT_EQUAL(in->max.slot, model_input_slot(m, "communes_total"));
	in = &m->inputs[model_input_slot(m, "communes_4g")];
	CU_ASSERT_EQUAL(in->max.kind, BOUND_INPUT);
	CU_ASSERT_EQUAL(in->max.slot, model_input_slot(m, "communes_total"));
	in = &m->inputs[model_input_slot(m, "plan_targets_met")];
	CU_ASSERT_EQUAL(in->max.slot,
	                model_input_slot(m, "plan_targets_total"));
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* used_by lists the indicators binding each input; deps are per leaf. */
static void test_example_used_by(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	const model_input *in;
	const model_node *n;
	size_t i, total = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	in = &m->inputs[model_input_slot(m, "communes_total")];
	CU_ASSERT_EQUAL_FATAL(in->nused, 2);
	CU_ASSERT_EQUAL(in->used_by[0], (size_t)model_node_index(m, "1.3"));
	CU_ASSERT_EQUAL(in->used_by[1], (size_t)model_node_index(m, "3.3"));
	in = &m->inputs[model_input_slot(m, "steering_meetings")];
	CU_ASSERT_EQUAL_FATAL(in->nused, 1);
	CU_ASSERT_EQUAL(in->used_by[0], (size_t)model_node_index(m, "1.1"));
	in = &m->inputs[model_input_slot(m, "antimalware")];
	CU_ASSERT_EQUAL_FATAL(in->nused, 1);
	CU_ASSERT_EQUAL(in->used_by[0], (size_t)model_node_index(m, "4.3"));
	in = &m->inputs[model_input_slot(m, "report_ref")];
	CU_ASSERT_EQUAL(in->nused, 0);
	CU_ASSERT_PTR_NULL(in->used_by);
	/* 1.3 binds numerator then denominator */
	n = &m->nodes[model_node_index(m, "1.3")];
	CU_ASSERT_EQUAL_FATAL(n->ndeps, 2);
	CU_ASSERT_EQUAL(n->deps[0].slot,
	                model_input_slot(m, "communes_committee"));
	CU_ASSERT_EQUAL(n->deps[1].slot, model_input_slot(m, "communes_total"));
	CU_ASSERT_EQUAL(n->deps[0].flags, 0);
	n = &m->nodes[model_node_index(m, "4.3")];
	CU_ASSERT_EQUAL(n->ndeps, 2);
	/* every dep appears in its input's used_by: 23 bindings in all */
	for (i = 0; i < m->ninputs; i++)
		total += m->inputs[i].nused;
	CU_ASSERT_EQUAL(total, 23);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* An input bound twice by one indicator is one dependency. */
static void test_deps_once(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(
	        reg,
	        HDR INPUTS TREE_HEAD
	        "      - {id: \"1.1\", name: A, points: 4, method: ratio, "
	        "params: {numerator: a, denominator: a}}\n"
	        "      - {id: \"1.2\", name: B, points: 6, method: ratio, "
	        "params: {numerator: b, denominator: a}}\n",
	        &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL(m->nodes[1].ndeps, 1);
	CU_ASSERT_EQUAL(m->nodes[1].deps[0].slot, 0);
	CU_ASSERT_EQUAL(m->nodes[2].ndeps, 2);
	CU_ASSERT_EQUAL_FATAL(m->inputs[0].nused, 2);
	CU_ASSERT_EQUAL(m->inputs[0].used_by[0], 1);
	CU_ASSERT_EQUAL(m->inputs[0].used_by[1], 2);
	CU_ASSERT_EQUAL(m->inputs[1].nused, 1);
	CU_ASSERT_EQUAL(m->inputs[2].nused, 0);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* model_load reads the file itself. */
static void test_model_load_file(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	char path[4096];
	const char *src = getenv("srcdir");
	chiso_model *m;

	snprintf(path, sizeof(path), "%s/criteria/example-district.yaml",
	         src && *src ? src : CHISO_BUILD_DIR);
	m = model_load(path, reg, &d);
	CU_ASSERT_PTR_NOT_NULL(m);
	if (m) {
		CU_ASSERT_STRING_EQUAL(m->path, path);
		CU_ASSERT_EQUAL(m->nleaves, 16);
	}
	model_free(m);
	m = model_load("/nonexistent/model.yaml", reg, &d);
	CU_ASSERT_PTR_NULL(m);
	CU_ASSERT(fixture_diag_has(&d, "/nonexistent/model.yaml: cannot "
	                               "open: No such file or directory"));
	plugin_registry_free(reg);
	diag_free(&d);
}

/* The small base model loads, with defaults. */
static void test_base_model(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, BASE, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL(d.count, 0);
	CU_ASSERT_EQUAL(m->precision, 4);
	CU_ASSERT_EQUAL(m->missing, MISSING_ZERO);
	CU_ASSERT_PTR_NULL(m->level);
	CU_ASSERT_PTR_NULL(m->issuer);
	CU_ASSERT_STRING_EQUAL(m->inputs[0].label, "a");
	CU_ASSERT_EQUAL(m->inputs[1].max.kind, BOUND_INPUT);
	CU_ASSERT_EQUAL(m->inputs[1].max.slot, 0);
	CU_ASSERT_EQUAL(m->nnodes, 2);
	CU_ASSERT_EQUAL(m->nleaves, 1);
	CU_ASSERT_EQUAL(m->nodes[1].line, 14);
	CU_ASSERT_EQUAL(m->nodes[1].col, 9);
	CU_ASSERT_DOUBLE_EQUAL(m->total_points, 10.0, 0.0);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* The top level and the "model" section. */
static void test_header_errors(void)
{
	CU_ASSERT(
	        load_fails(BASE "indice: 1\n",
	                   "test.yaml:15:1: unknown key 'indice' in the model "
	                   "file; did you mean 'indices'? (allowed: model, "
	                   "inputs, indices)"));
	CU_ASSERT(load_fails(
	        "model:\n  version: \"1\"\n  title: T\n" INPUTS TREE_HEAD
	                LEAF_11,
	        "test.yaml:2:3: model: missing required key 'id'"));
	CU_ASSERT(load_fails("model:\n  id: T_x\n  version: \"1\"\n  title: "
	                     "T\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:2:7: model.id 'T_x' must use only a-z, "
	                     "0-9, '.' and '-', e.g. vn-district-2023"));
	CU_ASSERT(load_fails(HDR "  tilte: U\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:5:3: unknown key 'tilte' in model; did "
	                     "you mean 'title'?"));
	CU_ASSERT(load_fails(HDR "  format: 2\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:5:11: model.format 2 is not supported: "
	                     "this chiso reads format 1"));
	CU_ASSERT(load_ok(HDR "  format: 1\n" INPUTS TREE_HEAD LEAF_11));
	CU_ASSERT(load_fails(HDR INPUTS,
	                     "test.yaml:1:1: the model file: missing required "
	                     "key 'indices'"));
	CU_ASSERT(load_fails(INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:1:1: the model file: missing required "
	                     "key 'model'"));
	CU_ASSERT(load_fails("- 1\n", "test.yaml:1:1: a model file must be a "
	                              "mapping, not a list"));
	CU_ASSERT(load_fails("", "test.yaml: the file is empty"));
	CU_ASSERT(load_fails("model: [1]\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:1:8: model must be a mapping, not a "
	                     "list"));
	CU_ASSERT(
	        load_fails(HDR INPUTS "indices: []\n",
	                   "test.yaml:9:10: indices is empty; a model needs at "
	                   "least one main index"));
	CU_ASSERT(load_fails(HDR INPUTS "indices: {a: 1}\n",
	                     "test.yaml:9:10: indices must be a list, not a "
	                     "mapping"));
	/* syntax errors of the reader come through */
	CU_ASSERT(load_fails(BASE "model: {}\n",
	                     "test.yaml:15:1: duplicate key 'model'"));
}

/* model.precision and model.missing. */
static void test_precision_missing(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m;

	CU_ASSERT(load_fails(HDR "  precision: 11\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:5:14: model.precision must be a whole "
	                     "number of decimals from 0 to 10"));
	CU_ASSERT(load_fails(HDR "  precision: 1.5\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:5:14: model.precision must be a whole "
	                     "number"));
	CU_ASSERT(load_fails(HDR "  precision: -1\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:5:14: model.precision must be a whole "
	                     "number"));
	/* Regression (fixed in core/model/model_load.c): formerly p != (int)p converts 1e300 to int before
	 * the range check, undefined behaviour (UBSan: "1e+300 is outside
	 * the range of representable values of type 'int'"); refused on
	 * x86 by luck. Check the range first. */
	CU_ASSERT(load_fails(HDR
	                     "  precision: 1e300\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:5:14: model.precision must be a whole "
	                     "number"));
	CU_ASSERT(
	        load_fails(HDR "  precision: \"4\"\n" INPUTS TREE_HEAD LEAF_11,
	                   "test.yaml:5:14: model.precision must be a number, "
	                   "not the quoted text \"4\"; remove the quotes"));
	CU_ASSERT(load_fails(HDR "  missing: skip\n" INPUTS TREE_HEAD LEAF_11,
	                     "test.yaml:5:12: model.missing must be one of: "
	                     "zero, exclude, error (not 'skip')"));
	m = fixture_model(
	        reg,
	        HDR
	        "  precision: 0\n  missing: exclude\n" INPUTS TREE_HEAD LEAF_11,
	        &d);
	CU_ASSERT_PTR_NOT_NULL(m);
	if (m) {
		CU_ASSERT_EQUAL(m->precision, 0);
		CU_ASSERT_EQUAL(m->missing, MISSING_EXCLUDE);
	}
	model_free(m);
	m = fixture_model(
	        reg,
	        HDR
	        "  precision: 10\n  missing: error\n" INPUTS TREE_HEAD LEAF_11,
	        &d);
	CU_ASSERT_PTR_NOT_NULL(m);
	if (m) {
		CU_ASSERT_EQUAL(m->precision, 10);
		CU_ASSERT_EQUAL(m->missing, MISSING_ERROR);
	}
	model_free(m);
	CU_ASSERT_EQUAL(d.errors, 0);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* The "inputs" section. */
static void test_input_errors(void)
{
	CU_ASSERT(load_fails(HDR "inputs:\n"
	                         "  a: {type: integer, min: 0}\n"
	                         "  b: {type: integer, min: 0, max: a}\n"
	                         "  c: {type: choice}\n" TREE_HEAD LEAF_11,
	                     "test.yaml:8:6: input 'c' of type choice needs "
	                     "'choices', e.g. choices: [head, deputy, none]"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0}\n"
	            "  b: {type: integer, min: 0, max: aa}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:7:35: bound 'aa' is neither a number "
	        "nor an input id; did you mean 'a'?"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: zzzzzz}\n"
	            "  b: {type: integer, min: 0, max: a}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:6:27: bound 'zzzzzz' is neither a number "
	        "nor an input id"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 5, max: 1}\n"
	            "  b: {type: integer, min: 0, max: a}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:6:35: max 1 of 'a' is below its min 5"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0}\n"
	            "  b: {type: integer, min: 0, max: b}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:7:35: input 'b' cannot be bounded by "
	        "itself"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0}\n"
	            "  b: {type: integer, min: 0, max: c}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:7:35: bound 'c' must be an integer or "
	        "number input, not choice"));
	CU_ASSERT(load_fails(HDR
	                     "inputs:\n"
	                     "  a: {type: integer, min: 0}\n"
	                     "  b: {type: integer, min: 0, max: a}\n"
	                     "  c: {type: boolean, max: 1}\n" TREE_HEAD LEAF_11,
	                     "test.yaml:8:6: min and max are only for integer "
	                     "and number inputs, not boolean"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0}\n"
	            "  b: {type: integer, min: 0, max: a}\n"
	            "  c: {type: choice, choices: [x, x]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:8:34: choice 'x' is listed twice"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0}\n"
	            "  b: {type: integer, min: 0, max: a}\n"
	            "  c: {type: choice, choices: []}\n" TREE_HEAD LEAF_11,
	        "test.yaml:8:30: choices must list at least one "
	        "choice"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0, choices: [x]}\n"
	            "  b: {type: integer, min: 0, max: a}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:6:39: 'choices' is only for inputs of "
	        "type choice"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integr, min: 0}\n"
	            "  b: {type: integer, min: 0, max: a}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:6:13: type must be one of: integer, "
	        "number, boolean, choice, text (not 'integr')"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {min: 0}\n"
	            "  b: {type: integer, min: 0, max: a}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:6:6: an input: missing required key "
	        "'type'"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0, lable: A}\n"
	            "  b: {type: integer, min: 0, max: a}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:6:30: unknown key 'lable' in an input; "
	        "did you mean 'label'?"));
	CU_ASSERT(load_fails(
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0}\n"
	            "  B-x: {type: integer}\n"
	            "  c: {type: choice, choices: [x, y]}\n" TREE_HEAD LEAF_11,
	        "test.yaml:7:3: input id 'B-x' must start with a "
	        "letter and use only a-z, 0-9 and '_'"));
	CU_ASSERT(load_fails(HDR "inputs:\n"
	                         "  a: {type: integer, min: 0}\n"
	                         "  a: {type: integer}\n" TREE_HEAD LEAF_11,
	                     "test.yaml:7:3: duplicate key 'a'"));
	CU_ASSERT(load_fails(HDR "inputs: [a, b]\n" TREE_HEAD LEAF_11,
	                     "test.yaml:5:9: inputs must be a mapping, not a "
	                     "list"));
}

/* The tree: points, shape, ids. */
static void test_tree_errors(void)
{
	CU_ASSERT(load_fails(HDR INPUTS "indices:\n"
	                                "  - id: \"1\"\n"
	                                "    name: One\n"
	                                "    points: 12\n"
	                                "    children:\n" LEAF_11,
	                     "test.yaml:12:13: points of '1' are 12 but its "
	                     "children add up to 10 (10); make them equal"));
	CU_ASSERT(load_fails(
	        HDR INPUTS TREE_HEAD
	        "      - {id: \"1.1\", name: A, points: 4, method: ratio, "
	        "params: {numerator: b, denominator: a}}\n"
	        "      - {id: \"1.2\", name: B, points: 3.5, method: ratio, "
	        "params: {numerator: b, denominator: a}}\n"
	        "      - {id: \"1.3\", name: C, points: 2, method: ratio, "
	        "params: {numerator: b, denominator: a}}\n",
	        "test.yaml:12:13: points of '1' are 10 but its children add up "
	        "to 9.5 (4 + 3.5 + 2); make them equal"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD "      - id: \"1.1\"\n"
	                                          "        name: A\n"
	                                          "        points: 10\n"
	                                          "        method: ratio\n"
	                                          "        children: []\n",
	                     "test.yaml:17:17: '1.1' has both children and a "
	                     "method; a node is either a group of children or "
	                     "an indicator"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: 10}\n",
	                     "test.yaml:14:9: '1.1' has neither children nor a "
	                     "method; add 'method:' (and 'params:') to make it "
	                     "an indicator"));
	CU_ASSERT(
	        load_fails(BASE "  - {id: \"1.1\", name: B, points: 5, "
	                        "method: boolean, params: {input: c}}\n",
	                   "test.yaml:15:10: id '1.1' is used twice (first at "
	                   "line 14); ids must be unique in the model"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1 1\", name: A, points: 10, "
	                     "method: boolean, params: {input: c}}\n",
	                     "test.yaml:14:14: id '1 1' must use only letters, "
	                     "digits, '.', '_' and '-'"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: -10, "
	                     "method: ratio, params: {numerator: b, "
	                     "denominator: a}}\n",
	                     "test.yaml:14:38: points must not be negative"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", points: 10, method: ratio, "
	                     "params: {numerator: b, denominator: a}}\n",
	                     "test.yaml:14:9: an index or indicator: missing "
	                     "required key 'name'"));
	CU_ASSERT(
	        load_fails(HDR INPUTS TREE_HEAD
	                   "      - {id: \"1.1\", name: A, pionts: 10, "
	                   "method: ratio, params: {numerator: b, "
	                   "denominator: a}}\n",
	                   "test.yaml:14:30: unknown key 'pionts' in an index "
	                   "or indicator; did you mean 'points'?"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: 10, kind: "
	                     "optional, method: ratio, params: {numerator: b, "
	                     "denominator: a}}\n",
	                     "test.yaml:14:48: kind must be one of: mandatory, "
	                     "extended (not 'optional')"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: 10, "
	                     "method: ratio, params: [b, a]}\n",
	                     "test.yaml:14:65: params must be a mapping, not a "
	                     "list"));
	CU_ASSERT(load_fails(HDR INPUTS "indices:\n"
	                                "  - id: \"1\"\n"
	                                "    name: One\n"
	                                "    points: 10\n"
	                                "    params: {}\n"
	                                "    children:\n" LEAF_11,
	                     "test.yaml:13:13: 'params' belongs to indicators "
	                     "with a method"));
	CU_ASSERT(
	        load_fails(HDR INPUTS "indices:\n"
	                              "  - id: \"1\"\n"
	                              "    name: One\n"
	                              "    points: 10\n"
	                              "    children: []\n",
	                   "test.yaml:13:15: children is empty; give the node "
	                   "children or a method"));
}

/* Errors from methods: inputs, types, plugins, params. */
static void test_method_errors(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m;
	char want[2048];

	CU_ASSERT(
	        load_fails(HDR INPUTS TREE_HEAD
	                   "      - {id: \"1.1\", name: A, points: 10, "
	                   "method: ratio, params: {numerator: bb, "
	                   "denominator: a}}\n",
	                   "test.yaml:14:77: indicator 1.1 (method ratio): "
	                   "unknown input 'bb'; did you mean 'b'? (inputs are "
	                   "declared under 'inputs:')"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: 10, "
	                     "method: ratio, params: {numerator: "
	                     "qqqqqqqqqq, denominator: a}}\n",
	                     "test.yaml:14:77: indicator 1.1 (method ratio): "
	                     "unknown input 'qqqqqqqqqq'; declare it under "
	                     "'inputs:' first"));
	CU_ASSERT(
	        load_fails(HDR INPUTS TREE_HEAD
	                   "      - {id: \"1.1\", name: A, points: 10, "
	                   "method: ratio, params: {numerator: c, "
	                   "denominator: a}}\n",
	                   "test.yaml:14:77: indicator 1.1 (method ratio): "
	                   "input 'c' is choice, but this method needs integer "
	                   "or number"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: 10, "
	                     "method: boolean, params: {input: a}}\n",
	                     "test.yaml:14:75: indicator 1.1 (method boolean): "
	                     "input 'a' is integer, but this method needs "
	                     "boolean"));
	/* an unknown method: the message lists the search path */
	m = fixture_model(reg,
	                  HDR INPUTS TREE_HEAD
	                  "      - {id: \"1.1\", name: A, points: 10, "
	                  "method: ratoi, params: {numerator: b, "
	                  "denominator: a}}\n",
	                  &d);
	CU_ASSERT_PTR_NULL(m);
	CU_ASSERT_EQUAL(d.errors, 1);
	CU_ASSERT(fixture_diag_has_msg(&d, "test.yaml:14:50: indicator 1.1: no "
	                                   "plugin 'ratoi'"));
	snprintf(want, sizeof(want), "(looked for ratoi.so in: %s)",
	         fixture_plugin_dir());
	CU_ASSERT(fixture_diag_has(&d, want));
	model_free(m);
	diag_free(&d);
	/* two directories: both are listed, in order */
	plugin_registry_add_dir(reg, "/nonexistent/plugins");
	m = fixture_model(reg,
	                  HDR INPUTS TREE_HEAD
	                  "      - {id: \"1.1\", name: A, points: 10, "
	                  "method: nosuch, params: {numerator: b, "
	                  "denominator: a}}\n",
	                  &d);
	CU_ASSERT_PTR_NULL(m);
	snprintf(want, sizeof(want),
	         "(looked for nosuch.so in: %s, /nonexistent/plugins)",
	         fixture_plugin_dir());
	CU_ASSERT(fixture_diag_has(&d, want));
	model_free(m);
	diag_free(&d);
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: 10, "
	                     "method: Ratio, params: {numerator: b, "
	                     "denominator: a}}\n",
	                     "test.yaml:14:50: indicator 1.1: method name "
	                     "'Ratio' is not valid: use [a-z0-9_]+"));
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: 10, "
	                     "method: ratio, params: {numerator: b, "
	                     "denominator: a, targte: 1}}\n",
	                     "test.yaml:14:96: indicator 1.1 (method ratio): "
	                     "unknown param 'targte'; did you mean 'target'? "
	                     "(allowed: numerator, denominator, target, "
	                     "zero_denominator)"));
	/* no params at all: the missing param is reported at the node */
	CU_ASSERT(load_fails(HDR INPUTS TREE_HEAD
	                     "      - {id: \"1.1\", name: A, points: 10, "
	                     "method: ratio}\n",
	                     "test.yaml:14:9: indicator 1.1 (method ratio): "
	                     "missing required param \"numerator\""));
	plugin_registry_free(reg);
}

/* Every independent problem is reported, not only the first. */
static void test_every_problem(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m;
	const char *text = HDR INPUTS
	        "indices:\n"
	        "  - id: \"1\"\n"
	        "    name: One\n"
	        "    points: 12\n"
	        "    children:\n" LEAF_11 /* line 14 */
	        "  - {id: \"2\", name: Two, points: 5, method: nosuch}\n"
	        "  - {id: \"3\", name: Three, points: 5}\n";

	m = fixture_model(reg, text, &d);
	CU_ASSERT_PTR_NULL(m);
	CU_ASSERT_EQUAL(d.errors, 3);
	CU_ASSERT(
	        fixture_diag_has(&d, "test.yaml:12:13: points of '1' are 12"));
	CU_ASSERT(fixture_diag_has(&d, "test.yaml:15:45: indicator 2: no "
	                               "plugin 'nosuch'"));
	CU_ASSERT(fixture_diag_has(&d, "test.yaml:16:5: '3' has neither "
	                               "children nor a method"));
	model_free(m);
	diag_free(&d);
	/* header and inputs problems together (the tree is skipped when
	 * the inputs failed, so that one typo does not cascade) */
	m = fixture_model(reg,
	                  "model:\n  id: X\n  version: \"1\"\n  title: T\n"
	                  "inputs:\n"
	                  "  a: {type: integr, min: 0}\n"
	                  "  b: {type: integer, min: 0, max: a}\n"
	                  "  c: {type: choice}\n" TREE_HEAD LEAF_11,
	                  &d);
	CU_ASSERT_PTR_NULL(m);
	CU_ASSERT_EQUAL(d.errors, 3);
	CU_ASSERT(fixture_diag_has(&d, "test.yaml:2:7: model.id 'X'"));
	CU_ASSERT(fixture_diag_has(&d, "test.yaml:6:13: type must be one of"));
	CU_ASSERT(fixture_diag_has(&d, "test.yaml:8:6: input 'c' of type "
	                               "choice needs 'choices'"));
	/* cross-field bounds are resolved only once every input read
	 * well: the unknown bound 'aa' is not reported next to c's error */
	CU_ASSERT_EQUAL(load_errors(HDR
	                            "inputs:\n"
	                            "  a: {type: integer, min: 0}\n"
	                            "  b: {type: integer, min: 0, max: aa}\n"
	                            "  c: {type: choice}\n" TREE_HEAD LEAF_11),
	                1);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* Errors are appended to a diag that already holds some. */
static void test_diag_accumulates(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m;

	diag_error(&d, "earlier", 1, 1, "an earlier problem");
	m = fixture_model(reg, BASE, &d);
	/* the earlier error does not make this model fail */
	CU_ASSERT_PTR_NOT_NULL(m);
	CU_ASSERT_EQUAL(d.errors, 1);
	model_free(m);
	m = fixture_model(reg, BASE "x: 1\n", &d);
	CU_ASSERT_PTR_NULL(m);
	CU_ASSERT_EQUAL(d.errors, 2);
	CU_ASSERT_STRING_EQUAL(d.items[0].text,
	                       "earlier:1:1: an earlier problem");
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* Several models share one registry; the plugin is loaded once. */
static void test_shared_registry(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m1 = fixture_model(reg, BASE, &d);
	chiso_model *m2 = fixture_model(reg, BASE, &d);

	CU_ASSERT_PTR_NOT_NULL_FATAL(m1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m2);
	CU_ASSERT_PTR_EQUAL(m1->nodes[1].plugin, m2->nodes[1].plugin);
	CU_ASSERT_STRING_EQUAL(m1->sha256, m2->sha256);
	CU_ASSERT_PTR_NOT_EQUAL(m1->nodes[1].state, m2->nodes[1].state);
	model_free(m1);
	model_free(m2);
	plugin_registry_free(reg);
	diag_free(&d);
}

static CU_TestInfo tests[] = {
        {"example model", test_example_model},
        {"example tree", test_example_tree},
        {"example inputs and slots", test_example_inputs},
        {"example used_by", test_example_used_by},
        {"deps counted once", test_deps_once},
        {"model_load from a file", test_model_load_file},
        {"base model", test_base_model},
        {"header errors", test_header_errors},
        {"precision and missing", test_precision_missing},
        {"input errors", test_input_errors},
        {"tree errors", test_tree_errors},
        {"method errors", test_method_errors},
        {"every problem reported", test_every_problem},
        {"diag accumulates", test_diag_accumulates},
        {"shared registry", test_shared_registry},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("model", tests)
