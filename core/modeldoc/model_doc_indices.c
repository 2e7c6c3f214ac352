/*
 * model_doc_indices.c - the main indices in the document: the summary
 * table with the checked grand total, then per main index its heading,
 * its own texts, the table of its indicators (points, how each is
 * computed, kind, evidence, source, notes) and its checked totals.
 */
#include "modeldoc/model_doc_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* --- sums and their checks -------------------------------------------- */

/* 1 when a and b are equal within the loader's relative 1e-9. */
static int same_points(double a, double b)
{
	double scale = fabs(b) > 1 ? fabs(b) : 1;

	return fabs(a - b) <= 1e-9 * scale;
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

	mdoc_put_textf(d, "%s/%s %s", mdoc_pts(d, sum, b1),
	               mdoc_num(d, declared, b2),
	               same_points(sum, declared) ? CHECK : CROSS);
}

/* --- the summary of the main indices ---------------------------------- */

/* The summary of the main indices and the checked grand total: the
 * points of all indicators against the model's total. */
void mdoc_summary(mdoc *d)
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
	mdoc_heading(d, 2, T(d, "Tổng hợp các chỉ số chính", "Main indices"));
	mdoc_table_begin(d, heads, align, n);
	for (k = 0; k < m->nroots; k++) {
		size_t r = m->roots[k], count = 0;

		for (j = r; j < subtree_end(m, r); j++)
			count += m->nodes[j].is_leaf;
		mdoc_row_begin(d, 0);
		mdoc_cell(d, AL_LEFT, d->stt[r]);
		if (d->show_ids)
			mdoc_cell_code(d, m->nodes[r].id);
		mdoc_cell(d, AL_LEFT, m->nodes[r].name);
		mdoc_cell(d, AL_RIGHT, mdoc_num(d, m->nodes[r].points, buf));
		snprintf(buf, sizeof(buf), "%zu", count);
		mdoc_cell(d, AL_RIGHT, buf);
		mdoc_row_end(d);
	}
	mdoc_table_end(d);
	for (k = 0; k < m->nleaves; k++)
		leaves += m->nodes[m->leaves[k]].points;
	mdoc_para(d, 1);
	mdoc_put_text(d, T(d, "Tổng điểm các chỉ số thành phần: ",
	                   "Total of the indicators' points: "));
	put_check(d, leaves, m->total_points);
	mdoc_para(d, 0);
}

/* --- one main index --------------------------------------------------- */

/* The Ghi chú cell: provisional mark, 0 points, note, description. */
static void put_notes(mdoc *d, const model_node *n)
{
	const char *sep = "";

	if (n->provisional) {
		mdoc_put_text(d,
		              T(d, WARN " tạm đề xuất", WARN " provisional"));
		sep = "; ";
	}
	if (n->is_leaf && n->points == 0) {
		mdoc_put_raw(d, sep);
		mdoc_put_text(d, T(d, "không tính điểm (chỉ thu thập số liệu)",
		                   "not scored (collected only)"));
		sep = "; ";
	}
	if (n->note) {
		mdoc_put_raw(d, sep);
		mdoc_put_text(d, n->note);
		sep = "; ";
	}
	if (n->description) {
		mdoc_put_raw(d, sep);
		mdoc_put_text(d, n->description);
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

/* The evidence cell of indicator n: what proves it, and whether the
 * model requires it (evidence_required). */
static void evidence_cell(mdoc *d, const model_node *n)
{
	mdoc_cell_begin(d, AL_LEFT, 0);
	if (n->evidence)
		mdoc_put_text(d, n->evidence);
	if (n->evidence_required) {
		if (n->evidence)
			mdoc_put_text(d, " ");
		mdoc_put_bold(d, 1);
		mdoc_put_text(d,
		              n->evidence_required == EVIDENCE_WITHHOLD
		                      ? T(d,
		                          "(bắt buộc: thiếu thì không tính "
		                          "điểm)",
		                          "(required: no points without it)")
		                      : T(d, "(bắt buộc: thiếu thì cảnh báo)",
		                          "(required: flagged without it)"));
		mdoc_put_bold(d, 0);
	}
	mdoc_cell_end(d);
}

/* One row of a main index's table: node i at depth rel below it. */
static void node_row(mdoc *d, size_t i, unsigned rel)
{
	const model_node *n = &d->m->nodes[i];
	char buf[NUMFMT_MAX];

	mdoc_row_begin(d, !n->is_leaf);
	mdoc_cell(d, AL_LEFT, d->stt[i]);
	if (d->show_ids)
		mdoc_cell_code(d, n->id);
	mdoc_cell_begin(d, AL_LEFT, rel > 1 ? rel - 1 : 0);
	if (!n->is_leaf)
		mdoc_put_bold(d, 1);
	mdoc_put_text(d, n->name);
	if (!n->is_leaf)
		mdoc_put_bold(d, 0);
	mdoc_cell_end(d);
	mdoc_cell(d, AL_RIGHT, mdoc_num(d, n->points, buf));
	mdoc_cell_begin(d, AL_LEFT, 0);
	mdoc_describe_node(d, i);
	mdoc_cell_end(d);
	if (d->has_kind)
		mdoc_cell(d, AL_LEFT, kind_words(d, n->kind));
	if (d->has_evidence)
		evidence_cell(d, n);
	if (d->has_source)
		mdoc_cell(d, AL_LEFT, n->source);
	if (d->has_notes) {
		mdoc_cell_begin(d, AL_LEFT, 0);
		put_notes(d, n);
		mdoc_cell_end(d);
	}
	mdoc_row_end(d);
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
	mdoc_table_begin(d, heads, align, n);
	if (d->m->nodes[r].is_leaf)
		node_row(d, r, 0);
	for (j = r + 1; j < end; j++)
		node_row(d, j, d->m->nodes[j].depth - d->m->nodes[r].depth);
	mdoc_table_end(d);
}

/* "**Label:** text" as a paragraph; nothing when text is NULL. */
static void labelled_para(mdoc *d, const char *label, const char *text)
{
	if (!text)
		return;
	mdoc_para(d, 1);
	mdoc_put_bold(d, 1);
	mdoc_put_text(d, label);
	mdoc_put_raw(d, ":");
	mdoc_put_bold(d, 0);
	mdoc_put_raw(d, " ");
	mdoc_put_text(d, text);
	mdoc_para(d, 0);
}

/* The checked totals under a main group: its own, then each nested
 * group's ("Tổng: 30/30 ✓; 1.2: 10/10 ✓"). */
static void index_checks(mdoc *d, size_t r)
{
	const chiso_model *m = d->m;
	size_t j, end = subtree_end(m, r);

	mdoc_para(d, 1);
	mdoc_put_text(d, T(d, "Tổng: ", "Total: "));
	put_check(d, children_sum(m, r), m->nodes[r].points);
	for (j = r + 1; j < end; j++) {
		if (m->nodes[j].is_leaf)
			continue;
		mdoc_put_textf(d, "; %s: ", d->stt[j]);
		put_check(d, children_sum(m, j), m->nodes[j].points);
	}
	mdoc_para(d, 0);
}

/* A main index: heading "1. Nhận thức số (30 điểm)", its own texts,
 * the table of its indicators and the checked totals. */
void mdoc_index_section(mdoc *d, size_t r)
{
	const model_node *n = &d->m->nodes[r];
	char buf[NUMFMT_MAX];

	mdoc_heading_begin(d, 2);
	mdoc_put_textf(d, "%s. ", d->stt[r]);
	mdoc_put_text(d, n->name);
	mdoc_put_textf(d, T(d, " (%s điểm)", " (%s points)"),
	               mdoc_num(d, n->points, buf));
	mdoc_heading_end(d, 2);
	if (d->show_ids && strcmp(n->id, d->stt[r]) != 0) {
		mdoc_para(d, 1);
		mdoc_put_text(d, T(d, "Mã: ", "Id: "));
		mdoc_put_code(d, n->id);
		mdoc_para(d, 0);
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
