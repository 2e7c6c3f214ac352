/*
 * test_report_html.c - unit tests for core/publish/report_html.c: the report of
 * the Yên Bái 2022 example (well-formed, self-contained, every unit and
 * value, the tie "5, 5, 7"), escaping of hostile names, codes, titles and
 * problems, bad bytes, missing values (no NaN text) and an empty ranking.
 *
 * With CHISO_REPORT_HTML_OUT=FILE set, test_example also writes the
 * example's report to FILE (to look at it in a browser).
 */
#include "fixtures.h"
#include "cutest.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "publish/rank.h"
#include "publish/report_html.h"
#include "read/results_set.h"
#include "results/results_json.h"
#include "util/numfmt.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SVG_NS "http://www.w3.org/2000/svg"

/* A results set read from files, its ranking and the report's text. */
struct rep {
	char *dir;
	rs_set set;
	rank_table t;
	diag d;
	int ranked;
	char *html;
};

/* --- helpers ------------------------------------------------------------ */

/* Writes text to dir/name; returns the path (caller frees) or NULL. */
static char *write_file(const char *dir, const char *name, const char *text)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *path = malloc(len);
	FILE *f;

	if (!path)
		return NULL;
	snprintf(path, len, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		free(path);
		return NULL;
	}
	fputs(text, f);
	fclose(f);
	return path;
}

/* The report of r->t as a string (r->html), through open_memstream. */
static void render(struct rep *r, const char *title)
{
	size_t len = 0;
	FILE *f;

	free(r->html);
	r->html = NULL;
	f = open_memstream(&r->html, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	report_html_write(&r->t, f, title);
	CU_ASSERT_EQUAL(fclose(f), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r->html);
	CU_ASSERT_EQUAL(strlen(r->html), len);
}

/* Reads results text (written to a temporary file) into r and ranks it;
 * returns r->ranked. */
static int load_text(struct rep *r, const char *json, rank_grouping g,
                     int mixed, const char *json2)
{
	rank_opts o = {NULL, g, mixed};
	char *path;

	memset(r, 0, sizeof(*r));
	rs_init(&r->set);
	r->dir = fixture_tmpdir();
	CU_ASSERT_PTR_NOT_NULL_FATAL(r->dir);
	path = write_file(r->dir, "r.json", json);
	CU_ASSERT_PTR_NOT_NULL_FATAL(path);
	CU_ASSERT_EQUAL(rs_read_file(&r->set, path, &r->d), 0);
	free(path);
	if (json2) {
		path = write_file(r->dir, "r2.json", json2);
		CU_ASSERT_EQUAL(rs_read_file(&r->set, path, &r->d), 0);
		free(path);
	}
	if (r->d.count == 0 && rank_build(&r->t, &r->set, &o, &r->d) == 0)
		r->ranked = 1;
	if (!r->ranked)
		fixture_diag_dump(&r->d);
	return r->ranked;
}

/* Evaluates the example model on the 2022 Yên Bái districts into a
 * results document (text; caller frees), as chiso evaluate -f json. */
static char *example_results(void)
{
	plugin_registry *reg = fixture_registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_example_model(reg, &d);
	static const char rel[] = "examples/yen-bai-districts-2022.yaml";
	char *data, *out = NULL;
	size_t len, olen = 0;
	batch b;
	FILE *f;

	data = fixture_read_source(rel, &len);
	if (!m || !data) {
		fixture_diag_dump(&d);
		goto out_free;
	}
	batch_init(&b, m);
	if (data_load_buffer(&b, rel, data, len, &d) == 0) {
		eval_batch(&b);
		f = open_memstream(&out, &olen);
		results_json_write(&b, f);
		fclose(f);
	}
	batch_free(&b);
out_free:
	free(data);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return out;
}

/* Frees what load_text() and render() made. */
static void rep_free(struct rep *r)
{
	if (r->ranked)
		rank_free(&r->t);
	rs_free(&r->set);
	diag_free(&r->d);
	if (r->dir)
		fixture_rmtree(r->dir);
	free(r->dir);
	free(r->html);
}

/* Number of occurrences of needle in s. */
static size_t count(const char *s, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	const char *p = s;

	for (p = strstr(p, needle); p; p = strstr(p + len, needle))
		n++;
	return n;
}

/* 1 when word occurs in s (any case) not inside a longer word. */
static int has_word(const char *s, const char *word)
{
	size_t len = strlen(word), i;

	for (i = 0; s[i]; i++) {
		if (strncasecmp(s + i, word, len) != 0)
			continue;
		if ((i == 0 || !isalpha((unsigned char)s[i - 1])) &&
		    !isalpha((unsigned char)s[i + len]))
			return 1;
	}
	return 0;
}

/* Checks the skeleton: doctype, lang, charset, CSP, balanced elements,
 * no scripts and no address outside the SVG namespace. */
static void check_wellformed(const char *html)
{
	const char *p;

	CU_ASSERT_EQUAL(strncmp(html, "<!DOCTYPE html>\n", 16), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(html, "<html lang=\"vi\">"));
	CU_ASSERT_PTR_NOT_NULL(strstr(html, "<meta charset=\"utf-8\">"));
	CU_ASSERT_PTR_NOT_NULL(strstr(
	        html, "<meta http-equiv=\"Content-Security-Policy\" content=\""
	              "default-src 'none'; style-src 'unsafe-inline'; "
	              "img-src data:\">"));
	CU_ASSERT(count(html, "<svg") > 0);
	CU_ASSERT_EQUAL(count(html, "<svg"), count(html, "</svg>"));
	CU_ASSERT_EQUAL(count(html, "<svg"), count(html, SVG_NS));
	CU_ASSERT_EQUAL(count(html, "<table"), count(html, "</table>"));
	CU_ASSERT_EQUAL(count(html, "<tr>"), count(html, "</tr>"));
	CU_ASSERT_EQUAL(count(html, "<section"), count(html, "</section>"));
	CU_ASSERT_EQUAL(count(html, "<style>"), 1);
	CU_ASSERT_EQUAL(count(html, "<script"), 0);
	CU_ASSERT_EQUAL(count(html, "<link"), 0);
	CU_ASSERT_EQUAL(count(html, "<img"), 0);
	CU_ASSERT_EQUAL(count(html, "url("), 0);
	CU_ASSERT_EQUAL(count(html, "@import"), 0);
	for (p = strstr(html, "http"); p; p = strstr(p + 1, "http"))
		if (strncmp(p, "http://", 7) == 0 ||
		    strncmp(p, "https://", 8) == 0)
			CU_ASSERT_EQUAL(strncmp(p, SVG_NS, strlen(SVG_NS)), 0);
	CU_ASSERT(strlen(html) > 7 &&
	          strcmp(html + strlen(html) - 8, "</html>\n") == 0);
	CU_ASSERT_FALSE(has_word(html, "nan"));
	CU_ASSERT_FALSE(has_word(html, "inf"));
	CU_ASSERT_FALSE(has_word(html, "infinity"));
}

/* The ranks in the ranking tables' rank cells, in order; returns how
 * many were found (at most max). */
static size_t rank_cells(const char *html, size_t *out, size_t max)
{
	static const char cell[] = "<td class=\"rank\">";
	const char *p = html, *end;
	size_t n = 0;

	for (p = strstr(p, "<table class=\"ranking\">"); p;
	     p = strstr(end, "<table class=\"ranking\">")) {
		end = strstr(p, "</table>");
		if (!end)
			break;
		for (p = strstr(p, cell); p && p < end && n < max;
		     p = strstr(p + 1, cell))
			out[n++] = strtoul(p + strlen(cell), NULL, 10);
	}
	return n;
}

/* --- the 2022 example ------------------------------------------------ */

/* Loads the 2022 example, ranked with grouping g. */
static int load_example(struct rep *r, rank_grouping g)
{
	char *json = example_results();
	int ok;

	CU_ASSERT_PTR_NOT_NULL_FATAL(json);
	ok = load_text(r, json, g, 0, NULL);
	free(json);
	return ok;
}

/* Writes the report to $CHISO_REPORT_HTML_OUT when set. */
static void maybe_save(const char *html)
{
	const char *path = getenv("CHISO_REPORT_HTML_OUT");
	FILE *f;

	if (!path || !*path)
		return;
	f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(html, f);
	CU_ASSERT_EQUAL(fclose(f), 0);
}

/* Every unit: its name, code, published value and points. */
static void check_units(const struct rep *r)
{
	char buf[NUMFMT_MAX], want[256];
	size_t k;

	for (k = 0; k < r->t.nrows; k++) {
		const rs_unit *u = &r->set.units[r->t.rows[k]];

		CU_ASSERT_PTR_NOT_NULL(strstr(r->html, u->name));
		snprintf(want, sizeof(want), "<td class=\"code\">%s</td>",
		         u->code);
		CU_ASSERT_PTR_NOT_NULL(strstr(r->html, want));
		snprintf(want, sizeof(want), "<td class=\"num val\">%s</td>",
		         numfmt_fixed(r->t.value[k], 4, buf));
		CU_ASSERT_PTR_NOT_NULL(strstr(r->html, want));
		snprintf(want, sizeof(want), "<td class=\"num\">%s / 100</td>",
		         numfmt_fixed(u->points, 4, buf));
		CU_ASSERT_PTR_NOT_NULL(strstr(r->html, want));
		/* one bar and one profile per unit */
		snprintf(want, sizeof(want), "<title>%s: %s</title>", u->name,
		         numfmt_fixed(r->t.value[k], 4, buf));
		CU_ASSERT_EQUAL(count(r->html, want), 1);
		snprintf(want, sizeof(want), "<title>Hồ sơ chỉ số: %s</title>",
		         u->name);
		CU_ASSERT_EQUAL(count(r->html, want), 1);
	}
}

/* The report of the 9 districts: skeleton, heading, units, charts. */
static void test_example(void)
{
	struct rep r;

	if (!load_example(&r, GROUP_NONE)) {
		CU_FAIL("the example did not rank");
		rep_free(&r);
		return;
	}
	CU_ASSERT_EQUAL_FATAL(r.t.nrows, 9);
	render(&r, NULL);
	maybe_save(r.html);
	check_wellformed(r.html);
	CU_ASSERT_PTR_NOT_NULL(strstr(
	        r.html, "<title>Bộ chỉ số đánh giá chuyển đổi số cấp huyện (ví "
	                "dụ)</title>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(
	        r.html,
	        "<h1>Bộ chỉ số đánh giá chuyển đổi số cấp huyện (ví dụ)</h1>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "vn-district-example"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "phiên bản 2023"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, ">5e2af642804c</span>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<dd>chiso "));
	CU_ASSERT_PTR_NOT_NULL(
	        strstr(r.html, "<dt>Số đơn vị được xếp hạng</dt><dd>9</dd>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<dt>Xếp hạng theo</dt><dd>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<dt>Kỳ đánh giá</dt><dd>2022"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "Không chia nhóm"));
	/* columns: 5 main indices and 2 views, with their legend */
	CU_ASSERT_PTR_NOT_NULL(
	        strstr(r.html, "<span><b>CQS</b> Chính quyền số</span>"));
	CU_ASSERT_PTR_NOT_NULL(
	        strstr(r.html, "<span><b>5</b> Hoạt động xã hội số</span>"));
	check_units(&r);
	/* one bar chart, one heat map, one legend, 9 profiles */
	CU_ASSERT_EQUAL(count(r.html, "class=\"bars\""), 1);
	CU_ASSERT_EQUAL(count(r.html, "<table class=\"heat\">"), 1);
	CU_ASSERT_EQUAL(count(r.html, "class=\"heatkey\""), 1);
	CU_ASSERT_EQUAL(count(r.html, "<article class=\"profile\""), 9);
	CU_ASSERT_EQUAL(count(r.html, "<td class=\"v\" style=\"background:#"),
	                9 * 5);
	CU_ASSERT_EQUAL(count(r.html, "Đơn vị không được xếp hạng"), 0);
	rep_free(&r);
}

/* The tie (Lục Yên and Văn Yên carry the same data: 5, 5, then 7):
 * the ranks printed are t.rank, the tied pair shares one, the next
 * skips. */
static void test_tie(void)
{
	size_t got[32], n, k, tie = 0;
	struct rep r;

	if (!load_example(&r, GROUP_NONE)) {
		CU_FAIL("the example did not rank");
		rep_free(&r);
		return;
	}
	render(&r, NULL);
	n = rank_cells(r.html, got, 32);
	CU_ASSERT_EQUAL_FATAL(n, r.t.nrows);
	for (k = 0; k < n; k++)
		CU_ASSERT_EQUAL(got[k], r.t.rank[k]);
	for (k = 0; k + 2 < n; k++)
		if (got[k] == got[k + 1] && got[k + 2] == got[k] + 2)
			tie = k + 1;
	CU_ASSERT_FATAL(tie > 0);
	k = tie - 1;
	CU_ASSERT_EQUAL(got[k], 5);
	CU_ASSERT_EQUAL(got[k + 2], 7);
	CU_ASSERT_STRING_EQUAL(r.set.units[r.t.rows[k]].code, "YB.LYE");
	CU_ASSERT_STRING_EQUAL(r.set.units[r.t.rows[k + 1]].code, "YB.VYE");
	CU_ASSERT_EQUAL(r.t.value[k], r.t.value[k + 1]);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<h4>5. Huyện Lục Yên"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<h4>5. Huyện Văn Yên"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<h4>7. Huyện Văn Chấn"));
	rep_free(&r);
}

/* Grouped by parent: a heading per group with its key, the grouping
 * named in the heading, sections at h3. */
static void test_grouped(void)
{
	struct rep r;

	if (!load_example(&r, GROUP_PARENT)) {
		CU_FAIL("the example did not rank");
		rep_free(&r);
		return;
	}
	CU_ASSERT_EQUAL_FATAL(r.t.ngroups, 1);
	render(&r, "Xếp hạng cấp huyện tỉnh Yên Bái năm 2022");
	check_wellformed(r.html);
	CU_ASSERT_PTR_NOT_NULL(strstr(
	        r.html, "<h1>Xếp hạng cấp huyện tỉnh Yên Bái năm 2022</h1>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<h2>YB <span class=\"r\">(9 "
	                                      "đơn vị)</span></h2>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "Theo đơn vị cấp trên, 1 nhóm"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<h3>Bảng xếp hạng</h3>"));
	rep_free(&r);
}

/* --- hand-written results --------------------------------------------- */

/* A results document of one model with 2 main indices and one view; a
 * hostile unit name, code, class, model title, node name and problem. */
static const char hostile_json[] =
        "{\"format\": 1, \"generator\": \"chiso test\", \"model\": {\n"
        " \"id\": \"m<1>\", \"version\": \"1&2\",\n"
        " \"title\": \"Bộ <b>chỉ số</b> & \\\"thử\\\"\",\n"
        " \"sha256\": \"0123456789abcdef0123\", \"precision\": 4,"
        " \"points\": 20,\n"
        " \"nodes\": [\n"
        "  {\"id\": \"1\", \"name\": \"Chỉ số \\\"một\\\" <i>\", \"points\": "
        "10,"
        " \"parent\": null},\n"
        "  {\"id\": \"1.1\", \"name\": \"a\", \"points\": 10, \"parent\": "
        "\"1\","
        " \"method\": \"points\"},\n"
        "  {\"id\": \"2\", \"name\": \"Hai's\", \"points\": 10, \"parent\": "
        "null},\n"
        "  {\"id\": \"2.1\", \"name\": \"b\", \"points\": 10, \"parent\": "
        "\"2\","
        " \"method\": \"points\"}],\n"
        " \"views\": [{\"id\": \"V\", \"name\": \"<u>view</u>\"}],\n"
        " \"classes\": [{\"id\": \"c\", \"name\": \"Loại <u>A</u>\"}]},\n"
        "\"units\": [\n"
        " {\"unit\": {\"code\": \"X'1\", \"name\": "
        "\"<script>alert(1)</script> & \\\"x\\\"\", \"parent\": \"P\"},\n"
        "  \"stage\": \"final\", \"status\": \"ok\", \"points\": 15, \"max\": "
        "20,"
        " \"value\": 0.75, \"class\": \"c\",\n"
        "  \"nodes\": [{\"id\": \"1\", \"points\": 10, \"max\": 10, \"value\": "
        "1,"
        " \"status\": \"ok\"},\n"
        "   {\"id\": \"1.1\", \"points\": 10, \"max\": 10, \"value\": 1,"
        " \"status\": \"ok\"},\n"
        "   {\"id\": \"2\", \"points\": 5, \"max\": 10, \"value\": 0.5,"
        " \"status\": \"ok\"},\n"
        "   {\"id\": \"2.1\", \"points\": 5, \"max\": 10, \"value\": 0.5,"
        " \"status\": \"ok\"}],\n"
        "  \"views\": [{\"id\": \"V\", \"points\": 15, \"max\": 20,"
        " \"value\": 0.75}], \"problems\": []},\n"
        " {\"unit\": {\"code\": \"Y\", \"name\": \"Xã <b>Y</b>\","
        " \"parent\": \"P\"},\n"
        "  \"stage\": \"final\", \"status\": \"ok\", \"points\": 0, \"max\": "
        "20,"
        " \"value\": 0, \"class\": null,\n"
        "  \"class_failed\": [{\"class\": \"c\", \"why\": "
        "\"<script>x</script>\"}],\n"
        "  \"nodes\": [{\"id\": \"1\", \"points\": 0, \"max\": 10, \"value\": "
        "0,"
        " \"status\": \"ok\"},\n"
        "   {\"id\": \"1.1\", \"points\": 0, \"max\": 10, \"value\": 0,"
        " \"status\": \"ok\"},\n"
        "   {\"id\": \"2\", \"points\": 0, \"max\": 10, \"value\": 0,"
        " \"status\": \"ok\"},\n"
        "   {\"id\": \"2.1\", \"points\": 0, \"max\": 10, \"value\": 0,"
        " \"status\": \"ok\"}],\n"
        "  \"views\": [{\"id\": \"V\", \"points\": 0, \"max\": 20,"
        " \"value\": 0}], \"problems\": []},\n"
        " {\"unit\": {\"code\": \"<Z>\", \"name\": \"<img src=x "
        "onerror=1>\"},\n"
        "  \"stage\": \"final\", \"status\": \"invalid\",\n"
        "  \"problems\": [\"value <b>bad</b> & \\\"quoted\\\"\", "
        "\"second\"]},\n"
        " {\"unit\": {\"code\": \"E\", \"name\": \"Lỗi\"},\n"
        "  \"stage\": \"final\", \"status\": \"error\", \"points\": 0,"
        " \"max\": 20, \"value\": 0,\n"
        "  \"nodes\": [{\"id\": \"1\", \"points\": 0, \"max\": 10, \"value\": "
        "0,"
        " \"status\": \"error\"},\n"
        "   {\"id\": \"1.1\", \"points\": 0, \"max\": 10, \"value\": 0,"
        " \"status\": \"error\", \"note\": \"plugin <failed>\"},\n"
        "   {\"id\": \"2\", \"points\": 0, \"max\": 10, \"value\": 0,"
        " \"status\": \"ok\"},\n"
        "   {\"id\": \"2.1\", \"points\": 0, \"max\": 10, \"value\": 0,"
        " \"status\": \"ok\"}],\n"
        "  \"views\": [{\"id\": \"V\", \"points\": 0, \"max\": 20,"
        " \"value\": 0}], \"problems\": []}\n"
        "]}\n";

/* Everything from the data is escaped; nothing is markup. */
static void test_escape(void)
{
	struct rep r;

	if (!load_text(&r, hostile_json, GROUP_PARENT, 0, NULL)) {
		CU_FAIL("the hostile results did not rank");
		rep_free(&r);
		return;
	}
	CU_ASSERT_EQUAL(r.t.nrows, 2);
	CU_ASSERT_EQUAL(r.t.nunranked, 2);
	render(&r, NULL);
	check_wellformed(r.html);
	CU_ASSERT_PTR_NULL(strstr(r.html, "<script>"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "alert(1)</script>"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "<b>chỉ"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "<b>Y"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "<b>bad"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "<i>"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "<u>"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "<img"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "<Z>"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "X'1"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "<failed>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html,
	                              "&lt;script&gt;alert(1)&lt;/"
	                              "script&gt; &amp; &quot;x&quot;"));
	CU_ASSERT_PTR_NOT_NULL(
	        strstr(r.html, "<td class=\"code\">X&#39;1</td>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<title>Bộ &lt;b&gt;chỉ "
	                                      "số&lt;/b&gt; &amp; "
	                                      "&quot;thử&quot;</title>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "m&lt;1&gt;"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "phiên bản 1&amp;2"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "Chỉ số &quot;một&quot; "
	                                      "&lt;i&gt;"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<b>2</b> Hai&#39;s</span>"));
	CU_ASSERT_PTR_NOT_NULL(
	        strstr(r.html, "<td class=\"cls\">Loại &lt;u&gt;A&lt;/u&gt;"
	                       "</td>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "title=\"not c: "
	                                      "&lt;script&gt;x&lt;/script&gt;"
	                                      "\""));
	/* the unranked units, with their first problem or failed node */
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "Đơn vị không được xếp hạng"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<td class=\"code\">&lt;Z&gt;"
	                                      "</td><td>&lt;img src=x "
	                                      "onerror=1&gt;</td>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "value &lt;b&gt;bad&lt;/b&gt; "
	                                      "&amp; &quot;quoted&quot;"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "(và 1 vấn đề khác)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "Chỉ tiêu 1.1 lỗi: plugin "
	                                      "&lt;failed&gt;"));
	/* the view column: value (rank) */
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "0.7500 <span class=\"r\">(1)"
	                                      "</span>"));
	rep_free(&r);
}

/* A title given by the caller is escaped too; bad bytes and control
 * characters in data come out as U+FFFD. */
static void test_title_and_bytes(void)
{
	struct rep r;

	if (!load_text(&r, hostile_json, GROUP_NONE, 0, NULL)) {
		CU_FAIL("the hostile results did not rank");
		rep_free(&r);
		return;
	}
	r.set.units[r.t.rows[1]].name = "A\x01\xff\xc3 B\xe1\xba\xa1";
	render(&r, "Báo cáo <2022> & \"x\" 'y'");
	check_wellformed(r.html);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html,
	                              "<h1>Báo cáo &lt;2022&gt; &amp; "
	                              "&quot;x&quot; &#39;y&#39;</h1>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "A\xef\xbf\xbd\xef\xbf\xbd"
	                                      "\xef\xbf\xbd B\xe1\xba\xa1"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "\x01"));
	CU_ASSERT_PTR_NULL(strstr(r.html, "\xff"));
	rep_free(&r);
}

/* A second model lacking main index 2 and the view: allowed mixed, its
 * unit's missing columns print as dashes. */
static void test_missing_values(void)
{
	static const char other[] =
	        "{\"format\": 1, \"model\": {\"id\": \"m2\", \"version\": "
	        "\"1\","
	        " \"title\": \"Khác\", \"sha256\": \"ffff\", \"precision\": 4,"
	        " \"points\": 10, \"nodes\": [{\"id\": \"1\", \"name\": "
	        "\"Một\","
	        " \"points\": 10, \"parent\": null, \"method\": "
	        "\"points\"}]},\n"
	        "\"units\": [{\"unit\": {\"code\": \"W\", \"name\": \"Phường "
	        "W\"},"
	        " \"stage\": \"self\", \"status\": \"ok\", \"points\": 4,"
	        " \"max\": 10, \"value\": 0.4, \"nodes\": [{\"id\": \"1\","
	        " \"points\": 4, \"max\": 10, \"value\": 0.4, \"status\": "
	        "\"ok\"}], \"problems\": []}]}\n";
	struct rep r;

	if (!load_text(&r, hostile_json, GROUP_NONE, 1, other)) {
		CU_FAIL("the mixed results did not rank");
		rep_free(&r);
		return;
	}
	CU_ASSERT_EQUAL(r.set.nmodels, 2);
	render(&r, NULL);
	check_wellformed(r.html);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "Phường W"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html,
	                              "<td class=\"num ix\">\xe2\x80\x93"
	                              "</td>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "\">\xe2\x80\x93</td>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "m2</span>, phiên bản 1)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "final, self"));
	rep_free(&r);
}

/* Only unranked units: no table, the list of why. */
static void test_nothing_ranked(void)
{
	static const char json[] =
	        "{\"format\": 1, \"model\": {\"id\": \"m\", \"version\": \"1\","
	        " \"title\": \"T\", \"sha256\": \"ab\", \"precision\": 2,"
	        " \"nodes\": [{\"id\": \"1\", \"name\": \"Một\", \"points\": 1,"
	        " \"parent\": null, \"method\": \"points\"}]},\n\"units\": "
	        "[{\"unit\": {\"code\": "
	        "\"Q\","
	        " \"name\": \"Xã Q\"}, \"status\": \"invalid\", \"problems\":"
	        " [\"missing input\"]}]}\n";
	struct rep r;

	if (!load_text(&r, json, GROUP_PARENT, 0, NULL)) {
		CU_FAIL("the results did not rank");
		rep_free(&r);
		return;
	}
	CU_ASSERT_EQUAL(r.t.nrows, 0);
	render(&r, NULL);
	CU_ASSERT_EQUAL(strncmp(r.html, "<!DOCTYPE html>\n", 16), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "Không có đơn vị nào được xếp "
	                                      "hạng."));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "<td>Xã Q</td>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.html, "missing input"));
	CU_ASSERT_EQUAL(count(r.html, "<svg"), 0);
	CU_ASSERT_FALSE(has_word(r.html, "nan"));
	rep_free(&r);
}

static CU_TestInfo tests[] = {
        {"the 2022 example: skeleton, heading, units", test_example},
        {"the tie prints 5, 5, 7 as t.rank", test_tie},
        {"grouped by parent", test_grouped},
        {"hostile names, codes and problems are escaped", test_escape},
        {"caller's title, bad bytes", test_title_and_bytes},
        {"missing values print as dashes", test_missing_values},
        {"nothing ranked", test_nothing_ranked},
        CU_TEST_INFO_NULL};

CUTEST_MAIN("report_html", tests)
