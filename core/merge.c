/*
 * merge.c - merged units from their predecessors' results.
 */
#include "config.h"

#include "merge.h"

#include "jsonw.h"
#include "source.h"
#include "strbuf.h"
#include "utf8.h"

#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One new unit and its predecessors. */
struct group {
	char *code, *name, *parent, *level;
	size_t *from; /* unit indices in the set */
	size_t nfrom;
	unsigned row; /* first map row naming it */
};

/* The map as read: its rows, then the groups. */
struct map {
	const char *path;
	const rs_set *set;
	diag *d;
	char **fields; /* the row being read */
	size_t nfields;
	unsigned row;
	int col_code, col_name, col_old, col_parent, col_level;
	int header_done, bad;
	struct group *groups;
	size_t ngroups;
	size_t *owner; /* per set unit: group index + 1, 0 = none */
};

/* libcsv: one more field of the current row. */
static void on_field(void *s, size_t len, void *arg)
{
	struct map *mp = arg;

	mp->fields = xrealloc(mp->fields, (mp->nfields + 1) * sizeof(char *));
	mp->fields[mp->nfields++] = xstrndup(s ? s : "", s ? len : 0);
}

/* The trimmed field i of the row, or "". */
static const char *field(const struct map *mp, int i)
{
	char *f;
	size_t n;

	if (i < 0 || (size_t)i >= mp->nfields)
		return "";
	f = mp->fields[i];
	while (*f == ' ' || *f == '\t')
		memmove(f, f + 1, strlen(f));
	n = strlen(f);
	while (n > 0 &&
	       (f[n - 1] == ' ' || f[n - 1] == '\t' || f[n - 1] == '\r'))
		f[--n] = '\0';
	return f;
}

/* The header row: which column is which. */
static void read_header(struct map *mp)
{
	size_t i;

	mp->col_code = mp->col_name = mp->col_old = -1;
	mp->col_parent = mp->col_level = -1;
	for (i = 0; i < mp->nfields; i++) {
		const char *h = field(mp, (int)i);
		int *slot = utf8_ascii_caseeq(h, "code")       ? &mp->col_code
		            : utf8_ascii_caseeq(h, "name")     ? &mp->col_name
		            : utf8_ascii_caseeq(h, "old_code") ? &mp->col_old
		            : utf8_ascii_caseeq(h, "parent")   ? &mp->col_parent
		            : utf8_ascii_caseeq(h, "level")    ? &mp->col_level
		                                               : NULL;

		if (!slot) {
			diag_error(
			        mp->d, mp->path, mp->row, (unsigned)i + 1,
			        "unknown column '%s': a merge map has the "
			        "columns code, name, old_code (and optionally "
			        "parent, level)",
			        h);
			mp->bad = 1;
		} else {
			*slot = (int)i;
		}
	}
	if (mp->col_code < 0 || mp->col_old < 0) {
		diag_error(mp->d, mp->path, mp->row, 1,
		           "the header must name the columns code, name and "
		           "old_code");
		mp->bad = 1;
	}
	mp->header_done = 1;
}

/* The set's unit with this code, or -1. */
static long find_unit(const rs_set *set, const char *code)
{
	size_t u;

	for (u = 0; u < set->nunits; u++)
		if (strcmp(set->units[u].code, code) == 0)
			return (long)u;
	return -1;
}

/* The group of a new code, made on first sight. */
static struct group *group_of(struct map *mp, const char *code)
{
	struct group *g;
	size_t i;

	for (i = 0; i < mp->ngroups; i++)
		if (strcmp(mp->groups[i].code, code) == 0)
			return &mp->groups[i];
	mp->groups =
	        xrealloc(mp->groups, (mp->ngroups + 1) * sizeof(*mp->groups));
	g = &mp->groups[mp->ngroups++];
	memset(g, 0, sizeof(*g));
	g->code = xstrdup(code);
	g->name = xstrdup(field(mp, mp->col_name));
	g->parent = xstrdup(field(mp, mp->col_parent));
	g->level = xstrdup(field(mp, mp->col_level));
	g->row = mp->row;
	return g;
}

/* One data row: a predecessor of a new unit. */
static void read_row(struct map *mp)
{
	const char *code = field(mp, mp->col_code);
	const char *old = field(mp, mp->col_old);
	struct group *g;
	long u;

	if (!*code || !*old) {
		diag_error(mp->d, mp->path, mp->row,
		           (unsigned)(*code ? mp->col_old : mp->col_code) + 1,
		           "%s is empty", *code ? "old_code" : "code");
		mp->bad = 1;
		return;
	}
	u = find_unit(mp->set, old);
	if (u < 0) {
		diag_error(mp->d, mp->path, mp->row, (unsigned)mp->col_old + 1,
		           "old_code '%s' is not a unit of the results", old);
		mp->bad = 1;
		return;
	}
	if (mp->owner[u]) {
		diag_error(mp->d, mp->path, mp->row, (unsigned)mp->col_old + 1,
		           "old_code '%s' is merged twice (also into %s)", old,
		           mp->groups[mp->owner[u] - 1].code);
		mp->bad = 1;
		return;
	}
	g = group_of(mp, code);
	g->from = xrealloc(g->from, (g->nfrom + 1) * sizeof(size_t));
	g->from[g->nfrom++] = (size_t)u;
	mp->owner[u] = (size_t)(g - mp->groups) + 1;
}

/* libcsv: the end of a row. */
static void on_row(int c, void *arg)
{
	struct map *mp = arg;
	size_t i;
	int empty = 1;

	(void)c;
	mp->row++;
	for (i = 0; i < mp->nfields; i++)
		if (*field(mp, (int)i))
			empty = 0;
	if (!empty && field(mp, 0)[0] != '#') {
		if (!mp->header_done)
			read_header(mp);
		else if (!mp->bad)
			read_row(mp);
	}
	for (i = 0; i < mp->nfields; i++)
		free(mp->fields[i]);
	mp->nfields = 0;
}

/* Reads and checks the whole map. Returns 0 or -1. */
static int read_map(struct map *mp)
{
	struct csv_parser p;
	char *buf;
	size_t len, start = 0;
	doc_limits lim = doc_limits_model;

	lim.what = "a merge map";
	if (source_read_file(mp->path, &lim, &buf, &len, mp->d) < 0)
		return -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
		free(buf);
		return -1;
	}
	if (csv_parse(&p, buf + start, len - start, on_field, on_row, mp) !=
	            len - start ||
	    csv_fini(&p, on_field, on_row, mp) != 0) {
		diag_error(mp->d, mp->path, mp->row + 1, 0, "malformed CSV: %s",
		           csv_strerror(csv_error(&p)));
		mp->bad = 1;
	}
	csv_free(&p);
	free(buf);
	if (!mp->header_done && !mp->bad) {
		diag_error(mp->d, mp->path, 0, 0, "the map is empty");
		mp->bad = 1;
	}
	return mp->bad ? -1 : 0;
}

/* --- the merged values ------------------------------------------------- */

/* The mean of the predecessors' values of root r (those where it
 * applies); *applies 0 when it applies to none. */
static double root_mean(const rs_set *set, const struct group *g, size_t r,
                        int *applies)
{
	double sum = 0;
	size_t k, n = 0;

	for (k = 0; k < g->nfrom; k++) {
		const rs_unit *u = &set->units[g->from[k]];

		if (u->node_max[r] <= 0 && set->models[0].nodes[r].points > 0)
			continue; /* not applicable there */
		sum += u->node_value[r];
		n++;
	}
	*applies = n > 0;
	return n ? sum / (double)n : 0;
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

	for (k = 0; k < m->nroots; k++) {
		r = m->roots[k];
		val[k] = root_mean(set, g, r, &applies[k]);
		max[k] = applies[k] ? m->nodes[r].points : 0;
		pts[k] = val[k] * max[k];
		tp += pts[k];
		tm += max[k];
	}
	jsonw_object(w, 0);
	write_identity(w, g->code, *g->name ? g->name : g->code,
	               *g->level ? g->level : first->level, g->parent,
	               first->period);
	jsonw_kstring(w, "stage", first->stage);
	jsonw_kstring(w, "status", "ok");
	jsonw_knumber(w, "points", tp);
	jsonw_knumber(w, "max", tm);
	jsonw_knumber(w, "value", tm > 0 ? tp / tm : 0);
	jsonw_key(w, "derived");
	jsonw_object(w, 1);
	jsonw_kstring(w, "rule", "mean of the predecessors' main-index values");
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
		jsonw_kstring(w, "status", applies[k] ? "ok" : "na");
		jsonw_end(w);
	}
	jsonw_end(w);
	write_views(w, set, g);
	jsonw_key(w, "values");
	jsonw_object(w, 1);
	jsonw_end(w);
	jsonw_key(w, "problems");
	jsonw_array(w, 1);
	jsonw_end(w);
	jsonw_end(w);
	free(pts);
	free(max);
	free(val);
	free(applies);
}

/* A unit the map does not name, as it was (its input values are not
 * carried: merged results are for ranking and comparing). */
static void write_copy(jsonw *w, const rs_set *set, const rs_unit *u)
{
	const rs_model *m = &set->models[u->model];
	size_t k;

	jsonw_object(w, 0);
	write_identity(w, u->code, u->name, u->level, u->parent, u->period);
	jsonw_kstring(w, "stage", u->stage);
	jsonw_kstring(w, "status",
	              u->status == RS_INVALID ? "invalid"
	              : u->status == RS_ERROR ? "error"
	                                      : "ok");
	if (u->status != RS_INVALID) {
		static const char *const st[] = {"ok", "na", "error",
		                                 "missing"};

		jsonw_knumber(w, "points", u->points);
		jsonw_knumber(w, "max", u->max);
		jsonw_knumber(w, "value", u->value);
		jsonw_key(w, "class");
		if (u->klass >= 0)
			jsonw_string(w, m->classes[u->klass].id);
		else
			jsonw_null(w);
		jsonw_key(w, "nodes");
		jsonw_array(w, 0);
		for (k = 0; k < m->nnodes; k++) {
			jsonw_object(w, 1);
			jsonw_kstring(w, "id", m->nodes[k].id);
			jsonw_knumber(w, "points", u->node_points[k]);
			jsonw_knumber(w, "max", u->node_max[k]);
			jsonw_knumber(w, "value", u->node_value[k]);
			jsonw_kstring(w, "status", st[u->node_status[k] & 3]);
			jsonw_end(w);
		}
		jsonw_end(w);
		jsonw_key(w, "views");
		jsonw_array(w, 0);
		for (k = 0; k < m->nviews; k++) {
			jsonw_object(w, 1);
			jsonw_kstring(w, "id", m->views[k].id);
			jsonw_knumber(w, "points", u->view_points[k]);
			jsonw_knumber(w, "max", u->view_max[k]);
			jsonw_knumber(w, "value", u->view_value[k]);
			jsonw_end(w);
		}
		jsonw_end(w);
	}
	jsonw_key(w, "values");
	jsonw_object(w, 1);
	jsonw_end(w);
	jsonw_key(w, "problems");
	jsonw_array(w, 0);
	for (k = 0; k < u->nproblems; k++)
		jsonw_string(w, u->problems[k]);
	jsonw_end(w);
	jsonw_end(w);
}

/* Every predecessor scored, and of one period. */
static int check_groups(const struct map *mp)
{
	const rs_set *set = mp->set;
	size_t i, k;
	int rc = 0;

	for (i = 0; i < mp->ngroups; i++) {
		const struct group *g = &mp->groups[i];

		for (k = 0; k < g->nfrom; k++) {
			const rs_unit *u = &set->units[g->from[k]];

			if (u->status == RS_INVALID) {
				diag_error(
				        mp->d, mp->path, g->row, 0,
				        "%s cannot be merged into %s: it was "
				        "not scored (invalid)",
				        u->code, g->code);
				rc = -1;
			} else if (strcmp(u->period,
			                  set->units[g->from[0]].period) != 0) {
				diag_error(mp->d, mp->path, g->row, 0,
				           "the predecessors of %s are of "
				           "different "
				           "periods (%s: '%s', %s: '%s')",
				           g->code, set->units[g->from[0]].code,
				           set->units[g->from[0]].period,
				           u->code, u->period);
				rc = -1;
			}
		}
	}
	return rc;
}

/* Frees the map's rows and groups. */
static void free_map(struct map *mp)
{
	size_t i;

	for (i = 0; i < mp->nfields; i++)
		free(mp->fields[i]);
	free(mp->fields);
	for (i = 0; i < mp->ngroups; i++) {
		free(mp->groups[i].code);
		free(mp->groups[i].name);
		free(mp->groups[i].parent);
		free(mp->groups[i].level);
		free(mp->groups[i].from);
	}
	free(mp->groups);
	free(mp->owner);
}

int merge_write(const rs_set *set, const char *map_path, FILE *f, diag *d)
{
	struct map mp;
	jsonw w;
	size_t i, u;
	int rc = -1;

	memset(&mp, 0, sizeof(mp));
	mp.path = map_path;
	mp.set = set;
	mp.d = d;
	mp.owner = xcalloc(set->nunits + 1, sizeof(size_t));
	if (set->nmodels != 1) {
		diag_error(d, NULL, 0, 0,
		           "chiso merge: give results of one model (%zu found)",
		           set->nmodels);
		goto out;
	}
	if (read_map(&mp) < 0 || check_groups(&mp) < 0)
		goto out;
	jsonw_init(&w, f);
	jsonw_object(&w, 0);
	jsonw_knumber(&w, "format", 1);
	jsonw_kstring(&w, "generator", PACKAGE_STRING);
	write_model(&w, &set->models[0]);
	jsonw_key(&w, "units");
	jsonw_array(&w, 0);
	for (i = 0; i < mp.ngroups; i++)
		write_merged(&w, set, &mp.groups[i]);
	for (u = 0; u < set->nunits; u++) {
		if (mp.owner[u])
			continue;
		diag_at(d, DIAG_WARNING, map_path, 0, 0,
		        "unit %s is not in the map: kept as it was",
		        set->units[u].code);
		write_copy(&w, set, &set->units[u]);
	}
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
	rc = 0;
out:
	free_map(&mp);
	return rc;
}
