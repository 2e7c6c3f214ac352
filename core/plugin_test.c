/*
 * plugin_test.c - running a plugin author's cases file: read and check
 * it, then for each case a one-indicator model and a one-unit data
 * record written in memory, loaded, evaluated and compared.
 */
#include "plugin_test.h"

#include "batch.h"
#include "data.h"
#include "doc.h"
#include "eval.h"
#include "model.h"
#include "numfmt.h"
#include "plugin_loader.h"
#include "results_set.h"
#include "schema.h"
#include "source.h"
#include "strbuf.h"

#include <math.h>
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

/* How a case checks the raw value. */
enum raw_check { RAW_ANY = 0, RAW_VALUE, RAW_NONE };

/* What one case expects. A NULL text is not checked. */
struct pt_expect {
	const char *prepare_error;   /* loading fails with this text */
	const char *prepare_warning; /* loading warns with this text */
	int status;                  /* chiso_status; ok unless given */
	int has_fraction;
	double fraction;
	double tolerance; /* of fraction and raw */
	enum raw_check raw_check;
	double raw;
	const char *note, *note_contains;
	const char *hint, *hint_contains;
};

/* One case. Every pointer is borrowed from the cases file's doc. */
struct pt_case {
	const doc_node *node; /* the case's map: unmapped places go here */
	const doc_node *name_node;
	const char *name;
	const doc_node *code;   /* NULL: the unit's code is "case" */
	const doc_node *params; /* NULL: the model gives none */
	const doc_node *values; /* NULL: no values */
	const doc_node *others; /* NULL: the unit is alone; else a list of
	                           value maps (or nulls), units other1... */
	const doc_node *points; /* NULL: 1 point */
	struct pt_expect ex;
};

/* The cases file, read and checked. Owns doc, gen_path, cases and
 * kids. */
struct pt_file {
	const char *path; /* as given (borrowed) */
	char *gen_path;   /* the name generated texts are loaded under */
	doc *doc;
	const doc_node *inputs;
	const doc_node *missing; /* NULL: the model's default */
	struct pt_case *cases;
	size_t ncases;
	rs_set kids;  /* the children results of "children:" */
	int has_kids; /* 0: no "children:" key */
};

/* Where a piece of generated text came from in the cases file. */
struct pt_pos {
	unsigned gline, gcol; /* in the generated text */
	unsigned line, col;   /* in the cases file */
};

/* A generated YAML text and the origins of its parts. Owns sb, pos. */
struct pt_text {
	strbuf sb;
	unsigned line;      /* the current line, 1-based */
	size_t line_start;  /* offset of the current line in sb */
	struct pt_pos *pos; /* in text order */
	size_t npos, cap;
	const doc_node *fallback; /* where unmapped places point */
};

/* One run: the plugin, the file and the tally. */
struct pt_run {
	const struct pt_file *pf;
	plugin_registry *reg;
	const char *method; /* the plugin's name (the registry's) */
	int verbose;
	FILE *out;
	size_t passed, failed;
};

/* What the indicator got for the case's unit. Strings are borrowed
 * from the batch's pool. */
struct pt_got {
	int status;
	double fraction;
	int has_raw;
	double raw;
	const char *note, *hint;
};

/* ---- reading the cases file ------------------------------------- */

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
static int read_file(struct pt_file *pf, const char *path, diag *d)
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

/* Frees what read_file() made. */
static void free_file(struct pt_file *pf)
{
	free(pf->cases);
	free(pf->gen_path);
	doc_free(pf->doc);
	rs_free(&pf->kids);
}

/* ---- generated text with its origins ---------------------------- */

/* An empty text whose unmapped places point at fallback. */
static void text_init(struct pt_text *t, const doc_node *fallback)
{
	memset(t, 0, sizeof(*t));
	t->line = 1;
	t->fallback = fallback;
}

/* Frees the text and its origins. */
static void text_free(struct pt_text *t)
{
	strbuf_release(&t->sb);
	free(t->pos);
}

/* Appends s, following its line breaks. */
static void text_puts(struct pt_text *t, const char *s)
{
	const char *nl;

	strbuf_puts(&t->sb, s);
	for (nl = strchr(s, '\n'); nl; nl = strchr(nl + 1, '\n')) {
		t->line++;
		t->line_start = t->sb.len - strlen(nl + 1);
	}
}

/* The current column in characters, as libyaml counts them. */
static unsigned text_col(const struct pt_text *t)
{
	unsigned col = 1;
	size_t i;

	for (i = t->line_start; i < t->sb.len; i++)
		if (((unsigned char)t->sb.data[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/* Records that what is written next comes from node n. */
static void text_mark(struct pt_text *t, const doc_node *n)
{
	struct pt_pos *p;

	if (!n || n->line == 0)
		return;
	if (t->npos == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->pos = xrealloc(t->pos, t->cap * sizeof(*t->pos));
	}
	p = &t->pos[t->npos++];
	p->gline = t->line;
	p->gcol = text_col(t);
	p->line = n->line;
	p->col = n->col;
}

/* 1 when s can be written as a plain scalar inside a flow collection
 * and reads back as the same text (conservative: else it is quoted). */
static int plain_safe(const char *s)
{
	size_t i, len = strlen(s);

	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ')
		return 0;
	if (strchr("?,[]{}#&*!|>'\"%@`", s[0]))
		return 0;
	if (s[0] == '-' && (len == 1 || s[1] == ' '))
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7f || strchr(",[]{}:#", ch))
			return 0;
	}
	return 1;
}

/* Appends s as a double-quoted YAML scalar. */
static void text_quoted(struct pt_text *t, const char *s)
{
	strbuf *sb = &t->sb;

	strbuf_putc(sb, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			strbuf_printf(sb, "\\%c", ch);
		else if (ch == '\n')
			strbuf_puts(sb, "\\n");
		else if (ch == '\t')
			strbuf_puts(sb, "\\t");
		else if (ch < 0x20 || ch == 0x7f)
			strbuf_printf(sb, "\\x%02x", ch);
		else
			strbuf_putc(sb, (char)ch);
	}
	strbuf_putc(sb, '"');
}

/* Appends a scalar as written: quoted stays quoted, plain stays plain
 * when it can (an empty plain scalar, YAML's null, writes nothing). */
static void text_scalar(struct pt_text *t, const doc_node *n)
{
	if (!n->quoted && n->len == 0)
		return;
	if (!n->quoted && plain_safe(n->text))
		strbuf_puts(&t->sb, n->text);
	else
		text_quoted(t, n->text);
}

/* Appends node n in flow style, recording where each part came from. */
static void text_node(struct pt_text *t, const doc_node *n)
{
	size_t i;

	text_mark(t, n);
	switch (n->kind) {
	case DOC_SCALAR:
		text_scalar(t, n);
		break;
	case DOC_MAP:
		strbuf_putc(&t->sb, '{');
		for (i = 0; i < n->count; i++) {
			strbuf_puts(&t->sb, i ? ", " : "");
			text_node(t, n->keys[i]);
			strbuf_puts(&t->sb, ": ");
			text_node(t, n->items[i]);
		}
		strbuf_putc(&t->sb, '}');
		break;
	case DOC_SEQ:
		strbuf_putc(&t->sb, '[');
		for (i = 0; i < n->count; i++) {
			strbuf_puts(&t->sb, i ? ", " : "");
			if (n->items[i]->kind == DOC_SCALAR &&
			    !n->items[i]->quoted && n->items[i]->len == 0)
				strbuf_puts(&t->sb, "~");
			else
				text_node(t, n->items[i]);
		}
		strbuf_putc(&t->sb, ']');
		break;
	}
}

/* Writes the one-indicator model of case c. */
static void build_model(const struct pt_run *run, const struct pt_case *c,
                        struct pt_text *t)
{
	const struct pt_file *pf = run->pf;
	size_t i;

	text_puts(t, "model:\n  id: plugin-test\n  version: \"1\"\n"
	             "  title: \"chiso plugin test\"\n");
	if (pf->missing) {
		text_puts(t, "  missing: ");
		text_node(t, pf->missing);
		text_puts(t, "\n");
	}
	text_puts(t, pf->inputs->count ? "inputs:\n" : "inputs: {}\n");
	for (i = 0; i < pf->inputs->count; i++) {
		text_puts(t, "  ");
		text_node(t, pf->inputs->keys[i]);
		text_puts(t, ": ");
		text_node(t, pf->inputs->items[i]);
		text_puts(t, "\n");
	}
	text_puts(t, "indices:\n  - id: \"1\"\n    name: ");
	text_mark(t, c->name_node);
	text_quoted(t, c->name);
	text_puts(t, "\n    points: ");
	if (c->points)
		text_node(t, c->points);
	else
		text_puts(t, "1");
	text_puts(t, "\n    method: ");
	text_puts(t, run->method);
	text_puts(t, "\n");
	if (c->params) {
		text_puts(t, "    params: ");
		text_node(t, c->params);
		text_puts(t, "\n");
	}
}

/* The number of units of case c: its own and the others. */
static size_t case_units(const struct pt_case *c)
{
	return 1 + (c->others ? c->others->count : 0);
}

/* Writes one unit of the data: "- { unit: { code: CODE }, values: V }"
 * on a line of its own. The line's places go to at; code is a node of
 * the cases file, or NULL for the text code_text; values may be NULL or
 * a null node (no values). */
static void build_unit(struct pt_text *t, const doc_node *at,
                       const doc_node *code, const char *code_text,
                       const doc_node *values)
{
	text_mark(t, at);
	text_puts(t, "  - { unit: { code: ");
	if (code)
		text_node(t, code);
	else
		text_quoted(t, code_text);
	text_puts(t, " }, values: ");
	if (values && !schema_is_null(values))
		text_node(t, values);
	else
		text_puts(t, "{}");
	text_puts(t, " }\n");
}

/* Writes the data of case c: its unit (code "case" unless given), then
 * one unit per item of others, codes other1, other2, ... */
static void build_data(const struct pt_case *c, struct pt_text *t)
{
	char code[32];
	size_t i;

	text_puts(t, "units:\n");
	build_unit(t, c->values ? c->values : c->node, c->code, "case",
	           c->values);
	for (i = 1; i < case_units(c); i++) {
		snprintf(code, sizeof(code), "other%zu", i);
		build_unit(t, c->others->items[i - 1], NULL, code,
		           c->others->items[i - 1]);
	}
}

/* The cases file's place of generated line:col. */
static void text_lookup(const struct pt_text *t, unsigned gline, unsigned gcol,
                        unsigned *line, unsigned *col)
{
	const struct pt_pos *best = NULL;
	size_t i;

	for (i = 0; i < t->npos; i++) {
		const struct pt_pos *p = &t->pos[i];

		if (p->gline == gline && p->gcol <= gcol &&
		    (!best || p->gcol >= best->gcol))
			best = p;
	}
	*line = best ? best->line : t->fallback->line;
	*col = best ? best->col : t->fallback->col;
}

/* Reads the digits at *s into *out, moving *s past them. Returns 0, or
 * -1 when there is no digit. */
static int read_uint(const char **s, unsigned *out)
{
	unsigned long v = 0;
	const char *p = *s;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9' && v < 100000000ul; p++)
		v = v * 10 + (unsigned long)(*p - '0');
	*out = (unsigned)v;
	*s = p;
	return 0;
}

/* Appends message text to out with a place in the generated text
 * ("GEN:LINE:COL: ...") moved to the cases file. */
static void map_place(const struct pt_file *pf, const struct pt_text *t,
                      const char *text, strbuf *out)
{
	size_t plen = strlen(pf->gen_path);
	unsigned gline, gcol, line, col;
	const char *p;

	if (strncmp(text, pf->gen_path, plen) != 0 || text[plen] != ':') {
		strbuf_puts(out, text);
		return;
	}
	p = text + plen + 1;
	if (read_uint(&p, &gline) < 0 || *p++ != ':' ||
	    read_uint(&p, &gcol) < 0 || *p != ':') {
		strbuf_printf(out, "%s:%s", pf->path, text + plen + 1);
		return;
	}
	text_lookup(t, gline, gcol, &line, &col);
	strbuf_printf(out, "%s:%u:%u%s", pf->path, line, col, p);
}

/* Copies the entries of src into dst, their places mapped back. */
static void map_diag(const struct pt_file *pf, const struct pt_text *t,
                     const diag *src, diag *dst)
{
	size_t i;

	for (i = 0; i < src->count; i++) {
		strbuf sb = STRBUF_INIT;

		map_place(pf, t, src->items[i].text, &sb);
		diag_at(dst, src->items[i].level, NULL, 0, 0, "%s",
		        strbuf_str(&sb));
		strbuf_release(&sb);
	}
}

/* ---- running the cases ------------------------------------------ */

/* Appends "; " between mismatches. */
static void add_sep(strbuf *fails)
{
	if (fails->len)
		strbuf_puts(fails, "; ");
}

/* Appends a detail line (indented under the case's line). */
static void add_detail(strbuf *details, const char *text)
{
	strbuf_printf(details, "     %s\n", text);
}

/* Appends every entry of d of the given level as detail lines. */
static void add_diag(strbuf *details, const diag *d, int errors_only)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (!errors_only || d->items[i].level == DIAG_ERROR)
			add_detail(details, d->items[i].text);
}

/* 1 when an entry of d of this level contains text. */
static int diag_has(const diag *d, diag_level level, const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (d->items[i].level == level &&
		    strstr(d->items[i].text, text))
			return 1;
	return 0;
}

/* Compares a text the plugin wrote with the exact and the contained
 * expectation; what names it ("note", "hint"). */
static void compare_text(const char *what, const char *got, const char *exact,
                         const char *contains, strbuf *fails)
{
	if (exact && strcmp(got, exact) != 0) {
		add_sep(fails);
		strbuf_printf(fails, "expected %s \"%s\", got \"%s\"", what,
		              exact, got);
	}
	if (contains && !strstr(got, contains)) {
		add_sep(fails);
		strbuf_printf(fails,
		              "expected %s containing \"%s\", got \"%s\"", what,
		              contains, got);
	}
}

/* Compares two numbers within the tolerance; what names them. */
static void compare_number(const char *what, double got, double want,
                           double tol, strbuf *fails)
{
	char g[NUMFMT_MAX], w[NUMFMT_MAX];

	if (fabs(got - want) <= tol)
		return;
	add_sep(fails);
	strbuf_printf(fails, "expected %s %s, got %s", what,
	              numfmt_exact(want, w), numfmt_exact(got, g));
}

/* Compares the raw value with the expectation. */
static void compare_raw(const struct pt_expect *ex, const struct pt_got *g,
                        strbuf *fails)
{
	char buf[NUMFMT_MAX];

	if (ex->raw_check == RAW_NONE && g->has_raw) {
		add_sep(fails);
		strbuf_printf(fails, "expected no raw value, got raw %s",
		              numfmt_exact(g->raw, buf));
	} else if (ex->raw_check == RAW_VALUE && !g->has_raw) {
		add_sep(fails);
		strbuf_printf(fails, "expected raw %s, got no raw value",
		              numfmt_exact(ex->raw, buf));
	} else if (ex->raw_check == RAW_VALUE) {
		compare_number("raw", g->raw, ex->raw, ex->tolerance, fails);
	}
}

/* Compares what the indicator got with what the case expects. */
static void compare(const struct pt_expect *ex, const struct pt_got *g,
                    strbuf *fails)
{
	if (g->status != ex->status) {
		add_sep(fails);
		strbuf_printf(fails, "expected status %s, got %s (note \"%s\")",
		              eval_status_name(ex->status),
		              eval_status_name(g->status), g->note);
	}
	if (ex->has_fraction)
		compare_number("fraction", g->fraction, ex->fraction,
		               ex->tolerance, fails);
	compare_raw(ex, g, fails);
	compare_text("note", g->note, ex->note, ex->note_contains, fails);
	compare_text("hint", g->hint, ex->hint, ex->hint_contains, fails);
}

/* Describes what the indicator got, for --verbose. */
static void describe_got(const struct pt_got *g, strbuf *details)
{
	char f[NUMFMT_MAX], r[NUMFMT_MAX];
	strbuf sb = STRBUF_INIT;

	strbuf_printf(&sb, "got: status %s, fraction %s, raw %s, note \"%s\"",
	              eval_status_name(g->status), numfmt_exact(g->fraction, f),
	              g->has_raw ? numfmt_exact(g->raw, r) : "none", g->note);
	if (*g->hint)
		strbuf_printf(&sb, ", hint \"%s\"", g->hint);
	add_detail(details, strbuf_str(&sb));
	strbuf_release(&sb);
}

/* Adds the problems of unit u (a refused value, or the missing: error
 * policy) as detail lines, their places mapped back. */
static void add_problems(const struct pt_file *pf, const struct pt_text *t,
                         const batch *b, size_t u, strbuf *details)
{
	size_t p;

	for (p = b->units[u].first_problem; p; p = b->problems[p - 1].next) {
		strbuf sb = STRBUF_INIT;

		map_place(pf, t, batch_str(b, b->problems[p - 1].text), &sb);
		add_detail(details, strbuf_str(&sb));
		strbuf_release(&sb);
	}
}

/* Checks the units of an evaluated case: the case's own must have been
 * scored; an other unit may be left out by the missing: error policy,
 * but not refused for its values. Returns 0, or -1 with the reasons in
 * fails and details. */
static int check_units(const struct pt_run *run, const struct pt_text *t,
                       const batch *b, strbuf *fails, strbuf *details)
{
	size_t u;
	int rc = 0;

	if (b->units[0].invalid) {
		strbuf_puts(fails, "the unit's values were refused");
		add_problems(run->pf, t, b, 0, details);
		rc = -1;
	}
	for (u = 1; u < b->nunits; u++) {
		if (!b->units[u].invalid || b->units[u].invalid_by_eval)
			continue;
		add_sep(fails);
		strbuf_printf(fails,
		              "the values of %s (item %zu of others) "
		              "were refused",
		              batch_str(b, b->units[u].code), u);
		add_problems(run->pf, t, b, u, details);
		rc = -1;
	}
	return rc;
}

/* Reads the case's values into b: its unit, then the others. Returns
 * 0, or -1 with the reason in fails and details. */
static int load_values(const struct pt_run *run, const struct pt_case *c,
                       batch *b, strbuf *fails, strbuf *details)
{
	struct pt_text t;
	diag raw = DIAG_INIT, mapped = DIAG_INIT;
	int rc = 0;

	text_init(&t, c->values ? c->values : c->node);
	build_data(c, &t);
	if (data_load_buffer(b, run->pf->gen_path, t.sb.data, t.sb.len, &raw) <
	            0 ||
	    b->nunits != case_units(c)) {
		map_diag(run->pf, &t, &raw, &mapped);
		strbuf_puts(fails, "the values could not be read");
		add_diag(details, &mapped, 0);
		rc = -1;
	} else {
		eval_batch(b);
		rc = check_units(run, &t, b, fails, details);
	}
	diag_free(&raw);
	diag_free(&mapped);
	text_free(&t);
	return rc;
}

/* Evaluates the case's unit with model m and compares the outcome. */
static void evaluate_case(const struct pt_run *run, const struct pt_case *c,
                          const chiso_model *m, strbuf *fails, strbuf *details)
{
	struct pt_got g;
	size_t ni, li;
	batch b;

	batch_init(&b, m);
	if (load_values(run, c, &b, fails, details) < 0) {
		batch_free(&b);
		return;
	}
	ni = BATCH_NODE(&b, 0, m->leaves[0]);
	li = BATCH_LEAF(&b, 0, 0);
	g.status = b.node_status[ni];
	g.fraction = b.leaf_fraction[li];
	g.has_raw = b.leaf_has_raw[li];
	g.raw = b.leaf_raw[li];
	g.note = batch_str(&b, b.leaf_note[li]);
	g.hint = batch_str(&b, b.leaf_hint[li]);
	compare(&c->ex, &g, fails);
	if (run->verbose || fails->len)
		describe_got(&g, details);
	batch_free(&b);
}

/* Checks the outcome of loading against a prepare_error case. */
static void check_prepare_error(const struct pt_run *run,
                                const struct pt_case *c, const chiso_model *m,
                                const diag *md, strbuf *fails, strbuf *details)
{
	const char *want = c->ex.prepare_error;

	if (m) {
		strbuf_printf(fails,
		              "expected a prepare error containing \"%s\", got "
		              "none: the model loaded",
		              want);
		add_diag(details, md, 0);
	} else if (!diag_has(md, DIAG_ERROR, want)) {
		strbuf_printf(fails,
		              "expected a prepare error containing \"%s\", got "
		              "other errors",
		              want);
		add_diag(details, md, 0);
	} else if (run->verbose) {
		add_diag(details, md, 0);
	}
}

/* Checks the warnings of a loaded model against the case. */
static void check_warnings(const struct pt_run *run, const struct pt_case *c,
                           const diag *md, strbuf *fails, strbuf *details)
{
	const char *want = c->ex.prepare_warning;

	if (want && !diag_has(md, DIAG_WARNING, want)) {
		strbuf_printf(fails,
		              "expected a prepare warning containing \"%s\", "
		              "got %s",
		              want, md->warnings ? "other warnings" : "none");
	}
	if (md->warnings && (!want || run->verbose || fails->len))
		add_diag(details, md, 0);
}

/* Prints the case's line and details, and counts it. */
static void report(struct pt_run *run, const struct pt_case *c,
                   const strbuf *fails, const strbuf *details)
{
	if (fails->len) {
		fprintf(run->out, "FAIL %s: %s\n", c->name, strbuf_str(fails));
		run->failed++;
	} else {
		fprintf(run->out, "ok   %s\n", c->name);
		run->passed++;
	}
	fputs(strbuf_str(details), run->out);
}

/* Runs one case: loads its model, then checks the load or evaluates. */
static void run_case(struct pt_run *run, const struct pt_case *c)
{
	strbuf fails = STRBUF_INIT, details = STRBUF_INIT;
	diag raw = DIAG_INIT, md = DIAG_INIT;
	model_env env = {NULL, 1};
	struct pt_text t;
	chiso_model *m;

	if (run->pf->has_kids)
		env.children = &run->pf->kids;
	text_init(&t, c->node);
	build_model(run, c, &t);
	m = model_load_buffer_env(run->pf->gen_path, t.sb.data, t.sb.len,
	                          run->reg, &env, &raw);
	map_diag(run->pf, &t, &raw, &md);
	if (c->ex.prepare_error) {
		check_prepare_error(run, c, m, &md, &fails, &details);
	} else if (!m) {
		strbuf_puts(&fails, "expected the model to load, got prepare "
		                    "errors");
		add_diag(&details, &md, 0);
	} else {
		check_warnings(run, c, &md, &fails, &details);
		evaluate_case(run, c, m, &fails, &details);
	}
	report(run, c, &fails, &details);
	model_free(m);
	diag_free(&raw);
	diag_free(&md);
	text_free(&t);
	strbuf_release(&fails);
	strbuf_release(&details);
}

/* The method name of a plugin file: its base name without ".so", in a
 * new string (caller frees), or NULL when it does not end in ".so". */
static char *method_of(const char *so_path)
{
	const char *base = strrchr(so_path, '/');
	size_t len;

	base = base ? base + 1 : so_path;
	len = strlen(base);
	if (len <= 3 || strcmp(base + len - 3, ".so") != 0)
		return NULL;
	return xstrndup(base, len - 3);
}

/* The directory of a plugin file, in a new string (caller frees). */
static char *dir_of(const char *so_path)
{
	const char *slash = strrchr(so_path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == so_path)
		return xstrdup("/");
	return xstrndup(so_path, (size_t)(slash - so_path));
}

/* Loads the plugin through a registry of its directory alone. Returns
 * the plugin, or NULL with an error in d. */
static const plugin_info *load_plugin(struct pt_run *run, const char *so_path,
                                      diag *d)
{
	char *name = method_of(so_path), *dir = dir_of(so_path);
	const plugin_info *pi = NULL;
	strbuf err = STRBUF_INIT;

	run->reg = plugin_registry_new();
	plugin_registry_add_dir(run->reg, dir);
	if (!name)
		diag_error(d, so_path, 0, 0,
		           "a method plugin file must be called NAME.so, "
		           "NAME being its method");
	else
		pi = plugin_registry_get(run->reg, name, &err);
	if (name && !pi)
		diag_error(d, NULL, 0, 0, "%s", strbuf_str(&err));
	strbuf_release(&err);
	free(name);
	free(dir);
	return pi;
}

int plugin_test_run(const char *so_path, const char *cases_path,
                    const plugin_test_opts *opts, FILE *out, diag *d)
{
	struct pt_run run = {0};
	struct pt_file pf;
	const plugin_info *pi;
	int file_ok;
	size_t i;

	run.out = out;
	run.verbose = opts && opts->verbose;
	pi = load_plugin(&run, so_path, d);
	file_ok = read_file(&pf, cases_path, d) == 0;
	if (!pi || !file_ok) {
		free_file(&pf);
		plugin_registry_free(run.reg);
		return PLUGIN_TEST_BAD;
	}
	run.pf = &pf;
	run.method = pi->name;
	fprintf(out, "plugin %s %s (ABI %u.%u), %zu case%s from %s\n", pi->name,
	        pi->desc->version,
	        (unsigned)CHISO_ABI_MAJOR_OF(pi->desc->abi_version),
	        (unsigned)CHISO_ABI_MINOR_OF(pi->desc->abi_version), pf.ncases,
	        pf.ncases == 1 ? "" : "s", cases_path);
	for (i = 0; i < pf.ncases; i++)
		run_case(&run, &pf.cases[i]);
	fprintf(out, "%zu passed, %zu failed\n", run.passed, run.failed);
	free_file(&pf);
	plugin_registry_free(run.reg);
	return run.failed ? PLUGIN_TEST_FAILED : PLUGIN_TEST_PASSED;
}
