/*
 * test_methods.c - the built-in methods (plugins/NAME.c) through the whole
 * path: a model using each, units' data, eval_batch, and the results in
 * the batch arrays (status, fraction, raw, note), plus each method's
 * prepare errors at their line:col.
 */
#include "fixtures.h"
#include "cutest.h"
#include "eval/data.h"
#include "eval/eval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HDR "model:\n  id: t\n  version: \"1\"\n  title: T\n"

/* A model, a batch read from data text, evaluated. */
struct run {
	plugin_registry *reg;
	chiso_model *m;
	batch b;
	diag d;
	int ok;
};

static void run_open(struct run *r, const char *model, const char *data)
{
	memset(r, 0, sizeof(*r));
	r->reg = fixture_registry();
	r->m = fixture_model(r->reg, model, &r->d);
	if (!r->m) {
		fixture_diag_dump(&r->d);
		return;
	}
	batch_init(&r->b, r->m);
	if (fixture_data(&r->b, "data.yaml", data, &r->d) != 0) {
		fixture_diag_dump(&r->d);
		return;
	}
	eval_batch(&r->b);
	r->ok = 1;
}

static void run_close(struct run *r)
{
	if (r->m)
		batch_free(&r->b);
	model_free(r->m);
	plugin_registry_free(r->reg);
	diag_free(&r->d);
}

/* Checks one indicator of one unit. has_raw < 0: do not check raw.
 * Fractions are compared exactly: the tests give the double the method
 * must compute. Prints every mismatch. */
static int leaf_is(const struct run *r, const char *unit, const char *id,
                   int status, double fraction, int has_raw, double raw,
                   const char *note)
{
	const batch *b = &r->b;
	int u = fixture_unit(b, unit);
	size_t k, ni, li;
	int ok = 1;

	if (!r->ok || u < 0) {
		fprintf(stderr, "\nno unit %s\n", unit);
		return 0;
	}
	k = fixture_leaf(r->m, id);
	ni = BATCH_NODE(b, (size_t)u, r->m->leaves[k]);
	li = BATCH_LEAF(b, (size_t)u, k);
	if (b->node_status[ni] != status) {
		fprintf(stderr, "\n%s/%s: status %d, want %d\n", unit, id,
		        b->node_status[ni], status);
		ok = 0;
	}
	if (status == CHISO_STATUS_OK && b->leaf_fraction[li] != fraction) {
		fprintf(stderr, "\n%s/%s: fraction %.17g, want %.17g\n", unit,
		        id, b->leaf_fraction[li], fraction);
		ok = 0;
	}
	if (has_raw >= 0 && b->leaf_has_raw[li] != has_raw) {
		fprintf(stderr, "\n%s/%s: has_raw %d, want %d\n", unit, id,
		        b->leaf_has_raw[li], has_raw);
		ok = 0;
	}
	if (has_raw > 0 && b->leaf_raw[li] != raw) {
		fprintf(stderr, "\n%s/%s: raw %.17g, want %.17g\n", unit, id,
		        b->leaf_raw[li], raw);
		ok = 0;
	}
	if (note && strcmp(batch_str(b, b->leaf_note[li]), note) != 0) {
		fprintf(stderr, "\n%s/%s: note '%s', want '%s'\n", unit, id,
		        batch_str(b, b->leaf_note[li]), note);
		ok = 0;
	}
	return ok;
}

/* Points earned and available of node id for unit. */
static int points_are(const struct run *r, const char *unit, const char *id,
                      double points, double max)
{
	int u = fixture_unit(&r->b, unit);
	size_t ni;

	if (!r->ok || u < 0)
		return 0;
	ni = BATCH_NODE(&r->b, (size_t)u, fixture_node(r->m, id));
	if (r->b.node_points[ni] != points || r->b.node_max[ni] != max) {
		fprintf(stderr,
		        "\n%s/%s: %.17g of %.17g, want %.17g of %.17g\n", unit,
		        id, r->b.node_points[ni], r->b.node_max[ni], points,
		        max);
		return 0;
	}
	return 1;
}

/* The failed flag of unit, and whether it has a problem with text. */
static int unit_failed(const struct run *r, const char *unit, const char *text)
{
	int u = fixture_unit(&r->b, unit);

	if (!r->ok || u < 0)
		return 0;
	if (!r->b.units[u].failed)
		return 0;
	if (text && !fixture_problem_has(&r->b, (size_t)u, text)) {
		fixture_problems_dump(&r->b);
		return 0;
	}
	return 1;
}

/* The inputs every prepare-error model declares (lines 6-13). */
#define PREP_INPUTS                                                            \
	"inputs:\n"                                                            \
	"  n: {type: integer}\n"                                               \
	"  d: {type: integer}\n"                                               \
	"  x: {type: number}\n"                                                \
	"  f: {type: boolean}\n"                                               \
	"  g: {type: boolean}\n"                                               \
	"  c: {type: choice, choices: [head, deputy, none]}\n"                 \
	"  s: {type: text}\n"                                                  \
	"  h: {type: boolean}\n"

/*
 * Loads a model whose one indicator (on line 15) uses method with the
 * given params text. A '@' in params marks the node the error must be
 * reported at: the test expects "test.yaml:15:COL: indicator 1 (method
 * M): " + want. Returns 1 when loading failed with that error.
 */
static int prep_fails(const char *method, const char *params, const char *want)
{
	char text[4096], line[1024], place[128], msg[1024];
	const char *at = strchr(params, '@');
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m;
	size_t col;
	int ok;

	snprintf(line, sizeof(line),
	         "  - {id: \"1\", name: X, points: 5, method: %s, params: "
	         "%.*s%s}",
	         method, at ? (int)(at - params) : (int)strlen(params), params,
	         at ? at + 1 : "");
	col = strlen("  - {id: \"1\", name: X, points: 5, method: , params: ") +
	      strlen(method) + (at ? (size_t)(at - params) : 0) + 1;
	snprintf(text, sizeof(text), HDR PREP_INPUTS "indices:\n%s\n", line);
	m = fixture_model(reg, text, &d);
	if (at)
		snprintf(place, sizeof(place), "test.yaml:15:%zu: ", col);
	else
		snprintf(place, sizeof(place), "test.yaml:15:5: ");
	snprintf(msg, sizeof(msg), "%sindicator 1 (method %s): %s", place,
	         method, want);
	ok = m == NULL && fixture_diag_has_msg(&d, msg);
	if (!ok) {
		fprintf(stderr, "\nexpected '%s', got %s:\n", msg,
		        m ? "a model" : "no model");
		fixture_diag_dump(&d);
	}
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return ok;
}

/* Same model shape, expecting it to load; returns the warnings. */
static long prep_warnings(const char *method, const char *params)
{
	char text[4096];
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m;
	long n;

	snprintf(text, sizeof(text),
	         HDR PREP_INPUTS
	         "indices:\n  - {id: \"1\", name: X, points: 5, "
	         "method: %s, params: %s}\n",
	         method, params);
	m = fixture_model(reg, text, &d);
	n = m ? (long)d.warnings : -1;
	if (!m || getenv("CHISO_TEST_VERBOSE"))
		fixture_diag_dump(&d);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return n;
}

/* --- ratio ------------------------------------------------------------ */

#define RATIO_MODEL                                                            \
	HDR "inputs:\n"                                                        \
	    "  n: {type: integer, min: 0}\n"                                   \
	    "  d: {type: integer, min: 0}\n"                                   \
	    "  a: {type: number}\n"                                            \
	    "  b: {type: number}\n"                                            \
	    "indices:\n"                                                       \
	    "  - id: R\n"                                                      \
	    "    name: Ratio\n"                                                \
	    "    points: 50\n"                                                 \
	    "    children:\n"                                                  \
	    "      - {id: na, name: A, points: 10, method: ratio, params: "    \
	    "{numerator: n, denominator: d}}\n"                                \
	    "      - {id: zero, name: B, points: 10, method: ratio, params: "  \
	    "{numerator: n, denominator: d, zero_denominator: zero}}\n"        \
	    "      - {id: full, name: C, points: 10, method: ratio, params: "  \
	    "{numerator: n, denominator: d, zero_denominator: full}}\n"        \
	    "      - {id: half, name: D, points: 10, method: ratio, params: "  \
	    "{numerator: n, denominator: d, target: 0.5}}\n"                   \
	    "      - {id: free, name: E, points: 10, method: ratio, params: "  \
	    "{numerator: a, denominator: b, zero_denominator: na}}\n"

static void test_ratio(void)
{
	struct run r;

	run_open(&r, RATIO_MODEL,
	         "units:\n"
	         "  - unit: {code: U1}\n"
	         "    values: {n: 3, d: 4, a: 3, b: 4}\n"
	         "  - unit: {code: U2}\n"
	         "    values: {n: 0, d: 0, a: -1, b: 2}\n"
	         "  - unit: {code: U3}\n"
	         "    values: {n: 5, d: 0, a: 1e308, b: 1e-300}\n"
	         "  - unit: {code: U4}\n"
	         "    values: {n: 1, d: 3, a: 7, b: 5}\n");
	CU_ASSERT_FATAL(r.ok);
	/* 3/4 */
	CU_ASSERT(leaf_is(&r, "U1", "na", CHISO_STATUS_OK, 0.75, 1, 0.75,
	                  "3/4 = 0.75 (target 1)"));
	CU_ASSERT(leaf_is(&r, "U1", "zero", CHISO_STATUS_OK, 0.75, 1, 0.75,
	                  "3/4 = 0.75 (target 1)"));
	CU_ASSERT(leaf_is(&r, "U1", "full", CHISO_STATUS_OK, 0.75, 1, 0.75,
	                  "3/4 = 0.75 (target 1)"));
	/* above the target: capped at 1, raw still the ratio */
	CU_ASSERT(leaf_is(&r, "U1", "half", CHISO_STATUS_OK, 1.0, 1, 0.75,
	                  "3/4 = 0.75 (target 0.5)"));
	CU_ASSERT(points_are(&r, "U1", "na", 7.5, 10));
	CU_ASSERT(points_are(&r, "U1", "half", 10, 10));
	/* 0/0: the three zero_denominator policies */
	CU_ASSERT(leaf_is(&r, "U2", "na", CHISO_STATUS_NA, 0, 0, 0,
	                  "0/0: denominator is 0, not applicable"));
	CU_ASSERT(points_are(&r, "U2", "na", 0, 0));
	CU_ASSERT(leaf_is(&r, "U2", "zero", CHISO_STATUS_OK, 0.0, 0, 0,
	                  "0/0: denominator is 0, scored 0"));
	CU_ASSERT(points_are(&r, "U2", "zero", 0, 10));
	CU_ASSERT(leaf_is(&r, "U2", "full", CHISO_STATUS_OK, 1.0, 0, 0,
	                  "0/0: denominator is 0, scored 1"));
	CU_ASSERT(points_are(&r, "U2", "full", 10, 10));
	CU_ASSERT(leaf_is(&r, "U2", "half", CHISO_STATUS_NA, 0, 0, 0,
	                  "0/0: denominator is 0, not applicable"));
	CU_ASSERT(leaf_is(&r, "U3", "na", CHISO_STATUS_NA, 0, 0, 0,
	                  "5/0: denominator is 0, not applicable"));
	CU_ASSERT(leaf_is(&r, "U3", "full", CHISO_STATUS_OK, 1.0, 0, 0,
	                  "5/0: denominator is 0, scored 1"));
	/* negative counts and an infinite ratio are errors */
	CU_ASSERT(leaf_is(&r, "U2", "free", CHISO_STATUS_ERROR, 0, 0, 0,
	                  "-1/2: a ratio needs counts >= 0"));
	CU_ASSERT(points_are(&r, "U2", "free", 0, 10));
	CU_ASSERT(unit_failed(&r, "U2",
	                      "data.yaml:4:5: unit U2: indicator free (method "
	                      "ratio): -1/2: a ratio needs counts >= 0"));
	CU_ASSERT(leaf_is(&r, "U3", "free", CHISO_STATUS_ERROR, 0, 0, 0,
	                  "1e+308/1e-300 is not a finite ratio"));
	/* a ratio above 1 with the default target is capped too */
	CU_ASSERT(leaf_is(&r, "U4", "free", CHISO_STATUS_OK, 1.0, 1, 7.0 / 5.0,
	                  "7/5 = 1.4 (target 1)"));
	/* 1/3 exactly as divided, and against the 0.5 target */
	CU_ASSERT(leaf_is(&r, "U4", "na", CHISO_STATUS_OK, 1.0 / 3.0, 1,
	                  1.0 / 3.0, "1/3 = 0.333333 (target 1)"));
	CU_ASSERT(leaf_is(&r, "U4", "half", CHISO_STATUS_OK, (1.0 / 3.0) / 0.5,
	                  1, 1.0 / 3.0, "1/3 = 0.333333 (target 0.5)"));
	CU_ASSERT(!r.b.units[fixture_unit(&r.b, "U1")].failed);
	CU_ASSERT(!r.b.units[fixture_unit(&r.b, "U4")].failed);
	run_close(&r);
}

static void test_ratio_prepare_errors(void)
{
	CU_ASSERT(prep_fails("ratio",
	                     "{numerator: n, denominator: d, target: @0}",
	                     "target must be greater than 0 (got 0)"));
	CU_ASSERT(prep_fails("ratio",
	                     "{numerator: n, denominator: d, target: @-0.5}",
	                     "target must be greater than 0 (got -0.5)"));
	CU_ASSERT(prep_fails("ratio",
	                     "{numerator: n, denominator: d, target: @high}",
	                     "target must be a number, not high"));
	CU_ASSERT(prep_fails("ratio",
	                     "{numerator: n, denominator: d, zero_denominator: "
	                     "@skip}",
	                     "zero_denominator: must be na, zero or full (got "
	                     "\"skip\")"));
	CU_ASSERT(prep_fails("ratio", "@{denominator: d}",
	                     "missing required param \"numerator\""));
	CU_ASSERT(prep_fails("ratio", "{numerator: @[n], denominator: d}",
	                     "numerator: must be the id of one input"));
	CU_ASSERT(prep_fails("ratio", "{numerator: n, denominator: @f}",
	                     "input 'f' is boolean, but this method needs "
	                     "integer or number"));
	CU_ASSERT(prep_fails("ratio",
	                     "{numerator: n, denominator: d, @tagret: 1}",
	                     "unknown param 'tagret'; did you mean 'target'?"));
	/* no params at all: at the indicator */
	CU_ASSERT(prep_fails("ratio", "@{}",
	                     "missing required param \"numerator\""));
}

/* --- bands ------------------------------------------------------------ */

#define BANDS_MODEL                                                            \
	HDR "inputs:\n"                                                        \
	    "  m: {type: integer, min: 0}\n"                                   \
	    "  days: {type: number}\n"                                         \
	    "indices:\n"                                                       \
	    "  - {id: up, name: A, points: 20, method: bands, params: "        \
	    "{input: m, "                                                      \
	    "bands: [[4, 1.0], [3, 0.75], [2, 0.5], [1, 0.25]]}}\n"            \
	    "  - {id: down, name: B, points: 10, method: bands, params: "      \
	    "{input: "                                                         \
	    "days, lower_is_better: true, bands: [[1, 1.0], [3, 0.5]]}}\n"

static void test_bands(void)
{
	struct run r;

	run_open(&r, BANDS_MODEL,
	         "units:\n"
	         "  - unit: {code: U4}\n"
	         "    values: {m: 4, days: 0.5}\n"
	         "  - unit: {code: U5}\n"
	         "    values: {m: 5, days: 1}\n"
	         "  - unit: {code: U3}\n"
	         "    values: {m: 3, days: 2}\n"
	         "  - unit: {code: U2}\n"
	         "    values: {m: 2, days: 3}\n"
	         "  - unit: {code: U0}\n"
	         "    values: {m: 0, days: 4}\n");
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT(leaf_is(&r, "U4", "up", CHISO_STATUS_OK, 1.0, 1, 4,
	                  "4 >= 4 -> 1"));
	CU_ASSERT(points_are(&r, "U4", "up", 20, 20));
	CU_ASSERT(leaf_is(&r, "U5", "up", CHISO_STATUS_OK, 1.0, 1, 5,
	                  "5 >= 4 -> 1"));
	CU_ASSERT(leaf_is(&r, "U3", "up", CHISO_STATUS_OK, 0.75, 1, 3,
	                  "3 >= 3 -> 0.75"));
	CU_ASSERT(points_are(&r, "U3", "up", 15, 20));
	CU_ASSERT(leaf_is(&r, "U2", "up", CHISO_STATUS_OK, 0.5, 1, 2,
	                  "2 >= 2 -> 0.5"));
	CU_ASSERT(leaf_is(&r, "U0", "up", CHISO_STATUS_OK, 0.0, 1, 0,
	                  "0 < 1 -> 0"));
	CU_ASSERT(points_are(&r, "U0", "up", 0, 20));
	/* lower is better */
	CU_ASSERT(leaf_is(&r, "U4", "down", CHISO_STATUS_OK, 1.0, 1, 0.5,
	                  "0.5 <= 1 -> 1"));
	CU_ASSERT(leaf_is(&r, "U5", "down", CHISO_STATUS_OK, 1.0, 1, 1,
	                  "1 <= 1 -> 1"));
	CU_ASSERT(leaf_is(&r, "U3", "down", CHISO_STATUS_OK, 0.5, 1, 2,
	                  "2 <= 3 -> 0.5"));
	CU_ASSERT(leaf_is(&r, "U2", "down", CHISO_STATUS_OK, 0.5, 1, 3,
	                  "3 <= 3 -> 0.5"));
	CU_ASSERT(leaf_is(&r, "U0", "down", CHISO_STATUS_OK, 0.0, 1, 4,
	                  "4 > 3 -> 0"));
	CU_ASSERT(points_are(&r, "U3", "down", 5, 10));
	run_close(&r);
}

static void test_bands_prepare_errors(void)
{
	CU_ASSERT(prep_fails("bands",
	                     "{input: n, bands: [[3, 1.0], [@4, 0.5]]}",
	                     "bands: thresholds must be strictly descending (4 "
	                     "after 3)"));
	CU_ASSERT(prep_fails("bands",
	                     "{input: n, bands: [[3, 1.0], [@3, 0.5]]}",
	                     "bands: thresholds must be strictly descending (3 "
	                     "after 3)"));
	CU_ASSERT(prep_fails("bands",
	                     "{input: x, lower_is_better: true, bands: [[3, "
	                     "1.0], [@1, 0.5]]}",
	                     "bands: with lower_is_better, thresholds must be "
	                     "strictly ascending (1 after 3)"));
	CU_ASSERT(prep_fails("bands", "{input: n, bands: [[4, @1.5]]}",
	                     "bands[0] fraction must be between 0 and 1 (got "
	                     "1.5)"));
	CU_ASSERT(prep_fails("bands", "{input: n, bands: [[4, 1], @[3]]}",
	                     "bands[1]: must be a [threshold, fraction] pair"));
	CU_ASSERT(prep_fails("bands", "{input: n, bands: [[@four, 1]]}",
	                     "bands[0] threshold must be a number, not four"));
	CU_ASSERT(prep_fails("bands", "{input: n, bands: @[]}",
	                     "bands: needs at least one [threshold, fraction] "
	                     "pair"));
	CU_ASSERT(prep_fails("bands", "{input: n, bands: @{a: 1}}",
	                     "bands: must be a list of [threshold, fraction] "
	                     "pairs"));
	CU_ASSERT(prep_fails("bands", "@{input: n}",
	                     "missing required param \"bands\""));
	CU_ASSERT(prep_fails("bands",
	                     "{input: n, lower_is_better: @maybe, bands: [[1, "
	                     "1]]}",
	                     "lower_is_better must be true or false, not "
	                     "maybe"));
	CU_ASSERT(prep_fails("bands", "{input: @c, bands: [[1, 1]]}",
	                     "input 'c' is choice, but this method needs "
	                     "integer or number"));
	/* a better band scoring less only warns */
	CU_ASSERT_EQUAL(
	        prep_warnings("bands", "{input: n, bands: [[4, 0.5], [3, 1]]}"),
	        1);
	CU_ASSERT_EQUAL(
	        prep_warnings("bands", "{input: n, bands: [[4, 1], [3, 0.5]]}"),
	        0);
}

/* --- boolean ---------------------------------------------------------- */

static void test_boolean(void)
{
	struct run r;

	run_open(&r,
	         HDR
	         "inputs:\n  f: {type: boolean}\n"
	         "indices:\n  - {id: b, name: B, points: 5, method: boolean, "
	         "params: {input: f}}\n",
	         "units:\n"
	         "  - unit: {code: Y}\n"
	         "    values: {f: true}\n"
	         "  - unit: {code: N}\n"
	         "    values: {f: no}\n");
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT(leaf_is(&r, "Y", "b", CHISO_STATUS_OK, 1.0, 1, 1, "yes"));
	CU_ASSERT(points_are(&r, "Y", "b", 5, 5));
	CU_ASSERT(leaf_is(&r, "N", "b", CHISO_STATUS_OK, 0.0, 1, 0, "no"));
	CU_ASSERT(points_are(&r, "N", "b", 0, 5));
	run_close(&r);
	CU_ASSERT(prep_fails("boolean", "{input: @n}",
	                     "input 'n' is integer, but this method needs "
	                     "boolean"));
	CU_ASSERT(prep_fails("boolean", "{input: @zz}", "unknown input 'zz'"));
	CU_ASSERT(prep_fails("boolean", "{input: f, @inputs: g}",
	                     "unknown param 'inputs'; did you mean 'input'?"));
	CU_ASSERT(prep_fails("boolean", "@{}",
	                     "missing required param \"input\""));
}

/* --- choice ----------------------------------------------------------- */

static void test_choice(void)
{
	struct run r;

	run_open(&r,
	         HDR
	         "inputs:\n  c: {type: choice, choices: [head, deputy, none]}\n"
	         "indices:\n  - {id: ch, name: C, points: 4, method: choice, "
	         "params: {input: c, scores: {none: 0, head: 1, deputy: "
	         "0.5}}}\n",
	         "units:\n"
	         "  - unit: {code: H}\n"
	         "    values: {c: head}\n"
	         "  - unit: {code: D}\n"
	         "    values: {c: deputy}\n"
	         "  - unit: {code: N}\n"
	         "    values: {c: none}\n");
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT(leaf_is(&r, "H", "ch", CHISO_STATUS_OK, 1.0, 0, 0,
	                  "head -> 1"));
	CU_ASSERT(leaf_is(&r, "D", "ch", CHISO_STATUS_OK, 0.5, 0, 0,
	                  "deputy -> 0.5"));
	CU_ASSERT(points_are(&r, "D", "ch", 2, 4));
	CU_ASSERT(leaf_is(&r, "N", "ch", CHISO_STATUS_OK, 0.0, 0, 0,
	                  "none -> 0"));
	run_close(&r);
}

static void test_choice_prepare_errors(void)
{
	CU_ASSERT(prep_fails("choice",
	                     "{input: c, scores: @{head: 1, deputy: "
	                     "0.5}}",
	                     "scores: no score for choice \"none\" of input "
	                     "\"c\""));
	CU_ASSERT(prep_fails("choice",
	                     "{input: c, scores: {head: 1, deputy: 0.5, none: "
	                     "0, boss: @1}}",
	                     "scores: \"boss\" is not a choice of input \"c\"; "
	                     "its choices are: head, deputy, none"));
	CU_ASSERT(prep_fails("choice",
	                     "{input: c, scores: {head: @2, deputy: 0.5, none: "
	                     "0}}",
	                     "score of \"head\" must be between 0 and 1 (got "
	                     "2)"));
	CU_ASSERT(prep_fails("choice", "{input: c, scores: @[1, 0.5, 0]}",
	                     "scores: must be a map from each choice to its "
	                     "fraction"));
	CU_ASSERT(prep_fails("choice", "@{input: c}",
	                     "missing required param \"scores\""));
	CU_ASSERT(prep_fails("choice", "{input: @s, scores: {a: 1}}",
	                     "input 's' is text, but this method needs "
	                     "choice"));
}

/* --- parts ------------------------------------------------------------ */

static void test_parts(void)
{
	struct run r;

	run_open(&r,
	         HDR
	         "inputs:\n  a: {type: boolean}\n  b: {type: boolean}\n"
	         "  c: {type: boolean}\n"
	         "indices:\n  - {id: p, name: P, points: 10, method: parts, "
	         "params: {parts: [{input: a, share: 0.5}, {input: b, "
	         "share: 0.3}, {input: c, share: 0.2}]}}\n",
	         "units:\n"
	         "  - unit: {code: ALL}\n"
	         "    values: {a: true, b: true, c: true}\n"
	         "  - unit: {code: AC}\n"
	         "    values: {a: true, b: false, c: true}\n"
	         "  - unit: {code: B}\n"
	         "    values: {a: false, b: true, c: false}\n"
	         "  - unit: {code: NONE}\n"
	         "    values: {a: false, b: false, c: false}\n");
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT(leaf_is(&r, "ALL", "p", CHISO_STATUS_OK, (0.5 + 0.3) + 0.2, 1,
	                  3, "3 of 3 parts: a, b, c"));
	CU_ASSERT(leaf_is(&r, "AC", "p", CHISO_STATUS_OK, 0.5 + 0.2, 1, 2,
	                  "2 of 3 parts: a, c"));
	CU_ASSERT(points_are(&r, "AC", "p", (0.5 + 0.2) * 10, 10));
	CU_ASSERT(leaf_is(&r, "B", "p", CHISO_STATUS_OK, 0.3, 1, 1,
	                  "1 of 3 parts: b"));
	CU_ASSERT(leaf_is(&r, "NONE", "p", CHISO_STATUS_OK, 0.0, 1, 0,
	                  "0 of 3 parts"));
	run_close(&r);
}

static void test_parts_prepare_errors(void)
{
	CU_ASSERT(prep_fails("parts",
	                     "{parts: @[{input: f, share: 0.5}, {input: g, "
	                     "share: 0.4}]}",
	                     "parts: shares must sum to 1 (they sum to 0.9)"));
	CU_ASSERT(prep_fails("parts",
	                     "{parts: @[{input: f, share: 0.6}, {input: g, "
	                     "share: 0.6}]}",
	                     "parts: shares must sum to 1 (they sum to 1.2)"));
	CU_ASSERT(prep_fails("parts",
	                     "{parts: [{input: f, share: 0.5}, {input: @f, "
	                     "share: 0.5}]}",
	                     "parts[1]: input \"f\" is already counted by "
	                     "parts[0]"));
	CU_ASSERT(
	        prep_fails("parts",
	                   "{parts: [{input: f, share: @0}, {input: g, share: "
	                   "1}]}",
	                   "parts[0] share must be greater than 0 and at most "
	                   "1 (got 0)"));
	CU_ASSERT(prep_fails("parts",
	                     "{parts: [@{input: f}, {input: g, share: 1}]}",
	                     "parts[0]: missing \"share\""));
	CU_ASSERT(prep_fails("parts", "{parts: [{input: f, share: 1}, @5]}",
	                     "parts[1]: must be a map {input: <boolean input>, "
	                     "share: <fraction>}"));
	CU_ASSERT(prep_fails("parts", "{parts: [{input: @x, share: 1}]}",
	                     "input 'x' is number, but this method needs "
	                     "boolean"));
	CU_ASSERT(prep_fails("parts",
	                     "{parts: [{input: f, share: 1, @weight: 2}]}",
	                     "unknown param 'weight'"));
	CU_ASSERT(prep_fails("parts", "{parts: @[]}",
	                     "parts: needs at least one {input, share} map"));
	CU_ASSERT(prep_fails("parts", "{parts: @f}",
	                     "parts: must be a list of {input, share} maps"));
	/* three thirds of 1/3 written out sum to 1 within the tolerance */
	CU_ASSERT_EQUAL(
	        prep_warnings("parts",
	                      "{parts: [{input: f, share: 0.3333333333}, "
	                      "{input: g, share: 0.3333333333}, {input: "
	                      "h, share: 0.3333333334}]}"),
	        0);
}

/* --- target ----------------------------------------------------------- */

#define TARGET_MODEL                                                           \
	HDR "inputs:\n  v: {type: number}\n"                                   \
	    "indices:\n"                                                       \
	    "  - {id: ge, name: A, points: 5, method: target, params: "        \
	    "{input: v, "                                                      \
	    "op: \">=\", value: 80}}\n"                                        \
	    "  - {id: gt, name: B, points: 5, method: target, params: "        \
	    "{input: v, "                                                      \
	    "op: \">\", value: 80}}\n"                                         \
	    "  - {id: le, name: C, points: 5, method: target, params: "        \
	    "{input: v, "                                                      \
	    "op: \"<=\", value: 80}}\n"                                        \
	    "  - {id: lt, name: D, points: 5, method: target, params: "        \
	    "{input: v, "                                                      \
	    "op: \"<\", value: 80}}\n"                                         \
	    "  - {id: eq, name: E, points: 5, method: target, params: "        \
	    "{input: v, "                                                      \
	    "op: \"==\", value: 80}}\n"                                        \
	    "  - {id: lin, name: F, points: 5, method: target, params: "       \
	    "{input: "                                                         \
	    "v, op: \">=\", value: 80, partial: linear}}\n"

static void test_target(void)
{
	struct run r;

	run_open(&r, TARGET_MODEL,
	         "units:\n"
	         "  - unit: {code: AT}\n"
	         "    values: {v: 80}\n"
	         "  - unit: {code: BELOW}\n"
	         "    values: {v: 72.5}\n"
	         "  - unit: {code: ABOVE}\n"
	         "    values: {v: 90}\n"
	         "  - unit: {code: NEG}\n"
	         "    values: {v: -8}\n");
	CU_ASSERT_FATAL(r.ok);
	/* v = 80 */
	CU_ASSERT(leaf_is(&r, "AT", "ge", CHISO_STATUS_OK, 1.0, 1, 80,
	                  "80 >= 80: met"));
	CU_ASSERT(leaf_is(&r, "AT", "gt", CHISO_STATUS_OK, 0.0, 1, 80,
	                  "80 > 80: not met"));
	CU_ASSERT(leaf_is(&r, "AT", "le", CHISO_STATUS_OK, 1.0, 1, 80,
	                  "80 <= 80: met"));
	CU_ASSERT(leaf_is(&r, "AT", "lt", CHISO_STATUS_OK, 0.0, 1, 80,
	                  "80 < 80: not met"));
	CU_ASSERT(leaf_is(&r, "AT", "eq", CHISO_STATUS_OK, 1.0, 1, 80,
	                  "80 == 80: met"));
	CU_ASSERT(leaf_is(&r, "AT", "lin", CHISO_STATUS_OK, 1.0, 1, 80,
	                  "80 >= 80: met"));
	/* v = 72.5 */
	CU_ASSERT(leaf_is(&r, "BELOW", "ge", CHISO_STATUS_OK, 0.0, 1, 72.5,
	                  "72.5 >= 80: not met"));
	CU_ASSERT(leaf_is(&r, "BELOW", "lt", CHISO_STATUS_OK, 1.0, 1, 72.5,
	                  "72.5 < 80: met"));
	CU_ASSERT(leaf_is(&r, "BELOW", "eq", CHISO_STATUS_OK, 0.0, 1, 72.5,
	                  "72.5 == 80: not met"));
	CU_ASSERT(leaf_is(&r, "BELOW", "lin", CHISO_STATUS_OK, 0.90625, 1, 72.5,
	                  "72.5 >= 80: not met, partial 0.90625"));
	CU_ASSERT(points_are(&r, "BELOW", "lin", 0.90625 * 5, 5));
	/* v = 90 */
	CU_ASSERT(leaf_is(&r, "ABOVE", "gt", CHISO_STATUS_OK, 1.0, 1, 90,
	                  "90 > 80: met"));
	CU_ASSERT(leaf_is(&r, "ABOVE", "le", CHISO_STATUS_OK, 0.0, 1, 90,
	                  "90 <= 80: not met"));
	CU_ASSERT(leaf_is(&r, "ABOVE", "lin", CHISO_STATUS_OK, 1.0, 1, 90,
	                  "90 >= 80: met"));
	/* a negative value: the linear partial stops at 0 */
	CU_ASSERT(leaf_is(&r, "NEG", "lin", CHISO_STATUS_OK, 0.0, 1, -8,
	                  "-8 >= 80: not met, partial 0"));
	run_close(&r);
}

static void test_target_prepare_errors(void)
{
	CU_ASSERT(prep_fails("target", "{input: x, op: @\"=>\", value: 1}",
	                     "op: \"=>\" is not a comparison; did you mean "
	                     "\">=\"?"));
	CU_ASSERT(prep_fails("target", "{input: x, op: @\"!=\", value: 1}",
	                     "op: must be one of \">=\", \">\", \"<=\", \"<\" "
	                     "or \"==\" (got \"!=\")"));
	CU_ASSERT(prep_fails("target",
	                     "{input: x, op: \"<=\", value: 1, partial: "
	                     "@linear}",
	                     "partial: linear needs op: \">=\" (got op: "
	                     "\"<=\")"));
	CU_ASSERT(prep_fails("target",
	                     "{input: x, op: \">=\", value: @0, partial: "
	                     "linear}",
	                     "value must be greater than 0 with partial: "
	                     "linear (got 0)"));
	CU_ASSERT(prep_fails(
	        "target", "{input: x, op: \">=\", value: 1, partial: @steps}",
	        "partial: unknown mode \"steps\""));
	CU_ASSERT(prep_fails("target", "@{input: x, op: \">=\"}",
	                     "missing required param \"value\""));
	CU_ASSERT(prep_fails("target", "@{input: x, value: 3}",
	                     "missing required param \"op\""));
	CU_ASSERT(prep_fails("target", "{input: x, op: \">=\", value: @\"3\"}",
	                     "value must be a number"));
	CU_ASSERT(prep_fails("target", "{input: @f, op: \">=\", value: 1}",
	                     "input 'f' is boolean, but this method needs "
	                     "integer or number"));
}

/* --- fraction --------------------------------------------------------- */

static void test_fraction(void)
{
	struct run r;

	run_open(&r,
	         HDR "inputs:\n  s: {type: number}\n"
	             "indices:\n  - {id: fr, name: F, points: 5, method: "
	             "fraction, params: {input: s}}\n",
	         "units:\n"
	         "  - unit: {code: MID}\n"
	         "    values: {s: 0.62}\n"
	         "  - unit: {code: ZERO}\n"
	         "    values: {s: 0}\n"
	         "  - unit: {code: ONE}\n"
	         "    values: {s: 1}\n"
	         "  - unit: {code: HIGH}\n"
	         "    values: {s: 1.2}\n"
	         "  - unit: {code: LOW}\n"
	         "    values: {s: -0.1}\n");
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT(leaf_is(&r, "MID", "fr", CHISO_STATUS_OK, 0.62, 1, 0.62,
	                  "fraction 0.62"));
	CU_ASSERT(points_are(&r, "MID", "fr", 0.62 * 5, 5));
	CU_ASSERT(leaf_is(&r, "ZERO", "fr", CHISO_STATUS_OK, 0.0, 1, 0,
	                  "fraction 0"));
	CU_ASSERT(leaf_is(&r, "ONE", "fr", CHISO_STATUS_OK, 1.0, 1, 1,
	                  "fraction 1"));
	CU_ASSERT(leaf_is(&r, "HIGH", "fr", CHISO_STATUS_ERROR, 0, 0, 0,
	                  "1.2 is outside [0, 1]; the input must hold a "
	                  "fraction of the points"));
	CU_ASSERT(points_are(&r, "HIGH", "fr", 0, 5));
	CU_ASSERT(unit_failed(&r, "HIGH",
	                      "indicator fr (method fraction): "
	                      "1.2 is outside [0, 1]"));
	CU_ASSERT(leaf_is(&r, "LOW", "fr", CHISO_STATUS_ERROR, 0, 0, 0,
	                  "-0.1 is outside [0, 1]; the input must hold a "
	                  "fraction of the points"));
	CU_ASSERT(!r.b.units[fixture_unit(&r.b, "MID")].failed);
	run_close(&r);
	CU_ASSERT(prep_fails("fraction", "{input: @c}",
	                     "input 'c' is choice, but this method needs "
	                     "integer or number"));
}

/* --- points ----------------------------------------------------------- */

static void test_points(void)
{
	struct run r;

	run_open(&r,
	         HDR "inputs:\n  p: {type: number}\n"
	             "indices:\n"
	             "  - {id: pt, name: P, points: 5, method: points, params: "
	             "{input: p}}\n"
	             "  - {id: z, name: Z, points: 0, method: points, params: "
	             "{input: p}}\n",
	         "units:\n"
	         "  - unit: {code: MID}\n"
	         "    values: {p: 3.5}\n"
	         "  - unit: {code: ALL}\n"
	         "    values: {p: 5}\n"
	         "  - unit: {code: OVER}\n"
	         "    values: {p: 6}\n"
	         "  - unit: {code: NEG}\n"
	         "    values: {p: -1}\n");
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT(leaf_is(&r, "MID", "pt", CHISO_STATUS_OK, 3.5 / 5, 1, 3.5,
	                  "3.5 of 5 points"));
	CU_ASSERT(points_are(&r, "MID", "pt", 3.5 / 5 * 5, 5));
	CU_ASSERT(leaf_is(&r, "ALL", "pt", CHISO_STATUS_OK, 1.0, 1, 5,
	                  "5 of 5 points"));
	CU_ASSERT(leaf_is(&r, "OVER", "pt", CHISO_STATUS_ERROR, 0, 0, 0,
	                  "6 is outside 0..5, the indicator's points"));
	CU_ASSERT(leaf_is(&r, "NEG", "pt", CHISO_STATUS_ERROR, 0, 0, 0,
	                  "-1 is outside 0..5, the indicator's points"));
	CU_ASSERT(unit_failed(&r, "NEG",
	                      "indicator pt (method points): -1 is "
	                      "outside 0..5"));
	/* an indicator of 0 points */
	CU_ASSERT(leaf_is(&r, "MID", "z", CHISO_STATUS_OK, 0.0, 1, 3.5,
	                  "indicator has 0 points"));
	CU_ASSERT(points_are(&r, "MID", "z", 0, 0));
	/* the 0-point indicator accepts any value: not failed for it */
	CU_ASSERT(leaf_is(&r, "OVER", "z", CHISO_STATUS_OK, 0.0, 1, 6,
	                  "indicator has 0 points"));
	run_close(&r);
	CU_ASSERT(prep_fails("points", "{input: @s}",
	                     "input 's' is text, but this method needs integer "
	                     "or number"));
	CU_ASSERT(prep_fails("points", "{input: p, @value: 1}",
	                     "unknown param 'value'"));
}

/* The methods of the example model on the Yên Bình data. */
static void test_example_notes(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	size_t len;
	char *data = fixture_read_source("examples/yen-binh-2022.yaml", &len);
	batch b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	batch_init(&b, m);
	CU_ASSERT_EQUAL(data_load_buffer(&b, "yb.yaml", data, len, &d), 0);
	eval_batch(&b);
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "1.1"), "4 >= 4 -> 1");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "1.2"), "head -> 1");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "1.3"),
	                       "24/24 = 1 (target 1)");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "2.1"), "yes");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "2.2"), "3 >= 2: met");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "2.3"),
	                       "24/28 = 0.857143 (target 1)");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "3.4"),
	                       "72.5 >= 80: not met, partial 0.90625");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "4.1"),
	                       "5400/12000 = 0.45 (target 0.5)");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "4.3"),
	                       "1 of 2 parts: security_monitoring");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "5.1"), "fraction 0.62");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "5.2"),
	                       "86.3 >= 90: not met");
	CU_ASSERT_STRING_EQUAL(fixture_note(&b, 0, "5.3"), "3.5 of 5 points");
	CU_ASSERT_EQUAL(
	        b.leaf_fraction[BATCH_LEAF(&b, 0, fixture_leaf(m, "4.1"))],
	        0.45 / 0.5);
	CU_ASSERT_EQUAL(b.leaf_raw[BATCH_LEAF(&b, 0, fixture_leaf(m, "4.1"))],
	                5400.0 / 12000.0);
	CU_ASSERT_EQUAL(
	        b.leaf_fraction[BATCH_LEAF(&b, 0, fixture_leaf(m, "2.3"))],
	        24.0 / 28.0);
	/* choice gives no raw value */
	CU_ASSERT_EQUAL(
	        b.leaf_has_raw[BATCH_LEAF(&b, 0, fixture_leaf(m, "1.2"))], 0);
	batch_free(&b);
	free(data);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

static CU_TestInfo tests[] = {
        {"ratio", test_ratio},
        {"ratio prepare errors", test_ratio_prepare_errors},
        {"bands", test_bands},
        {"bands prepare errors", test_bands_prepare_errors},
        {"boolean", test_boolean},
        {"choice", test_choice},
        {"choice prepare errors", test_choice_prepare_errors},
        {"parts", test_parts},
        {"parts prepare errors", test_parts_prepare_errors},
        {"target", test_target},
        {"target prepare errors", test_target_prepare_errors},
        {"fraction", test_fraction},
        {"points", test_points},
        {"example model notes", test_example_notes},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("methods", tests)
