/*
 * sens_stats.c - rank percentiles and the given-data first-order index
 * (sens_stats.h).
 */
#include "publish/sens_stats.h"

#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t sens_percentile_pos(unsigned pct, size_t n)
{
	size_t pos = (pct * n + 99) / 100;

	return pos ? pos : 1;
}

/* The smallest rank at which the cumulated histogram reaches pos. */
static size_t rank_at(const uint32_t *hist, size_t lo, size_t hi, size_t pos)
{
	size_t r, seen = 0;

	for (r = lo; r <= hi; r++) {
		seen += hist[r];
		if (seen >= pos)
			return r;
	}
	return hi;
}

void sens_rank_stats_of(const uint32_t *ranks, size_t n, size_t nominal,
                        size_t places, uint32_t *hist, sens_rank_stats *s)
{
	size_t i, lo = places, hi = 1;

	memset(s, 0, sizeof(*s));
	if (n == 0)
		return;
	for (i = 0; i < n; i++) {
		size_t r = ranks[i];

		lo = r < lo ? r : lo;
		hi = r > hi ? r : hi;
		s->kept += r <= nominal;
		s->held += r == nominal;
		s->shift += r > nominal ? r - nominal : nominal - r;
	}
	memset(hist + lo, 0, (hi - lo + 1) * sizeof(*hist));
	for (i = 0; i < n; i++)
		hist[ranks[i]]++;
	s->best = lo;
	s->worst = hi;
	s->p05 = rank_at(hist, lo, hi, sens_percentile_pos(5, n));
	s->median = rank_at(hist, lo, hi, sens_percentile_pos(50, n));
	s->p95 = rank_at(hist, lo, hi, sens_percentile_pos(95, n));
	s->max_shift = hi > nominal ? hi - nominal : 0;
	if (lo < nominal && nominal - lo > s->max_shift)
		s->max_shift = nominal - lo;
}

size_t sens_classes(size_t n)
{
	double e = 2 / (7 + tanh((1500 - (double)n) / 500));
	double m = ceil(pow((double)n, e));

	if (m > 48)
		m = 48;
	return m < 1 ? 1 : (size_t)m;
}

/* A run and its factor's value, to sort by. */
struct xr {
	double x;
	size_t r;
};

/* By value, then by run (so ties order the same everywhere). */
static int cmp_xr(const void *pa, const void *pb)
{
	const struct xr *a = pa, *b = pb;

	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return (a->r > b->r) - (a->r < b->r);
}

double sens_first_order(const double *x, size_t stride, const double *y,
                        size_t n, int two_valued)
{
	double mean = 0, var = 0, between = 0;
	size_t classes, r, j;
	double *sum;
	size_t *cnt;
	struct xr *s;

	if (n == 0)
		return NAN;
	for (r = 0; r < n; r++)
		mean += y[r];
	mean /= (double)n;
	for (r = 0; r < n; r++)
		var += (y[r] - mean) * (y[r] - mean);
	var /= (double)n;
	if (!(var > 0))
		return NAN;
	classes = two_valued ? 2 : sens_classes(n);
	sum = xcalloc(classes, sizeof(double));
	cnt = xcalloc(classes, sizeof(size_t));
	if (two_valued) {
		for (r = 0; r < n; r++) {
			j = x[r * stride] > 0.5 ? 1 : 0;
			sum[j] += y[r];
			cnt[j]++;
		}
	} else {
		s = xmalloc(n * sizeof(*s));
		for (r = 0; r < n; r++) {
			s[r].x = x[r * stride];
			s[r].r = r;
		}
		qsort(s, n, sizeof(*s), cmp_xr);
		for (r = 0; r < n; r++) {
			/* ordinal rank r + 1 in (jN/M, (j+1)N/M] */
			j = ((r + 1) * classes - 1) / n;
			sum[j] += y[s[r].r];
			cnt[j]++;
		}
		free(s);
	}
	for (j = 0; j < classes; j++)
		if (cnt[j]) {
			double d = sum[j] / (double)cnt[j] - mean;

			between += (double)cnt[j] / (double)n * d * d;
		}
	free(sum);
	free(cnt);
	between /= var;
	return between > 1 ? 1 : between;
}
