/*
 * sensitivity.c - chiso sensitivity: options, the model check, and the
 * analysis put together (sensitivity.h).
 */
#include "publish/sensitivity.h"

#include "publish/sens_engine.h"
#include "publish/sens_stats.h"
#include "util/numfmt.h"
#include "util/sort.h"
#include "util/suggest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void sens_opts_init(sens_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->runs = SENS_RUNS_DEFAULT;
	o->seed = SENS_SEED_DEFAULT;
	o->top = SENS_TOP_DEFAULT;
}

/* --- options ------------------------------------------------------------ */

/* Parses "P%" (text[0..len)) into a spread, or says why not. */
static int parse_spread(const char *what, const char *text, size_t len,
                        double *out, strbuf *err)
{
	char num[NUMFMT_MAX];
	double pct;

	if (len == 0 || text[len - 1] != '%') {
		strbuf_printf(err,
		              "--vary %s=%.*s: write the spread as a "
		              "percentage, e.g. %s=20%% (each factor then "
		              "ranges over [0.8, 1.2])",
		              what, (int)len, text, what);
		return -1;
	}
	if (len - 1 >= sizeof(num) || len == 1) {
		strbuf_printf(err, "--vary %s=%.*s: the spread is not a number",
		              what, (int)len, text);
		return -1;
	}
	memcpy(num, text, len - 1);
	num[len - 1] = '\0';
	if (numfmt_parse(num, &pct) != 0) {
		strbuf_printf(err,
		              "--vary %s=%.*s: '%s' is not a number; write "
		              "e.g. %s=20%%",
		              what, (int)len, text, num, what);
		return -1;
	}
	if (!(pct > 0)) {
		strbuf_printf(err,
		              "--vary %s=%.*s: the spread must be above 0%% "
		              "(to keep these points fixed, do not vary %s)",
		              what, (int)len, text, what);
		return -1;
	}
	if (pct > SENS_SPREAD_MAX_PCT) {
		char lo[NUMFMT_MAX], hi[NUMFMT_MAX];

		strbuf_printf(
		        err,
		        "--vary %s=%.*s: factors would range over [%s, "
		        "%s], but points must stay above 0; use at most "
		        "%d%%",
		        what, (int)len, text, numfmt_trim(1 - pct / 100, 4, lo),
		        numfmt_trim(1 + pct / 100, 4, hi), SENS_SPREAD_MAX_PCT);
		return -1;
	}
	*out = pct / 100;
	return 0;
}

int sens_parse_vary(const char *arg, sens_opts *o, strbuf *err)
{
	static const char *const names[] = {"main", "indicators"};
	const char *p = arg;

	for (;;) {
		const char *end = strchr(p, ','), *eq;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char name[32];
		size_t nlen;
		double *spread;

		eq = memchr(p, '=', len);
		if (!eq) {
			strbuf_printf(err,
			              "--vary takes WHAT=P%%: main=20%% (the "
			              "main indices' points), indicators=10%% "
			              "(the indicators' points) or both, "
			              "comma-separated; not '%.*s'",
			              (int)len, p);
			return -1;
		}
		nlen = (size_t)(eq - p);
		if (nlen >= sizeof(name))
			nlen = sizeof(name) - 1;
		memcpy(name, p, nlen);
		name[nlen] = '\0';
		if (strcmp(name, "main") == 0) {
			spread = &o->spread_main;
		} else if (strcmp(name, "indicators") == 0) {
			spread = &o->spread_indicators;
		} else {
			const char *near = suggest_closest(name, names, 2);

			strbuf_printf(
			        err,
			        "--vary: '%s' is not what can vary: main "
			        "(the main indices' points) or indicators "
			        "(the indicators' points)%s%s%s",
			        name, near ? "; did you mean " : "",
			        near ? near : "", near ? "?" : "");
			return -1;
		}
		if (parse_spread(name, eq + 1, len - nlen - 1, spread, err) < 0)
			return -1;
		if (!end)
			return 0;
		p = end + 1;
	}
}

int sens_parse_missing(const char *arg, sens_opts *o, strbuf *err)
{
	const char *p = arg;
	int zero = 0, exclude = 0;

	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == 4 && strncmp(p, "zero", 4) == 0) {
			zero = 1;
		} else if (len == 7 && strncmp(p, "exclude", 7) == 0) {
			exclude = 1;
		} else if (len == 5 && strncmp(p, "error", 5) == 0) {
			strbuf_puts(
			        err,
			        "--missing error: under that policy a unit "
			        "that lacks a value is not scored at all, so "
			        "no ranking can use it; use zero, exclude or "
			        "zero,exclude");
			return -1;
		} else {
			strbuf_printf(
			        err,
			        "--missing takes zero, exclude or "
			        "zero,exclude (the runs then draw one each), "
			        "not '%.*s'",
			        (int)len, p);
			return -1;
		}
		if (!end)
			break;
		p = end + 1;
	}
	o->nmissing = 0;
	if (zero)
		o->missing[o->nmissing++] = SENS_POLICY_ZERO;
	if (exclude)
		o->missing[o->nmissing++] = SENS_POLICY_EXCLUDE;
	return 0;
}

/* --- the model ---------------------------------------------------------- */

/* The file of a unit of model k, for messages. */
static const char *file_of_model(const rs_set *set, size_t k)
{
	size_t u;

	for (u = 0; u < set->nunits; u++)
		if (set->units[u].model == k)
			return set->units[u].file;
	return "the results";
}

int sens_check_model(const rs_set *set, const model_ident *mi, diag *d)
{
	size_t k;

	for (k = 0; k < set->nmodels; k++) {
		const rs_model *m = &set->models[k];
		int same_name;

		if (strcmp(m->sha256, mi->sha256) == 0)
			continue;
		same_name = strcmp(m->id, mi->id) == 0 &&
		            strcmp(m->version, mi->version) == 0;
		diag_error(d, file_of_model(set, k), 0, 0,
		           "made with model %s %s (sha256 %.12s), not with "
		           "the model given, %s (%s %s, sha256 %.12s)%s; give "
		           "the model these results were made with, or score "
		           "the data with this one first: chiso evaluate -f "
		           "json -o results.json %s DATA...",
		           m->id, m->version, m->sha256, mi->path, mi->id,
		           mi->version, mi->sha256,
		           same_name ? ": the same id and version, but "
		                       "another file (changed since the "
		                       "results were made?)"
		                     : "",
		           mi->path);
		return -1;
	}
	return 0;
}

/* --- names ---------------------------------------------------------------- */

const char *sens_policy_name(sens_policy p)
{
	switch (p) {
	case SENS_POLICY_ZERO:
		return "zero";
	case SENS_POLICY_EXCLUDE:
		return "exclude";
	default:
		return "as the results";
	}
}

const char *sens_factor_kind_name(sens_factor_kind k)
{
	switch (k) {
	case SENS_FACTOR_MAIN:
		return "main";
	case SENS_FACTOR_INDICATOR:
		return "indicator";
	default:
		return "missing";
	}
}

/* "points of WHAT x U[lo, hi]" */
static void describe_spread(strbuf *sb, const char *what, double s)
{
	char lo[NUMFMT_MAX], hi[NUMFMT_MAX];

	strbuf_printf(sb, "%spoints of the %s \xc3\x97 U[%s, %s]",
	              sb->len ? "; " : "", what, numfmt_trim(1 - s, 4, lo),
	              numfmt_trim(1 + s, 4, hi));
}

/* The results' own policy, for the description. */
static const char *results_policy(const sens_result *r)
{
	static const char *const names[] = {"zero", "exclude", "error"};
	int p = r->t.set->models[r->t.model].missing;

	return p >= 0 && p <= 2 ? names[p] : "not said";
}

void sens_describe(const sens_result *r, strbuf *sb)
{
	const sens_spec *s = &r->o.spec;
	size_t start = sb->len;

	if (s->vary_main)
		describe_spread(sb, "main indices", r->o.spread_main);
	if (s->vary_indicators)
		describe_spread(sb, "indicators", r->o.spread_indicators);
	strbuf_puts(sb, sb->len > start ? "; " : "");
	if (s->npolicies > 1)
		strbuf_printf(sb,
		              "missing data: %s or %s, each run drawing one "
		              "with probability 1/2",
		              sens_policy_name(s->policy[0]),
		              sens_policy_name(s->policy[1]));
	else if (s->policy[0] == SENS_POLICY_RESULTS)
		strbuf_printf(sb, "missing data as the results count it (%s)",
		              results_policy(r));
	else
		strbuf_printf(sb, "missing data: %s (the results: %s)",
		              sens_policy_name(s->policy[0]),
		              results_policy(r));
}

/* --- the analysis ------------------------------------------------------- */

/* What varies, from the options (the main indices by 20% when nothing
 * is asked). */
static void make_spec(sens_opts *o)
{
	sens_spec *s = &o->spec;

	if (o->spread_main <= 0 && o->spread_indicators <= 0 &&
	    o->nmissing == 0)
		o->spread_main = 0.2;
	memset(s, 0, sizeof(*s));
	s->vary_main = o->spread_main > 0;
	s->vary_indicators = o->spread_indicators > 0;
	s->npolicies = o->nmissing ? o->nmissing : 1;
	s->policy[0] = o->nmissing ? o->missing[0] : SENS_POLICY_RESULTS;
	s->policy[1] = o->nmissing > 1 ? o->missing[1] : s->policy[0];
}

/* One thread per processor online, at most SENS_THREADS_MAX. */
static unsigned default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > SENS_THREADS_MAX ? SENS_THREADS_MAX : (unsigned)n;
}

/* Refuses runs whose results would take too much memory. */
static int check_memory(const sens_data *sd, const sens_plan *p, diag *d)
{
	double max = (double)SENS_MEMORY_MAX_MB * 1024 * 1024;
	double need = sens_engine_bytes(sd, p);
	sens_plan one = *p;
	double per_run;

	if (need <= max)
		return 0;
	one.runs = 1;
	per_run = sens_engine_bytes(sd, &one);
	diag_error(d, NULL, 0, 0,
	           "chiso: --runs %zu: the runs' ranks of %zu units (and "
	           "their factors) would take %.0f MiB, more than the %d "
	           "MiB chiso sensitivity allows; use --runs %.0f or fewer",
	           p->runs, sd->nrows, need / (1024 * 1024), SENS_MEMORY_MAX_MB,
	           floor(max / per_run));
	return -1;
}

/* Each unit's statistics over the runs. */
static void unit_stats(sens_result *r, const sens_draws *dr)
{
	const rank_table *t = &r->t;
	size_t g, row, big = 1;
	uint32_t *hist;

	for (g = 0; g < t->ngroups; g++)
		big = t->groups[g].count > big ? t->groups[g].count : big;
	hist = xcalloc(big + 2, sizeof(uint32_t));
	r->units = xcalloc(t->nrows ? t->nrows : 1, sizeof(sens_unit));
	for (g = 0; g < t->ngroups; g++)
		for (row = t->groups[g].first;
		     row < t->groups[g].first + t->groups[g].count; row++) {
			sens_rank_stats s;
			sens_unit *u = &r->units[row];
			double n = (double)dr->runs;

			sens_rank_stats_of(dr->ranks + row * dr->runs, dr->runs,
			                   t->rank[row], t->groups[g].count,
			                   hist, &s);
			u->median = s.median;
			u->p05 = s.p05;
			u->p95 = s.p95;
			u->best = s.best;
			u->worst = s.worst;
			u->max_shift = s.max_shift;
			u->keeps_place = (double)s.kept / n;
			u->holds_rank = (double)s.held / n;
			u->mean_shift = (double)s.shift / n;
		}
	free(hist);
}

/* Factors by index, highest first (NAN last), then in the order drawn. */
static int cmp_factor(const void *pa, const void *pb, void *ctx)
{
	const sens_factor *a = pa, *b = pb;

	(void)ctx;
	if (isnan(a->index) != isnan(b->index))
		return isnan(a->index) ? 1 : -1;
	if (!isnan(a->index) && a->index != b->index)
		return a->index > b->index ? -1 : 1;
	return 0;
}

/* The first-order index of every factor that can move the ranking (the
 * measure counts some of its points; for the policy, some unit has a
 * missing indicator). */
static void factor_indices(sens_result *r, const sens_data *sd,
                           const sens_draws *dr)
{
	size_t k, f = 0;

	r->factors =
	        xcalloc(dr->nfactors ? dr->nfactors : 1, sizeof(sens_factor));
	r->classes = sens_classes(dr->runs);
	if (r->o.spec.vary_main)
		for (k = 0; k < sd->nroots; k++, f++) {
			if (!sd->root_used[k])
				continue;
			r->factors[r->nfactors].kind = SENS_FACTOR_MAIN;
			r->factors[r->nfactors].node = sd->root_node[k];
			r->factors[r->nfactors++].index =
			        sens_first_order(dr->factors + f, dr->nfactors,
			                         dr->shift, dr->runs, 0);
		}
	if (r->o.spec.vary_indicators)
		for (k = 0; k < sd->nleaves; k++, f++) {
			if (!sd->leaf_used[k])
				continue;
			r->factors[r->nfactors].kind = SENS_FACTOR_INDICATOR;
			r->factors[r->nfactors].node = sd->leaf_node[k];
			r->factors[r->nfactors++].index =
			        sens_first_order(dr->factors + f, dr->nfactors,
			                         dr->shift, dr->runs, 0);
		}
	if (sd->npolicies > 1 && sd->any_missing) {
		r->factors[r->nfactors].kind = SENS_FACTOR_MISSING;
		r->factors[r->nfactors++].index = sens_first_order(
		        dr->factors + f, dr->nfactors, dr->shift, dr->runs, 1);
	}
	sort_stable(r->factors, r->nfactors, sizeof(sens_factor), cmp_factor,
	            NULL);
}

/* The summary over the runs. */
static void summary(sens_result *r, const sens_draws *dr)
{
	double sum = 0;
	size_t k, held = 0;

	for (k = 0; k < dr->runs; k++) {
		sum += dr->shift[k];
		held += dr->top_held[k];
	}
	r->mean_shift = dr->runs ? sum / (double)dr->runs : 0;
	r->top_held = dr->runs ? (double)held / (double)dr->runs : 0;
	for (k = 0; k < r->t.nrows; k++)
		r->ntop += r->t.rank[k] <= r->o.top;
}

int sens_analyse(sens_result *r, const rs_set *set, const sens_opts *o, diag *d)
{
	rank_opts ro = {o->by, o->group, 0};
	sens_data sd;
	sens_plan p;
	sens_draws dr;

	memset(r, 0, sizeof(*r));
	r->o = *o;
	make_spec(&r->o);
	if (!r->o.threads)
		r->o.threads = default_threads();
	if (rank_build(&r->t, set, &ro, d) < 0)
		return -1;
	if (sens_data_build(&sd, &r->t, &r->o.spec, d) < 0) {
		rank_free(&r->t);
		return -1;
	}
	memset(&p, 0, sizeof(p));
	p.runs = r->o.runs;
	p.seed = r->o.seed;
	p.spread_main = r->o.spread_main;
	p.spread_indicators = r->o.spread_indicators;
	p.precision = r->t.precision;
	p.groups = r->t.groups;
	p.ngroups = r->t.ngroups;
	p.nominal = r->t.rank;
	p.top = r->o.top;
	p.threads = r->o.threads;
	if (check_memory(&sd, &p, d) < 0) {
		sens_data_free(&sd);
		rank_free(&r->t);
		return -1;
	}
	sens_engine_run(&sd, &p, &dr);
	r->missing_matters = sd.any_missing;
	unit_stats(r, &dr);
	factor_indices(r, &sd, &dr);
	summary(r, &dr);
	if (r->o.nmissing && !sd.any_missing)
		diag_at(d, DIAG_WARNING, "chiso sensitivity", 0, 0,
		        "--missing changes nothing here: no ranked unit has "
		        "a missing indicator that the ranking counts");
	sens_draws_free(&dr);
	sens_data_free(&sd);
	return 0;
}

void sens_free(sens_result *r)
{
	rank_free(&r->t);
	free(r->units);
	free(r->factors);
	memset(r, 0, sizeof(*r));
}
