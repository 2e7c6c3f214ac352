/*
 * model_doc.c - a model as a document (Markdown or HTML, Vietnamese or
 * English): the annex of the decision that publishes a criteria set.
 *
 * Everything is built in one strbuf and written at the end. Text taken
 * from the model goes through put_text() (escaped for the format), ids
 * through put_code(); sentences are chosen with T(d, vi, en). Each
 * built-in method has a describer that reads the indicator's params;
 * when the params are not as the method documents them (a third-party
 * plugin with a built-in's name), the generic description is used.
 */
#include "config.h"

#include "model_doc.h"

#include "numfmt.h"
#include "utf8.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LQUO   "\xe2\x80\x9c"   /* U+201C */
#define RQUO   "\xe2\x80\x9d"   /* U+201D */
#define ARROW  " \xe2\x86\x92 " /* " → " */
#define GE     "\xe2\x89\xa5"   /* ≥ */
#define LE     "\xe2\x89\xa4"   /* ≤ */
#define TIMES  "\xc3\x97"       /* × */
#define DIVIDE "\xc3\xb7"       /* ÷ */
#define MINUS  "\xe2\x88\x92"   /* − */
#define NDASH  "\xe2\x80\x93"   /* – */
#define CHECK  "\xe2\x9c\x93"   /* ✓ */
#define CROSS  "\xe2\x9c\x97"   /* ✗ */
#define WARN   "\xe2\x9a\xa0"   /* ⚠ */

/* Picks the sentence of the document's language. */
#define T(d, vi, en) ((d)->lang == MODEL_DOC_EN ? (en) : (vi))

/* Column alignments. */
enum { AL_LEFT = 0, AL_RIGHT = 1 };

/* The document being written. */
typedef struct mdoc {
	const chiso_model *m;
	model_doc_format fmt;
	model_doc_lang lang;
	strbuf *sb;
	char **stt;   /* per node: its number in the document, "1.2" */
	int show_ids; /* some node's id differs from its number */
	int has_kind, has_evidence, has_source, has_notes;
} mdoc;

/* --- escaping ---------------------------------------------------------- */

/* Appends raw markup. */
static void put_raw(mdoc *d, const char *s)
{
	strbuf_puts(d->sb, s);
}

/* 1 when s, after a '&', could be read as an entity ("amp;", "#39;"). */
static int entity_start(const char *s)
{
	char c = (char)(*s | 0x20);

	return *s == '#' || (c >= 'a' && c <= 'z');
}

/* 1 when s, after a '<', could start a tag or an autolink. */
static int tag_start(const char *s)
{
	char c = (char)(*s | 0x20);

	return (c >= 'a' && c <= 'z') || (*s && strchr("/!?", *s));
}

/* Appends one ASCII byte of text escaped for HTML or Markdown. */
static void put_ascii(mdoc *d, const char *s, size_t i)
{
	char c = s[i];

	if (d->fmt == MODEL_DOC_HTML) {
		if (c == '&')
			put_raw(d, "&amp;");
		else if (c == '<')
			put_raw(d, "&lt;");
		else if (c == '>')
			put_raw(d, "&gt;");
		else if (c == '"')
			put_raw(d, "&quot;");
		else if (c == '\'')
			put_raw(d, "&#39;");
		else
			strbuf_putc(d->sb, c);
		return;
	}
	if (strchr("\\`*_[]|~", c) || (c == '&' && entity_start(s + i + 1)) ||
	    (c == '<' && tag_start(s + i + 1)))
		strbuf_putc(d->sb, '\\');
	strbuf_putc(d->sb, c);
}

/* Appends text from the model or a sentence, escaped for the format:
 * line breaks and tabs become spaces, other control characters are left
 * out (a table cell is one line) and trailing white space that holds a
 * line break is dropped. */
static void put_text(mdoc *d, const char *s)
{
	size_t i, len = strlen(s), end = len;

	while (end > 0 && strchr(" \t\r\n", s[end - 1]))
		end--;
	if (strpbrk(s + end, "\r\n"))
		len = end; /* a folded YAML text's final line break */
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' || c == '\r' || c == '\t')
			strbuf_putc(d->sb, ' ');
		else if (c < 0x20 || c == 0x7f)
			continue;
		else if (c >= 0x80 || d->fmt == MODEL_DOC_TEXT)
			strbuf_putc(d->sb, (char)c);
		else
			put_ascii(d, s, i);
	}
}

/* Appends printf-formatted text, escaped. */
static void put_textf(mdoc *d, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static void put_textf(mdoc *d, const char *fmt, ...)
{
	strbuf tmp = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	put_text(d, strbuf_str(&tmp));
	strbuf_release(&tmp);
}

/* Appends an id or a data word in code font. */
static void put_code(mdoc *d, const char *s)
{
	if (d->fmt == MODEL_DOC_HTML) {
		put_raw(d, "<code>");
		put_text(d, s);
		put_raw(d, "</code>");
	} else if (d->fmt == MODEL_DOC_MD && strpbrk(s, "`|\n\r\\")) {
		put_text(d, s);
	} else {
		strbuf_putc(d->sb, '`');
		put_raw(d, s);
		strbuf_putc(d->sb, '`');
	}
}

/* Starts or ends bold text. */
static void put_bold(mdoc *d, int start)
{
	if (d->fmt == MODEL_DOC_HTML)
		put_raw(d, start ? "<strong>" : "</strong>");
	else
		put_raw(d, "**");
}

/* --- numbers ----------------------------------------------------------- */

/* Swaps the decimal point for a comma in Vietnamese text. Returns buf. */
static char *localise(const mdoc *d, char *buf)
{
	char *p;

	if (d->lang == MODEL_DOC_VI) {
		p = strchr(buf, '.');
		if (p)
			*p = ',';
	}
	return buf;
}

/* A number as written in the model, exactly ("2,5" in Vietnamese), in
 * buf (NUMFMT_MAX bytes). Returns buf. */
static const char *num(const mdoc *d, double x, char *buf)
{
	return localise(d, numfmt_exact(x, buf));
}

/* Points derived from a fraction (0.75 x 20), to the model's precision
 * but at least 2 decimals, trailing zeros dropped, in buf. Returns buf. */
static const char *pts(const mdoc *d, double x, char *buf)
{
	int dec = d->m->precision < 2 ? 2 : d->m->precision;

	return localise(d, numfmt_trim(x, dec, buf));
}

/* A share as a percentage, 0.5 -> "50%", in buf. Returns buf. */
static const char *pct(const mdoc *d, double x, char *buf)
{
	numfmt_trim(x * 100, 10, buf);
	strcat(buf, "%");
	return localise(d, buf);
}

/* 1 when a and b are equal within the loader's relative 1e-9. */
static int same_points(double a, double b)
{
	double scale = fabs(b) > 1 ? fabs(b) : 1;

	return fabs(a - b) <= 1e-9 * scale;
}

/* --- params ------------------------------------------------------------ */

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
		put_raw(d, LQUO);
		put_text(d, in->label);
		put_raw(d, RQUO " (");
		put_code(d, id);
		put_raw(d, ")");
		return;
	}
	put_code(d, id);
}

/* A quantity of input id: "4 cuộc", "80%", "4" when it has no unit. */
static void put_qty(mdoc *d, const char *id, double x)
{
	const model_input *in = input_of(d, id);
	char buf[NUMFMT_MAX];

	put_text(d, num(d, x, buf));
	if (!in || !in->unit)
		return;
	if (strcmp(in->unit, "%") != 0)
		put_raw(d, " ");
	put_text(d, in->unit);
}

/* " điểm" / " points", after the first amount of points. */
static void put_points_word(mdoc *d)
{
	put_text(d, T(d, " điểm", " points"));
}

/* --- describers of the built-in methods -------------------------------- */

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
	put_text(d, T(d, "Tỷ lệ ", "Ratio "));
	put_input(d, nu);
	put_text(d, " / ");
	put_input(d, de);
	if (target != 1)
		put_textf(d, " " DIVIDE " %s", pct(d, target, b1));
	put_textf(d, " " TIMES " %s", num(d, n->points, b2));
	put_points_word(d);
	if (target != 1)
		put_textf(d, T(d, ", đủ điểm từ %s", ", full points from %s"),
		          b1);
	put_textf(d,
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
		put_raw(d, i ? "; " : " ");
		put_text(d, lower ? LE " " : GE " ");
		put_qty(d, in, th);
		put_textf(d, ARROW "%s", pts(d, f * n->points, buf));
		if (i == 0)
			put_points_word(d);
	}
	put_text(d, lower ? T(d, "; trên ", "; above ")
	                  : T(d, "; dưới ", "; below "));
	put_qty(d, in, th);
	put_text(d, ARROW "0");
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
	put_textf(d,
	          T(d, ": có" ARROW "%s điểm; không" ARROW "0",
	            ": yes" ARROW "%s points; no" ARROW "0"),
	          num(d, n->points, buf));
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
	put_raw(d, ":");
	for (i = 0; i < in->nchoices; i++) {
		scalar_num(doc_get(scores, in->choices[i]), &f);
		put_raw(d, i ? "; " : " ");
		put_code(d, in->choices[i]);
		put_textf(d, ARROW "%s", pts(d, f * n->points, buf));
		if (i == 0)
			put_points_word(d);
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
	put_text(d, T(d, "Cộng điểm các phần trả lời có:",
	              "Sum over the parts answered yes:"));
	for (i = 0; i < parts->count; i++) {
		scalar_num(doc_get(parts->items[i], "share"), &share);
		put_raw(d, i ? "; " : " ");
		put_input(d, doc_get(parts->items[i], "input")->text);
		put_textf(d, ARROW "%s", pts(d, share * n->points, buf));
		if (i == 0)
			put_points_word(d);
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
	put_text(d, T(d, "Đạt chỉ tiêu ", "Target "));
	put_input(d, in);
	put_textf(d, " %s ", sym);
	put_qty(d, in, value);
	put_textf(d, ARROW "%s", num(d, n->points, b1));
	put_points_word(d);
	if (partial)
		put_textf(d,
		          T(d,
		            "; dưới mức" ARROW "theo tỷ lệ: giá trị " DIVIDE
		            " %s " TIMES " %s điểm",
		            "; below it" ARROW "pro rata: value " DIVIDE
		            " %s " TIMES " %s points"),
		          num(d, value, b2), b1);
	else
		put_text(d,
		         T(d, "; không đạt" ARROW "0", "; not met" ARROW "0"));
	return 0;
}

/* fraction: "Điểm = A × 5 (giá trị từ 0 đến 1)". */
static int describe_fraction(mdoc *d, const model_node *n)
{
	const char *in = param_str(n, "input");
	char buf[NUMFMT_MAX];

	if (!in)
		return -1;
	put_text(d, T(d, "Điểm = ", "Points = "));
	put_input(d, in);
	put_textf(d,
	          T(d, " " TIMES " %s (giá trị từ 0 đến 1)",
	            " " TIMES " %s (a value from 0 to 1)"),
	          num(d, n->points, buf));
	return 0;
}

/* points: "Điểm chấm trực tiếp: A, từ 0 đến 5 điểm". */
static int describe_points(mdoc *d, const model_node *n)
{
	const char *in = param_str(n, "input");
	char buf[NUMFMT_MAX];

	if (!in)
		return -1;
	put_text(d, T(d, "Điểm chấm trực tiếp: ", "Points awarded directly: "));
	put_input(d, in);
	put_textf(d, T(d, ", từ 0 đến %s điểm", ", from 0 to %s points"),
	          num(d, n->points, buf));
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
		num(d, x, lo);
		num(d, y, hi);
	} else {
		snprintf(lo, sizeof(lo), "%s", T(d, "thấp nhất", "lowest"));
		snprintf(hi, sizeof(hi), "%s", T(d, "cao nhất", "highest"));
	}
	if (lower)
		put_textf(
		        d,
		        T(d,
		          "(%s " MINUS " giá trị) " DIVIDE " (%s " MINUS " %s)",
		          "(%s " MINUS " value) " DIVIDE " (%s " MINUS " %s)"),
		        hi, hi, lo);
	else
		put_textf(
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
		put_text(d, T(d, " so với các đơn vị cùng đơn vị cấp trên: ",
		              " against the units of the same parent: "));
	else
		put_text(d, T(d, " so với các đơn vị cùng đánh giá: ",
		              " against the units evaluated together: "));
	if (minmax && put_minmax(d, n, lower) < 0)
		return -1;
	if (!minmax && lower)
		put_text(d, T(d, "thấp nhất " DIVIDE " giá trị",
		              "lowest " DIVIDE " value"));
	else if (!minmax)
		put_text(d, T(d, "giá trị " DIVIDE " cao nhất",
		              "value " DIVIDE " highest"));
	put_textf(d, " " TIMES " %s", num(d, n->points, buf));
	put_points_word(d);
	put_text(d, T(d, "; mọi đơn vị bằng nhau" ARROW "đủ điểm",
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
		put_text(d, T(d, "Tỷ lệ đơn vị cấp dưới đạt đủ điểm ở chỉ số ",
		              "Share of the child units at full points on "));
	else if (strcmp(of, "mean") == 0)
		put_text(d, T(d,
		              "Giá trị trung bình của các đơn vị cấp dưới ở "
		              "chỉ số ",
		              "Mean value of the child units on "));
	else if (strcmp(of, "min") == 0)
		put_text(d, T(d,
		              "Giá trị thấp nhất của các đơn vị cấp dưới ở "
		              "chỉ số ",
		              "Lowest value of the child units on "));
	else
		return -1;
	put_code(d, node);
	if (weight) {
		put_text(d, T(d, " (trọng số ", " (weighted by "));
		put_code(d, weight);
		put_raw(d, ")");
	}
	put_textf(d, " " TIMES " %s", num(d, n->points, buf));
	put_points_word(d);
	if (model) {
		put_text(d, T(d, "; theo kết quả của bộ chỉ số ",
		              "; from results under model "));
		put_code(d, model);
	}
	put_text(d, T(d, "; không có đơn vị cấp dưới" ARROW "thiếu số liệu",
	              "; no child units" ARROW "missing"));
	return 0;
}

/* A params value as flow text: "x", "[1, 2]", "{a: 1}". */
static void put_param_value(mdoc *d, const doc_node *v)
{
	size_t i;

	if (v->kind == DOC_SCALAR) {
		put_text(d, v->text);
		return;
	}
	put_raw(d, v->kind == DOC_MAP ? "{" : "[");
	for (i = 0; i < v->count; i++) {
		if (i)
			put_raw(d, ", ");
		if (v->kind == DOC_MAP) {
			put_text(d, v->keys[i]->text);
			put_raw(d, ": ");
		}
		put_param_value(d, v->items[i]);
	}
	put_raw(d, v->kind == DOC_MAP ? "}" : "]");
}

/* Any other method: "Phương pháp `m`: k = v; k2 = v2" (in English with
 * the plugin's summary). */
static void describe_generic(mdoc *d, const model_node *n)
{
	const doc_node *p = n->params;
	size_t i;

	put_text(d, T(d, "Phương pháp ", "Method "));
	put_code(d, n->method);
	if (d->lang == MODEL_DOC_EN && n->plugin && n->plugin->desc &&
	    n->plugin->desc->summary)
		put_textf(d, " (%s)", n->plugin->desc->summary);
	if (!p || p->kind != DOC_MAP || p->count == 0) {
		put_text(d, T(d, ", không có tham số", ", no params"));
		return;
	}
	put_raw(d, ":");
	for (i = 0; i < p->count; i++) {
		put_raw(d, i ? "; " : " ");
		put_text(d, p->keys[i]->text);
		put_raw(d, " = ");
		put_param_value(d, p->items[i]);
	}
}

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
static void describe_node(mdoc *d, size_t i)
{
	const model_node *n = &d->m->nodes[i];
	size_t k, mark = d->sb->len;

	if (!n->is_leaf) {
		put_text(d, T(d, "Tổng điểm các chỉ số thành phần",
		              "Sum of its components"));
		if (d->stt && n->nchildren > 0)
			put_textf(
			        d, " %s%s%s", d->stt[n->children[0]],
			        n->nchildren > 1 ? NDASH : "",
			        n->nchildren > 1
			                ? d->stt[n->children[n->nchildren - 1]]
			                : "");
		return;
	}
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
	describe_node(&d, node);
}

/* --- blocks: headings, paragraphs, tables ------------------------------ */

/* Starts a heading of level 1..3. */
static void heading_begin(mdoc *d, int level)
{
	if (d->fmt == MODEL_DOC_HTML)
		strbuf_printf(d->sb, "<h%d>", level);
	else
		strbuf_printf(d->sb, "%.*s ", level, "###");
}

/* Ends a heading of level 1..3. */
static void heading_end(mdoc *d, int level)
{
	if (d->fmt == MODEL_DOC_HTML)
		strbuf_printf(d->sb, "</h%d>\n", level);
	else
		put_raw(d, "\n\n");
}

/* Starts or ends a paragraph. */
static void para(mdoc *d, int start)
{
	if (d->fmt == MODEL_DOC_HTML)
		put_raw(d, start ? "<p>" : "</p>\n");
	else if (!start)
		put_raw(d, "\n\n");
}

/* A heading of plain text. */
static void heading(mdoc *d, int level, const char *text)
{
	heading_begin(d, level);
	put_text(d, text);
	heading_end(d, level);
}

/* Starts a table with n columns: heads[i], aligned align[i]. */
static void table_begin(mdoc *d, const char *const *heads, const int *align,
                        size_t n)
{
	size_t i;

	put_raw(d, d->fmt == MODEL_DOC_HTML ? "<table>\n<thead><tr>" : "|");
	for (i = 0; i < n; i++) {
		if (d->fmt == MODEL_DOC_HTML) {
			put_raw(d, align[i] == AL_RIGHT ? "<th class=\"n\">"
			                                : "<th>");
			put_text(d, heads[i]);
			put_raw(d, "</th>");
		} else {
			put_raw(d, " ");
			put_text(d, heads[i]);
			put_raw(d, " |");
		}
	}
	if (d->fmt == MODEL_DOC_HTML) {
		put_raw(d, "</tr></thead>\n<tbody>\n");
		return;
	}
	put_raw(d, "\n|");
	for (i = 0; i < n; i++)
		put_raw(d, align[i] == AL_RIGHT ? "---:|" : "---|");
	put_raw(d, "\n");
}

/* Starts a row; group rows are set apart in HTML. */
static void row_begin(mdoc *d, int group)
{
	if (d->fmt == MODEL_DOC_HTML)
		put_raw(d, group ? "<tr class=\"group\">" : "<tr>");
}

/* Ends a row. */
static void row_end(mdoc *d)
{
	put_raw(d, d->fmt == MODEL_DOC_HTML ? "</tr>\n" : "|\n");
}

/* Starts a cell; indent (HTML only) shifts a nested name right. */
static void cell_begin(mdoc *d, int align, unsigned indent)
{
	if (d->fmt != MODEL_DOC_HTML)
		put_raw(d, "| ");
	else if (align == AL_RIGHT)
		put_raw(d, "<td class=\"n\">");
	else if (indent)
		strbuf_printf(d->sb, "<td class=\"d%u\">",
		              indent > 4 ? 4 : indent);
	else
		put_raw(d, "<td>");
}

/* Ends a cell. */
static void cell_end(mdoc *d)
{
	put_raw(d, d->fmt == MODEL_DOC_HTML ? "</td>" : " ");
}

/* A cell of plain text (empty when s is NULL). */
static void cell(mdoc *d, int align, const char *s)
{
	cell_begin(d, align, 0);
	if (s)
		put_text(d, s);
	cell_end(d);
}

/* A cell holding an id in code font. */
static void cell_code(mdoc *d, const char *s)
{
	cell_begin(d, AL_LEFT, 0);
	put_code(d, s);
	cell_end(d);
}

/* Ends a table. */
static void table_end(mdoc *d)
{
	put_raw(d, d->fmt == MODEL_DOC_HTML ? "</tbody>\n</table>\n" : "\n");
}

/* A row of the title block: a label, then the caller writes the value
 * and calls kv_end(). */
static void kv_begin(mdoc *d, const char *label)
{
	row_begin(d, 0);
	cell(d, AL_LEFT, label);
	cell_begin(d, AL_LEFT, 0);
}

/* Ends a row of the title block. */
static void kv_end(mdoc *d)
{
	cell_end(d);
	row_end(d);
}

/* A row of the title block with a plain text value; none when NULL. */
static void kv_text(mdoc *d, const char *label, const char *value)
{
	if (!value)
		return;
	kv_begin(d, label);
	put_text(d, value);
	kv_end(d);
}

/* --- the document ------------------------------------------------------ */

/* Numbers the nodes "1", "1.2", "1.2.3" by their place in the tree and
 * notes which optional columns the model needs. */
static void analyse(mdoc *d)
{
	const chiso_model *m = d->m;
	size_t i, k;

	d->stt = xcalloc(m->nnodes ? m->nnodes : 1, sizeof(char *));
	for (k = 0; k < m->nroots; k++) {
		strbuf sb = STRBUF_INIT;

		strbuf_printf(&sb, "%zu", k + 1);
		d->stt[m->roots[k]] = strbuf_detach(&sb);
	}
	for (i = 0; i < m->nnodes; i++) {
		const model_node *n = &m->nodes[i];

		for (k = 0; k < n->nchildren; k++) {
			strbuf sb = STRBUF_INIT;

			strbuf_printf(&sb, "%s.%zu", d->stt[i], k + 1);
			d->stt[n->children[k]] = strbuf_detach(&sb);
		}
		d->show_ids |= strcmp(n->id, d->stt[i]) != 0;
		if (n->parent < 0 && !n->is_leaf)
			continue; /* a main group's texts go above its table */
		d->has_kind |= n->kind != NULL;
		d->has_evidence |= n->evidence != NULL;
		d->has_source |= n->source != NULL;
		d->has_notes |= n->note || n->description || n->provisional ||
		                (n->is_leaf && n->points == 0);
	}
}

/* Frees the numbering. */
static void release(mdoc *d)
{
	size_t i;

	for (i = 0; i < d->m->nnodes; i++)
		free(d->stt[i]);
	free(d->stt);
}

/* The words for a level: "cấp huyện" for district; NULL when unknown.
 * Static. */
static const char *level_words(const mdoc *d, const char *level)
{
	static const char *const words[][3] = {
	        {"province", "cấp tỉnh", "province"},
	        {"district", "cấp huyện", "district"},
	        {"commune", "cấp xã", "commune"},
	        {"ministry", "cấp bộ, ngành", "ministry"},
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(level, words[i][0]) == 0)
			return words[i][1 + d->lang];
	return NULL;
}

/* What a missing input does, as a sentence. Static. */
static const char *missing_words(const mdoc *d)
{
	switch (d->m->missing) {
	case MISSING_EXCLUDE:
		return T(d,
		         "chỉ số thiếu số liệu không được tính (trừ khỏi "
		         "điểm tối đa, như không áp dụng)",
		         "an indicator with missing data is left out (its "
		         "points are not available, as if not applicable)");
	case MISSING_ERROR:
		return T(d,
		         "phải có đủ mọi số liệu; đơn vị thiếu số liệu "
		         "không hợp lệ",
		         "every input is required; a unit missing one is "
		         "invalid");
	default:
		return T(d, "chỉ số thiếu số liệu được 0 điểm",
		         "an indicator with missing data scores 0");
	}
}

/* The file name without its directories. Borrowed. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The footnote mark of the SHA-256 and its text. */
static void sha_mark(mdoc *d)
{
	if (d->fmt == MODEL_DOC_HTML)
		put_raw(d, "<sup><a href=\"#fn-sha256\" id=\"ref-sha256\">1</a>"
		           "</sup>");
	else if (d->fmt == MODEL_DOC_MD)
		put_raw(d, "[^sha256]");
	else
		put_raw(d, " [1]");
}

/* The rows of the title block after the identity: size, rounding,
 * missing data, file, hash and generator. */
static void title_rows_tail(mdoc *d)
{
	const chiso_model *m = d->m;
	char buf[NUMFMT_MAX], twelve[13];
	size_t i, groups = 0;

	kv_begin(d, T(d, "Tổng điểm tối đa", "Total points"));
	put_text(d, num(d, m->total_points, buf));
	put_points_word(d);
	kv_end(d);
	kv_begin(d, T(d, "Cấu trúc", "Structure"));
	put_textf(d, T(d, "%zu chỉ số chính", "%zu main indices"), m->nroots);
	for (i = 0; i < m->nnodes; i++)
		groups += !m->nodes[i].is_leaf && m->nodes[i].parent >= 0;
	if (groups)
		put_textf(d, T(d, ", %zu nhóm", ", %zu groups"), groups);
	put_textf(d,
	          T(d, ", %zu chỉ số thành phần, %zu số liệu đầu vào",
	            ", %zu indicators, %zu inputs"),
	          m->nleaves, m->ninputs);
	kv_end(d);
	kv_begin(d, T(d, "Làm tròn", "Rounding"));
	put_textf(d, T(d, "%d chữ số thập phân", "%d decimals"), m->precision);
	kv_end(d);
	kv_text(d, T(d, "Thiếu số liệu", "Missing data"), missing_words(d));
	kv_text(d, T(d, "Mô tả", "Description"), m->description);
	kv_begin(d, T(d, "Tệp mô hình", "Model file"));
	put_code(d, base_name(m->path));
	kv_end(d);
	memcpy(twelve, m->sha256, 12);
	twelve[12] = '\0';
	kv_begin(d, "SHA-256");
	put_code(d, twelve);
	sha_mark(d);
	kv_end(d);
	kv_begin(d, T(d, "Tạo bởi", "Generated by"));
	put_text(d, PACKAGE_STRING " (");
	put_code(d, "chiso doc");
	put_raw(d, ")");
	kv_end(d);
}

/* The title and the table of the model's identity. */
static void title_block(mdoc *d)
{
	static const int align[] = {AL_LEFT, AL_LEFT};
	const char *heads[] = {T(d, "Thông tin", "Item"),
	                       T(d, "Nội dung", "Value")};
	const chiso_model *m = d->m;
	const char *lw;

	heading(d, 1, m->title);
	para(d, 1);
	put_text(d, T(d, "Danh mục chỉ số, điểm tối đa và cách tính điểm.",
	              "Indices, maximum points and how each is computed."));
	para(d, 0);
	table_begin(d, heads, align, 2);
	kv_begin(d, T(d, "Mã bộ chỉ số", "Model id"));
	put_code(d, m->id);
	kv_end(d);
	kv_text(d, T(d, "Phiên bản", "Version"), m->version);
	kv_text(d, T(d, "Cơ quan ban hành", "Issuer"), m->issuer);
	kv_text(d, T(d, "Căn cứ", "Legal basis"), m->basis);
	if (m->level) {
		lw = level_words(d, m->level);
		kv_begin(d, T(d, "Cấp đánh giá", "Level assessed"));
		if (lw && strcmp(lw, m->level) == 0) {
			put_text(d, lw);
		} else if (lw) {
			put_text(d, lw);
			put_raw(d, " (");
			put_code(d, m->level);
			put_raw(d, ")");
		} else {
			put_code(d, m->level);
		}
		kv_end(d);
	}
	title_rows_tail(d);
	table_end(d);
}

/* The index just past node i's subtree (nodes are in pre-order). */
static size_t subtree_end(const chiso_model *m, size_t i)
{
	size_t j = i + 1;

	while (j < m->nnodes && m->nodes[j].depth > m->nodes[i].depth)
		j++;
	return j;
}

/* The sum of the points of node i's children. */
static double children_sum(const chiso_model *m, size_t i)
{
	const model_node *n = &m->nodes[i];
	double sum = 0;
	size_t k;

	for (k = 0; k < n->nchildren; k++)
		sum += m->nodes[n->children[k]].points;
	return sum;
}

/* "30/30 ✓" (or "✗" when they differ): a sum checked against the
 * points declared. */
static void put_check(mdoc *d, double sum, double declared)
{
	char b1[NUMFMT_MAX], b2[NUMFMT_MAX];

	put_textf(d, "%s/%s %s", pts(d, sum, b1), num(d, declared, b2),
	          same_points(sum, declared) ? CHECK : CROSS);
}

/* The summary of the main indices and the checked grand total: the
 * points of all indicators against the model's total. */
static void summary(mdoc *d)
{
	const chiso_model *m = d->m;
	const char *heads[5];
	int align[5];
	char buf[NUMFMT_MAX];
	double leaves = 0;
	size_t k, j, n = 0;

#define COL(h, a) (heads[n] = (h), align[n++] = (a))
	COL(T(d, "STT", "No."), AL_LEFT);
	if (d->show_ids)
		COL(T(d, "Mã", "Id"), AL_LEFT);
	COL(T(d, "Chỉ số chính", "Main index"), AL_LEFT);
	COL(T(d, "Điểm tối đa", "Max points"), AL_RIGHT);
	COL(T(d, "Số chỉ số thành phần", "Indicators"), AL_RIGHT);
#undef COL
	heading(d, 2, T(d, "Tổng hợp các chỉ số chính", "Main indices"));
	table_begin(d, heads, align, n);
	for (k = 0; k < m->nroots; k++) {
		size_t r = m->roots[k], count = 0;

		for (j = r; j < subtree_end(m, r); j++)
			count += m->nodes[j].is_leaf;
		row_begin(d, 0);
		cell(d, AL_LEFT, d->stt[r]);
		if (d->show_ids)
			cell_code(d, m->nodes[r].id);
		cell(d, AL_LEFT, m->nodes[r].name);
		cell(d, AL_RIGHT, num(d, m->nodes[r].points, buf));
		snprintf(buf, sizeof(buf), "%zu", count);
		cell(d, AL_RIGHT, buf);
		row_end(d);
	}
	table_end(d);
	for (k = 0; k < m->nleaves; k++)
		leaves += m->nodes[m->leaves[k]].points;
	para(d, 1);
	put_text(d, T(d, "Tổng điểm các chỉ số thành phần: ",
	              "Total of the indicators' points: "));
	put_check(d, leaves, m->total_points);
	para(d, 0);
}

/* The Ghi chú cell: provisional mark, 0 points, note, description. */
static void put_notes(mdoc *d, const model_node *n)
{
	const char *sep = "";

	if (n->provisional) {
		put_text(d, T(d, WARN " tạm đề xuất", WARN " provisional"));
		sep = "; ";
	}
	if (n->is_leaf && n->points == 0) {
		put_raw(d, sep);
		put_text(d, T(d, "không tính điểm (chỉ thu thập số liệu)",
		              "not scored (collected only)"));
		sep = "; ";
	}
	if (n->note) {
		put_raw(d, sep);
		put_text(d, n->note);
		sep = "; ";
	}
	if (n->description) {
		put_raw(d, sep);
		put_text(d, n->description);
	}
}

/* "Bắt buộc" / "Mở rộng" for a kind; the kind itself when unknown.
 * Static or borrowed from the model. */
static const char *kind_words(const mdoc *d, const char *kind)
{
	if (!kind)
		return NULL;
	if (strcmp(kind, "mandatory") == 0)
		return T(d, "Bắt buộc", "Mandatory");
	if (strcmp(kind, "extended") == 0)
		return T(d, "Mở rộng", "Extended");
	return kind;
}

/* One row of a main index's table: node i at depth rel below it. */
static void node_row(mdoc *d, size_t i, unsigned rel)
{
	const model_node *n = &d->m->nodes[i];
	char buf[NUMFMT_MAX];

	row_begin(d, !n->is_leaf);
	cell(d, AL_LEFT, d->stt[i]);
	if (d->show_ids)
		cell_code(d, n->id);
	cell_begin(d, AL_LEFT, rel > 1 ? rel - 1 : 0);
	if (!n->is_leaf)
		put_bold(d, 1);
	put_text(d, n->name);
	if (!n->is_leaf)
		put_bold(d, 0);
	cell_end(d);
	cell(d, AL_RIGHT, num(d, n->points, buf));
	cell_begin(d, AL_LEFT, 0);
	describe_node(d, i);
	cell_end(d);
	if (d->has_kind)
		cell(d, AL_LEFT, kind_words(d, n->kind));
	if (d->has_evidence)
		cell(d, AL_LEFT, n->evidence);
	if (d->has_source)
		cell(d, AL_LEFT, n->source);
	if (d->has_notes) {
		cell_begin(d, AL_LEFT, 0);
		put_notes(d, n);
		cell_end(d);
	}
	row_end(d);
}

/* The table of main index r: its indicators (itself when it is one). */
static void index_table(mdoc *d, size_t r)
{
	const char *heads[9];
	int align[9];
	size_t n = 0, j, end = subtree_end(d->m, r);

#define COL(h, a) (heads[n] = (h), align[n++] = (a))
	COL(T(d, "STT", "No."), AL_LEFT);
	if (d->show_ids)
		COL(T(d, "Mã", "Id"), AL_LEFT);
	COL(T(d, "Chỉ số", "Indicator"), AL_LEFT);
	COL(T(d, "Điểm tối đa", "Max points"), AL_RIGHT);
	COL(T(d, "Cách tính", "How it is computed"), AL_LEFT);
	if (d->has_kind)
		COL(T(d, "Loại", "Kind"), AL_LEFT);
	if (d->has_evidence)
		COL(T(d, "Tài liệu kiểm chứng", "Evidence"), AL_LEFT);
	if (d->has_source)
		COL(T(d, "Nguồn", "Source"), AL_LEFT);
	if (d->has_notes)
		COL(T(d, "Ghi chú", "Notes"), AL_LEFT);
#undef COL
	table_begin(d, heads, align, n);
	if (d->m->nodes[r].is_leaf)
		node_row(d, r, 0);
	for (j = r + 1; j < end; j++)
		node_row(d, j, d->m->nodes[j].depth - d->m->nodes[r].depth);
	table_end(d);
}

/* "**Label:** text" as a paragraph; nothing when text is NULL. */
static void labelled_para(mdoc *d, const char *label, const char *text)
{
	if (!text)
		return;
	para(d, 1);
	put_bold(d, 1);
	put_text(d, label);
	put_raw(d, ":");
	put_bold(d, 0);
	put_raw(d, " ");
	put_text(d, text);
	para(d, 0);
}

/* The checked totals under a main group: its own, then each nested
 * group's ("Tổng: 30/30 ✓; 1.2: 10/10 ✓"). */
static void index_checks(mdoc *d, size_t r)
{
	const chiso_model *m = d->m;
	size_t j, end = subtree_end(m, r);

	para(d, 1);
	put_text(d, T(d, "Tổng: ", "Total: "));
	put_check(d, children_sum(m, r), m->nodes[r].points);
	for (j = r + 1; j < end; j++) {
		if (m->nodes[j].is_leaf)
			continue;
		put_textf(d, "; %s: ", d->stt[j]);
		put_check(d, children_sum(m, j), m->nodes[j].points);
	}
	para(d, 0);
}

/* A main index: heading "1. Nhận thức số (30 điểm)", its own texts,
 * the table of its indicators and the checked totals. */
static void index_section(mdoc *d, size_t r)
{
	const model_node *n = &d->m->nodes[r];
	char buf[NUMFMT_MAX];

	heading_begin(d, 2);
	put_textf(d, "%s. ", d->stt[r]);
	put_text(d, n->name);
	put_textf(d, T(d, " (%s điểm)", " (%s points)"),
	          num(d, n->points, buf));
	heading_end(d, 2);
	if (d->show_ids && strcmp(n->id, d->stt[r]) != 0) {
		para(d, 1);
		put_text(d, T(d, "Mã: ", "Id: "));
		put_code(d, n->id);
		para(d, 0);
	}
	if (!n->is_leaf) {
		labelled_para(d, T(d, "Loại", "Kind"), kind_words(d, n->kind));
		labelled_para(d, T(d, "Tài liệu kiểm chứng", "Evidence"),
		              n->evidence);
		labelled_para(d, T(d, "Nguồn", "Source"), n->source);
		labelled_para(d, T(d, "Ghi chú", "Note"), n->note);
		labelled_para(d, T(d, "Mô tả", "Description"), n->description);
		if (n->provisional)
			labelled_para(d, WARN,
			              T(d, "tạm đề xuất", "provisional"));
	}
	index_table(d, r);
	if (!n->is_leaf)
		index_checks(d, r);
}

/* The views: which nodes each sums, and their points. */
static void views_section(mdoc *d)
{
	static const int align[] = {AL_LEFT, AL_LEFT, AL_LEFT, AL_RIGHT,
	                            AL_LEFT};
	const char *heads[] = {T(d, "Mã", "Id"), T(d, "Tên", "Name"),
	                       T(d, "Gồm", "Sums"),
	                       T(d, "Điểm tối đa", "Max points"),
	                       T(d, "Mô tả", "Description")};
	const chiso_model *m = d->m;
	char buf[NUMFMT_MAX];
	size_t v, k, ncols = 4;

	heading(d, 2, T(d, "Chỉ số tổng hợp", "Views"));
	para(d, 1);
	put_text(d, T(d,
	              "Mỗi chỉ số tổng hợp cộng điểm đạt được của các chỉ "
	              "số được liệt kê; giá trị = điểm đạt được / điểm "
	              "tối đa được áp dụng.",
	              "Each view adds up the points earned on the nodes "
	              "listed; its value is the points earned / the points "
	              "available."));
	para(d, 0);
	for (v = 0; v < m->nviews; v++)
		if (m->views[v].description)
			ncols = 5;
	table_begin(d, heads, align, ncols);
	for (v = 0; v < m->nviews; v++) {
		const model_view *w = &m->views[v];
		double sum = 0;

		row_begin(d, 0);
		cell_code(d, w->id);
		cell(d, AL_LEFT, w->name);
		cell_begin(d, AL_LEFT, 0);
		for (k = 0; k < w->nnodes; k++) {
			put_textf(d, "%s%s. ", k ? "; " : "",
			          d->stt[w->nodes[k]]);
			put_text(d, m->nodes[w->nodes[k]].name);
			sum += m->nodes[w->nodes[k]].points;
		}
		cell_end(d);
		cell(d, AL_RIGHT, pts(d, sum, buf));
		if (ncols == 5)
			cell(d, AL_LEFT, w->description);
		row_end(d);
	}
	table_end(d);
}

/* The conditions of class c in words: "100% chỉ số bắt buộc đạt; ≥ 30%
 * chỉ số mở rộng đạt; giá trị ≥ 0,9". */
static void put_conditions(mdoc *d, const model_class *c)
{
	char buf[NUMFMT_MAX];
	const char *sep = "";

	if (c->mandatory_all) {
		put_text(d, T(d, "100% chỉ số bắt buộc đạt",
		              "100% of the mandatory indicators met"));
		sep = "; ";
	}
	if (c->has_extended_min) {
		put_raw(d, sep);
		put_textf(d,
		          T(d, GE " %s chỉ số mở rộng đạt",
		            GE " %s of the extended indicators met"),
		          pct(d, c->extended_min, buf));
		sep = "; ";
	}
	if (c->has_min_value) {
		put_raw(d, sep);
		put_textf(d,
		          T(d, "giá trị " GE " %s (làm tròn %d chữ số)",
		            "value " GE " %s (rounded to %d decimals)"),
		          num(d, c->min_value, buf), d->m->precision);
	}
}

/* The recognition classes in the order they are checked. */
static void classes_section(mdoc *d)
{
	static const int align[] = {AL_RIGHT, AL_LEFT, AL_LEFT, AL_LEFT,
	                            AL_LEFT};
	const char *heads[] = {
	        T(d, "Thứ tự", "Order"), T(d, "Mã", "Id"), T(d, "Mức", "Class"),
	        T(d, "Điều kiện", "Conditions"), T(d, "Mô tả", "Description")};
	const chiso_model *m = d->m;
	char buf[NUMFMT_MAX];
	size_t c, mand = 0, ext = 0, ncols = 4;

	heading(d, 2, T(d, "Mức công nhận", "Recognition classes"));
	para(d, 1);
	put_text(d, T(d,
	              "Xét lần lượt theo thứ tự; đơn vị đạt mức đầu tiên "
	              "thỏa mãn mọi điều kiện. Một chỉ số là đạt khi được "
	              "đủ điểm; chỉ số không áp dụng không được tính.",
	              "Checked in this order; a unit reaches the first class "
	              "whose conditions all hold. An indicator is met when "
	              "it earns its full points; indicators that do not "
	              "apply are not counted."));
	para(d, 0);
	for (c = 0; c < m->nclasses; c++)
		if (m->classes[c].description)
			ncols = 5;
	table_begin(d, heads, align, ncols);
	for (c = 0; c < m->nclasses; c++) {
		row_begin(d, 0);
		snprintf(buf, sizeof(buf), "%zu", c + 1);
		cell(d, AL_RIGHT, buf);
		cell_code(d, m->classes[c].id);
		cell(d, AL_LEFT, m->classes[c].name);
		cell_begin(d, AL_LEFT, 0);
		put_conditions(d, &m->classes[c]);
		cell_end(d);
		if (ncols == 5)
			cell(d, AL_LEFT, m->classes[c].description);
		row_end(d);
	}
	table_end(d);
	for (c = 0; c < m->nleaves; c++) {
		const char *kind = m->nodes[m->leaves[c]].kind;

		mand += kind && strcmp(kind, "mandatory") == 0;
		ext += kind && strcmp(kind, "extended") == 0;
	}
	para(d, 1);
	put_textf(d,
	          T(d,
	            "Bộ chỉ số có %zu chỉ số bắt buộc và %zu chỉ số mở rộng.",
	            "The model has %zu mandatory and %zu extended indicators."),
	          mand, ext);
	para(d, 0);
}

/* The words for an input type. Static. */
static const char *type_words(const mdoc *d, unsigned type)
{
	switch (type) {
	case CHISO_INPUT_INTEGER:
		return T(d, "số nguyên", "integer");
	case CHISO_INPUT_NUMBER:
		return T(d, "số", "number");
	case CHISO_INPUT_BOOLEAN:
		return T(d, "có/không", "yes/no");
	case CHISO_INPUT_CHOICE:
		return T(d, "lựa chọn", "choice");
	case CHISO_INPUT_TEXT:
		return T(d, "văn bản", "text");
	}
	return model_type_name(type);
}

/* One bound: "≥ 0" or "≤ `officials_total`". */
static void put_bound(mdoc *d, const char *sym, const input_bound *b,
                      const char **sep)
{
	char buf[NUMFMT_MAX];

	if (b->kind == BOUND_NONE)
		return;
	put_raw(d, *sep);
	put_textf(d, "%s ", sym);
	if (b->kind == BOUND_NUMBER)
		put_text(d, num(d, b->number, buf));
	else
		put_code(d, d->m->inputs[b->slot].id);
	*sep = "; ";
}

/* One row of the inputs appendix. */
static void input_row(mdoc *d, size_t i, int choices, int descs)
{
	const model_input *in = &d->m->inputs[i];
	const char *sep = "";
	char buf[NUMFMT_MAX];
	size_t k;

	row_begin(d, 0);
	snprintf(buf, sizeof(buf), "%zu", i + 1);
	cell(d, AL_RIGHT, buf);
	cell_code(d, in->id);
	cell(d, AL_LEFT, in->label);
	cell(d, AL_LEFT, in->unit);
	cell(d, AL_LEFT, type_words(d, in->type));
	cell_begin(d, AL_LEFT, 0);
	put_bound(d, GE, &in->min, &sep);
	put_bound(d, LE, &in->max, &sep);
	cell_end(d);
	if (choices) {
		cell_begin(d, AL_LEFT, 0);
		for (k = 0; k < in->nchoices; k++) {
			put_raw(d, k ? ", " : "");
			put_code(d, in->choices[k]);
		}
		cell_end(d);
	}
	cell_begin(d, AL_LEFT, 0);
	for (k = 0; k < in->nused; k++)
		put_textf(d, "%s%s", k ? ", " : "", d->stt[in->used_by[k]]);
	if (in->nused == 0)
		put_text(d, T(d, "không dùng để tính điểm", "not scored"));
	cell_end(d);
	if (descs)
		cell(d, AL_LEFT, in->description);
	row_end(d);
}

/* The appendix: every input with its label, unit, type, bounds,
 * choices and the indicators that use it. */
static void inputs_section(mdoc *d)
{
	const char *heads[9];
	int align[9], choices = 0, descs = 0;
	size_t i, n = 0;

	for (i = 0; i < d->m->ninputs; i++) {
		choices |= d->m->inputs[i].nchoices > 0;
		descs |= d->m->inputs[i].description != NULL;
	}
#define COL(h, a) (heads[n] = (h), align[n++] = (a))
	COL(T(d, "STT", "No."), AL_RIGHT);
	COL(T(d, "Mã", "Id"), AL_LEFT);
	COL(T(d, "Nội dung", "Label"), AL_LEFT);
	COL(T(d, "Đơn vị", "Unit"), AL_LEFT);
	COL(T(d, "Kiểu", "Type"), AL_LEFT);
	COL(T(d, "Giới hạn", "Bounds"), AL_LEFT);
	if (choices)
		COL(T(d, "Lựa chọn", "Choices"), AL_LEFT);
	COL(T(d, "Dùng cho chỉ số", "Used by"), AL_LEFT);
	if (descs)
		COL(T(d, "Mô tả", "Description"), AL_LEFT);
#undef COL
	heading(d, 2, T(d, "Phụ lục: Số liệu đầu vào", "Appendix: Inputs"));
	if (d->m->ninputs == 0) {
		para(d, 1);
		put_text(d, T(d, "Mô hình không có số liệu đầu vào.",
		              "The model has no inputs."));
		para(d, 0);
		return;
	}
	table_begin(d, heads, align, n);
	for (i = 0; i < d->m->ninputs; i++)
		input_row(d, i, choices, descs);
	table_end(d);
}

/* The footnotes: the full SHA-256 of the model file. */
static void footnotes(mdoc *d)
{
	if (d->fmt == MODEL_DOC_HTML)
		put_raw(d, "<footer>\n<p id=\"fn-sha256\"><a "
		           "href=\"#ref-sha256\">1</a>. ");
	else if (d->fmt == MODEL_DOC_MD)
		put_raw(d, "[^sha256]: ");
	else
		put_raw(d, "[1] ");
	put_text(d, T(d, "SHA-256 của tệp mô hình ",
	              "SHA-256 of the model file "));
	put_code(d, base_name(d->m->path));
	put_raw(d, ": ");
	put_code(d, d->m->sha256);
	put_raw(d, d->fmt == MODEL_DOC_HTML ? "</p>\n</footer>\n" : "\n");
}

/* The style sheet of the HTML page: readable on screen, A4 in print. */
static const char css[] =
        "body{font-family:\"Times New Roman\",Times,serif;font-size:"
        "12pt;line-height:1.4;margin:2em auto;max-width:80em;padding:0 "
        "1em;color:#000;background:#fff}\n"
        "h1{font-size:16pt;text-align:center}\n"
        "h2{font-size:13pt;margin-top:1.6em}\n"
        "table{border-collapse:collapse;width:100%;margin:.6em 0}\n"
        "th,td{border:1px solid #444;padding:.25em .45em;vertical-align:"
        "top;text-align:left}\n"
        "th{background:#eee}\n"
        ".n{text-align:right;white-space:nowrap;width:1%}\n"
        "td:first-child{white-space:nowrap}\n"
        "tr.group td{background:#f6f6f6}\n"
        ".d1{padding-left:1.5em}.d2{padding-left:3em}.d3{padding-left:4.5em}"
        ".d4{padding-left:6em}\n"
        "code{font-family:\"DejaVu Sans Mono\",monospace;font-size:.9em}\n"
        "footer{margin-top:2em;font-size:10pt;border-top:1px solid #444}\n"
        "@page{size:A4 landscape;margin:15mm}\n"
        "@media print{body{margin:0;max-width:none;font-size:11pt}"
        "thead{display:table-header-group}tr{break-inside:avoid}"
        "h2{break-after:avoid}}\n";

/* The start of the page, or the Markdown file's generated-file note. */
static void page_begin(mdoc *d)
{
	if (d->fmt == MODEL_DOC_MD) {
		put_raw(d, "<!-- Generated by chiso doc from ");
		put_text(d, base_name(d->m->path));
		put_raw(d, "; do not edit. -->\n\n");
		return;
	}
	if (d->fmt != MODEL_DOC_HTML)
		return;
	put_raw(d, "<!DOCTYPE html>\n<html lang=\"");
	put_raw(d, T(d, "vi", "en"));
	put_raw(d,
	        "\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta http-equiv=\"Content-Security-Policy\" "
	        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width, "
	        "initial-scale=1\">\n"
	        "<meta name=\"generator\" content=\"" PACKAGE_STRING "\">\n"
	        "<title>");
	put_text(d, d->m->title);
	put_raw(d, "</title>\n<style>\n");
	put_raw(d, css);
	put_raw(d, "</style>\n</head>\n<body>\n<main>\n");
}

/* The end of the page. */
static void page_end(mdoc *d)
{
	if (d->fmt == MODEL_DOC_HTML)
		put_raw(d, "</main>\n");
	footnotes(d);
	if (d->fmt == MODEL_DOC_HTML)
		put_raw(d, "</body>\n</html>\n");
}

int model_doc_write(const chiso_model *m, model_doc_format fmt,
                    model_doc_lang lang, FILE *f)
{
	strbuf sb = STRBUF_INIT;
	mdoc d;
	size_t k;
	int rc;

	memset(&d, 0, sizeof(d));
	d.m = m;
	d.fmt = fmt;
	d.lang = lang;
	d.sb = &sb;
	analyse(&d);
	page_begin(&d);
	title_block(&d);
	summary(&d);
	for (k = 0; k < m->nroots; k++)
		index_section(&d, m->roots[k]);
	if (m->nviews)
		views_section(&d);
	if (m->nclasses)
		classes_section(&d);
	inputs_section(&d);
	page_end(&d);
	rc = fwrite(strbuf_str(&sb), 1, sb.len, f) == sb.len ? 0 : -1;
	release(&d);
	strbuf_release(&sb);
	return rc;
}
