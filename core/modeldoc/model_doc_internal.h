/*
 * model_doc_internal.h - shared by the parts of `chiso doc`:
 * model_doc.c (the document's order, the numbering and the title block),
 * model_doc_indices.c (the main indices), model_doc_lists.c (views,
 * classes, inputs), model_doc_rules.c (a method's rule in words) and
 * model_doc_markup.c (the Markdown, HTML and plain-text markup).
 *
 * Everything is appended to one strbuf (mdoc.sb) and written at the
 * end. Only model_doc_markup.c looks at the format: the other parts
 * write text from the model through mdoc_put_text() (escaped for the
 * format), ids through mdoc_put_code(), and choose their sentences with
 * T(d, vi, en).
 *
 * Ownership: an mdoc borrows its model and strbuf; mdoc.stt is owned by
 * the document being written (model_doc.c frees it). Functions that
 * return text say where it lives.
 */
#ifndef CHISO_MODEL_DOC_INTERNAL_H
#define CHISO_MODEL_DOC_INTERNAL_H

#include "modeldoc/model_doc.h"

#include "util/numfmt.h"

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
	const chiso_model *m; /* borrowed */
	model_doc_format fmt;
	model_doc_lang lang;
	strbuf *sb;   /* borrowed: the document so far */
	char **stt;   /* per node: its number in the document, "1.2" */
	int show_ids; /* some node's id differs from its number */
	int has_kind, has_evidence, has_source, has_notes;
} mdoc;

/* --- model_doc_markup.c: text, numbers, blocks, the page -------------- */

/* Appends raw markup. */
void mdoc_put_raw(mdoc *d, const char *s);

/* Appends text from the model or a sentence, escaped for the format, on
 * one line. */
void mdoc_put_text(mdoc *d, const char *s);

/* Appends printf-formatted text, escaped. */
void mdoc_put_textf(mdoc *d, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Appends an id or a data word in code font. */
void mdoc_put_code(mdoc *d, const char *s);

/* Starts (start = 1) or ends bold text. */
void mdoc_put_bold(mdoc *d, int start);

/* A number as written in the model, exactly ("2,5" in Vietnamese), into
 * buf of NUMFMT_MAX bytes. Returns buf (the caller's). */
const char *mdoc_num(const mdoc *d, double x, char *buf);

/* Points derived from a fraction (0.75 x 20), to the model's precision
 * but at least 2 decimals, into buf of NUMFMT_MAX bytes. Returns buf
 * (the caller's). */
const char *mdoc_pts(const mdoc *d, double x, char *buf);

/* A share as a percentage, 0.5 -> "50%", into buf of NUMFMT_MAX bytes.
 * Returns buf (the caller's). */
const char *mdoc_pct(const mdoc *d, double x, char *buf);

/* Appends " điểm" / " points", after the first amount of points. */
void mdoc_put_points_word(mdoc *d);

/* Headings of level 1..3 (begin, then text, then end; or all at once
 * with plain text) and paragraphs (start = 1, then 0). */
void mdoc_heading_begin(mdoc *d, int level);
void mdoc_heading_end(mdoc *d, int level);
void mdoc_heading(mdoc *d, int level, const char *text);
void mdoc_para(mdoc *d, int start);

/* Tables: a table of n columns (heads[i], aligned align[i]), its rows
 * (group rows are set apart in HTML) and cells (indent shifts a nested
 * name right in HTML); mdoc_cell() writes plain text (none for NULL),
 * mdoc_cell_code() an id in code font. */
void mdoc_table_begin(mdoc *d, const char *const *heads, const int *align,
                      size_t n);
void mdoc_row_begin(mdoc *d, int group);
void mdoc_cell_begin(mdoc *d, int align, unsigned indent);
void mdoc_cell_end(mdoc *d);
void mdoc_cell(mdoc *d, int align, const char *s);
void mdoc_cell_code(mdoc *d, const char *s);
void mdoc_row_end(mdoc *d);
void mdoc_table_end(mdoc *d);

/* The file name of path without its directories. Borrowed from path. */
const char *mdoc_base_name(const char *path);

/* Appends the footnote mark of the model file's SHA-256. */
void mdoc_sha_mark(mdoc *d);

/* Appends the start of the page (the HTML head, or Markdown's
 * generated-file note); and its end, with the SHA-256 footnote. */
void mdoc_page_begin(mdoc *d);
void mdoc_page_end(mdoc *d);

/* --- model_doc_rules.c ------------------------------------------------ */

/* Appends how node i is computed: its method's sentence, a generic one
 * when the method is not built in or its params are unexpected, or for
 * a group the sum of its children (by number when d->stt is set). */
void mdoc_describe_node(mdoc *d, size_t i);

/* --- model_doc_indices.c ---------------------------------------------- */

/* Appends the summary table of the main indices and the checked grand
 * total. */
void mdoc_summary(mdoc *d);

/* Appends main index r: its heading, own texts, the table of its
 * indicators and the checked totals. */
void mdoc_index_section(mdoc *d, size_t r);

/* --- model_doc_lists.c ------------------------------------------------ */

/* Append the views, the recognition classes and the appendix of the
 * inputs. */
void mdoc_views_section(mdoc *d);
void mdoc_classes_section(mdoc *d);
void mdoc_inputs_section(mdoc *d);

#endif
