/*
 * model_doc_markup.c - the markup of `chiso doc`: how text, ids, bold,
 * numbers, headings, paragraphs, tables and the page itself are written
 * in Markdown, HTML or plain text (MODEL_DOC_TEXT: Markdown-like, no
 * escaping). The only part of the document that looks at the format.
 *
 * Text from the model goes through mdoc_put_text(), escaped for the
 * format (util/markup.h, the escaper every Markdown writer shares) so
 * that it can never open a tag, a link or a table cell.
 */
#include "config.h"

#include "modeldoc/model_doc_internal.h"
#include "util/markup.h"

#include <stdarg.h>
#include <string.h>

/* --- escaping --------------------------------------------------------- */

/* Appends raw markup. */
void mdoc_put_raw(mdoc *d, const char *s)
{
	strbuf_puts(d->sb, s);
}

/* The escaper's name for d's format. */
static markup_format markup_of(const mdoc *d)
{
	if (d->fmt == MODEL_DOC_HTML)
		return MARKUP_HTML;
	return d->fmt == MODEL_DOC_MD ? MARKUP_MD : MARKUP_PLAIN;
}

/* Appends text from the model or a sentence, escaped for the format
 * (util/markup.h): on one line, unable to open a tag, a link or a table
 * cell. */
void mdoc_put_text(mdoc *d, const char *s)
{
	markup_text(d->sb, s, markup_of(d), 0);
}

/* Appends printf-formatted text, escaped. */
void mdoc_put_textf(mdoc *d, const char *fmt, ...)
{
	strbuf tmp = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	mdoc_put_text(d, strbuf_str(&tmp));
	strbuf_release(&tmp);
}

/* Appends an id or a data word in code font. */
void mdoc_put_code(mdoc *d, const char *s)
{
	if (d->fmt == MODEL_DOC_HTML) {
		mdoc_put_raw(d, "<code>");
		mdoc_put_text(d, s);
		mdoc_put_raw(d, "</code>");
	} else if (d->fmt == MODEL_DOC_MD && !markup_code_safe(s)) {
		mdoc_put_text(d, s);
	} else {
		strbuf_putc(d->sb, '`');
		mdoc_put_raw(d, s);
		strbuf_putc(d->sb, '`');
	}
}

/* Starts or ends bold text. */
void mdoc_put_bold(mdoc *d, int start)
{
	if (d->fmt == MODEL_DOC_HTML)
		mdoc_put_raw(d, start ? "<strong>" : "</strong>");
	else
		mdoc_put_raw(d, "**");
}

/* --- numbers ---------------------------------------------------------- */

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
const char *mdoc_num(const mdoc *d, double x, char *buf)
{
	return localise(d, numfmt_exact(x, buf));
}

/* Points derived from a fraction (0.75 x 20), to the model's precision
 * but at least 2 decimals, trailing zeros dropped, in buf. Returns buf. */
const char *mdoc_pts(const mdoc *d, double x, char *buf)
{
	int dec = d->m->precision < 2 ? 2 : d->m->precision;

	return localise(d, numfmt_trim(x, dec, buf));
}

/* A share as a percentage, 0.5 -> "50%", in buf. Returns buf. */
const char *mdoc_pct(const mdoc *d, double x, char *buf)
{
	numfmt_trim(x * 100, 10, buf);
	strcat(buf, "%");
	return localise(d, buf);
}

/* " điểm" / " points", after the first amount of points. */
void mdoc_put_points_word(mdoc *d)
{
	mdoc_put_text(d, T(d, " điểm", " points"));
}

/* --- blocks: headings, paragraphs, tables ----------------------------- */

/* Starts a heading of level 1..3. */
void mdoc_heading_begin(mdoc *d, int level)
{
	if (d->fmt == MODEL_DOC_HTML)
		strbuf_printf(d->sb, "<h%d>", level);
	else
		strbuf_printf(d->sb, "%.*s ", level, "###");
}

/* Ends a heading of level 1..3. */
void mdoc_heading_end(mdoc *d, int level)
{
	if (d->fmt == MODEL_DOC_HTML)
		strbuf_printf(d->sb, "</h%d>\n", level);
	else
		mdoc_put_raw(d, "\n\n");
}

/* Starts or ends a paragraph. */
void mdoc_para(mdoc *d, int start)
{
	if (d->fmt == MODEL_DOC_HTML)
		mdoc_put_raw(d, start ? "<p>" : "</p>\n");
	else if (!start)
		mdoc_put_raw(d, "\n\n");
}

/* A heading of plain text. */
void mdoc_heading(mdoc *d, int level, const char *text)
{
	mdoc_heading_begin(d, level);
	mdoc_put_text(d, text);
	mdoc_heading_end(d, level);
}

/* Starts a table with n columns: heads[i], aligned align[i]. */
void mdoc_table_begin(mdoc *d, const char *const *heads, const int *align,
                      size_t n)
{
	size_t i;

	mdoc_put_raw(d,
	             d->fmt == MODEL_DOC_HTML ? "<table>\n<thead><tr>" : "|");
	for (i = 0; i < n; i++) {
		if (d->fmt == MODEL_DOC_HTML) {
			mdoc_put_raw(d, align[i] == AL_RIGHT
			                        ? "<th class=\"n\">"
			                        : "<th>");
			mdoc_put_text(d, heads[i]);
			mdoc_put_raw(d, "</th>");
		} else {
			mdoc_put_raw(d, " ");
			mdoc_put_text(d, heads[i]);
			mdoc_put_raw(d, " |");
		}
	}
	if (d->fmt == MODEL_DOC_HTML) {
		mdoc_put_raw(d, "</tr></thead>\n<tbody>\n");
		return;
	}
	mdoc_put_raw(d, "\n|");
	for (i = 0; i < n; i++)
		mdoc_put_raw(d, align[i] == AL_RIGHT ? "---:|" : "---|");
	mdoc_put_raw(d, "\n");
}

/* Starts a row; group rows are set apart in HTML. */
void mdoc_row_begin(mdoc *d, int group)
{
	if (d->fmt == MODEL_DOC_HTML)
		mdoc_put_raw(d, group ? "<tr class=\"group\">" : "<tr>");
}

/* Ends a row. */
void mdoc_row_end(mdoc *d)
{
	mdoc_put_raw(d, d->fmt == MODEL_DOC_HTML ? "</tr>\n" : "|\n");
}

/* Starts a cell; indent (HTML only) shifts a nested name right. */
void mdoc_cell_begin(mdoc *d, int align, unsigned indent)
{
	if (d->fmt != MODEL_DOC_HTML)
		mdoc_put_raw(d, "| ");
	else if (align == AL_RIGHT)
		mdoc_put_raw(d, "<td class=\"n\">");
	else if (indent)
		strbuf_printf(d->sb, "<td class=\"d%u\">",
		              indent > 4 ? 4 : indent);
	else
		mdoc_put_raw(d, "<td>");
}

/* Ends a cell. */
void mdoc_cell_end(mdoc *d)
{
	mdoc_put_raw(d, d->fmt == MODEL_DOC_HTML ? "</td>" : " ");
}

/* A cell of plain text (empty when s is NULL). */
void mdoc_cell(mdoc *d, int align, const char *s)
{
	mdoc_cell_begin(d, align, 0);
	if (s)
		mdoc_put_text(d, s);
	mdoc_cell_end(d);
}

/* A cell holding an id in code font. */
void mdoc_cell_code(mdoc *d, const char *s)
{
	mdoc_cell_begin(d, AL_LEFT, 0);
	mdoc_put_code(d, s);
	mdoc_cell_end(d);
}

/* Ends a table. */
void mdoc_table_end(mdoc *d)
{
	mdoc_put_raw(d,
	             d->fmt == MODEL_DOC_HTML ? "</tbody>\n</table>\n" : "\n");
}

/* --- the page: file name, SHA-256 footnote, head and end -------------- */

/* The file name without its directories. Borrowed. */
const char *mdoc_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The footnote mark of the SHA-256 and its text. */
void mdoc_sha_mark(mdoc *d)
{
	if (d->fmt == MODEL_DOC_HTML)
		mdoc_put_raw(
		        d, "<sup><a href=\"#fn-sha256\" id=\"ref-sha256\">1</a>"
		           "</sup>");
	else if (d->fmt == MODEL_DOC_MD)
		mdoc_put_raw(d, "[^sha256]");
	else
		mdoc_put_raw(d, " [1]");
}

/* The footnotes: the full SHA-256 of the model file. */
static void footnotes(mdoc *d)
{
	if (d->fmt == MODEL_DOC_HTML)
		mdoc_put_raw(d, "<footer>\n<p id=\"fn-sha256\"><a "
		                "href=\"#ref-sha256\">1</a>. ");
	else if (d->fmt == MODEL_DOC_MD)
		mdoc_put_raw(d, "[^sha256]: ");
	else
		mdoc_put_raw(d, "[1] ");
	mdoc_put_text(d, T(d, "SHA-256 của tệp mô hình ",
	                   "SHA-256 of the model file "));
	mdoc_put_code(d, mdoc_base_name(d->m->path));
	mdoc_put_raw(d, ": ");
	mdoc_put_code(d, d->m->sha256);
	mdoc_put_raw(d, d->fmt == MODEL_DOC_HTML ? "</p>\n</footer>\n" : "\n");
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
void mdoc_page_begin(mdoc *d)
{
	if (d->fmt == MODEL_DOC_MD) {
		mdoc_put_raw(d, "<!-- Generated by chiso doc from ");
		mdoc_put_text(d, mdoc_base_name(d->m->path));
		mdoc_put_raw(d, "; do not edit. -->\n\n");
		return;
	}
	if (d->fmt != MODEL_DOC_HTML)
		return;
	mdoc_put_raw(d, "<!DOCTYPE html>\n<html lang=\"");
	mdoc_put_raw(d, T(d, "vi", "en"));
	mdoc_put_raw(
	        d,
	        "\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta http-equiv=\"Content-Security-Policy\" "
	        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width, "
	        "initial-scale=1\">\n"
	        "<meta name=\"generator\" content=\"" PACKAGE_STRING "\">\n"
	        "<title>");
	mdoc_put_text(d, d->m->title);
	mdoc_put_raw(d, "</title>\n<style>\n");
	mdoc_put_raw(d, css);
	mdoc_put_raw(d, "</style>\n</head>\n<body>\n<main>\n");
}

/* The end of the page. */
void mdoc_page_end(mdoc *d)
{
	if (d->fmt == MODEL_DOC_HTML)
		mdoc_put_raw(d, "</main>\n");
	footnotes(d);
	if (d->fmt == MODEL_DOC_HTML)
		mdoc_put_raw(d, "</body>\n</html>\n");
}
