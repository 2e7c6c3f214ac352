/*
 * xlsx_sheet.c - the first worksheet of an .xlsx workbook: the zip
 * archive opened from memory with libzip, each XML part inflated a chunk
 * at a time into expat (bytes counted, so that a zip bomb stops at the
 * limit), the sheet's rows handed out one at a time.
 */
#include "read/xlsx_sheet.h"

#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <expat.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* Bytes inflated per zip_fread(): what expat gets per call. */
#define XLSX_CHUNK (64 * 1024)

/* Every refusal of the whole file ends with the same advice, "save it
 * as Excel Workbook (.xlsx) or CSV UTF-8", written out in each message
 * so that the catalog translates the whole sentence. */

/* A custom number format: its id and whether it shows a date. */
struct numfmt_id {
	unsigned id;
	int date;
};

struct xlsx_book {
	char *path;
	const char *buf;
	const doc_limits *lim;
	diag *d;
	zip_source_t *src;
	zip_t *zip;
	char *sheet_name; /* as the workbook names it */
	char *sheet_ref;  /* as a reference writes it: Sheet1, 'Dữ liệu' */
	char *sheet_rid;
	char *sheet_part, *strings_part, *styles_part;
	int date1904;
	strbuf strings; /* the shared strings, each NUL-ended */
	size_t *str_off;
	size_t nstr, str_cap;
	struct numfmt_id *fmts; /* custom number formats */
	size_t nfmts;
	unsigned char *xf_date; /* per cell style (cellXfs): a date */
	size_t nxf;
};

/* What every part's handlers share: first member of each state. */
struct part {
	xlsx_book *b;
	XML_Parser p;
	const char *name;
	int bad;
};

/* --- names and attributes ----------------------------------------------- */

/* The local name of an expat name "URI|local". */
static const char *local(const char *name)
{
	const char *bar = strrchr(name, '|');

	return bar ? bar + 1 : name;
}

/* The value of the attribute without a namespace called name (borrowed
 * from atts), or NULL. */
static const char *attr(const char **atts, const char *name)
{
	size_t i;

	for (i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

/* The value of the attribute in a relationships namespace whose local
 * name is name (r:id). */
static const char *rel_attr(const char **atts, const char *name)
{
	size_t i;

	for (i = 0; atts[i]; i += 2) {
		const char *bar = strrchr(atts[i], '|');

		if (bar && strcmp(bar + 1, name) == 0 &&
		    (size_t)(bar - atts[i]) >= 13 &&
		    memcmp(bar - 13, "relationships", 13) == 0)
			return atts[i + 1];
	}
	return NULL;
}

/* --- errors ------------------------------------------------------------- */

static void book_error(xlsx_book *b, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* Reports an error of the file ("FILE: ..."). */
static void book_error(xlsx_book *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(b->d, DIAG_ERROR, b->path, 0, 0, fmt, ap);
	va_end(ap);
}

static void stop_at(struct part *pt, const char *ref, const char *fmt,
                    va_list ap) __attribute__((format(printf, 3, 0)));
/* Reports an error of a part ("FILE: PART: ...") or, with ref, of a cell
 * ("FILE:SHEET!REF: ..."), and stops the part's parser. */
static void stop_at(struct part *pt, const char *ref, const char *fmt,
                    va_list ap)
{
	strbuf sb = STRBUF_INIT;

	if (pt->bad)
		return;
	if (ref)
		strbuf_printf(&sb, "%s:%s!%.24s: ", pt->b->path,
		              pt->b->sheet_ref, ref);
	else
		strbuf_printf(&sb, "%s: %s: ", pt->b->path, pt->name);
	strbuf_vprintf(&sb, fmt, ap);
	diag_error(pt->b->d, NULL, 0, 0, "%s", strbuf_str(&sb));
	strbuf_release(&sb);
	pt->bad = 1;
	XML_StopParser(pt->p, XML_FALSE);
}

static void part_error(struct part *pt, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* Reports an error of a part and stops its parser. */
static void part_error(struct part *pt, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	stop_at(pt, NULL, fmt, ap);
	va_end(ap);
}

char *xlsx_cell_ref(char *out, unsigned row, unsigned col)
{
	char letters[8];
	size_t n = 0, i;

	while (col > 0 && n < sizeof(letters)) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = letters[n - 1 - i];
	snprintf(out + n, 16 - n, "%u", row);
	return out;
}

static void cell_error(struct part *pt, unsigned row, unsigned col,
                       const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
/* Reports an error at a cell ("FILE:SHEET!D7: ...") and stops. */
static void cell_error(struct part *pt, unsigned row, unsigned col,
                       const char *fmt, ...)
{
	char ref[16];
	va_list ap;

	va_start(ap, fmt);
	stop_at(pt, xlsx_cell_ref(ref, row, col), fmt, ap);
	va_end(ap);
}

static void ref_error(struct part *pt, const char *ref, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* Reports an error at the reference ref as the file writes it. */
static void ref_error(struct part *pt, const char *ref, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	stop_at(pt, ref, fmt, ap);
	va_end(ap);
}

/* Refuses a DTD: workbooks have none, and entities could expand. */
static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                       const XML_Char *pubid, int internal)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)internal;
	part_error(ud, _("a DTD (<!DOCTYPE>), which workbooks do not hold"));
}

/* --- reading one part --------------------------------------------------- */

/* The index of the entry called name (any case, as OPC names are), or -1. */
static zip_int64_t find_entry(xlsx_book *b, const char *name)
{
	return zip_name_locate(b->zip, name, ZIP_FL_NOCASE);
}

/*
 * Streams the part name through expat with the handlers of pt (whose
 * first member is a struct part). A missing part is an error when
 * required, else nothing is read. Returns 0, or -1 after an error.
 */
static int parse_part(xlsx_book *b, const char *name, int required,
                      struct part *pt, XML_StartElementHandler start,
                      XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	zip_int64_t idx = find_entry(b, name);
	zip_stat_t st;
	zip_file_t *zf;
	char *chunk;
	zip_int64_t n;
	unsigned long long total = 0;
	int rc = -1;

	if (idx < 0) {
		if (required)
			book_error(b,
			           _("the workbook has no part %s (is it "
			             "damaged?); "
			             "save it as Excel Workbook (.xlsx) or CSV "
			             "UTF-8"),
			           name);
		return required ? -1 : 0;
	}
	if (zip_stat_index(b->zip, (zip_uint64_t)idx, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		book_error(b,
		           _("the workbook is encrypted (%s is protected "
		             "with a password); remove the password and "
		             "save it again"),
		           name);
		return -1;
	}
	zf = zip_fopen_index(b->zip, (zip_uint64_t)idx, 0);
	if (!zf) {
		book_error(b, _("cannot read %s in the workbook: %s"), name,
		           zip_strerror(b->zip));
		return -1;
	}
	pt->b = b;
	pt->name = name;
	pt->bad = 0;
	pt->p = XML_ParserCreateNS(NULL, '|');
	XML_SetUserData(pt->p, pt);
	XML_SetElementHandler(pt->p, start, end);
	if (text)
		XML_SetCharacterDataHandler(pt->p, text);
	XML_SetStartDoctypeDeclHandler(pt->p, on_doctype);
	chunk = xmalloc(XLSX_CHUNK);
	for (;;) {
		int last;

		n = zip_fread(zf, chunk, XLSX_CHUNK);
		if (n < 0) {
			book_error(b,
			           _("cannot inflate %s in the workbook: %s"),
			           name, zip_file_strerror(zf));
			goto out;
		}
		total += (unsigned long long)n;
		if (total > b->lim->max_file_bytes) {
			book_error(b,
			           _("%s holds more than %zu bytes once "
			             "uncompressed, the limit for a part of %s "
			             "(a zip bomb?); raise it with %s N (N in "
			             "MiB)"),
			           name, b->lim->max_file_bytes, b->lim->what,
			           b->lim->file_option ? b->lim->file_option
			                               : "--max-file-mb");
			goto out;
		}
		last = n == 0;
		if (XML_Parse(pt->p, chunk, (int)n, last) == XML_STATUS_ERROR) {
			if (!pt->bad)
				book_error(
				        b,
				        _("%s:%lu:%lu: malformed XML: "
				          "%s; "
				          "save it as Excel Workbook (.xlsx) "
				          "or CSV UTF-8"),
				        name,
				        (unsigned long)XML_GetCurrentLineNumber(
				                pt->p),
				        (unsigned long)XML_GetCurrentColumnNumber(
				                pt->p) +
				                1,
				        XML_ErrorString(
				                XML_GetErrorCode(pt->p)));
			goto out;
		}
		if (pt->bad)
			goto out;
		if (last)
			break;
	}
	rc = 0;
out:
	free(chunk);
	XML_ParserFree(pt->p);
	zip_fclose(zf);
	return rc;
}

/* --- xl/workbook.xml and its relationships ------------------------------ */

struct wb_state {
	struct part pt;
};

static void wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct wb_state *s = ud;
	xlsx_book *b = s->pt.b;
	const char *n = local(name), *v;

	if (strcmp(n, "workbookPr") == 0) {
		v = attr(atts, "date1904");
		b->date1904 =
		        v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (strcmp(n, "sheet") == 0 && !b->sheet_name) {
		const char *sn = attr(atts, "name"),
		           *rid = rel_attr(atts, "id");

		if (!sn || !rid) {
			part_error(&s->pt, _("the first <sheet> has no %s"),
			           sn ? "r:id" : "name");
			return;
		}
		b->sheet_name = xstrdup(sn);
		b->sheet_rid = xstrdup(rid);
	}
}

static void no_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

/* The part a relationship's Target names, from xl/ (or from the root
 * when it starts with '/'), with "../" steps resolved. Caller frees. */
static char *rel_target(const char *target)
{
	strbuf sb = STRBUF_INIT;

	if (target[0] == '/') {
		strbuf_puts(&sb, target + 1);
	} else {
		strbuf_puts(&sb, "xl/");
		while (strncmp(target, "../", 3) == 0) {
			target += 3;
			strbuf_reset(&sb);
		}
		strbuf_puts(&sb, target);
	}
	return strbuf_detach(&sb);
}

/* 1 when the relationship type ends with "/" kind. */
static int rel_type(const char *type, const char *kind)
{
	size_t n = strlen(type), k = strlen(kind);

	return n > k && type[n - k - 1] == '/' &&
	       strcmp(type + n - k, kind) == 0;
}

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct wb_state *s = ud;
	xlsx_book *b = s->pt.b;
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type");
	const char *target = attr(atts, "Target"),
	           *mode = attr(atts, "TargetMode");

	if (strcmp(local(name), "Relationship") != 0 || !id || !type ||
	    !target || (mode && strcmp(mode, "External") == 0))
		return;
	if (strcmp(id, b->sheet_rid) == 0 && !b->sheet_part)
		b->sheet_part = rel_target(target);
	else if (rel_type(type, "sharedStrings") && !b->strings_part)
		b->strings_part = rel_target(target);
	else if (rel_type(type, "styles") && !b->styles_part)
		b->styles_part = rel_target(target);
}

/* --- xl/styles.xml: which cell styles show dates ------------------------ */

struct styles_state {
	struct part pt;
	int in_xfs; /* inside <cellXfs> */
	size_t cap;
};

/* 1 when a number format code shows a date: y (or e, the era's year; not
 * the exponent of E+00 / e-00) or d outside quotes, brackets, escapes and
 * the word General, or m without h or s (mm:ss is a time). LibreOffice
 * writes its default style as a custom format "General": not a date. */
static int code_is_date(const char *code)
{
	int y = 0, m = 0, d = 0, hs = 0;
	const char *p;

	for (p = code; *p; p++) {
		char c = *p;

		if (c == '"') {
			p = strchr(p + 1, '"');
			if (!p)
				break;
		} else if (c == '[') {
			p = strchr(p + 1, ']');
			if (!p)
				break;
		} else if (c == '\\' || c == '_' || c == '*') {
			if (!p[1])
				break;
			p++;
		} else if (strncasecmp(p, "general", 7) == 0) {
			p += 6;
		} else if (c == 'y' || c == 'Y' ||
		           (c == 'e' && p[1] != '+' && p[1] != '-')) {
			y = 1;
		} else if (c == 'd' || c == 'D') {
			d = 1;
		} else if (c == 'm' || c == 'M') {
			m = 1;
		} else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
			hs = 1;
		}
	}
	return y || d || (m && !hs);
}

/* 1 when number format id shows a date: built-in 14-22, or a custom
 * format whose code does. */
static int fmt_is_date(const xlsx_book *b, unsigned id)
{
	size_t i;

	if (id >= 14 && id <= 22)
		return id <= 17 || id == 22; /* 18-21 are times of day */
	for (i = 0; i < b->nfmts; i++)
		if (b->fmts[i].id == id)
			return b->fmts[i].date;
	return 0;
}

static void styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct styles_state *s = ud;
	xlsx_book *b = s->pt.b;
	const char *n = local(name), *id = attr(atts, "numFmtId");

	if (strcmp(n, "numFmt") == 0 && id) {
		const char *code = attr(atts, "formatCode");

		b->fmts = xrealloc(b->fmts, (b->nfmts + 1) * sizeof(*b->fmts));
		b->fmts[b->nfmts].id = (unsigned)strtoul(id, NULL, 10);
		b->fmts[b->nfmts].date = code && code_is_date(code);
		b->nfmts++;
	} else if (strcmp(n, "cellXfs") == 0) {
		s->in_xfs = 1;
	} else if (strcmp(n, "xf") == 0 && s->in_xfs) {
		if (b->nxf == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 64;
			b->xf_date = xrealloc(b->xf_date, s->cap);
		}
		b->xf_date[b->nxf++] =
		        (unsigned char)(id &&
		                        fmt_is_date(b, (unsigned)strtoul(
		                                               id, NULL, 10)));
	}
}

static void styles_end(void *ud, const XML_Char *name)
{
	struct styles_state *s = ud;

	if (strcmp(local(name), "cellXfs") == 0)
		s->in_xfs = 0;
}

/* --- escapes in strings ------------------------------------------------- */

/* The value of the escape "_xHHHH_" at s (7 bytes at least), or -1. */
static long hex_escape(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	for (i = 2; i < 6; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/*
 * Decodes, in place, the escapes Excel writes in strings for characters
 * XML cannot hold: "_x000D_" is a CR, "_x005F_" the '_' of a literal
 * "_x...", a pair of surrogates one character. Text only shrinks.
 */
static void unescape_x(strbuf *sb)
{
	size_t i = 0, o = 0;
	long v, lo;

	while (i < sb->len) {
		v = hex_escape(sb->data + i, sb->len - i);
		if (v < 0 || (v >= 0xDC00 && v <= 0xDFFF)) {
			sb->data[o++] = sb->data[i++];
			continue;
		}
		i += 7;
		if (v >= 0xD800 && v <= 0xDBFF) {
			lo = hex_escape(sb->data + i, sb->len - i);
			if (lo < 0xDC00 || lo > 0xDFFF) {
				i -= 7; /* a lone surrogate: kept as written */
				sb->data[o++] = sb->data[i++];
				continue;
			}
			i += 7;
			v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
		}
		o += utf8_encode((unsigned)v, sb->data + o);
	}
	sb->len = o;
	if (sb->data)
		sb->data[o] = '\0';
}

/* --- xl/sharedStrings.xml ----------------------------------------------- */

struct sst_state {
	struct part pt;
	int in_si, in_t, in_rph;
	strbuf cur;
};

static void sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sst_state *s = ud;
	const char *n = local(name);

	(void)atts;
	if (strcmp(n, "si") == 0) {
		s->in_si = 1;
		strbuf_reset(&s->cur);
	} else if (strcmp(n, "rPh") == 0) {
		s->in_rph = 1; /* phonetic runs are not the text */
	} else if (strcmp(n, "t") == 0 && s->in_si && !s->in_rph) {
		s->in_t = 1;
	}
}

static void sst_end(void *ud, const XML_Char *name)
{
	struct sst_state *s = ud;
	xlsx_book *b = s->pt.b;
	const char *n = local(name);

	if (strcmp(n, "t") == 0) {
		s->in_t = 0;
	} else if (strcmp(n, "rPh") == 0) {
		s->in_rph = 0;
	} else if (strcmp(n, "si") == 0 && s->in_si) {
		s->in_si = 0;
		if (b->nstr == b->str_cap) {
			b->str_cap = b->str_cap ? 2 * b->str_cap : 256;
			b->str_off = xrealloc(b->str_off,
			                      b->str_cap * sizeof(*b->str_off));
		}
		b->str_off[b->nstr++] = b->strings.len;
		unescape_x(&s->cur);
		strbuf_add(&b->strings, s->cur.data ? s->cur.data : "",
		           s->cur.len);
		strbuf_putc(&b->strings, '\0');
	}
}

static void sst_text(void *ud, const XML_Char *t, int len)
{
	struct sst_state *s = ud;

	if (!s->in_t)
		return;
	if (s->cur.len + (size_t)len > s->pt.b->lim->max_scalar_bytes) {
		char msg[200];

		part_error(&s->pt, _("shared string %zu: %s"), s->pt.b->nstr,
		           limits_scalar_text(msg, sizeof(msg),
		                              s->cur.len + (size_t)len,
		                              s->pt.b->lim));
		return;
	}
	strbuf_add(&s->cur, t, (size_t)len);
}

/* --- opening ------------------------------------------------------------ */

/* 1 when needle[0..n) occurs in buf[0..len). */
static int holds(const char *buf, size_t len, const char *needle, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(buf + i, needle, n) == 0)
			return 1;
	return 0;
}

/* Refuses what is not a zip archive, naming what it looks like. */
static int check_magic(xlsx_book *b, const char *buf, size_t len)
{
	static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
	static const char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0"
	                                "c\0k\0a\0g\0e\0";

	if (len == 0) {
		book_error(b, _("the file is empty"));
		return -1;
	}
	if (len >= 8 && memcmp(buf, ole2, 8) == 0) {
		if (holds(buf, len, encrypted, sizeof(encrypted) - 1))
			book_error(b, _("the workbook is encrypted (protected "
			                "with a password to open); remove the "
			                "password in Excel and save it again"));
		else
			book_error(b, _("an Excel 97-2003 workbook (.xls), not "
			                ".xlsx; "
			                "save it as Excel Workbook (.xlsx) or "
			                "CSV UTF-8"));
		return -1;
	}
	if (len < 4 || memcmp(buf, "PK\x03\x04", 4) != 0) {
		book_error(b,
		           _("not an .xlsx workbook (not a zip archive); "
		             ""
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"));
		return -1;
	}
	return 0;
}

/* Says what a zip without xl/workbook.xml is. */
static void not_workbook(xlsx_book *b)
{
	if (find_entry(b, "content.xml") >= 0 || find_entry(b, "mimetype") >= 0)
		book_error(b,
		           _("an OpenDocument spreadsheet (.ods), not .xlsx; "
		             ""
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"));
	else if (find_entry(b, "xl/workbook.bin") >= 0)
		book_error(b,
		           _("an Excel binary workbook (.xlsb), not .xlsx; "
		             ""
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"));
	else
		book_error(b,
		           _("not an .xlsx workbook: the zip archive has no "
		             "xl/workbook.xml; "
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"));
}

/* The sheet's name as a reference writes it: quoted ('My sheet') unless
 * it is letters, digits, '_' and '.'. Caller frees. */
static char *sheet_ref(const char *name)
{
	strbuf sb = STRBUF_INIT;
	const char *p;
	int plain = *name != '\0';

	for (p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '.'))
			plain = 0;
	if (plain)
		return xstrdup(name);
	strbuf_putc(&sb, '\'');
	for (p = name; *p; p++) {
		if (*p == '\'')
			strbuf_putc(&sb, '\'');
		strbuf_putc(&sb, *p);
	}
	strbuf_putc(&sb, '\'');
	return strbuf_detach(&sb);
}

xlsx_book *xlsx_open(const char *path, const char *buf, size_t len,
                     const doc_limits *lim, diag *d)
{
	xlsx_book *b = xcalloc(1, sizeof(*b));
	struct wb_state wb;
	struct styles_state ss;
	struct sst_state sst;
	zip_error_t err;

	b->path = xstrdup(path);
	b->buf = buf;
	b->lim = lim;
	b->d = d;
	if (limits_check_file(d, path, len, lim) < 0 ||
	    check_magic(b, buf, len) < 0)
		goto fail;
	zip_error_init(&err);
	b->src = zip_source_buffer_create(buf, len, 0, &err);
	if (b->src)
		b->zip = zip_open_from_source(b->src, ZIP_RDONLY, &err);
	if (!b->zip) {
		book_error(
		        b,
		        _("not an .xlsx workbook (a damaged zip archive: %s); "
		          ""
		          "save it as Excel Workbook (.xlsx) or CSV UTF-8"),
		        zip_error_strerror(&err));
		zip_error_fini(&err);
		goto fail;
	}
	zip_error_fini(&err);
	if (find_entry(b, "xl/workbook.xml") < 0) {
		not_workbook(b);
		goto fail;
	}
	memset(&wb, 0, sizeof(wb));
	if (parse_part(b, "xl/workbook.xml", 1, &wb.pt, wb_start, no_end,
	               NULL) < 0)
		goto fail;
	if (!b->sheet_name) {
		book_error(b, _("the workbook has no worksheet"));
		goto fail;
	}
	b->sheet_ref = sheet_ref(b->sheet_name);
	if (parse_part(b, "xl/_rels/workbook.xml.rels", 1, &wb.pt, rels_start,
	               no_end, NULL) < 0)
		goto fail;
	if (!b->sheet_part) {
		book_error(b,
		           _("xl/_rels/workbook.xml.rels has no relationship "
		             "%s, the first sheet's ('%s'); "
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"),
		           b->sheet_rid, b->sheet_name);
		goto fail;
	}
	memset(&ss, 0, sizeof(ss));
	if (b->styles_part && parse_part(b, b->styles_part, 0, &ss.pt,
	                                 styles_start, styles_end, NULL) < 0)
		goto fail;
	memset(&sst, 0, sizeof(sst));
	if (b->strings_part && parse_part(b, b->strings_part, 0, &sst.pt,
	                                  sst_start, sst_end, sst_text) < 0) {
		strbuf_release(&sst.cur);
		goto fail;
	}
	strbuf_release(&sst.cur);
	if (find_entry(b, b->sheet_part) < 0) {
		book_error(b,
		           _("the workbook has no part %s, its first sheet "
		             "('%s'); "
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"),
		           b->sheet_part, b->sheet_name);
		goto fail;
	}
	return b;

fail:
	xlsx_close(b);
	return NULL;
}

const char *xlsx_sheet_name(const xlsx_book *book)
{
	return book->sheet_ref;
}

void xlsx_close(xlsx_book *b)
{
	if (!b)
		return;
	if (b->zip)
		zip_discard(b->zip); /* frees the source too */
	else if (b->src)
		zip_source_free(b->src);
	free(b->path);
	free(b->sheet_name);
	free(b->sheet_ref);
	free(b->sheet_rid);
	free(b->sheet_part);
	free(b->strings_part);
	free(b->styles_part);
	strbuf_release(&b->strings);
	free(b->str_off);
	free(b->fmts);
	free(b->xf_date);
	free(b);
}

/* --- the worksheet ------------------------------------------------------ */

struct sheet_state {
	struct part pt;
	xlsx_row_fn fn;
	void *arg;
	int stopped;       /* fn said stop */
	unsigned row;      /* the row being read (0: none yet) */
	unsigned last_col; /* its last cell's column */
	int in_row;
	/* the cell being read */
	unsigned col;
	char type[16];
	unsigned style;
	int has_v, has_f, in_v, in_is, in_t, in_rph;
	strbuf v;
	/* the row's cells: texts in one buffer, pointers set at the end */
	xlsx_cell *cells;
	size_t *offs; /* each cell's text in texts */
	size_t ncells, cap;
	strbuf texts;
};

/* Parses an A1 reference into *col and *row. Returns 0, -1 when it is
 * not one, -2 when its column is past XFD, -3 its row past the last. */
static int parse_ref(const char *r, unsigned *col, unsigned *row)
{
	unsigned long c = 0, w = 0;
	size_t letters = 0;

	while (*r >= 'A' && *r <= 'Z') {
		if (++letters > 7)
			return -2;
		c = c * 26 + (unsigned long)(*r - 'A' + 1);
		r++;
	}
	if (letters == 0 || *r < '1' || *r > '9')
		return -1;
	if (c > XLSX_MAX_COLS)
		return -2;
	while (*r >= '0' && *r <= '9') {
		w = w * 10 + (unsigned long)(*r - '0');
		if (w > XLSX_MAX_ROWS)
			return -3;
		r++;
	}
	if (*r)
		return -1;
	*col = (unsigned)c;
	*row = (unsigned)w;
	return 0;
}

/* Parses a row number (1..XLSX_MAX_ROWS); 0 when it is not one. */
static unsigned parse_row(const char *s)
{
	unsigned long w = 0;

	if (*s < '1' || *s > '9')
		return 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		w = w * 10 + (unsigned long)(*s - '0');
		if (w > XLSX_MAX_ROWS)
			return 0;
	}
	return *s ? 0 : (unsigned)w;
}

/* Starts a <row>. */
static void row_start(struct sheet_state *s, const char **atts)
{
	const char *r = attr(atts, "r");
	unsigned row = r ? parse_row(r) : s->row + 1;

	if (row == 0 || row > XLSX_MAX_ROWS) {
		part_error(
		        &s->pt,
		        _("row number '%s' is not one of 1 to %u, the rows a "
		          "worksheet has"),
		        r ? r : "", XLSX_MAX_ROWS);
		return;
	}
	if (row <= s->row) {
		cell_error(&s->pt, row, 1,
		           _("row %u comes after row %u: rows out of order or "
		             "repeated; "
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"),
		           row, s->row);
		return;
	}
	s->row = row;
	s->last_col = 0;
	s->in_row = 1;
	s->ncells = 0;
	strbuf_reset(&s->texts);
}

/* Starts a <c>. */
static void cell_start(struct sheet_state *s, const char **atts)
{
	const char *r = attr(atts, "r"), *t = attr(atts, "t");
	const char *st = attr(atts, "s");
	unsigned col = s->last_col + 1, row = s->row;
	char ref[16];
	int rc = 0;

	if (!s->in_row) {
		part_error(&s->pt, _("a cell outside a row"));
		return;
	}
	if (r)
		rc = parse_ref(r, &col, &row);
	if (rc == -2 || (rc == 0 && col > XLSX_MAX_COLS)) {
		if (r)
			ref_error(&s->pt, r,
			          _("past column XFD, the last column of a "
			            "worksheet (%u columns)"),
			          XLSX_MAX_COLS);
		else
			cell_error(
			        &s->pt, s->row, XLSX_MAX_COLS,
			        _("the next cell is past column XFD, the last "
			          "column of a worksheet (%u columns)"),
			        XLSX_MAX_COLS);
		return;
	}
	if (rc < 0) {
		part_error(&s->pt, _("row %u: '%s' is not a cell reference"),
		           s->row, r);
		return;
	}
	if (row != s->row) {
		cell_error(
		        &s->pt, s->row, col,
		        _("cell %s is in row %u, not in row %u that holds it; "
		          ""
		          "save it as Excel Workbook (.xlsx) or CSV UTF-8"),
		        r, row, s->row);
		return;
	}
	if (col <= s->last_col) {
		cell_error(&s->pt, row, col,
		           _("comes after cell %s: cells out of order or "
		             "repeated; "
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"),
		           xlsx_cell_ref(ref, row, s->last_col));
		return;
	}
	s->col = col;
	s->last_col = col;
	snprintf(s->type, sizeof(s->type), "%s", t ? t : "n");
	s->style = st ? (unsigned)strtoul(st, NULL, 10) : 0;
	s->has_v = s->has_f = s->in_v = s->in_is = s->in_t = s->in_rph = 0;
	strbuf_reset(&s->v);
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet_state *s = ud;
	const char *n = local(name);

	if (strcmp(n, "row") == 0) {
		row_start(s, atts);
	} else if (strcmp(n, "c") == 0) {
		cell_start(s, atts);
	} else if (strcmp(n, "v") == 0) {
		s->has_v = s->in_v = 1;
	} else if (strcmp(n, "f") == 0) {
		s->has_f = 1;
	} else if (strcmp(n, "is") == 0) {
		s->in_is = 1;
	} else if (strcmp(n, "rPh") == 0) {
		s->in_rph = 1;
	} else if (strcmp(n, "t") == 0 && s->in_is && !s->in_rph) {
		s->in_t = 1;
	}
}

/* Adds the finished cell of kind with text to the row. */
static void add_cell(struct sheet_state *s, xlsx_kind kind, const char *text,
                     size_t len, int date)
{
	xlsx_cell *c;

	if (len == 0)
		return; /* empty text is an empty cell */
	if (s->ncells == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 32;
		s->cells = xrealloc(s->cells, s->cap * sizeof(*s->cells));
		s->offs = xrealloc(s->offs, s->cap * sizeof(*s->offs));
	}
	s->offs[s->ncells] = s->texts.len;
	c = &s->cells[s->ncells++];
	c->col = s->col;
	c->kind = kind;
	c->text = NULL; /* set at the row's end: texts may move */
	c->len = len;
	c->date = date;
	c->formula = s->has_f;
	strbuf_add(&s->texts, text, len);
	strbuf_putc(&s->texts, '\0');
}

/* Ends a <c>: its value by its type. */
static void cell_end(struct sheet_state *s)
{
	xlsx_book *b = s->pt.b;
	const char *t = s->type, *v = s->v.data ? s->v.data : "";
	size_t n = s->v.len;

	if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
		unescape_x(&s->v);
		v = s->v.data ? s->v.data : "";
		n = s->v.len;
	}
	if (strcmp(t, "inlineStr") == 0) {
		add_cell(s, XLSX_TEXT, v, n, 0);
		return;
	}
	if (!s->has_v || (n == 0 && strcmp(t, "str") != 0)) {
		if (s->has_f)
			cell_error(
			        &s->pt, s->row, s->col,
			        _("a formula without a saved value (the "
			          "program that wrote the workbook did not "
			          "calculate it); open the workbook in Excel "
			          "or LibreOffice and save it again"));
		return; /* an empty cell, maybe styled */
	}
	if (strcmp(t, "n") == 0) {
		add_cell(s, XLSX_NUMBER, v, n,
		         s->style < b->nxf && b->xf_date[s->style]);
	} else if (strcmp(t, "b") == 0) {
		if (strcmp(v, "1") == 0)
			add_cell(s, XLSX_BOOL, "TRUE", 4, 0);
		else
			add_cell(s, XLSX_BOOL, "FALSE", 5, 0);
	} else if (strcmp(t, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);

		if (*end || end == v || i >= b->nstr) {
			cell_error(&s->pt, s->row, s->col,
			           _("shared string '%s' does not exist (the "
			             "workbook has %zu); "
			             "save it as Excel Workbook (.xlsx) or CSV "
			             "UTF-8"),
			           v, b->nstr);
			return;
		}
		add_cell(s, XLSX_TEXT, b->strings.data + b->str_off[i],
		         strlen(b->strings.data + b->str_off[i]), 0);
	} else if (strcmp(t, "str") == 0 || strcmp(t, "d") == 0) {
		add_cell(s, XLSX_TEXT, v, n, 0);
	} else if (strcmp(t, "e") == 0) {
		add_cell(s, XLSX_ERROR, v, n, 0);
	} else {
		cell_error(&s->pt, s->row, s->col,
		           _("unknown cell type t=\"%s\"; "
		             "save it as Excel Workbook (.xlsx) or CSV UTF-8"),
		           t);
	}
}

/* Ends a <row>: its cells to the callback. */
static void row_end(struct sheet_state *s)
{
	size_t i;

	s->in_row = 0;
	if (s->ncells == 0)
		return;
	for (i = 0; i < s->ncells; i++)
		s->cells[i].text = s->texts.data + s->offs[i];
	if (s->fn(s->arg, s->row, s->cells, s->ncells) < 0) {
		s->stopped = 1;
		s->pt.bad = 1;
		XML_StopParser(s->pt.p, XML_FALSE);
	}
}

static void sheet_end(void *ud, const XML_Char *name)
{
	struct sheet_state *s = ud;
	const char *n = local(name);

	if (s->pt.bad)
		return;
	if (strcmp(n, "c") == 0)
		cell_end(s);
	else if (strcmp(n, "row") == 0)
		row_end(s);
	else if (strcmp(n, "v") == 0)
		s->in_v = 0;
	else if (strcmp(n, "is") == 0)
		s->in_is = 0;
	else if (strcmp(n, "rPh") == 0)
		s->in_rph = 0;
	else if (strcmp(n, "t") == 0)
		s->in_t = 0;
}

static void sheet_text(void *ud, const XML_Char *t, int len)
{
	struct sheet_state *s = ud;

	if (!s->in_v && !s->in_t)
		return;
	if (s->v.len + (size_t)len > s->pt.b->lim->max_scalar_bytes) {
		char msg[200];

		cell_error(&s->pt, s->row, s->col, "%s",
		           limits_scalar_text(msg, sizeof(msg),
		                              s->v.len + (size_t)len,
		                              s->pt.b->lim));
		return;
	}
	strbuf_add(&s->v, t, (size_t)len);
}

int xlsx_read_rows(xlsx_book *b, xlsx_row_fn fn, void *arg)
{
	struct sheet_state s;
	int rc;

	memset(&s, 0, sizeof(s));
	s.fn = fn;
	s.arg = arg;
	rc = parse_part(b, b->sheet_part, 1, &s.pt, sheet_start, sheet_end,
	                sheet_text);
	strbuf_release(&s.v);
	strbuf_release(&s.texts);
	free(s.cells);
	free(s.offs);
	return rc;
}

/* --- dates -------------------------------------------------------------- */

/* The civil date of days since 1970-01-01 (H. Hinnant's algorithm). */
static void civil(long z, long *y, unsigned *m, unsigned *d)
{
	long era, yy;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
}

int xlsx_date_text(const xlsx_book *b, const char *text, char *out)
{
	double x, day;
	long days, secs, y;
	unsigned m, d;

	if (numfmt_parse(text, &x) < 0 || x < (b->date1904 ? 0 : 1) ||
	    x >= (b->date1904 ? 2957004 : 2958466))
		return -1; /* before 1900-01-01 (1904-01-01) or after 9999-12-31 */
	day = floor(x);
	secs = lround((x - day) * 86400.0);
	if (secs >= 86400) {
		day += 1;
		secs = 0;
	}
	if (b->date1904)
		days = (long)day - 24107; /* 1904-01-01 is day 0 */
	else if (day == 60)
		return -1; /* 1900-02-29, a day Excel counts and never was */
	else if (day < 60)
		days = (long)day - 25568; /* day 1 is 1900-01-01 */
	else
		days = (long)day - 25569;
	civil(days, &y, &m, &d);
	/* (the moduli bound each field for the compiler: all are in range) */
	if (secs)
		snprintf(out, 32, "%04d-%02u-%02u %02u:%02u:%02u",
		         (int)(y % 10000), m % 13, d % 32,
		         (unsigned)(secs / 3600) % 24,
		         (unsigned)(secs / 60 % 60), (unsigned)(secs % 60));
	else
		snprintf(out, 32, "%04d-%02u-%02u", (int)(y % 10000), m % 13,
		         d % 32);
	return 0;
}
