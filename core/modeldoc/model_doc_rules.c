/*
 * model_doc_rules.c - how an indicator is computed, in words (vi/en):
 * the "Cách tính" cell of the document and model_doc_describe().
 *
 * Each built-in method has a describer that reads the indicator's
 * params; when the params are not as the method documents them (a
 * third-party plugin with a built-in's name), the generic description
 * (the method's name and params) is used.
 */
#include "modeldoc/model_doc_internal.h"

#include "plugin/plugin_loader.h"
#include "util/utf8.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* --- params ----------------------------------------------------------- */

/* The text of scalar param key of indicator n, or NULL. Borrowed. */
static const char *param_str(const model_node *n, const char *key)
{
	const doc_node *v = doc_get(n->params, key);

	return v && v->kind == DOC_SCALAR ? v->text : NULL;
}

/* Reads scalar v as a number. Returns 0 or -1. */
static int scalar_num(const doc_node *v, double *out)
{
	if (!v || v->kind != DOC_SCALAR)
		return -1;
	return numfmt_parse(v->text, out);
}

/* Reads number param key, def when absent. Returns 0 or -1. */
static int param_num(const model_node *n, const char *key, double def,
                     double *out)
{
	const doc_node *v = doc_get(n->params, key);

	*out = def;
	return v ? scalar_num(v, out) : 0;
}

/* Reads boolean param key (true/yes, false/no), 0 when absent. */
static int param_bool(const model_node *n, const char *key, int *out)
{
	const char *s = param_str(n, key);

	*out = 0;
	if (!doc_get(n->params, key))
		return 0;
	if (!s)
		return -1;
	if (strcasecmp(s, "true") == 0 || strcasecmp(s, "yes") == 0)
		*out = 1;
	else if (strcasecmp(s, "false") != 0 && strcasecmp(s, "no") != 0)
		return -1;
	return 0;
}

/* The input with this id, or NULL. Borrowed. */
static const model_input *input_of(const mdoc *d, const char *id)
{
	int slot = id ? model_input_slot(d->m, id) : -1;

	return slot < 0 ? NULL : &d->m->inputs[slot];
}

/* An input by its label in quotes, then its id in code font; the id
 * alone when the input has no label of its own. */
static void put_input(mdoc *d, const char *id)
{
	const model_input *in = input_of(d, id);

	if (in && in->label && strcmp(in->label, id) != 0) {
		mdoc_put_raw(d, LQUO);
		mdoc_put_text(d, in->label);
		mdoc_put_raw(d, RQUO " (");
		mdoc_put_code(d, id);
		mdoc_put_raw(d, ")");
		return;
	}
	mdoc_put_code(d, id);
}

/* A quantity of input id: "4 cuộc", "80%", "4" when it has no unit. */
static void put_qty(mdoc *d, const char *id, double x)
{
	const model_input *in = input_of(d, id);
	char buf[NUMFMT_MAX];

	mdoc_put_text(d, mdoc_num(d, x, buf));
	if (!in || !in->unit)
		return;
	if (strcmp(in->unit, "%") != 0)
		mdoc_put_raw(d, " ");
	mdoc_put_text(d, in->unit);
}

/* --- describers of the built-in methods ------------------------------- */

/* ratio: "Tỷ lệ A / B ÷ 50% × 20 điểm, đủ điểm từ 50%; mẫu số bằng 0 →
 * không áp dụng". */
static int describe_ratio(mdoc *d, const model_node *n)
{
	const char *nu = param_str(n, "numerator");
	const char *de = param_str(n, "denominator");
	const char *zero = param_str(n, "zero_denominator");
	char b1[NUMFMT_MAX], b2[NUMFMT_MAX];
	double target;

	if (!nu || !de || param_num(n, "target", 1, &target) < 0)
		return -1;
	if (!zero || strcmp(zero, "na") == 0)
		zero = T(d, "không áp dụng", "not applicable");
	else if (strcmp(zero, "zero") == 0)
		zero = T(d, "0 điểm", "0 points");
	else if (strcmp(zero, "full") == 0)
		zero = T(d, "đủ điểm", "full points");
	else
		return -1;
	mdoc_put_text(d, T(d, "Tỷ lệ ", "Ratio "));
	put_input(d, nu);
	mdoc_put_text(d, " / ");
	put_input(d, de);
	if (target != 1)
		mdoc_put_textf(d, " " DIVIDE " %s", mdoc_pct(d, target, b1));
	mdoc_put_textf(d, " " TIMES " %s", mdoc_num(d, n->points, b2));
	mdoc_put_points_word(d);
	if (target != 1)
		mdoc_put_textf(d,
		               T(d, ", đủ điểm từ %s", ", full points from %s"),
		               b1);
	mdoc_put_textf(d,
	               T(d, "; mẫu số bằng 0" ARROW "%s",
	                 "; zero denominator" ARROW "%s"),
	               zero);
	return 0;
}

/* Checks the bands list: [threshold, fraction] pairs of numbers. */
static int bands_ok(const doc_node *bands)
{
	size_t i;
	double x;

	if (!bands || bands->kind != DOC_SEQ || bands->count == 0)
		return 0;
	for (i = 0; i < bands->count; i++) {
		const doc_node *b = bands->items[i];

		if (b->kind != DOC_SEQ || b->count != 2 ||
		    scalar_num(b->items[0], &x) < 0 ||
		    scalar_num(b->items[1], &x) < 0)
			return 0;
	}
	return 1;
}

/* bands: "A ≥ 4 cuộc → 20 điểm; ≥ 3 cuộc → 15; ...; dưới 1 cuộc → 0". */
static int describe_bands(mdoc *d, const model_node *n)
{
	const char *in = param_str(n, "input");
	const doc_node *bands = doc_get(n->params, "bands");
	char buf[NUMFMT_MAX];
	double th = 0, f;
	int lower;
	size_t i;

	if (!in || !bands_ok(bands) ||
	    param_bool(n, "lower_is_better", &lower) < 0)
		return -1;
	put_input(d, in);
	for (i = 0; i < bands->count; i++) {
		scalar_num(bands->items[i]->items[0], &th);
		scalar_num(bands->items[i]->items[1], &f);
		mdoc_put_raw(d, i ? "; " : " ");
		mdoc_put_text(d, lower ? LE " " : GE " ");
		put_qty(d, in, th);
		mdoc_put_textf(d, ARROW "%s", mdoc_pts(d, f * n->points, buf));
		if (i == 0)
			mdoc_put_points_word(d);
	}
	mdoc_put_text(d, lower ? T(d, "; trên ", "; above ")
	                       : T(d, "; dưới ", "; below "));
	put_qty(d, in, th);
	mdoc_put_text(d, ARROW "0");
	return 0;
}

/* boolean: "A: có → 5 điểm; không → 0". */
static int describe_boolean(mdoc *d, const model_node *n)
{
	const char *in = param_str(n, "input");
	char buf[NUMFMT_MAX];

	if (!in)
		return -1;
	put_input(d, in);
	mdoc_put_textf(d,
	               T(d, ": có" ARROW "%s điểm; không" ARROW "0",
	                 ": yes" ARROW "%s points; no" ARROW "0"),
	               mdoc_num(d, n->points, buf));
	return 0;
}

/* choice: "A: head → 5 điểm; deputy → 2,5; none → 0", in the input's
 * order of choices. */
static int describe_choice(mdoc *d, const model_node *n)
{
	const char *id = param_str(n, "input");
	const model_input *in = input_of(d, id);
	const doc_node *scores = doc_get(n->params, "scores");
	char buf[NUMFMT_MAX];
	double f;
	size_t i;

	if (!in || in->nchoices == 0 || !scores || scores->kind != DOC_MAP)
		return -1;
	for (i = 0; i < in->nchoices; i++)
		if (scalar_num(doc_get(scores, in->choices[i]), &f) < 0)
			return -1;
	put_input(d, id);
	mdoc_put_raw(d, ":");
	for (i = 0; i < in->nchoices; i++) {
		scalar_num(doc_get(scores, in->choices[i]), &f);
		mdoc_put_raw(d, i ? "; " : " ");
		mdoc_put_code(d, in->choices[i]);
		mdoc_put_textf(d, ARROW "%s", mdoc_pts(d, f * n->points, buf));
		if (i == 0)
			mdoc_put_points_word(d);
	}
	return 0;
}

/* parts: "Mỗi phần có được cộng điểm: A → 2,5 điểm; B → 2,5". */
static int describe_parts(mdoc *d, const model_node *n)
{
	const doc_node *parts = doc_get(n->params, "parts");
	char buf[NUMFMT_MAX];
	double share;
	size_t i;

	if (!parts || parts->kind != DOC_SEQ || parts->count == 0)
		return -1;
	for (i = 0; i < parts->count; i++)
		if (!doc_get(parts->items[i], "input") ||
		    doc_get(parts->items[i], "input")->kind != DOC_SCALAR ||
		    scalar_num(doc_get(parts->items[i], "share"), &share) < 0)
			return -1;
	mdoc_put_text(d, T(d, "Cộng điểm các phần trả lời có:",
	                   "Sum over the parts answered yes:"));
	for (i = 0; i < parts->count; i++) {
		scalar_num(doc_get(parts->items[i], "share"), &share);
		mdoc_put_raw(d, i ? "; " : " ");
		put_input(d, doc_get(parts->items[i], "input")->text);
		mdoc_put_textf(d, ARROW "%s",
		               mdoc_pts(d, share * n->points, buf));
		if (i == 0)
			mdoc_put_points_word(d);
	}
	return 0;
}

/* The symbol of a comparison of the target method, or NULL. Static. */
static const char *op_symbol(const char *op)
{
	static const char *const ops[][2] = {
	        {">=", GE}, {">", ">"}, {"<=", LE}, {"<", "<"}, {"==", "="}};
	size_t i;

	for (i = 0; op && i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(op, ops[i][0]) == 0)
			return ops[i][1];
	return NULL;
}

/* target: "Đạt chỉ tiêu A ≥ 90% → 5 điểm; không đạt → 0", or with
 * partial: linear "...; dưới mức → theo tỷ lệ: giá trị ÷ 90 × 5 điểm". */
static int describe_target(mdoc *d, const model_node *n)
{
	const char *in = param_str(n, "input");
	const char *sym = op_symbol(param_str(n, "op"));
	const char *partial = param_str(n, "partial");
	char b1[NUMFMT_MAX], b2[NUMFMT_MAX];
	double value;

	if (!in || !sym ||
	    scalar_num(doc_get(n->params, "value"), &value) < 0 ||
	    (partial && strcmp(partial, "linear") != 0))
		return -1;
	mdoc_put_text(d, T(d, "Đạt chỉ tiêu ", "Target "));
	put_input(d, in);
	mdoc_put_textf(d, " %s ", sym);
	put_qty(d, in, value);
	mdoc_put_textf(d, ARROW "%s", mdoc_num(d, n->points, b1));
	mdoc_put_points_word(d);
	if (partial)
		mdoc_put_textf(d,
		               T(d,
		                 "; dưới mức" ARROW
		                 "theo tỷ lệ: giá trị " DIVIDE " %s " TIMES
		                 " %s điểm",
		                 "; below it" ARROW "pro rata: value " DIVIDE
		                 " %s " TIMES " %s points"),
		               mdoc_num(d, value, b2), b1);
	else
		mdoc_put_text(d, T(d, "; không đạt" ARROW "0",
		                   "; not met" ARROW "0"));
	return 0;
}

/* fraction: "Điểm = A × 5 (giá trị từ 0 đến 1)". */
static int describe_fraction(mdoc *d, const model_node *n)
{
	const char *in = param_str(n, "input");
	char buf[NUMFMT_MAX];

	if (!in)
		return -1;
	mdoc_put_text(d, T(d, "Điểm = ", "Points = "));
	put_input(d, in);
	mdoc_put_textf(d,
	               T(d, " " TIMES " %s (giá trị từ 0 đến 1)",
	                 " " TIMES " %s (a value from 0 to 1)"),
	               mdoc_num(d, n->points, buf));
	return 0;
}

/* points: "Điểm chấm trực tiếp: A, từ 0 đến 5 điểm". */
static int describe_points(mdoc *d, const model_node *n)
{
	const char *in = param_str(n, "input");
	char buf[NUMFMT_MAX];

	if (!in)
		return -1;
	mdoc_put_text(
	        d, T(d, "Điểm chấm trực tiếp: ", "Points awarded directly: "));
	put_input(d, in);
	mdoc_put_textf(d, T(d, ", từ 0 đến %s điểm", ", from 0 to %s points"),
	               mdoc_num(d, n->points, buf));
	return 0;
}

/* relative, mode minmax: "(giá trị − thấp nhất) ÷ (cao nhất − thấp
 * nhất)", with the bounds when the model fixes them. */
static int put_minmax(mdoc *d, const model_node *n, int lower)
{
	const doc_node *b = doc_get(n->params, "bounds");
	char lo[NUMFMT_MAX], hi[NUMFMT_MAX];
	double x, y;

	if (b && (b->kind != DOC_SEQ || b->count != 2 ||
	          scalar_num(b->items[0], &x) < 0 ||
	          scalar_num(b->items[1], &y) < 0))
		return -1;
	if (b) {
		mdoc_num(d, x, lo);
		mdoc_num(d, y, hi);
	} else {
		snprintf(lo, sizeof(lo), "%s", T(d, "thấp nhất", "lowest"));
		snprintf(hi, sizeof(hi), "%s", T(d, "cao nhất", "highest"));
	}
	if (lower)
		mdoc_put_textf(
		        d,
		        T(d,
		          "(%s " MINUS " giá trị) " DIVIDE " (%s " MINUS " %s)",
		          "(%s " MINUS " value) " DIVIDE " (%s " MINUS " %s)"),
		        hi, hi, lo);
	else
		mdoc_put_textf(
		        d,
		        T(d,
		          "(giá trị " MINUS " %s) " DIVIDE " (%s " MINUS " %s)",
		          "(value " MINUS " %s) " DIVIDE " (%s " MINUS " %s)"),
		        lo, hi, lo);
	return 0;
}

/* relative: "A so với các đơn vị cùng đánh giá: giá trị ÷ cao nhất × 5
 * điểm; mọi đơn vị bằng nhau → đủ điểm". */
static int describe_relative(mdoc *d, const model_node *n)
{
	const char *in = param_str(n, "input");
	const char *mode = param_str(n, "mode");
	const char *group = param_str(n, "group");
	char buf[NUMFMT_MAX];
	int lower, minmax = mode && strcmp(mode, "minmax") == 0;

	if (!in || (mode && !minmax && strcmp(mode, "best") != 0) ||
	    (group && strcmp(group, "all") != 0 &&
	     strcmp(group, "parent") != 0) ||
	    param_bool(n, "lower_is_better", &lower) < 0)
		return -1;
	put_input(d, in);
	if (group && strcmp(group, "parent") == 0)
		mdoc_put_text(d,
		              T(d, " so với các đơn vị cùng đơn vị cấp trên: ",
		                " against the units of the same parent: "));
	else
		mdoc_put_text(d, T(d, " so với các đơn vị cùng đánh giá: ",
		                   " against the units evaluated together: "));
	if (minmax && put_minmax(d, n, lower) < 0)
		return -1;
	if (!minmax && lower)
		mdoc_put_text(d, T(d, "thấp nhất " DIVIDE " giá trị",
		                   "lowest " DIVIDE " value"));
	else if (!minmax)
		mdoc_put_text(d, T(d, "giá trị " DIVIDE " cao nhất",
		                   "value " DIVIDE " highest"));
	mdoc_put_textf(d, " " TIMES " %s", mdoc_num(d, n->points, buf));
	mdoc_put_points_word(d);
	mdoc_put_text(d, T(d, "; mọi đơn vị bằng nhau" ARROW "đủ điểm",
	                   "; all units equal" ARROW "full points"));
	return 0;
}

/* children: "Tỷ lệ đơn vị cấp dưới đạt đủ điểm ở chỉ số `1.1` × 5
 * điểm", or their (weighted) mean or lowest value on it. */
static int describe_children(mdoc *d, const model_node *n)
{
	const char *node = param_str(n, "node"), *of = param_str(n, "of");
	const char *weight = param_str(n, "weight");
	const char *model = param_str(n, "model");
	char buf[NUMFMT_MAX];

	if (!node || !of)
		return -1;
	if (strcmp(of, "full_share") == 0)
		mdoc_put_text(
		        d, T(d, "Tỷ lệ đơn vị cấp dưới đạt đủ điểm ở chỉ số ",
		             "Share of the child units at full points on "));
	else if (strcmp(of, "mean") == 0)
		mdoc_put_text(d,
		              T(d,
		                "Giá trị trung bình của các đơn vị cấp dưới ở "
		                "chỉ số ",
		                "Mean value of the child units on "));
	else if (strcmp(of, "min") == 0)
		mdoc_put_text(d,
		              T(d,
		                "Giá trị thấp nhất của các đơn vị cấp dưới ở "
		                "chỉ số ",
		                "Lowest value of the child units on "));
	else
		return -1;
	mdoc_put_code(d, node);
	if (weight) {
		mdoc_put_text(d, T(d, " (trọng số ", " (weighted by "));
		mdoc_put_code(d, weight);
		mdoc_put_raw(d, ")");
	}
	mdoc_put_textf(d, " " TIMES " %s", mdoc_num(d, n->points, buf));
	mdoc_put_points_word(d);
	if (model) {
		mdoc_put_text(d, T(d, "; theo kết quả của bộ chỉ số ",
		                   "; from results under model "));
		mdoc_put_code(d, model);
	}
	mdoc_put_text(d,
	              T(d, "; không có đơn vị cấp dưới" ARROW "thiếu số liệu",
	                "; no child units" ARROW "missing"));
	return 0;
}

/* A params value as flow text: "x", "[1, 2]", "{a: 1}". */
static void put_param_value(mdoc *d, const doc_node *v)
{
	size_t i;

	if (v->kind == DOC_SCALAR) {
		mdoc_put_text(d, v->text);
		return;
	}
	mdoc_put_raw(d, v->kind == DOC_MAP ? "{" : "[");
	for (i = 0; i < v->count; i++) {
		if (i)
			mdoc_put_raw(d, ", ");
		if (v->kind == DOC_MAP) {
			mdoc_put_text(d, v->keys[i]->text);
			mdoc_put_raw(d, ": ");
		}
		put_param_value(d, v->items[i]);
	}
	mdoc_put_raw(d, v->kind == DOC_MAP ? "}" : "]");
}

/* Any other method: "Phương pháp `m`: k = v; k2 = v2" (in English with
 * the plugin's summary). */
static void describe_generic(mdoc *d, const model_node *n)
{
	const doc_node *p = n->params;
	size_t i;

	mdoc_put_text(d, T(d, "Phương pháp ", "Method "));
	mdoc_put_code(d, n->method);
	if (d->lang == MODEL_DOC_EN && n->plugin && n->plugin->desc &&
	    n->plugin->desc->summary)
		mdoc_put_textf(d, " (%s)", n->plugin->desc->summary);
	if (!p || p->kind != DOC_MAP || p->count == 0) {
		mdoc_put_text(d, T(d, ", không có tham số", ", no params"));
		return;
	}
	mdoc_put_raw(d, ":");
	for (i = 0; i < p->count; i++) {
		mdoc_put_raw(d, i ? "; " : " ");
		mdoc_put_text(d, p->keys[i]->text);
		mdoc_put_raw(d, " = ");
		put_param_value(d, p->items[i]);
	}
}

/* ABI 1.3: the plugin's own words (its describe callback), when it has
 * one and writes them; 0 when written, else -1 with nothing written. */
static int describe_by_plugin(mdoc *d, const model_node *n)
{
	const chiso_plugin *desc = n->plugin ? n->plugin->desc : NULL;
	const chiso_host_api *host =
	        d->m->plugins ? plugin_registry_host(d->m->plugins) : NULL;
	char buf[CHISO_DESCRIBE_MAX];
	size_t len;

	if (!desc || !host || !n->prepared ||
	    CHISO_ABI_MINOR_OF(desc->abi_version) < 3 ||
	    desc->struct_size < CHISO_PLUGIN_SIZE_1_3 || !desc->describe)
		return -1;
	memset(buf, 0, sizeof(buf));
	if (desc->describe(host, n->state,
	                   d->lang == MODEL_DOC_EN ? "en" : "vi", buf,
	                   sizeof(buf)) != 0)
		return -1;
	len = strnlen(buf, sizeof(buf));
	if (len == 0 || len == sizeof(buf) || utf8_check(buf, len, NULL) != 0)
		return -1; /* nothing, unterminated, or not UTF-8 */
	mdoc_put_text(d, buf);
	return 0;
}

/* --- a node's sentence ------------------------------------------------ */

/* The describers of the built-in methods, by method name. */
static const struct describer {
	const char *method;
	int (*fn)(mdoc *d, const model_node *n);
} describers[] = {
        {"ratio", describe_ratio},       {"bands", describe_bands},
        {"boolean", describe_boolean},   {"choice", describe_choice},
        {"parts", describe_parts},       {"target", describe_target},
        {"fraction", describe_fraction}, {"points", describe_points},
        {"relative", describe_relative}, {"children", describe_children},
};

/* How node i is computed: its method's sentence, the generic one when
 * the method is not built in or its params are unexpected, or for a
 * group the sum of its children (by number when numbered). */
void mdoc_describe_node(mdoc *d, size_t i)
{
	const model_node *n = &d->m->nodes[i];
	size_t k, mark = d->sb->len;

	if (!n->is_leaf) {
		mdoc_put_text(d, T(d, "Tổng điểm các chỉ số thành phần",
		                   "Sum of its components"));
		if (d->stt && n->nchildren > 0)
			mdoc_put_textf(
			        d, " %s%s%s", d->stt[n->children[0]],
			        n->nchildren > 1 ? NDASH : "",
			        n->nchildren > 1
			                ? d->stt[n->children[n->nchildren - 1]]
			                : "");
		return;
	}
	if (describe_by_plugin(d, n) == 0)
		return;
	for (k = 0; k < sizeof(describers) / sizeof(describers[0]); k++) {
		if (strcmp(n->method, describers[k].method) != 0)
			continue;
		if (describers[k].fn(d, n) == 0)
			return;
		d->sb->len = mark; /* unexpected params: start over */
		d->sb->data[mark] = '\0';
		break;
	}
	describe_generic(d, n);
}

void model_doc_describe(const chiso_model *m, size_t node, model_doc_lang lang,
                        model_doc_format fmt, strbuf *sb)
{
	mdoc d;

	memset(&d, 0, sizeof(d));
	d.m = m;
	d.fmt = fmt;
	d.lang = lang;
	d.sb = sb;
	strbuf_grow(sb, 0);
	mdoc_describe_node(&d, node);
}
