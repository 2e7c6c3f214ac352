/*
 * plugin_test_cases.c - reading a plugin author's cases file for
 * "chiso plugin test": its top level (inputs, points, missing,
 * children), then each case (name, code, params, values, others,
 * points, expect), every problem reported at its place before any case
 * runs.
 */
#include "kit/plugin_test_cases.h"

#include "chiso/plugin.h"
#include "read/schema.h"
#include "read/source.h"
#include "util/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Default tolerance of fraction and raw comparisons. */
#define PT_TOLERANCE 1e-9

static const char *const top_keys[] = {"inputs", "points",   "missing",
                                       "cases",  "children", NULL};
static const char *const case_keys[] = {"name",   "code",   "params", "values",
                                        "others", "points", "expect", NULL};
static const char *const expect_keys[] = {
        "status",        "fraction",        "tolerance", "raw",
        "note",          "note_contains",   "hint",      "hint_contains",
        "prepare_error", "prepare_warning", NULL};
/* Indexed by chiso_status. */
static const char *const status_words[] = {"ok", "na", "error", "missing",
                                           NULL};
static const char *const missing_words[] = {"zero", "exclude", "error", NULL};

/* Reads an optional text key of an expect map into *out; allow_empty
 * lets "" through (a note or hint expected empty). Returns 0 or -1. */
static int read_text(const schema_ctx *sc, const doc_node *map, const char *key,
                     int allow_empty, const char **out)
{
	const doc_node *n = doc_get(map, key);
	char what[48];

	if (!n)
		return 0;
	snprintf(what, sizeof(what), "expect.%s", key);
	*out = schema_string(sc, n, what, allow_empty);
	return *out ? 0 : -1;
}

/* Reads an optional number key of an expect map into *out; *has is set
 * when present. Returns 0 or -1. */
static int read_number(const schema_ctx *sc, const doc_node *map,
                       const char *key, int *has, double *out)
{
	const doc_node *n = doc_get(map, key);
	char what[48];

	if (!n)
		return 0;
	snprintf(what, sizeof(what), "expect.%s", key);
	if (schema_number(sc, n, what, out) < 0)
		return -1;
	*has = 1;
	return 0;
}

/* Reads expect.raw: a number, or null for "no raw value". */
static int read_raw(const schema_ctx *sc, const doc_node *map,
                    struct pt_expect *ex)
{
	const doc_node *n = doc_get(map, "raw");

	if (!n)
		return 0;
	if (schema_is_null(n)) {
		ex->raw_check = RAW_NONE;
		return 0;
	}
	if (schema_number(sc, n, "expect.raw", &ex->raw) < 0)
		return -1;
	ex->raw_check = RAW_VALUE;
	return 0;
}

/* Checks the numbers of an expect map make sense: a fraction in
 * [0, 1], a tolerance >= 0. Returns 0 or -1. */
static int check_ranges(const schema_ctx *sc, const doc_node *map,
                        const struct pt_expect *ex)
{
	int rc = 0;

	if (ex->has_fraction && !(ex->fraction >= 0 && ex->fraction <= 1)) {
		schema_error(sc, doc_get(map, "fraction"),
		             "expect.fraction must be between 0 and 1 (got "
		             "%g): it is the share of the points earned",
		             ex->fraction);
		rc = -1;
	}
	if (!(ex->tolerance >= 0)) {
		schema_error(sc, doc_get(map, "tolerance"),
		             "expect.tolerance must be 0 or more (got %g)",
		             ex->tolerance);
		rc = -1;
	}
	return rc;
}

/* Reads the text expectations of an expect map, reporting every bad
 * one. Returns 0 or -1. */
static int read_texts(const schema_ctx *sc, const doc_node *map,
                      struct pt_expect *ex)
{
	int rc = 0;

	if (read_text(sc, map, "prepare_warning", 0, &ex->prepare_warning) < 0)
		rc = -1;
	if (read_text(sc, map, "note", 1, &ex->note) < 0)
		rc = -1;
	if (read_text(sc, map, "note_contains", 0, &ex->note_contains) < 0)
		rc = -1;
	if (read_text(sc, map, "hint", 1, &ex->hint) < 0)
		rc = -1;
	if (read_text(sc, map, "hint_contains", 0, &ex->hint_contains) < 0)
		rc = -1;
	return rc;
}

/* Reads the status and the numbers of an expect map, reporting every
 * bad one. Returns 0 or -1. */
static int read_outcome(const schema_ctx *sc, const doc_node *map,
                        struct pt_expect *ex)
{
	const doc_node *n = doc_get(map, "status");
	int rc = 0, has_tol = 0;
	double tol = 0;

	if (n) {
		ex->status = schema_enum(sc, n, "expect.status", status_words);
		if (ex->status < 0)
			rc = -1;
	}
	if (read_number(sc, map, "fraction", &ex->has_fraction, &ex->fraction) <
	    0)
		rc = -1;
	if (read_number(sc, map, "tolerance", &has_tol, &tol) < 0)
		rc = -1;
	else if (has_tol)
		ex->tolerance = tol;
	if (read_raw(sc, map, ex) < 0)
		rc = -1;
	if (check_ranges(sc, map, ex) < 0)
		rc = -1;
	return rc;
}

/* Reads a case's expect map into *ex: prepare_error alone, or what the
 * outcome must be. Returns 0 or -1 (every problem reported). */
static int read_expect(const schema_ctx *sc, const doc_node *map,
                       struct pt_expect *ex)
{
	int rc = 0;

	memset(ex, 0, sizeof(*ex));
	ex->status = CHISO_STATUS_OK;
	ex->tolerance = PT_TOLERANCE;
	if (schema_check_keys(sc, map, expect_keys, "expect") < 0)
		rc = -1;
	if (map->kind != DOC_MAP)
		return -1;
	if (!doc_get(map, "prepare_error")) {
		if (read_texts(sc, map, ex) < 0)
			rc = -1;
		if (read_outcome(sc, map, ex) < 0)
			rc = -1;
		return rc;
	}
	if (read_text(sc, map, "prepare_error", 0, &ex->prepare_error) < 0)
		rc = -1;
	if (map->count > 1) {
		schema_error(sc, map,
		             "expect: prepare_error stands alone: a case whose "
		             "model does not load has no outcome to check; put "
		             "the other expectations in another case");
		rc = -1;
	}
	return rc;
}

/* The input ids of the file, NULL-terminated, for checking values'
 * keys. Caller frees the array (the strings are the doc's). */
static const char **input_ids(const struct pt_file *pf)
{
	const char **ids = xcalloc(pf->inputs->count + 1, sizeof(*ids));
	size_t i;

	for (i = 0; i < pf->inputs->count; i++)
		ids[i] = pf->inputs->keys[i]->text;
	return ids;
}

/* Checks a unit's values n: a map whose keys are input ids of the
 * file; what names it ("values", "others"). Returns 0 or -1. */
static int check_value_map(const schema_ctx *sc, const struct pt_file *pf,
                           const doc_node *n, const char *what)
{
	const char **ids;
	char where[48];
	int rc;

	if (schema_expect(sc, n, DOC_MAP, what) < 0)
		return -1;
	snprintf(where, sizeof(where), "%s (the inputs of this file)", what);
	ids = input_ids(pf);
	rc = schema_check_keys(sc, n, ids, where);
	free(ids);
	return rc;
}

/* Reads the optional "values" of a case. Returns 0 or -1. */
static int read_values(const schema_ctx *sc, const struct pt_file *pf,
                       const doc_node *case_map, struct pt_case *c)
{
	c->values = doc_get(case_map, "values");
	if (!c->values || schema_is_null(c->values)) {
		c->values = NULL;
		return 0;
	}
	return check_value_map(sc, pf, c->values, "values");
}

/* Reads the optional "others" of a case: a list of the values of
 * further units (a null item is a unit without values). Returns 0 or
 * -1 (every bad item reported). */
static int read_others(const schema_ctx *sc, const struct pt_file *pf,
                       const doc_node *case_map, struct pt_case *c)
{
	size_t i;
	int rc = 0;

	c->others = doc_get(case_map, "others");
	if (!c->others || schema_is_null(c->others)) {
		c->others = NULL;
		return 0;
	}
	if (schema_expect(sc, c->others, DOC_SEQ, "others") < 0)
		return -1;
	for (i = 0; i < c->others->count; i++) {
		const doc_node *n = c->others->items[i];

		if (!schema_is_null(n) &&
		    check_value_map(sc, pf, n, "others") < 0)
			rc = -1;
	}
	return rc;
}

/* Reads the optional "code" of a case: its unit's code (the parent
 * code of its children), not one of the others' (other1, ...). Returns
 * 0 or -1. */
static int read_code(const schema_ctx *sc, const doc_node *case_map,
                     struct pt_case *c)
{
	const char *s;
	size_t digits;

	c->code = doc_get(case_map, "code");
	if (!c->code)
		return 0;
	s = schema_string(sc, c->code, "code", 0);
	if (!s)
		return -1;
	digits = strncmp(s, "other", 5) == 0 ? strspn(s + 5, "0123456789") : 0;
	if (digits && s[5 + digits] == '\0') {
		schema_error(sc, c->code,
		             "code: \"%s\" is the code of a unit of others "
		             "(other1, other2, ...); choose another",
		             s);
		return -1;
	}
	return 0;
}

/* Reads an optional points node (of the file or a case). Returns 0 or
 * -1; *out is left alone when absent. */
static int read_points(const schema_ctx *sc, const doc_node *map,
                       const char *what, const doc_node **out)
{
	const doc_node *n = doc_get(map, "points");
	double p;

	if (!n)
		return 0;
	if (schema_number(sc, n, what, &p) < 0)
		return -1;
	*out = n;
	return 0;
}

/* Reads case i into *c. Returns 0 or -1 (every problem reported). */
static int read_case(const schema_ctx *sc, const struct pt_file *pf,
                     const doc_node *map, const doc_node *file_points,
                     struct pt_case *c)
{
	const doc_node *n;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	c->node = map;
	c->points = file_points;
	if (schema_check_keys(sc, map, case_keys, "a case") < 0)
		rc = -1;
	if (map->kind != DOC_MAP)
		return -1;
	c->name_node = schema_require(sc, map, "name", "a case");
	if (c->name_node)
		c->name = schema_string(sc, c->name_node, "name", 0);
	if (!c->name)
		rc = -1;
	c->params = doc_get(map, "params");
	if (read_code(sc, map, c) < 0)
		rc = -1;
	if (read_values(sc, pf, map, c) < 0)
		rc = -1;
	if (read_others(sc, pf, map, c) < 0)
		rc = -1;
	if (read_points(sc, map, "points", &c->points) < 0)
		rc = -1;
	n = schema_require(sc, map, "expect", "a case");
	if (!n || read_expect(sc, n, &c->ex) < 0)
		rc = -1;
	return rc;
}

/* Reports a case name used twice: FAIL lines must say which case. */
static int check_names(const schema_ctx *sc, const struct pt_file *pf)
{
	size_t i, j;
	int rc = 0;

	for (i = 0; i < pf->ncases; i++) {
		for (j = 0; pf->cases[i].name && j < i; j++) {
			if (!pf->cases[j].name ||
			    strcmp(pf->cases[i].name, pf->cases[j].name) != 0)
				continue;
			schema_error(sc, pf->cases[i].name_node,
			             "case name \"%s\" is used twice (line %u "
			             "first); give each case its own name",
			             pf->cases[i].name,
			             pf->cases[j].name_node->line);
			rc = -1;
			break;
		}
	}
	return rc;
}

/* Reads the cases list. Returns 0 or -1. */
static int read_cases(const schema_ctx *sc, struct pt_file *pf,
                      const doc_node *root, const doc_node *file_points)
{
	const doc_node *list = schema_require(sc, root, "cases", "the file");
	size_t i;
	int rc = 0;

	if (!list || schema_expect(sc, list, DOC_SEQ, "cases") < 0)
		return -1;
	if (list->count == 0) {
		schema_error(sc, list,
		             "cases: list at least one case, e.g. - name: "
		             "\"half\"");
		return -1;
	}
	pf->cases = xcalloc(list->count, sizeof(*pf->cases));
	pf->ncases = list->count;
	for (i = 0; i < list->count; i++) {
		if (read_case(sc, pf, list->items[i], file_points,
		              &pf->cases[i]) < 0)
			rc = -1;
	}
	if (check_names(sc, pf) < 0)
		rc = -1;
	return rc;
}

/* The path of a file named rel in the cases file at base: rel itself
 * when absolute, else beside base. Caller frees. */
static char *beside(const char *base, const char *rel)
{
	const char *slash = strrchr(base, '/');
	strbuf sb = STRBUF_INIT;

	if (rel[0] != '/' && slash)
		strbuf_printf(&sb, "%.*s/", (int)(slash - base), base);
	strbuf_puts(&sb, rel);
	return strbuf_detach(&sb);
}

/* Reads the optional "children": a results document (chiso evaluate
 * -f json of the child units' model), its path relative to the cases
 * file, into pf->kids. Returns 0 or -1 (its errors after the key's). */
static int read_children(const schema_ctx *sc, struct pt_file *pf,
                         const doc_node *root)
{
	const doc_node *n = doc_get(root, "children");
	diag rd = DIAG_INIT;
	const char *rel;
	char *path;
	int rc = 0;

	if (!n)
		return 0;
	rel = schema_string(sc, n, "children", 0);
	if (!rel)
		return -1;
	path = beside(pf->path, rel);
	if (rs_read_file(&pf->kids, path, &rd) < 0) {
		schema_error(sc, n,
		             "children: cannot read the results document %s "
		             "(chiso evaluate -f json of the children's model)",
		             path);
		diag_take(sc->d, &rd);
		rc = -1;
	}
	pf->has_kids = rc == 0;
	diag_free(&rd);
	free(path);
	return rc;
}

/* Reads the top level: inputs, points, missing, children, then the
 * cases. Returns 0 or -1. */
static int read_top(const schema_ctx *sc, struct pt_file *pf)
{
	const doc_node *root = pf->doc->root, *points = NULL;
	int rc = 0;

	if (schema_expect(sc, root, DOC_MAP, "a cases file") < 0)
		return -1;
	if (schema_check_keys(sc, root, top_keys, "a cases file") < 0)
		rc = -1;
	pf->inputs = schema_require(sc, root, "inputs", "the file");
	if (!pf->inputs || schema_expect(sc, pf->inputs, DOC_MAP, "inputs") < 0)
		return -1;
	if (read_points(sc, root, "points", &points) < 0)
		rc = -1;
	pf->missing = doc_get(root, "missing");
	if (pf->missing &&
	    schema_enum(sc, pf->missing, "missing", missing_words) < 0)
		rc = -1;
	if (read_children(sc, pf, root) < 0)
		rc = -1;
	if (read_cases(sc, pf, root, points) < 0)
		rc = -1;
	return rc;
}

/* Reads and checks the cases file into *pf. Returns 0, or -1 with
 * errors in d. */
int pt_file_read(struct pt_file *pf, const char *path, diag *d)
{
	schema_ctx sc = {d, path};
	strbuf sb = STRBUF_INIT;
	size_t errors = d->errors, len;
	char *buf;

	memset(pf, 0, sizeof(*pf));
	rs_init(&pf->kids);
	pf->path = path;
	/* The generated model and data are YAML: keep a JSON cases file's
	 * name out of their loaders' sight. */
	strbuf_puts(&sb, path);
	if (source_is_json(path) || source_is_jsonl(path) ||
	    source_is_csv(path))
		strbuf_puts(&sb, ".yaml");
	pf->gen_path = strbuf_detach(&sb);
	if (source_read_file(path, &doc_limits_model, &buf, &len, d) < 0)
		return -1;
	pf->doc = source_parse(path, buf, len, &doc_limits_model, d);
	free(buf);
	if (!pf->doc)
		return -1;
	if (read_top(&sc, pf) < 0 || d->errors > errors)
		return -1;
	return 0;
}

/* Frees what pt_file_read() made. */
void pt_file_free(struct pt_file *pf)
{
	free(pf->cases);
	free(pf->gen_path);
	doc_free(pf->doc);
	rs_free(&pf->kids);
}

/* The number of units of case c: its own and the others. */
size_t pt_case_units(const struct pt_case *c)
{
	return 1 + (c->others ? c->others->count : 0);
}
