/*
 * merge_map.c - reading and checking a merger map.
 */
#include "publish/merge_map.h"

#include "read/csv_rows.h"
#include "read/source.h"
#include "util/i18n.h"
#include "util/read_limits.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* The reader's state while libcsv calls back. */
struct reader {
	merge_map *map;
	diag *d;
	char **fields; /* the row being read */
	size_t nfields;
	unsigned row;
	int col_code, col_name, col_old, col_parent, col_level;
	int header_done, bad;
};

/* libcsv: one more field of the current row. */
static void on_field(void *s, size_t len, void *arg)
{
	struct reader *r = arg;

	r->fields = xrealloc(r->fields, (r->nfields + 1) * sizeof(char *));
	r->fields[r->nfields++] = xstrndup(s ? s : "", s ? len : 0);
}

/* The trimmed field i of the row, or "". */
static const char *field(const struct reader *r, int i)
{
	char *f;
	size_t n;

	if (i < 0 || (size_t)i >= r->nfields)
		return "";
	f = r->fields[i];
	while (*f == ' ' || *f == '\t')
		memmove(f, f + 1, strlen(f));
	n = strlen(f);
	while (n > 0 &&
	       (f[n - 1] == ' ' || f[n - 1] == '\t' || f[n - 1] == '\r'))
		f[--n] = '\0';
	return f;
}

/* The header row: which column is which. */
static void read_header(struct reader *r)
{
	size_t i;

	r->col_code = r->col_name = r->col_old = -1;
	r->col_parent = r->col_level = -1;
	for (i = 0; i < r->nfields; i++) {
		const char *h = field(r, (int)i);
		int *slot = utf8_ascii_caseeq(h, "code")       ? &r->col_code
		            : utf8_ascii_caseeq(h, "name")     ? &r->col_name
		            : utf8_ascii_caseeq(h, "old_code") ? &r->col_old
		            : utf8_ascii_caseeq(h, "parent")   ? &r->col_parent
		            : utf8_ascii_caseeq(h, "level")    ? &r->col_level
		                                               : NULL;

		if (!slot) {
			diag_error(r->d, r->map->path, r->row, (unsigned)i + 1,
			           _("unknown column '%s': a merge map has the "
			             "columns code, old_code (and optionally "
			             "name, parent, level)"),
			           h);
			r->bad = 1;
		} else {
			*slot = (int)i;
		}
	}
	if (r->col_code < 0 || r->col_old < 0) {
		diag_error(r->d, r->map->path, r->row, 1,
		           _("the header must name the columns code and "
		             "old_code"));
		r->bad = 1;
	}
	r->header_done = 1;
	r->map->col_code = (unsigned)(r->col_code + 1);
	r->map->col_name = (unsigned)(r->col_name + 1);
	r->map->col_old = (unsigned)(r->col_old + 1);
	r->map->col_parent = (unsigned)(r->col_parent + 1);
	r->map->col_level = (unsigned)(r->col_level + 1);
}

/* One data row: a predecessor of a new unit. */
static void read_row(struct reader *r)
{
	const char *code = field(r, r->col_code);
	const char *old = field(r, r->col_old);
	merge_map *map = r->map;
	merge_row *row;

	if (!*code || !*old) {
		diag_error(r->d, map->path, r->row,
		           (unsigned)(*code ? r->col_old : r->col_code) + 1,
		           _("%s is empty"), *code ? "old_code" : "code");
		r->bad = 1;
		return;
	}
	map->rows = xrealloc(map->rows, (map->nrows + 1) * sizeof(*map->rows));
	row = &map->rows[map->nrows++];
	row->code = xstrdup(code);
	row->old = xstrdup(old);
	row->name = xstrdup(field(r, r->col_name));
	row->parent = xstrdup(field(r, r->col_parent));
	row->level = xstrdup(field(r, r->col_level));
	row->line = r->row;
}

/* libcsv: the end of a row. Blank rows and '#' comments are skipped. */
static void on_row(int c, void *arg)
{
	struct reader *r = arg;
	size_t i;
	int empty = 1;

	(void)c;
	r->row++;
	for (i = 0; i < r->nfields; i++)
		if (*field(r, (int)i))
			empty = 0;
	if (!empty && field(r, 0)[0] != '#') {
		if (!r->header_done)
			read_header(r);
		else if (!r->bad)
			read_row(r);
	}
	for (i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	r->nfields = 0;
}

/* A row by one of its texts, for sorting. */
struct key {
	const char *text;
	const merge_row *row;
};

/* By text, then by line. */
static int cmp_keys(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	if (c)
		return c;
	return (x->row->line > y->row->line) - (x->row->line < y->row->line);
}

/* A new array of map's rows sorted by old code (by_old) or by new code.
 * Caller frees. */
static struct key *sorted_by(const merge_map *map, int by_old)
{
	struct key *k = xmalloc((map->nrows + 1) * sizeof(*k));
	size_t i;

	for (i = 0; i < map->nrows; i++) {
		k[i].row = &map->rows[i];
		k[i].text = by_old ? map->rows[i].old : map->rows[i].code;
	}
	qsort(k, map->nrows, sizeof(*k), cmp_keys);
	return k;
}

/* An optional field of two rows of one code: both given and different. */
static int disagree(const char *a, const char *b)
{
	return *a && *b && strcmp(a, b) != 0;
}

/* By text only (bsearch of a code among the old codes). */
static int cmp_text(const void *a, const void *b)
{
	return strcmp(((const struct key *)a)->text,
	              ((const struct key *)b)->text);
}

/* No new code is an old code: a unit mapped to itself, two units
 * swapped (A into B, B into A) or a chain (A into B, B into C) would give
 * a merged unit the code of a predecessor, and compare would match the
 * two as one unit. by_old: the rows sorted by old code. */
static int check_codes(const merge_map *map, const struct key *by_old, diag *d)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < map->nrows; i++) {
		const merge_row *row = &map->rows[i];
		struct key want = {row->code, row};
		const struct key *hit = bsearch(&want, by_old, map->nrows,
		                                sizeof(*by_old), cmp_text);

		if (!hit)
			continue;
		if (strcmp(row->old, row->code) == 0)
			diag_error(d, map->path, row->line, map->col_code,
			           _("the row maps '%s' to itself; a merged "
			             "unit needs a code no predecessor has, or "
			             "compare would take it for that "
			             "predecessor"),
			           row->code);
		else
			diag_error(
			        d, map->path, row->line, map->col_code,
			        _("the new code '%s' is an old_code too (row "
			          "%u merges %s into %s); a merged unit needs "
			          "a code no predecessor has, or compare would "
			          "take it for that predecessor"),
			        row->code, hit->row->line, hit->row->old,
			        hit->row->code);
		rc = -1;
	}
	return rc;
}

/* No old code twice, no new code that is an old one; the rows of a new
 * code agree. */
static int check_rows(const merge_map *map, diag *d)
{
	struct key *k = sorted_by(map, 1);
	size_t i;
	int rc = check_codes(map, k, d);

	for (i = 1; i < map->nrows; i++) {
		const merge_row *a = k[i - 1].row, *b = k[i].row;

		if (strcmp(a->old, b->old) == 0) {
			diag_error(d, map->path, b->line, map->col_old,
			           _("old_code '%s' is merged twice (row %u "
			             "merges it into %s)"),
			           b->old, a->line, a->code);
			rc = -1;
		}
	}
	free(k);
	k = sorted_by(map, 0);
	for (i = 1; i < map->nrows; i++) {
		const merge_row *a = k[i - 1].row, *b = k[i].row;
		const char *what = NULL;
		unsigned col = 0;

		if (strcmp(a->code, b->code) != 0)
			continue;
		if (disagree(a->name, b->name)) {
			what = "name";
			col = map->col_name;
		} else if (disagree(a->parent, b->parent)) {
			what = "parent";
			col = map->col_parent;
		} else if (disagree(a->level, b->level)) {
			what = "level";
			col = map->col_level;
		}
		if (what) {
			diag_error(
			        d, map->path, b->line, col,
			        _("the rows of %s disagree on its %s (row %u "
			          "and this one); give it once, the same on "
			          "every row"),
			        b->code, what, a->line);
			rc = -1;
		}
	}
	free(k);
	return rc;
}

/* Gives to each optional field that from has and to lacks. */
static void copy_missing(merge_row *to, const merge_row *from)
{
	char **t[] = {&to->name, &to->parent, &to->level};
	char *const f[] = {from->name, from->parent, from->level};
	size_t j;

	for (j = 0; j < 3; j++)
		if (!**t[j] && *f[j]) {
			free(*t[j]);
			*t[j] = xstrdup(f[j]);
		}
}

/* An optional field given on only some rows of a code holds for them
 * all ("give it once"). */
static void fill_rows(merge_map *map)
{
	struct key *k = sorted_by(map, 0);
	size_t i;

	/* Forwards, then backwards: every row of a code gets each field. */
	for (i = 1; i < map->nrows; i++)
		if (strcmp(k[i - 1].row->code, k[i].row->code) == 0)
			copy_missing(&map->rows[k[i].row - map->rows],
			             k[i - 1].row);
	for (i = map->nrows; i-- > 1;)
		if (strcmp(k[i - 1].row->code, k[i].row->code) == 0)
			copy_missing(&map->rows[k[i - 1].row - map->rows],
			             k[i].row);
	free(k);
}

int merge_map_parse(merge_map *map, const char *path, const char *buf,
                    size_t len, diag *d)
{
	struct reader r;
	struct csv_parser p;
	size_t i, start = 0;

	memset(map, 0, sizeof(*map));
	map->path = path;
	memset(&r, 0, sizeof(r));
	r.map = map;
	r.d = d;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0)
		return -1;
	csv_set_delim(&p, (unsigned char)csv_rows_separator(buf, len));
	if (csv_parse(&p, buf + start, len - start, on_field, on_row, &r) !=
	            len - start ||
	    csv_fini(&p, on_field, on_row, &r) != 0) {
		diag_error(d, path, r.row + 1, 0, _("malformed CSV: %s"),
		           csv_strerror(csv_error(&p)));
		r.bad = 1;
	}
	csv_free(&p);
	for (i = 0; i < r.nfields; i++)
		free(r.fields[i]);
	free(r.fields);
	if (!r.bad && map->nrows == 0) {
		diag_error(d, path, 0, 0,
		           _("the map has no rows: nothing to merge"));
		r.bad = 1;
	}
	if (r.bad || check_rows(map, d) < 0) {
		merge_map_free(map);
		return -1;
	}
	fill_rows(map);
	return 0;
}

int merge_map_read(merge_map *map, const char *path, diag *d)
{
	doc_limits lim = doc_limits_model;
	char *buf;
	size_t len;
	int rc;

	memset(map, 0, sizeof(*map));
	map->path = path;
	lim.what = "a merge map";
	if (source_read_file(path, &lim, &buf, &len, d) < 0)
		return -1;
	rc = merge_map_parse(map, path, buf, len, d);
	free(buf);
	return rc;
}

void merge_map_free(merge_map *map)
{
	size_t i;

	for (i = 0; i < map->nrows; i++) {
		free(map->rows[i].code);
		free(map->rows[i].name);
		free(map->rows[i].parent);
		free(map->rows[i].level);
		free(map->rows[i].old);
	}
	free(map->rows);
	map->rows = NULL;
	map->nrows = 0;
}
