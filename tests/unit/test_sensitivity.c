/*
 * test_sensitivity.c - unit tests for chiso sensitivity's modules:
 * util/rng.c (reference outputs), util/round_key.c (the same ties as
 * numfmt_round), publish/sens_stats.c (nearest-rank percentiles, the
 * given-data first-order index), publish/sensitivity.c (options; a flip
 * computed by hand, for the points and for the missing-data policy;
 * the same seed giving the same runs on any number of threads; merged
 * units refused).
 */
#include "fixtures.h"
#include "cutest.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "publish/sens_stats.h"
#include "publish/sensitivity.h"
#include "read/results_set.h"
#include "results/results_json.h"
#include "util/numfmt.h"
#include "util/rng.h"
#include "util/round_key.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- util/rng ------------------------------------------------------------- */

/* SplitMix64 from 1234567, as in Vigna's splitmix64.c (and Java's
 * SplittableRandom), and xoshiro256** streams of (seed, run), computed
 * independently (a Python transcription of the reference code). */
static void test_rng_reference(void)
{
	static const uint64_t sm[] = {UINT64_C(0x599ed017fb08fc85),
	                              UINT64_C(0x2c73f08458540fa5),
	                              UINT64_C(0x883ebce5a3f27c77)};
	static const struct {
		uint64_t seed, run, out[3];
	} runs[] = {
	        {1,
	         0,
	         {UINT64_C(0x7801ffa85c6ecc24), UINT64_C(0x0858358f00dd267e),
	          UINT64_C(0x867df49580968b98)}},
	        {1,
	         1,
	         {UINT64_C(0xb90d91bde8ab13c6), UINT64_C(0x8f506dd03b23b31c),
	          UINT64_C(0x6cf0ed1803cb3a17)}},
	        {42,
	         999,
	         {UINT64_C(0x7e44fe953da10328), UINT64_C(0x8e4a31127252a8e0),
	          UINT64_C(0x22e14e70b689dc43)}}};
	uint64_t state = 1234567;
	size_t k, i;
	rng g;

	for (k = 0; k < 3; k++)
		CU_ASSERT_EQUAL(splitmix64_next(&state), sm[k]);
	for (k = 0; k < sizeof(runs) / sizeof(runs[0]); k++) {
		rng_seed_run(&g, runs[k].seed, runs[k].run);
		for (i = 0; i < 3; i++)
			CU_ASSERT_EQUAL(rng_next(&g), runs[k].out[i]);
	}
}

/* Uniforms are in [0, 1) with mean about 1/2. */
static void test_rng_uniform(void)
{
	double sum = 0;
	size_t k, n = 100000;
	rng g;

	rng_seed_run(&g, 7, 3);
	for (k = 0; k < n; k++) {
		double u = rng_uniform(&g);

		CU_ASSERT(u >= 0 && u < 1);
		sum += u;
	}
	CU_ASSERT(fabs(sum / (double)n - 0.5) < 0.005);
}

/* --- util/round_key --------------------------------------------------------- */

/* numfmt_round's value as a key. */
static int64_t slow_key(double x, int decimals)
{
	return (int64_t)llround(numfmt_round(x, decimals) *
	                        round_key_scale(decimals));
}

static void test_round_key(void)
{
	static const double halves[] = {0.83985, 0.00005, 0.12345, 0.99995,
	                                0.5,     0.74205, 1.0,     0.0};
	size_t k;
	int d;
	rng g;

	CU_ASSERT_EQUAL(round_key(0.83985, 4), 8399);
	CU_ASSERT_EQUAL(round_key(0.8398499999, 4), 8398);
	CU_ASSERT_EQUAL(round_key(1, 4), 10000);
	CU_ASSERT_EQUAL(round_key(0, 4), 0);
	CU_ASSERT_EQUAL(round_key(-0.83985, 4), -8399);
	/* Decimal halves and their neighbours, one binary step away. */
	for (k = 0; k < sizeof(halves) / sizeof(halves[0]); k++)
		for (d = 0; d <= 10; d++) {
			double x = halves[k];

			CU_ASSERT_EQUAL(round_key(x, d), slow_key(x, d));
			CU_ASSERT_EQUAL(round_key(nextafter(x, 2), d),
			                slow_key(nextafter(x, 2), d));
			CU_ASSERT_EQUAL(round_key(nextafter(x, -1), d),
			                slow_key(nextafter(x, -1), d));
		}
	/* Ratios as the runs make them, and exact halves k + 0.5. */
	rng_seed(&g, 99);
	for (k = 0; k < 20000; k++) {
		double x = rng_uniform(&g) * 1000 / (1 + rng_uniform(&g) * 999);
		double h = (double)(rng_next(&g) % 20000) / 20000 + 0.00005;

		x = x > 1 ? 1 / x : x;
		d = (int)(k % 9);
		CU_ASSERT_EQUAL(round_key(x, d), slow_key(x, d));
		CU_ASSERT_EQUAL(round_key(h, 4), slow_key(h, 4));
	}
}

/* --- publish/sens_stats ------------------------------------------------------ */

/* Nearest-rank percentiles: the ceil(P N / 100)-th smallest rank. */
static void test_percentiles(void)
{
	/* 20 runs: ranks 1 x 1, 2 x 10, 3 x 8, 6 x 1 */
	uint32_t ranks[20] = {2, 3, 2, 1, 2, 3, 3, 2, 2, 3,
	                      2, 3, 6, 2, 3, 2, 3, 2, 3, 2};
	uint32_t hist[8];
	sens_rank_stats s;

	CU_ASSERT_EQUAL(sens_percentile_pos(5, 20), 1);
	CU_ASSERT_EQUAL(sens_percentile_pos(50, 20), 10);
	CU_ASSERT_EQUAL(sens_percentile_pos(95, 20), 19);
	CU_ASSERT_EQUAL(sens_percentile_pos(95, 1000), 950);
	CU_ASSERT_EQUAL(sens_percentile_pos(5, 1), 1);
	sens_rank_stats_of(ranks, 20, 3, 6, hist, &s);
	CU_ASSERT_EQUAL(s.p05, 1);    /* 1st smallest */
	CU_ASSERT_EQUAL(s.median, 2); /* 10th: the 2s run to the 11th */
	CU_ASSERT_EQUAL(s.p95, 3);    /* 19th: the 3s run to the 19th */
	CU_ASSERT_EQUAL(s.best, 1);
	CU_ASSERT_EQUAL(s.worst, 6);
	CU_ASSERT_EQUAL(s.max_shift, 3); /* 6 against 3 */
	CU_ASSERT_EQUAL(s.kept, 19);     /* all but the 6 */
	CU_ASSERT_EQUAL(s.held, 8);
	CU_ASSERT_EQUAL(s.shift, 2 * 1 + 10 * 1 + 0 + 3);
}

/* The classes of Plischke et al. (and SALib's delta method). */
static void test_classes(void)
{
	CU_ASSERT_EQUAL(sens_classes(1000), 6);
	CU_ASSERT_EQUAL(sens_classes(100000), 47);
	CU_ASSERT(sens_classes(1000000) == 48);
	CU_ASSERT(sens_classes(1) >= 1);
}

/* Y a function of X alone: index 1; Y independent of X: near 0; Y
 * constant: NAN; a two-valued factor that decides Y: 1. */
static void test_first_order(void)
{
	size_t n = 10000, k;
	double *x = calloc(2 * n, sizeof(double)),
	       *y = calloc(n, sizeof(double));
	double s;
	rng g;

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_PTR_NOT_NULL_FATAL(y);
	rng_seed(&g, 5);
	for (k = 0; k < n; k++) {
		x[2 * k] = rng_uniform(&g);
		x[2 * k + 1] = rng_uniform(&g);
		y[k] = 3 * x[2 * k] * x[2 * k];
	}
	s = sens_first_order(x, 2, y, n, 0);
	CU_ASSERT(s > 0.99 && s <= 1);
	s = sens_first_order(x + 1, 2, y, n, 0);
	CU_ASSERT(s >= 0 && s < 0.01);
	/* y = x1 + x2: each explains half */
	for (k = 0; k < n; k++)
		y[k] = x[2 * k] + x[2 * k + 1];
	s = sens_first_order(x, 2, y, n, 0);
	CU_ASSERT(fabs(s - 0.5) < 0.03);
	for (k = 0; k < n; k++) {
		x[2 * k] = (double)(k % 2);
		y[k] = k % 2 ? 5 : 1;
	}
	s = sens_first_order(x, 2, y, n, 1);
	CU_ASSERT(fabs(s - 1) < 1e-12);
	for (k = 0; k < n; k++)
		y[k] = 2;
	CU_ASSERT(isnan(sens_first_order(x, 2, y, n, 0)));
	free(x);
	free(y);
}

/* --- publish/sensitivity: options ------------------------------------------- */

static void test_parse_vary(void)
{
	strbuf err = STRBUF_INIT;
	sens_opts o;

	sens_opts_init(&o);
	CU_ASSERT_EQUAL(sens_parse_vary("main=20%", &o, &err), 0);
	CU_ASSERT(fabs(o.spread_main - 0.2) < 1e-15);
	CU_ASSERT_EQUAL(sens_parse_vary("main=12.5%,indicators=5%", &o, &err),
	                0);
	CU_ASSERT(fabs(o.spread_main - 0.125) < 1e-15);
	CU_ASSERT(fabs(o.spread_indicators - 0.05) < 1e-15);
	CU_ASSERT_EQUAL(sens_parse_vary("main=99%", &o, &err), 0);
	CU_ASSERT_EQUAL(err.len, 0);
	CU_ASSERT_EQUAL(sens_parse_vary("bogus", &o, &err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "not 'bogus'"));
	strbuf_reset(&err);
	CU_ASSERT_EQUAL(sens_parse_vary("main=150%", &o, &err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "[-0.5, 2.5]"));
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "at most 99%"));
	strbuf_reset(&err);
	CU_ASSERT_EQUAL(sens_parse_vary("main=100%", &o, &err), -1);
	strbuf_reset(&err);
	CU_ASSERT_EQUAL(sens_parse_vary("main=0.2", &o, &err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "percentage"));
	strbuf_reset(&err);
	CU_ASSERT_EQUAL(sens_parse_vary("main=0%", &o, &err), -1);
	strbuf_reset(&err);
	CU_ASSERT_EQUAL(sens_parse_vary("weights=20%", &o, &err), -1);
	strbuf_reset(&err);
	CU_ASSERT_EQUAL(sens_parse_vary("indicator=20%", &o, &err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "did you mean"));
	strbuf_reset(&err);
	CU_ASSERT_EQUAL(sens_parse_missing("zero,exclude", &o, &err), 0);
	CU_ASSERT_EQUAL(o.nmissing, 2);
	CU_ASSERT_EQUAL(sens_parse_missing("exclude", &o, &err), 0);
	CU_ASSERT_EQUAL(o.nmissing, 1);
	CU_ASSERT_EQUAL(o.missing[0], SENS_POLICY_EXCLUDE);
	CU_ASSERT_EQUAL(sens_parse_missing("error", &o, &err), -1);
	CU_ASSERT_EQUAL(sens_parse_missing("zero,none", &o, &err), -1);
	strbuf_release(&err);
}

/* --- publish/sensitivity: analyses ------------------------------------------ */

/*
 * The flip. Main indices A and B of 100 points, one indicator each; X
 * earns 1.0 of A and 0.2 of B, Y 0.4 of A and 0.9 of B. With A's points
 * multiplied by a and B's by b:
 *
 *     value(X) = (100a + 20b) / (100a + 100b),
 *     value(Y) = (40a + 90b) / (100a + 100b),
 *
 * so X ranks above Y exactly when 100a + 20b > 40a + 90b, i.e. a/b > 7/6
 * (nominally a = b = 1: Y 0.65 first, X 0.60). With a, b independent and
 * uniform on [0.8, 1.2], write a = 0.8 + 0.4u, b = 0.8 + 0.4v (u, v
 * uniform on [0, 1]): a > 7b/6 <=> u > 7v/6 + 1/3, a triangle of the
 * unit square with legs 2/3 (at v = 0) and 4/7 (at u = 1), so
 *
 *     P(flip) = (1/2)(2/3)(4/7) = 4/21 = 0.190476...
 *
 * Y keeps its place (rank 1, a tie included) in the other runs:
 * keeps_place(Y) = 17/21. (A tie on 4 decimals needs |a/b - 7/6| below
 * about 2e-4: a share of runs far below the tolerance.)
 */
static const char flip_model[] =
        "model: { id: flip, version: \"1\", title: Flip, missing: zero }\n"
        "inputs:\n"
        "  a: { type: number, min: 0, max: 1 }\n"
        "  b: { type: number, min: 0, max: 1 }\n"
        "  c: { type: number, min: 0, max: 1 }\n"
        "indices:\n"
        "  - id: \"A\"\n"
        "    name: A\n"
        "    points: 100\n"
        "    children:\n"
        "      - { id: \"A.1\", name: A1, points: 100, method: fraction,\n"
        "          params: { input: a } }\n"
        "  - id: \"B\"\n"
        "    name: B\n"
        "    points: 100\n"
        "    children:\n"
        "      - { id: \"B.1\", name: B1, points: 50, method: fraction,\n"
        "          params: { input: b } }\n"
        "      - { id: \"B.2\", name: B2, points: 50, method: fraction,\n"
        "          params: { input: c } }\n";

/* B.1 and B.2 equal: B's fraction is that of the two-indicator index. */
static const char flip_data[] = "units:\n"
                                "  - unit: { code: X }\n"
                                "    values: { a: 1.0, b: 0.2, c: 0.2 }\n"
                                "  - unit: { code: Y }\n"
                                "    values: { a: 0.4, b: 0.9, c: 0.9 }\n";

/*
 * The missing-data flip: X earns 0.6 of A, 1.0 of B.1 and lacks B.2's
 * input; Y has 0.65 everywhere. Under zero X is (60 + 50) / 200 = 0.55,
 * under exclude (60 + 50) / 150 = 0.7333, Y is 0.65: drawing the policy
 * with probability 1/2 flips the order in half of the runs.
 */
static const char missing_data[] =
        "units:\n"
        "  - unit: { code: X }\n"
        "    values: { a: 0.6, b: 1.0 }\n"
        "  - unit: { code: Y }\n"
        "    values: { a: 0.65, b: 0.65, c: 0.65 }\n";

/* Scores data under model (both YAML text) into a results set. */
static int results_of(rs_set *set, const char *model, const char *data)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, model, &d);
	char *out = NULL;
	size_t olen = 0;
	batch b;
	FILE *f;
	int rc = -1;

	rs_init(set);
	if (!m)
		goto out;
	batch_init(&b, m);
	if (fixture_data(&b, "d.yaml", data, &d) == 0) {
		eval_batch(&b);
		f = open_memstream(&out, &olen);
		results_json_write(&b, f);
		fclose(f);
		rc = rs_read_buffer(set, "r.json", out, olen, &d);
	}
	batch_free(&b);
out:
	if (rc < 0)
		fixture_diag_dump(&d);
	free(out);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return rc;
}

/* The row of unit code in r's nominal table. */
static size_t row_of(const sens_result *r, const char *code)
{
	size_t k;

	for (k = 0; k < r->t.nrows; k++)
		if (strcmp(r->t.set->units[r->t.rows[k]].code, code) == 0)
			return k;
	CU_FAIL_FATAL("no such unit");
	return 0;
}

static void test_flip_points(void)
{
	rs_set set;
	sens_opts o;
	sens_result r;
	diag d = DIAG_INIT;
	size_t x, y;

	CU_ASSERT_EQUAL_FATAL(results_of(&set, flip_model, flip_data), 0);
	sens_opts_init(&o);
	o.runs = 100000;
	o.seed = 20240521;
	CU_ASSERT_EQUAL(sens_parse_vary("main=20%", &o, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(sens_analyse(&r, &set, &o, &d), 0);
	y = row_of(&r, "Y");
	x = row_of(&r, "X");
	CU_ASSERT_EQUAL(r.t.rank[y], 1);
	CU_ASSERT_EQUAL(r.t.rank[x], 2);
	CU_ASSERT(fabs(r.units[y].keeps_place - 17.0 / 21) < 0.01);
	CU_ASSERT(fabs((1 - r.units[y].keeps_place) - 4.0 / 21) < 0.01);
	CU_ASSERT_EQUAL(r.units[x].keeps_place, 1);
	CU_ASSERT_EQUAL(r.units[y].p05, 1);
	CU_ASSERT_EQUAL(r.units[y].median, 1);
	CU_ASSERT_EQUAL(r.units[y].p95, 2);
	CU_ASSERT_EQUAL(r.units[x].median, 2);
	CU_ASSERT_EQUAL(r.units[y].max_shift, 1);
	/* Two factors, each with an index in [0, 1]. */
	CU_ASSERT_EQUAL(r.nfactors, 2);
	CU_ASSERT(r.factors[0].index > 0.1 && r.factors[0].index <= 1);
	CU_ASSERT_EQUAL(r.classes, 47);
	sens_free(&r);
	rs_free(&set);
	diag_free(&d);
}

/* The same flip with the indicators' points varied instead: B's two
 * indicators each get their own factor, so the flip is no longer 4/21;
 * still X is never below its nominal rank and the runs give the same
 * numbers for the same seed. */
static void test_flip_indicators(void)
{
	rs_set set;
	sens_opts o;
	sens_result r;
	diag d = DIAG_INIT;

	CU_ASSERT_EQUAL_FATAL(results_of(&set, flip_model, flip_data), 0);
	sens_opts_init(&o);
	o.runs = 2000;
	CU_ASSERT_EQUAL(sens_parse_vary("indicators=20%", &o, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(sens_analyse(&r, &set, &o, &d), 0);
	CU_ASSERT_EQUAL(r.nfactors, 3);
	CU_ASSERT_EQUAL(r.units[row_of(&r, "X")].keeps_place, 1);
	CU_ASSERT(r.units[row_of(&r, "Y")].keeps_place < 1);
	sens_free(&r);
	rs_free(&set);
	diag_free(&d);
}

static void test_flip_missing(void)
{
	rs_set set;
	sens_opts o;
	sens_result r;
	diag d = DIAG_INIT;
	size_t y;

	CU_ASSERT_EQUAL_FATAL(results_of(&set, flip_model, missing_data), 0);
	sens_opts_init(&o);
	o.runs = 20000;
	CU_ASSERT_EQUAL(sens_parse_missing("zero,exclude", &o, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(sens_analyse(&r, &set, &o, &d), 0);
	CU_ASSERT_EQUAL(d.count, 0);
	y = row_of(&r, "Y");
	CU_ASSERT_EQUAL(r.t.rank[y], 1); /* the results' zero: 0.65 > 0.55 */
	CU_ASSERT(r.missing_matters);
	CU_ASSERT(fabs(r.units[y].keeps_place - 0.5) < 0.02);
	/* The policy alone moves the ranks: index 1. */
	CU_ASSERT_EQUAL_FATAL(r.nfactors, 1);
	CU_ASSERT_EQUAL(r.factors[0].kind, SENS_FACTOR_MISSING);
	CU_ASSERT(fabs(r.factors[0].index - 1) < 1e-9);
	sens_free(&r);
	/* exclude in every run: X first in every run */
	sens_opts_init(&o);
	CU_ASSERT_EQUAL(sens_parse_missing("exclude", &o, NULL), 0);
	o.runs = 10;
	CU_ASSERT_EQUAL_FATAL(sens_analyse(&r, &set, &o, &d), 0);
	CU_ASSERT_EQUAL(r.units[row_of(&r, "Y")].keeps_place, 0);
	CU_ASSERT_EQUAL(r.units[row_of(&r, "X")].median, 1);
	sens_free(&r);
	rs_free(&set);
	diag_free(&d);
}

/* 1 when two results of the same set hold the same numbers. */
static int same_result(const sens_result *a, const sens_result *b)
{
	size_t k;

	if (a->nfactors != b->nfactors || a->mean_shift != b->mean_shift ||
	    a->top_held != b->top_held)
		return 0;
	for (k = 0; k < a->nfactors; k++)
		if (a->factors[k].index != b->factors[k].index ||
		    a->factors[k].node != b->factors[k].node)
			return 0;
	return memcmp(a->units, b->units, a->t.nrows * sizeof(sens_unit)) == 0;
}

/* The same seed gives the same runs on 1, 2 or 5 threads; another seed
 * gives other runs. */
static void test_determinism(void)
{
	rs_set set;
	sens_opts o;
	sens_result r1, r2, r3;
	diag d = DIAG_INIT;

	CU_ASSERT_EQUAL_FATAL(results_of(&set, flip_model, flip_data), 0);
	sens_opts_init(&o);
	o.runs = 5003; /* not a whole number of blocks */
	CU_ASSERT_EQUAL(sens_parse_vary("main=20%,indicators=10%", &o, NULL),
	                0);
	o.threads = 1;
	CU_ASSERT_EQUAL_FATAL(sens_analyse(&r1, &set, &o, &d), 0);
	o.threads = 5;
	CU_ASSERT_EQUAL_FATAL(sens_analyse(&r2, &set, &o, &d), 0);
	CU_ASSERT(same_result(&r1, &r2));
	sens_free(&r2);
	o.threads = 2;
	o.seed = 2;
	CU_ASSERT_EQUAL_FATAL(sens_analyse(&r3, &set, &o, &d), 0);
	CU_ASSERT(!same_result(&r1, &r3));
	sens_free(&r1);
	sens_free(&r3);
	rs_free(&set);
	diag_free(&d);
}

static CU_TestInfo tests[] = {
        {"rng: reference outputs", test_rng_reference},
        {"rng: uniforms", test_rng_uniform},
        {"round_key: the ties of numfmt_round", test_round_key},
        {"stats: nearest-rank percentiles", test_percentiles},
        {"stats: classes of the estimator", test_classes},
        {"stats: first-order index", test_first_order},
        {"options: --vary and --missing", test_parse_vary},
        {"analysis: the flip of the points, 4/21", test_flip_points},
        {"analysis: indicators varied", test_flip_indicators},
        {"analysis: the flip of the missing policy, 1/2", test_flip_missing},
        {"analysis: same seed, same runs, any threads", test_determinism},
        CU_TEST_INFO_NULL};

CUTEST_MAIN("sensitivity", tests)
