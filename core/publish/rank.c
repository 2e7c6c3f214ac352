/*
 * rank.c - competition ranking of results, overall or within groups.
 */
#include "publish/rank.h"

#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/sort.h"
#include "util/strbuf.h"
#include "util/suggest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- competition ranks ----------------------------------------------- */

struct by_value {
	double v;
	size_t i;
};

/* Highest first; NAN last; equal values by position (stable). */
static int cmp_desc(const void *pa, const void *pb)
{
	const struct by_value *a = pa, *b = pb;

	if (isnan(a->v) != isnan(b->v))
		return isnan(a->v) ? 1 : -1;
	if (!isnan(a->v) && a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

void rank_competition(const double *values, size_t n, size_t *ranks)
{
	struct by_value *s;
	size_t k;

	if (n == 0)
		return;
	s = xmalloc(n * sizeof(*s));
	for (k = 0; k < n; k++) {
		s[k].v = values[k];
		s[k].i = k;
	}
	qsort(s, n, sizeof(*s), cmp_desc);
	for (k = 0; k < n; k++) {
		if (isnan(s[k].v))
			ranks[s[k].i] = 0;
		else if (k > 0 && s[k].v == s[k - 1].v)
			ranks[s[k].i] = ranks[s[k - 1].i];
		else
			ranks[s[k].i] = k + 1;
	}
	free(s);
}

/* --- measures -------------------------------------------------------- */

/* The measure's raw value for unit u; NAN when its model lacks it. */
static double measure_raw(const rank_measure *m, const rs_unit *u)
{
	int i;

	if (m->kind == MEASURE_TOTAL)
		return u->value;
	i = m->index[u->model];
	if (i < 0)
		return NAN;
	return m->kind == MEASURE_NODE ? u->node_value[i] : u->view_value[i];
}

/* As published: rounded once to the table's precision. */
static double measure(const rank_table *t, const rank_measure *m,
                      const rs_unit *u)
{
	double v = measure_raw(m, u);

	return isnan(v) ? v : numfmt_round(v, t->precision);
}

/* Resolves a node or view id in every model of the set. */
static void index_measure(const rs_set *set, rank_measure *m)
{
	size_t k;

	m->index = xcalloc(set->nmodels ? set->nmodels : 1, sizeof(int));
	for (k = 0; k < set->nmodels; k++)
		m->index[k] = m->kind == MEASURE_NODE
		                      ? rs_node_index(&set->models[k], m->id)
		              : m->kind == MEASURE_VIEW
		                      ? rs_view_index(&set->models[k], m->id)
		                      : 0;
}

/* --by: "total", a node id or a view id of the first model. */
static int resolve_by(rank_table *t, const char *by, diag *d)
{
	const rs_model *m = &t->set->models[t->model];
	const char **ids;
	const char *near;
	size_t k, n = 0;
	int i;

	memset(&t->by, 0, sizeof(t->by));
	t->by.kind = MEASURE_TOTAL;
	t->by.id = "total";
	t->by.name = "Total";
	if (by && strcmp(by, "total") != 0) {
		i = rs_node_index(m, by);
		if (i >= 0) {
			t->by.kind = MEASURE_NODE;
			t->by.id = m->nodes[i].id;
			t->by.name = m->nodes[i].name;
		} else if ((i = rs_view_index(m, by)) >= 0) {
			t->by.kind = MEASURE_VIEW;
			t->by.id = m->views[i].id;
			t->by.name = m->views[i].name;
		} else {
			ids = xcalloc(m->nnodes + m->nviews + 2, sizeof(*ids));
			for (k = 0; k < m->nnodes; k++)
				ids[n++] = m->nodes[k].id;
			for (k = 0; k < m->nviews; k++)
				ids[n++] = m->views[k].id;
			ids[n++] = "total";
			near = suggest_closest(by, ids, n);
			diag_error(d, NULL, 0, 0,
			           _("chiso: --by '%s' is neither a node nor "
			             "a view of model %s%s%s%s"),
			           by, m->id, near ? _("; did you mean '") : "",
			           near ? near : "", near ? _("'?") : "");
			free(ids);
			return -1;
		}
	}
	index_measure(t->set, &t->by);
	return 0;
}

/* The columns: main indices of the first model, then its views. */
static void make_columns(rank_table *t)
{
	const rs_model *m = &t->set->models[t->model];
	size_t k, c = 0;

	t->ncols = m->nroots + m->nviews;
	t->cols = xcalloc(t->ncols ? t->ncols : 1, sizeof(*t->cols));
	for (k = 0; k < m->nroots; k++, c++) {
		t->cols[c].kind = MEASURE_NODE;
		t->cols[c].id = m->nodes[m->roots[k]].id;
		t->cols[c].name = m->nodes[m->roots[k]].name;
		index_measure(t->set, &t->cols[c]);
	}
	for (k = 0; k < m->nviews; k++, c++) {
		t->cols[c].kind = MEASURE_VIEW;
		t->cols[c].id = m->views[k].id;
		t->cols[c].name = m->views[k].name;
		index_measure(t->set, &t->cols[c]);
	}
}

/* --- checks ---------------------------------------------------------- */

/* Units of several models: an error naming a file of each. */
static int check_models(const rank_table *t, int allow, diag *d)
{
	const rs_set *set = t->set;
	strbuf sb = STRBUF_INIT;
	size_t k, u;

	if (set->nmodels <= 1 || allow)
		return 0;
	for (k = 0; k < set->nmodels; k++)
		for (u = 0; u < set->nunits; u++)
			if (set->units[u].model == k) {
				strbuf_printf(&sb, "%s%s (%s %s, sha256 %.12s)",
				              k ? ", " : "", set->units[u].file,
				              set->models[k].id,
				              set->models[k].version,
				              set->models[k].sha256);
				break;
			}
	diag_error(d, NULL, 0, 0,
	           _("chiso: the results come from different models: %s; "
	             "rank them separately, or pass --allow-mixed-models"),
	           strbuf_str(&sb));
	strbuf_release(&sb);
	return -1;
}

/* Orders unit indices of the set ctx by code, then by file order. */
static int cmp_code(const void *pa, const void *pb, void *ctx)
{
	const rs_set *set = ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(set->units[a].code, set->units[b].code);

	return c ? c : (a > b) - (a < b);
}

/* A unit code twice (e.g. two stages or two years) is an error. */
static int check_unique(const rs_set *set, diag *d)
{
	size_t *order, k;
	int rc = 0;

	if (set->nunits < 2)
		return 0;
	order = xmalloc(set->nunits * sizeof(*order));
	for (k = 0; k < set->nunits; k++)
		order[k] = k;
	sort_stable(order, set->nunits, sizeof(*order), cmp_code, (void *)set);
	for (k = 1; k < set->nunits && rc == 0; k++) {
		const rs_unit *a = &set->units[order[k - 1]];
		const rs_unit *b = &set->units[order[k]];

		if (strcmp(a->code, b->code) != 0)
			continue;
		diag_error(d, NULL, 0, 0,
		           _("chiso: unit %s appears twice (%s, period "
		             "'%s', stage %s; %s, period '%s', stage %s); rank "
		             "one period and stage at a time"),
		           a->code, a->file, a->period, a->stage, b->file,
		           b->period, b->stage);
		rc = -1;
	}
	free(order);
	return rc;
}

/* --- rows and groups ------------------------------------------------- */

/* The group key of a unit. */
static const char *group_key(const rank_table *t, rank_grouping g,
                             const rs_unit *u)
{
	(void)t;
	if (g == GROUP_PARENT)
		return u->parent;
	if (g == GROUP_LEVEL)
		return u->level;
	return "";
}

struct sort_ctx {
	const rank_table *t;
	rank_grouping g;
	const double *value; /* by unit index */
};

/* Group key, then value (highest first, NAN last), then code (ctx: a
 * struct sort_ctx). */
static int cmp_rows(const void *pa, const void *pb, void *ctx)
{
	const struct sort_ctx *sc = ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const rs_unit *ua = &sc->t->set->units[a];
	const rs_unit *ub = &sc->t->set->units[b];
	double va = sc->value[a], vb = sc->value[b];
	int c = strcmp(group_key(sc->t, sc->g, ua),
	               group_key(sc->t, sc->g, ub));

	if (c)
		return c;
	if (isnan(va) != isnan(vb))
		return isnan(va) ? 1 : -1;
	if (!isnan(va) && va != vb)
		return va > vb ? -1 : 1;
	c = strcmp(ua->code, ub->code);
	return c ? c : (a > b) - (a < b);
}

/* The title of a group: its parent's name when the set has the parent. */
static const char *group_title(const rs_set *set, rank_grouping g,
                               const char *key)
{
	size_t u;

	if (g != GROUP_PARENT || !*key)
		return *key ? key : "(none)";
	for (u = 0; u < set->nunits; u++)
		if (strcmp(set->units[u].code, key) == 0 && *set->units[u].name)
			return set->units[u].name;
	return key;
}

/* Splits the sorted rows into groups. */
static void make_groups(rank_table *t, rank_grouping g)
{
	size_t r, n = 0;

	t->groups = xcalloc(t->nrows ? t->nrows : 1, sizeof(*t->groups));
	for (r = 0; r < t->nrows; r++) {
		const char *key = group_key(t, g, &t->set->units[t->rows[r]]);

		if (n == 0 || strcmp(t->groups[n - 1].key, key) != 0) {
			t->groups[n].key = key;
			t->groups[n].title = group_title(t->set, g, key);
			t->groups[n].first = r;
			n++;
		}
		t->groups[n - 1].count++;
	}
	t->ngroups = n;
}

/* Ranks one measure within each group into ranks[r * stride]. */
static void rank_within_groups(rank_table *t, const double *vals, size_t stride,
                               size_t *ranks)
{
	size_t gi, k;
	double *v = xmalloc((t->nrows ? t->nrows : 1) * sizeof(double));
	size_t *rk = xmalloc((t->nrows ? t->nrows : 1) * sizeof(size_t));

	for (gi = 0; gi < t->ngroups; gi++) {
		const rank_group *g = &t->groups[gi];

		for (k = 0; k < g->count; k++)
			v[k] = vals[(g->first + k) * stride];
		rank_competition(v, g->count, rk);
		for (k = 0; k < g->count; k++)
			ranks[(g->first + k) * stride] = rk[k];
	}
	free(v);
	free(rk);
}

int rank_build(rank_table *t, const rs_set *set, const rank_opts *o, diag *d)
{
	double *by_unit;
	size_t u, r, c, cells;

	memset(t, 0, sizeof(*t));
	t->set = set;
	if (set->nunits == 0 || set->nmodels == 0) {
		diag_error(d, NULL, 0, 0, _("chiso: no units to rank"));
		return -1;
	}
	t->model = set->units[0].model;
	t->group = o->group;
	t->precision = set->models[t->model].precision;
	if (check_models(t, o->allow_mixed, d) < 0 ||
	    check_unique(set, d) < 0 || resolve_by(t, o->by, d) < 0)
		return -1;
	make_columns(t);
	t->rows = xcalloc(set->nunits, sizeof(size_t));
	t->unranked = xcalloc(set->nunits, sizeof(size_t));
	by_unit = xcalloc(set->nunits, sizeof(double));
	for (u = 0; u < set->nunits; u++) {
		if (set->units[u].status != RS_OK) {
			t->unranked[t->nunranked++] = u;
			continue;
		}
		by_unit[u] = measure(t, &t->by, &set->units[u]);
		t->rows[t->nrows++] = u;
	}
	{
		struct sort_ctx sc = {t, o->group, by_unit};

		sort_stable(t->rows, t->nrows, sizeof(size_t), cmp_rows, &sc);
	}
	make_groups(t, o->group);
	t->rank = xcalloc(t->nrows ? t->nrows : 1, sizeof(size_t));
	t->value = xcalloc(t->nrows ? t->nrows : 1, sizeof(double));
	cells = t->nrows * t->ncols;
	t->col_value = xcalloc(cells ? cells : 1, sizeof(double));
	t->col_rank = xcalloc(cells ? cells : 1, sizeof(size_t));
	for (r = 0; r < t->nrows; r++) {
		const rs_unit *unit = &set->units[t->rows[r]];

		t->value[r] = by_unit[t->rows[r]];
		for (c = 0; c < t->ncols; c++)
			t->col_value[r * t->ncols + c] =
			        measure(t, &t->cols[c], unit);
	}
	free(by_unit);
	rank_within_groups(t, t->value, 1, t->rank);
	for (c = 0; c < t->ncols; c++)
		rank_within_groups(t, t->col_value + c, t->ncols,
		                   t->col_rank + c);
	return 0;
}

const char *rank_grouping_name(rank_grouping g)
{
	return g == GROUP_PARENT  ? "parent"
	       : g == GROUP_LEVEL ? "level"
	                          : "none";
}

const rs_unit *rank_listed_unit(const rank_table *t, size_t i)
{
	size_t u = i < t->nrows ? t->rows[i] : t->unranked[i - t->nrows];

	return &t->set->units[u];
}

int rank_has_merged(const rank_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows + t->nunranked; i++)
		if (rank_listed_unit(t, i)->nderived_from)
			return 1;
	return 0;
}

int rank_has_incomplete(const rank_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows + t->nunranked; i++)
		if (rank_listed_unit(t, i)->nmissing)
			return 1;
	return 0;
}

void rank_free(rank_table *t)
{
	size_t c;

	free(t->by.index);
	for (c = 0; c < t->ncols; c++)
		free(t->cols[c].index);
	free(t->cols);
	free(t->rows);
	free(t->rank);
	free(t->value);
	free(t->col_value);
	free(t->col_rank);
	free(t->groups);
	free(t->unranked);
	memset(t, 0, sizeof(*t));
}
