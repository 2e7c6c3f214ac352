/*
 * test_data.c - unit tests for core/eval/data.c and core/eval/data_file.c:
 * the three shapes of data files (one unit, a units list, a results
 * document), every value check with its "FILE:LINE:COL: unit CODE: field
 * NAME: reason" problem, and file-level errors that add nothing.
 */
#include "fixtures.h"
#include "cutest.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "eval/evidence_files.h"
#include "results/results_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODEL                                                                  \
	"model:\n"                                                             \
	"  id: t\n"                                                            \
	"  version: \"1\"\n"                                                   \
	"  title: T\n"                                                         \
	"  level: district\n"                                                  \
	"inputs:\n"                                                            \
	"  total: {type: integer, min: 0}\n"                                   \
	"  part: {type: integer, min: 0, max: total}\n"                        \
	"  rate: {type: number, min: 0, max: 100}\n"                           \
	"  flag: {type: boolean}\n"                                            \
	"  pick: {type: choice, choices: [head, deputy, none]}\n"              \
	"  ref: {type: text}\n"                                                \
	"indices:\n"                                                           \
	"  - id: \"1\"\n"                                                      \
	"    name: One\n"                                                      \
	"    points: 10\n"                                                     \
	"    children:\n"                                                      \
	"      - {id: \"1.1\", name: A, points: 4, method: ratio, params: "    \
	"{numerator: part, denominator: total}}\n"                             \
	"      - {id: \"1.2\", name: B, points: 3, method: boolean, params: "  \
	"{input: flag}}\n"                                                     \
	"      - {id: \"1.3\", name: C, points: 3, method: choice, params: "   \
	"{input: pick, scores: {head: 1, deputy: 0.5, none: 0}}}\n"

/* A SHA-256 as a results document records one. */
#define SHA_X "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

enum { TOTAL, PART, RATE, FLAG, PICK, REF, NINPUTS };

/* One model and registry per test. */
struct fx {
	plugin_registry *reg;
	chiso_model *m;
	batch b;
	diag d;
};

static int fx_open(struct fx *f, const char *model_text)
{
	memset(f, 0, sizeof(*f));
	f->reg = fixture_registry();
	f->m = fixture_model(f->reg, model_text, &f->d);
	if (!f->m) {
		fixture_diag_dump(&f->d);
		plugin_registry_free(f->reg);
		diag_free(&f->d);
		return -1;
	}
	batch_init(&f->b, f->m);
	return 0;
}

static void fx_close(struct fx *f)
{
	batch_free(&f->b);
	model_free(f->m);
	plugin_registry_free(f->reg);
	diag_free(&f->d);
}

/* The value row of unit u. */
static const unit_value *row(struct fx *f, size_t u)
{
	return batch_values(&f->b, u);
}

/* A problem of unit u equal to text. */
static int problem_is(const batch *b, size_t u, const char *text)
{
	size_t p;

	for (p = b->units[u].first_problem; p; p = b->problems[p - 1].next)
		if (strcmp(batch_str(b, b->problems[p - 1].text), text) == 0)
			return 1;
	fprintf(stderr, "\nno problem '%s'; unit %zu has:\n", text, u);
	for (p = b->units[u].first_problem; p; p = b->problems[p - 1].next)
		fprintf(stderr, "  %s\n",
		        batch_str(b, b->problems[p - 1].text));
	return 0;
}

/* One unit: identity, stage, values with evidence and comment. */
static void test_single_unit(void)
{
	struct fx f;
	const unit_value *v;
	const unit_rec *ur;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(
	        fixture_data(&f.b, "d.yaml",
	                     "unit: {code: A, name: \"X\xc3\xa3 A\", "
	                     "level: district, parent: P, period: "
	                     "\"2022\"}\n"
	                     "stage: self\n"
	                     "values:\n"
	                     "  total: 170\n"
	                     "  part: {value: 100, evidence: \"doc 1\", "
	                     "comment: \"ok\"}\n"
	                     "  rate: 55.5\n"
	                     "  flag: yes\n"
	                     "  pick: deputy\n"
	                     "  ref: \"R-1\"\n",
	                     &f.d),
	        0);
	CU_ASSERT_EQUAL(f.d.count, 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 1);
	ur = &f.b.units[0];
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->code), "A");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->name), "X\xc3\xa3 A");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->level), "district");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->parent), "P");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->period), "2022");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->stage), "self");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->file), "d.yaml");
	CU_ASSERT_EQUAL(ur->line, 1);
	CU_ASSERT_EQUAL(ur->col, 1);
	CU_ASSERT_EQUAL(ur->invalid, 0);
	CU_ASSERT_EQUAL(ur->first_problem, 0);
	v = row(&f, 0);
	CU_ASSERT(v[TOTAL].present);
	CU_ASSERT_DOUBLE_EQUAL(v[TOTAL].num, 170.0, 0.0);
	CU_ASSERT_EQUAL(v[TOTAL].evidence, 0);
	CU_ASSERT(v[PART].present);
	CU_ASSERT_DOUBLE_EQUAL(v[PART].num, 100.0, 0.0);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[PART].evidence), "doc 1");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[PART].comment), "ok");
	CU_ASSERT(v[RATE].present);
	CU_ASSERT_DOUBLE_EQUAL(v[RATE].num, 55.5, 0.0);
	CU_ASSERT(v[FLAG].present);
	CU_ASSERT_DOUBLE_EQUAL(v[FLAG].num, 1.0, 0.0);
	CU_ASSERT(v[PICK].present);
	CU_ASSERT_DOUBLE_EQUAL(v[PICK].num, 1.0, 0.0);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[PICK].text), "deputy");
	CU_ASSERT(v[REF].present);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[REF].text), "R-1");
	fx_close(&f);
}

/* A units list: defaults, stages, positions of the records. */
static void test_units_list(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: A}\n"
	                             "    values: {total: 10, part: 5}\n"
	                             "  - unit: {code: B}\n"
	                             "    stage: appraised\n"
	                             "    values: {flag: false, pick: none}\n"
	                             "  - unit: {code: C}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	/* C gives no values: each required one is said, at its record */
	CU_ASSERT(fixture_diag_has(&f.d, "d.yaml:7:5: warning: unit C: field "
	                                 "total: missing: indicator"));
	CU_ASSERT(f.b.missing_units >= 2);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[0].code), "A");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[0].stage), "final");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[0].name), "");
	CU_ASSERT_EQUAL(f.b.units[0].line, 2);
	CU_ASSERT_EQUAL(f.b.units[0].col, 5);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[1].stage),
	                       "appraised");
	CU_ASSERT_EQUAL(f.b.units[1].line, 4);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[PART].num, 5.0, 0.0);
	CU_ASSERT(!row(&f, 0)[FLAG].present);
	CU_ASSERT(row(&f, 1)[FLAG].present);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 1)[FLAG].num, 0.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 1)[PICK].num, 2.0, 0.0);
	CU_ASSERT(!row(&f, 1)[TOTAL].present);
	/* a unit without values is valid, with nothing present */
	CU_ASSERT_EQUAL(f.b.units[2].invalid, 0);
	CU_ASSERT(!row(&f, 2)[TOTAL].present);
	CU_ASSERT(!row(&f, 2)[REF].present);
	/* a second file appends */
	CU_ASSERT_EQUAL(fixture_data(&f.b, "e.yaml",
	                             "unit: {code: D}\nvalues: {total: 1}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 4);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[3].file), "e.yaml");
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 3)[TOTAL].num, 1.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[TOTAL].num, 10.0, 0.0);
	fx_close(&f);
}

/* JSON data reads the same. */
static void test_json_data(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(
	        fixture_data(&f.b, "d.json",
	                     "{\"units\": [{\"unit\": {\"code\": \"J\", "
	                     "\"period\": \"2023\"},\n"
	                     " \"stage\": \"final\",\n"
	                     " \"values\": {\"total\": 4, \"part\": 3, "
	                     "\"flag\": true, \"pick\": \"none\", "
	                     "\"rate\": 0.62, \"ref\": null}}]}",
	                     &f.d),
	        0);
	CU_ASSERT_EQUAL(f.d.count, 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 1);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[0].code), "J");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[0].period), "2023");
	CU_ASSERT_EQUAL(f.b.units[0].line, 1);
	CU_ASSERT_EQUAL(f.b.units[0].col, 12);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[TOTAL].num, 4.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[PART].num, 3.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[FLAG].num, 1.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[PICK].num, 2.0, 0.0);
	CU_ASSERT_EQUAL(row(&f, 0)[RATE].num, 0.62);
	CU_ASSERT(!row(&f, 0)[REF].present);
	/* a JSON string is quoted: not a number */
	CU_ASSERT_EQUAL(
	        fixture_data(&f.b, "e.json",
	                     "{\"unit\": {\"code\": \"K\"}, \"values\": "
	                     "{\"total\": \"4\"}}",
	                     &f.d),
	        0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 2);
	CU_ASSERT(f.b.units[1].invalid);
	CU_ASSERT(problem_is(&f.b, 1,
	                     "e.json:1:45: unit K: field total: expected a "
	                     "number, not the quoted text \"4\"; remove the "
	                     "quotes"));
	fx_close(&f);
}

/* Values of the wrong type, each with its place and field. */
static void test_type_errors(void)
{
	struct fx f;
	int q;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: Q}\n"
	                             "    values:\n"
	                             "      total: \"170\"\n"
	                             "      part: 1.5\n"
	                             "      flag: maybe\n"
	                             "      pick: heda\n"
	                             "      rate: {value: 3, evidnce: x}\n"
	                             "      ref: [a]\n"
	                             "  - unit: {code: R}\n"
	                             "    values: {rate: \"83,99\", pick: 1, "
	                             "total: 1e3, flag: \"true\"}\n"
	                             "  - unit: {code: OK}\n"
	                             "    values: {total: 1}\n",
	                             &f.d),
	                0);
	/* value problems are not errors of the file */
	CU_ASSERT_EQUAL(f.d.errors, 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	q = fixture_unit(&f.b, "Q");
	CU_ASSERT_EQUAL_FATAL(q, 0);
	CU_ASSERT(f.b.units[0].invalid);
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 0), 6);
	CU_ASSERT(problem_is(&f.b, 0,
	                     "d.yaml:4:14: unit Q: field total: expected a "
	                     "number, not the quoted text \"170\"; remove the "
	                     "quotes"));
	CU_ASSERT(
	        problem_is(&f.b, 0,
	                   "d.yaml:5:13: unit Q: field part: expected a whole "
	                   "number, not '1.5'"));
	CU_ASSERT(
	        problem_is(&f.b, 0,
	                   "d.yaml:6:13: unit Q: field flag: expected true or "
	                   "false, not 'maybe'"));
	CU_ASSERT(problem_is(&f.b, 0,
	                     "d.yaml:7:13: unit Q: field pick: 'heda' is not a "
	                     "choice; did you mean 'head'? (choices: head, "
	                     "deputy, none)"));
	CU_ASSERT(problem_is(&f.b, 0,
	                     "d.yaml:8:24: unit Q: field rate: unknown key "
	                     "'evidnce' in a value; did you mean 'evidence'? "
	                     "(allowed: value, evidence, comment)"));
	CU_ASSERT(
	        problem_is(&f.b, 0,
	                   "d.yaml:9:12: unit Q: field ref: expected a value, "
	                   "not a list"));
	/* a field with a problem is not present */
	CU_ASSERT(!row(&f, 0)[TOTAL].present);
	CU_ASSERT(!row(&f, 0)[PICK].present);
	CU_ASSERT(f.b.units[1].invalid);
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 1), 4);
	CU_ASSERT(
	        problem_is(&f.b, 1,
	                   "d.yaml:11:20: unit R: field rate: expected a "
	                   "number, not the quoted text \"83,99\"; remove the "
	                   "quotes"));
	CU_ASSERT(problem_is(&f.b, 1,
	                     "d.yaml:11:35: unit R: field pick: '1' is not a "
	                     "choice (choices: head, deputy, none)"));
	CU_ASSERT(problem_is(&f.b, 1,
	                     "d.yaml:11:45: unit R: field total: expected a "
	                     "whole number, not '1e3'"));
	CU_ASSERT(fixture_problem_has(&f.b, 1,
	                              "d.yaml:11:56: unit R: field flag: "
	                              "expected true or false, not "));
	CU_ASSERT_EQUAL(f.b.units[2].invalid, 0);
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 2), 0);
	fx_close(&f);
}

/* Numbers: decimals with a point, integers within 2^53. */
static void test_number_syntax(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: A}\n"
	                             "    values:\n"
	                             "      rate: 83,99\n"
	                             "  - unit: {code: B}\n"
	                             "    values: {total: 9007199254740993}\n"
	                             "  - unit: {code: C}\n"
	                             "    values: {total: 9007199254740992, "
	                             "rate: 1e1}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	CU_ASSERT(
	        problem_is(&f.b, 0,
	                   "d.yaml:4:13: unit A: field rate: expected a "
	                   "number, not '83,99' (write decimals with a point: "
	                   "83.99)"));
	/* beyond 2^53 an integer is not exact: refused */
	CU_ASSERT(fixture_problem_has(&f.b, 1,
	                              "d.yaml:6:21: unit B: field total: "));
	CU_ASSERT(fixture_problem_has(&f.b, 1, "9007199254740993"));
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 1), 1);
	CU_ASSERT_EQUAL(f.b.units[2].invalid, 0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 2)[TOTAL].num, 9007199254740992.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 2)[RATE].num, 10.0, 0.0);
	fx_close(&f);
}

/*
 * Regression (fixed in core/eval/data_file.c, bad_number): "digits only" lets '-' and '+'
 * appear anywhere, so a malformed integer such as 2022-23 or +-5 is
 * reported as "too large to hold exactly (the limit is
 * 9007199254740992)" instead of "expected a whole number".
 */
static void test_malformed_integer(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(
	        fixture_data(&f.b, "d.yaml",
	                     "units:\n"
	                     "  - unit: {code: A}\n"
	                     "    values: {total: 2022-23}\n"
	                     "  - unit: {code: B}\n"
	                     "    values: {total: +-5}\n"
	                     "  - unit: {code: C}\n"
	                     "    values: {total: 12345678901234567890}\n",
	                     &f.d),
	        0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	/* really too large: said so */
	CU_ASSERT(fixture_problem_has(&f.b, 2,
	                              "d.yaml:7:21: unit C: field total: "
	                              "12345678901234567890 is too large"));
	CU_ASSERT(problem_is(&f.b, 0,
	                     "d.yaml:3:21: unit A: field total: expected a "
	                     "whole number, not '2022-23'"));
	CU_ASSERT(problem_is(&f.b, 1,
	                     "d.yaml:5:21: unit B: field total: expected a "
	                     "whole number, not '+-5'"));
	fx_close(&f);
}

/* min, max, and max naming another input. */
static void test_bounds(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: A}\n"
	                             "    values: {total: -1, rate: 100.5}\n"
	                             "  - unit: {code: B}\n"
	                             "    values:\n"
	                             "      part: {value: 11, evidence: e}\n"
	                             "      total: 10\n"
	                             "  - unit: {code: C}\n"
	                             "    values: {total: 10, part: 10, rate: "
	                             "0}\n"
	                             "  - unit: {code: D}\n"
	                             "    values: {part: 99}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 4);
	CU_ASSERT(
	        problem_is(&f.b, 0,
	                   "d.yaml:3:21: unit A: field total: -1 is below its "
	                   "minimum 0"));
	CU_ASSERT(problem_is(&f.b, 0,
	                     "d.yaml:3:31: unit A: field rate: 100.5 is above "
	                     "its maximum 100"));
	/* the cross-field bound is checked after all values, whatever the
	 * order, at the value inside {value: ...} */
	CU_ASSERT(problem_is(&f.b, 1,
	                     "d.yaml:6:21: unit B: field part: 11 is above its "
	                     "maximum total = 10"));
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 1), 1);
	/* equal to the bounds is fine */
	CU_ASSERT_EQUAL(f.b.units[2].invalid, 0);
	/* no total: nothing to compare with */
	CU_ASSERT_EQUAL(f.b.units[3].invalid, 0);
	fx_close(&f);
}

/* The example model's cross-field bound, as in the brief. */
static void test_bounds_example(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	batch b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	batch_init(&b, m);
	CU_ASSERT_EQUAL(fixture_data(&b, "yb.yaml",
	                             "unit: {code: YB, level: district}\n"
	                             "values:\n"
	                             "  officials_total: 170\n"
	                             "  officials_with_pc: 171\n"
	                             "  communes_total: 24\n"
	                             "  communes_4g: 25\n"
	                             "  initiative_points: 5.5\n",
	                             &d),
	                0);
	CU_ASSERT_EQUAL_FATAL(b.nunits, 1);
	CU_ASSERT(b.units[0].invalid);
	CU_ASSERT(problem_is(&b, 0,
	                     "yb.yaml:4:22: unit YB: field officials_with_pc: "
	                     "171 is above its maximum officials_total = 170"));
	CU_ASSERT(problem_is(&b, 0,
	                     "yb.yaml:6:16: unit YB: field communes_4g: 25 is "
	                     "above its maximum communes_total = 24"));
	CU_ASSERT(problem_is(&b, 0,
	                     "yb.yaml:7:22: unit YB: field initiative_points: "
	                     "5.5 is above its maximum 5"));
	CU_ASSERT_EQUAL(fixture_problem_count(&b, 0), 3);
	batch_free(&b);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* Unknown fields, level, stage, unit keys, values shape. */
static void test_unit_problems(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: R}\n"
	                             "    values:\n"
	                             "      totl: 3\n"
	                             "      zzzzzzzzzz: 1\n"
	                             "  - unit: {code: S, level: province}\n"
	                             "    stage: final2\n"
	                             "  - unit: {code: T}\n"
	                             "    values: [1, 2]\n"
	                             "  - unit: {code: U, nme: x}\n"
	                             "  - unit: {code: V}\n"
	                             "    valeus: {}\n"
	                             "  - unit: {code: W}\n"
	                             "    stage: [self]\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL(f.d.errors, 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 6);
	CU_ASSERT(problem_is(&f.b, 0,
	                     "d.yaml:4:7: unit R: field totl: not an input of "
	                     "model t; did you mean 'total'?"));
	CU_ASSERT(problem_is(&f.b, 0,
	                     "d.yaml:5:7: unit R: field zzzzzzzzzz: not an "
	                     "input of model t (see 'chiso template')"));
	CU_ASSERT(
	        problem_is(&f.b, 1,
	                   "d.yaml:6:28: unit S: unit level is 'province' but "
	                   "model t assesses 'district'"));
	CU_ASSERT(
	        problem_is(&f.b, 1,
	                   "d.yaml:7:12: unit S: stage must be self, appraised "
	                   "or final, not 'final2'"));
	CU_ASSERT(
	        problem_is(&f.b, 2,
	                   "d.yaml:9:13: unit T: values must be a mapping, not "
	                   "a list"));
	CU_ASSERT(fixture_problem_has(
	        &f.b, 3,
	        "unit U: unknown key 'nme' in unit; did you "
	        "mean 'name'?"));
	CU_ASSERT(problem_is(&f.b, 4,
	                     "d.yaml:12:5: unit V: unknown key 'valeus' in a "
	                     "unit record; did you mean 'values'? (allowed: "
	                     "unit, stage, values, evidence)"));
	CU_ASSERT(problem_is(&f.b, 5,
	                     "d.yaml:14:12: unit W: stage must be self, "
	                     "appraised or final, not 'a mapping or list'"));
	CU_ASSERT(f.b.units[0].invalid && f.b.units[1].invalid &&
	          f.b.units[2].invalid && f.b.units[3].invalid &&
	          f.b.units[4].invalid && f.b.units[5].invalid);
	fx_close(&f);
}

/* Every unknown key of the "unit" map is a problem, at the key. */
static void test_unit_keys_position(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "unit: {code: A, nme: x, leve: y}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 1);
	CU_ASSERT(f.b.units[0].invalid);
	CU_ASSERT(fixture_problem_has(&f.b, 0,
	                              "d.yaml:1:17: unit A: unknown key 'nme' "
	                              "in unit; did you mean 'name'?"));
	CU_ASSERT(fixture_problem_has(&f.b, 0,
	                              "d.yaml:1:25: unit A: unknown key 'leve' "
	                              "in unit; did you mean 'level'?"));
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 0), 2);
	fx_close(&f);
}

/* null and ~ are missing; evidence without a value is kept. */
static void test_null_values(void)
{
	struct fx f;
	const unit_value *v;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(
	        fixture_data(&f.b, "d.yaml",
	                     "unit: {code: N, name: ~, period: null}\n"
	                     "stage: ~\n"
	                     "values:\n"
	                     "  total: ~\n"
	                     "  part: null\n"
	                     "  rate:\n"
	                     "  flag: {value: ~, evidence: \"pending\"}\n"
	                     "  pick: {evidence: \"minutes\", comment: "
	                     "\"c\"}\n"
	                     "  ref: \"~\"\n",
	                     &f.d),
	        0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	/* a null is said as empty, at the value */
	CU_ASSERT(fixture_diag_has(&f.d, "d.yaml:4:10: warning: unit N: field "
	                                 "total: empty: indicator"));
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 1);
	CU_ASSERT_EQUAL(f.b.units[0].invalid, 0);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[0].stage), "final");
	CU_ASSERT_EQUAL(f.b.units[0].name, 0);
	CU_ASSERT_EQUAL(f.b.units[0].period, 0);
	v = row(&f, 0);
	CU_ASSERT(!v[TOTAL].present);
	CU_ASSERT(!v[PART].present);
	CU_ASSERT(!v[RATE].present);
	CU_ASSERT(!v[FLAG].present);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[FLAG].evidence), "pending");
	CU_ASSERT(!v[PICK].present);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[PICK].evidence), "minutes");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[PICK].comment), "c");
	/* a quoted "~" is text */
	CU_ASSERT(v[REF].present);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[REF].text), "~");
	fx_close(&f);
}

/* Repeated code, period and stage: the later unit is invalid. */
static void test_duplicates(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: A, period: \"2022\"}\n"
	                             "  - unit: {code: B}\n"
	                             "  - unit: {code: A, period: \"2023\"}\n"
	                             "  - unit: {code: A, period: \"2022\"}\n"
	                             "    stage: self\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "e.yaml",
	                             "unit: {code: A, period: \"2022\"}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 5);
	data_check_duplicates(&f.b);
	CU_ASSERT_EQUAL(f.b.units[0].invalid, 0);
	CU_ASSERT_EQUAL(f.b.units[1].invalid, 0);
	CU_ASSERT_EQUAL(f.b.units[2].invalid, 0); /* other period */
	CU_ASSERT_EQUAL(f.b.units[3].invalid, 0); /* other stage */
	CU_ASSERT_EQUAL(f.b.units[4].invalid, 1);
	CU_ASSERT(problem_is(&f.b, 4,
	                     "e.yaml:1:1: unit A: appears twice for period "
	                     "'2022' and stage final (first at d.yaml:2:5)"));
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 0), 0);
	fx_close(&f);
}

/* Three copies: the second and third are invalid, each naming the one
 * before it. */
static void test_duplicates_three(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: Z}\n"
	                             "  - unit: {code: Y}\n"
	                             "  - unit: {code: Z}\n"
	                             "  - unit: {code: Z}\n",
	                             &f.d),
	                0);
	data_check_duplicates(&f.b);
	CU_ASSERT_EQUAL(f.b.units[0].invalid, 0);
	CU_ASSERT_EQUAL(f.b.units[1].invalid, 0);
	CU_ASSERT(problem_is(&f.b, 2,
	                     "d.yaml:4:5: unit Z: appears twice for period '' "
	                     "and stage final (first at d.yaml:2:5)"));
	CU_ASSERT(problem_is(&f.b, 3,
	                     "d.yaml:5:5: unit Z: appears twice for period '' "
	                     "and stage final (first at d.yaml:4:5)"));
	fx_close(&f);
}

/* Errors of the file: -1, and not one unit or problem is added. */
static void test_file_errors(void)
{
	static const struct {
		const char *path, *text, *want;
	} cases[] = {
	        {"d.yaml", "- 1\n- 2\n",
	         "d.yaml:1:1: a data file must be a mapping, not a list"},
	        {"d.yaml", "unit: {code: A}\nvaleus: {}\n",
	         "d.yaml:2:1: unknown key 'valeus' in a data file; did you "
	         "mean 'values'? (allowed: unit, stage, values, evidence)"},
	        {"d.yaml", "units: []\nextra: 1\n",
	         "d.yaml:2:1: unknown key 'extra' in a data file (allowed: "
	         "units)"},
	        {"d.yaml",
	         "units:\n  - unit: {code: A}\n    values: {total: 1}\n"
	         "  - unit: {name: B}\n",
	         "d.yaml:4:11: unit: missing required key 'code'"},
	        {"d.yaml", "units:\n  - unit: {code: A}\n  - 5\n",
	         "d.yaml:3:5: a unit record must be a mapping, not a scalar"},
	        {"d.yaml", "units: {a: 1}\n",
	         "d.yaml:1:8: units must be a list, not a mapping"},
	        {"d.yaml", "values: {total: 1}\n",
	         "d.yaml:1:1: a unit record: missing required key 'unit'"},
	        {"d.yaml", "unit: A\n",
	         "d.yaml:1:7: unit must be a mapping, not a scalar"},
	        {"d.yaml", "unit: {code: ~}\n",
	         "d.yaml:1:14: unit.code must not be empty"},
	        {"d.yaml", "", "d.yaml: the file is empty"},
	        {"d.yaml", "a: [\n", "d.yaml:2:1: "},
	        {"d.json", "{\"unit\": {\"code\": \"A\"}} x", "d.json:1:25: "},
	};
	struct fx f;
	size_t i, problems;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	/* one good unit with a problem first: it must stay as it is */
	CU_ASSERT_EQUAL(
	        fixture_data(&f.b, "ok.yaml",
	                     "unit: {code: KEEP}\nvalues: {total: -5}\n", &f.d),
	        0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 1);
	problems = f.b.nproblems;
	CU_ASSERT_EQUAL(problems, 1);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		diag d = DIAG_INIT;
		int rc = fixture_data(&f.b, cases[i].path, cases[i].text, &d);

		CU_ASSERT_EQUAL(rc, -1);
		CU_ASSERT(d.errors >= 1);
		CU_ASSERT(fixture_diag_has(&d, cases[i].want));
		if (i == 11)
			CU_ASSERT(fixture_diag_has2(&d, cases[i].want,
			                            "unexpected text after the "
			                            "JSON value"));
		if (!fixture_diag_has(&d, cases[i].want)) {
			fprintf(stderr, "\ncase %zu: expected '%s', got:\n", i,
			        cases[i].want);
			fixture_diag_dump(&d);
		}
		CU_ASSERT_EQUAL(f.b.nunits, 1);
		CU_ASSERT_EQUAL(f.b.nproblems, problems);
		diag_free(&d);
	}
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[0].code), "KEEP");
	CU_ASSERT_EQUAL(f.b.units[0].last_problem, 1);
	/* the batch still works: a good file after the bad ones */
	CU_ASSERT_EQUAL(fixture_data(&f.b, "ok2.yaml",
	                             "unit: {code: NEXT}\nvalues: {total: 5}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 2);
	CU_ASSERT_EQUAL(f.b.units[1].invalid, 0);
	CU_ASSERT_EQUAL(f.b.units[1].first_problem, 0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 1)[TOTAL].num, 5.0, 0.0);
	CU_ASSERT_EQUAL(
	        fixture_data(&f.b, "ok3.yaml",
	                     "unit: {code: THIRD}\nvalues: {total: -1}\n",
	                     &f.d),
	        0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	CU_ASSERT(problem_is(&f.b, 2,
	                     "ok3.yaml:2:17: unit THIRD: field total: -1 is "
	                     "below its minimum 0"));
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 2), 1);
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, 0), 1);
	fx_close(&f);
}

/* data_load_file reads the file; a missing file is an error. */
static void test_load_file(void)
{
	struct fx f;
	char path[4096];
	const char *src = getenv("srcdir");
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	batch b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	batch_init(&b, m);
	snprintf(path, sizeof(path), "%s/examples/yen-binh-2022.yaml",
	         src && *src ? src : CHISO_BUILD_DIR);
	CU_ASSERT_EQUAL(data_load_file(&b, path, &d), 0);
	CU_ASSERT_EQUAL(d.count, 0);
	CU_ASSERT_EQUAL_FATAL(b.nunits, 1);
	CU_ASSERT_STRING_EQUAL(batch_str(&b, b.units[0].code), "YB.YBI");
	CU_ASSERT_STRING_EQUAL(batch_str(&b, b.units[0].stage), "self");
	CU_ASSERT_STRING_EQUAL(batch_str(&b, b.units[0].file), path);
	CU_ASSERT_EQUAL(b.units[0].invalid, 0);
	CU_ASSERT_STRING_EQUAL(
	        batch_str(&b,
	                  batch_values(&b,
	                               0)[model_input_slot(m, "dt_plan_issued")]
	                          .evidence),
	        "K\xe1\xba\xbf ho\xe1\xba\xa1\x63h s\xe1\xbb\x91 81-KH/HU "
	        "ng\xc3\xa0y 15/02/2022 (seed)");
	batch_free(&b);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(data_load_file(&f.b, "/nonexistent/d.yaml", &f.d), -1);
	CU_ASSERT(fixture_diag_has(&f.d, "/nonexistent/d.yaml: cannot open"));
	CU_ASSERT_EQUAL(f.b.nunits, 0);
	fx_close(&f);
}

/* data_report_problems copies every unit problem into a diag. */
static void test_report_problems(void)
{
	struct fx f;
	diag out = DIAG_INIT;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: A}\n"
	                             "    values: {total: -1, rate: 101}\n"
	                             "  - unit: {code: B}\n"
	                             "  - unit: {code: C}\n"
	                             "    values: {flag: 2}\n",
	                             &f.d),
	                0);
	data_report_problems(&f.b, &out);
	CU_ASSERT_EQUAL(out.errors, 3);
	CU_ASSERT_EQUAL_FATAL(out.count, 3);
	CU_ASSERT_STRING_EQUAL(out.items[0].text,
	                       "d.yaml:3:21: unit A: field total: -1 is below "
	                       "its minimum 0");
	CU_ASSERT_STRING_EQUAL(
	        out.items[1].text,
	        "d.yaml:3:31: unit A: field rate: 101 is above its "
	        "maximum 100");
	CU_ASSERT_STRING_EQUAL(
	        out.items[2].text,
	        "d.yaml:6:20: unit C: field flag: expected true or "
	        "false, not '2'");
	CU_ASSERT_EQUAL(out.items[2].level, DIAG_ERROR);
	diag_free(&out);
	fx_close(&f);
}

/* Writes the results of b to a memory buffer. Caller frees. */
static char *results_text(const batch *b, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (!f)
		return NULL;
	results_json_write(b, f);
	fclose(f);
	return buf;
}

/* Compares the value rows, identity and stage of units of two batches. */
static int same_units(const batch *a, const batch *b)
{
	const chiso_model *m = a->model;
	size_t u, i;
	int ok = a->nunits == b->nunits;

	for (u = 0; ok && u < a->nunits; u++) {
		const unit_rec *ua = &a->units[u], *ub = &b->units[u];
		const unit_value *ra = &a->values[u * m->ninputs];
		const unit_value *rb = &b->values[u * m->ninputs];

		ok &= strcmp(batch_str(a, ua->code), batch_str(b, ub->code)) ==
		      0;
		ok &= strcmp(batch_str(a, ua->name), batch_str(b, ub->name)) ==
		      0;
		ok &= strcmp(batch_str(a, ua->level),
		             batch_str(b, ub->level)) == 0;
		ok &= strcmp(batch_str(a, ua->parent),
		             batch_str(b, ub->parent)) == 0;
		ok &= strcmp(batch_str(a, ua->period),
		             batch_str(b, ub->period)) == 0;
		ok &= strcmp(batch_str(a, ua->stage),
		             batch_str(b, ub->stage)) == 0;
		for (i = 0; i < m->ninputs; i++) {
			int same = ra[i].present == rb[i].present &&
			           ra[i].num == rb[i].num &&
			           strcmp(batch_str(a, ra[i].text),
			                  batch_str(b, rb[i].text)) == 0 &&
			           strcmp(batch_str(a, ra[i].evidence),
			                  batch_str(b, rb[i].evidence)) == 0 &&
			           strcmp(batch_str(a, ra[i].comment),
			                  batch_str(b, rb[i].comment)) == 0;

			if (!same)
				fprintf(stderr,
				        "\nunit %zu input %s: %d %.17g '%s' vs "
				        "%d %.17g '%s'\n",
				        u, m->inputs[i].id, ra[i].present,
				        ra[i].num, batch_str(a, ra[i].text),
				        rb[i].present, rb[i].num,
				        batch_str(b, rb[i].text));
			ok &= same;
		}
	}
	return ok;
}

/* A results document reads back to the same values, exactly. */
static void test_results_roundtrip(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	size_t len, len2, dlen, u, i;
	char *data = fixture_read_source("examples/yen-binh-2022.yaml", &dlen);
	char *json, *json2;
	batch b1, b2;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	batch_init(&b1, m);
	CU_ASSERT_EQUAL(data_load_buffer(&b1, "examples/yen-binh-2022.yaml",
	                                 data, dlen, &d),
	                0);
	/* a second, smaller unit with awkward numbers and texts */
	CU_ASSERT_EQUAL(fixture_data(&b1, "more.yaml",
	                             "units:\n"
	                             "  - unit: {code: \"X\\\"Q\", name: "
	                             "\"T\xc3\xa2n \\\\ \\u202e\"}\n"
	                             "    stage: appraised\n"
	                             "    values:\n"
	                             "      households_fibre_pct: 0.1\n"
	                             "      digital_skills_score: "
	                             "0.30000000000000004\n"
	                             "      smartphone_adult_pct: 1e-7\n"
	                             "      report_ref: {value: \"a\\tb\\n\", "
	                             "comment: \"why\"}\n"
	                             "      committee_chair: none\n"
	                             "      antimalware: {value: ~, evidence: "
	                             "x}\n",
	                             &d),
	                0);
	CU_ASSERT_EQUAL_FATAL(b1.nunits, 2);
	CU_ASSERT_EQUAL(b1.units[1].invalid, 0);
	eval_batch(&b1);
	json = results_text(&b1, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(json);
	batch_init(&b2, m);
	CU_ASSERT_EQUAL(data_load_buffer(&b2, "results.json", json, len, &d),
	                0);
	CU_ASSERT_EQUAL(d.errors, 0);
	CU_ASSERT_EQUAL(fixture_diag_others(&d), 0);
	/* 0.1 and 1e-7 in percent inputs: likely fractions, said */
	CU_ASSERT(fixture_diag_has(&d, "field households_fibre_pct: 0.1 in an "
	                               "input measured in % "));
	if (fixture_diag_others(&d))
		fixture_diag_dump(&d);
	CU_ASSERT_EQUAL_FATAL(b2.nunits, 2);
	CU_ASSERT(same_units(&b1, &b2));
	CU_ASSERT_EQUAL(b2.units[0].invalid, 0);
	CU_ASSERT_EQUAL(b2.units[1].invalid, 0);
	/* a name is one line (a line break would make the unit invalid);
	 * a bidi control is kept, a text value keeps its tab and line break */
	CU_ASSERT_STRING_EQUAL(batch_str(&b2, b2.units[1].name),
	                       "T\xc3\xa2n \\ \xe2\x80\xae");
	CU_ASSERT_STRING_EQUAL(batch_str(&b2, b2.units[1].code), "X\"Q");
	/* evaluating again gives the same points, bit for bit */
	eval_batch(&b2);
	for (u = 0; u < 2; u++) {
		CU_ASSERT_EQUAL(b1.unit_points[u], b2.unit_points[u]);
		CU_ASSERT_EQUAL(b1.unit_max[u], b2.unit_max[u]);
		for (i = 0; i < m->nnodes; i++)
			CU_ASSERT_EQUAL(b1.node_points[BATCH_NODE(&b1, u, i)],
			                b2.node_points[BATCH_NODE(&b2, u, i)]);
	}
	CU_ASSERT_DOUBLE_EQUAL(b2.unit_points[0], 86.91696428571427, 1e-12);
	/* and writing it again gives the same document */
	json2 = results_text(&b2, &len2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(json2);
	CU_ASSERT_EQUAL(len, len2);
	CU_ASSERT(strcmp(json, json2) == 0);
	free(json);
	free(json2);
	batch_free(&b1);
	batch_free(&b2);
	/* an invalid unit's values are carried, and it is invalid again,
	 * with the problem placed in the results document */
	batch_init(&b1, m);
	CU_ASSERT_EQUAL(fixture_data(&b1, "bad.yaml",
	                             "unit: {code: BAD}\n"
	                             "values: {officials_total: -1, "
	                             "dossiers_total: 7}\n",
	                             &d),
	                0);
	eval_batch(&b1);
	json = results_text(&b1, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(json);
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"status\": \"invalid\""));
	batch_init(&b2, m);
	CU_ASSERT_EQUAL(data_load_buffer(&b2, "results.json", json, len, &d),
	                0);
	CU_ASSERT_EQUAL_FATAL(b2.nunits, 1);
	CU_ASSERT(same_units(&b1, &b2));
	CU_ASSERT_EQUAL(b2.units[0].invalid, 1);
	CU_ASSERT(fixture_problem_has(&b2, 0,
	                              "unit BAD: field officials_total: -1 is "
	                              "below its minimum 0"));
	CU_ASSERT(fixture_problem_has(&b2, 0, "results.json:"));
	free(json);
	free(data);
	batch_free(&b1);
	batch_free(&b2);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* In a results document, fields the model does not know only warn. */
static void test_results_unknown_field(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(
	        fixture_data(&f.b, "r.json",
	                     "{\"format\": 1, \"generator\": \"chiso\",\n"
	                     " \"units\": [\n"
	                     "  {\"unit\": {\"code\": \"A\"}, \"status\": "
	                     "\"ok\", \"points\": 1,\n"
	                     "   \"values\": {\"old_field\": 3, "
	                     "\"total\": 4}},\n"
	                     "  {\"unit\": {\"code\": \"B\"}, \"values\": "
	                     "{\"old_field\": 1}}]}",
	                     &f.d),
	        0);
	CU_ASSERT_EQUAL(f.d.errors, 0);
	/* warned once per file, at the first occurrence */
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 1);
	CU_ASSERT(fixture_diag_has(&f.d,
	                           "r.json:4:15: warning: field 'old_field' is "
	                           "not an input of model t 1; ignored"));
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 2);
	CU_ASSERT_EQUAL(f.b.units[0].invalid, 0);
	CU_ASSERT_EQUAL(f.b.units[1].invalid, 0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[TOTAL].num, 4.0, 0.0);
	/* but an unknown key of a results record is a problem */
	CU_ASSERT_EQUAL(fixture_data(&f.b, "r2.json",
	                             "{\"model\": {}, \"units\": [{\"unit\": "
	                             "{\"code\": \"C\"}, \"scores\": 1}]}",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	CU_ASSERT(f.b.units[2].invalid);
	CU_ASSERT(fixture_problem_has(&f.b, 2,
	                              "unknown key 'scores' in a unit "
	                              "record"));
	fx_close(&f);
}

/* The file of evidence entry k of unit u. */
static const char *ev_file(struct fx *f, size_t u, size_t k)
{
	size_t n;
	const unit_evidence *e = evidence_files_of(&f->b, u, &n);

	return k < n ? batch_str(&f->b, e[k].file) : "(none)";
}

/* Evidence files per indicator: a list or a text split at '|', in order,
 * by unit; a file refused takes its units' files with it; a results
 * document keeps the hashes its nodes record. */
static void test_evidence_files(void)
{
	struct fx f;
	size_t n;
	const unit_evidence *e;

	CU_ASSERT_FATAL(fx_open(&f, MODEL) == 0);
	CU_ASSERT_EQUAL(fixture_data(&f.b, "d.yaml",
	                             "units:\n"
	                             "  - unit: {code: A}\n"
	                             "    evidence:\n"
	                             "      \"1.2\": [a.pdf, \" b.pdf \"]\n"
	                             "      \"1.1\": \"c.pdf | | d/e.pdf\"\n"
	                             "  - unit: {code: B}\n"
	                             "  - unit: {code: C}\n"
	                             "    evidence: {\"1.3\": f.pdf}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL(f.d.errors, 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	e = evidence_files_of(&f.b, 0, &n);
	CU_ASSERT_EQUAL_FATAL(n, 4);
	CU_ASSERT_STRING_EQUAL(ev_file(&f, 0, 0), "a.pdf");
	CU_ASSERT_STRING_EQUAL(ev_file(&f, 0, 1), "b.pdf");
	CU_ASSERT_STRING_EQUAL(ev_file(&f, 0, 2), "c.pdf");
	CU_ASSERT_STRING_EQUAL(ev_file(&f, 0, 3), "d/e.pdf");
	CU_ASSERT_STRING_EQUAL(f.m->nodes[e[0].node].id, "1.2");
	CU_ASSERT_STRING_EQUAL(f.m->nodes[e[2].node].id, "1.1");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, e[0].place), "d.yaml:4:15");
	CU_ASSERT_EQUAL(e[0].sha, 0);
	CU_ASSERT(evidence_files_of(&f.b, 1, &n) == NULL && n == 0);
	CU_ASSERT_STRING_EQUAL(ev_file(&f, 2, 0), "f.pdf");
	CU_ASSERT(evidence_files_any(&f.b, 0, (size_t)e[0].node));
	CU_ASSERT(!evidence_files_any(&f.b, 1, (size_t)e[0].node));
	/* a bad file adds nothing, its evidence included */
	CU_ASSERT_EQUAL(fixture_data(&f.b, "bad.yaml",
	                             "units:\n"
	                             "  - unit: {code: D}\n"
	                             "    evidence: {\"1.1\": g.pdf}\n"
	                             "  - unit: {code: E}\n"
	                             "    evidence: {\"1.4\": h.pdf}\n",
	                             &f.d),
	                -1);
	CU_ASSERT(fixture_diag_has(&f.d, "bad.yaml:5:16: unit E: evidence: "
	                                 "'1.4' is not an indicator of model "
	                                 "t; did you mean '1.1'?"));
	CU_ASSERT_EQUAL(f.b.nunits, 3);
	CU_ASSERT_EQUAL(f.b.nevidence, 5);
	/* a control character makes the unit invalid */
	CU_ASSERT_EQUAL(fixture_data(&f.b, "c.yaml",
	                             "unit: {code: F}\n"
	                             "evidence: {\"1.1\": \"a\\u001b.pdf\"}\n",
	                             &f.d),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 4);
	CU_ASSERT(f.b.units[3].invalid);
	CU_ASSERT(problem_is(&f.b, 3,
	                     "c.yaml:2:19: unit F: evidence 1.1: contains a "
	                     "control character (U+001B); remove it"));
	/* a results document: the hash its node records is kept */
	CU_ASSERT_EQUAL(
	        fixture_data(
	                &f.b, "r.json",
	                "{\"format\": 1, \"generator\": \"chiso\",\n"
	                " \"units\": [{\"unit\": {\"code\": \"G\"},\n"
	                "  \"nodes\": [{\"id\": \"1.1\", \"evidence_files\": "
	                "[{\"file\": \"x.pdf\", \"sha256\": "
	                "\"" SHA_X "\"}]}],\n"
	                "  \"evidence\": {\"1.1\": [\"x.pdf\", \"y.pdf\"], "
	                "\"9.9\": [\"z.pdf\"]}}]}",
	                &f.d),
	        0);
	CU_ASSERT(fixture_diag_has(&f.d, "warning: unit G: evidence: '9.9' is "
	                                 "not an indicator of model t; "
	                                 "ignored"));
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 5);
	e = evidence_files_of(&f.b, 4, &n);
	CU_ASSERT_EQUAL_FATAL(n, 2);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, e[0].sha), SHA_X);
	CU_ASSERT_EQUAL(e[1].sha, 0);
	fx_close(&f);
}

static CU_TestInfo tests[] = {
        {"single unit", test_single_unit},
        {"units list", test_units_list},
        {"JSON data", test_json_data},
        {"type errors", test_type_errors},
        {"number syntax", test_number_syntax},
        {"regression: malformed integer", test_malformed_integer},
        {"bounds", test_bounds},
        {"bounds, example model", test_bounds_example},
        {"unit problems", test_unit_problems},
        {"unit keys position", test_unit_keys_position},
        {"null values, evidence", test_null_values},
        {"duplicates", test_duplicates},
        {"duplicates, three", test_duplicates_three},
        {"file errors add nothing", test_file_errors},
        {"data_load_file", test_load_file},
        {"data_report_problems", test_report_problems},
        {"results round trip", test_results_roundtrip},
        {"results unknown field", test_results_unknown_field},
        {"evidence files", test_evidence_files},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("data", tests)
