/*
 * rank_xlsx.c - the ranking as an Excel workbook, written with
 * libxlsxwriter into a temporary file that is renamed over the target
 * only when the workbook is complete.
 */
#include "config.h"

#include "publish/rank_xlsx.h"

#include <stdio.h>

#ifdef HAVE_XLSXWRITER

#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xlsxw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define FIXED_COLS 7    /* rank, code, name, value, points, max, class */
#define NAME_WIDTH 45.0 /* the widest a name or text column gets */
#define NUM_WIDTH  24.0 /* the widest a value column gets (headers wrap) */
#define KEY_WIDTH  70.0 /* the Model sheet's values (a sha256 fits) */

/* The workbook being written, its sheet names, the model's precision. */
struct book {
	xlsxw_book x;
	char *bad_sheet; /* a sheet name libxlsxwriter refused */
	char **names;    /* sheet names in use */
	size_t nnames;
	int precision;
};

/* Writes a string cell (nothing for ""). */
static void put_str(struct book *b, xlsxw_sheet *s, size_t row, size_t col,
                    const char *text, lxw_format *f)
{
	xlsxw_str(&b->x, s, row, col, text, f);
}

/* Writes a published value as a number in the model's precision (nothing
 * for NAN: no value). */
static void put_value(struct book *b, xlsxw_sheet *s, size_t row, size_t col,
                      double v)
{
	if (!isnan(v))
		xlsxw_number(&b->x, s, row, col, numfmt_round(v, b->precision),
		             b->precision, 0);
}

/* Writes a number in the General format (maxima: "100", "57.5"). */
static void put_plain(struct book *b, xlsxw_sheet *s, size_t row, size_t col,
                      double v)
{
	if (!isnan(v))
		xlsxw_number(&b->x, s, row, col, numfmt_round(v, b->precision),
		             -1, 0);
}

/* Writes a rank as an integer (nothing for 0: not ranked). */
static void put_rank(struct book *b, xlsxw_sheet *s, size_t row, size_t col,
                     size_t rank)
{
	if (rank > 0)
		xlsxw_number(&b->x, s, row, col, (double)rank, -1, 0);
}

/* --- sheet names --------------------------------------------------------- */

/* 1 when name is already a sheet's (or reserved). */
static int name_used(const struct book *b, const char *name)
{
	size_t k;

	for (k = 0; k < b->nnames; k++)
		if (utf8_ascii_caseeq(b->names[k], name))
			return 1;
	return 0;
}

/* Records name as used. */
static void name_add(struct book *b, const char *name)
{
	b->names = xrealloc(b->names, (b->nnames + 1) * sizeof(*b->names));
	b->names[b->nnames++] = xstrdup(name);
}

/* 1 when the code point at s (len bytes) is a combining mark. */
static int starts_mark(const char *s, size_t len)
{
	unsigned cp;

	if (len == 0 || utf8_decode(s, len, &cp) == 0)
		return 0;
	return cp >= 0x300 && utf8_cp_width(cp) == 0;
}

/*
 * Appends to sb the longest prefix of s that is at most `units` UTF-16
 * code units long (Excel's measure), never leaving a letter without the
 * combining marks that follow it, and without trailing spaces; the
 * characters Excel refuses in a sheet name ([]:*?/\\ and controls, an
 * apostrophe first or last) become '_'.
 */
static void name_prefix(strbuf *sb, const char *s, size_t units)
{
	size_t len = strlen(s), used = 0, keep = 0, n, k, cost;
	unsigned cp;

	for (k = 0; k < len;) {
		n = utf8_decode(s + k, len - k, &cp);
		if (n == 0)
			n = 1;
		cost = cp > 0xFFFF ? 2 : 1;
		if (used + cost > units)
			break;
		used += cost;
		k += n;
		if (!starts_mark(s + k, len - k))
			keep = k;
	}
	while (keep > 0 && s[keep - 1] == ' ')
		keep--;
	for (k = 0; k < keep; k++) {
		unsigned char c = (unsigned char)s[k];

		if (c < 0x20 || c == 0x7F || strchr("[]:*?/\\", c) ||
		    (c == '\'' && (k == 0 || k + 1 == keep)))
			strbuf_putc(sb, '_');
		else
			strbuf_putc(sb, (char)c);
	}
}

/*
 * The sheet name for title: invalid characters replaced, at most 31
 * characters, "Title (2)" when the name is taken. Returns a new string
 * (caller frees), recorded as used.
 */
static char *sheet_name(struct book *b, const char *title)
{
	strbuf sb = STRBUF_INIT;
	char suffix[32];
	unsigned k;

	name_prefix(&sb, title ? title : "", LXW_SHEETNAME_MAX);
	if (sb.len == 0) {
		title = "Group";
		strbuf_puts(&sb, title);
	}
	for (k = 2; name_used(b, strbuf_str(&sb)); k++) {
		int n = snprintf(suffix, sizeof(suffix), " (%u)", k);

		strbuf_reset(&sb);
		name_prefix(&sb, title, LXW_SHEETNAME_MAX - (size_t)n);
		strbuf_puts(&sb, suffix);
	}
	name_add(b, strbuf_str(&sb));
	return strbuf_detach(&sb);
}

/*
 * Adds a worksheet with ncols columns to size, each at most cap wide:
 * named `fixed` exactly when not NULL (a reserved name), else after
 * title, made valid and unique.
 */
static int sheet_open(struct book *b, xlsxw_sheet *s, const char *fixed,
                      const char *title, size_t ncols, double cap)
{
	char *name = fixed ? xstrdup(fixed) : sheet_name(b, title);

	if (xlsxw_sheet_open(&b->x, s, name, ncols, cap) < 0) {
		if (!b->bad_sheet) {
			b->bad_sheet = name;
			name = NULL;
		}
		free(name);
		return -1;
	}
	free(name);
	return 0;
}

/* --- the sheets ---------------------------------------------------------- */

/* The class of unit u ("" for none): its name, else its id. */
static const char *class_of(const rank_table *t, const rs_unit *u)
{
	const rs_model *m = &t->set->models[u->model];
	const rs_named *k;

	if (u->klass < 0 || (size_t)u->klass >= m->nclasses)
		return "";
	k = &m->classes[u->klass];
	return k->name && *k->name ? k->name : k->id;
}

/* The headings of the ranking columns, into head (FIXED_COLS + 2 x
 * ncols entries), their text kept in bufs (one strbuf per entry). */
static void rank_headings(const rank_table *t, const char **head, strbuf *bufs)
{
	static const char *const fixed[FIXED_COLS] = {
	        "Hạng/Rank",   "Mã/Code",    "Tên/Name",      "Giá trị/Value",
	        "Điểm/Points", "Tối đa/Max", "Xếp loại/Class"};
	size_t c, i;

	for (c = 0; c < FIXED_COLS; c++)
		head[c] = fixed[c];
	if (t->by.kind != MEASURE_TOTAL) {
		strbuf_printf(&bufs[3], "Giá trị/Value (%s %s)", t->by.id,
		              t->by.name);
		head[3] = strbuf_str(&bufs[3]);
	}
	for (c = 0; c < t->ncols; c++) {
		i = FIXED_COLS + 2 * c;
		strbuf_printf(&bufs[i], "%s %s", t->cols[c].id,
		              t->cols[c].name);
		strbuf_printf(&bufs[i + 1], "Hạng %s", t->cols[c].id);
		head[i] = strbuf_str(&bufs[i]);
		head[i + 1] = strbuf_str(&bufs[i + 1]);
	}
}

/* One ranking sheet, named fixed or after title: rows [first, first +
 * count) of t. */
static void rank_sheet(struct book *b, const rank_table *t, const char *fixed,
                       const char *title, size_t first, size_t count)
{
	size_t ncells = FIXED_COLS + 2 * t->ncols, r, c, row, i;
	const char **head = xcalloc(ncells, sizeof(*head));
	strbuf *bufs = xcalloc(ncells, sizeof(*bufs));
	xlsxw_sheet s;

	if (sheet_open(b, &s, fixed, title, ncells, NUM_WIDTH) < 0)
		goto out;
	s.cap[2] = NAME_WIDTH;
	s.cap[6] = NAME_WIDTH;
	rank_headings(t, head, bufs);
	xlsxw_header(&b->x, &s, head, ncells);
	for (r = first, row = 1; r < first + count; r++, row++) {
		const rs_unit *u = &t->set->units[t->rows[r]];

		put_rank(b, &s, row, 0, t->rank[r]);
		put_str(b, &s, row, 1, u->code, NULL);
		put_str(b, &s, row, 2, u->name, NULL);
		put_value(b, &s, row, 3, t->value[r]);
		put_value(b, &s, row, 4, u->points);
		put_plain(b, &s, row, 5, u->max);
		put_str(b, &s, row, 6, class_of(t, u), NULL);
		for (c = 0; c < t->ncols; c++) {
			i = r * t->ncols + c;
			put_value(b, &s, row, FIXED_COLS + 2 * c,
			          t->col_value[i]);
			put_rank(b, &s, row, FIXED_COLS + 2 * c + 1,
			         t->col_rank[i]);
		}
	}
	xlsxw_sheet_close(&b->x, &s);
out:
	for (c = 0; c < ncells; c++)
		strbuf_release(&bufs[c]);
	free(bufs);
	free(head);
}

/* How t was grouped. */
static const char *grouping(const rank_table *t)
{
	return rank_grouping_name(t->group);
}

/* The Model sheet: each model's identity, the generator, what was
 * ranked and how. */
static void model_sheet(struct book *b, const rank_table *t)
{
	static const char *const keys[] = {"id",      "version",   "title",
	                                   "sha256",  "generator", "ranked by",
	                                   "grouping"};
	size_t nkeys = sizeof(keys) / sizeof(keys[0]);
	size_t nm = t->set->nmodels, k, row;
	strbuf by = STRBUF_INIT;
	xlsxw_sheet s;

	if (sheet_open(b, &s, "Model", NULL, 1 + (nm ? nm : 1), KEY_WIDTH) < 0)
		return;
	s.cap[0] = NUM_WIDTH;
	for (row = 0; row < nkeys; row++)
		put_str(b, &s, row, 0, keys[row], b->x.key);
	/* the ranking's model first, then any other (--allow-mixed-models) */
	for (k = 0; k < nm; k++) {
		size_t mi = k == 0 ? t->model : (k <= t->model ? k - 1 : k);
		const rs_model *m = &t->set->models[mi];

		put_str(b, &s, 0, k + 1, m->id, NULL);
		put_str(b, &s, 1, k + 1, m->version, NULL);
		put_str(b, &s, 2, k + 1, m->title, NULL);
		put_str(b, &s, 3, k + 1, m->sha256, NULL);
	}
	put_str(b, &s, 4, 1, PACKAGE_STRING, NULL);
	if (t->by.kind == MEASURE_TOTAL)
		strbuf_puts(&by, "total");
	else
		strbuf_printf(&by, "%s %s", t->by.id, t->by.name);
	put_str(b, &s, 5, 1, strbuf_str(&by), NULL);
	put_str(b, &s, 6, 1, grouping(t), NULL);
	xlsxw_sheet_close(&b->x, &s);
	strbuf_release(&by);
}

/* The Not ranked sheet: code, name, status and the first problem of each
 * unit not ranked. */
static void unranked_sheet(struct book *b, const rank_table *t)
{
	static const char *const head[] = {
	        "Mã/Code", "Tên/Name", "Trạng thái/Status", "Vấn đề/Problem"};
	size_t k;
	xlsxw_sheet s;

	if (sheet_open(b, &s, "Not ranked", NULL, 4, NUM_WIDTH) < 0)
		return;
	s.cap[1] = NAME_WIDTH;
	s.cap[3] = 2 * NAME_WIDTH;
	xlsxw_header(&b->x, &s, head, 4);
	for (k = 0; k < t->nunranked; k++) {
		const rs_unit *u = &t->set->units[t->unranked[k]];

		put_str(b, &s, k + 1, 0, u->code, NULL);
		put_str(b, &s, k + 1, 1, u->name, NULL);
		put_str(b, &s, k + 1, 2,
		        u->status == RS_INVALID ? "invalid" : "error", NULL);
		put_str(b, &s, k + 1, 3, u->nproblems ? u->problems[0] : "",
		        NULL);
	}
	xlsxw_sheet_close(&b->x, &s);
}

/* --- the workbook -------------------------------------------------------- */

/* Reserves the names of the fixed sheets. */
static void book_init(struct book *b, int precision)
{
	memset(b, 0, sizeof(*b));
	b->precision = precision;
	/* Excel reserves "History"; the fixed sheets keep their names */
	name_add(b, "History");
	name_add(b, "Ranking");
	name_add(b, "Model");
	name_add(b, "Not ranked");
}

/* Frees the sheet names. */
static void book_free(struct book *b)
{
	size_t k;

	for (k = 0; k < b->nnames; k++)
		free(b->names[k]);
	free(b->names);
	free(b->bad_sheet);
	b->names = NULL;
	b->nnames = 0;
	b->bad_sheet = NULL;
}

/* Writes every sheet of t into b. */
static void book_fill(struct book *b, const rank_table *t)
{
	size_t g;

	if (strcmp(grouping(t), "none") == 0) {
		rank_sheet(b, t, "Ranking", NULL, 0, t->nrows);
	} else {
		for (g = 0; g < t->ngroups; g++)
			rank_sheet(b, t, NULL, t->groups[g].title,
			           t->groups[g].first, t->groups[g].count);
	}
	model_sheet(b, t);
	if (t->nunranked > 0)
		unranked_sheet(b, t);
}

/* Built with libxlsxwriter: xlsx output works. */
int rank_xlsx_available(void)
{
	return 1;
}

/* Writes the workbook into a temporary file beside path, then renames it
 * over path; on any error the temporary file is removed. A path that is
 * not a file (a device, a FIFO, /dev/stdout) is refused. */
int rank_xlsx_write(const rank_table *t, const char *path, char *err,
                    size_t errsize)
{
	struct book b;
	int rc;

	book_init(&b, t->precision);
	if (xlsxw_open(&b.x, path, err, errsize) < 0) {
		book_free(&b);
		return -1;
	}
	book_fill(&b, t);
	rc = xlsxw_close(&b.x, !b.bad_sheet, path, err, errsize);
	if (b.bad_sheet)
		snprintf(err, errsize, _("%s: cannot name a sheet '%s'"), path,
		         b.bad_sheet);
	book_free(&b);
	return rc;
}

#else /* !HAVE_XLSXWRITER */

#include "util/xlsxw.h"

/* Built without libxlsxwriter: no xlsx output. */
int rank_xlsx_available(void)
{
	return 0;
}

/* Without libxlsxwriter: always fails, saying how to get xlsx output. */
int rank_xlsx_write(const rank_table *t, const char *path, char *err,
                    size_t errsize)
{
	xlsxw_book b;

	(void)t;
	return xlsxw_open(&b, path, err, errsize);
}

#endif
