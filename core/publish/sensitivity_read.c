/*
 * sensitivity_read.c - chiso sensitivity's JSON read back, for the
 * report (sensitivity_read.h).
 */
#include "publish/sensitivity_read.h"

#include "read/schema.h"
#include "read/source.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A text under key of map (borrowed), or NULL after an error. */
static const char *text_at(const schema_ctx *sc, const doc_node *map,
                           const char *key, const char *what)
{
	const doc_node *n = schema_require(sc, map, key, what);

	return n ? schema_string(sc, n, key, 0) : NULL;
}

/* A number under key of map; -1 after an error. */
static int number_at(const schema_ctx *sc, const doc_node *map, const char *key,
                     const char *what, double *out)
{
	const doc_node *n = schema_require(sc, map, key, what);

	return n ? schema_number(sc, n, key, out) : -1;
}

/* A spread of "vary" (a number or null) into *out (0 for null). */
static int spread_at(const schema_ctx *sc, const doc_node *vary,
                     const char *key, double *out)
{
	const doc_node *n = doc_get(vary, key);

	*out = 0;
	if (!n || schema_is_null(n))
		return 0;
	return schema_number(sc, n, key, out);
}

/* A whole rank (1 or more) under key of a unit. */
static int rank_at(const schema_ctx *sc, const doc_node *u, const char *key,
                   size_t *out)
{
	double x;

	if (number_at(sc, u, key, "a unit", &x) < 0)
		return -1;
	if (x < 1 || x != floor(x) || x > 1e9) {
		schema_error(sc, doc_get(u, key),
		             "%s must be a rank (a whole number from 1), not "
		             "%g",
		             key, x);
		return -1;
	}
	*out = (size_t)x;
	return 0;
}

/* One entry of "units". */
static int read_unit(const schema_ctx *sc, const doc_node *n, sens_doc_unit *u)
{
	const doc_node *kp;

	if (schema_expect(sc, n, DOC_MAP, "a unit") < 0)
		return -1;
	u->code = text_at(sc, n, "code", "a unit");
	if (!u->code || rank_at(sc, n, "rank", &u->rank) < 0 ||
	    rank_at(sc, n, "median_rank", &u->median) < 0 ||
	    rank_at(sc, n, "p05", &u->p05) < 0 ||
	    rank_at(sc, n, "p95", &u->p95) < 0 ||
	    number_at(sc, n, "keeps_place", "a unit", &u->keeps_place) < 0)
		return -1;
	kp = doc_get(n, "keeps_place");
	if (!(u->keeps_place >= 0 && u->keeps_place <= 1)) {
		schema_error(sc, kp, "keeps_place must be a share in [0, 1]");
		return -1;
	}
	if (u->p05 > u->median || u->median > u->p95) {
		schema_error(sc, n,
		             "unit %s: p05 %zu, median_rank %zu and p95 %zu "
		             "are not in order",
		             u->code, u->p05, u->median, u->p95);
		return -1;
	}
	return 0;
}

/* Codes in byte order. */
static int cmp_unit(const void *pa, const void *pb)
{
	const sens_doc_unit *a = pa, *b = pb;

	return strcmp(a->code, b->code);
}

/* The top level: model, by, group_by, runs, seed, vary, units. */
static int read_top(sens_doc *s, const schema_ctx *sc, const doc_node *root)
{
	const doc_node *model, *by, *vary, *units, *miss, *an;
	size_t k;

	an = doc_get(root, "analysis");
	if (!an || an->kind != DOC_SCALAR ||
	    strcmp(an->text, "sensitivity") != 0) {
		schema_error(sc, NULL,
		             "not a sensitivity analysis (chiso sensitivity "
		             "-f json -o SENS.json MODEL RESULTS writes one)");
		return -1;
	}
	model = schema_require(sc, root, "model", "the analysis");
	by = schema_require(sc, root, "by", "the analysis");
	vary = schema_require(sc, root, "vary", "the analysis");
	units = schema_require(sc, root, "units", "the analysis");
	if (!model || !by || !vary || !units ||
	    schema_expect(sc, model, DOC_MAP, "model") < 0 ||
	    schema_expect(sc, by, DOC_MAP, "by") < 0 ||
	    schema_expect(sc, vary, DOC_MAP, "vary") < 0 ||
	    schema_expect(sc, units, DOC_SEQ, "units") < 0)
		return -1;
	s->model_id = text_at(sc, model, "id", "model");
	s->model_version = text_at(sc, model, "version", "model");
	s->sha256 = text_at(sc, model, "sha256", "model");
	s->by = text_at(sc, by, "id", "by");
	s->group_by = text_at(sc, root, "group_by", "the analysis");
	if (!s->model_id || !s->model_version || !s->sha256 || !s->by ||
	    !s->group_by ||
	    number_at(sc, root, "runs", "the analysis", &s->runs) < 0 ||
	    number_at(sc, root, "seed", "the analysis", &s->seed) < 0 ||
	    spread_at(sc, vary, "main", &s->spread_main) < 0 ||
	    spread_at(sc, vary, "indicators", &s->spread_indicators) < 0)
		return -1;
	miss = doc_get(vary, "missing");
	s->missing_varied = miss && miss->kind == DOC_SEQ && miss->count > 1;
	if (miss && miss->kind == DOC_SEQ && miss->count == 1 &&
	    miss->items[0]->kind == DOC_SCALAR &&
	    strcmp(miss->items[0]->text, "results") != 0)
		s->missing_fixed = miss->items[0]->text;
	s->units = xcalloc(units->count ? units->count : 1, sizeof(*s->units));
	for (k = 0; k < units->count; k++)
		if (read_unit(sc, units->items[k], &s->units[k]) < 0)
			return -1;
	s->nunits = units->count;
	qsort(s->units, s->nunits, sizeof(*s->units), cmp_unit);
	return 0;
}

int sens_doc_read(sens_doc *s, const char *path, const doc_limits *lim, diag *d)
{
	schema_ctx sc;
	char *buf;
	size_t len;

	memset(s, 0, sizeof(*s));
	s->path = path;
	if (source_read_file(path, lim, &buf, &len, d) < 0)
		return -1;
	s->tree = source_parse(path, buf, len, lim, d);
	free(buf);
	if (!s->tree)
		return -1;
	sc.d = d;
	sc.file = path;
	if (!s->tree->root || s->tree->root->kind != DOC_MAP ||
	    read_top(s, &sc, s->tree->root) < 0) {
		if (d->errors == 0)
			schema_error(&sc, NULL,
			             "not a sensitivity analysis (chiso "
			             "sensitivity -f json writes one)");
		sens_doc_free(s);
		return -1;
	}
	return 0;
}

const sens_doc_unit *sens_doc_find(const sens_doc *s, const char *code)
{
	sens_doc_unit key;

	memset(&key, 0, sizeof(key));
	key.code = code;
	return s->nunits ? bsearch(&key, s->units, s->nunits, sizeof(*s->units),
	                           cmp_unit)
	                 : NULL;
}

int sens_doc_check(const sens_doc *s, const rank_table *t, diag *d)
{
	const rs_model *m = &t->set->models[t->model];
	const char *group = rank_grouping_name(t->group);
	size_t r;

	if (strcmp(s->sha256, m->sha256) != 0) {
		diag_error(d, s->path, 0, 0,
		           "analyses results of model %s %s (sha256 %.12s), "
		           "but the report's results are of model %s %s "
		           "(sha256 %.12s); run chiso sensitivity on the "
		           "report's results",
		           s->model_id, s->model_version, s->sha256, m->id,
		           m->version, m->sha256);
		return -1;
	}
	if (strcmp(s->by, t->by.id) != 0 || strcmp(s->group_by, group) != 0) {
		diag_error(d, s->path, 0, 0,
		           "analyses the ranking by %s (grouped: %s), but the "
		           "report ranks by %s (grouped: %s); give the report "
		           "--by %s%s%s, or run chiso sensitivity with the "
		           "report's options",
		           s->by, s->group_by, t->by.id, group, s->by,
		           strcmp(s->group_by, "none") != 0 ? " --group-by "
		                                            : "",
		           strcmp(s->group_by, "none") != 0 ? s->group_by : "");
		return -1;
	}
	for (r = 0; r < t->nrows; r++) {
		const rs_unit *u = &t->set->units[t->rows[r]];
		const sens_doc_unit *su = sens_doc_find(s, u->code);

		if (su && su->rank != t->rank[r]) {
			diag_error(d, s->path, 0, 0,
			           "unit %s has rank %zu there but %zu in the "
			           "report's results, which changed since the "
			           "analysis; run chiso sensitivity on them "
			           "again",
			           u->code, su->rank, t->rank[r]);
			return -1;
		}
	}
	return 0;
}

void sens_doc_free(sens_doc *s)
{
	doc_free(s->tree);
	free(s->units);
	memset(s, 0, sizeof(*s));
}
