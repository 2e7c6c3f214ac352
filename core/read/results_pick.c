/*
 * results_pick.c - the periods and stages of a set, and one of each
 * picked.
 */
#include "read/results_pick.h"

#include "util/i18n.h"
#include "util/sort.h"
#include "util/suggest.h"

#include <stdlib.h>
#include <string.h>

/* At most this many values are listed in a message; then "and N more". */
#define LIST_MAX 8

/* The stages in their order of the assessment (data_stage_words). */
static int stage_order(const char *s)
{
	static const char *const order[] = {"self", "appraised", "final"};
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(s, order[i]) == 0)
			return i;
	return 3;
}

/* Orders texts (ctx non-NULL: as stages). */
static int cmp_text(const void *pa, const void *pb, void *ctx)
{
	const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;

	if (ctx && stage_order(a) != stage_order(b))
		return stage_order(a) - stage_order(b);
	return strcmp(a, b);
}

/* The distinct texts of the units (stages: their stage, else period),
 * each with its count, sorted. Caller frees. */
static rs_count *count_of(const rs_set *set, int stages, size_t *n)
{
	const char **t = xmalloc((set->nunits + 1) * sizeof(*t));
	rs_count *c = xcalloc(set->nunits + 1, sizeof(*c));
	size_t k;

	for (k = 0; k < set->nunits; k++)
		t[k] = stages ? set->units[k].stage : set->units[k].period;
	sort_stable(t, set->nunits, sizeof(*t), cmp_text,
	            stages ? (void *)set : NULL);
	*n = 0;
	for (k = 0; k < set->nunits; k++) {
		if (*n == 0 || strcmp(c[*n - 1].text, t[k]) != 0)
			c[(*n)++].text = t[k];
		c[*n - 1].nunits++;
	}
	free(t);
	return c;
}

void rs_held_of(const rs_set *set, rs_held *h)
{
	h->periods = count_of(set, 0, &h->nperiods);
	h->stages = count_of(set, 1, &h->nstages);
}

void rs_held_free(rs_held *h)
{
	free(h->periods);
	free(h->stages);
	memset(h, 0, sizeof(*h));
}

/* A period or stage as shown. */
static const char *shown(const char *text)
{
	return *text ? text : _("(none)");
}

/* "2 periods (2022: 63 units, 2023: 63 units)" or "1 stage (final)";
 * stages: of stages, else of periods. */
static void describe(const rs_count *c, size_t n, int stages, strbuf *sb)
{
	size_t k;

	if (stages)
		strbuf_printf(sb, P_("%zu stage (", "%zu stages (", n), n);
	else
		strbuf_printf(sb, P_("%zu period (", "%zu periods (", n), n);
	for (k = 0; k < n && k < LIST_MAX; k++)
		if (n == 1) {
			strbuf_puts(sb, shown(c[k].text));
		} else {
			strbuf_puts(sb, k ? ", " : "");
			strbuf_printf(sb,
			              P_("%s: %zu unit", "%s: %zu units",
			                 c[k].nunits),
			              shown(c[k].text), c[k].nunits);
		}
	if (n > LIST_MAX)
		strbuf_printf(sb, _(", and %zu more"), n - LIST_MAX);
	strbuf_putc(sb, ')');
}

void rs_held_describe(const rs_held *h, strbuf *sb)
{
	describe(h->periods, h->nperiods, 0, sb);
	strbuf_puts(sb, _(" and "));
	describe(h->stages, h->nstages, 1, sb);
}

void rs_held_options(const rs_held *h, int stages, strbuf *sb)
{
	const rs_count *c = stages ? h->stages : h->periods;
	size_t k, n = stages ? h->nstages : h->nperiods;
	size_t shown_n = n > LIST_MAX ? LIST_MAX : n;

	for (k = 0; k < shown_n; k++)
		strbuf_printf(sb, "%s--%s %s",
		              k == 0                              ? ""
		              : k + 1 == shown_n && n <= LIST_MAX ? _(" or ")
		                                                  : ", ",
		              stages ? "stage" : "period",
		              *c[k].text ? c[k].text : "''");
	if (n > LIST_MAX)
		strbuf_printf(sb, _(", ... (%zu in all)"), n);
}

char *rs_pick_where(const rs_set *set, const rs_pick_opts *p, int *plural)
{
	strbuf sb = STRBUF_INIT;
	size_t k, files = 0;

	for (k = 0; k < set->nunits; k++) {
		if (k > 0 &&
		    strcmp(set->units[k].file, set->units[k - 1].file) == 0)
			continue;
		if (files++ < LIST_MAX)
			strbuf_printf(&sb, "%s%s", files > 1 ? ", " : "",
			              set->units[k].file);
	}
	if (files > LIST_MAX)
		strbuf_printf(&sb, _(" and %zu more"), files - LIST_MAX);
	if (files == 0)
		strbuf_puts(&sb, _("the results"));
	if (p && (p->period || p->stage)) {
		strbuf_puts(&sb, " (");
		if (p->period)
			strbuf_printf(&sb, "--period %s",
			              *p->period ? p->period : "''");
		if (p->stage)
			strbuf_printf(&sb, "%s--stage %s", p->period ? " " : "",
			              p->stage);
		strbuf_putc(&sb, ')');
	}
	*plural = files != 1;
	return strbuf_detach(&sb);
}

/* Checks that want (NULL: any) is one of c[0..n); else an error. */
static int check_wanted(const rs_set *set, const rs_held *h, int stages,
                        const char *want, diag *d)
{
	const rs_count *c = stages ? h->stages : h->periods;
	size_t k, n = stages ? h->nstages : h->nperiods;
	const char **cand, *near;
	const char *what = stages ? "stage" : "period";
	strbuf sb = STRBUF_INIT;
	char *where;
	int plural;

	if (!want)
		return 0;
	for (k = 0; k < n; k++)
		if (strcmp(c[k].text, want) == 0)
			return 0;
	cand = xmalloc((n + 1) * sizeof(*cand));
	for (k = 0; k < n; k++)
		cand[k] = c[k].text;
	near = n > 1 ? suggest_closest(want, cand, n) : NULL;
	for (k = 0; near && k < n; k++) /* 2024 is as near 2022 as 2023 */
		if (cand[k] != near && suggest_distance(want, cand[k]) ==
		                               suggest_distance(want, near))
			near = NULL;
	free(cand);
	where = rs_pick_where(set, NULL, &plural);
	describe(c, n, stages, &sb);
	if (near)
		strbuf_printf(&sb, _("; did you mean --%s %s?"), what, near);
	else if (n > 0) {
		strbuf_puts(&sb, _("; pick one with "));
		rs_held_options(h, stages, &sb);
	}
	if (stages)
		diag_error(d, where, 0, 0,
		           plural ? _("no unit of stage '%s'; they hold %s")
		                  : _("no unit of stage '%s'; it holds %s"),
		           want, strbuf_str(&sb));
	else
		diag_error(d, where, 0, 0,
		           plural ? _("no unit of period '%s'; they hold %s")
		                  : _("no unit of period '%s'; it holds %s"),
		           want, strbuf_str(&sb));
	free(where);
	strbuf_release(&sb);
	return -1;
}

/* Whether unit u is picked by p. */
static int picked(const rs_unit *u, const rs_pick_opts *p)
{
	return (!p->period || strcmp(u->period, p->period) == 0) &&
	       (!p->stage || strcmp(u->stage, p->stage) == 0);
}

/* Drops the models no unit uses, renumbering the units' models. */
static void drop_models(rs_set *set)
{
	size_t *to = xcalloc(set->nmodels + 1, sizeof(*to));
	size_t k, n = 0;

	for (k = 0; k < set->nunits; k++)
		to[set->units[k].model] = 1;
	for (k = 0; k < set->nmodels; k++)
		if (to[k]) {
			set->models[n] = set->models[k];
			to[k] = n++;
		}
	for (k = 0; k < set->nunits; k++)
		set->units[k].model = to[set->units[k].model];
	set->nmodels = n;
	free(to);
}

int rs_pick(rs_set *set, const rs_pick_opts *p, diag *d)
{
	rs_held h;
	size_t k, n = 0;
	int rc;

	if (!p->period && !p->stage)
		return 0;
	rs_held_of(set, &h);
	rc = check_wanted(set, &h, 0, p->period, d);
	if (rc == 0)
		rc = check_wanted(set, &h, 1, p->stage, d);
	rs_held_free(&h);
	if (rc < 0)
		return -1;
	for (k = 0; k < set->nunits; k++)
		if (picked(&set->units[k], p))
			set->units[n++] = set->units[k];
	set->nunits = n;
	drop_models(set);
	return 0;
}

/* Orders unit codes. */
static int cmp_code(const void *pa, const void *pb, void *ctx)
{
	(void)ctx;
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Whether a unit code of set appears more than once. */
static int codes_repeat(const rs_set *set)
{
	const char **c = xmalloc((set->nunits + 1) * sizeof(*c));
	size_t k;
	int rep = 0;

	for (k = 0; k < set->nunits; k++)
		c[k] = set->units[k].code;
	sort_stable(c, set->nunits, sizeof(*c), cmp_code, NULL);
	for (k = 1; k < set->nunits && !rep; k++)
		rep = strcmp(c[k - 1], c[k]) == 0;
	free(c);
	return rep;
}

int rs_pick_one(rs_set *set, const rs_pick_opts *p, diag *d)
{
	strbuf sb = STRBUF_INIT;
	rs_held h;
	char *where;
	int plural;

	if (rs_pick(set, p, d) < 0)
		return -1;
	rs_held_of(set, &h);
	if ((h.nperiods <= 1 && h.nstages <= 1) || !codes_repeat(set)) {
		rs_held_free(&h);
		return 0;
	}
	rs_held_describe(&h, &sb);
	strbuf_puts(&sb, _("; pick one with "));
	if (h.nperiods > 1)
		rs_held_options(&h, 0, &sb);
	if (h.nperiods > 1 && h.nstages > 1)
		strbuf_puts(&sb, _(", and one with "));
	if (h.nstages > 1)
		rs_held_options(&h, 1, &sb);
	where = rs_pick_where(set, p, &plural);
	diag_error(d, where, 0, 0, plural ? _("hold %s") : _("holds %s"),
	           strbuf_str(&sb));
	free(where);
	strbuf_release(&sb);
	rs_held_free(&h);
	return -1;
}
