/*
 * test_model_doc.c - the model document (core/modeldoc/model_doc.c): the
 * sentence written for each built-in method, in Vietnamese and English,
 * from small models; escaping for Markdown and HTML; and the document's
 * numbering, columns and checked totals.
 */
#include "fixtures.h"
#include "cutest.h"
#include "modeldoc/model_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HDR "model:\n  id: t\n  version: \"1\"\n  title: T\n"

/* A registry with the built-in and the test-only plugins. */
static plugin_registry *registry(void)
{
	plugin_registry *reg = fixture_registry();

	plugin_registry_add_dir(reg, fixture_test_plugin_dir());
	return reg;
}

/* The sentence for node id of the model yaml, in lang and fmt. Caller
 * frees; NULL when the model does not load. */
static char *describe_fmt(const char *yaml, const char *id, model_doc_lang lang,
                          model_doc_format fmt)
{
	plugin_registry *reg = registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, yaml, &d);
	strbuf sb = STRBUF_INIT;
	char *s = NULL;

	if (m) {
		model_doc_describe(m, fixture_node(m, id), lang, fmt, &sb);
		s = strbuf_detach(&sb);
	} else {
		fixture_diag_dump(&d);
	}
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return s;
}

/* 1 when node id's sentence is vi in Vietnamese and en in English (plain
 * text); prints what differs. */
static int says(const char *yaml, const char *id, const char *vi,
                const char *en)
{
	const char *want[2] = {vi, en};
	int lang, ok = 1;

	for (lang = 0; lang < 2; lang++) {
		char *got = describe_fmt(yaml, id, (model_doc_lang)lang,
		                         MODEL_DOC_TEXT);

		if (!got || strcmp(got, want[lang]) != 0) {
			fprintf(stderr, "\n%s (%s):\n got: %s\nwant: %s\n", id,
			        lang ? "en" : "vi", got ? got : "(no model)",
			        want[lang]);
			ok = 0;
		}
		free(got);
	}
	return ok;
}

/* ratio: labels, not ids; the target as a percentage; zero denominator. */
static void test_ratio(void)
{
	static const char yaml[] =
	        HDR "inputs:\n"
	            "  a: {type: integer, min: 0, label: \"Số hồ sơ trực "
	            "tuyến\"}\n"
	            "  b: {type: integer, min: 0, label: \"Tổng số hồ sơ\"}\n"
	            "indices:\n"
	            "  - {id: \"1\", name: R, points: 20, method: ratio, "
	            "params: {numerator: a, denominator: b, target: 0.5, "
	            "zero_denominator: zero}}\n"
	            "  - {id: \"2\", name: S, points: 10, method: ratio, "
	            "params: {numerator: a, denominator: b}}\n"
	            "  - {id: \"3\", name: F, points: 10, method: ratio, "
	            "params: {numerator: a, denominator: b, target: 0.07, "
	            "zero_denominator: full}}\n";

	CU_ASSERT(says(yaml, "1",
	               "Tỷ lệ “Số hồ sơ trực tuyến” (`a`) / “Tổng số hồ sơ” "
	               "(`b`) ÷ 50% × 20 điểm, đủ điểm từ 50%; mẫu số bằng 0 "
	               "→ 0 điểm",
	               "Ratio “Số hồ sơ trực tuyến” (`a`) / “Tổng số hồ sơ” "
	               "(`b`) ÷ 50% × 20 points, full points from 50%; zero "
	               "denominator → 0 points"));
	CU_ASSERT(says(yaml, "2",
	               "Tỷ lệ “Số hồ sơ trực tuyến” (`a`) / “Tổng số hồ sơ” "
	               "(`b`) × 10 điểm; mẫu số bằng 0 → không áp dụng",
	               "Ratio “Số hồ sơ trực tuyến” (`a`) / “Tổng số hồ sơ” "
	               "(`b`) × 10 points; zero denominator → not applicable"));
	/* 0.07 x 100 is 7.000000000000001 in binary: printed 7% */
	CU_ASSERT(says(yaml, "3",
	               "Tỷ lệ “Số hồ sơ trực tuyến” (`a`) / “Tổng số hồ sơ” "
	               "(`b`) ÷ 7% × 10 điểm, đủ điểm từ 7%; mẫu số bằng 0 → "
	               "đủ điểm",
	               "Ratio “Số hồ sơ trực tuyến” (`a`) / “Tổng số hồ sơ” "
	               "(`b`) ÷ 7% × 10 points, full points from 7%; zero "
	               "denominator → full points"));
}

/* bands: fractions become points, thresholds carry the unit; decimal
 * commas in Vietnamese; lower_is_better. */
static void test_bands(void)
{
	static const char yaml[] = HDR
	        "inputs:\n"
	        "  m: {type: integer, min: 0, label: \"Số cuộc họp\", "
	        "unit: \"cuộc\"}\n"
	        "  p: {type: number, label: \"Tỷ lệ chỉ dùng 2G\", unit: "
	        "\"%\"}\n"
	        "  x: {type: number}\n"
	        "indices:\n"
	        "  - {id: \"1\", name: B, points: 20, method: bands, "
	        "params: {input: m, bands: [[4, 1.0], [3, 0.75], [2, 0.5], "
	        "[1, 0.25]]}}\n"
	        "  - {id: \"2\", name: L, points: 5, method: bands, params: "
	        "{input: p, lower_is_better: true, bands: [[5, 1], [10.5, "
	        "0.5]]}}\n"
	        "  - {id: \"3\", name: X, points: 3, method: bands, params: "
	        "{input: x, bands: [[1.5, 1], [0.5, 0.333]]}}\n";

	CU_ASSERT(says(yaml, "1",
	               "“Số cuộc họp” (`m`) ≥ 4 cuộc → 20 điểm; ≥ 3 cuộc → 15; "
	               "≥ 2 cuộc → 10; ≥ 1 cuộc → 5; dưới 1 cuộc → 0",
	               "“Số cuộc họp” (`m`) ≥ 4 cuộc → 20 points; ≥ 3 cuộc → "
	               "15; ≥ 2 cuộc → 10; ≥ 1 cuộc → 5; below 1 cuộc → 0"));
	CU_ASSERT(says(yaml, "2",
	               "“Tỷ lệ chỉ dùng 2G” (`p`) ≤ 5% → 5 điểm; ≤ 10,5% → "
	               "2,5; trên 10,5% → 0",
	               "“Tỷ lệ chỉ dùng 2G” (`p`) ≤ 5% → 5 points; ≤ 10.5% → "
	               "2.5; above 10.5% → 0"));
	/* an input without label or unit: its id; points to the precision */
	CU_ASSERT(says(yaml, "3",
	               "`x` ≥ 1,5 → 3 điểm; ≥ 0,5 → 0,999; dưới 0,5 → 0",
	               "`x` ≥ 1.5 → 3 points; ≥ 0.5 → 0.999; below 0.5 → 0"));
}

/* boolean and choice: the choices in the input's order, not the
 * scores map's. */
static void test_boolean_choice(void)
{
	static const char yaml[] =
	        HDR "inputs:\n"
	            "  k: {type: boolean, label: \"Có kế hoạch CĐS\"}\n"
	            "  c: {type: choice, choices: [head, deputy, none], "
	            "label: \"Trưởng ban\"}\n"
	            "indices:\n"
	            "  - {id: \"1\", name: K, points: 5, method: boolean, "
	            "params: {input: k}}\n"
	            "  - {id: \"2\", name: C, points: 5, method: choice, "
	            "params: {input: c, scores: {none: 0, deputy: 0.5, head: "
	            "1}}}\n";

	CU_ASSERT(says(yaml, "1",
	               "“Có kế hoạch CĐS” (`k`): có → 5 điểm; "
	               "không → 0",
	               "“Có kế hoạch CĐS” (`k`): yes → 5 points; no → 0"));
	CU_ASSERT(says(yaml, "2",
	               "“Trưởng ban” (`c`): `head` → 5 điểm; `deputy` → 2,5; "
	               "`none` → 0",
	               "“Trưởng ban” (`c`): `head` → 5 points; `deputy` → "
	               "2.5; `none` → 0"));
}

/* parts: each part's input and its points. */
static void test_parts(void)
{
	static const char yaml[] = HDR
	        "inputs:\n"
	        "  s1: {type: boolean, label: \"Giám sát\"}\n"
	        "  s2: {type: boolean, label: \"Phòng chống mã độc\"}\n"
	        "indices:\n"
	        "  - {id: \"1\", name: P, points: 5, method: parts, params: "
	        "{parts: [{input: s1, share: 0.6}, {input: s2, share: "
	        "0.4}]}}\n";

	CU_ASSERT(says(yaml, "1",
	               "Cộng điểm các phần trả lời có: “Giám sát” (`s1`) → 3 "
	               "điểm; “Phòng chống mã độc” (`s2`) → 2",
	               "Sum over the parts answered yes: “Giám sát” (`s1`) → "
	               "3 points; “Phòng chống mã độc” (`s2`) → 2"));
}

/* target: all or nothing, partial linear, each comparison. */
static void test_target(void)
{
	static const char yaml[] =
	        HDR "inputs:\n"
	            "  f: {type: number, label: \"Hộ có cáp quang\", unit: "
	            "\"%\"}\n"
	            "  n: {type: integer, label: \"Số văn bản\", unit: \"văn "
	            "bản\"}\n"
	            "indices:\n"
	            "  - {id: \"1\", name: A, points: 5, method: target, "
	            "params: {input: f, op: \">=\", value: 80, partial: "
	            "linear}}\n"
	            "  - {id: \"2\", name: B, points: 5, method: target, "
	            "params: {input: f, op: \"<\", value: 5}}\n"
	            "  - {id: \"3\", name: C, points: 2.5, method: target, "
	            "params: {input: n, op: \"==\", value: 2}}\n";

	CU_ASSERT(says(yaml, "1",
	               "Đạt chỉ tiêu “Hộ có cáp quang” (`f`) ≥ 80% → 5 điểm; "
	               "dưới mức → theo tỷ lệ: giá trị ÷ 80 × 5 điểm",
	               "Target “Hộ có cáp quang” (`f`) ≥ 80% → 5 points; "
	               "below it → pro rata: value ÷ 80 × 5 points"));
	CU_ASSERT(says(yaml, "2",
	               "Đạt chỉ tiêu “Hộ có cáp quang” (`f`) < 5% → 5 điểm; "
	               "không đạt → 0",
	               "Target “Hộ có cáp quang” (`f`) < 5% → 5 points; not "
	               "met → 0"));
	CU_ASSERT(says(yaml, "3",
	               "Đạt chỉ tiêu “Số văn bản” (`n`) = 2 văn bản → 2,5 "
	               "điểm; không đạt → 0",
	               "Target “Số văn bản” (`n`) = 2 văn bản → 2.5 points; "
	               "not met → 0"));
}

/* fraction and points: scores computed elsewhere. */
static void test_fraction_points(void)
{
	static const char yaml[] =
	        HDR "inputs:\n"
	            "  q: {type: number, min: 0, max: 1, label: \"Điểm khảo "
	            "sát\"}\n"
	            "  h: {type: number, label: \"Điểm hội đồng\", unit: "
	            "\"điểm\"}\n"
	            "indices:\n"
	            "  - {id: \"1\", name: F, points: 5, method: fraction, "
	            "params: {input: q}}\n"
	            "  - {id: \"2\", name: P, points: 7.5, method: points, "
	            "params: {input: h}}\n";

	CU_ASSERT(says(yaml, "1",
	               "Điểm = “Điểm khảo sát” (`q`) × 5 (giá trị từ 0 đến 1)",
	               "Points = “Điểm khảo sát” (`q`) × 5 (a value from 0 to "
	               "1)"));
	CU_ASSERT(says(yaml, "2",
	               "Điểm chấm trực tiếp: “Điểm hội đồng” (`h`), từ 0 đến "
	               "7,5 điểm",
	               "Points awarded directly: “Điểm hội đồng” (`h`), from "
	               "0 to 7.5 points"));
}

/* relative and children: scored against other units. */
static void test_relative_children(void)
{
	static const char yaml[] =
	        HDR "inputs:\n"
	            "  w: {type: number, label: \"Băng thông\"}\n"
	            "indices:\n"
	            "  - {id: \"1\", name: R, points: 10, method: relative, "
	            "params: {input: w}}\n"
	            "  - {id: \"2\", name: M, points: 10, method: relative, "
	            "params: {input: w, mode: minmax, bounds: [10, 50], "
	            "lower_is_better: true, group: parent}}\n"
	            "  - {id: \"3\", name: L, points: 4, method: relative, "
	            "params: {input: w, lower_is_better: yes}}\n"
	            "  - {id: \"4\", name: C, points: 10, method: children, "
	            "params: {node: \"1.1\", of: mean, weight: population}}\n"
	            "  - {id: \"5\", name: S, points: 10, method: children, "
	            "params: {node: \"2\", of: full_share, model: vn-c}}\n";

	CU_ASSERT(says(yaml, "1",
	               "“Băng thông” (`w`) so với các đơn vị cùng đánh giá: "
	               "giá trị ÷ cao nhất × 10 điểm; mọi đơn vị bằng nhau → "
	               "đủ điểm",
	               "“Băng thông” (`w`) against the units evaluated "
	               "together: value ÷ highest × 10 points; all units "
	               "equal → full points"));
	CU_ASSERT(says(yaml, "2",
	               "“Băng thông” (`w`) so với các đơn vị cùng đơn vị cấp "
	               "trên: (50 − giá trị) ÷ (50 − 10) × 10 điểm; mọi đơn "
	               "vị bằng nhau → đủ điểm",
	               "“Băng thông” (`w`) against the units of the same "
	               "parent: (50 − value) ÷ (50 − 10) × 10 points; all "
	               "units equal → full points"));
	CU_ASSERT(says(yaml, "3",
	               "“Băng thông” (`w`) so với các đơn vị cùng đánh giá: "
	               "thấp nhất ÷ giá trị × 4 điểm; mọi đơn vị bằng nhau → "
	               "đủ điểm",
	               "“Băng thông” (`w`) against the units evaluated "
	               "together: lowest ÷ value × 4 points; all units equal "
	               "→ full points"));
	CU_ASSERT(says(yaml, "4",
	               "Giá trị trung bình của các đơn vị cấp dưới ở chỉ số "
	               "`1.1` (trọng số `population`) × 10 điểm; không có đơn "
	               "vị cấp dưới → thiếu số liệu",
	               "Mean value of the child units on `1.1` (weighted by "
	               "`population`) × 10 points; no child units → "
	               "missing"));
	CU_ASSERT(says(yaml, "5",
	               "Tỷ lệ đơn vị cấp dưới đạt đủ điểm ở chỉ số `2` × 10 "
	               "điểm; theo kết quả của bộ chỉ số `vn-c`; không có đơn "
	               "vị cấp dưới → thiếu số liệu",
	               "Share of the child units at full points on `2` × 10 "
	               "points; from results under model `vn-c`; no child "
	               "units → missing"));
}

/* A method not built in: its name and params; in English with the
 * plugin's summary. A group: the sum of its children. */
static void test_generic_and_group(void)
{
	static const char yaml[] =
	        HDR "indices:\n"
	            "  - id: G\n"
	            "    name: G\n"
	            "    points: 4\n"
	            "    children:\n"
	            "      - {id: x, name: X, points: 4, method: misbehave, "
	            "params: {mode: ok}}\n";

	CU_ASSERT(says(yaml, "x", "Phương pháp `misbehave`: mode = ok",
	               "Method `misbehave` (breaks the compute contract (tests "
	               "only)): mode = ok"));
	CU_ASSERT(says(yaml, "G", "Tổng điểm các chỉ số thành phần",
	               "Sum of its components"));
}

/* A built-in's name with params it does not take (a third-party plugin
 * shadowing it): the generic sentence, nothing of the half-written one. */
static void test_fallback(void)
{
	static const char yaml[] =
	        HDR "indices:\n"
	            "  - {id: x, name: X, points: 4, method: misbehave, "
	            "params: {mode: ok}}\n";
	plugin_registry *reg = registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, yaml, &d);
	strbuf sb = STRBUF_INIT;
	const char *method;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	method = m->nodes[0].method;
	m->nodes[0].method = "bands";
	strbuf_puts(&sb, "before: ");
	model_doc_describe(m, 0, MODEL_DOC_VI, MODEL_DOC_TEXT, &sb);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&sb),
	                       "before: Phương pháp `bands`: mode = ok");
	m->nodes[0].method = method;
	strbuf_release(&sb);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

/* Labels from the model are escaped for Markdown and HTML; ids go in
 * code font. */
static void test_escaping(void)
{
	static const char yaml[] =
	        HDR "inputs:\n"
	            "  k: {type: boolean, label: \"a_b *c* | <b> & &amp; "
	            "'q'\"}\n"
	            "indices:\n"
	            "  - {id: \"1\", name: K, points: 5, method: boolean, "
	            "params: {input: k}}\n";
	char *md = describe_fmt(yaml, "1", MODEL_DOC_VI, MODEL_DOC_MD);
	char *html = describe_fmt(yaml, "1", MODEL_DOC_EN, MODEL_DOC_HTML);

	CU_ASSERT_PTR_NOT_NULL_FATAL(md);
	CU_ASSERT_PTR_NOT_NULL_FATAL(html);
	CU_ASSERT_STRING_EQUAL(md, "“a\\_b \\*c\\* \\| \\<b> & \\&amp; 'q'” "
	                           "(`k`): có → 5 điểm; không → 0");
	CU_ASSERT_STRING_EQUAL(html, "“a_b *c* | &lt;b&gt; &amp; &amp;amp; "
	                             "&#39;q&#39;” (<code>k</code>): yes → 5 "
	                             "points; no → 0");
	free(md);
	free(html);
}

/* The whole document of m as text. Caller frees. */
static char *document(const chiso_model *m, model_doc_format fmt,
                      model_doc_lang lang)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	CU_ASSERT_EQUAL(model_doc_write(m, fmt, lang, f), 0);
	fclose(f);
	return buf;
}

/* Numbering by place in the tree, the id column when ids differ, nested
 * groups, provisional marks, 0-point indicators and checked totals. */
static void test_document(void)
{
	static const char yaml[] =
	        HDR "  basis: \"QĐ 1/QĐ-UBND\"\n"
	            "inputs:\n"
	            "  k: {type: boolean, label: \"Có kế hoạch\"}\n"
	            "  n: {type: integer, min: 0, max: 9, unit: \"cuộc\"}\n"
	            "indices:\n"
	            "  - id: A\n"
	            "    name: \"Nhóm A\"\n"
	            "    points: 10\n"
	            "    children:\n"
	            "      - id: A-1\n"
	            "        name: \"Nhóm con\"\n"
	            "        points: 6\n"
	            "        children:\n"
	            "          - {id: A-1-a, name: \"Kế hoạch\", points: 6, "
	            "method: boolean, params: {input: k}, kind: mandatory, "
	            "provisional: true, note: \"Chờ quyết định\"}\n"
	            "      - {id: A-2, name: \"Họp\", points: 4, method: "
	            "target, params: {input: n, op: \">=\", value: 2}, kind: "
	            "extended}\n"
	            "  - {id: B, name: \"Thu thập\", points: 0, method: "
	            "target, params: {input: n, op: \">=\", value: 1}}\n"
	            "classes:\n"
	            "  - {id: dat, name: \"Đạt\", mandatory: all, "
	            "extended_min: 0.3, min_value: 0.9}\n";
	plugin_registry *reg = registry();
	diag d = DIAG_INIT;
	chiso_model *m = fixture_model(reg, yaml, &d);
	char *vi, *en;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	vi = document(m, MODEL_DOC_MD, MODEL_DOC_VI);
	en = document(m, MODEL_DOC_HTML, MODEL_DOC_EN);
	CU_ASSERT_PTR_NOT_NULL_FATAL(vi);
	CU_ASSERT_PTR_NOT_NULL_FATAL(en);
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "\n# T\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "| Căn cứ | QĐ 1/QĐ-UBND |\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "\n## 1. Nhóm A (10 điểm)\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "\nMã: `A`\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "| 1.1 | `A-1` | **Nhóm con** | 6 | "
	                                  "Tổng điểm các chỉ số thành phần "
	                                  "1.1.1 |"));
	CU_ASSERT_PTR_NOT_NULL(
	        strstr(vi, "| 1.1.1 | `A-1-a` | Kế hoạch | 6 |"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "| Bắt buộc | ⚠ tạm đề xuất; Chờ "
	                                  "quyết định |\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "\nTổng: 10/10 ✓; 1.1: 6/6 ✓\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "không tính điểm (chỉ thu thập số "
	                                  "liệu)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "Tổng điểm các chỉ số thành phần: "
	                                  "10/10 ✓"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "| 1 | `dat` | Đạt | 100% chỉ số "
	                                  "bắt buộc đạt; ≥ 30% chỉ số mở rộng "
	                                  "đạt; giá trị ≥ 0,9 (làm tròn 4 chữ "
	                                  "số) |"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "| 2 | `n` | n | cuộc | số nguyên "
	                                  "| ≥ 0; ≤ 9 | 1.2, 2 |"));
	CU_ASSERT_PTR_NOT_NULL(strstr(vi, "[^sha256]: SHA-256 của tệp mô hình "
	                                  "`test.yaml`: `"));
	CU_ASSERT_PTR_NOT_NULL(strstr(en, "<html lang=\"en\">"));
	CU_ASSERT_PTR_NOT_NULL(strstr(en, "<meta charset=\"utf-8\">"));
	CU_ASSERT_PTR_NOT_NULL(strstr(en, "<h2>1. Nhóm A (10 points)</h2>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(en, "<tr class=\"group\"><td>1.1</td>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(en, "<td class=\"d1\">Kế hoạch</td>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(en, "<p>Total: 10/10 ✓; 1.1: 6/6 ✓</p>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(en, "100% of the mandatory indicators "
	                                  "met; ≥ 30% of the extended "
	                                  "indicators met; value ≥ 0.9"));
	CU_ASSERT_PTR_NULL(strstr(en, "điểm"));
	free(vi);
	free(en);
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
}

static CU_TestInfo tests[] = {
        {"ratio", test_ratio},
        {"bands", test_bands},
        {"boolean and choice", test_boolean_choice},
        {"parts", test_parts},
        {"target", test_target},
        {"fraction and points", test_fraction_points},
        {"relative and children", test_relative_children},
        {"generic method and group", test_generic_and_group},
        {"fallback to the generic sentence", test_fallback},
        {"escaping", test_escaping},
        {"document", test_document},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("model_doc", tests)
