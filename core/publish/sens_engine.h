/*
 * sens_engine.h - the runs of a sensitivity analysis (part of chiso
 * sensitivity; publish/sensitivity.h is the analysis as a whole).
 *
 * Each run draws its factors from its own random stream (util/rng.h:
 * xoshiro256** seeded from (seed, run)), in this order: one per main
 * index in model order when their points vary, one per indicator in
 * model order when theirs vary (each 1 - spread + 2 x spread x U, U
 * uniform in [0, 1)), then, when the runs may take two missing-data
 * policies, one U that picks the first below 0.5 and the second from
 * 0.5. Every main index and indicator draws, whether the ranked measure
 * counts it or not, so that a run's factors do not depend on --by.
 * Each run then values every unit as sens_data.h says, rounds the value
 * as published (util/round_key.h) and ranks the units of each group by
 * competition ranking, as chiso rank does.
 *
 * Runs are made in blocks of SENS_BLOCK by every thread in turn; each
 * run's numbers depend only on (seed, run), and each result has its own
 * place, so the output is the same whatever the threads and their
 * timing. Nothing is allocated per run or per unit: each thread holds
 * the weights, values and ranks of one block.
 *
 * Ownership: sens_engine_run() fills arrays freed by sens_draws_free().
 */
#ifndef CHISO_SENS_ENGINE_H
#define CHISO_SENS_ENGINE_H

#include "publish/rank.h"
#include "publish/sens_data.h"

#include <stddef.h>
#include <stdint.h>

/* Runs made together, per thread. */
#define SENS_BLOCK 16

typedef struct sens_plan {
	size_t runs;
	uint64_t seed;
	double spread_main;       /* factors in [1 - s, 1 + s]; 0: fixed */
	double spread_indicators; /* the same for the indicators */
	int precision;            /* of the published values */
	const rank_group *groups; /* the nominal table's groups of rows */
	size_t ngroups;
	const size_t *nominal; /* per row: its nominal rank */
	size_t top;            /* rows of nominal rank <= top are "top" */
	unsigned threads;      /* at least 1 */
} sens_plan;

/* What the runs give. */
typedef struct sens_draws {
	size_t runs, nrows, nfactors;
	uint32_t *ranks;         /* ranks[row * runs + run] */
	double *factors;         /* factors[run * nfactors + k], in the
	                            order drawn (the policy as 0 or 1) */
	double *shift;           /* per run: mean absolute rank shift */
	unsigned char *top_held; /* per run: 1 when every top row holds
	                            its nominal rank */
} sens_draws;

/* How many factors a run records (see above). */
size_t sens_engine_nfactors(const sens_data *sd, const sens_plan *p);

/* Bytes the draws of p take: what --runs is held to. */
double sens_engine_bytes(const sens_data *sd, const sens_plan *p);

/* Makes the runs of p on sd into out. Returns 0. */
int sens_engine_run(const sens_data *sd, const sens_plan *p, sens_draws *out);

/* Frees what sens_engine_run() allocated. */
void sens_draws_free(sens_draws *dr);

#endif
