/*
 * compare.c - year-over-year and self-vs-appraised comparisons.
 */
#include "config.h"

#include "publish/compare_internal.h"

#include "publish/rank.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/sort.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DIFF_EPS          1e-9
#define MODEL_CHANGES_MAX 12

/* --- matching -------------------------------------------------------- */

/* Orders unit indices of the set ctx by code. */
static int cmp_code(const void *a, const void *b, void *ctx)
{
	const rs_set *set = ctx;

	return strcmp(set->units[*(const size_t *)a].code,
	              set->units[*(const size_t *)b].code);
}

/* Unit indices sorted by code; -1 and an error on a repeated code. */
static size_t *by_code(const rs_set *set, const char *which, diag *d)
{
	size_t *order = xcalloc(set->nunits + 1, sizeof(size_t)), k;

	for (k = 0; k < set->nunits; k++)
		order[k] = k;
	sort_stable(order, set->nunits, sizeof(size_t), cmp_code, (void *)set);
	for (k = 1; k < set->nunits; k++)
		if (strcmp(set->units[order[k]].code,
		           set->units[order[k - 1]].code) == 0) {
			diag_error(
			        d, NULL, 0, 0,
			        _("chiso compare: unit %s appears twice in %s "
			          "(%s); give one period and stage per side"),
			        set->units[order[k]].code, _(which),
			        set->units[order[k]].file);
			free(order);
			return NULL;
		}
	return order;
}

/* Walks both sorted lists: pairs, appeared, disappeared. */
static int match(struct cmp *c, diag *d)
{
	size_t *ob = by_code(c->base, N_("BASE"), d), *on = NULL;
	size_t i = 0, j = 0;

	if (ob)
		on = by_code(c->next, N_("NEW"), d);
	if (!ob || !on) {
		free(ob);
		return -1;
	}
	c->pairs = xcalloc(c->base->nunits + 1, sizeof(*c->pairs));
	c->appeared = xcalloc(c->next->nunits + 1, sizeof(size_t));
	c->gone = xcalloc(c->base->nunits + 1, sizeof(size_t));
	c->invalid = xcalloc(c->base->nunits + 1, sizeof(*c->invalid));
	while (i < c->base->nunits || j < c->next->nunits) {
		int cmp = i == c->base->nunits ? 1
		          : j == c->next->nunits
		                  ? -1
		                  : strcmp(c->base->units[ob[i]].code,
		                           c->next->units[on[j]].code);

		if (cmp < 0) {
			c->gone[c->ngone++] = ob[i++];
		} else if (cmp > 0) {
			c->appeared[c->nappeared++] = on[j++];
		} else {
			struct pair *p =
			        c->base->units[ob[i]].status == RS_INVALID ||
			                        c->next->units[on[j]].status ==
			                                RS_INVALID
			                ? &c->invalid[c->ninvalid++]
			                : &c->pairs[c->npairs++];

			p->b = ob[i++];
			p->n = on[j++];
		}
	}
	free(ob);
	free(on);
	return 0;
}

/* Same period on every pair and a different stage somewhere: stages. */
static compare_mode guess_mode(const struct cmp *c)
{
	size_t k;
	int stages = 0;

	for (k = 0; k < c->npairs; k++) {
		const rs_unit *b = &c->base->units[c->pairs[k].b];
		const rs_unit *n = &c->next->units[c->pairs[k].n];

		if (strcmp(b->period, n->period) != 0)
			return COMPARE_YEARS;
		stages |= strcmp(b->stage, n->stage) != 0;
	}
	return stages ? COMPARE_STAGES : COMPARE_YEARS;
}

/* --- model differences ------------------------------------------------ */

/* Lists what changed between the two models (ids, points, names). */
static void model_changes(struct cmp *c)
{
	const rs_model *a = c->mb, *b = c->mn;
	strbuf *sb = &c->model_changes;
	size_t k, n = 0;
	char x[NUMFMT_MAX], y[NUMFMT_MAX];

	if (strcmp(a->id, b->id) == 0 && strcmp(a->version, b->version) == 0 &&
	    strcmp(a->sha256, b->sha256) == 0)
		return;
	strbuf_printf(sb,
	              _("results come from different models: %s %s "
	                "(sha256 %.12s) and %s %s (sha256 %.12s)"),
	              a->id, a->version, a->sha256, b->id, b->version,
	              b->sha256);
	for (k = 0; k < a->nnodes && n < MODEL_CHANGES_MAX; k++) {
		int i = rs_node_index(b, a->nodes[k].id);

		if (i < 0) {
			strbuf_printf(sb, _("; %s removed"), a->nodes[k].id);
			n++;
		} else if (a->nodes[k].points != b->nodes[i].points) {
			strbuf_printf(sb, _("; %s points %s -> %s"),
			              a->nodes[k].id,
			              numfmt_exact(a->nodes[k].points, x),
			              numfmt_exact(b->nodes[i].points, y));
			n++;
		} else if (strcmp(a->nodes[k].name, b->nodes[i].name) != 0) {
			strbuf_printf(sb, _("; %s renamed"), a->nodes[k].id);
			n++;
		}
	}
	for (k = 0; k < b->nnodes && n < MODEL_CHANGES_MAX; k++)
		if (rs_node_index(a, b->nodes[k].id) < 0) {
			strbuf_printf(sb, _("; %s added"), b->nodes[k].id);
			n++;
		}
	if (n == MODEL_CHANGES_MAX)
		strbuf_puts(sb, "; ...");
	strbuf_puts(sb, _("; scores under different models are not directly "
	                  "comparable"));
}

/* --- ranks (years) ------------------------------------------------------ */

/* Ranks of every unit of set by total (0 for unranked units). */
static size_t *ranks_of(const rs_set *set)
{
	size_t *ranks = xcalloc(set->nunits + 1, sizeof(size_t)), r;
	rank_opts o = {NULL, GROUP_NONE, 1};
	rank_table t;
	diag quiet = DIAG_INIT;

	if (rank_build(&t, set, &o, &quiet) == 0) {
		for (r = 0; r < t.nrows; r++)
			ranks[t.rows[r]] = t.rank[r];
		rank_free(&t);
	}
	diag_free(&quiet);
	return ranks;
}

/* --- differences (stages) ------------------------------------------------ */

/* Largest total change first, then by code (ctx: the comparison). */
static int cmp_pairs(const void *pa, const void *pb, void *ctx)
{
	const struct cmp *c = ctx;
	const struct pair *a = pa, *b = pb;
	double x = fabs(a->dpoints), y = fabs(b->dpoints);

	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(c->base->units[a->b].code, c->base->units[b->b].code);
}

/* By pair, then the largest difference first. */
static int cmp_diffs(const void *pa, const void *pb, void *ctx)
{
	const struct diff *a = pa, *b = pb;

	(void)ctx;

	if (a->pair != b->pair)
		return (a->pair > b->pair) - (a->pair < b->pair);
	if (fabs(a->delta) != fabs(b->delta))
		return fabs(a->delta) > fabs(b->delta) ? -1 : 1;
	return (a->nb > b->nb) - (a->nb < b->nb);
}

/* Collects the indicators whose points differ. */
static void find_diffs(struct cmp *c)
{
	size_t p, k, cap = 16;

	for (p = 0; p < c->npairs; p++) {
		const rs_unit *b = &c->base->units[c->pairs[p].b];
		const rs_unit *n = &c->next->units[c->pairs[p].n];

		c->pairs[p].dpoints = n->points - b->points;
	}
	sort_stable(c->pairs, c->npairs, sizeof(*c->pairs), cmp_pairs, c);
	c->diffs = xcalloc(cap, sizeof(*c->diffs));
	for (p = 0; p < c->npairs; p++) {
		const rs_unit *b = &c->base->units[c->pairs[p].b];
		const rs_unit *n = &c->next->units[c->pairs[p].n];

		if (!b->node_points || !n->node_points)
			continue;
		for (k = 0; k < c->mb->nnodes; k++) {
			int j = rs_node_index(c->mn, c->mb->nodes[k].id);
			double delta;

			if (j < 0 || !c->mb->nodes[k].is_leaf)
				continue;
			delta = n->node_points[j] - b->node_points[k];
			if (fabs(delta) <= DIFF_EPS)
				continue;
			if (c->ndiffs == cap) {
				cap *= 2;
				c->diffs = xrealloc(c->diffs,
				                    cap * sizeof(*c->diffs));
			}
			c->diffs[c->ndiffs].pair = p;
			c->diffs[c->ndiffs].nb = (int)k;
			c->diffs[c->ndiffs].nn = j;
			c->diffs[c->ndiffs].delta = delta;
			c->ndiffs++;
		}
	}
	sort_stable(c->diffs, c->ndiffs, sizeof(*c->diffs), cmp_diffs, NULL);
}

int compare_write(const rs_set *base, const rs_set *new_set, compare_mode mode,
                  compare_format format, sheetw *rows, FILE *f, diag *d)
{
	struct cmp c;
	int rc = 0;

	memset(&c, 0, sizeof(c));
	c.base = base;
	c.next = new_set;
	c.fmt = format;
	c.rows = rows;
	c.f = f;
	if (base->nunits == 0 || new_set->nunits == 0) {
		diag_error(d, NULL, 0, 0,
		           _("chiso compare: a side has no units"));
		return -1;
	}
	c.mb = &base->models[base->units[0].model];
	c.mn = &new_set->models[new_set->units[0].model];
	c.prec = c.mb->precision;
	if (match(&c, d) < 0)
		return -1;
	if (mode == COMPARE_AUTO)
		mode = guess_mode(&c);
	model_changes(&c);
	if (c.model_changes.len &&
	    (format == COMPARE_CSV || format == COMPARE_XLSX))
		diag_at(d, DIAG_WARNING, NULL, 0, 0, "%s",
		        strbuf_str(&c.model_changes));
	if (mode == COMPARE_STAGES) {
		find_diffs(&c);
		cmp_write_stages(&c);
	} else {
		c.rank_b = ranks_of(base);
		c.rank_n = ranks_of(new_set);
		cmp_write_years(&c);
	}
	free(c.pairs);
	free(c.appeared);
	free(c.gone);
	free(c.invalid);
	free(c.rank_b);
	free(c.rank_n);
	free(c.diffs);
	strbuf_release(&c.model_changes);
	return rc;
}
