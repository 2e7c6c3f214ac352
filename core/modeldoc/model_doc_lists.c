/*
 * model_doc_lists.c - the sections of the document after the main
 * indices, each a table of one list of the model: the views, the
 * recognition classes with their conditions in words, and the appendix
 * of the inputs (label, unit, type, bounds, choices, the indicators
 * that use each).
 */
#include "modeldoc/model_doc_internal.h"

#include <stdio.h>
#include <string.h>

/* --- views ------------------------------------------------------------ */

/* The views: which nodes each sums, and their points. */
void mdoc_views_section(mdoc *d)
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

	mdoc_heading(d, 2, T(d, "Chỉ số tổng hợp", "Views"));
	mdoc_para(d, 1);
	mdoc_put_text(d,
	              T(d,
	                "Mỗi chỉ số tổng hợp cộng điểm đạt được của các chỉ "
	                "số được liệt kê; giá trị = điểm đạt được / điểm "
	                "tối đa được áp dụng.",
	                "Each view adds up the points earned on the nodes "
	                "listed; its value is the points earned / the points "
	                "available."));
	mdoc_para(d, 0);
	for (v = 0; v < m->nviews; v++)
		if (m->views[v].description)
			ncols = 5;
	mdoc_table_begin(d, heads, align, ncols);
	for (v = 0; v < m->nviews; v++) {
		const model_view *w = &m->views[v];
		double sum = 0;

		mdoc_row_begin(d, 0);
		mdoc_cell_code(d, w->id);
		mdoc_cell(d, AL_LEFT, w->name);
		mdoc_cell_begin(d, AL_LEFT, 0);
		for (k = 0; k < w->nnodes; k++) {
			mdoc_put_textf(d, "%s%s. ", k ? "; " : "",
			               d->stt[w->nodes[k]]);
			mdoc_put_text(d, m->nodes[w->nodes[k]].name);
			sum += m->nodes[w->nodes[k]].points;
		}
		mdoc_cell_end(d);
		mdoc_cell(d, AL_RIGHT, mdoc_pts(d, sum, buf));
		if (ncols == 5)
			mdoc_cell(d, AL_LEFT, w->description);
		mdoc_row_end(d);
	}
	mdoc_table_end(d);
}

/* --- recognition classes ---------------------------------------------- */

/* The conditions of class c in words: "100% chỉ số bắt buộc đạt; ≥ 30%
 * chỉ số mở rộng đạt; giá trị ≥ 0,9". */
static void put_conditions(mdoc *d, const model_class *c)
{
	char buf[NUMFMT_MAX];
	const char *sep = "";

	if (c->mandatory_all) {
		mdoc_put_text(d, T(d, "100% chỉ số bắt buộc đạt",
		                   "100% of the mandatory indicators met"));
		sep = "; ";
	}
	if (c->has_extended_min) {
		mdoc_put_raw(d, sep);
		mdoc_put_textf(d,
		               T(d, GE " %s chỉ số mở rộng đạt",
		                 GE " %s of the extended indicators met"),
		               mdoc_pct(d, c->extended_min, buf));
		sep = "; ";
	}
	if (c->has_min_value) {
		mdoc_put_raw(d, sep);
		mdoc_put_textf(d,
		               T(d, "giá trị " GE " %s (làm tròn %d chữ số)",
		                 "value " GE " %s (rounded to %d decimals)"),
		               mdoc_num(d, c->min_value, buf), d->m->precision);
	}
}

/* The recognition classes in the order they are checked. */
void mdoc_classes_section(mdoc *d)
{
	static const int align[] = {AL_RIGHT, AL_LEFT, AL_LEFT, AL_LEFT,
	                            AL_LEFT};
	const char *heads[] = {
	        T(d, "Thứ tự", "Order"), T(d, "Mã", "Id"), T(d, "Mức", "Class"),
	        T(d, "Điều kiện", "Conditions"), T(d, "Mô tả", "Description")};
	const chiso_model *m = d->m;
	char buf[NUMFMT_MAX];
	size_t c, mand = 0, ext = 0, ncols = 4;

	mdoc_heading(d, 2, T(d, "Mức công nhận", "Recognition classes"));
	mdoc_para(d, 1);
	mdoc_put_text(d,
	              T(d,
	                "Xét lần lượt theo thứ tự; đơn vị đạt mức đầu tiên "
	                "thỏa mãn mọi điều kiện. Một chỉ số là đạt khi được "
	                "đủ điểm; chỉ số không áp dụng không được tính.",
	                "Checked in this order; a unit reaches the first class "
	                "whose conditions all hold. An indicator is met when "
	                "it earns its full points; indicators that do not "
	                "apply are not counted."));
	mdoc_para(d, 0);
	for (c = 0; c < m->nclasses; c++)
		if (m->classes[c].description)
			ncols = 5;
	mdoc_table_begin(d, heads, align, ncols);
	for (c = 0; c < m->nclasses; c++) {
		mdoc_row_begin(d, 0);
		snprintf(buf, sizeof(buf), "%zu", c + 1);
		mdoc_cell(d, AL_RIGHT, buf);
		mdoc_cell_code(d, m->classes[c].id);
		mdoc_cell(d, AL_LEFT, m->classes[c].name);
		mdoc_cell_begin(d, AL_LEFT, 0);
		put_conditions(d, &m->classes[c]);
		mdoc_cell_end(d);
		if (ncols == 5)
			mdoc_cell(d, AL_LEFT, m->classes[c].description);
		mdoc_row_end(d);
	}
	mdoc_table_end(d);
	for (c = 0; c < m->nleaves; c++) {
		const char *kind = m->nodes[m->leaves[c]].kind;

		mand += kind && strcmp(kind, "mandatory") == 0;
		ext += kind && strcmp(kind, "extended") == 0;
	}
	mdoc_para(d, 1);
	mdoc_put_textf(
	        d,
	        T(d, "Bộ chỉ số có %zu chỉ số bắt buộc và %zu chỉ số mở rộng.",
	          "The model has %zu mandatory and %zu extended indicators."),
	        mand, ext);
	mdoc_para(d, 0);
}

/* --- the appendix of the inputs --------------------------------------- */

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
	mdoc_put_raw(d, *sep);
	mdoc_put_textf(d, "%s ", sym);
	if (b->kind == BOUND_NUMBER)
		mdoc_put_text(d, mdoc_num(d, b->number, buf));
	else
		mdoc_put_code(d, d->m->inputs[b->slot].id);
	*sep = "; ";
}

/* One row of the inputs appendix. */
static void input_row(mdoc *d, size_t i, int choices, int descs)
{
	const model_input *in = &d->m->inputs[i];
	const char *sep = "";
	char buf[NUMFMT_MAX];
	size_t k;

	mdoc_row_begin(d, 0);
	snprintf(buf, sizeof(buf), "%zu", i + 1);
	mdoc_cell(d, AL_RIGHT, buf);
	mdoc_cell_code(d, in->id);
	mdoc_cell(d, AL_LEFT, in->label);
	mdoc_cell(d, AL_LEFT, in->unit);
	mdoc_cell(d, AL_LEFT, type_words(d, in->type));
	mdoc_cell_begin(d, AL_LEFT, 0);
	put_bound(d, GE, &in->min, &sep);
	put_bound(d, LE, &in->max, &sep);
	mdoc_cell_end(d);
	if (choices) {
		mdoc_cell_begin(d, AL_LEFT, 0);
		for (k = 0; k < in->nchoices; k++) {
			mdoc_put_raw(d, k ? ", " : "");
			mdoc_put_code(d, in->choices[k]);
		}
		mdoc_cell_end(d);
	}
	mdoc_cell_begin(d, AL_LEFT, 0);
	for (k = 0; k < in->nused; k++)
		mdoc_put_textf(d, "%s%s", k ? ", " : "",
		               d->stt[in->used_by[k]]);
	if (in->nused == 0)
		mdoc_put_text(d, T(d, "không dùng để tính điểm", "not scored"));
	mdoc_cell_end(d);
	if (descs)
		mdoc_cell(d, AL_LEFT, in->description);
	mdoc_row_end(d);
}

/* The appendix: every input with its label, unit, type, bounds,
 * choices and the indicators that use it. */
void mdoc_inputs_section(mdoc *d)
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
	mdoc_heading(d, 2,
	             T(d, "Phụ lục: Số liệu đầu vào", "Appendix: Inputs"));
	if (d->m->ninputs == 0) {
		mdoc_para(d, 1);
		mdoc_put_text(d, T(d, "Mô hình không có số liệu đầu vào.",
		                   "The model has no inputs."));
		mdoc_para(d, 0);
		return;
	}
	mdoc_table_begin(d, heads, align, n);
	for (i = 0; i < d->m->ninputs; i++)
		input_row(d, i, choices, descs);
	mdoc_table_end(d);
}
