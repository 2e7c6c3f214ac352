/*
 * report_html.c - the published HTML report: one self-contained file
 * with inline CSS and SVG, no scripts and nothing loaded from elsewhere
 * (the Content-Security-Policy says so to the browser).
 *
 * Everything taken from the data (codes, names, titles, problems) goes
 * through put_esc(); every published number through numfmt_fixed() at
 * the table's precision. SVG coordinates are numfmt_trim()'d to one
 * decimal, so the output is the same on every machine.
 */
#include "config.h"

#include "publish/report_html.h"

#include "publish/sensitivity_html.h"

#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DASH        "\xe2\x80\x93" /* U+2013, for a missing value */
#define EMDASH      "\xe2\x80\x94" /* U+2014, for no class */
#define ELLIPSIS    "\xe2\x80\xa6" /* U+2026, after a cut label */
#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD, for bad bytes */
#define LQUO        "\xe2\x80\x9c" /* U+201C */
#define RQUO        "\xe2\x80\x9d" /* U+201D */
#define MIDDOT      " \xc2\xb7 "   /* " · " */
#define POINTS_MAX  (2 * NUMFMT_MAX + 4)

/* Bar chart geometry (SVG user units, 1 = 1 CSS pixel). */
#define BAR_WIDTH  860
#define BAR_LABEL  250 /* left column: unit names */
#define BAR_SCALE  520 /* the 0..1 axis */
#define BAR_TOP    22
#define BAR_ROW    22
#define BAR_HEIGHT 14
#define BAR_COLS   34 /* name label, in terminal columns */

/* Profile geometry. */
#define PROF_WIDTH 360
#define PROF_SCALE 270
#define PROF_BLOCK 44
#define PROF_COLS  44

/* Heat map legend. */
#define HEAT_STEPS 10
#define HEAT_STEP  24

/* What every writer needs. */
struct ctx {
	const rank_table *t;
	const rs_set *set;
	const rs_model *m; /* the table's model */
	FILE *f;
	size_t nmain; /* leading columns that are main indices */
	int has_classes;
	int grouped;
	const char *section;  /* "h2" or "h3": headings inside a group */
	const sens_doc *sens; /* rank intervals to draw, or NULL */
};

/* --- escaping and numbers --------------------------------------------- */

/* One ASCII byte, escaped for text and attributes alike. */
static void put_ascii(FILE *f, unsigned char c)
{
	switch (c) {
	case '&':
		fputs("&amp;", f);
		break;
	case '<':
		fputs("&lt;", f);
		break;
	case '>':
		fputs("&gt;", f);
		break;
	case '"':
		fputs("&quot;", f);
		break;
	case '\'':
		fputs("&#39;", f);
		break;
	default:
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f)
			fputs(REPLACEMENT, f);
		else
			fputc(c, f);
	}
}

/* Writes s[0..len) escaped: & < > " ' as entities, UTF-8 as is,
 * ill-formed bytes and control characters as U+FFFD. */
static void put_esc_n(FILE *f, const char *s, size_t len)
{
	size_t i = 0, n;
	unsigned cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			put_ascii(f, (unsigned char)s[i]);
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || cp < 0xa0)
			fputs(REPLACEMENT, f);
		else
			fwrite(s + i, 1, n, f);
		i += n ? n : 1;
	}
}

/* Writes the NUL-terminated s escaped (NULL as nothing). */
static void put_esc(FILE *f, const char *s)
{
	if (s)
		put_esc_n(f, s, strlen(s));
}

/* Writes s escaped, cut to cols terminal columns with an ellipsis. */
static void put_esc_cols(FILE *f, const char *s, size_t cols)
{
	if (!s || utf8_width(s) <= cols) {
		put_esc(f, s);
		return;
	}
	put_esc_n(f, s, utf8_prefix_for_width(s, cols - 1));
	fputs(ELLIPSIS, f);
}

/* A published value to the table's precision; a dash when none. */
static const char *fixed(const struct ctx *c, double x, char *buf)
{
	if (!isfinite(x))
		return strcpy(buf, DASH);
	return numfmt_fixed(x, c->t->precision, buf);
}

/* Writes "earned / max" of unit u into buf of size POINTS_MAX: earned
 * to the table's precision, max without trailing zeros. Returns buf. */
static const char *points_text(const struct ctx *c, const rs_unit *u, char *buf)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];

	snprintf(buf, POINTS_MAX, "%s / %s", fixed(c, u->points, a),
	         isfinite(u->max) ? numfmt_trim(u->max, c->t->precision, b)
	                          : DASH);
	return buf;
}

/* Writes x to one decimal, trailing zeros dropped (SVG geometry). */
static void put_num(FILE *f, double x)
{
	char buf[NUMFMT_MAX];

	fputs(numfmt_trim(isfinite(x) ? x : 0, 1, buf), f);
}

/* Writes ` name="x"` with put_num(). */
static void attr_num(FILE *f, const char *name, double x)
{
	fprintf(f, " %s=\"", name);
	put_num(f, x);
	fputc('"', f);
}

/* A value clamped to the 0..1 scale of the charts (0 when none). */
static double unit_scale(double v)
{
	if (!isfinite(v) || v < 0)
		return 0;
	return v > 1 ? 1 : v;
}

/* --- head ------------------------------------------------------------- */

/* The stylesheet: screen, then print (A4, backgrounds kept). */
static const char style[] =
        ":root{--ink:#1a202c;--muted:#5b6675;--line:#d3d9e1;--head:#eef2f7;"
        "--bar:#2c5fa8;--avg:#9aa7b8;--track:#f1f3f6}\n"
        "*{box-sizing:border-box}\n"
        "body{font-family:\"Noto Sans\",\"Segoe UI\",\"DejaVu Sans\","
        "\"Liberation Sans\",Arial,sans-serif;color:var(--ink);"
        "margin:24px auto;max-width:1240px;padding:0 16px;font-size:14px;"
        "line-height:1.4;overflow-wrap:break-word}\n"
        "h1{font-size:22px;margin:0 0 10px}\n"
        "h2{font-size:18px;margin:30px 0 10px;padding-bottom:4px;"
        "border-bottom:2px solid var(--bar)}\n"
        "h3{font-size:16px;margin:24px 0 8px}\n"
        "h4{font-size:14px;margin:0 0 2px}\n"
        "section.group h2 .key,.code{font-family:\"DejaVu Sans Mono\","
        "\"Liberation Mono\",monospace;font-size:.86em;color:var(--muted);"
        "font-weight:normal;white-space:nowrap}\n"
        "dl.meta{display:grid;grid-template-columns:repeat(auto-fill,"
        "minmax(min(440px,100%),1fr));gap:3px 32px;margin:0 0 12px}\n"
        "dl.meta div{display:grid;grid-template-columns:minmax(7em,190px) "
        "minmax(0,1fr);gap:0 8px}\n"
        "dl.meta dt{color:var(--muted)}\n"
        "dl.meta dd{margin:0;min-width:0;overflow-wrap:anywhere}\n"
        "table{border-collapse:collapse;font-variant-numeric:tabular-nums}\n"
        "th,td{border:1px solid var(--line);padding:3px 6px;"
        "vertical-align:middle}\n"
        "th{background:var(--head);font-weight:600;text-align:center}\n"
        "thead th .sub{display:block;font-weight:normal;font-size:.86em;"
        "color:var(--muted)}\n"
        "td.num{text-align:right;white-space:nowrap}\n"
        "table.ranking{font-size:13px}\n"
        "th.ix{vertical-align:bottom;padding:3px 4px}\n"
        "th.ix .nm{display:block;max-width:6.6em;margin:0 auto;"
        "font-weight:normal;font-size:.85em;line-height:1.25;"
        "color:var(--muted)}\n"
        "td.ix{font-size:.92em;padding:3px 4px;white-space:normal}\n"
        "td.ix .r{font-size:.9em;white-space:nowrap}\n"
        "td.rank{text-align:center;font-weight:600}\n"
        "td.code,td.name{white-space:nowrap}\n"
        "td.cls{min-width:8em}\n"
        ".scroll,figure,section.unranked,section.merged{overflow-x:auto}\n"
        "td.val{font-weight:600}\n"
        "table.ranking tbody tr:nth-child(even){background:#f8fafc}\n"
        "table.ranking .name{position:sticky;left:0;z-index:1;"
        "box-shadow:inset -1px 0 var(--line)}\n"
        "table.ranking td.name{background:#fff}\n"
        "table.ranking tbody tr:nth-child(even) td.name{"
        "background:#f8fafc}\n"
        ".r{color:var(--muted);font-size:12px}\n"
        "a{color:inherit;text-decoration:none}\n"
        "abbr{text-decoration:none}\n"
        "p.legend{display:flex;flex-wrap:wrap;gap:2px 16px;margin:8px 0;"
        "font-size:13px}\n"
        "p.legend span b{margin-right:4px}\n"
        "p.note{font-size:13px;color:var(--muted);margin:4px 0}\n"
        "figure{margin:8px 0}\n"
        "svg{display:block;max-width:100%;height:auto}\n"
        "svg text{font-size:12px;fill:var(--ink)}\n"
        "svg text.tick,svg text.avgv{fill:var(--muted);font-size:11px}\n"
        "svg text.val{font-weight:600}\n"
        "svg .bar{fill:var(--bar)}\n"
        "svg .avg{fill:var(--avg)}\n"
        "svg .track{fill:var(--track)}\n"
        "svg .grid{stroke:var(--line);stroke-width:1}\n"
        "svg .axis{stroke:var(--muted);stroke-width:1}\n"
        "table.heat td.v{text-align:right;min-width:64px;white-space:nowrap}\n"
        "table.heat td{border-color:#fff}\n"
        "table.heat td:nth-child(2){min-width:7em}\n"
        ".keys{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center;"
        "font-size:13px;"
        "margin:4px 0 8px}\n"
        ".sw{display:inline-block;width:14px;height:10px;margin-right:5px;"
        "vertical-align:middle}\n"
        ".sw.bar{background:var(--bar)}\n"
        ".sw.avg{background:var(--avg)}\n"
        ".profiles{display:grid;grid-template-columns:repeat(auto-fill,"
        "minmax(min(340px,100%),1fr));gap:12px}\n"
        ".profile{border:1px solid var(--line);border-radius:4px;"
        "padding:8px 10px;break-inside:avoid}\n"
        ".profile p{margin:0 0 6px;font-size:13px;color:var(--muted)}\n"
        "footer{margin-top:32px;border-top:1px solid var(--line);"
        "padding-top:8px;font-size:12px;color:var(--muted)}\n"
        "@media (max-width:640px){\n"
        "body{margin:12px auto;padding:0 10px}\n"
        "h1{font-size:19px}\n"
        "h2{font-size:17px}\n"
        "table.ranking td.name{white-space:normal;min-width:7em}\n"
        "svg.bars{min-width:640px}\n"
        "}\n"
        "@media print{\n"
        "@page{size:A4;margin:12mm}\n"
        "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
        "body{margin:0;max-width:none;padding:0;font-size:9.5pt}\n"
        "th,td{padding:2px 4px}\n"
        "table.ranking{font-size:7.5pt}\n"
        "td.cls{min-width:6em}\n"
        "table.ranking td.num .r{display:block}\n"
        "table.ranking td.num,table.ranking td.name{white-space:normal}\n"
        "th.ix,td.ix{padding:2px}\n"
        "table.heat{font-size:8pt}\n"
        "table.heat td.v,table.heat td:nth-child(2){min-width:0}\n"
        ".scroll,figure,section.unranked,section.merged{overflow:visible}\n"
        "table.ranking .name{position:static;box-shadow:none}\n"
        "section.group+section.group{break-before:page}\n"
        "thead{display:table-header-group}\n"
        "tr,figure,.profile,p.legend{break-inside:avoid}\n"
        "h2,h3,h4{break-after:avoid}\n"
        ".profiles{grid-template-columns:1fr 1fr}\n"
        "}\n";

/* The title: the caller's, else the model's title, else its id. */
static const char *report_title(const struct ctx *c, const char *title)
{
	if (title && *title)
		return title;
	return *c->m->title ? c->m->title : c->m->id;
}

/* Doctype, meta tags (charset, CSP), title and stylesheet. */
static void write_head(const struct ctx *c, const char *title)
{
	FILE *f = c->f;

	fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; style-src 'unsafe-inline'; "
	      "img-src data:\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"" PACKAGE_STRING "\">\n"
	      "<title>",
	      f);
	put_esc(f, title);
	fputs("</title>\n<style>\n", f);
	fputs(style, f);
	fputs("</style>\n</head>\n<body>\n", f);
}

/* --- identity --------------------------------------------------------- */

/* Writes one "dt, dd" pair whose dd is the escaped text. */
static void meta_pair(FILE *f, const char *dt, const char *dd)
{
	fprintf(f, "<div><dt>%s</dt><dd>", dt);
	put_esc(f, dd);
	fputs("</dd></div>\n", f);
}

/* One model: title, id, version and the first 12 hex of its sha256. */
static void meta_model(FILE *f, const rs_model *m)
{
	fputs("<div><dt>Bộ chỉ số</dt><dd>", f);
	put_esc(f, m->title);
	fputs(" (<span class=\"code\">", f);
	put_esc(f, m->id);
	fputs("</span>, phiên bản ", f);
	put_esc(f, m->version);
	fputs(")</dd></div>\n<div><dt>SHA-256</dt><dd><span class=\"code\" "
	      "title=\"",
	      f);
	put_esc(f, m->sha256);
	fputs("\">", f);
	put_esc_n(f, m->sha256, strnlen(m->sha256, 12));
	fputs("</span></dd></div>\n", f);
}

/* Which text field of a unit distinct_field() collects. */
enum unit_field { FIELD_PERIOD, FIELD_STAGE };

/* The distinct values of a unit field among ranked rows, ", "-joined
 * (at most 4, then an ellipsis). */
static void distinct_field(const struct ctx *c, enum unit_field which,
                           strbuf *sb)
{
	const char *seen[4];
	size_t n = 0, r, k;

	for (r = 0; r < c->t->nrows; r++) {
		const rs_unit *u = &c->set->units[c->t->rows[r]];
		const char *v = which == FIELD_PERIOD ? u->period : u->stage;

		for (k = 0; k < n && strcmp(seen[k], v) != 0; k++)
			;
		if (k < n || !*v)
			continue;
		if (n == 4) {
			strbuf_puts(sb, ", " ELLIPSIS);
			return;
		}
		strbuf_printf(sb, "%s%s", n ? ", " : "", v);
		seen[n++] = v;
	}
}

/* What the ranking is by, in Vietnamese for the total. */
static const char *by_name(const rank_table *t)
{
	if (t->by.kind == MEASURE_TOTAL)
		return "Tổng điểm";
	return t->by.name ? t->by.name : t->by.id;
}

/* How the rows were grouped. */
static const char *grouping_text(const struct ctx *c)
{
	switch (c->t->group) {
	case GROUP_PARENT:
		return "Theo đơn vị cấp trên";
	case GROUP_LEVEL:
		return "Theo cấp";
	default:
		return "Không chia nhóm (xếp hạng chung)";
	}
}

/* The "dl" of what was ranked, how and by which model. */
static void write_meta(const struct ctx *c)
{
	const rank_table *t = c->t;
	strbuf sb = STRBUF_INIT;
	size_t k;

	fputs("<dl class=\"meta\">\n", c->f);
	for (k = 0; k < c->set->nmodels; k++)
		meta_model(c->f, &c->set->models[k]);
	meta_pair(c->f, "Tạo bởi", PACKAGE_STRING);
	distinct_field(c, FIELD_PERIOD, &sb);
	if (sb.len)
		meta_pair(c->f, "Kỳ đánh giá", strbuf_str(&sb));
	strbuf_reset(&sb);
	distinct_field(c, FIELD_STAGE, &sb);
	if (sb.len)
		meta_pair(c->f, "Giai đoạn", strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_printf(&sb, "%zu", t->nrows);
	if (t->nunranked)
		strbuf_printf(&sb, " (và %zu đơn vị không được xếp hạng)",
		              t->nunranked);
	meta_pair(c->f, "Số đơn vị được xếp hạng", strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_printf(&sb, "%s (%s)", by_name(t), t->by.id);
	meta_pair(c->f, "Xếp hạng theo", strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_puts(&sb, grouping_text(c));
	if (c->grouped)
		strbuf_printf(&sb, ", %zu nhóm", t->ngroups);
	meta_pair(c->f, "Nhóm", strbuf_str(&sb));
	fputs("</dl>\n", c->f);
	strbuf_release(&sb);
}

/* --- ranking table ----------------------------------------------------- */

/* The header cell of column k: its id (its name as the tooltip), then
 * its name, which the stylesheet wraps into a narrow column. */
static void col_header(const struct ctx *c, size_t k)
{
	const char *name = c->t->cols[k].name;

	fputs("<th class=\"ix\"><abbr title=\"", c->f);
	put_esc(c->f, name);
	fputs("\">", c->f);
	put_esc(c->f, c->t->cols[k].id);
	fputs("</abbr>", c->f);
	if (name && *name && strcmp(name, c->t->cols[k].id) != 0) {
		fputs(" <span class=\"nm\">", c->f);
		put_esc(c->f, name);
		fputs("</span>", c->f);
	}
	fputs("</th>", c->f);
}

/* The ranking table's header row. */
static void ranking_head(const struct ctx *c)
{
	size_t k;

	fputs("<thead><tr><th>Hạng</th><th>Mã</th><th class=\"name\">Đơn "
	      "vị</th>"
	      "<th>Giá trị<span class=\"sub\">",
	      c->f);
	put_esc(c->f, by_name(c->t));
	fputs("</span></th><th>Điểm<span class=\"sub\">/ tối đa</span></th>",
	      c->f);
	if (c->has_classes)
		fputs("<th>Xếp loại</th>", c->f);
	for (k = 0; k < c->t->ncols; k++)
		col_header(c, k);
	fputs("</tr></thead>\n", c->f);
}

/* The class cell: the class's name, or a dash with the reasons. */
static void class_cell(const struct ctx *c, const rs_unit *u)
{
	const rs_model *m = &c->set->models[u->model];

	if (u->klass >= 0 && (size_t)u->klass < m->nclasses) {
		fputs("<td class=\"cls\">", c->f);
		put_esc(c->f, m->classes[u->klass].name);
		fputs("</td>", c->f);
		return;
	}
	fputs("<td class=\"cls r\" title=\"", c->f);
	put_esc(c->f, u->class_why);
	fputs("\">" EMDASH "</td>", c->f);
}

/* The cell of column k of row r: "value (rank)". */
static void col_cell(const struct ctx *c, size_t r, size_t k)
{
	const rank_table *t = c->t;
	double v = t->col_value[r * t->ncols + k];
	size_t rk = t->col_rank[r * t->ncols + k];
	char buf[NUMFMT_MAX];

	fprintf(c->f, "<td class=\"num ix\">%s", fixed(c, v, buf));
	if (rk)
		fprintf(c->f, " <span class=\"r\">(%zu)</span>", rk);
	fputs("</td>", c->f);
}

/* One row of the ranking table. */
static void ranking_row(const struct ctx *c, size_t r)
{
	const rs_unit *u = &c->set->units[c->t->rows[r]];
	char a[NUMFMT_MAX], b[POINTS_MAX];
	size_t k;

	fprintf(c->f, "<tr><td class=\"rank\">%zu</td><td class=\"code\">",
	        c->t->rank[r]);
	put_esc(c->f, u->code);
	fprintf(c->f, "</td><td class=\"name\"><a href=\"#p%zu\">", r + 1);
	put_esc(c->f, *u->name ? u->name : u->code);
	fprintf(c->f, "</a></td><td class=\"num val\">%s</td>",
	        fixed(c, c->t->value[r], a));
	fprintf(c->f, "<td class=\"num\">%s</td>", points_text(c, u, b));
	if (c->has_classes)
		class_cell(c, u);
	for (k = 0; k < c->t->ncols; k++)
		col_cell(c, r, k);
	fputs("</tr>\n", c->f);
}

/* The legend of the column ids, main indices then views. */
static void write_legend(const struct ctx *c)
{
	size_t k;

	fputs("<p class=\"legend\">", c->f);
	for (k = 0; k < c->t->ncols; k++) {
		if (k == 0 || k == c->nmain)
			fprintf(c->f, "%s<b>%s:</b>", k ? "\n" : "",
			        k < c->nmain ? "Chỉ số chính" : "Trụ cột");
		fputs("\n<span><b>", c->f);
		put_esc(c->f, c->t->cols[k].id);
		fputs("</b> ", c->f);
		put_esc(c->f, c->t->cols[k].name);
		fputs("</span>", c->f);
	}
	fputs("</p>\n<p class=\"note\">Mỗi cột chỉ số: giá trị (hạng trong "
	      "nhóm).",
	      c->f);
	if (c->has_classes)
		fputs(" Xếp loại " LQUO EMDASH RQUO ": chưa đạt mức xếp loại "
		      "nào.",
		      c->f);
	fputs("</p>\n", c->f);
}

/* The ranking table of group g, with its legend. */
static void write_ranking(const struct ctx *c, const rank_group *g)
{
	size_t r;

	fprintf(c->f, "<%s>Bảng xếp hạng</%s>\n", c->section, c->section);
	fputs("<div class=\"scroll\">\n<table class=\"ranking\">\n", c->f);
	ranking_head(c);
	fputs("<tbody>\n", c->f);
	for (r = g->first; r < g->first + g->count; r++)
		ranking_row(c, r);
	fputs("</tbody>\n</table>\n</div>\n", c->f);
	write_legend(c);
}

/* --- bar chart --------------------------------------------------------- */

/* Opens an svg element of w x h with an accessible title. */
static void svg_open(FILE *f, double w, double h, const char *cls,
                     const char *label, const char *label2)
{
	fputs("<svg xmlns=\"http://www.w3.org/2000/svg\"", f);
	attr_num(f, "width", w);
	attr_num(f, "height", h);
	fputs(" viewBox=\"0 0 ", f);
	put_num(f, w);
	fputc(' ', f);
	put_num(f, h);
	fprintf(f, "\" class=\"%s\" role=\"img\"><title>", cls);
	put_esc(f, label);
	put_esc(f, label2);
	fputs("</title>\n", f);
}

/* Writes <rect> with the given class. */
static void svg_rect(FILE *f, double x, double y, double w, double h,
                     const char *cls)
{
	fputs("<rect", f);
	attr_num(f, "x", x);
	attr_num(f, "y", y);
	attr_num(f, "width", w);
	attr_num(f, "height", h);
	fprintf(f, " class=\"%s\"/>", cls);
}

/* Opens <text> at x, y with an anchor ("start", "middle", "end"). */
static void svg_text(FILE *f, double x, double y, const char *anchor,
                     const char *cls)
{
	fputs("<text", f);
	attr_num(f, "x", x);
	attr_num(f, "y", y);
	fprintf(f, " text-anchor=\"%s\" class=\"%s\">", anchor, cls);
}

/* The 0..1 scale: grid lines and tick labels above the bars. */
static void bar_axis(FILE *f, double height)
{
	char buf[NUMFMT_MAX];
	int k;

	for (k = 0; k <= 4; k++) {
		double x = BAR_LABEL + BAR_SCALE * k / 4.0;

		fputs("<line", f);
		attr_num(f, "x1", x);
		attr_num(f, "y1", BAR_TOP - 4);
		attr_num(f, "x2", x);
		attr_num(f, "y2", height - 4);
		fprintf(f, " class=\"%s\"/>", k == 0 ? "axis" : "grid");
		svg_text(f, x, BAR_TOP - 8, "middle", "tick");
		fprintf(f, "%s</text>\n", numfmt_trim(k / 4.0, 2, buf));
	}
}

/* One bar: the unit's name on the left, its value after the bar. */
static void bar_row(const struct ctx *c, size_t r, size_t i)
{
	const rs_unit *u = &c->set->units[c->t->rows[r]];
	double y = BAR_TOP + BAR_ROW * (double)i;
	double w = BAR_SCALE * unit_scale(c->t->value[r]);
	char buf[NUMFMT_MAX];

	fputs("<g><title>", c->f);
	put_esc(c->f, *u->name ? u->name : u->code);
	fprintf(c->f, ": %s</title>", fixed(c, c->t->value[r], buf));
	svg_text(c->f, BAR_LABEL - 8, y + BAR_ROW / 2 + 4, "end", "name");
	put_esc_cols(c->f, *u->name ? u->name : u->code, BAR_COLS);
	fputs("</text>", c->f);
	svg_rect(c->f, BAR_LABEL, y + (BAR_ROW - BAR_HEIGHT) / 2.0, w,
	         BAR_HEIGHT, "bar");
	svg_text(c->f, BAR_LABEL + w + 5, y + BAR_ROW / 2 + 4, "start", "val");
	fprintf(c->f, "%s</text></g>\n", buf);
}

/* The bar chart of the group's values, one bar per unit. */
static void write_bars(const struct ctx *c, const rank_group *g)
{
	double h = BAR_TOP + BAR_ROW * (double)g->count + 6;
	size_t i;

	fprintf(c->f, "<%s>Biểu đồ giá trị</%s>\n<figure>\n", c->section,
	        c->section);
	svg_open(c->f, BAR_WIDTH, h, "bars", "Giá trị: ", by_name(c->t));
	bar_axis(c->f, h);
	for (i = 0; i < g->count; i++)
		bar_row(c, g->first + i, i);
	fputs("</svg>\n</figure>\n", c->f);
}

/* --- heat map ---------------------------------------------------------- */

/* A sequential palette (light yellow to dark blue, as ColorBrewer's
 * YlGnBu): value 0..1 to RGB. */
static void heat_rgb(double v, int rgb[3])
{
	static const int stops[5][3] = {{255, 255, 217},
	                                {199, 233, 180},
	                                {65, 182, 196},
	                                {34, 94, 168},
	                                {8, 29, 88}};
	double pos = unit_scale(v) * 4;
	int i = pos >= 4 ? 3 : (int)pos, k;
	double frac = pos - i;

	for (k = 0; k < 3; k++)
		rgb[k] = (int)lround(stops[i][k] +
		                     (stops[i + 1][k] - stops[i][k]) * frac);
}

/* WCAG relative luminance of an sRGB colour. */
static double luminance(const int rgb[3])
{
	double lin[3];
	int k;

	for (k = 0; k < 3; k++) {
		double s = rgb[k] / 255.0;

		lin[k] = s <= 0.04045 ? s / 12.92
		                      : pow((s + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

/* Writes "background:#rrggbb;color:#xxx" for value v: the text colour
 * (near-black or white) with the higher contrast. */
static void heat_style(FILE *f, double v)
{
	int rgb[3];
	double l;

	if (!isfinite(v)) {
		fputs("background:#eceff3;color:#1a202c", f);
		return;
	}
	heat_rgb(v, rgb);
	l = luminance(rgb);
	fprintf(f, "background:#%02x%02x%02x;color:%s", rgb[0], rgb[1], rgb[2],
	        (l + 0.05) / 0.0622 >= 1.05 / (l + 0.05) ? "#1a202c"
	                                                 : "#ffffff");
}

/* The palette's legend: HEAT_STEPS swatches over 0..1. */
static void heat_legend(FILE *f)
{
	double w = HEAT_STEP * HEAT_STEPS + 20;
	int k, rgb[3];

	svg_open(f, w, 34, "heatkey", "Thang màu: 0 đến 1", NULL);
	for (k = 0; k < HEAT_STEPS; k++) {
		heat_rgb((k + 0.5) / HEAT_STEPS, rgb);
		fputs("<rect", f);
		attr_num(f, "x", 10 + HEAT_STEP * k);
		fputs(" y=\"2\"", f);
		attr_num(f, "width", HEAT_STEP);
		fprintf(f, " height=\"14\" fill=\"#%02x%02x%02x\"/>", rgb[0],
		        rgb[1], rgb[2]);
	}
	fputs("\n", f);
	svg_text(f, 10, 30, "middle", "tick");
	fputs("0</text>", f);
	svg_text(f, 10 + HEAT_STEP * HEAT_STEPS / 2.0, 30, "middle", "tick");
	fputs("0.5</text>", f);
	svg_text(f, 10 + HEAT_STEP * HEAT_STEPS, 30, "middle", "tick");
	fputs("1</text>\n</svg>\n", f);
}

/* One row of the heat map: rank, name, a coloured cell per index. */
static void heat_row(const struct ctx *c, size_t r)
{
	const rs_unit *u = &c->set->units[c->t->rows[r]];
	char buf[NUMFMT_MAX];
	size_t k;

	fprintf(c->f, "<tr><td class=\"rank\">%zu</td><td>", c->t->rank[r]);
	put_esc(c->f, *u->name ? u->name : u->code);
	fputs("</td>", c->f);
	for (k = 0; k < c->nmain; k++) {
		double v = c->t->col_value[r * c->t->ncols + k];

		fputs("<td class=\"v\" style=\"", c->f);
		heat_style(c->f, v);
		fprintf(c->f, "\">%s</td>", fixed(c, v, buf));
	}
	fputs("</tr>\n", c->f);
}

/* The heat map of the group: units x main indices. */
static void write_heat(const struct ctx *c, const rank_group *g)
{
	size_t r, k;

	if (c->nmain == 0)
		return;
	fprintf(c->f,
	        "<%s>Bản đồ nhiệt các chỉ số chính</%s>\n<figure>\n"
	        "<table class=\"heat\">\n<thead><tr><th>Hạng</th>"
	        "<th>Đơn vị</th>",
	        c->section, c->section);
	for (k = 0; k < c->nmain; k++)
		col_header(c, k);
	fputs("</tr></thead>\n<tbody>\n", c->f);
	for (r = g->first; r < g->first + g->count; r++)
		heat_row(c, r);
	fputs("</tbody>\n</table>\n<div class=\"keys\">Giá trị từ 0 (nhạt) đến "
	      "1 (đậm):",
	      c->f);
	heat_legend(c->f);
	fputs("</div>\n</figure>\n", c->f);
}

/* --- profiles ---------------------------------------------------------- */

/* The group's average of each main index (NAN when no unit has one). */
static void group_average(const struct ctx *c, const rank_group *g, double *avg)
{
	size_t k, r, n;

	for (k = 0; k < c->nmain; k++) {
		double sum = 0;

		n = 0;
		for (r = g->first; r < g->first + g->count; r++) {
			double v = c->t->col_value[r * c->t->ncols + k];

			if (isfinite(v)) {
				sum += v;
				n++;
			}
		}
		avg[k] = n ? sum / (double)n : NAN;
	}
}

/* One index of a profile: its name, the unit's bar, the average's. */
static void profile_index(const struct ctx *c, size_t k, double v, double avg)
{
	double y = PROF_BLOCK * (double)k;
	char buf[NUMFMT_MAX];

	svg_text(c->f, 0, y + 12, "start", "name");
	put_esc(c->f, c->t->cols[k].id);
	fputs(MIDDOT, c->f);
	put_esc_cols(c->f, c->t->cols[k].name, PROF_COLS);
	fputs("</text>\n", c->f);
	svg_rect(c->f, 0, y + 17, PROF_SCALE, 10, "track");
	svg_rect(c->f, 0, y + 17, PROF_SCALE * unit_scale(v), 10, "bar");
	svg_rect(c->f, 0, y + 29, PROF_SCALE, 8, "track");
	svg_rect(c->f, 0, y + 29, PROF_SCALE * unit_scale(avg), 8, "avg");
	svg_text(c->f, PROF_WIDTH, y + 26, "end", "val");
	fprintf(c->f, "%s</text>", fixed(c, v, buf));
	svg_text(c->f, PROF_WIDTH, y + 37, "end", "avgv");
	fprintf(c->f, "%s</text>\n", fixed(c, avg, buf));
}

/* The profile card of row r against the group's averages. */
static void write_profile(const struct ctx *c, size_t r, const double *avg)
{
	const rs_unit *u = &c->set->units[c->t->rows[r]];
	const char *name = *u->name ? u->name : u->code;
	char a[NUMFMT_MAX], b[POINTS_MAX];
	size_t k;

	fprintf(c->f, "<article class=\"profile\" id=\"p%zu\">\n<h4>%zu. ",
	        r + 1, c->t->rank[r]);
	put_esc(c->f, name);
	fputs(" <span class=\"code\">", c->f);
	put_esc(c->f, u->code);
	fprintf(c->f, "</span></h4>\n<p>Giá trị %s" MIDDOT "Điểm %s</p>\n",
	        fixed(c, c->t->value[r], a), points_text(c, u, b));
	svg_open(c->f, PROF_WIDTH, PROF_BLOCK * (double)c->nmain, "prof",
	         "Hồ sơ chỉ số: ", name);
	for (k = 0; k < c->nmain; k++)
		profile_index(c, k, c->t->col_value[r * c->t->ncols + k],
		              avg[k]);
	fputs("</svg>\n</article>\n", c->f);
}

/* The profiles of every unit of the group. */
static void write_profiles(const struct ctx *c, const rank_group *g)
{
	double *avg;
	size_t r;

	if (c->nmain == 0)
		return;
	avg = xcalloc(c->nmain, sizeof(*avg));
	group_average(c, g, avg);
	fprintf(c->f,
	        "<%s>Hồ sơ từng đơn vị so với trung bình nhóm</%s>\n"
	        "<div class=\"keys\"><span><span class=\"sw bar\"></span>"
	        "Đơn vị</span><span><span class=\"sw avg\"></span>Trung "
	        "bình nhóm (%zu đơn vị)</span></div>\n<div "
	        "class=\"profiles\">\n",
	        c->section, c->section, g->count);
	for (r = g->first; r < g->first + g->count; r++)
		write_profile(c, r, avg);
	fputs("</div>\n", c->f);
	free(avg);
}

/* --- groups, unranked units, whole document ----------------------------- */

/* One group: its heading (when grouped), table, charts and profiles. */
static void write_group(const struct ctx *c, const rank_group *g)
{
	fputs("<section class=\"group\">\n", c->f);
	if (c->grouped) {
		fputs("<h2>", c->f);
		put_esc(c->f, g->title);
		if (strcmp(g->title, g->key) != 0) {
			fputs(" <span class=\"key\">", c->f);
			put_esc(c->f, g->key);
			fputs("</span>", c->f);
		}
		fprintf(c->f, " <span class=\"r\">(%zu đơn vị)</span></h2>\n",
		        g->count);
	}
	write_ranking(c, g);
	write_bars(c, g);
	if (c->sens)
		sens_html_report_section(c->f, c->section, c->t, g, c->sens);
	write_heat(c, g);
	write_profiles(c, g);
	fputs("</section>\n", c->f);
}

/* Why unit u was not ranked: its first problem, else its first
 * indicator in error and that indicator's note. */
static void unranked_reason(FILE *f, const rs_set *set, const rs_unit *u)
{
	const rs_model *m = &set->models[u->model];
	size_t k;

	if (u->nproblems) {
		put_esc(f, u->problems[0]);
		if (u->nproblems > 1)
			fprintf(f,
			        " <span class=\"r\">(và %zu vấn đề "
			        "khác)</span>",
			        u->nproblems - 1);
		return;
	}
	for (k = 0; u->node_status && k < m->nnodes; k++)
		if (u->node_status[k] == 2 && m->nodes[k].is_leaf) {
			fputs("Chỉ tiêu ", f);
			put_esc(f, m->nodes[k].id);
			fputs(" lỗi", f);
			if (u->node_note && *u->node_note[k]) {
				fputs(": ", f);
				put_esc(f, u->node_note[k]);
			}
			return;
		}
	fputs(EMDASH, f);
}

/* The units not ranked: code, name, status and why. */
static void write_unranked(const struct ctx *c)
{
	size_t k;

	if (c->t->nunranked == 0)
		return;
	fputs("<section class=\"unranked\">\n<h2>Đơn vị không được xếp "
	      "hạng</h2>\n<table>\n<thead><tr><th>Mã</th><th>Đơn vị</th>"
	      "<th>Trạng thái</th><th>Lý do</th></tr></thead>\n<tbody>\n",
	      c->f);
	for (k = 0; k < c->t->nunranked; k++) {
		const rs_unit *u = &c->set->units[c->t->unranked[k]];

		fputs("<tr><td class=\"code\">", c->f);
		put_esc(c->f, u->code);
		fputs("</td><td>", c->f);
		put_esc(c->f, u->name);
		fprintf(c->f, "</td><td>%s</td><td>",
		        u->status == RS_INVALID
		                ? "dữ liệu không hợp lệ (invalid)"
		                : "có chỉ tiêu lỗi (error)");
		unranked_reason(c->f, c->set, u);
		fputs("</td></tr>\n", c->f);
	}
	fputs("</tbody>\n</table>\n</section>\n", c->f);
}

/* One unit's row of a list section: code, name, and its items. */
static void list_row(const struct ctx *c, const rs_unit *u,
                     const char *const *items, size_t n)
{
	size_t k;

	fputs("<tr><td class=\"code\">", c->f);
	put_esc(c->f, u->code);
	fputs("</td><td>", c->f);
	put_esc(c->f, u->name);
	fputs("</td><td class=\"code\">", c->f);
	for (k = 0; k < n; k++) {
		if (k)
			fputs(", ", c->f);
		put_esc(c->f, items[k]);
	}
	fputs("</td></tr>\n", c->f);
}

/* A section listing units with something a reader must know, ranked
 * first: merged units with their predecessors (missing 0), or units
 * that lacked required inputs, with them (missing 1). */
static void write_list_section(const struct ctx *c, int missing)
{
	const rank_table *t = c->t;
	size_t r;

	if (missing ? !rank_has_incomplete(t) : !rank_has_merged(t))
		return;
	if (missing)
		fputs("<section class=\"incomplete\">\n<h2>Đơn vị thiếu số "
		      "liệu</h2>\n<p>Các đơn vị này thiếu số liệu bắt buộc; "
		      "chỉ tiêu cần số liệu đó được chấm theo quy tắc thiếu "
		      "số liệu của bộ chỉ số (missing).</p>\n<table>\n"
		      "<thead><tr><th>Mã</th><th>Đơn vị</th><th>Số liệu còn "
		      "thiếu</th></tr></thead>\n<tbody>\n",
		      c->f);
	else
		fputs("<section class=\"merged\">\n<h2>Đơn vị hình thành do "
		      "sáp nhập</h2>\n<p>Giá trị các chỉ số chính của đơn vị "
		      "sau sáp nhập là trung bình giá trị đã công bố của các "
		      "đơn vị trước sáp nhập (chiso merge).</p>\n<table>\n"
		      "<thead><tr><th>Mã</th><th>Đơn vị</th><th>Hình thành "
		      "từ</th></tr></thead>\n<tbody>\n",
		      c->f);
	for (r = 0; r < t->nrows + t->nunranked; r++) {
		const rs_unit *u = rank_listed_unit(t, r);

		if (missing && u->nmissing)
			list_row(c, u, u->missing, u->nmissing);
		else if (!missing && u->nderived_from)
			list_row(c, u, u->derived_from, u->nderived_from);
	}
	fputs("</tbody>\n</table>\n</section>\n", c->f);
}

/* The council's decisions (chiso appraise): for each unit listed, each
 * indicator a decision changed, with who decided, when and why. */
static void write_decisions(const struct ctx *c)
{
	const rank_table *t = c->t;
	size_t r, k;
	int open = 0;

	for (r = 0; r < t->nrows + t->nunranked; r++) {
		const rs_unit *u = rank_listed_unit(t, r);
		const rs_model *m = &c->set->models[u->model];

		for (k = 0; u->node_decision && k < m->nnodes; k++) {
			if (!*u->node_decision[k])
				continue;
			if (!open)
				fputs("<section "
				      "class=\"decisions\">\n<h2>Quyết "
				      "định của Hội đồng thẩm "
				      "định</h2>\n<p>Các "
				      "chỉ tiêu được điều chỉnh khi thẩm định "
				      "(chiso appraise): giai đoạn, loại quyết "
				      "định, điểm trước và sau, người quyết "
				      "định, ngày và lý do.</p>\n<table>\n"
				      "<thead><tr><th>Mã</th><th>Đơn vị</th>"
				      "<th>Chỉ tiêu</th><th>Quyết định</th>"
				      "</tr></thead>\n<tbody>\n",
				      c->f);
			open = 1;
			fputs("<tr><td class=\"code\">", c->f);
			put_esc(c->f, u->code);
			fputs("</td><td>", c->f);
			put_esc(c->f, u->name);
			fputs("</td><td class=\"code\">", c->f);
			put_esc(c->f, m->nodes[k].id);
			fputs("</td><td>", c->f);
			put_esc(c->f, u->node_decision[k]);
			fputs("</td></tr>\n", c->f);
		}
	}
	if (open)
		fputs("</tbody>\n</table>\n</section>\n", c->f);
}

/* The closing note on the ranking rule and the generator. */
static void write_foot(const struct ctx *c)
{
	fprintf(c->f,
	        "<footer>\n<p>Xếp hạng đồng hạng: các đơn vị có giá trị "
	        "bằng nhau sau khi làm tròn đến %d chữ số thập phân có cùng "
	        "hạng; hạng kế tiếp bỏ qua số đơn vị đồng hạng (ví dụ 4, 4, "
	        "6). Giá trị từ 0 đến 1 (điểm đạt / điểm tối đa).</p>\n"
	        "<p>Tạo bởi " PACKAGE_STRING " từ kết quả của bộ chỉ số ",
	        c->t->precision);
	put_esc(c->f, c->m->id);
	fputs(" phiên bản ", c->f);
	put_esc(c->f, c->m->version);
	fputs(".</p>\n</footer>\n", c->f);
}

/* Fills the writers' context from t. */
static void ctx_init(struct ctx *c, const rank_table *t, FILE *f)
{
	size_t k;

	memset(c, 0, sizeof(*c));
	c->t = t;
	c->set = t->set;
	c->m = &t->set->models[t->model];
	c->f = f;
	for (k = 0; k < t->ncols && t->cols[k].kind == MEASURE_NODE; k++)
		c->nmain++;
	for (k = 0; k < c->set->nmodels; k++)
		if (c->set->models[k].nclasses)
			c->has_classes = 1;
	c->grouped = t->ngroups > 1 || (t->ngroups == 1 && *t->groups[0].key);
	c->section = c->grouped ? "h3" : "h2";
}

void report_html_write(const rank_table *t, FILE *f, const char *title)
{
	report_html_write_sens(t, f, title, NULL);
}

void report_html_write_sens(const rank_table *t, FILE *f, const char *title,
                            const sens_doc *sens)
{
	struct ctx c;
	size_t g;

	ctx_init(&c, t, f);
	c.sens = sens;
	title = report_title(&c, title);
	write_head(&c, title);
	fputs("<header>\n<h1>", f);
	put_esc(f, title);
	fputs("</h1>\n", f);
	write_meta(&c);
	fputs("</header>\n<main>\n", f);
	if (t->nrows == 0)
		fputs("<p>Không có đơn vị nào được xếp hạng.</p>\n", f);
	for (g = 0; g < t->ngroups; g++)
		write_group(&c, &t->groups[g]);
	write_unranked(&c);
	write_list_section(&c, 0);
	write_list_section(&c, 1);
	write_decisions(&c);
	fputs("</main>\n", f);
	write_foot(&c);
	fputs("</body>\n</html>\n", f);
}
