/*
 * sensitivity_html.c - rank intervals as inline SVG: the page of chiso
 * sensitivity -f html and the report's section (sensitivity_html.h).
 */
#include "config.h"

#include "publish/sensitivity_html.h"

#include "publish/sensitivity_output.h"
#include "util/markup.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ENDASH   "\xe2\x80\x93" /* U+2013, in "2–5" */
#define ELLIPSIS "\xe2\x80\xa6"
#define MIDDOT   " \xc2\xb7 "

/* Geometry of the intervals (SVG user units, 1 = 1 CSS pixel). */
#define IV_WIDTH   860
#define IV_LABEL   250 /* left column: unit names */
#define IV_SCALE   470 /* ranks 1..places */
#define IV_TEXT    10  /* gap before the right-hand text */
#define IV_TOP     26
#define IV_ROW     22
#define IV_COLS    34 /* name label, in terminal columns */
#define IV_BAR     "#2c5fa8"
#define IV_TRACK   "#e6eaf0"
#define IV_INK     "#1a202c"
#define IV_MUTED   "#5b6675"
#define IV_NOMINAL "#c0392b"

/* --- writing ------------------------------------------------------------ */

/* Writes s (text from a file) escaped for HTML text and attributes. */
static void put_esc(FILE *f, const char *s)
{
	strbuf sb = STRBUF_INIT;

	if (!s)
		return;
	markup_text(&sb, s, MARKUP_HTML, 0);
	fputs(strbuf_str(&sb), f);
	strbuf_release(&sb);
}

/* Writes s escaped, cut to cols terminal columns with an ellipsis. */
static void put_esc_cols(FILE *f, const char *s, size_t cols)
{
	char *cut;
	size_t n;

	if (!s || utf8_width(s) <= cols) {
		put_esc(f, s);
		return;
	}
	n = utf8_prefix_for_width(s, cols - 1);
	cut = xmalloc(n + 1);
	memcpy(cut, s, n);
	cut[n] = '\0';
	put_esc(f, cut);
	fputs(ELLIPSIS, f);
	free(cut);
}

/* Writes x to one decimal, trailing zeros dropped (SVG geometry). */
static void put_num(FILE *f, double x)
{
	char buf[NUMFMT_MAX];

	fputs(numfmt_trim(isfinite(x) ? x : 0, 1, buf), f);
}

/* Writes ` name="x"`. */
static void attr(FILE *f, const char *name, double x)
{
	fprintf(f, " %s=\"", name);
	put_num(f, x);
	fputc('"', f);
}

/* A share as a percentage to one decimal: "87.3%". */
static const char *percent(double share, char *buf)
{
	numfmt_fixed(share * 100, 1, buf);
	strcat(buf, "%");
	return buf;
}

/* --- the intervals -------------------------------------------------------- */

/* The x of rank r on an axis of places ranks. */
static double rank_x(size_t r, size_t places)
{
	if (places <= 1)
		return IV_LABEL + IV_SCALE / 2.0;
	return IV_LABEL + IV_SCALE * (double)(r - 1) / (double)(places - 1);
}

/* A step between ticks that gives at most 10 of them: 1, 2, 5, 10, ... */
static size_t tick_step(size_t places)
{
	size_t step = 1;

	for (;;) {
		if (places / step <= 10)
			return step;
		if (places / (step * 2) <= 10)
			return step * 2;
		if (places / (step * 5) <= 10)
			return step * 5;
		step *= 10;
	}
}

/* One tick of the axis: a grid line and its rank. */
static void tick(FILE *f, size_t r, size_t places, double height)
{
	double x = rank_x(r, places);

	fputs("<line", f);
	attr(f, "x1", x);
	attr(f, "y1", IV_TOP - 6);
	attr(f, "x2", x);
	attr(f, "y2", height - 4);
	fprintf(f, " stroke=\"%s\" stroke-width=\"1\"/>", IV_TRACK);
	fputs("<text", f);
	attr(f, "x", x);
	attr(f, "y", IV_TOP - 10);
	fprintf(f,
	        " text-anchor=\"middle\" font-size=\"11\" fill=\"%s\">%zu"
	        "</text>\n",
	        IV_MUTED, r);
}

/* The axis of ranks: 1, then every step, and the last rank. */
static void axis(FILE *f, size_t places, double height)
{
	size_t step = tick_step(places), r;

	tick(f, 1, places, height);
	for (r = step; r < places; r += step)
		if (r > 1 && (places - r) * 4 >= step)
			tick(f, r, places, height);
	if (places > 1)
		tick(f, places, places, height);
}

/* One unit's row: name, track, interval, median, nominal tick, text. */
static void interval_row(FILE *f, const sens_interval *iv, size_t i,
                         size_t places)
{
	double y = IV_TOP + IV_ROW * (double)i + IV_ROW / 2.0;
	double x0 = rank_x(iv->p05, places), x1 = rank_x(iv->p95, places);
	double xn = rank_x(iv->rank, places);
	const char *name = iv->name && *iv->name ? iv->name : iv->code;
	char kp[NUMFMT_MAX];

	percent(iv->keeps_place, kp);
	fputs("<g><title>", f);
	put_esc(f, name);
	fprintf(f,
	        ": hạng %zu; trung vị %zu; khoảng 5%%" ENDASH "95%%: %zu" ENDASH
	        "%zu; giữ hạng hoặc tốt hơn trong %s số lần chạy</title>",
	        iv->rank, iv->median, iv->p05, iv->p95, kp);
	fputs("<text", f);
	attr(f, "x", IV_LABEL - 8);
	attr(f, "y", y + 4);
	fprintf(f, " text-anchor=\"end\" font-size=\"12\" fill=\"%s\">",
	        IV_INK);
	put_esc_cols(f, name, IV_COLS);
	fputs("</text><line", f);
	attr(f, "x1", IV_LABEL);
	attr(f, "y1", y);
	attr(f, "x2", IV_LABEL + IV_SCALE);
	attr(f, "y2", y);
	fprintf(f, " stroke=\"%s\" stroke-width=\"2\"/><rect", IV_TRACK);
	attr(f, "x", x0 - 3);
	attr(f, "y", y - 4);
	attr(f, "width", x1 - x0 + 6);
	attr(f, "height", 8);
	fprintf(f, " rx=\"4\" fill=\"%s\" fill-opacity=\"0.35\"/><line",
	        IV_BAR);
	attr(f, "x1", xn);
	attr(f, "y1", y - 8);
	attr(f, "x2", xn);
	attr(f, "y2", y + 8);
	fprintf(f, " stroke=\"%s\" stroke-width=\"2\"/><circle", IV_NOMINAL);
	attr(f, "cx", rank_x(iv->median, places));
	attr(f, "cy", y);
	fprintf(f, " r=\"4\" fill=\"%s\"/><text", IV_BAR);
	attr(f, "x", IV_LABEL + IV_SCALE + IV_TEXT);
	attr(f, "y", y + 4);
	fprintf(f,
	        " font-size=\"11\" fill=\"%s\">%zu" ENDASH "%zu" MIDDOT
	        "%s</text></g>\n",
	        IV_MUTED, iv->p05, iv->p95, kp);
}

void sens_html_intervals(FILE *f, const sens_interval *rows, size_t n,
                         size_t places)
{
	double h = IV_TOP + IV_ROW * (double)n + 6;
	size_t i;

	fputs("<figure class=\"intervals\">\n"
	      "<svg xmlns=\"http://www.w3.org/2000/svg\"",
	      f);
	attr(f, "width", IV_WIDTH);
	attr(f, "height", h);
	fputs(" viewBox=\"0 0 ", f);
	put_num(f, IV_WIDTH);
	fputc(' ', f);
	put_num(f, h);
	fputs("\" style=\"display:block;max-width:100%;height:auto\" "
	      "role=\"img\"><title>Khoảng hạng qua các lần chạy</title>\n",
	      f);
	axis(f, places, h);
	for (i = 0; i < n; i++)
		interval_row(f, &rows[i], i, places);
	fputs("</svg>\n<figcaption style=\"font-size:13px;color:" IV_MUTED
	      "\">Thanh: khoảng hạng từ bách phân vị 5% đến 95%; chấm: hạng "
	      "trung vị; vạch đỏ: hạng công bố; sau thanh: khoảng và tỷ lệ "
	      "số lần chạy giữ hạng hoặc tốt hơn.</figcaption>\n</figure>\n",
	      f);
}

/* --- what varied, in Vietnamese --------------------------------------------- */

/* Appends "điểm của WHAT nhân với hệ số ngẫu nhiên trong [lo, hi]". */
static void vary_part(strbuf *sb, const char *what, double s)
{
	char lo[NUMFMT_MAX], hi[NUMFMT_MAX];

	strbuf_printf(sb,
	              "%sđiểm của %s nhân với hệ số ngẫu nhiên đều, độc lập "
	              "trong [%s, %s]",
	              sb->len ? "; " : "", what, numfmt_trim(1 - s, 4, lo),
	              numfmt_trim(1 + s, 4, hi));
}

/* What the runs varied: spreads (0: fixed) and the missing-data policy
 * (varied, or one fixed policy, or NULL: as the results). */
static void vary_text(strbuf *sb, double main, double ind, int missing_varied,
                      const char *missing_fixed)
{
	if (main > 0)
		vary_part(sb, "các chỉ số chính", main);
	if (ind > 0)
		vary_part(sb, "các chỉ số thành phần", ind);
	if (missing_varied)
		strbuf_printf(sb,
		              "%scách tính số liệu thiếu: zero hoặc exclude, "
		              "mỗi lần chạy chọn một với xác suất 1/2",
		              sb->len ? "; " : "");
	else if (missing_fixed)
		strbuf_printf(sb, "%scách tính số liệu thiếu: %s",
		              sb->len ? "; " : "", missing_fixed);
}

/* --- the report's section ------------------------------------------------- */

void sens_html_report_section(FILE *f, const char *tag, const rank_table *t,
                              const rank_group *g, const sens_doc *s)
{
	sens_interval *rows = xcalloc(g->count ? g->count : 1, sizeof(*rows));
	strbuf sb = STRBUF_INIT;
	size_t r, n = 0;

	for (r = g->first; r < g->first + g->count; r++) {
		const rs_unit *u = &t->set->units[t->rows[r]];
		const sens_doc_unit *su = sens_doc_find(s, u->code);

		if (!su)
			continue;
		rows[n].code = u->code;
		rows[n].name = u->name;
		rows[n].rank = t->rank[r];
		rows[n].median = su->median;
		rows[n].p05 = su->p05;
		rows[n].p95 = su->p95;
		rows[n++].keeps_place = su->keeps_place;
	}
	vary_text(&sb, s->spread_main, s->spread_indicators, s->missing_varied,
	          s->missing_fixed);
	fprintf(f,
	        "<%s>Độ nhạy của thứ hạng</%s>\n<p class=\"note\">Qua %.0f "
	        "lần chạy ngẫu nhiên (seed %.0f; chiso sensitivity): ",
	        tag, tag, s->runs, s->seed);
	put_esc(f, strbuf_str(&sb));
	fputs(". Mỗi lần chạy tính lại giá trị của mọi đơn vị từ điểm các "
	      "chỉ số thành phần trong kết quả và xếp hạng lại theo cùng "
	      "quy tắc.",
	      f);
	if (n < g->count)
		fprintf(f, " %zu đơn vị không có trong phân tích.",
		        g->count - n);
	fputs("</p>\n", f);
	if (n)
		sens_html_intervals(f, rows, n, g->count);
	strbuf_release(&sb);
	free(rows);
}

/* --- the page ------------------------------------------------------------ */

static const char style[] =
        "*{box-sizing:border-box}\n"
        "body{font-family:\"Noto Sans\",\"Segoe UI\",\"DejaVu Sans\","
        "\"Liberation Sans\",Arial,sans-serif;color:#1a202c;"
        "margin:24px auto;max-width:1240px;padding:0 16px;font-size:14px;"
        "line-height:1.4;overflow-wrap:break-word}\n"
        "h1{font-size:22px;margin:0 0 10px}\n"
        "h2{font-size:18px;margin:30px 0 10px;padding-bottom:4px;"
        "border-bottom:2px solid #2c5fa8}\n"
        "h3{font-size:16px;margin:24px 0 8px}\n"
        "dl.meta{display:grid;grid-template-columns:minmax(7em,200px) "
        "minmax(0,1fr);gap:3px 12px;margin:0 0 12px}\n"
        "dl.meta dt{color:#5b6675}\n"
        "dl.meta dd{margin:0;overflow-wrap:anywhere}\n"
        ".code{font-family:\"DejaVu Sans Mono\",\"Liberation Mono\","
        "monospace;font-size:.86em;color:#5b6675}\n"
        ".scroll,figure{overflow-x:auto;margin:8px 0}\n"
        "table{border-collapse:collapse;font-variant-numeric:tabular-nums}\n"
        "th,td{border:1px solid #d3d9e1;padding:3px 6px}\n"
        "th{background:#eef2f7;font-weight:600}\n"
        "td.num{text-align:right;white-space:nowrap}\n"
        "p.note{font-size:13px;color:#5b6675;margin:4px 0}\n"
        "footer{margin-top:32px;border-top:1px solid #d3d9e1;"
        "padding-top:8px;font-size:12px;color:#5b6675}\n"
        "@media print{@page{size:A4;margin:12mm}body{margin:0;"
        "max-width:none;padding:0;font-size:9.5pt}"
        "tr,figure{break-inside:avoid}}\n";

/* Doctype, meta tags (charset, CSP), title and stylesheet. */
static void page_head(FILE *f, const char *title)
{
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

/* One "dt, dd" pair, dd escaped. */
static void meta(FILE *f, const char *dt, const char *dd)
{
	fprintf(f, "<div style=\"display:contents\"><dt>%s</dt><dd>", dt);
	put_esc(f, dd);
	fputs("</dd></div>\n", f);
}

/* What was analysed, how, and what varied. */
static void page_meta(const sens_result *r, FILE *f)
{
	const rs_model *m = &r->t.set->models[r->t.model];
	strbuf sb = STRBUF_INIT;

	fputs("<dl class=\"meta\">\n", f);
	strbuf_printf(&sb, "%s (%s, phiên bản %s)", m->title, m->id,
	              m->version);
	meta(f, "Bộ chỉ số", strbuf_str(&sb));
	meta(f, "SHA-256", m->sha256);
	strbuf_reset(&sb);
	strbuf_printf(&sb, "%s (%s)",
	              r->t.by.kind == MEASURE_TOTAL ? "Tổng điểm"
	                                            : r->t.by.name,
	              r->t.by.id);
	meta(f, "Xếp hạng theo", strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_printf(&sb, "%zu", r->t.nrows);
	meta(f, "Số đơn vị được xếp hạng", strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_printf(&sb, "%zu (seed %llu; %s)", r->o.runs,
	              (unsigned long long)r->o.seed, SENS_GENERATOR);
	meta(f, "Số lần chạy", strbuf_str(&sb));
	strbuf_reset(&sb);
	vary_text(&sb, r->o.spec.vary_main ? r->o.spread_main : 0,
	          r->o.spec.vary_indicators ? r->o.spread_indicators : 0,
	          r->o.spec.npolicies > 1,
	          r->o.spec.npolicies == 1 &&
	                          r->o.spec.policy[0] != SENS_POLICY_RESULTS
	                  ? sens_policy_name(r->o.spec.policy[0])
	                  : NULL);
	meta(f, "Thay đổi", strbuf_str(&sb));
	fputs("</dl>\n", f);
	strbuf_release(&sb);
}

/* One group: its intervals and its table. */
static void page_group(const sens_result *r, const rank_group *g, FILE *f,
                       const char *tag)
{
	sens_interval *rows = xcalloc(g->count ? g->count : 1, sizeof(*rows));
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	size_t row, i;

	for (i = 0; i < g->count; i++) {
		const rs_unit *u = &r->t.set->units[r->t.rows[g->first + i]];
		const sens_unit *s = &r->units[g->first + i];

		rows[i].code = u->code;
		rows[i].name = u->name;
		rows[i].rank = r->t.rank[g->first + i];
		rows[i].median = s->median;
		rows[i].p05 = s->p05;
		rows[i].p95 = s->p95;
		rows[i].keeps_place = s->keeps_place;
	}
	fprintf(f, "<%s>Khoảng hạng</%s>\n", tag, tag);
	sens_html_intervals(f, rows, g->count, g->count);
	fputs("<div class=\"scroll\"><table>\n<thead><tr><th>Hạng</th>"
	      "<th>Mã</th><th>Đơn vị</th><th>Giá trị</th><th>Trung vị</th>"
	      "<th>P5</th><th>P95</th><th>Dịch chuyển lớn nhất</th>"
	      "<th>Giữ hạng hoặc tốt hơn</th><th>Giữ đúng hạng</th></tr>"
	      "</thead>\n<tbody>\n",
	      f);
	for (row = g->first; row < g->first + g->count; row++) {
		const rs_unit *u = &r->t.set->units[r->t.rows[row]];
		const sens_unit *s = &r->units[row];

		fprintf(f, "<tr><td class=\"num\">%zu</td><td class=\"code\">",
		        r->t.rank[row]);
		put_esc(f, u->code);
		fputs("</td><td>", f);
		put_esc(f, *u->name ? u->name : u->code);
		fprintf(f,
		        "</td><td class=\"num\">%s</td><td class=\"num\">%zu"
		        "</td><td class=\"num\">%zu</td><td class=\"num\">%zu"
		        "</td><td class=\"num\">%zu</td>",
		        numfmt_fixed(r->t.value[row], r->t.precision, a),
		        s->median, s->p05, s->p95, s->max_shift);
		fprintf(f, "<td class=\"num\">%s</td>",
		        percent(s->keeps_place, a));
		fprintf(f, "<td class=\"num\">%s</td></tr>\n",
		        percent(s->holds_rank, b));
	}
	fputs("</tbody>\n</table></div>\n", f);
	free(rows);
}

/* The summary and the first-order indices, each with a bar. */
static void page_factors(const sens_result *r, FILE *f)
{
	char a[NUMFMT_MAX], label[96];
	size_t k;

	fprintf(f,
	        "<h2>Tổng hợp</h2>\n<p>Dịch chuyển hạng tuyệt đối trung "
	        "bình: %s bậc (mỗi đơn vị, mỗi lần chạy).",
	        numfmt_fixed(r->mean_shift, 4, a));
	if (r->ntop)
		fprintf(f,
		        " %zu đơn vị có hạng công bố từ 1 đến %zu giữ nguyên "
		        "hạng cùng lúc trong %s số lần chạy.",
		        r->ntop, r->o.top, percent(r->top_held, a));
	fputs("</p>\n", f);
	if (r->nfactors == 0)
		return;
	fprintf(f,
	        "<h2>Yếu tố nào làm thứ hạng thay đổi nhiều nhất</h2>\n"
	        "<p class=\"note\">Chỉ số độ nhạy bậc nhất của mỗi yếu tố: "
	        "phần phương sai của dịch chuyển hạng tuyệt đối trung bình "
	        "(mỗi lần chạy) do riêng yếu tố đó giải thích. Ước lượng từ "
	        "dữ liệu mô phỏng, chia %zu lớp bằng nhau (Plischke, "
	        "Borgonovo &amp; Smith 2013, European Journal of Operational "
	        "Research 226(3)); giá trị dưới khoảng %s không phân biệt "
	        "được với 0.</p>\n",
	        r->classes,
	        numfmt_trim((double)(r->classes - 1) / (double)r->o.runs, 4,
	                    a));
	fputs("<div class=\"scroll\"><table>\n<thead><tr><th>Yếu tố</th>"
	      "<th>Tên</th><th>Chỉ số</th><th></th></tr></thead>\n<tbody>\n",
	      f);
	for (k = 0; k < r->nfactors; k++) {
		double x = r->factors[k].index;

		fputs("<tr><td class=\"code\">", f);
		put_esc(f, sens_factor_label(r, k, label, sizeof(label)));
		fputs("</td><td>", f);
		put_esc(f, sens_factor_name(r, k));
		fprintf(f, "</td><td class=\"num\">%s</td><td>",
		        isnan(x) ? "&#8211;" : numfmt_fixed(x, 4, a));
		fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" "
		      "height=\"10\" role=\"img\"><title>",
		      f);
		fputs(isnan(x) ? "&#8211;" : a, f);
		fputs("</title><rect", f);
		attr(f, "width", isnan(x) ? 0 : 200 * x);
		fprintf(f, " height=\"10\" fill=\"%s\"/></svg></td></tr>\n",
		        IV_BAR);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

/* What the analysis says and does not say. */
static void page_foot(const sens_result *r, FILE *f)
{
	fprintf(f,
	        "<footer>\n<p>Hạng công bố là hạng của chiso rank: giá trị "
	        "làm tròn đến %d chữ số thập phân, đồng hạng chia chung hạng. "
	        "Mỗi lần chạy tính lại giá trị từ điểm các chỉ số trong kết "
	        "quả (không chạy lại phương pháp tính) và xếp hạng theo cùng "
	        "quy tắc. Phân tích cho biết thứ hạng vững đến đâu khi các "
	        "lựa chọn về trọng số và số liệu thiếu thay đổi trong khoảng "
	        "đã nêu; nó không đánh giá số liệu đầu vào có đúng hay "
	        "không.</p>\n<p>Tạo bởi " PACKAGE_STRING ".</p>\n</footer>\n",
	        r->t.precision);
}

void sens_write_html(const sens_result *r, FILE *f, const char *title)
{
	const rs_model *m = &r->t.set->models[r->t.model];
	int grouped =
	        r->t.ngroups > 1 || (r->t.ngroups == 1 && *r->t.groups[0].key);
	strbuf sb = STRBUF_INIT;
	size_t g;

	if (title && *title)
		strbuf_puts(&sb, title);
	else
		strbuf_printf(&sb, "Độ nhạy của thứ hạng: %s",
		              *m->title ? m->title : m->id);
	page_head(f, strbuf_str(&sb));
	fputs("<header>\n<h1>", f);
	put_esc(f, strbuf_str(&sb));
	fputs("</h1>\n", f);
	page_meta(r, f);
	fputs("</header>\n<main>\n", f);
	for (g = 0; g < r->t.ngroups; g++) {
		const rank_group *gr = &r->t.groups[g];

		if (grouped) {
			fputs("<h2>", f);
			put_esc(f, gr->title);
			fputs(" <span class=\"code\">", f);
			put_esc(f, *gr->key ? gr->key : "-");
			fputs("</span></h2>\n", f);
		}
		page_group(r, gr, f, grouped ? "h3" : "h2");
	}
	page_factors(r, f);
	fputs("</main>\n", f);
	page_foot(r, f);
	fputs("</body>\n</html>\n", f);
	strbuf_release(&sb);
}
