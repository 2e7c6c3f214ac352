/*
 * merge.c - merged units from their predecessors' results.
 */
#include "config.h"

#include "publish/merge.h"

#include "publish/merge_map.h"

#include "chiso/plugin.h"

#include "util/i18n.h"
#include "util/jsonw.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One merged unit: a new code in one period and stage, and the units of
 * the results it is made of. */
struct group {
	const merge_row *row; /* the first row naming its code */
	const char *period, *stage;
	size_t *from; /* unit indices in the set, in the set's order */
	size_t nfrom;
};

/* A merge in progress. */
struct merger {
	const rs_set *set;
	const merge_map *map;
	diag *d;
	const merge_row **row_of; /* per unit of the set: its row, or NULL */
	struct group *groups;
	size_t ngroups;
};

/* A text and what it belongs to, for sorting and searching. */
struct key {
	const char *text, *period, *stage;
	unsigned line; /* of the map row: predecessors in the map's order */
	size_t index;
};

/* By text, period, stage, line, then index. */
static int cmp_keys(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	if (!c && x->period && y->period)
		c = strcmp(x->period, y->period);
	if (!c && x->stage && y->stage)
		c = strcmp(x->stage, y->stage);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line > y->line ? 1 : -1;
	return (x->index > y->index) - (x->index < y->index);
}

/* By text only. */
static int cmp_text(const void *a, const void *b)
{
	return strcmp(((const struct key *)a)->text,
	              ((const struct key *)b)->text);
}

/* Finds each unit's row (by its code among the old codes) and reports
 * the old codes no unit has. Returns 0 or -1. */
static int match_units(struct merger *mg)
{
	const merge_map *map = mg->map;
	struct key *k = xmalloc((map->nrows + 1) * sizeof(*k));
	char *used = xcalloc(map->nrows + 1, 1);
	size_t i;
	int rc = 0;

	for (i = 0; i < map->nrows; i++) {
		k[i].text = map->rows[i].old;
		k[i].period = k[i].stage = NULL;
		k[i].line = 0;
		k[i].index = i;
	}
	qsort(k, map->nrows, sizeof(*k), cmp_text);
	for (i = 0; i < mg->set->nunits; i++) {
		struct key want = {mg->set->units[i].code, NULL, NULL, 0, 0};
		const struct key *hit =
		        bsearch(&want, k, map->nrows, sizeof(*k), cmp_text);

		if (hit) {
			mg->row_of[i] = &map->rows[hit->index];
			used[hit->index] = 1;
		}
	}
	for (i = 0; i < map->nrows; i++)
		if (!used[i]) {
			diag_error(
			        mg->d, map->path, map->rows[i].line,
			        map->col_old,
			        _("old_code '%s' is not a unit of the results"),
			        map->rows[i].old);
			rc = -1;
		}
	free(used);
	free(k);
	return rc;
}

/* 1 when two keys belong to one merged unit: new code, period, stage. */
static int same_group(const struct key *a, const struct key *b)
{
	return strcmp(a->text, b->text) == 0 &&
	       strcmp(a->period, b->period) == 0 &&
	       strcmp(a->stage, b->stage) == 0;
}

/* The merged units: the matched units grouped by new code, period and
 * stage. */
static void make_groups(struct merger *mg)
{
	const rs_set *set = mg->set;
	struct key *k = xmalloc((set->nunits + 1) * sizeof(*k));
	struct group *g = NULL; /* the group being filled */
	size_t i, n = 0;

	for (i = 0; i < set->nunits; i++) {
		if (!mg->row_of[i])
			continue;
		k[n].text = mg->row_of[i]->code;
		k[n].period = set->units[i].period;
		k[n].stage = set->units[i].stage;
		k[n].line = mg->row_of[i]->line;
		k[n++].index = i;
	}
	qsort(k, n, sizeof(*k), cmp_keys);
	mg->groups = xcalloc(n + 1, sizeof(*mg->groups));
	for (i = 0; i < n; i++) {
		if (i == 0 || !same_group(&k[i], &k[i - 1])) {
			size_t end = i + 1;

			while (end < n && same_group(&k[end], &k[i]))
				end++;
			g = &mg->groups[mg->ngroups++];
			g->row = mg->row_of[k[i].index];
			g->period = k[i].period;
			g->stage = k[i].stage;
			g->from = xmalloc((end - i) * sizeof(size_t));
		}
		if (mg->row_of[k[i].index]->line < g->row->line)
			g->row = mg->row_of[k[i].index];
		g->from[g->nfrom++] = k[i].index;
	}
	free(k);
}

/* A key against a group, as make_groups ordered them (bsearch). */
static int cmp_key_group(const void *key, const void *elem)
{
	const struct key *k = key;
	const struct group *g = elem;
	int c = strcmp(k->text, g->row->code);

	if (!c)
		c = strcmp(k->period, g->period);
	if (!c)
		c = strcmp(k->stage, g->stage);
	return c;
}

/* The old codes of new code that group g lacks, into sb. */
static size_t missing_of(const struct merger *mg, const struct group *g,
                         strbuf *sb)
{
	size_t i, k, missing = 0;

	for (i = 0; i < mg->map->nrows; i++) {
		const merge_row *r = &mg->map->rows[i];

		if (strcmp(r->code, g->row->code) != 0)
			continue;
		for (k = 0; k < g->nfrom; k++)
			if (strcmp(mg->set->units[g->from[k]].code, r->old) ==
			    0)
				break;
		if (k < g->nfrom)
			continue;
		strbuf_printf(sb, "%s%s", missing ? ", " : "", r->old);
		missing++;
	}
	return missing;
}

/* Every predecessor scored and present in the group's period and stage;
 * no kept unit with a merged unit's code. Returns 0 or -1. */
static int check_groups(const struct merger *mg)
{
	const rs_set *set = mg->set;
	strbuf sb = STRBUF_INIT;
	size_t i, k;
	int rc = 0;

	for (i = 0; i < mg->ngroups; i++) {
		const struct group *g = &mg->groups[i];

		for (k = 0; k < g->nfrom; k++) {
			const rs_unit *u = &set->units[g->from[k]];

			if (u->status != RS_INVALID)
				continue;
			diag_error(mg->d, mg->map->path, g->row->line,
			           mg->map->col_code,
			           _("%s cannot be merged into %s: it was not "
			             "scored (invalid)"),
			           u->code, g->row->code);
			rc = -1;
		}
		strbuf_reset(&sb);
		if (missing_of(mg, g, &sb)) {
			diag_error(
			        mg->d, mg->map->path, g->row->line, 0,
			        _("%s (period %s, stage %s) lacks predecessors "
			          "in the results: %s; give the results of "
			          "every unit it is made of"),
			        g->row->code, g->period, g->stage,
			        strbuf_str(&sb));
			rc = -1;
		}
	}
	for (i = 0; i < set->nunits; i++) {
		const rs_unit *u = &set->units[i];
		struct key want = {u->code, u->period, u->stage, 0, 0};
		const struct group *g;

		if (mg->row_of[i])
			continue;
		g = bsearch(&want, mg->groups, mg->ngroups, sizeof(*g),
		            cmp_key_group);
		if (!g)
			continue;
		diag_error(mg->d, mg->map->path, g->row->line,
		           mg->map->col_code,
		           _("the new code %s is also the code of a unit the "
		             "map keeps (period %s); give the merged unit "
		             "another code, or merge %s into it (under a code "
		             "neither had: a map may not map a unit to "
		             "itself)"),
		           u->code, u->period, u->code);
		rc = -1;
	}
	strbuf_release(&sb);
	return rc;
}

/* --- the merged values ------------------------------------------------- */

/* The mean of the predecessors' values of root r as published (rounded
 * to the model's precision: the figures a ministry averages), over those
 * where it applies; *applies 0 when it applies to none. */
static double root_mean(const rs_set *set, const struct group *g, size_t r,
                        int *applies)
{
	double sum = 0;
	size_t k, n = 0;

	for (k = 0; k < g->nfrom; k++) {
		const rs_unit *u = &set->units[g->from[k]];

		if (u->node_max[r] <= 0 && set->models[0].nodes[r].points > 0)
			continue; /* not applicable there */
		sum += rs_published(set, u->node_value[r], u);
		n++;
	}
	*applies = n > 0;
	return n ? sum / (double)n : 0;
}

/* 1 when root r failed (status error) in some predecessor. */
static int root_failed(const rs_set *set, const struct group *g, size_t r)
{
	size_t k;

	for (k = 0; k < g->nfrom; k++)
		if ((set->units[g->from[k]].node_status[r] & 3) ==
		    CHISO_STATUS_ERROR)
			return 1;
	return 0;
}

/* "views": the mean of the predecessors' view figures. */
static void write_views(jsonw *w, const rs_set *set, const struct group *g)
{
	const rs_model *m = &set->models[0];
	size_t v, k;

	jsonw_key(w, "views");
	jsonw_array(w, 0);
	for (v = 0; v < m->nviews; v++) {
		double p = 0, x = 0, val = 0;

		for (k = 0; k < g->nfrom; k++) {
			const rs_unit *u = &set->units[g->from[k]];

			p += u->view_points[v];
			x += u->view_max[v];
			val += u->view_value[v];
		}
		jsonw_object(w, 1);
		jsonw_kstring(w, "id", m->views[v].id);
		jsonw_knumber(w, "points", p / (double)g->nfrom);
		jsonw_knumber(w, "max", x / (double)g->nfrom);
		jsonw_knumber(w, "value", val / (double)g->nfrom);
		jsonw_end(w);
	}
	jsonw_end(w);
}

/* Writes the model section, copied from the results read. */
static void write_model(jsonw *w, const rs_model *m)
{
	size_t k;

	jsonw_key(w, "model");
	jsonw_object(w, 0);
	jsonw_kstring(w, "id", m->id);
	jsonw_kstring(w, "version", m->version);
	jsonw_kstring(w, "title", m->title);
	jsonw_kstring(w, "sha256", m->sha256);
	jsonw_kstring(w, "file", m->file);
	jsonw_knumber(w, "precision", m->precision);
	jsonw_knumber(w, "points", m->points);
	jsonw_key(w, "nodes");
	jsonw_array(w, 0);
	for (k = 0; k < m->nnodes; k++) {
		jsonw_object(w, 1);
		jsonw_kstring(w, "id", m->nodes[k].id);
		jsonw_kstring(w, "name", m->nodes[k].name);
		jsonw_knumber(w, "points", m->nodes[k].points);
		jsonw_kstring(w, "parent",
		              m->nodes[k].parent >= 0
		                      ? m->nodes[m->nodes[k].parent].id
		                      : NULL);
		if (m->nodes[k].method)
			jsonw_kstring(w, "method", m->nodes[k].method);
		if (m->nodes[k].kind)
			jsonw_kstring(w, "kind", m->nodes[k].kind);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_key(w, "views");
	jsonw_array(w, 0);
	for (k = 0; k < m->nviews; k++) {
		jsonw_object(w, 1);
		jsonw_kstring(w, "id", m->views[k].id);
		jsonw_kstring(w, "name", m->views[k].name);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_key(w, "classes");
	jsonw_array(w, 0);
	for (k = 0; k < m->nclasses; k++) {
		jsonw_object(w, 1);
		jsonw_kstring(w, "id", m->classes[k].id);
		jsonw_kstring(w, "name", m->classes[k].name);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_end(w);
}

/* The identity of a unit record. */
static void write_identity(jsonw *w, const char *code, const char *name,
                           const char *level, const char *parent,
                           const char *period)
{
	jsonw_key(w, "unit");
	jsonw_object(w, 1);
	jsonw_kstring(w, "code", code);
	jsonw_kstring(w, "name", *name ? name : NULL);
	jsonw_kstring(w, "level", *level ? level : NULL);
	jsonw_kstring(w, "parent", *parent ? parent : NULL);
	jsonw_kstring(w, "period", *period ? period : NULL);
	jsonw_end(w);
}

/* The name of g's merged unit: the map's; without one, the name its
 * predecessors share (a unit that only changes its code keeps its name);
 * else its code. Borrowed from the map or the set. */
static const char *merged_name(const rs_set *set, const struct group *g)
{
	const char *name = set->units[g->from[0]].name;
	size_t k;

	if (*g->row->name)
		return g->row->name;
	for (k = 1; k < g->nfrom && *name; k++)
		if (strcmp(set->units[g->from[k]].name, name) != 0)
			name = "";
	return *name ? name : g->row->code;
}

/* One merged unit: main indices as the means, totals recomputed. */
static void write_merged(jsonw *w, const rs_set *set, const struct group *g)
{
	const rs_model *m = &set->models[0];
	const rs_unit *first = &set->units[g->from[0]];
	double *pts = xcalloc(m->nroots + 1, sizeof(double));
	double *max = xcalloc(m->nroots + 1, sizeof(double));
	double *val = xcalloc(m->nroots + 1, sizeof(double));
	int *applies = xcalloc(m->nroots + 1, sizeof(int));
	double tp = 0, tm = 0;
	size_t k, r;
	int failed = 0;

	for (k = 0; k < m->nroots; k++) {
		r = m->roots[k];
		val[k] = root_mean(set, g, r, &applies[k]);
		max[k] = applies[k] ? m->nodes[r].points : 0;
		pts[k] = val[k] * max[k];
		tp += pts[k];
		tm += max[k];
	}
	jsonw_object(w, 0);
	write_identity(w, g->row->code, merged_name(set, g),
	               *g->row->level ? g->row->level : first->level,
	               *g->row->parent ? g->row->parent : first->parent,
	               g->period);
	jsonw_kstring(w, "stage", g->stage);
	for (k = 0; k < g->nfrom && !failed; k++)
		failed = set->units[g->from[k]].status == RS_ERROR;
	jsonw_kstring(w, "status", failed ? "error" : "ok");
	jsonw_knumber(w, "points", tp);
	jsonw_knumber(w, "max", tm);
	jsonw_knumber(w, "value", tm > 0 ? tp / tm : 0);
	jsonw_key(w, "derived");
	jsonw_object(w, 1);
	jsonw_kstring(w, "rule",
	              "mean of the predecessors' published main-index values");
	jsonw_key(w, "from");
	jsonw_array(w, 1);
	for (k = 0; k < g->nfrom; k++)
		jsonw_string(w, set->units[g->from[k]].code);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_key(w, "nodes");
	jsonw_array(w, 0);
	for (k = 0; k < m->nroots; k++) {
		jsonw_object(w, 1);
		jsonw_kstring(w, "id", m->nodes[m->roots[k]].id);
		jsonw_knumber(w, "points", pts[k]);
		jsonw_knumber(w, "max", max[k]);
		jsonw_knumber(w, "value", val[k]);
		jsonw_kstring(w, "status",
		              !applies[k]                        ? "na"
		              : root_failed(set, g, m->roots[k]) ? "error"
		                                                 : "ok");
		jsonw_end(w);
	}
	jsonw_end(w);
	write_views(w, set, g);
	jsonw_key(w, "values");
	jsonw_object(w, 1);
	jsonw_end(w);
	jsonw_key(w, "problems");
	jsonw_array(w, 1);
	for (k = 0; k < g->nfrom; k++) {
		const rs_unit *u = &set->units[g->from[k]];
		char text[200];

		if (u->status != RS_ERROR)
			continue;
		snprintf(text, sizeof(text),
		         "predecessor %s had an indicator that failed (status "
		         "error); its values are in the mean as they were",
		         u->code);
		jsonw_string(w, text);
	}
	jsonw_end(w);
	jsonw_end(w);
	free(pts);
	free(max);
	free(val);
	free(applies);
}

/* One warning for the units the map does not name: how many, and the
 * first ten. */
static void warn_kept(const struct merger *mg)
{
	strbuf sb = STRBUF_INIT;
	size_t u, n = 0;

	for (u = 0; u < mg->set->nunits; u++) {
		if (mg->row_of[u])
			continue;
		if (n < 10)
			strbuf_printf(&sb, "%s%s", n ? ", " : "",
			              mg->set->units[u].code);
		n++;
	}
	if (n > 10)
		strbuf_printf(&sb, _(" and %zu more"), n - 10);
	if (n)
		diag_at(mg->d, DIAG_WARNING, mg->map->path, 0, 0,
		        P_("%zu unit is not in the map, kept as it was: %s",
		           "%zu units are not in the map, kept as they were: "
		           "%s",
		           n),
		        n, strbuf_str(&sb));
	strbuf_release(&sb);
}

/* Writes the results document: merged units, then the kept ones. */
static void write_doc(const struct merger *mg, FILE *f)
{
	const rs_set *set = mg->set;
	jsonw w;
	size_t i, u;

	jsonw_init(&w, f);
	jsonw_object(&w, 0);
	jsonw_knumber(&w, "format", 1);
	jsonw_kstring(&w, "generator", PACKAGE_STRING);
	if (set->language)
		jsonw_kstring(&w, "language", set->language);
	write_model(&w, &set->models[0]);
	jsonw_key(&w, "units");
	jsonw_array(&w, 0);
	for (i = 0; i < mg->ngroups; i++)
		write_merged(&w, set, &mg->groups[i]);
	for (u = 0; u < set->nunits; u++)
		if (!mg->row_of[u]) /* kept: its object as it was */
			jsonw_raw(&w, set->units[u].text);
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
}

int merge_write_map(const rs_set *set, const merge_map *map, FILE *f, diag *d)
{
	struct merger mg;
	size_t i;
	int rc = -1;

	if (set->nmodels != 1) {
		diag_error(d, NULL, 0, 0,
		           _("chiso merge: give results of one model (%zu "
		             "found)"),
		           set->nmodels);
		return -1;
	}
	if (!set->keep_text) {
		diag_error(d, NULL, 0, 0,
		           _("chiso merge: the results were read without "
		             "their units' text (rs_set.keep_text)"));
		return -1;
	}
	memset(&mg, 0, sizeof(mg));
	mg.set = set;
	mg.map = map;
	mg.d = d;
	mg.row_of = xcalloc(set->nunits + 1, sizeof(*mg.row_of));
	if (match_units(&mg) == 0) {
		make_groups(&mg);
		if (check_groups(&mg) == 0) {
			warn_kept(&mg);
			write_doc(&mg, f);
			rc = 0;
		}
	}
	for (i = 0; i < mg.ngroups; i++)
		free(mg.groups[i].from);
	free(mg.groups);
	free(mg.row_of);
	return rc;
}

int merge_write(const rs_set *set, const char *map_path, FILE *f, diag *d)
{
	merge_map map;
	int rc;

	if (merge_map_read(&map, map_path, d) < 0)
		return -1;
	rc = merge_write_map(set, &map, f, d);
	merge_map_free(&map);
	return rc;
}
