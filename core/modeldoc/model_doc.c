/*
 * model_doc.c - a model as a document (Markdown or HTML, Vietnamese or
 * English): the annex of the decision that publishes a criteria set.
 *
 * This part numbers the nodes, writes the title block (the model's
 * identity, size, rounding, missing-data policy, file and hash) and
 * puts the sections in their order: model_doc_indices.c writes the main
 * indices, model_doc_lists.c the views, classes and inputs,
 * model_doc_rules.c how each indicator is computed and
 * model_doc_markup.c the markup of the format.
 */
#include "config.h"

#include "modeldoc/model_doc_internal.h"

#include <stdlib.h>
#include <string.h>

/* --- numbering -------------------------------------------------------- */

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
		d->has_evidence |= n->evidence || n->evidence_required;
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

/* --- the title block -------------------------------------------------- */

/* A row of the title block: a label, then the caller writes the value
 * and calls kv_end(). */
static void kv_begin(mdoc *d, const char *label)
{
	mdoc_row_begin(d, 0);
	mdoc_cell(d, AL_LEFT, label);
	mdoc_cell_begin(d, AL_LEFT, 0);
}

/* Ends a row of the title block. */
static void kv_end(mdoc *d)
{
	mdoc_cell_end(d);
	mdoc_row_end(d);
}

/* A row of the title block with a plain text value; none when NULL. */
static void kv_text(mdoc *d, const char *label, const char *value)
{
	if (!value)
		return;
	kv_begin(d, label);
	mdoc_put_text(d, value);
	kv_end(d);
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

/* The rows of the title block after the identity: size, rounding,
 * missing data, file, hash and generator. */
static void title_rows_tail(mdoc *d)
{
	const chiso_model *m = d->m;
	char buf[NUMFMT_MAX], twelve[13];
	size_t i, groups = 0;

	kv_begin(d, T(d, "Tổng điểm tối đa", "Total points"));
	mdoc_put_text(d, mdoc_num(d, m->total_points, buf));
	mdoc_put_points_word(d);
	kv_end(d);
	kv_begin(d, T(d, "Cấu trúc", "Structure"));
	mdoc_put_textf(d, T(d, "%zu chỉ số chính", "%zu main indices"),
	               m->nroots);
	for (i = 0; i < m->nnodes; i++)
		groups += !m->nodes[i].is_leaf && m->nodes[i].parent >= 0;
	if (groups)
		mdoc_put_textf(d, T(d, ", %zu nhóm", ", %zu groups"), groups);
	mdoc_put_textf(d,
	               T(d, ", %zu chỉ số thành phần, %zu số liệu đầu vào",
	                 ", %zu indicators, %zu inputs"),
	               m->nleaves, m->ninputs);
	kv_end(d);
	kv_begin(d, T(d, "Làm tròn", "Rounding"));
	mdoc_put_textf(d, T(d, "%d chữ số thập phân", "%d decimals"),
	               m->precision);
	kv_end(d);
	kv_text(d, T(d, "Thiếu số liệu", "Missing data"), missing_words(d));
	kv_text(d, T(d, "Mô tả", "Description"), m->description);
	kv_begin(d, T(d, "Tệp mô hình", "Model file"));
	mdoc_put_code(d, mdoc_base_name(m->path));
	kv_end(d);
	memcpy(twelve, m->sha256, 12);
	twelve[12] = '\0';
	kv_begin(d, "SHA-256");
	mdoc_put_code(d, twelve);
	mdoc_sha_mark(d);
	kv_end(d);
	kv_begin(d, T(d, "Tạo bởi", "Generated by"));
	mdoc_put_text(d, PACKAGE_STRING " (");
	mdoc_put_code(d, "chiso doc");
	mdoc_put_raw(d, ")");
	kv_end(d);
}

/* The rows of the title block on the model's standing: the years it
 * applies to, what replaced it (when the model says), and how many of
 * its rules are marked provisional (each such rule is marked again in
 * its index's table). */
static void status_rows(mdoc *d)
{
	const chiso_model *m = d->m;
	size_t k, provisional = 0;

	kv_text(d, T(d, "Năm áp dụng", "Years"), m->years);
	for (k = 0; k < m->nleaves; k++)
		provisional += m->nodes[m->leaves[k]].provisional != 0;
	kv_begin(d, T(d, "Tình trạng", "Status"));
	if (m->superseded_by) {
		mdoc_put_text(d,
		              T(d, "không còn áp dụng; đã được thay thế bởi ",
		                "no longer in use; replaced by "));
		mdoc_put_text(d, m->superseded_by);
		mdoc_put_raw(d, "; ");
	}
	if (provisional == m->nleaves)
		mdoc_put_text(d, T(d,
		                   "mọi quy tắc chấm điểm đều tạm đề xuất "
		                   "(chưa có trong văn bản đã công bố)",
		                   "every scoring rule is provisional (not in "
		                   "a published text)"));
	else if (provisional)
		mdoc_put_textf(
		        d,
		        T(d,
		          "%zu trên %zu quy tắc chấm điểm tạm đề xuất "
		          "(chưa có trong văn bản đã công bố)",
		          "%zu of %zu scoring rules are provisional (not "
		          "in a published text)"),
		        provisional, m->nleaves);
	else
		mdoc_put_text(d, T(d,
		                   "không quy tắc chấm điểm nào được đánh dấu "
		                   "tạm đề xuất",
		                   "no scoring rule is marked provisional"));
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

	mdoc_heading(d, 1, m->title);
	mdoc_para(d, 1);
	mdoc_put_text(d,
	              T(d, "Danh mục chỉ số, điểm tối đa và cách tính điểm.",
	                "Indices, maximum points and how each is computed."));
	mdoc_para(d, 0);
	mdoc_table_begin(d, heads, align, 2);
	kv_begin(d, T(d, "Mã bộ chỉ số", "Model id"));
	mdoc_put_code(d, m->id);
	kv_end(d);
	kv_text(d, T(d, "Phiên bản", "Version"), m->version);
	kv_text(d, T(d, "Cơ quan ban hành", "Issuer"), m->issuer);
	kv_text(d, T(d, "Căn cứ", "Legal basis"), m->basis);
	if (m->level) {
		lw = level_words(d, m->level);
		kv_begin(d, T(d, "Cấp đánh giá", "Level assessed"));
		if (lw && strcmp(lw, m->level) == 0) {
			mdoc_put_text(d, lw);
		} else if (lw) {
			mdoc_put_text(d, lw);
			mdoc_put_raw(d, " (");
			mdoc_put_code(d, m->level);
			mdoc_put_raw(d, ")");
		} else {
			mdoc_put_code(d, m->level);
		}
		kv_end(d);
	}
	status_rows(d);
	title_rows_tail(d);
	mdoc_table_end(d);
}

/* --- the document ----------------------------------------------------- */

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
	mdoc_page_begin(&d);
	title_block(&d);
	mdoc_summary(&d);
	for (k = 0; k < m->nroots; k++)
		mdoc_index_section(&d, m->roots[k]);
	if (m->nviews)
		mdoc_views_section(&d);
	if (m->nclasses)
		mdoc_classes_section(&d);
	mdoc_inputs_section(&d);
	mdoc_page_end(&d);
	rc = fwrite(strbuf_str(&sb), 1, sb.len, f) == sb.len ? 0 : -1;
	release(&d);
	strbuf_release(&sb);
	return rc;
}
