/*
 * criteria_import.c - a criteria table read into a tree of codes, checked,
 * and written as a model skeleton (criteria_import.h). Reading the
 * cells is here; the table's state in criteria_table.c; the tree and its
 * checks in criteria_tree.c; the YAML in criteria_yaml.c.
 */
#include "modeldoc/criteria_import.h"

#include "modeldoc/criteria_internal.h"
#include "read/doc.h"
#include "read/sheet_rows.h"
#include "read/source.h"
#include "util/nfc.h"
#include "util/numfmt.h"
#include "util/suggest.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* The columns, by their English names. */
static const char *const col_names[] = {"code",       "name",   "group",
                                        "max_points", "method", "params",
                                        "mandatory",  "source", NULL};

/* The same columns as a Vietnamese table heads them (lower case, NFC). */
static const struct {
	const char *word;
	int col;
} col_words[] = {
        {"mã", CI_CODE},
        {"mã số", CI_CODE},
        {"mã tiêu chí", CI_CODE},
        {"tên", CI_NAME},
        {"tên tiêu chí", CI_NAME},
        {"nội dung", CI_NAME},
        {"nhóm", CI_GROUP},
        {"nhóm tiêu chí", CI_GROUP},
        {"điểm", CI_POINTS},
        {"điểm tối đa", CI_POINTS},
        {"bắt buộc", CI_MANDATORY},
        {"nguồn", CI_SOURCE},
};

/* The words of a mandatory cell (lower case, NFC): yes, then no. */
static const char *const mandatory_yes[] = {
        "mandatory", "bắt buộc", "bat buoc", "x", "yes",
        "có",        "co",       "true",     "1", NULL};
static const char *const mandatory_no[] = {"extended", "mở rộng", "mo rong",
                                           "no",       "không",   "khong",
                                           "false",    "0",       NULL};

/* The state of a table being read. */
struct reader {
	ci_table *t;
	sheet_rows *rows; /* during the read */
	int header_done;
};

/* 1 for the spaces trimmed around a cell: space, tab, no-break space. */
static size_t blank_at(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 &&
	    (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

/* Cell c of the row trimmed, as a new string (caller frees); "" past
 * the row's end. */
static char *trimmed(const csv_cell *cells, size_t n, int c)
{
	const char *s;
	size_t len, k;

	if (c < 0 || (size_t)c >= n)
		return xstrdup("");
	s = cells[c].text;
	len = cells[c].len;
	while ((k = blank_at(s, len)) > 0) {
		s += k;
		len -= k;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	                   (len >= 2 && (unsigned char)s[len - 2] == 0xC2 &&
	                    (unsigned char)s[len - 1] == 0xA0)))
		len -= s[len - 1] == ' ' || s[len - 1] == '\t' ? 1 : 2;
	return xstrndup(s, len);
}

/* 1 when every cell of the row is blank. */
static int blank_row(const csv_cell *cells, size_t n)
{
	size_t i;
	int blank = 1;

	for (i = 0; i < n && blank; i++) {
		char *s = trimmed(cells, n, (int)i);

		blank = *s == '\0';
		free(s);
	}
	return blank;
}

/* The column a header cell names, or -1. */
static int column_of(const char *head)
{
	char *low = nfc_lower(head, strlen(head));
	int col = -1;
	size_t i;

	for (i = 0; low && col_names[i] && col < 0; i++)
		if (strcmp(low, col_names[i]) == 0)
			col = (int)i;
	for (i = 0;
	     low && col < 0 && i < sizeof(col_words) / sizeof(*col_words); i++)
		if (strcmp(low, col_words[i].word) == 0)
			col = col_words[i].col;
	free(low);
	return col;
}

/* The header row: which column is which. */
static void read_header(ci_table *t, unsigned row, const csv_cell *cells,
                        size_t n)
{
	size_t i;

	for (i = 0; i < CI_NCOLS; i++)
		t->col[i] = -1;
	for (i = 0; i < n; i++) {
		char *h = trimmed(cells, n, (int)i);
		int c = *h ? column_of(h) : -2;

		if (c == -1) {
			const char *near =
			        suggest_closest(h, col_names, CI_NCOLS);

			ci_error(t, row, (unsigned)i + 1,
			         "unknown column '%s'%s%s%s; a criteria table "
			         "has the columns code, name, max_points and "
			         "optionally group, method, params, mandatory, "
			         "source",
			         h, near ? "; did you mean '" : "",
			         near ? near : "", near ? "'?" : "");
		} else if (c >= 0 && t->col[c] >= 0) {
			ci_error(t, row, (unsigned)i + 1,
			         "column '%s' appears twice (first in column "
			         "%d); keep one",
			         col_names[c], t->col[c] + 1);
		} else if (c >= 0) {
			t->col[c] = (int)i;
		}
		free(h);
	}
	for (i = 0; i <= CI_POINTS; i++)
		if (i != CI_GROUP && t->col[i] < 0)
			ci_error(t, row, 0,
			         "the header has no column '%s'; a criteria "
			         "table needs code, name and max_points",
			         col_names[i]);
}

/* Cell c of the row, trimmed and brought to NFC, as a new string
 * (caller frees); a cell that was not in NFC is said. */
static char *text_cell(ci_table *t, unsigned row, const csv_cell *cells,
                       size_t n, int c)
{
	char *s = trimmed(cells, n, c), *norm;
	size_t len;
	int changed = 0;

	norm = nfc_text(s, strlen(s), &len, &changed);
	if (!norm)
		return s; /* checked UTF-8 already: out of memory */
	if (changed) {
		t->normalized++;
		ci_warning(t, row, (unsigned)c + 1,
		           "the text was written in decomposed Unicode (NFD, "
		           "letters and accents apart); it is written in "
		           "composed form (NFC), which looks the same");
	}
	free(s);
	return norm;
}

/* Refuses a control character in a text (a line break and a tab are
 * kept: a cell may wrap). Returns 0, or -1 after the error. */
static int check_controls(ci_table *t, unsigned row, int c, const char *what,
                          const char *s)
{
	size_t i, len = strlen(s);

	for (i = 0; i < len;) {
		unsigned cp;
		size_t k = utf8_decode(s + i, len - i, &cp);

		if (k == 0)
			k = 1;
		if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0)) {
			ci_error(t, row, (unsigned)c + 1,
			         "the %s holds the control character U+%04X; "
			         "remove it",
			         what, cp);
			return -1;
		}
		i += k;
	}
	return 0;
}

/* 1 when s is a well-formed code: parts of letters and digits joined by
 * single dots, at most 64 bytes. */
static int code_ok(const char *s)
{
	size_t i, part = 0, len = strlen(s);

	if (len == 0 || len > 64)
		return 0;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == '.') {
			if (part == 0)
				return 0;
			part = 0;
		} else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		           (c >= 'A' && c <= 'Z')) {
			part++;
		} else {
			return 0;
		}
	}
	return part > 0;
}

/* The points cell. Returns 0 (empty: *has 0), or -1 after the error. */
static int read_points(ci_table *t, unsigned row, int c, const char *s,
                       ci_node *nd)
{
	int rc;

	nd->col_points = (unsigned)c + 1;
	if (!*s)
		return 0;
	rc = numfmt_parse(s, &nd->points);
	if (rc != 0) {
		const char *range = numfmt_range_text(rc);

		if (range)
			ci_error(t, row, (unsigned)c + 1, "max_points %s %s", s,
			         range);
		else if (strchr(s, ','))
			ci_error(t, row, (unsigned)c + 1,
			         "max_points '%s' is not a number; write "
			         "decimals with a point (2.5, not 2,5) and no "
			         "thousands separator",
			         s);
		else
			ci_error(t, row, (unsigned)c + 1,
			         "max_points '%s' is not a number; write the "
			         "points in digits, e.g. 10 or 2.5",
			         s);
		return -1;
	}
	if (nd->points < 0) {
		ci_error(t, row, (unsigned)c + 1,
		         "max_points %s is negative; points are 0 or more", s);
		return -1;
	}
	nd->has_points = 1;
	return 0;
}

/* The params cell: a mapping on one line, "{input: x, target: 0.9}",
 * checked by reading it. Returns 0, or -1 after the error. */
static int check_params(ci_table *t, unsigned row, int c, const char *s)
{
	strbuf place = STRBUF_INIT;
	diag d = DIAG_INIT;
	doc *dc;
	int rc = 0;

	if (!*s)
		return 0;
	if (s[0] != '{' || s[strlen(s) - 1] != '}' || strchr(s, '\n')) {
		ci_error(t, row, (unsigned)c + 1,
		         "params must be a mapping on one line in braces, "
		         "e.g. {input: officials_trained, target: 0.9}");
		return -1;
	}
	sheet_place(&place, t->path, t->sheet, row, (unsigned)c + 1);
	strbuf_puts(&place, " (params)");
	dc = source_parse(strbuf_str(&place), s, strlen(s), &doc_limits_model,
	                  &d);
	if (!dc || !dc->root || dc->root->kind != DOC_MAP) {
		if (!dc)
			diag_take(t->d, &d);
		else
			ci_error(t, row, (unsigned)c + 1,
			         "params must be a mapping, e.g. {input: x}");
		t->bad = 1;
		rc = -1;
	}
	doc_free(dc);
	diag_free(&d);
	strbuf_release(&place);
	return rc;
}

/* The mandatory cell into nd->kind. Returns 0, or -1 after the error. */
static int read_mandatory(ci_table *t, unsigned row, int c, const char *s,
                          ci_node *nd)
{
	char *low;
	size_t i;

	nd->kind = CI_KIND_NONE;
	if (!*s)
		return 0;
	low = nfc_lower(s, strlen(s));
	for (i = 0; low && mandatory_yes[i]; i++)
		if (strcmp(low, mandatory_yes[i]) == 0)
			nd->kind = CI_KIND_MANDATORY;
	for (i = 0; low && mandatory_no[i]; i++)
		if (strcmp(low, mandatory_no[i]) == 0)
			nd->kind = CI_KIND_EXTENDED;
	free(low);
	if (nd->kind != CI_KIND_NONE)
		return 0;
	ci_error(t, row, (unsigned)c + 1,
	         "mandatory '%s' is not a yes/no word: write có or x "
	         "(mandatory, bắt buộc), không (extended, mở rộng), or "
	         "leave it empty",
	         s);
	return -1;
}

/* The group of a row's group text: its number, a new one when first
 * seen; -1 for an empty text (taken over). */
static int group_of(ci_table *t, char *text, unsigned row)
{
	size_t i;

	if (!*text) {
		free(text);
		return -1;
	}
	for (i = 0; i < t->ngroups; i++)
		if (strcmp(t->groups[i].name, text) == 0) {
			free(text);
			return (int)i;
		}
	t->groups = xrealloc(t->groups, (t->ngroups + 1) * sizeof(*t->groups));
	t->groups[t->ngroups].name = text;
	t->groups[t->ngroups].row = row;
	t->groups[t->ngroups].root = -1;
	return (int)t->ngroups++;
}

/* A criterion's row into a new node. */
static void read_row(ci_table *t, unsigned row, const csv_cell *cells, size_t n)
{
	ci_node nd;
	char *points, *mandatory, *group;

	memset(&nd, 0, sizeof(nd));
	nd.row = row;
	nd.parent = -1;
	nd.group = -1;
	nd.code = trimmed(cells, n, t->col[CI_CODE]);
	if (!*nd.code)
		ci_error(t, row, (unsigned)t->col[CI_CODE] + 1,
		         "the code is empty; every criterion needs its code, "
		         "e.g. 1.2");
	else if (!code_ok(nd.code))
		ci_error(t, row, (unsigned)t->col[CI_CODE] + 1,
		         "code '%s' is malformed; a code is numbers or letters "
		         "joined by single dots, e.g. 4.22.3 (at most 64 "
		         "characters)",
		         nd.code);
	nd.name = text_cell(t, row, cells, n, t->col[CI_NAME]);
	if (!*nd.name)
		ci_error(t, row, (unsigned)t->col[CI_NAME] + 1,
		         "the name is empty; give the criterion's name as "
		         "published");
	else
		check_controls(t, row, t->col[CI_NAME], "name", nd.name);
	points = trimmed(cells, n, t->col[CI_POINTS]);
	read_points(t, row, t->col[CI_POINTS], points, &nd);
	free(points);
	nd.method = trimmed(cells, n, t->col[CI_METHOD]);
	nd.col_method = (unsigned)t->col[CI_METHOD] + 1;
	if (*nd.method &&
	    (strlen(nd.method) > 64 ||
	     strspn(nd.method, "abcdefghijklmnopqrstuvwxyz"
	                       "0123456789_") != strlen(nd.method)))
		ci_error(t, row, nd.col_method,
		         "method '%s' is not a method name (a-z, 0-9 and _, "
		         "as 'chiso plugins' lists them)",
		         nd.method);
	nd.params = trimmed(cells, n, t->col[CI_PARAMS]);
	check_params(t, row, t->col[CI_PARAMS], nd.params);
	if (*nd.params && !*nd.method)
		ci_error(t, row, (unsigned)t->col[CI_PARAMS] + 1,
		         "params without a method; give the method they are "
		         "for");
	mandatory = trimmed(cells, n, t->col[CI_MANDATORY]);
	read_mandatory(t, row, t->col[CI_MANDATORY], mandatory, &nd);
	free(mandatory);
	nd.source = text_cell(t, row, cells, n, t->col[CI_SOURCE]);
	check_controls(t, row, t->col[CI_SOURCE], "source", nd.source);
	group = text_cell(t, row, cells, n, t->col[CI_GROUP]);
	check_controls(t, row, t->col[CI_GROUP], "group", group);
	nd.group = group_of(t, group, row);
	ci_add(t, &nd);
}

/* A row of the table (sheet_row_fn). */
static int on_row(void *arg, sheet_rows *s, unsigned row, const csv_cell *cells,
                  size_t n)
{
	struct reader *r = arg;
	ci_table *t = r->t;
	const char *sheet = sheet_rows_sheet(s);

	if (sheet && !t->sheet)
		t->sheet = xstrdup(sheet);
	if (blank_row(cells, n) || (n > 0 && cells[0].text[0] == '#'))
		return 0;
	if (!r->header_done) {
		r->header_done = 1;
		read_header(t, row, cells, n);
		return t->bad ? -1 : 0;
	}
	read_row(t, row, cells, n);
	return 0;
}

int criteria_import(const char *path, const criteria_import_opts *o,
                    const doc_limits *lim, strbuf *out, diag *d,
                    criteria_import_stats *st)
{
	struct reader r;
	ci_table t;
	int rc = -1;

	memset(&t, 0, sizeof(t));
	memset(st, 0, sizeof(*st));
	t.path = path;
	t.d = d;
	memset(&r, 0, sizeof(r));
	r.t = &t;
	if (sheet_rows_read(path, lim, d, on_row, &r, t.sha256) < 0)
		goto done;
	if (!r.header_done) {
		ci_error(&t, 0, 0,
		         "no header row: the first row must name the columns "
		         "code, name, max_points (and optionally group, "
		         "method, params, mandatory, source)");
		goto done;
	}
	if (t.n == 0) {
		ci_error(&t, 0, 0,
		         "the table has no criteria: no row after the header");
		goto done;
	}
	if (t.bad || ci_build_tree(&t) < 0 || t.bad)
		goto done;
	ci_write_yaml(&t, o, out);
	ci_stats(&t, st);
	rc = 0;
done:
	ci_free(&t);
	return rc;
}
