/*
 * model_load.c - loading a model file: the file, its top level and its
 * "model" section, then the sections in dependency order (inputs in
 * model_inputs.c, the tree and its plugins in model_nodes.c, views and
 * classes in model_outcomes.c); and freeing a model.
 */
#include "model/model_internal.h"

#include "read/source.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const top_keys[] = {"model", "inputs",  "indices",
                                       "views", "classes", NULL};
static const char *const header_keys[] = {
        "id",          "version", "title",         "issuer",    "basis",
        "level",       "years",   "superseded_by", "precision", "missing",
        "description", "format",  "isolate",       NULL};
static const char *const missing_words[] = {"zero", "exclude", "error", NULL};

#define PRECISION_MAX 10

/* An optional text key: NULL when absent, "" never. */
static const char *opt_string(model_loader *ld, const doc_node *map,
                              const char *key, const char *what, int *rc)
{
	const doc_node *n = doc_get(map, key);
	const char *s;

	if (!n)
		return NULL;
	s = schema_string(&ld->sc, n, what, 0);
	if (!s)
		*rc = -1;
	return s;
}

/* A required text key. */
static const char *req_string(model_loader *ld, const doc_node *map,
                              const char *key, const char *what, int *rc)
{
	const doc_node *n = schema_require(&ld->sc, map, key, "model");
	const char *s;

	if (!n) {
		*rc = -1;
		return NULL;
	}
	s = schema_string(&ld->sc, n, what, 0);
	if (!s)
		*rc = -1;
	return s;
}

/* Reads model.precision: an integer 0..PRECISION_MAX. */
static int read_precision(model_loader *ld, const doc_node *n)
{
	double p;

	if (schema_number(&ld->sc, n, "model.precision", &p) < 0)
		return -1;
	if (p < 0 || p > PRECISION_MAX || p != floor(p)) {
		schema_error(&ld->sc, n,
		             _("model.precision must be a whole number of "
		               "decimals from 0 to %d"),
		             PRECISION_MAX);
		return -1;
	}
	ld->m->precision = (int)p;
	return 0;
}

/* The "model" section: identity, precision, missing policy. */
static int load_header(model_loader *ld, const doc_node *hdr)
{
	chiso_model *m = ld->m;
	const doc_node *n;
	int rc = 0;
	double format;

	if (schema_check_keys(&ld->sc, hdr, header_keys, "model") < 0)
		rc = -1;
	if (hdr->kind != DOC_MAP)
		return -1;
	m->id = req_string(ld, hdr, "id", "model.id", &rc);
	if (m->id && schema_check_chars(m->id, ".-") < 0) {
		schema_error(&ld->sc, doc_get(hdr, "id"),
		             _("model.id '%s' must use only a-z, 0-9, '.' and "
		               "'-', e.g. vn-district-2023"),
		             m->id);
		rc = -1;
	}
	m->version = req_string(ld, hdr, "version", "model.version", &rc);
	m->title = req_string(ld, hdr, "title", "model.title", &rc);
	m->issuer = opt_string(ld, hdr, "issuer", "model.issuer", &rc);
	m->basis = opt_string(ld, hdr, "basis", "model.basis", &rc);
	m->level = opt_string(ld, hdr, "level", "model.level", &rc);
	m->years = opt_string(ld, hdr, "years", "model.years", &rc);
	m->superseded_by = opt_string(ld, hdr, "superseded_by",
	                              "model.superseded_by", &rc);
	m->description =
	        opt_string(ld, hdr, "description", "model.description", &rc);
	m->precision = 4;
	n = doc_get(hdr, "precision");
	if (n && read_precision(ld, n) < 0)
		rc = -1;
	m->missing = MISSING_ZERO;
	n = doc_get(hdr, "missing");
	if (n) {
		int i = schema_enum(&ld->sc, n, "model.missing", missing_words);

		if (i < 0)
			rc = -1;
		else
			m->missing = (missing_policy)i;
	}
	n = doc_get(hdr, "format");
	if (n) {
		if (schema_number(&ld->sc, n, "model.format", &format) < 0) {
			rc = -1;
		} else if (format != 1) {
			schema_error(&ld->sc, n,
			             _("model.format %s is not supported: this "
			               "chiso reads format 1"),
			             n->text);
			rc = -1;
		}
	}
	return rc;
}

/* model.isolate: true (every method) or a list of method names whose
 * computations run in a worker process (see isolate.h). */
static int load_isolate(model_loader *ld, const doc_node *n)
{
	chiso_model *m = ld->m;
	size_t i, k;
	int all = 0;

	if (n->kind == DOC_SCALAR) {
		if (schema_bool(&ld->sc, n, "model.isolate", &all) < 0)
			return -1;
		for (k = 0; k < m->nleaves && all; k++)
			m->nodes[m->leaves[k]].isolated = 1;
		return 0;
	}
	if (schema_expect(&ld->sc, n, DOC_SEQ, "model.isolate") < 0)
		return -1;
	for (i = 0; i < n->count; i++) {
		const char *name = schema_string(&ld->sc, n->items[i],
		                                 N_("a method name"), 0);
		int used = 0;

		if (!name)
			return -1;
		for (k = 0; k < m->nleaves; k++)
			if (strcmp(m->nodes[m->leaves[k]].method, name) == 0) {
				m->nodes[m->leaves[k]].isolated = 1;
				used = 1;
			}
		if (!used)
			diag_at(ld->sc.d, DIAG_WARNING, ld->sc.file,
			        n->items[i]->line, n->items[i]->col,
			        _("model.isolate names method '%s', which no "
			          "indicator uses"),
			        name);
	}
	return 0;
}

/* Checks the top level and runs the section loaders in dependency order:
 * header, inputs (slots), then the tree (which binds inputs). */
static int load_doc(model_loader *ld)
{
	const doc_node *root = ld->m->doc->root;
	const doc_node *hdr, *inputs, *indices;
	int rc = 0;

	if (schema_expect(&ld->sc, root, DOC_MAP, N_("a model file")) < 0)
		return -1;
	if (schema_check_keys(&ld->sc, root, top_keys, N_("the model file")) <
	    0)
		rc = -1;
	hdr = schema_require(&ld->sc, root, "model", N_("the model file"));
	if (!hdr || load_header(ld, hdr) < 0)
		rc = -1;
	inputs = doc_get(root, "inputs");
	if (inputs && model_load_inputs(ld, inputs) < 0)
		rc = -1;
	indices =
	        schema_require(&ld->sc, root, "indices", N_("the model file"));
	/* The tree needs valid inputs to bind; skip it when they failed so
	 * that one typo does not cascade into a message per indicator. */
	if (rc == 0 && indices && model_load_tree(ld, indices) < 0)
		rc = -1;
	if (rc == 0 && hdr && doc_get(hdr, "isolate") &&
	    load_isolate(ld, doc_get(hdr, "isolate")) < 0)
		rc = -1;
	if (rc == 0 && doc_get(root, "views") &&
	    model_load_views(ld, doc_get(root, "views")) < 0)
		rc = -1;
	if (doc_get(root, "classes") &&
	    model_load_classes(ld, doc_get(root, "classes")) < 0)
		rc = -1;
	if (rc == 0 && !indices)
		rc = -1;
	return rc;
}

/* Parses text already read and builds the model. */
chiso_model *model_load_buffer(const char *path, const char *buf, size_t len,
                               plugin_registry *reg, diag *d)
{
	return model_load_buffer_env(path, buf, len, reg, NULL, d);
}

chiso_model *model_load_buffer_env(const char *path, const char *buf,
                                   size_t len, plugin_registry *reg,
                                   const model_env *env, diag *d)
{
	model_loader ld = {0};
	chiso_model *m;
	size_t errors_before = d->errors;

	m = xcalloc(1, sizeof(*m));
	m->path = xstrdup(path);
	m->plugins = reg;
	m->children = env ? env->children : NULL;
	m->for_evaluation = env ? env->for_evaluation : 0;
	m->plugin_language = env && env->plugin_language ? env->plugin_language
	                                                 : i18n_current_code();
	m->missing_word = strcmp(m->plugin_language, "vi") == 0
	                          ? _("missing input")
	                          : "missing input";
	sha256_hex(buf, len, m->sha256);
	m->doc = source_parse(path, buf, len, &doc_limits_model, d);
	if (!m->doc)
		goto fail;
	ld.m = m;
	ld.sc.d = d;
	ld.sc.file = m->path;
	ld.reg = reg;
	if (load_doc(&ld) < 0 || d->errors > errors_before)
		goto fail;
	free(ld.sums);
	return m;

fail:
	free(ld.sums);
	if (d->errors == errors_before)
		diag_error(d, path, 0, 0, _("the model could not be loaded"));
	model_free(m);
	return NULL;
}

/* Reads the file, then model_load_buffer_env. */
chiso_model *model_load_env(const char *path, plugin_registry *reg,
                            const model_env *env, diag *d)
{
	char *buf;
	size_t len;
	chiso_model *m;

	if (source_read_file(path, &doc_limits_model, &buf, &len, d) < 0)
		return NULL;
	m = model_load_buffer_env(path, buf, len, reg, env, d);
	free(buf);
	return m;
}

chiso_model *model_load(const char *path, plugin_registry *reg, diag *d)
{
	return model_load_env(path, reg, NULL, d);
}

/* Releases plugin states, then the arrays and the doc. */
void model_free(chiso_model *m)
{
	size_t i;

	if (!m)
		return;
	model_release_states(m);
	for (i = 0; i < m->ninputs; i++) {
		model_input_free_folds(&m->inputs[i]);
		free(m->inputs[i].choices);
		free(m->inputs[i].choice_labels);
		free(m->inputs[i].used_by);
	}
	free(m->inputs);
	free(m->input_hash);
	free(m->child_inputs);
	for (i = 0; i < m->nnodes; i++) {
		free(m->nodes[i].children);
		free(m->nodes[i].deps);
		free(m->nodes[i].missing_hint);
	}
	free(m->nodes);
	free(m->roots);
	free(m->leaves);
	for (i = 0; i < m->nviews; i++)
		free(m->views[i].nodes);
	free(m->views);
	free(m->classes);
	doc_free(m->doc);
	free(m->path);
	free(m);
}
