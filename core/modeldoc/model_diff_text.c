/*
 * model_diff_text.c - the reports for people: an aligned table (the
 * default) and Markdown. Both list the changes per section (change, id,
 * name or field, before, after), then the main indices with their
 * points in A and B, then the summary line.
 */
#include "modeldoc/model_diff_internal.h"

#include "util/escape.h"
#include "util/i18n.h"
#include "util/markup.h"
#include "util/numfmt.h"
#include "util/texttable.h"

#include <string.h>

/* Caps of the table's name and before/after columns. */
#define NAME_COLS  32
#define VALUE_COLS 48

/* --- the cells both reports show -------------------------------------- */

/* Appends s on one line: for the table, line breaks and tabs as spaces
 * (the table escapes the rest); for Markdown, escaped as Markdown
 * (util/markup.h). */
static void one_line(strbuf *sb, const char *s, int md)
{
	if (md) {
		markup_text(sb, s, MARKUP_MD, MARKUP_KEEP_INWORD_UNDERSCORE);
		return;
	}
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			strbuf_putc(sb, ' ');
		else
			strbuf_putc(sb, *s);
	}
}

/* s in the run's language, s marked N_("context|text"): the text after
 * the '|' while it is not translated (the context tells apart words
 * that English writes alike, "Name" of a unit or of an indicator). */
static const char *tr(const char *s)
{
	const char *t = _(s), *bar = strchr(t, '|');

	return bar ? bar + 1 : t;
}

/* The third column: a node's name, else the field that changed.
 * Static or borrowed from d's models. */
static const char *change_name(const model_diff *d, const md_change *c)
{
	int i;
	const chiso_model *m = md_item_of(d, c, &i);

	if (c->section != MD_NODE)
		return c->field ? c->field : "";
	return i < 0 ? _("(main indices)") : m->nodes[i].name;
}

enum { COL_CHANGE, COL_ID, COL_NAME, COL_BEFORE, COL_AFTER, NCOLS };

/* Fills the five cells of change c. */
static void change_cells(const model_diff *d, const md_change *c, int md,
                         strbuf *cells)
{
	strbuf t = STRBUF_INIT;
	size_t k;

	for (k = 0; k < NCOLS; k++)
		strbuf_reset(&cells[k]);
	one_line(&cells[COL_CHANGE], _(md_change_label(c)), md);
	one_line(&cells[COL_ID], md_change_id(d, c), md);
	one_line(&cells[COL_NAME], change_name(d, c), md);
	md_side_text(d, c, 0, &t);
	one_line(&cells[COL_BEFORE], strbuf_str(&t), md);
	strbuf_reset(&t);
	md_side_text(d, c, 1, &t);
	one_line(&cells[COL_AFTER], strbuf_str(&t), md);
	strbuf_release(&t);
}

static const char *const section_titles[MD_NSECTIONS] = {
        N_("Indicators and groups"), N_("Inputs"), N_("Views"), N_("Classes"),
        N_("Model")};
static const char *const head_node[NCOLS] = {N_("Change"), N_("ID"),
                                             N_("indicator|Name"), N_("Before"),
                                             N_("After")};
static const char *const head_other[NCOLS] = {
        N_("Change"), N_("ID"), N_("Field"), N_("Before"), N_("After")};

/* The n headings of head from first, in the run's language, into out. */
static void headings(const char *const *head, size_t first, size_t n,
                     const char **out)
{
	size_t k;

	for (k = 0; k < n; k++)
		out[k] = tr(head[first + k]);
}

/* The number of changes in section s. */
static size_t section_count(const model_diff *d, md_section s)
{
	size_t k, n = 0;

	for (k = 0; k < d->nchanges; k++)
		n += d->changes[k].section == s;
	return n;
}

/* The first column shown: the model section has no change or id. */
static size_t first_col(md_section s)
{
	return s == MD_MODEL ? COL_NAME : 0;
}

/* A change in points, "+5", "-2.5" or "0"; "" when have is 0. buf has
 * NUMFMT_MAX + 1 bytes. Returns a pointer into buf (the caller's). */
static const char *change_text(double x, int have, char *buf)
{
	buf[0] = '\0';
	if (!have)
		return buf;
	numfmt_trim(x, 10, buf + 1);
	if (buf[1] == '-' || strcmp(buf + 1, "0") == 0)
		return buf + 1;
	buf[0] = '+';
	return buf;
}

enum { IX_ID, IX_NAME, IX_A, IX_B, IX_CHANGE, NIX };

/* The cells of main index row r, or of the total for NULL. */
static void index_cells(const model_diff *d, const md_index *r,
                        const char **cells, char (*buf)[NUMFMT_MAX + 1])
{
	double pa = d->a->total_points, pb = d->b->total_points;
	int ha = 1, hb = 1;

	cells[IX_ID] = _("Total");
	cells[IX_NAME] = "";
	if (r) {
		const model_node *n =
		        r->b >= 0 ? &d->b->nodes[r->b] : &d->a->nodes[r->a];

		cells[IX_ID] = n->id;
		cells[IX_NAME] = n->name;
		ha = r->a >= 0;
		hb = r->b >= 0;
		pa = ha ? d->a->nodes[r->a].points : 0;
		pb = hb ? d->b->nodes[r->b].points : 0;
	}
	cells[IX_A] = ha ? numfmt_exact(pa, buf[0]) : "";
	cells[IX_B] = hb ? numfmt_exact(pb, buf[1]) : "";
	cells[IX_CHANGE] = change_text(pb - pa, ha && hb, buf[2]);
}

static const char *const head_index[NIX] = {N_("ID"), N_("indicator|Name"),
                                            N_("Points A"), N_("Points B"),
                                            N_("Change")};

/* "diff-test 2023 · Title · sha256 0123456789ab · 100 points". */
static void side_line(const chiso_model *m, strbuf *sb)
{
	char buf[NUMFMT_MAX];

	strbuf_printf(sb, _("%s %s · %s · sha256 %.12s · %s points"), m->id,
	              m->version, m->title, m->sha256,
	              numfmt_exact(m->total_points, buf));
}

/* --- table ------------------------------------------------------------ */

/* One section's aligned table, under its title. */
static void table_section(const model_diff *d, md_section s, FILE *f)
{
	size_t first = first_col(s), nc = NCOLS - first, k, i;
	const char *row[NCOLS];
	strbuf cells[NCOLS];
	texttable *t;

	if (!section_count(d, s))
		return;
	memset(cells, 0, sizeof(cells));
	t = texttable_new(nc);
	if (s == MD_NODE)
		texttable_max(t, COL_NAME, NAME_COLS);
	texttable_max(t, COL_BEFORE - first, VALUE_COLS);
	texttable_max(t, COL_AFTER - first, VALUE_COLS);
	headings(s == MD_NODE ? head_node : head_other, first, nc, row);
	texttable_row(t, row);
	for (k = 0; k < d->nchanges; k++) {
		if (d->changes[k].section != s)
			continue;
		change_cells(d, &d->changes[k], 0, cells);
		for (i = 0; i < nc; i++)
			row[i] = strbuf_str(&cells[first + i]);
		texttable_row(t, row);
	}
	fprintf(f, "%s:\n", _(section_titles[s]));
	texttable_print(t, f);
	fputc('\n', f);
	for (i = 0; i < NCOLS; i++)
		strbuf_release(&cells[i]);
	texttable_free(t);
}

/* The main indices with their points on each side, and the total. */
static void table_indices(const model_diff *d, FILE *f)
{
	const char *cells[NIX];
	char buf[3][NUMFMT_MAX + 1];
	texttable *t = texttable_new(NIX);
	size_t k;

	texttable_max(t, IX_NAME, NAME_COLS);
	texttable_right(t, IX_A);
	texttable_right(t, IX_B);
	texttable_right(t, IX_CHANGE);
	headings(head_index, 0, NIX, cells);
	texttable_row(t, cells);
	for (k = 0; k < d->nindices; k++) {
		index_cells(d, &d->indices[k], cells, buf);
		texttable_row(t, cells);
	}
	index_cells(d, NULL, cells, buf);
	texttable_row(t, cells);
	fputs(_("Main indices:\n"), f);
	texttable_print(t, f);
	fputc('\n', f);
	texttable_free(t);
}

/* The aligned report. */
void md_write_table(const model_diff *d, FILE *f)
{
	strbuf sb = STRBUF_INIT;
	size_t s;

	escape_fprintf(f, _("Model diff: %s → %s\n"), d->a->path, d->b->path);
	strbuf_puts(&sb, "A: ");
	side_line(d->a, &sb);
	escape_fprintf(f, "%s\n", strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_puts(&sb, "B: ");
	side_line(d->b, &sb);
	escape_fprintf(f, "%s\n", strbuf_str(&sb));
	fputc('\n', f);
	if (!d->identical && d->nchanges) {
		for (s = 0; s < MD_NSECTIONS; s++)
			table_section(d, (md_section)s, f);
		table_indices(d, f);
	}
	strbuf_reset(&sb);
	md_summary(d, &sb);
	escape_fprintf(f, "%s\n", strbuf_str(&sb));
	strbuf_release(&sb);
}

/* --- Markdown --------------------------------------------------------- */

/* One table row: "| a | b |". */
static void md_row(FILE *f, const char *const *cells, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		fprintf(f, "| %s ", cells[k]);
	fputs("|\n", f);
}

/* A row of the identity table, the texts made safe for a cell (code 1:
 * x and y are hex digits, written in code font). */
static void md_identity_row(FILE *f, const char *what, const char *x,
                            const char *y, int code)
{
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;
	const char *cells[3];

	if (code && markup_code_safe(x) && markup_code_safe(y)) {
		strbuf_printf(&p, "`%s`", x);
		strbuf_printf(&q, "`%s`", y);
	} else {
		one_line(&p, x, 1);
		one_line(&q, y, 1);
	}
	cells[0] = what;
	cells[1] = strbuf_str(&p);
	cells[2] = strbuf_str(&q);
	md_row(f, cells, 3);
	strbuf_release(&p);
	strbuf_release(&q);
}

/* The two models side by side. */
static void md_identity(const model_diff *d, FILE *f)
{
	char x[NUMFMT_MAX + 16], y[NUMFMT_MAX + 16];

	fputs("| | A | B |\n|---|---|---|\n", f);
	md_identity_row(f, _("File"), d->a->path, d->b->path, 0);
	md_identity_row(f, _("Id"), d->a->id, d->b->id, 0);
	md_identity_row(f, _("Version"), d->a->version, d->b->version, 0);
	md_identity_row(f, _("Title"), d->a->title, d->b->title, 0);
	snprintf(x, sizeof(x), "%.12s", d->a->sha256);
	snprintf(y, sizeof(y), "%.12s", d->b->sha256);
	md_identity_row(f, "SHA-256", x, y, 1);
	numfmt_exact(d->a->total_points, x);
	numfmt_exact(d->b->total_points, y);
	md_identity_row(f, _("Points"), x, y, 0);
}

/* One section as a Markdown table under a heading. */
static void md_section_table(const model_diff *d, md_section s, FILE *f)
{
	size_t first = first_col(s), nc = NCOLS - first, k, i;
	const char *row[NCOLS];
	strbuf cells[NCOLS];

	if (!section_count(d, s))
		return;
	memset(cells, 0, sizeof(cells));
	fprintf(f, "\n## %s\n\n", _(section_titles[s]));
	headings(s == MD_NODE ? head_node : head_other, first, nc, row);
	md_row(f, row, nc);
	for (i = 0; i < nc; i++)
		fputs("|---", f);
	fputs("|\n", f);
	for (k = 0; k < d->nchanges; k++) {
		if (d->changes[k].section != s)
			continue;
		change_cells(d, &d->changes[k], 1, cells);
		for (i = 0; i < nc; i++)
			row[i] = strbuf_str(&cells[first + i]);
		md_row(f, row, nc);
	}
	for (i = 0; i < NCOLS; i++)
		strbuf_release(&cells[i]);
}

/* The main indices as a Markdown table. */
static void md_indices(const model_diff *d, FILE *f)
{
	const char *cells[NIX];
	char buf[3][NUMFMT_MAX + 1];
	strbuf id = STRBUF_INIT, name = STRBUF_INIT;
	size_t k;

	fprintf(f, "\n## %s\n\n", _("Main indices"));
	headings(head_index, 0, NIX, cells);
	md_row(f, cells, NIX);
	fputs("|---|---|---:|---:|---:|\n", f);
	for (k = 0; k <= d->nindices; k++) {
		index_cells(d, k < d->nindices ? &d->indices[k] : NULL, cells,
		            buf);
		strbuf_reset(&id);
		one_line(&id, cells[IX_ID], 1);
		cells[IX_ID] = strbuf_str(&id);
		strbuf_reset(&name);
		one_line(&name, cells[IX_NAME], 1);
		cells[IX_NAME] = strbuf_str(&name);
		md_row(f, cells, NIX);
	}
	strbuf_release(&id);
	strbuf_release(&name);
}

/* The Markdown report. */
void md_write_markdown(const model_diff *d, FILE *f)
{
	strbuf sb = STRBUF_INIT;
	size_t s;

	/* TRANSLATORS: the Markdown heading; the paths follow. */
	fputs(_("# Model diff: "), f);
	markup_md_fputs(d->a->path, f);
	fputs(" \xe2\x86\x92 ", f);
	markup_md_fputs(d->b->path, f);
	fputs("\n\n", f);
	md_identity(d, f);
	if (!d->identical && d->nchanges) {
		for (s = 0; s < MD_NSECTIONS; s++)
			md_section_table(d, (md_section)s, f);
		md_indices(d, f);
	}
	md_summary(d, &sb);
	fputc('\n', f);
	markup_md_fputs(strbuf_str(&sb), f);
	fputc('\n', f);
	strbuf_release(&sb);
}
