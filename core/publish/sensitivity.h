/*
 * sensitivity.h - how a published ranking moves when the choices behind
 * it move (chiso sensitivity): the points of the main indices or of the
 * indicators, and the treatment of missing data.
 *
 * Over N seeded runs, the points are multiplied by independent uniform
 * factors (--vary main=20%: each main index's points by a factor in
 * [0.8, 1.2]) and the missing-data policy may be drawn (zero or exclude,
 * each with probability 1/2). Every unit is re-aggregated from the
 * indicators' points in the results (plugins are not run again), its
 * value rounded as published and ranked with the official rule
 * (publish/rank.h: competition ranking, within groups). Per unit it
 * gives the nominal rank (exactly chiso rank's), the median rank, the
 * 5th-95th percentile interval, the largest shift and the share of runs
 * that keep the unit at its rank or better; overall, the mean absolute
 * rank shift and how often the top units all hold their ranks; and per
 * varied factor a first-order sensitivity index of the runs' mean
 * absolute rank shift (publish/sens_stats.h says which estimator).
 *
 * The pieces: sens_data.h (the results in flat arrays), sens_engine.h
 * (the runs, on every core), sens_stats.h (percentiles and indices);
 * sensitivity_output.h and sensitivity_html.h write the result.
 *
 * Ownership: sens_analyse() fills a result freed by sens_free(); it
 * borrows the results set, which must outlive it.
 */
#ifndef CHISO_SENSITIVITY_H
#define CHISO_SENSITIVITY_H

#include "publish/rank.h"
#include "publish/sens_data.h"
#include "read/model_ident.h"
#include "read/results_set.h"
#include "util/diag.h"
#include "util/strbuf.h"

#include <stddef.h>
#include <stdint.h>

#define SENS_RUNS_DEFAULT 1000
#define SENS_RUNS_MAX     100000
/* Largest spread of a factor, in percent: a factor must stay above 0. */
#define SENS_SPREAD_MAX_PCT 99
/* Largest seed: a whole number a JSON number holds exactly (2^53). */
#define SENS_SEED_MAX     UINT64_C(9007199254740992)
#define SENS_SEED_DEFAULT 1
#define SENS_TOP_DEFAULT  3
/* The most memory the runs' results may take (their ranks, factors). */
#define SENS_MEMORY_MAX_MB 512
#define SENS_THREADS_MAX   64

typedef struct sens_opts {
	size_t runs;
	uint64_t seed;
	double spread_main;       /* 0.2 for main=20%; 0: not varied */
	double spread_indicators; /* the same for the indicators */
	sens_spec spec;           /* what varies (filled by sens_analyse) */
	sens_policy missing[2];   /* --missing: the policies runs may take */
	int nmissing;             /* 0: as the results counted */
	const char *by;           /* NULL or total, a node id, a view id */
	rank_grouping group;
	size_t top;       /* units ranked <= top in their group are "top" */
	unsigned threads; /* 0: one per processor online */
} sens_opts;

/* Sets o to the defaults (1000 runs, seed 1, top 3; nothing varied:
 * sens_analyse() then varies the main indices by 20%). */
void sens_opts_init(sens_opts *o);

/*
 * Parses one --vary argument into o: "main=20%", "indicators=10%" or
 * both, comma-separated ("main=20%,indicators=5%"); a spread is a
 * percentage above 0 and at most SENS_SPREAD_MAX_PCT, "%" required.
 * Returns 0, or -1 with the reason and its fix in err.
 */
int sens_parse_vary(const char *arg, sens_opts *o, strbuf *err);

/* Parses --missing: "zero", "exclude" or both, comma-separated. Returns
 * 0, or -1 with the reason in err. */
int sens_parse_missing(const char *arg, sens_opts *o, strbuf *err);

/*
 * Refuses results made with another model than mi: every model of set
 * must have mi's sha256. The message names a results file, its model
 * (id, version, hash) and the model given, and how to fix it. Returns 0
 * or -1.
 */
int sens_check_model(const rs_set *set, const model_ident *mi, diag *d);

/* What a run varies, for every output: its kind and model node. */
typedef enum sens_factor_kind {
	SENS_FACTOR_MAIN = 0,
	SENS_FACTOR_INDICATOR = 1,
	SENS_FACTOR_MISSING = 2
} sens_factor_kind;

typedef struct sens_factor {
	sens_factor_kind kind;
	size_t node;  /* the main index or indicator (node index) */
	double index; /* first-order index; NAN when the runs' shifts do
	                 not vary */
} sens_factor;

/* One ranked unit over the runs (per row of the nominal table). */
typedef struct sens_unit {
	size_t median, p05, p95, best, worst, max_shift;
	double keeps_place; /* share of runs at the nominal rank or better */
	double holds_rank;  /* share of runs at exactly the nominal rank */
	double mean_shift;  /* mean |rank - nominal| */
} sens_unit;

typedef struct sens_result {
	rank_table t;         /* the nominal ranking: chiso rank's */
	sens_opts o;          /* as run (spec and threads filled) */
	sens_unit *units;     /* per row of t */
	sens_factor *factors; /* those with an effect, by index, highest
	                          first */
	size_t nfactors;
	size_t classes;      /* of the first-order estimator */
	double mean_shift;   /* over runs and units */
	double top_held;     /* share of runs in which every top unit
	                          holds its rank */
	size_t ntop;         /* top units (nominal rank <= o.top) */
	int missing_matters; /* some unit has a missing indicator the
	                          ranked measure counts */
} sens_result;

/*
 * Ranks set as chiso rank does (o->by, o->group), then makes the runs
 * and their statistics. Returns 0, or -1 with errors in d: what
 * rank_build() refuses (a --by that names nothing, a unit twice), what
 * sens_data_build() refuses, or runs whose results would take more than
 * SENS_MEMORY_MAX_MB ("at most N runs").
 */
int sens_analyse(sens_result *r, const rs_set *set, const sens_opts *o,
                 diag *d);

/* Frees what sens_analyse() allocated. */
void sens_free(sens_result *r);

/* "zero" or "exclude" ("as the results" for SENS_POLICY_RESULTS). */
const char *sens_policy_name(sens_policy p);

/* The name of a factor's kind: "main", "indicator", "missing". */
const char *sens_factor_kind_name(sens_factor_kind k);

/*
 * Appends to sb one line saying what the runs varied: "main-index
 * points x U[0.80, 1.20]; missing data: zero or exclude, each with
 * probability 1/2".
 */
void sens_describe(const sens_result *r, strbuf *sb);

/* The estimator of the first-order indices, for outputs. */
#define SENS_ESTIMATOR                                                         \
	"given-data estimator with equal-frequency classes: Plischke, "        \
	"Borgonovo & Smith 2013, EJOR 226(3)"

/* The random numbers, for outputs. */
#define SENS_GENERATOR                                                         \
	"xoshiro256** per run, seeded by SplitMix64 from (seed, run)"

#endif
