/*
 * appraisal_read.c - an appraisal file read row by row (a CSV file or a
 * workbook through read/sheet_rows.c, or YAML through read/source.c) and
 * each decision checked against the model and the units appraised. An
 * input's corrected value is typed exactly as a data file's: the cell
 * goes through the table reader (eval/table_input.c) of a one-unit
 * scratch batch.
 */
#include "eval/appraisal.h"

#include "eval/data_file.h"
#include "eval/table_input.h"
#include "read/sheet_rows.h"
#include "read/source.h"
#include "util/dir_file.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/sha256.h"
#include "util/strbuf.h"
#include "util/suggest.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_UNIT, C_KIND, C_ID, C_VALUE, C_REASON, C_BY, C_AT, C_EVIDENCE, NCOLS };

static const char *const columns[] = {
        "unit", "kind", "id", "value", "reason", "by", "at", "evidence", NULL};
static const char *const kinds[] = {"input", "points", "na", NULL};

/* One row as read: its cells (trimmed) and where each is. */
struct row {
	const char *cell[NCOLS];
	unsigned line;                  /* the row (a YAML decision's line) */
	unsigned ln[NCOLS], col[NCOLS]; /* each cell's line and column */
};

/* The reading of one file. */
struct reader {
	appraisal *a;
	batch *b;
	const char *path, *stage;
	const char *sheet; /* a workbook's sheet, else NULL */
	diag *d;
	size_t first; /* the file's first decision */
	int header_seen, bad;
	char *text[NCOLS]; /* the current row's trimmed cells (CSV) */
};

/* Reports an error at line:col of the file (col 0: the row). */
static void error_at(struct reader *r, unsigned line, unsigned col,
                     const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

static void error_at(struct reader *r, unsigned line, unsigned col,
                     const char *fmt, ...)
{
	strbuf place = STRBUF_INIT;
	va_list ap;

	sheet_place(&place, r->path, r->sheet, line, col);
	va_start(ap, fmt);
	{
		strbuf msg = STRBUF_INIT;

		strbuf_vprintf(&msg, fmt, ap);
		diag_at(r->d, DIAG_ERROR, NULL, 0, 0, "%s: %s",
		        strbuf_str(&place), strbuf_str(&msg));
		strbuf_release(&msg);
	}
	va_end(ap);
	strbuf_release(&place);
	r->bad = 1;
}

/* Writes " (did you mean 'X'?)" into sb when one is close to word. */
static void did_you_mean(strbuf *sb, const char *word, const char *const *cands,
                         size_t n)
{
	const char *s = suggest_closest(word, cands, n);

	if (s)
		strbuf_printf(sb, _(" (did you mean '%s'?)"), s);
}

/* Reports the unknown name in cell c of a row: what ("NOUN 'NAME'
 * WHERE") and the suggestion in sb, which it releases. */
static void unknown(struct reader *r, const struct row *w, int c,
                    const char *what, strbuf *sb)
{
	error_at(r, w->ln[c], w->col[c], "%s%s", what, strbuf_str(sb));
	strbuf_release(sb);
}

/* The unit with this code, or -1 (not there) or -2 (more than once). */
static long find_unit(const batch *b, const char *code)
{
	long found = -1;
	size_t u;

	for (u = 0; u < b->nunits; u++) {
		if (strcmp(batch_str(b, b->units[u].code), code) != 0)
			continue;
		if (found >= 0)
			return -2;
		found = (long)u;
	}
	return found;
}

/* The unit of a row, or -1 after reporting why there is none. */
static long row_unit(struct reader *r, const struct row *w)
{
	const batch *b = r->b;
	long u = find_unit(b, w->cell[C_UNIT]);
	strbuf sb = STRBUF_INIT, what = STRBUF_INIT;
	size_t i;

	if (u >= 0 && !b->units[u].invalid)
		return u;
	if (u >= 0) {
		error_at(
		        r, w->ln[C_UNIT], w->col[C_UNIT],
		        _("unit %s is invalid in the results appraised: it was "
		          "not scored; fix its data and evaluate it again"),
		        w->cell[C_UNIT]);
		return -1;
	}
	if (u == -2) {
		error_at(r, w->ln[C_UNIT], w->col[C_UNIT],
		         _("unit %s is in the results appraised more than once "
		           "(several periods or stages); appraise one period "
		           "and "
		           "stage at a time"),
		         w->cell[C_UNIT]);
		return -1;
	}
	if (!diag_full(r->d)) {
		const char **codes = xcalloc(b->nunits + 1, sizeof(*codes));

		for (i = 0; i < b->nunits; i++)
			codes[i] = batch_str(b, b->units[i].code);
		did_you_mean(&sb, w->cell[C_UNIT], codes, b->nunits);
		free(codes);
	}
	strbuf_printf(&what, _("unit '%s' is not in the results appraised"),
	              w->cell[C_UNIT]);
	unknown(r, w, C_UNIT, strbuf_str(&what), &sb);
	strbuf_release(&what);
	return -1;
}

/* The indicator a points or na row names, or -1 after reporting. */
static int row_indicator(struct reader *r, const struct row *w)
{
	const chiso_model *m = r->b->model;
	int i = model_node_index(m, w->cell[C_ID]);
	strbuf sb = STRBUF_INIT, what = STRBUF_INIT;

	if (i >= 0 && m->nodes[i].is_leaf)
		return i;
	if (i >= 0) {
		error_at(r, w->ln[C_ID], w->col[C_ID],
		         _("node %s of model %s is an index, not an indicator: "
		           "decide on its indicators"),
		         w->cell[C_ID], m->id);
		return -1;
	}
	if (!diag_full(r->d)) {
		const char **ids = xcalloc(m->nleaves + 1, sizeof(*ids));
		size_t k;

		for (k = 0; k < m->nleaves; k++)
			ids[k] = m->nodes[m->leaves[k]].id;
		did_you_mean(&sb, w->cell[C_ID], ids, m->nleaves);
		free(ids);
	}
	strbuf_printf(&what, _("indicator '%s' is not in model %s"),
	              w->cell[C_ID], m->id);
	unknown(r, w, C_ID, strbuf_str(&what), &sb);
	strbuf_release(&what);
	return -1;
}

/* The input an input row names, or -1 after reporting. */
static int row_input(struct reader *r, const struct row *w)
{
	const chiso_model *m = r->b->model;
	int slot = model_input_slot(m, w->cell[C_ID]);
	const char *s;
	strbuf sb = STRBUF_INIT, what = STRBUF_INIT;

	if (slot >= 0)
		return slot;
	s = model_suggest_input(m, w->cell[C_ID]);
	if (s)
		strbuf_printf(&sb, _(" (did you mean '%s'?)"), s);
	strbuf_printf(&what, _("input '%s' is not in model %s"), w->cell[C_ID],
	              m->id);
	unknown(r, w, C_ID, strbuf_str(&what), &sb);
	strbuf_release(&what);
	return -1;
}

/* Where the scratch table's cells are: the value's place in the file. */
struct value_place {
	const struct reader *r;
	const struct row *w;
};

static void put_value_place(void *arg, strbuf *sb, unsigned line, unsigned col)
{
	const struct value_place *vp = arg;
	strbuf full = STRBUF_INIT;
	size_t skip = strlen(vp->r->path) + 1;

	(void)line;
	(void)col;
	sheet_place(&full, vp->r->path, vp->r->sheet, vp->w->ln[C_VALUE],
	            vp->w->col[C_VALUE]);
	strbuf_puts(sb, strbuf_str(&full) + skip);
	strbuf_release(&full);
}

/*
 * Types the value of an input row as a data file's cell of its input
 * (through a one-unit scratch batch) into *out (text in b's pool).
 * Returns 0, or -1 after reporting the data reader's problem.
 */
static int type_value(struct reader *r, const struct row *w, int slot,
                      unit_value *out)
{
	const chiso_model *m = r->b->model;
	struct value_place vp = {r, w};
	table_cell head[4], cells[4];
	const char *htext[4] = {"code", "name", "level", m->inputs[slot].id};
	const char *ctext[4] = {w->cell[C_UNIT], "", "", w->cell[C_VALUE]};
	batch scratch;
	diag sd = DIAG_INIT;
	data_file *df;
	table_input *t;
	size_t i, p;
	int rc = 0;

	batch_init(&scratch, m);
	df = data_file_open(&scratch, r->path, &sd);
	data_file_set_place(df, put_value_place, &vp);
	t = table_input_new(df, m, 0);
	for (i = 0; i < 4; i++) {
		memset(&head[i], 0, sizeof(head[i]));
		memset(&cells[i], 0, sizeof(cells[i]));
		head[i].text = htext[i];
		head[i].len = strlen(htext[i]);
		cells[i].text = ctext[i];
		cells[i].len = strlen(ctext[i]);
	}
	if (table_input_row(t, w->line, head, 4) < 0 ||
	    table_input_row(t, w->line, cells, 4) < 0 || scratch.nunits != 1) {
		error_at(r, w->ln[C_VALUE], w->col[C_VALUE],
		         _("value '%s' cannot be read for input %s"),
		         w->cell[C_VALUE], m->inputs[slot].id);
		rc = -1;
	} else if (scratch.units[0].invalid) {
		for (p = scratch.units[0].first_problem; p;
		     p = scratch.problems[p - 1].next)
			diag_at(r->d, DIAG_ERROR, NULL, 0, 0, "%s",
			        batch_str(&scratch,
			                  scratch.problems[p - 1].shown));
		r->bad = 1;
		rc = -1;
	} else {
		*out = batch_values(&scratch, 0)[slot];
		out->text =
		        out->text ? batch_intern_str(r->b, batch_str(&scratch,
		                                                     out->text))
		                  : 0;
		out->evidence = 0;
		out->comment = 0;
		if (!out->present) {
			error_at(
			        r, w->ln[C_VALUE], w->col[C_VALUE],
			        _("value is empty: an input decision gives the "
			          "corrected value of %s"),
			        m->inputs[slot].id);
			rc = -1;
		}
	}
	table_input_free(t);
	data_file_close(df);
	batch_free(&scratch);
	diag_free(&sd);
	return rc;
}

/* 1 when s is a date YYYY-MM-DD of the calendar. */
static int is_date(const char *s)
{
	static const int days[] = {31, 29, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	int y, mo, dd, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	mo = atoi(s + 5);
	dd = atoi(s + 8);
	if (mo < 1 || mo > 12 || dd < 1 || dd > days[mo - 1])
		return 0;
	return !(mo == 2 && dd == 29 &&
	         !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* The decision of this stage on the same target of the same unit, or
 * NULL. Borrowed from a. */
static const appr_decision *
same_target(const appraisal *a, const appr_decision *x, const char *stage)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		const appr_decision *y = &a->items[i];

		if (y->prior || strcmp(y->stage, stage) != 0 ||
		    y->unit != x->unit ||
		    (y->kind == APPR_INPUT) != (x->kind == APPR_INPUT) ||
		    y->target != x->target)
			continue;
		return y;
	}
	return NULL;
}

/* Checks the value of a points row into x->points. */
static int row_points(struct reader *r, const struct row *w, appr_decision *x)
{
	const model_node *node = &r->b->model->nodes[x->target];
	char buf[NUMFMT_MAX];

	if (numfmt_parse(w->cell[C_VALUE], &x->points) < 0 ||
	    !isfinite(x->points)) {
		error_at(r, w->ln[C_VALUE], w->col[C_VALUE],
		         _("points '%s' of indicator %s is not a number"),
		         w->cell[C_VALUE], node->id);
		return -1;
	}
	if (x->points < 0 || x->points > node->points) {
		error_at(r, w->ln[C_VALUE], w->col[C_VALUE],
		         _("points %s of indicator %s are outside 0 to its "
		           "maximum %s"),
		         w->cell[C_VALUE], node->id,
		         numfmt_exact(node->points, buf));
		return -1;
	}
	return 0;
}

/* The part of a row that depends on its kind. */
static int row_target(struct reader *r, const struct row *w, long u,
                      appr_decision *x)
{
	int t;

	if (x->kind == APPR_INPUT) {
		t = row_input(r, w);
		if (t < 0)
			return -1;
		x->target = (size_t)t;
		return type_value(r, w, t, &x->value);
	}
	t = row_indicator(r, w);
	if (t < 0)
		return -1;
	x->target = (size_t)t;
	(void)u;
	if (x->kind == APPR_POINTS)
		return row_points(r, w, x);
	if (*w->cell[C_VALUE]) {
		error_at(r, w->ln[C_VALUE], w->col[C_VALUE],
		         _("value '%s' given for kind na: leave it empty (the "
		           "indicator does not apply)"),
		         w->cell[C_VALUE]);
		return -1;
	}
	return 0;
}

/* The kind of a row, or -1 after reporting. */
static int row_kind(struct reader *r, const struct row *w)
{
	strbuf sb = STRBUF_INIT;
	int k;

	for (k = 0; kinds[k]; k++)
		if (strcmp(w->cell[C_KIND], kinds[k]) == 0)
			return k;
	did_you_mean(&sb, w->cell[C_KIND], kinds, 3);
	error_at(r, w->ln[C_KIND], w->col[C_KIND],
	         _("kind '%s' is not input, points or na%s"), w->cell[C_KIND],
	         strbuf_str(&sb));
	strbuf_release(&sb);
	return -1;
}

/* reason, by and at of a row. Returns 0, or -1 after reporting. */
static int row_why(struct reader *r, const struct row *w)
{
	int rc = 0;

	if (!*w->cell[C_REASON]) {
		error_at(r, w->ln[C_REASON], w->col[C_REASON],
		         _("reason is empty: every decision says why"));
		rc = -1;
	}
	if (!*w->cell[C_BY]) {
		error_at(r, w->ln[C_BY], w->col[C_BY],
		         _("by is empty: every decision says who made it"));
		rc = -1;
	}
	if (!is_date(w->cell[C_AT])) {
		error_at(r, w->ln[C_AT], w->col[C_AT],
		         _("at '%s' is not a date YYYY-MM-DD"), w->cell[C_AT]);
		rc = -1;
	}
	return rc;
}

/* With an evidence directory: each reference of the row is a file in
 * it, hashed into x. Returns 0, or -1 after reporting each that is not. */
static int check_evidence(struct reader *r, const struct row *w,
                          appr_decision *x)
{
	char **refs, sha[65];
	size_t n = appraisal_evidence_refs(w->cell[C_EVIDENCE], &refs), i;
	int rc = 0;

	for (i = 0; i < n; i++) {
		strbuf why = STRBUF_INIT;

		if (dir_file_hash(r->a->evidence_dir, refs[i], sha, &why) ==
		    0) {
			appraisal_evidence_add(x, refs[i], sha);
		} else {
			error_at(r, w->ln[C_EVIDENCE], w->col[C_EVIDENCE],
			         _("evidence '%s' %s (--evidence-dir %s)"),
			         refs[i], strbuf_str(&why), r->a->evidence_dir);
			rc = -1;
		}
		strbuf_release(&why);
		free(refs[i]);
	}
	free(refs);
	return rc;
}

/* Checks one decision row and adds it. */
static void decision_row(struct reader *r, const struct row *w)
{
	appr_decision x;
	const appr_decision *dup;
	strbuf src = STRBUF_INIT;
	long u;
	int k, why;

	memset(&x, 0, sizeof(x));
	why = row_why(r, w);
	u = row_unit(r, w);
	k = row_kind(r, w);
	if (u < 0 || k < 0)
		return;
	x.kind = (appr_kind)k;
	x.unit = (size_t)u;
	if (row_target(r, w, u, &x) < 0 || why < 0)
		return;
	dup = same_target(r->a, &x, r->stage);
	if (dup) {
		error_at(
		        r, w->ln[C_ID], w->col[C_ID],
		        x.kind == APPR_INPUT
		                ? _("a second decision on input %s of unit %s "
		                    "(the first at %s); one decision per "
		                    "target")
		                : _("a second decision on indicator %s of unit "
		                    "%s (the first at %s); one decision per "
		                    "target"),
		        w->cell[C_ID], w->cell[C_UNIT], dup->source);
		return;
	}
	if (r->a->evidence_dir && check_evidence(r, w, &x) < 0) {
		appraisal_release(&x);
		return;
	}
	sheet_place(&src, r->path, r->sheet, w->line, 0);
	x.reason = xstrdup(w->cell[C_REASON]);
	x.by = xstrdup(w->cell[C_BY]);
	x.at = xstrdup(w->cell[C_AT]);
	x.evidence = xstrdup(w->cell[C_EVIDENCE]);
	x.stage = xstrdup(r->stage);
	x.source = strbuf_detach(&src);
	if (r->a->n == r->a->cap) {
		r->a->cap = r->a->cap ? 2 * r->a->cap : 16;
		r->a->items =
		        xrealloc(r->a->items, r->a->cap * sizeof(*r->a->items));
	}
	r->a->items[r->a->n++] = x;
}

/* A copy of s[0..n) without the spaces and tabs around it. Caller frees
 * with free(). */
static char *trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* The header row: the columns exactly, in order. */
static int header_row(struct reader *r, unsigned row, const csv_cell *cells,
                      size_t n)
{
	size_t i;

	for (i = 0; i < NCOLS; i++) {
		char *name = i < n ? trimmed(cells[i].text, cells[i].len)
		                   : xstrdup("");
		int ok = strcmp(name, columns[i]) == 0;

		if (!ok)
			error_at(r, row, (unsigned)i + 1,
			         _("column %zu is '%s', not '%s': an appraisal "
			           "file's columns are exactly "
			           "unit,kind,id,value,reason,by,at,evidence"),
			         i + 1, name, columns[i]);
		free(name);
		if (!ok)
			return -1;
	}
	if (n > NCOLS) {
		error_at(r, row, NCOLS + 1,
		         _("a column past 'evidence': an appraisal file's "
		           "columns "
		           "are exactly "
		           "unit,kind,id,value,reason,by,at,evidence"));
		return -1;
	}
	r->header_seen = 1;
	return 0;
}

/* A row of a CSV file or worksheet (sheet_row_fn). */
static int on_row(void *arg, sheet_rows *s, unsigned row, const csv_cell *cells,
                  size_t n)
{
	struct reader *r = arg;
	struct row w;
	size_t i, used = 0;

	r->sheet = sheet_rows_sheet(s);
	if (n == 0 || (n == 1 && cells[0].len == 0))
		return 0; /* a blank row */
	if (!r->header_seen)
		return header_row(r, row, cells, n);
	memset(&w, 0, sizeof(w));
	w.line = row;
	for (i = 0; i < NCOLS; i++) {
		r->text[i] = i < n ? trimmed(cells[i].text, cells[i].len)
		                   : xstrdup("");
		w.cell[i] = r->text[i];
		w.ln[i] = row;
		w.col[i] = (unsigned)i + 1;
		used += *w.cell[i] != '\0';
	}
	for (i = NCOLS; i < n; i++)
		if (cells[i].len)
			error_at(r, row, (unsigned)i + 1,
			         _("a value in column %zu, past 'evidence'"),
			         i + 1);
	if (used)
		decision_row(r, &w);
	for (i = 0; i < NCOLS; i++) {
		free(r->text[i]);
		r->text[i] = NULL;
	}
	return 0;
}

/* A YAML decision's cell: its scalar's text, or "" (not given). */
static int yaml_cell(struct reader *r, const doc_node *map, size_t c,
                     struct row *w)
{
	const doc_node *v = doc_get(map, columns[c]);

	w->cell[c] = "";
	w->ln[c] = map->line;
	w->col[c] = map->col;
	if (!v)
		return 0;
	w->ln[c] = v->line;
	w->col[c] = v->col;
	if (v->kind != DOC_SCALAR) {
		error_at(r, v->line, v->col,
		         _("%s must be a single value, not %s"), columns[c],
		         _(doc_kind_name(v->kind)));
		return -1;
	}
	w->cell[c] = v->text ? v->text : "";
	return 0;
}

/* One mapping of a YAML file's "decisions". */
static void yaml_decision(struct reader *r, const doc_node *map)
{
	struct row w;
	size_t i;
	int bad = 0;

	if (map->kind != DOC_MAP) {
		error_at(r, map->line, map->col,
		         _("a decision is a mapping of unit, kind, id, value, "
		           "reason, by, at, evidence, not %s"),
		         _(doc_kind_name(map->kind)));
		return;
	}
	for (i = 0; i < map->count; i++) {
		strbuf sb = STRBUF_INIT;

		if (schema_unknown_key_tr(&sb, map->keys[i]->text, columns,
		                          N_("a decision"))) {
			error_at(r, map->keys[i]->line, map->keys[i]->col, "%s",
			         strbuf_str(&sb));
			bad = 1;
		}
		strbuf_release(&sb);
	}
	memset(&w, 0, sizeof(w));
	w.line = map->line;
	for (i = 0; i < NCOLS; i++)
		bad |= yaml_cell(r, map, i, &w) < 0;
	if (!bad)
		decision_row(r, &w);
}

/* A YAML file: {decisions: [...]}. Writes its SHA-256 to sha. */
static int read_yaml(struct reader *r, char sha[65])
{
	char *buf = NULL;
	size_t len = 0, i;
	doc *d;
	const doc_node *list;

	if (source_read_file(r->path, &r->b->limits, &buf, &len, r->d) < 0)
		return -1;
	sha256_hex(buf, len, sha);
	d = source_parse(r->path, buf, len, &r->b->limits, r->d);
	free(buf);
	if (!d)
		return -1;
	list = d->root && d->root->kind == DOC_MAP
	               ? doc_get(d->root, "decisions")
	               : NULL;
	if (!list || list->kind != DOC_SEQ || d->root->count != 1) {
		error_at(
		        r, d->root ? d->root->line : 0,
		        d->root ? d->root->col : 0,
		        _("an appraisal file in YAML holds one key, "
		          "'decisions': "
		          "a list of decisions (unit, kind, id, value, reason, "
		          "by, at, evidence)"));
		doc_free(d);
		return -1;
	}
	for (i = 0; i < list->count; i++)
		yaml_decision(r, list->items[i]);
	doc_free(d);
	return 0;
}

int appraisal_read_file(appraisal *a, batch *b, const char *path,
                        const char *stage, diag *d)
{
	struct reader r;
	char sha[65] = "";
	int rc;

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.b = b;
	r.path = path;
	r.stage = stage;
	r.d = d;
	r.first = a->n;
	if (source_is_csv(path) || source_is_workbook(path))
		rc = sheet_rows_read(path, &b->limits, d, on_row, &r, sha);
	else
		rc = read_yaml(&r, sha);
	if (rc == 0 && !r.bad && !r.header_seen &&
	    (source_is_csv(path) || source_is_workbook(path))) {
		error_at(&r, 0, 0,
		         _("no header row: an appraisal file starts with the "
		           "columns unit,kind,id,value,reason,by,at,evidence"));
	}
	if (rc < 0 || r.bad) {
		appraisal_drop(a, r.first);
		return -1;
	}
	appraisal_basis_add(a, "appraisal", path, sha);
	return 0;
}
