/*
 * template_xlsx.c - a blank data workbook of a model, with validations.
 */
#include "config.h"

#include "publish/template_xlsx.h"

#include <stdio.h>

#ifdef HAVE_XLSXWRITER

#include "eval/csv_input.h"
#include "util/xlsxw.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* The first row of data (0-based): after the header and the labels. */
#define FIRST_DATA_ROW 2
/* Validations reach this row (0-based): Excel's last. */
#define LAST_ROW (LXW_ROW_MAX - 1)
/* Excel's limits, in characters: a prompt's title, its message and a
 * list written in the validation. */
#define TITLE_MAX   32
#define MESSAGE_MAX 255
#define LIST_MAX    255

/* The workbook being written (its first error kept by util/xlsxw) and
 * the formats of the data sheet. */
struct book {
	xlsxw_book x;
	lxw_format *label, *wrap;
};

static void check(struct book *b, lxw_error e)
{
	xlsxw_check(&b->x, (int)e);
}

/* Cuts sb to at most max characters (whole UTF-8 sequences). */
static void cut_chars(strbuf *sb, size_t max)
{
	size_t i = 0, n = 0;

	while (i < sb->len && n < max) {
		unsigned char c = (unsigned char)sb->data[i];

		i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		n++;
	}
	if (i < sb->len) {
		sb->len = i;
		sb->data[i] = '\0';
	}
}

/* "=5", or the other input's cell: "=$P3" in the batch layout (its
 * column, the same row), "=$B$12" in a form (its row, column B). */
static void bound_formula(const chiso_model *m, const input_bound *bd, int form,
                          strbuf *sb)
{
	char num[NUMFMT_MAX], col[8];
	size_t field = csv_template_ncols(m) - m->ninputs + (size_t)bd->slot;

	strbuf_reset(sb);
	if (bd->kind == BOUND_NUMBER) {
		strbuf_printf(sb, "=%s", numfmt_exact(bd->number, num));
		return;
	}
	if (form) {
		strbuf_printf(sb, "=$B$%zu", field + 2);
		return;
	}
	lxw_col_to_name(col, (lxw_col_t)field, 1);
	strbuf_printf(sb, "=%s%d", col, FIRST_DATA_ROW + 1);
}

/* The numeric validation of input in: whole or decimal, within its
 * bounds. */
static void numeric_rule(const chiso_model *m, const model_input *in, int form,
                         lxw_data_validation *v, strbuf *lo, strbuf *hi)
{
	int formula =
	        in->min.kind == BOUND_INPUT || in->max.kind == BOUND_INPUT;
	int integer = in->type == CHISO_INPUT_INTEGER;

	v->validate = integer   ? (formula ? LXW_VALIDATION_TYPE_INTEGER_FORMULA
	                                   : LXW_VALIDATION_TYPE_INTEGER)
	              : formula ? LXW_VALIDATION_TYPE_DECIMAL_FORMULA
	                        : LXW_VALIDATION_TYPE_DECIMAL;
	bound_formula(m, &in->min, form, lo);
	bound_formula(m, &in->max, form, hi);
	if (in->min.kind && in->max.kind) {
		v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v->minimum_number = in->min.number;
		v->maximum_number = in->max.number;
		v->minimum_formula = formula ? lo->data : NULL;
		v->maximum_formula = formula ? hi->data : NULL;
	} else if (in->min.kind || in->max.kind) {
		v->criteria =
		        in->min.kind
		                ? LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO
		                : LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
		v->value_number =
		        in->min.kind ? in->min.number : in->max.number;
		v->value_formula =
		        formula ? (in->min.kind ? lo : hi)->data : NULL;
	} else {
		/* any number: between the largest magnitudes */
		v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v->minimum_number = -1e15;
		v->maximum_number = 1e15;
		if (formula)
			v->validate = integer ? LXW_VALIDATION_TYPE_INTEGER
			                      : LXW_VALIDATION_TYPE_DECIMAL;
	}
}

/* The words of a yes/no dropdown, as chiso reads them. */
static const char *yes_no[] = {"có", "không", NULL};
static const char *stages[] = {"self", "appraised", "final", NULL};

/* The dropdown of a choice input, when its choices fit in a list
 * validation (LIST_MAX characters with their commas); else NULL.
 * Ownership: the caller frees the array (not its strings). */
static const char **choice_list(const model_input *in)
{
	size_t k, n = 0;
	const char **list;

	for (k = 0; k < in->nchoices; k++) {
		if (strchr(in->choices[k], ','))
			return NULL;
		n += utf8_width(in->choices[k]) + 1;
	}
	if (n > LIST_MAX)
		return NULL;
	list = xcalloc(in->nchoices + 1, sizeof(*list));
	for (k = 0; k < in->nchoices; k++)
		list[k] = in->choices[k];
	return list;
}

/* ", từ 0" or ", đến officials_total": a bound in a prompt, after word. */
static void append_bound(strbuf *sb, const chiso_model *m,
                         const input_bound *bd, const char *word)
{
	char a[NUMFMT_MAX];

	if (bd->kind == BOUND_NUMBER)
		strbuf_printf(sb, ", %s %s", word, numfmt_exact(bd->number, a));
	else if (bd->kind == BOUND_INPUT)
		strbuf_printf(sb, ", %s %s", word, m->inputs[bd->slot].id);
}

/* "Số cán bộ (người): số nguyên từ 0 đến officials_total": the prompt of
 * input in's cells. */
static void prompt(const chiso_model *m, const model_input *in, strbuf *sb)
{
	strbuf_reset(sb);
	strbuf_puts(sb, in->label ? in->label : in->id);
	if (in->unit && *in->unit)
		strbuf_printf(sb, " (%s)", in->unit);
	switch (in->type) {
	case CHISO_INPUT_INTEGER:
	case CHISO_INPUT_NUMBER:
		strbuf_puts(sb, in->type == CHISO_INPUT_INTEGER
		                        ? ": số nguyên"
		                        : ": số (dấu thập phân là dấu chấm)");
		append_bound(sb, m, &in->min, "từ");
		append_bound(sb, m, &in->max, "đến");
		break;
	case CHISO_INPUT_BOOLEAN:
		strbuf_puts(sb, ": có hoặc không");
		break;
	case CHISO_INPUT_CHOICE:
		strbuf_puts(sb, ": chọn trong danh sách");
		break;
	default:
		strbuf_puts(sb, ": văn bản");
	}
	strbuf_puts(sb, ". Để trống nếu chưa có số liệu (chiso sẽ cảnh báo).");
	cut_chars(sb, MESSAGE_MAX);
}

/* The validation of field col of the layout (an input, or the stage;
 * none for the other identity fields):
 * its column from the first data row on, or in a form its value cell
 * (row col + 1, column B). */
static void validate_field(struct book *b, lxw_worksheet *ws,
                           const chiso_model *m, size_t col, int form)
{
	lxw_data_validation v;
	strbuf lo = STRBUF_INIT, hi = STRBUF_INIT, msg = STRBUF_INIT,
	       title = STRBUF_INIT;
	size_t nident = csv_template_ncols(m) - m->ninputs;
	const model_input *in = col >= nident ? &m->inputs[col - nident] : NULL;
	const char **list = NULL;

	if (col + 1 < nident)
		return; /* an identity field other than the stage: free text */
	memset(&v, 0, sizeof(v));
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	v.error_title = "Giá trị không hợp lệ";
	if (!in) {
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = (char **)stages;
		v.input_title = "Giai đoạn";
		v.input_message = "self (tự đánh giá), appraised (thẩm định) "
		                  "hoặc final (kết quả cuối cùng); để trống là "
		                  "final.";
		v.error_message = "Chọn self, appraised hoặc final.";
	} else {
		prompt(m, in, &msg);
		strbuf_puts(&title, in->id);
		cut_chars(&title, TITLE_MAX);
		v.input_title = title.data;
		v.input_message = msg.data;
		v.error_message = msg.data;
		if (in->type == CHISO_INPUT_BOOLEAN) {
			v.validate = LXW_VALIDATION_TYPE_LIST;
			v.value_list = (char **)yes_no;
		} else if (in->type == CHISO_INPUT_CHOICE) {
			list = choice_list(in);
			v.validate = list ? LXW_VALIDATION_TYPE_LIST
			                  : LXW_VALIDATION_TYPE_NONE;
			v.value_list = (char **)list;
		} else if (in->type & CHISO_INPUT_NUMERIC) {
			numeric_rule(m, in, form, &v, &lo, &hi);
		} else {
			v.validate = LXW_VALIDATION_TYPE_ANY;
		}
	}
	if (v.validate != LXW_VALIDATION_TYPE_NONE && form)
		check(b, worksheet_data_validation_cell(ws, (lxw_row_t)col + 1,
		                                        1, &v));
	else if (v.validate != LXW_VALIDATION_TYPE_NONE)
		check(b, worksheet_data_validation_range(
		                 ws, FIRST_DATA_ROW, (lxw_col_t)col, LAST_ROW,
		                 (lxw_col_t)col, &v));
	free(list);
	strbuf_release(&lo);
	strbuf_release(&hi);
	strbuf_release(&msg);
	strbuf_release(&title);
}

/* The data sheet: header, labels, widths, validations, frozen panes. */
static void data_sheet(struct book *b, const chiso_model *m)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->x.wb, "Dữ liệu");
	strbuf label = STRBUF_INIT;
	size_t col, n = csv_template_ncols(m);

	if (!ws) {
		check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (col = 0; col < n; col++) {
		const char *name = csv_template_column(m, col, &label);
		double w = (double)utf8_width(name) + 2;

		if (w < 14)
			w = 14;
		check(b, worksheet_write_string(ws, 0, (lxw_col_t)col, name,
		                                b->x.head));
		check(b, worksheet_write_string(ws, 1, (lxw_col_t)col,
		                                strbuf_str(&label), b->label));
		check(b,
		      worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col,
		                           w > 40 ? 40 : w, NULL));
		validate_field(b, ws, m, col, 0);
	}
	check(b, worksheet_set_row(ws, 1, 60, NULL));
	worksheet_freeze_panes(ws, FIRST_DATA_ROW, 2);
	strbuf_release(&label);
}

/* The form sheet: one unit, a field per row (its name in column A, its
 * value to fill in column B, its label in C, what to write in D). */
static void form_sheet(struct book *b, const chiso_model *m)
{
	static const char *const head[] = {"field", "value", "Nội dung",
	                                   "Cách ghi", NULL};
	lxw_worksheet *ws = workbook_add_worksheet(b->x.wb, "Phiếu");
	strbuf label = STRBUF_INIT, help = STRBUF_INIT;
	size_t col, n = csv_template_ncols(m), nident = n - m->ninputs;

	if (!ws) {
		check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (col = 0; head[col]; col++)
		check(b, worksheet_write_string(ws, 0, (lxw_col_t)col,
		                                head[col], b->x.head));
	for (col = 0; col < n; col++) {
		lxw_row_t row = (lxw_row_t)col + 1;
		const char *name = csv_template_column(m, col, &label);
		const char *text = strbuf_str(&label);

		if (col == 0 && text[0] == '#')
			text += 2; /* "# Mã đơn vị": no comment in a form */
		check(b, worksheet_write_string(ws, row, 0, name, NULL));
		check(b, worksheet_write_string(ws, row, 2, text, b->wrap));
		if (col >= nident) {
			prompt(m, &m->inputs[col - nident], &help);
			check(b, worksheet_write_string(ws, row, 3,
			                                strbuf_str(&help),
			                                b->wrap));
		}
		validate_field(b, ws, m, col, 1);
	}
	check(b, worksheet_set_column(ws, 0, 0, 24, NULL));
	check(b, worksheet_set_column(ws, 1, 1, 20, NULL));
	check(b, worksheet_set_column(ws, 2, 2, 50, NULL));
	check(b, worksheet_set_column(ws, 3, 3, 60, NULL));
	worksheet_freeze_panes(ws, 1, 1);
	strbuf_release(&label);
	strbuf_release(&help);
}

/* The indicators that use input in: "1.1, 2.3". */
static void used_by(const chiso_model *m, const model_input *in, strbuf *sb)
{
	size_t k;

	strbuf_reset(sb);
	for (k = 0; k < in->nused; k++)
		strbuf_printf(sb, "%s%s", k ? ", " : "",
		              m->nodes[in->used_by[k]].id);
}

/* The instructions sheet. */
static void help_sheet(struct book *b, const chiso_model *m)
{
	static const char *const lines[] = {
	        "Cách điền",
	        "1. Mỗi đơn vị một dòng trên trang \"Dữ liệu\", từ dòng 3; "
	        "không sửa hai dòng đầu (dòng 1 là tên cột chiso đọc, dòng 2 "
	        "là chú thích).",
	        "2. Cột code là mã đơn vị (bắt buộc); period là kỳ đánh giá, "
	        "ví dụ 2025; stage để trống là final.",
	        "3. Mỗi ô chỉ nhận giá trị hợp lệ (danh sách chọn, số trong "
	        "giới hạn). Ô để trống là thiếu số liệu: chiso cảnh báo và "
	        "chấm theo quy tắc thiếu số liệu của bộ chỉ số.",
	        "4. Tỷ lệ phần trăm ghi 85 (không ghi 0,85).",
	        "5. Chấm điểm: chiso evaluate MODEL tệp.xlsx",
	        NULL};
	static const char *const head[] = {
	        "Mã chỉ tiêu đầu vào", "Tên", "Kiểu", "Đơn vị", "Giới hạn",
	        "Dùng cho chỉ tiêu",   NULL};
	lxw_worksheet *ws = workbook_add_worksheet(b->x.wb, "Hướng dẫn");
	strbuf sb = STRBUF_INIT, bounds = STRBUF_INIT;
	char a[NUMFMT_MAX], c[NUMFMT_MAX];
	size_t i, row = 0;

	if (!ws) {
		check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	strbuf_printf(&sb, "%s (%s %s)", m->title ? m->title : m->id, m->id,
	              m->version);
	check(b, worksheet_write_string(ws, (lxw_row_t)row++, 0, sb.data,
	                                b->x.head));
	for (i = 0; lines[i]; i++)
		check(b,
		      worksheet_write_string(ws, (lxw_row_t)row++, 0, lines[i],
		                             i ? b->wrap : b->x.head));
	row++;
	for (i = 0; head[i]; i++)
		check(b,
		      worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)i,
		                             head[i], b->x.head));
	row++;
	for (i = 0; i < m->ninputs; i++, row++) {
		const model_input *in = &m->inputs[i];

		strbuf_reset(&bounds);
		if (in->min.kind == BOUND_NUMBER ||
		    in->max.kind == BOUND_NUMBER)
			strbuf_printf(&bounds, "%s – %s",
			              in->min.kind == BOUND_NUMBER
			                      ? numfmt_exact(in->min.number, a)
			                      : "",
			              in->max.kind == BOUND_NUMBER
			                      ? numfmt_exact(in->max.number, c)
			                      : "");
		if (in->max.kind == BOUND_INPUT)
			strbuf_printf(&bounds, "%s≤ %s", bounds.len ? "; " : "",
			              m->inputs[in->max.slot].id);
		used_by(m, in, &sb);
		check(b, worksheet_write_string(ws, (lxw_row_t)row, 0, in->id,
		                                NULL));
		check(b, worksheet_write_string(ws, (lxw_row_t)row, 1,
		                                in->label ? in->label : in->id,
		                                b->wrap));
		check(b,
		      worksheet_write_string(ws, (lxw_row_t)row, 2,
		                             model_type_name(in->type), NULL));
		if (in->unit)
			check(b, worksheet_write_string(ws, (lxw_row_t)row, 3,
			                                in->unit, NULL));
		if (bounds.len)
			check(b, worksheet_write_string(ws, (lxw_row_t)row, 4,
			                                bounds.data, NULL));
		if (sb.len)
			check(b, worksheet_write_string(ws, (lxw_row_t)row, 5,
			                                sb.data, NULL));
	}
	check(b, worksheet_set_column(ws, 0, 0, 28, NULL));
	check(b, worksheet_set_column(ws, 1, 1, 60, NULL));
	check(b, worksheet_set_column(ws, 2, 5, 16, NULL));
	strbuf_release(&sb);
	strbuf_release(&bounds);
}

int template_xlsx_write(const chiso_model *m, const char *path, int form,
                        char *err, size_t errsize)
{
	struct book b;

	memset(&b, 0, sizeof(b));
	if (xlsxw_open(&b.x, path, err, errsize) < 0)
		return -1;
	b.label = workbook_add_format(b.x.wb);
	format_set_italic(b.label);
	format_set_text_wrap(b.label);
	format_set_font_color(b.label, LXW_COLOR_GRAY);
	b.wrap = workbook_add_format(b.x.wb);
	format_set_text_wrap(b.wrap);
	if (form)
		form_sheet(&b, m);
	else
		data_sheet(&b, m);
	help_sheet(&b, m);
	return xlsxw_close(&b.x, 1, path, err, errsize);
}

#else /* !HAVE_XLSXWRITER */

#include "util/xlsxw.h"

int template_xlsx_write(const chiso_model *m, const char *path, int form,
                        char *err, size_t errsize)
{
	(void)m;
	(void)form;
	snprintf(err, errsize, "%s: %s", path, xlsxw_unavailable());
	return -1;
}

#endif
