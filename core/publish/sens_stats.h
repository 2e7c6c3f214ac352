/*
 * sens_stats.h - what the runs of a sensitivity analysis say (part of
 * chiso sensitivity; publish/sensitivity.h is the analysis as a whole):
 * each unit's rank distribution, and a first-order sensitivity index
 * per varied factor.
 *
 * Percentiles are nearest-rank: the P-th percentile of N ranks is the
 * smallest rank r such that at least ceil(P x N / 100) of the runs give
 * r or better (a smaller number); the median is the 50th.
 *
 * The first-order index of a factor X for an output Y (here: a run's
 * mean absolute rank shift) is Var(E[Y | X]) / Var(Y), the share of Y's
 * variance that X alone explains. The runs are plain Monte Carlo, so it
 * is estimated from the given data (Plischke, Borgonovo & Smith, "Global
 * sensitivity measures from given data", European Journal of
 * Operational Research 226(3), 2013): the runs are sorted by X and cut
 * into M classes of equal size (ordinal ranks r in (jN/M, (j+1)N/M]),
 * with the authors' class count M = min(ceil(N^(2 / (7 + tanh((1500 -
 * N) / 500)))), 48) (6 for N = 1000, 47 for N = 100,000, as SALib's
 * delta method); then
 *
 *     S = sum_j (n_j / N) (mean of Y in class j - mean of Y)^2 / Var(Y)
 *
 * with Var(Y) the population variance. A factor of two values (the
 * missing-data policy) is cut by its value instead. The estimate of a
 * factor without effect is about (M - 1) / N, not 0.
 *
 * Ownership: nothing is kept; callers own every array.
 */
#ifndef CHISO_SENS_STATS_H
#define CHISO_SENS_STATS_H

#include <stddef.h>
#include <stdint.h>

/* One unit's ranks over the runs, against its nominal rank. */
typedef struct sens_rank_stats {
	size_t median, p05, p95; /* nearest-rank percentiles */
	size_t best, worst;
	size_t max_shift; /* largest |rank - nominal| */
	size_t kept;      /* runs at the nominal rank or better */
	size_t held;      /* runs at exactly the nominal rank */
	uint64_t shift;   /* sum of |rank - nominal| */
} sens_rank_stats;

/*
 * The stats of n ranks (each 1..places) of a unit of nominal rank
 * nominal; hist is scratch of places + 1 entries.
 */
void sens_rank_stats_of(const uint32_t *ranks, size_t n, size_t nominal,
                        size_t places, uint32_t *hist, sens_rank_stats *s);

/* The nearest-rank position (1-based) of percentile pct of n values:
 * ceil(pct x n / 100), at least 1. */
size_t sens_percentile_pos(unsigned pct, size_t n);

/* The number of classes M of the given-data estimator for n runs. */
size_t sens_classes(size_t n);

/*
 * The first-order index of the factor whose value in run r is
 * x[r * stride] for the output y[r], r < n: in [0, 1]; NAN when y does
 * not vary. two_valued 1 cuts the runs by x's value (0 or 1) instead of
 * into sens_classes(n) classes.
 */
double sens_first_order(const double *x, size_t stride, const double *y,
                        size_t n, int two_valued);

#endif
