/*
 * sens_engine.c - the runs of a sensitivity analysis, on every thread
 * (sens_engine.h).
 */
#include "publish/sens_engine.h"

#include "util/rng.h"
#include "util/round_key.h"
#include "util/strbuf.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Groups up to this size are ranked by comparing every pair. */
#define SMALL_GROUP 24

/* A key and its row, for ranking by sorting. */
struct keyed {
	int64_t key;
	size_t i;
};

/* What one thread holds: its share of the runs and its scratch. */
struct worker {
	const sens_data *sd;
	const sens_plan *p;
	sens_draws *out;
	unsigned index, nthreads;
	double *w;     /* nitems x SENS_BLOCK: each item's weight */
	double *a, *b; /* one run's factors: main indices, indicators */
	int pol[SENS_BLOCK];
	int64_t *keys;   /* SENS_BLOCK x nrows: values as published */
	uint32_t *rk;    /* SENS_BLOCK x nrows: ranks */
	uint32_t *count; /* counting ranks: count_cap entries */
	size_t count_cap;
	struct keyed *pairs; /* sorting ranks: as many as the largest group */
};

size_t sens_engine_nfactors(const sens_data *sd, const sens_plan *p)
{
	return (p->spread_main > 0 ? sd->nroots : 0) +
	       (p->spread_indicators > 0 ? sd->nleaves : 0) +
	       (sd->npolicies > 1 ? 1 : 0);
}

double sens_engine_bytes(const sens_data *sd, const sens_plan *p)
{
	double runs = (double)p->runs;

	return runs * (double)sd->nrows * sizeof(uint32_t) +
	       runs * (double)sens_engine_nfactors(sd, p) * sizeof(double) +
	       runs * (sizeof(double) + 1);
}

/* --- ranks ------------------------------------------------------------ */

/* Highest key first; equal keys by row. */
static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/*
 * Competition ranks of n keys: ranks[i] = 1 + the number of keys greater
 * than keys[i]. Small groups compare every pair; keys spread over at
 * most count_cap values are counted; others are sorted.
 */
static void rank_keys(struct worker *wk, const int64_t *keys, size_t n,
                      uint32_t *ranks)
{
	int64_t lo, hi;
	size_t i, k;

	if (n <= SMALL_GROUP) {
		for (i = 0; i < n; i++) {
			uint32_t r = 1;

			for (k = 0; k < n; k++)
				r += keys[k] > keys[i];
			ranks[i] = r;
		}
		return;
	}
	lo = hi = keys[0];
	for (i = 1; i < n; i++) {
		lo = keys[i] < lo ? keys[i] : lo;
		hi = keys[i] > hi ? keys[i] : hi;
	}
	if ((uint64_t)(hi - lo) < wk->count_cap) {
		uint32_t above = 0, c;
		size_t span = (size_t)(hi - lo) + 1;

		memset(wk->count, 0, span * sizeof(uint32_t));
		for (i = 0; i < n; i++)
			wk->count[keys[i] - lo]++;
		for (k = span; k-- > 0;) { /* count[k]: keys above lo + k */
			c = wk->count[k];
			wk->count[k] = above;
			above += c;
		}
		for (i = 0; i < n; i++)
			ranks[i] = wk->count[keys[i] - lo] + 1;
		return;
	}
	for (i = 0; i < n; i++) {
		wk->pairs[i].key = keys[i];
		wk->pairs[i].i = i;
	}
	qsort(wk->pairs, n, sizeof(*wk->pairs), cmp_keyed);
	for (i = 0; i < n; i++)
		ranks[wk->pairs[i].i] =
		        i > 0 && wk->pairs[i].key == wk->pairs[i - 1].key
		                ? ranks[wk->pairs[i - 1].i]
		                : (uint32_t)(i + 1);
}

/* --- one block of runs ------------------------------------------------- */

/* A factor around 1 with half-width spread. */
static double draw_factor(rng *g, double spread)
{
	return 1 - spread + 2 * spread * rng_uniform(g);
}

/* Draws run `run`'s factors into its place in the draws and the
 * weights of column j of the block. */
static void draw_run(struct worker *wk, size_t run, size_t j)
{
	const sens_data *sd = wk->sd;
	const sens_plan *p = wk->p;
	double *x = wk->out->factors + run * wk->out->nfactors;
	size_t k, f = 0;
	rng g;

	rng_seed_run(&g, p->seed, run);
	for (k = 0; k < sd->nroots; k++) {
		wk->a[k] = 1;
		if (p->spread_main > 0)
			x[f++] = wk->a[k] = draw_factor(&g, p->spread_main);
	}
	for (k = 0; k < sd->nleaves; k++) {
		wk->b[k] = 1;
		if (p->spread_indicators > 0)
			x[f++] = wk->b[k] =
			        draw_factor(&g, p->spread_indicators);
	}
	wk->pol[j] = 0;
	if (sd->npolicies > 1) {
		wk->pol[j] = rng_uniform(&g) < 0.5 ? 0 : 1;
		x[f++] = wk->pol[j];
	}
	for (k = 0; k < sd->nitems; k++)
		wk->w[k * SENS_BLOCK + j] =
		        wk->a[sd->item_root[k]] * wk->b[sd->item_leaf[k]];
}

/* Every unit's published value in each run of the block (n runs). The
 * sums run over the items in order for each run, so a run's value does
 * not depend on the block it is made in. */
static void value_block(struct worker *wk, size_t n)
{
	const sens_data *sd = wk->sd;
	size_t ni = sd->nitems, row, i, j;
	int two = sd->npolicies > 1;

	for (row = 0; row < sd->nrows; row++) {
		const double *e = sd->earned + row * ni;
		const double *a0 = sd->avail[0] + row * ni;
		double se[SENS_BLOCK] = {0}, s0[SENS_BLOCK] = {0},
		       s1[SENS_BLOCK] = {0};

		for (i = 0; i < ni; i++) {
			const double *w = wk->w + i * SENS_BLOCK;
			double ei = e[i], ai = a0[i];

			for (j = 0; j < SENS_BLOCK; j++) {
				se[j] += w[j] * ei;
				s0[j] += w[j] * ai;
			}
		}
		/* The other policy's available points, when runs draw it. */
		for (i = 0; two && i < ni; i++) {
			const double *w = wk->w + i * SENS_BLOCK;
			double bi = sd->avail[1][row * ni + i];

			for (j = 0; j < SENS_BLOCK; j++)
				s1[j] += w[j] * bi;
		}
		for (j = 0; j < n; j++) {
			double avail = wk->pol[j] ? s1[j] : s0[j];
			double v = avail > 0 ? se[j] / avail : 0;

			wk->keys[j * sd->nrows + row] =
			        round_key(v, wk->p->precision);
		}
	}
}

/* Ranks each run of the block within the groups, and records its ranks,
 * its mean absolute shift and whether the top held. */
static void rank_block(struct worker *wk, size_t first, size_t n)
{
	const sens_plan *p = wk->p;
	size_t nrows = wk->sd->nrows, g, j, row;

	for (j = 0; j < n; j++) {
		const int64_t *keys = wk->keys + j * nrows;
		uint32_t *rk = wk->rk + j * nrows;
		uint64_t shift = 0;
		int held = 1;

		for (g = 0; g < p->ngroups; g++)
			rank_keys(wk, keys + p->groups[g].first,
			          p->groups[g].count, rk + p->groups[g].first);
		for (row = 0; row < nrows; row++) {
			size_t nom = p->nominal[row];

			shift += rk[row] > nom ? rk[row] - nom : nom - rk[row];
			if (nom <= p->top && rk[row] != nom)
				held = 0;
		}
		wk->out->shift[first + j] =
		        nrows ? (double)shift / (double)nrows : 0;
		wk->out->top_held[first + j] = (unsigned char)held;
	}
	for (row = 0; row < nrows; row++) {
		uint32_t *dst = wk->out->ranks + row * p->runs + first;

		for (j = 0; j < n; j++)
			dst[j] = wk->rk[j * nrows + row];
	}
}

/* A thread's work: blocks index, index + nthreads, ... */
static void *work(void *arg)
{
	struct worker *wk = arg;
	size_t runs = wk->p->runs, nblocks, blk, j;

	nblocks = (runs + SENS_BLOCK - 1) / SENS_BLOCK;
	for (blk = wk->index; blk < nblocks; blk += wk->nthreads) {
		size_t first = blk * SENS_BLOCK;
		size_t n =
		        runs - first < SENS_BLOCK ? runs - first : SENS_BLOCK;

		memset(wk->w, 0,
		       (wk->sd->nitems ? wk->sd->nitems : 1) * SENS_BLOCK *
		               sizeof(double));
		for (j = 0; j < n; j++)
			draw_run(wk, first + j, j);
		for (; j < SENS_BLOCK; j++)
			wk->pol[j] = 0;
		value_block(wk, n);
		rank_block(wk, first, n);
	}
	return NULL;
}

/* --- threads ------------------------------------------------------------ */

/* The size of the largest group. */
static size_t largest_group(const sens_plan *p)
{
	size_t g, n = 1;

	for (g = 0; g < p->ngroups; g++)
		n = p->groups[g].count > n ? p->groups[g].count : n;
	return n;
}

/* A worker's scratch. */
static void worker_init(struct worker *wk, const sens_data *sd,
                        const sens_plan *p, sens_draws *out, unsigned index,
                        unsigned nthreads)
{
	size_t big = largest_group(p), cells = SENS_BLOCK * sd->nrows;

	memset(wk, 0, sizeof(*wk));
	wk->sd = sd;
	wk->p = p;
	wk->out = out;
	wk->index = index;
	wk->nthreads = nthreads;
	wk->w = xcalloc((sd->nitems ? sd->nitems : 1) * SENS_BLOCK,
	                sizeof(double));
	wk->a = xcalloc(sd->nroots ? sd->nroots : 1, sizeof(double));
	wk->b = xcalloc(sd->nleaves ? sd->nleaves : 1, sizeof(double));
	wk->a[0] = wk->b[0] = 1;
	wk->keys = xcalloc(cells ? cells : 1, sizeof(int64_t));
	wk->rk = xcalloc(cells ? cells : 1, sizeof(uint32_t));
	wk->count_cap = 4 * big + 256;
	wk->count = xcalloc(wk->count_cap, sizeof(uint32_t));
	wk->pairs = xcalloc(big, sizeof(struct keyed));
}

static void worker_free(struct worker *wk)
{
	free(wk->w);
	free(wk->a);
	free(wk->b);
	free(wk->keys);
	free(wk->rk);
	free(wk->count);
	free(wk->pairs);
}

int sens_engine_run(const sens_data *sd, const sens_plan *p, sens_draws *out)
{
	size_t nblocks = (p->runs + SENS_BLOCK - 1) / SENS_BLOCK, cells;
	unsigned nthreads = p->threads ? p->threads : 1, k;
	struct worker *wk;
	pthread_t *tid;
	int *started;

	if (nthreads > nblocks)
		nthreads = nblocks ? (unsigned)nblocks : 1;
	memset(out, 0, sizeof(*out));
	out->runs = p->runs;
	out->nrows = sd->nrows;
	out->nfactors = sens_engine_nfactors(sd, p);
	cells = p->runs * sd->nrows;
	out->ranks = xcalloc(cells ? cells : 1, sizeof(uint32_t));
	cells = p->runs * out->nfactors;
	out->factors = xcalloc(cells ? cells : 1, sizeof(double));
	out->shift = xcalloc(p->runs ? p->runs : 1, sizeof(double));
	out->top_held = xcalloc(p->runs ? p->runs : 1, 1);
	wk = xcalloc(nthreads, sizeof(*wk));
	tid = xcalloc(nthreads, sizeof(*tid));
	started = xcalloc(nthreads, sizeof(*started));
	for (k = 0; k < nthreads; k++)
		worker_init(&wk[k], sd, p, out, k, nthreads);
	/* Worker 0 runs here; a thread that cannot start has its share
	 * made here too, after: the results are the same. */
	for (k = 1; k < nthreads; k++)
		started[k] = pthread_create(&tid[k], NULL, work, &wk[k]) == 0;
	work(&wk[0]);
	for (k = 1; k < nthreads; k++) {
		if (started[k])
			pthread_join(tid[k], NULL);
		else
			work(&wk[k]);
	}
	for (k = 0; k < nthreads; k++)
		worker_free(&wk[k]);
	free(wk);
	free(tid);
	free(started);
	return 0;
}

void sens_draws_free(sens_draws *dr)
{
	free(dr->ranks);
	free(dr->factors);
	free(dr->shift);
	free(dr->top_held);
	memset(dr, 0, sizeof(*dr));
}
