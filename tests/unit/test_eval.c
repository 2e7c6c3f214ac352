/*
 * test_eval.c - unit tests for core/eval/eval.c: the sums up the tree, the
 * value of nodes and units, na, the three missing policies, 0-point
 * nodes, plugins that break the compute contract, and the worked example
 * (the example model on the Yên Bình data).
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

static void run_open_reg(struct run *r, plugin_registry *reg, const char *model,
                         const char *data)
{
	memset(r, 0, sizeof(*r));
	r->reg = reg;
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

static void run_open(struct run *r, const char *model, const char *data)
{
	run_open_reg(r, fixture_registry(), model, data);
}

static void run_close(struct run *r)
{
	if (r->m)
		batch_free(&r->b);
	model_free(r->m);
	plugin_registry_free(r->reg);
	diag_free(&r->d);
}

/* Unit index by code (aborts on a typo in the test). */
static size_t unit_ix(const struct run *r, const char *code)
{
	int u = fixture_unit(&r->b, code);

	if (u < 0) {
		fprintf(stderr, "no unit %s\n", code);
		abort();
	}
	return (size_t)u;
}

static double pts(const struct run *r, const char *unit, const char *id)
{
	return r->b.node_points[BATCH_NODE(&r->b, unit_ix(r, unit),
	                                   fixture_node(r->m, id))];
}

static double max(const struct run *r, const char *unit, const char *id)
{
	return r->b.node_max[BATCH_NODE(&r->b, unit_ix(r, unit),
	                                fixture_node(r->m, id))];
}

static int status(const struct run *r, const char *unit, const char *id)
{
	return r->b.node_status[BATCH_NODE(&r->b, unit_ix(r, unit),
	                                   fixture_node(r->m, id))];
}

static double value(const struct run *r, const char *unit, const char *id)
{
	return batch_node_value(&r->b, unit_ix(r, unit),
	                        fixture_node(r->m, id));
}

static const char *note(const struct run *r, const char *unit, const char *id)
{
	return fixture_note(&r->b, unit_ix(r, unit), id);
}

/*
 * Two main indices, one with a sub-group, all "fraction" indicators so
 * that every fraction is the value given:
 *   A (30) = a1 (10) + a2 (20)
 *   B (70) = b1 (30) + G (40), G = g1 (25) + g2 (15)
 */
#define TREE_MODEL                                                             \
	HDR "inputs:\n"                                                        \
	    "  s1: {type: number}\n"                                           \
	    "  s2: {type: number}\n"                                           \
	    "  s3: {type: number}\n"                                           \
	    "  s4: {type: number}\n"                                           \
	    "  s5: {type: number}\n"                                           \
	    "indices:\n"                                                       \
	    "  - id: A\n"                                                      \
	    "    name: A\n"                                                    \
	    "    points: 30\n"                                                 \
	    "    children:\n"                                                  \
	    "      - {id: a1, name: a1, points: 10, method: fraction, "        \
	    "params: "                                                         \
	    "{input: s1}}\n"                                                   \
	    "      - {id: a2, name: a2, points: 20, method: fraction, "        \
	    "params: "                                                         \
	    "{input: s2}}\n"                                                   \
	    "  - id: B\n"                                                      \
	    "    name: B\n"                                                    \
	    "    points: 70\n"                                                 \
	    "    children:\n"                                                  \
	    "      - {id: b1, name: b1, points: 30, method: fraction, "        \
	    "params: "                                                         \
	    "{input: s3}}\n"                                                   \
	    "      - id: G\n"                                                  \
	    "        name: G\n"                                                \
	    "        points: 40\n"                                             \
	    "        children:\n"                                              \
	    "          - {id: g1, name: g1, points: 25, method: fraction, "    \
	    "params: {input: s4}}\n"                                           \
	    "          - {id: g2, name: g2, points: 15, method: fraction, "    \
	    "params: {input: s5}}\n"

/* Parents are the sums of their children; the unit of its roots. */
static void test_aggregation(void)
{
	struct run r;
	size_t u;

	run_open(&r, TREE_MODEL,
	         "units:\n"
	         "  - unit: {code: U}\n"
	         "    values: {s1: 0.5, s2: 0.25, s3: 1, s4: 0.2, s5: 0.6}\n"
	         "  - unit: {code: FULL}\n"
	         "    values: {s1: 1, s2: 1, s3: 1, s4: 1, s5: 1}\n");
	CU_ASSERT_FATAL(r.ok);
	u = unit_ix(&r, "U");
	CU_ASSERT_EQUAL(pts(&r, "U", "a1"), 5.0);
	CU_ASSERT_EQUAL(pts(&r, "U", "a2"), 5.0);
	CU_ASSERT_EQUAL(pts(&r, "U", "A"), 10.0);
	CU_ASSERT_EQUAL(max(&r, "U", "A"), 30.0);
	CU_ASSERT_EQUAL(pts(&r, "U", "g1"), 0.2 * 25);
	CU_ASSERT_EQUAL(pts(&r, "U", "g2"), 0.6 * 15);
	CU_ASSERT_EQUAL(pts(&r, "U", "G"), 0.2 * 25 + 0.6 * 15);
	CU_ASSERT_EQUAL(max(&r, "U", "G"), 40.0);
	CU_ASSERT_EQUAL(pts(&r, "U", "B"), 30.0 + (0.2 * 25 + 0.6 * 15));
	CU_ASSERT_EQUAL(max(&r, "U", "B"), 70.0);
	CU_ASSERT_EQUAL(r.b.unit_points[u],
	                10.0 + (30.0 + (0.2 * 25 + 0.6 * 15)));
	CU_ASSERT_EQUAL(r.b.unit_max[u], 100.0);
	/* values: earned / available */
	CU_ASSERT_EQUAL(value(&r, "U", "A"), 10.0 / 30.0);
	CU_ASSERT_EQUAL(value(&r, "U", "a2"), 0.25);
	CU_ASSERT_EQUAL(value(&r, "U", "G"), (0.2 * 25 + 0.6 * 15) / 40.0);
	CU_ASSERT_EQUAL(batch_unit_value(&r.b, u),
	                (10.0 + (30.0 + (0.2 * 25 + 0.6 * 15))) / 100.0);
	CU_ASSERT_EQUAL(status(&r, "U", "B"), CHISO_STATUS_OK);
	CU_ASSERT_EQUAL(status(&r, "U", "G"), CHISO_STATUS_OK);
	CU_ASSERT_EQUAL(r.b.units[u].failed, 0);
	CU_ASSERT_EQUAL(r.b.units[u].first_problem, 0);
	CU_ASSERT_EQUAL(r.b.evaluated, 1);
	/* full marks */
	u = unit_ix(&r, "FULL");
	CU_ASSERT_EQUAL(r.b.unit_points[u], 100.0);
	CU_ASSERT_EQUAL(batch_unit_value(&r.b, u), 1.0);
	CU_ASSERT_EQUAL(value(&r, "FULL", "G"), 1.0);
	run_close(&r);
}

/* A ratio model for na and missing: n/d with zero_denominator: na. */
#define NA_MODEL(missing)                                                      \
	HDR "  missing: " missing "\n"                                         \
	    "inputs:\n"                                                        \
	    "  n: {type: integer, min: 0}\n"                                   \
	    "  d: {type: integer, min: 0}\n"                                   \
	    "  f: {type: boolean}\n"                                           \
	    "  note: {type: text}\n"                                           \
	    "indices:\n"                                                       \
	    "  - id: \"1\"\n"                                                  \
	    "    name: One\n"                                                  \
	    "    points: 10\n"                                                 \
	    "    children:\n"                                                  \
	    "      - {id: r, name: R, points: 6, method: ratio, params: "      \
	    "{numerator: n, denominator: d, zero_denominator: na}}\n"          \
	    "      - {id: b, name: B, points: 4, method: boolean, params: "    \
	    "{input: f}}\n"                                                    \
	    "  - id: \"2\"\n"                                                  \
	    "    name: Two\n"                                                  \
	    "    points: 5\n"                                                  \
	    "    children:\n"                                                  \
	    "      - {id: r2, name: R2, points: 5, method: ratio, params: "    \
	    "{numerator: n, denominator: d, zero_denominator: na}}\n"

#define NA_DATA                                                                \
	"units:\n"                                                             \
	"  - unit: {code: OK}\n"                                               \
	"    values: {n: 3, d: 4, f: true}\n"                                  \
	"  - unit: {code: NA}\n"                                               \
	"    values: {n: 0, d: 0, f: true}\n"                                  \
	"  - unit: {code: MISS}\n"                                             \
	"    values: {n: 1, f: false}\n"                                       \
	"  - unit: {code: NONE}\n"                                             \
	"    values: {note: only text}\n"

/* na: the indicator drops out of the points available. */
static void test_na(void)
{
	struct run r;
	size_t u;

	run_open(&r, NA_MODEL("zero"), NA_DATA);
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT_EQUAL(status(&r, "NA", "r"), CHISO_STATUS_NA);
	CU_ASSERT_EQUAL(pts(&r, "NA", "r"), 0.0);
	CU_ASSERT_EQUAL(max(&r, "NA", "r"), 0.0);
	CU_ASSERT_EQUAL(pts(&r, "NA", "1"), 4.0);
	CU_ASSERT_EQUAL(max(&r, "NA", "1"), 4.0);
	CU_ASSERT_EQUAL(value(&r, "NA", "1"), 1.0);
	CU_ASSERT_EQUAL(status(&r, "NA", "1"), CHISO_STATUS_OK);
	/* a group whose children are all na is na, with nothing available */
	CU_ASSERT_EQUAL(status(&r, "NA", "2"), CHISO_STATUS_NA);
	CU_ASSERT_EQUAL(max(&r, "NA", "2"), 0.0);
	CU_ASSERT_EQUAL(value(&r, "NA", "2"), 0.0);
	u = unit_ix(&r, "NA");
	CU_ASSERT_EQUAL(r.b.unit_points[u], 4.0);
	CU_ASSERT_EQUAL(r.b.unit_max[u], 4.0);
	CU_ASSERT_EQUAL(batch_unit_value(&r.b, u), 1.0);
	CU_ASSERT_EQUAL(r.b.units[u].failed, 0);
	/* the normal unit for comparison */
	u = unit_ix(&r, "OK");
	CU_ASSERT_EQUAL(r.b.unit_points[u], 0.75 * 6 + 4 + 0.75 * 5);
	CU_ASSERT_EQUAL(r.b.unit_max[u], 15.0);
	run_close(&r);
}

/* missing: zero — status missing, nothing earned, points still
 * available. */
static void test_missing_zero(void)
{
	struct run r;
	size_t u;

	run_open(&r, NA_MODEL("zero"), NA_DATA);
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT_EQUAL(status(&r, "MISS", "r"), CHISO_STATUS_MISSING);
	CU_ASSERT_STRING_EQUAL(note(&r, "MISS", "r"), "missing input d");
	CU_ASSERT_EQUAL(pts(&r, "MISS", "r"), 0.0);
	CU_ASSERT_EQUAL(max(&r, "MISS", "r"), 6.0);
	CU_ASSERT_EQUAL(r.b.leaf_has_raw[BATCH_LEAF(&r.b, unit_ix(&r, "MISS"),
	                                            fixture_leaf(r.m, "r"))],
	                0);
	CU_ASSERT_EQUAL(status(&r, "MISS", "b"), CHISO_STATUS_OK);
	CU_ASSERT_EQUAL(max(&r, "MISS", "1"), 10.0);
	CU_ASSERT_EQUAL(status(&r, "MISS", "1"), CHISO_STATUS_OK);
	/* a group of missing indicators only is missing */
	CU_ASSERT_EQUAL(status(&r, "MISS", "2"), CHISO_STATUS_MISSING);
	CU_ASSERT_EQUAL(max(&r, "MISS", "2"), 5.0);
	u = unit_ix(&r, "MISS");
	CU_ASSERT_EQUAL(r.b.unit_points[u], 0.0);
	CU_ASSERT_EQUAL(r.b.unit_max[u], 15.0);
	/* missing is not a failure */
	CU_ASSERT_EQUAL(r.b.units[u].failed, 0);
	CU_ASSERT_EQUAL(r.b.units[u].invalid, 0);
	CU_ASSERT_EQUAL(fixture_problem_count(&r.b, u), 0);
	/* every missing input is named, in bind order */
	CU_ASSERT_STRING_EQUAL(note(&r, "NONE", "r"), "missing input n, d");
	CU_ASSERT_STRING_EQUAL(note(&r, "NONE", "b"), "missing input f");
	CU_ASSERT_EQUAL(r.b.unit_max[unit_ix(&r, "NONE")], 15.0);
	run_close(&r);
}

/* missing: exclude — status missing, and nothing available. */
static void test_missing_exclude(void)
{
	struct run r;
	size_t u;

	run_open(&r, NA_MODEL("exclude"), NA_DATA);
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT_EQUAL(r.m->missing, MISSING_EXCLUDE);
	CU_ASSERT_EQUAL(status(&r, "MISS", "r"), CHISO_STATUS_MISSING);
	CU_ASSERT_STRING_EQUAL(note(&r, "MISS", "r"), "missing input d");
	CU_ASSERT_EQUAL(max(&r, "MISS", "r"), 0.0);
	CU_ASSERT_EQUAL(max(&r, "MISS", "1"), 4.0);
	CU_ASSERT_EQUAL(value(&r, "MISS", "1"), 0.0);
	CU_ASSERT_EQUAL(max(&r, "MISS", "2"), 0.0);
	u = unit_ix(&r, "MISS");
	CU_ASSERT_EQUAL(r.b.unit_max[u], 4.0);
	CU_ASSERT_EQUAL(r.b.units[u].failed, 0);
	u = unit_ix(&r, "NONE");
	CU_ASSERT_EQUAL(r.b.unit_max[u], 0.0);
	CU_ASSERT_EQUAL(batch_unit_value(&r.b, u), 0.0);
	/* units with every input are unchanged */
	CU_ASSERT_EQUAL(r.b.unit_max[unit_ix(&r, "OK")], 15.0);
	run_close(&r);
}

/* missing: error — the unit is invalid, with a problem per field; the
 * others evaluate. */
static void test_missing_error(void)
{
	struct run r;
	size_t u;

	run_open(&r, NA_MODEL("error"), NA_DATA);
	CU_ASSERT_FATAL(r.ok);
	u = unit_ix(&r, "MISS");
	CU_ASSERT_EQUAL(r.b.units[u].invalid, 1);
	CU_ASSERT_EQUAL(r.b.units[u].failed, 0);
	CU_ASSERT_EQUAL(fixture_problem_count(&r.b, u), 1);
	CU_ASSERT(fixture_problem_has(&r.b, u,
	                              "data.yaml:6:5: unit MISS: field d: "
	                              "missing, and model t requires every "
	                              "input (missing: error)"));
	CU_ASSERT_EQUAL(r.b.unit_points[u], 0.0);
	CU_ASSERT_EQUAL(r.b.unit_max[u], 0.0);
	/* NONE lacks n, d and f (not "note": no indicator reads it) */
	u = unit_ix(&r, "NONE");
	CU_ASSERT_EQUAL(r.b.units[u].invalid, 1);
	CU_ASSERT_EQUAL(fixture_problem_count(&r.b, u), 3);
	CU_ASSERT(fixture_problem_has(&r.b, u, "unit NONE: field n: missing"));
	CU_ASSERT(fixture_problem_has(&r.b, u, "unit NONE: field d: missing"));
	CU_ASSERT(fixture_problem_has(&r.b, u, "unit NONE: field f: missing"));
	CU_ASSERT(!fixture_problem_has(&r.b, u, "field note"));
	/* the others */
	u = unit_ix(&r, "OK");
	CU_ASSERT_EQUAL(r.b.units[u].invalid, 0);
	CU_ASSERT_EQUAL(r.b.unit_max[u], 15.0);
	CU_ASSERT_EQUAL(r.b.unit_points[u], 0.75 * 6 + 4 + 0.75 * 5);
	CU_ASSERT_EQUAL(r.b.units[unit_ix(&r, "NA")].invalid, 0);
	/* the problems reach a diag through data_report_problems */
	{
		diag out = DIAG_INIT;

		data_report_problems(&r.b, &out);
		CU_ASSERT_EQUAL(out.errors, 4);
		diag_free(&out);
	}
	run_close(&r);
}

/* A 0-point indicator is collected, not scored: its value is its
 * fraction; a 0-point group's value is the mean of its children's. */
static void test_zero_points(void)
{
	struct run r;
	size_t u;

	run_open(&r,
	         HDR "inputs:\n"
	             "  s1: {type: number}\n"
	             "  s2: {type: number}\n"
	             "  s3: {type: number}\n"
	             "indices:\n"
	             "  - id: A\n"
	             "    name: A\n"
	             "    points: 10\n"
	             "    children:\n"
	             "      - {id: a1, name: a1, points: 10, method: fraction, "
	             "params: {input: s1}}\n"
	             "      - {id: a0, name: a0, points: 0, method: fraction, "
	             "params: {input: s2}}\n"
	             "  - id: Z\n"
	             "    name: Z\n"
	             "    points: 0\n"
	             "    children:\n"
	             "      - {id: z1, name: z1, points: 0, method: fraction, "
	             "params: {input: s2}}\n"
	             "      - {id: z2, name: z2, points: 0, method: fraction, "
	             "params: {input: s3}}\n",
	         "units:\n"
	         "  - unit: {code: U}\n"
	         "    values: {s1: 0.5, s2: 0.3, s3: 0.8}\n"
	         "  - unit: {code: M}\n"
	         "    values: {s1: 0.5, s3: 0.8}\n");
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT_EQUAL(status(&r, "U", "a0"), CHISO_STATUS_OK);
	CU_ASSERT_EQUAL(pts(&r, "U", "a0"), 0.0);
	CU_ASSERT_EQUAL(max(&r, "U", "a0"), 0.0);
	CU_ASSERT_EQUAL(value(&r, "U", "a0"), 0.3);
	CU_ASSERT_EQUAL(r.b.leaf_fraction[BATCH_LEAF(&r.b, unit_ix(&r, "U"),
	                                             fixture_leaf(r.m, "a0"))],
	                0.3);
	/* the parent is not affected */
	CU_ASSERT_EQUAL(pts(&r, "U", "A"), 5.0);
	CU_ASSERT_EQUAL(max(&r, "U", "A"), 10.0);
	CU_ASSERT_EQUAL(value(&r, "U", "A"), 0.5);
	/* a 0-point group: mean of its children's values */
	CU_ASSERT_EQUAL(max(&r, "U", "Z"), 0.0);
	CU_ASSERT_EQUAL(status(&r, "U", "Z"), CHISO_STATUS_OK);
	CU_ASSERT_EQUAL(value(&r, "U", "Z"), (0.3 + 0.8) / 2);
	u = unit_ix(&r, "U");
	CU_ASSERT_EQUAL(r.b.unit_points[u], 5.0);
	CU_ASSERT_EQUAL(r.b.unit_max[u], 10.0);
	/* a missing 0-point indicator has value 0 and is left out of the
	 * group's mean */
	CU_ASSERT_EQUAL(status(&r, "M", "a0"), CHISO_STATUS_MISSING);
	CU_ASSERT_EQUAL(value(&r, "M", "a0"), 0.0);
	CU_ASSERT_EQUAL(value(&r, "M", "Z"), 0.8);
	CU_ASSERT_EQUAL(r.b.unit_max[unit_ix(&r, "M")], 10.0);
	run_close(&r);
}

/* The misbehaving test plugin: each fault is an error of that indicator
 * only, with a note naming the plugin; the unit is failed. */
static void test_misbehaving_plugin(void)
{
	static const struct {
		const char *id, *note;
	} faults[] = {
	        {"range", "plugin 'misbehave' returned fraction 1.5, outside "
	                  "[0, 1]"},
	        {"nan", "plugin 'misbehave' returned fraction nan, outside "
	                "[0, 1]"},
	        {"status", "plugin 'misbehave' returned status 7, not ok, na "
	                   "or error"},
	        {"rawinf", "plugin 'misbehave' returned a raw value that is "
	                   "not finite"},
	        {"note", "plugin 'misbehave' wrote a note without its final "
	                 "NUL"},
	};
	plugin_registry *reg = fixture_registry();
	struct run r;
	size_t i, u;

	plugin_registry_add_dir(reg, fixture_test_plugin_dir());
	run_open_reg(&r, reg,
	             HDR "inputs:\n  s: {type: number}\n"
	                 "indices:\n"
	                 "  - id: G\n"
	                 "    name: G\n"
	                 "    points: 10\n"
	                 "    children:\n"
	                 "      - {id: good, name: g, points: 5, method: "
	                 "fraction, params: {input: s}}\n"
	                 "      - {id: fine, name: f, points: 5, method: "
	                 "misbehave, params: {mode: ok}}\n"
	                 "  - id: M\n"
	                 "    name: M\n"
	                 "    points: 5\n"
	                 "    children:\n"
	                 "      - {id: range, name: a, points: 1, method: "
	                 "misbehave, params: {mode: range}}\n"
	                 "      - {id: nan, name: b, points: 1, method: "
	                 "misbehave, params: {mode: nan}}\n"
	                 "      - {id: status, name: c, points: 1, method: "
	                 "misbehave, params: {mode: status}}\n"
	                 "      - {id: rawinf, name: d, points: 1, method: "
	                 "misbehave, params: {mode: rawinf}}\n"
	                 "      - {id: note, name: e, points: 1, method: "
	                 "misbehave, params: {mode: note}}\n",
	             "units:\n"
	             "  - unit: {code: U}\n"
	             "    values: {s: 0.4}\n"
	             "  - unit: {code: V}\n"
	             "    values: {s: 1}\n");
	CU_ASSERT_FATAL(r.ok);
	for (u = 0; u < 2; u++) {
		const char *code = u ? "V" : "U";

		for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++) {
			size_t li = BATCH_LEAF(&r.b, u,
			                       fixture_leaf(r.m, faults[i].id));
			char want[512];

			CU_ASSERT_EQUAL(status(&r, code, faults[i].id),
			                CHISO_STATUS_ERROR);
			CU_ASSERT_PTR_NOT_NULL(strstr(
			        note(&r, code, faults[i].id), faults[i].note));
			CU_ASSERT_EQUAL(r.b.leaf_has_raw[li], 0);
			CU_ASSERT_EQUAL(pts(&r, code, faults[i].id), 0.0);
			CU_ASSERT_EQUAL(max(&r, code, faults[i].id), 1.0);
			snprintf(want, sizeof(want),
			         ": unit %s: indicator %s (method "
			         "misbehave): %s",
			         code, faults[i].id, faults[i].note);
			CU_ASSERT(fixture_problem_has(&r.b, u, want));
		}
		CU_ASSERT_EQUAL(r.b.units[u].failed, 1);
		CU_ASSERT_EQUAL(r.b.units[u].invalid, 0);
		CU_ASSERT_EQUAL(fixture_problem_count(&r.b, u), 5);
		/* the group of faults is in error; the others compute */
		CU_ASSERT_EQUAL(status(&r, code, "M"), CHISO_STATUS_ERROR);
		CU_ASSERT_EQUAL(max(&r, code, "M"), 5.0);
		CU_ASSERT_EQUAL(status(&r, code, "fine"), CHISO_STATUS_OK);
		CU_ASSERT_EQUAL(pts(&r, code, "fine"), 2.5);
		CU_ASSERT_EQUAL(status(&r, code, "good"), CHISO_STATUS_OK);
		CU_ASSERT_EQUAL(status(&r, code, "G"), CHISO_STATUS_OK);
		CU_ASSERT_EQUAL(r.b.unit_max[u], 15.0);
	}
	CU_ASSERT_EQUAL(pts(&r, "U", "good"), 0.4 * 5);
	CU_ASSERT_EQUAL(r.b.unit_points[0], 0.4 * 5 + 2.5);
	CU_ASSERT_EQUAL(pts(&r, "V", "good"), 5.0);
	CU_ASSERT_EQUAL(r.b.unit_points[1], 5.0 + 2.5);
	run_close(&r);
}

/* The worked example: the example model on the Yên Bình data. */
static void test_example(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	size_t len, k;
	char *data = fixture_read_source("examples/yen-binh-2022.yaml", &len);
	double sum = 0;
	int two;
	batch b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	batch_init(&b, m);
	CU_ASSERT_EQUAL(data_load_buffer(&b, "examples/yen-binh-2022.yaml",
	                                 data, len, &d),
	                0);
	CU_ASSERT_EQUAL(d.count, 0);
	CU_ASSERT_EQUAL_FATAL(b.nunits, 1);
	eval_batch(&b);
	CU_ASSERT_EQUAL(b.units[0].failed, 0);
	CU_ASSERT_EQUAL(b.units[0].invalid, 0);
	CU_ASSERT_EQUAL(b.units[0].first_problem, 0);
	CU_ASSERT_DOUBLE_EQUAL(b.unit_points[0], 86.91696428571427, 1e-12);
	CU_ASSERT_EQUAL(b.unit_max[0], 100.0);
	CU_ASSERT_DOUBLE_EQUAL(batch_unit_value(&b, 0), 0.8691696428571427,
	                       1e-15);
	for (k = 0; k < m->nleaves; k++) {
		CU_ASSERT_EQUAL(b.node_status[BATCH_NODE(&b, 0, m->leaves[k])],
		                CHISO_STATUS_OK);
		sum += b.node_points[BATCH_NODE(&b, 0, m->leaves[k])];
	}
	CU_ASSERT_EQUAL(sum, b.unit_points[0]);
	if (sum != b.unit_points[0])
		fprintf(stderr, "\nleaves %.17g, total %.17g\n", sum,
		        b.unit_points[0]);
	two = model_node_index(m, "2");
	CU_ASSERT_FATAL(two >= 0);
	CU_ASSERT_EQUAL(batch_node_value(&b, 0, (size_t)two),
	                14.285714285714285 / 15);
	CU_ASSERT_EQUAL(b.node_points[BATCH_NODE(&b, 0, (size_t)two)],
	                14.285714285714285);
	/* the main indices */
	CU_ASSERT_EQUAL(b.node_points[BATCH_NODE(&b, 0, fixture_node(m, "1"))],
	                30.0);
	CU_ASSERT_EQUAL(b.node_points[BATCH_NODE(&b, 0, fixture_node(m, "3"))],
	                19.53125);
	CU_ASSERT_EQUAL(b.node_points[BATCH_NODE(&b, 0, fixture_node(m, "4"))],
	                16.5);
	CU_ASSERT_DOUBLE_EQUAL(
	        b.node_points[BATCH_NODE(&b, 0, fixture_node(m, "5"))], 6.6,
	        1e-12);
	/* 5.2 is not met: 0 of 5 */
	CU_ASSERT_EQUAL(
	        b.node_points[BATCH_NODE(&b, 0, fixture_node(m, "5.2"))], 0.0);
	CU_ASSERT_EQUAL(b.node_max[BATCH_NODE(&b, 0, fixture_node(m, "5.2"))],
	                5.0);
	batch_free(&b);
	free(data);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* Invalid units are not evaluated; the others are. */
static void test_invalid_skipped(void)
{
	struct run r;
	size_t u;

	run_open(&r, TREE_MODEL,
	         "units:\n"
	         "  - unit: {code: BAD}\n"
	         "    values: {s1: \"x\"}\n"
	         "  - unit: {code: GOOD}\n"
	         "    values: {s1: 1, s2: 1, s3: 1, s4: 1, s5: 1}\n");
	CU_ASSERT_FATAL(r.ok);
	u = unit_ix(&r, "BAD");
	CU_ASSERT_EQUAL(r.b.units[u].invalid, 1);
	CU_ASSERT_EQUAL(r.b.units[u].failed, 0);
	CU_ASSERT_EQUAL(r.b.unit_points[u], 0.0);
	CU_ASSERT_EQUAL(r.b.unit_max[u], 0.0);
	CU_ASSERT_EQUAL(r.b.leaf_note[BATCH_LEAF(&r.b, u, 0)], 0);
	CU_ASSERT_EQUAL(fixture_problem_count(&r.b, u), 1);
	CU_ASSERT_EQUAL(r.b.unit_points[unit_ix(&r, "GOOD")], 100.0);
	run_close(&r);
}

/* A batch without units evaluates to nothing, without harm. */
static void test_empty_batch(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, TREE_MODEL, &d);
	batch b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	batch_init(&b, m);
	eval_batch(&b);
	CU_ASSERT_EQUAL(b.nunits, 0);
	CU_ASSERT_EQUAL(b.evaluated, 1);
	batch_free(&b);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* Status names. */
static void test_status_names(void)
{
	CU_ASSERT_STRING_EQUAL(eval_status_name(CHISO_STATUS_OK), "ok");
	CU_ASSERT_STRING_EQUAL(eval_status_name(CHISO_STATUS_NA), "na");
	CU_ASSERT_STRING_EQUAL(eval_status_name(CHISO_STATUS_ERROR), "error");
	CU_ASSERT_STRING_EQUAL(eval_status_name(CHISO_STATUS_MISSING),
	                       "missing");
	CU_ASSERT_STRING_EQUAL(eval_status_name(7), "unknown");
	CU_ASSERT_STRING_EQUAL(eval_status_name(-1), "unknown");
}

/*
 * Regression (fixed in core/eval/eval.c:252 eval_batch, core/eval/batch.c:113 batch_alloc_results):
 * evaluating a batch a second time (e.g. after reading one more data
 * file into it) allocates the result arrays again without freeing the
 * first ones (a leak of 9 arrays, visible under valgrind), and adds the
 * indicator-error problems of every failed unit a second time.
 */
static void test_evaluate_twice(void)
{
	struct run r;
	size_t u;

	run_open(&r, NA_MODEL("zero"),
	         "unit: {code: A}\nvalues: {n: 3, d: 4, f: true}\n");
	CU_ASSERT_FATAL(r.ok);
	CU_ASSERT_EQUAL(fixture_data(&r.b, "more.yaml",
	                             "unit: {code: B}\nvalues: {n: 1, d: 2}\n",
	                             &r.d),
	                0);
	eval_batch(&r.b);
	CU_ASSERT_EQUAL_FATAL(r.b.nunits, 2);
	u = unit_ix(&r, "B");
	CU_ASSERT_EQUAL(r.b.unit_points[u], 0.5 * 6 + 0.5 * 5);
	CU_ASSERT_EQUAL(r.b.unit_max[u], 15.0);
	CU_ASSERT_EQUAL(r.b.unit_points[unit_ix(&r, "A")],
	                0.75 * 6 + 4 + 0.75 * 5);
	run_close(&r);
	/* the problems of a failed unit are not repeated */
	{
		plugin_registry *reg = fixture_registry();

		plugin_registry_add_dir(reg, fixture_test_plugin_dir());
		run_open_reg(&r, reg,
		             HDR "indices:\n  - {id: x, name: X, points: 1, "
		                 "method: misbehave, params: {mode: range}}\n",
		             "unit: {code: A}\n");
		CU_ASSERT_FATAL(r.ok);
		CU_ASSERT_EQUAL(fixture_problem_count(&r.b, 0), 1);
		eval_batch(&r.b);
		CU_ASSERT_EQUAL(fixture_problem_count(&r.b, 0), 1);
		run_close(&r);
	}
}

static CU_TestInfo tests[] = {
        {"aggregation", test_aggregation},
        {"na drops out", test_na},
        {"missing: zero", test_missing_zero},
        {"missing: exclude", test_missing_exclude},
        {"missing: error", test_missing_error},
        {"0-point nodes", test_zero_points},
        {"misbehaving plugin", test_misbehaving_plugin},
        {"worked example", test_example},
        {"invalid units skipped", test_invalid_skipped},
        {"empty batch", test_empty_batch},
        {"status names", test_status_names},
        {"regression: evaluate twice", test_evaluate_twice},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("eval", tests)
