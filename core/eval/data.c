/*
 * data.c - units' data files into a batch, by format: YAML, JSON (read
 * one unit at a time), JSON Lines, CSV (csv_input.c) and .xlsx
 * workbooks (xlsx_input.c), each record
 * through data_file.c; then the units repeated across files, and the
 * problems to report.
 */
#include "eval/data.h"

#include "eval/csv_input.h"
#include "read/csv_rows.h"
#include "eval/data_file.h"
#include "eval/xlsx_input.h"
#include "read/json_reader.h"
#include "read/schema.h"
#include "read/source.h"
#include "util/i18n.h"
#include "util/progress.h"
#include "util/sort.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

/* --- JSON: validated once, then read one unit at a time -------------- */

struct json_walk {
	data_file *df;
	const schema_ctx *sc;  /* the file's name and diag */
	const doc_limits *lim; /* the batch's limits */
	const char *buf;
	json_span units;
	int has_units, results_doc, bad;
	const char *const *allowed;
};

/* The raw text of a key span (quotes dropped) into key (size 64). */
static void key_text(const char *buf, json_span k, char *key, size_t size)
{
	size_t n = k.end - k.start - 2;

	if (n >= size)
		n = size - 1;
	memcpy(key, buf + k.start + 1, n);
	key[n] = '\0';
}

/* First pass over the top level: where are the units, is it results? */
static int json_top(void *arg, json_span k, json_span v)
{
	struct json_walk *w = arg;
	char key[64];

	key_text(w->buf, k, key, sizeof(key));
	if (strcmp(key, "units") == 0) {
		w->units = v;
		w->has_units = 1;
	}
	if (strcmp(key, "generator") == 0 || strcmp(key, "model") == 0)
		w->results_doc = 1;
	return 0;
}

/* Second pass: every top-level key allowed, "format" supported. */
static int json_top_check(void *arg, json_span k, json_span v)
{
	struct json_walk *w = arg;
	strbuf sb = STRBUF_INIT;
	char key[64];
	doc *f;

	key_text(w->buf, k, key, sizeof(key));
	if (schema_unknown_key_tr(&sb, key, w->allowed, N_("a data file"))) {
		diag_error(w->sc->d, w->sc->file, k.line, k.col, "%s",
		           strbuf_str(&sb));
		w->bad = 1;
	}
	strbuf_release(&sb);
	if (strcmp(key, "format") == 0 && w->results_doc) {
		f = json_read_span(w->sc->file, w->buf, v, w->lim, w->sc->d);
		if (!f || data_file_check_format(w->df, f->root) < 0)
			w->bad = 1;
		doc_free(f);
	}
	return 0;
}

/* Reads one item of "units" as its own small document. */
static int json_unit(void *arg, json_span item)
{
	struct json_walk *w = arg;
	doc *rec = json_read_span(w->sc->file, w->buf, item, w->lim, w->sc->d);

	if (!rec) {
		data_file_fail(w->df);
		return -1;
	}
	data_file_record(w->df, rec->root);
	doc_free(rec);
	progress_tick(1);
	return 0;
}

/*
 * Big JSON batches and results documents: the text is validated whole,
 * then each unit is parsed on its own and dropped once read, so memory
 * holds the text and one unit's tree, not the whole file's.
 */
static int load_json(data_file *df, const char *buf, size_t len)
{
	const schema_ctx *sc = data_file_schema(df);
	const doc_limits *lim = data_file_limits(df);
	struct json_walk w;
	json_span root;
	size_t start;
	doc *top;
	int rc;

	if (json_validate(sc->file, buf, len, lim, sc->d, &start) < 0)
		return -1;
	root = json_root_span(buf, len, start);
	memset(&w, 0, sizeof(w));
	w.df = df;
	w.sc = sc;
	w.lim = lim;
	w.buf = buf;
	if (buf[root.start] == '{')
		json_each_member(buf, root, json_top, &w);
	if (!w.has_units) {
		top = json_read_span(sc->file, buf, root, lim, sc->d);
		if (!top)
			return -1;
		rc = data_file_document(df, top->root);
		doc_free(top);
		return rc;
	}
	w.allowed = data_file_top_keys(w.results_doc);
	json_each_member(buf, root, json_top_check, &w);
	if (w.bad)
		return -1;
	data_file_results_doc(df, w.results_doc);
	if (buf[w.units.start] != '[') {
		diag_error(sc->d, sc->file, w.units.line, w.units.col,
		           _("units must be a list, not %s"),
		           buf[w.units.start] == '{' ? _("a mapping")
		                                     : _("a scalar"));
		return -1;
	}
	return json_each_item(buf, w.units, json_unit, &w);
}

/* --- JSON Lines: one unit record per line ---------------------------- */

/* Each non-blank line is a record, read and dropped in turn. */
static int load_jsonl(data_file *df, const char *buf, size_t len)
{
	const schema_ctx *sc = data_file_schema(df);
	const doc_limits *lim = data_file_limits(df);
	size_t pos = 0;
	unsigned line = 1;

	if (limits_check_file(sc->d, sc->file, len, lim) < 0)
		return -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - buf) : len;
		size_t i = pos;
		json_span sp = {pos, end, line, 1};
		doc *rec;

		while (i < end &&
		       (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r'))
			i++;
		if (i < end) {
			if (json_validate_span(sc->file, buf, sp, sc->d) < 0)
				return -1;
			rec = json_read_span(sc->file, buf, sp, lim, sc->d);
			if (!rec)
				return -1;
			data_file_record(df, rec->root);
			doc_free(rec);
			progress_tick(1);
		}
		pos = end + 1;
		line++;
	}
	return 0;
}

/* Reads a whole document; rolls the batch back on a file error. */
int data_load_buffer(batch *b, const char *path, const char *buf, size_t len,
                     diag *d)
{
	data_file *df = data_file_open(b, path, d);
	doc *parsed;

	if (source_is_jsonl(path)) {
		if (load_jsonl(df, buf, len) < 0)
			data_file_fail(df);
	} else if (source_is_csv(path)) {
		if (csv_input_load(df, b->model, buf, len) < 0)
			data_file_fail(df);
	} else if (source_is_workbook(path)) {
		if (xlsx_input_load(df, b->model, buf, len) < 0)
			data_file_fail(df);
	} else if (source_is_json(path)) {
		if (load_json(df, buf, len) < 0)
			data_file_fail(df);
	} else {
		parsed = source_parse(path, buf, len, &b->limits, d);
		if (!parsed || data_file_document(df, parsed->root) < 0)
			data_file_fail(df);
		doc_free(parsed);
	}
	return data_file_close(df);
}

/* Reads the file, then data_load_buffer, showing progress on a terminal. */
int data_load_file(batch *b, const char *path, diag *d)
{
	char *buf;
	size_t len;
	int rc;
	char what[80];

	if (source_read_file_as(path, &b->limits,
	                        source_is_csv(path)        ? &csv_source_kind
	                        : source_is_workbook(path) ? &source_kind_binary
	                                                   : &source_kind_text,
	                        &buf, &len, d) < 0)
		return -1;
	snprintf(what, sizeof(what), _("reading %.60s"), path);
	progress_start(what, 0);
	rc = data_load_buffer(b, path, buf, len, d);
	progress_done();
	free(buf);
	return rc;
}

/* Orders unit indices of the batch ctx by code, period, stage, then by
 * position. */
static int cmp_units(const void *pa, const void *pb, void *ctx)
{
	const batch *b = ctx;
	size_t a = *(const size_t *)pa, bb = *(const size_t *)pb;
	const unit_rec *ua = &b->units[a], *ub = &b->units[bb];
	int c = strcmp(batch_str(b, ua->code), batch_str(b, ub->code));

	if (c == 0)
		c = strcmp(batch_str(b, ua->period), batch_str(b, ub->period));
	if (c == 0)
		c = strcmp(batch_str(b, ua->stage), batch_str(b, ub->stage));
	if (c == 0)
		c = (a > bb) - (a < bb);
	return c;
}

/* The problem of unit u, a duplicate of prev: stored in English, shown in
 * the run's language. */
static void dup_problem(batch *b, size_t u, const unit_rec *cur,
                        const unit_rec *prev)
{
	strbuf text = STRBUF_INIT, shown = STRBUF_INIT;

	strbuf_printf(&text,
	              "%s: unit %s: appears twice for period '%s' and stage "
	              "%s (first at %s)",
	              batch_str(b, cur->place), batch_str(b, cur->code),
	              batch_str(b, cur->period), batch_str(b, cur->stage),
	              batch_str(b, prev->place));
	strbuf_printf(&shown,
	              _("%s: unit %s: appears twice for period '%s' and stage "
	                "%s (first at %s)"),
	              batch_str(b, cur->place), batch_str(b, cur->code),
	              batch_str(b, cur->period), batch_str(b, cur->stage),
	              batch_str(b, prev->place));
	batch_problem_add2(b, u, strbuf_str(&text), strbuf_str(&shown));
	strbuf_release(&text);
	strbuf_release(&shown);
}
/* Sorts unit indices and marks repeats invalid. */
void data_check_duplicates(batch *b)
{
	size_t *order, i;

	if (b->nunits < 2)
		return;
	order = xmalloc(b->nunits * sizeof(*order));
	for (i = 0; i < b->nunits; i++)
		order[i] = i;
	sort_stable(order, b->nunits, sizeof(*order), cmp_units, b);
	for (i = 1; i < b->nunits; i++) {
		const unit_rec *prev = &b->units[order[i - 1]];
		unit_rec *cur = &b->units[order[i]];

		if (strcmp(batch_str(b, prev->code), batch_str(b, cur->code)) ||
		    strcmp(batch_str(b, prev->period),
		           batch_str(b, cur->period)) ||
		    strcmp(batch_str(b, prev->stage), batch_str(b, cur->stage)))
			continue;
		cur->invalid = 1;
		dup_problem(b, order[i], cur, prev);
	}
	free(order);
}

/* Copies every unit problem into d, in the run's language. */
void data_report_problems(const batch *b, diag *d)
{
	size_t u, p;

	for (u = 0; u < b->nunits; u++)
		for (p = b->units[u].first_problem; p;
		     p = b->problems[p - 1].next)
			diag_at(d, DIAG_ERROR, NULL, 0, 0, "%s",
			        batch_str(b, b->problems[p - 1].shown));
}
