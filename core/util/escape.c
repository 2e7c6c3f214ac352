/*
 * escape.c - control characters and bidi controls shown as "<U+XXXX>".
 */
#include "util/escape.h"

#include "util/utf8.h"

#include <string.h>

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026, one column */

/* C0, DEL and C1. */
int escape_is_control(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* The explicit bidi controls: marks, embeddings, overrides, isolates. */
int escape_is_bidi(unsigned cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Walks s code point by code point; ill-formed bytes are skipped. */
int escape_find_control(const char *s, size_t len, int lines, size_t *at,
                        unsigned *cp)
{
	size_t off = 0, n;
	unsigned c;

	while (off < len) {
		n = utf8_decode(s + off, len - off, &c);
		if (n == 0) {
			off++;
			continue;
		}
		if (escape_is_control(c) &&
		    !(lines && (c == '\t' || c == '\n' || c == '\r'))) {
			*at = off;
			*cp = c;
			return 1;
		}
		off += n;
	}
	return 0;
}

/*
 * Decodes the unit of output at s (NUL-terminated): one character, or
 * one escape written into esc (at least 12 bytes). Returns the bytes of
 * s it covers (at least 1); *out and *outlen say what to write and *w
 * its display width.
 */
static size_t next_unit(const char *s, unsigned flags, char *esc,
                        const char **out, size_t *outlen, size_t *w)
{
	unsigned cp;
	size_t n = utf8_decode(s, strnlen(s, 4), &cp);
	int keep;

	if (n == 0) {
		snprintf(esc, 12, "<0x%02X>", (unsigned char)*s);
		*out = esc;
		*outlen = strlen(esc);
		*w = *outlen;
		return 1;
	}
	if (escape_is_control(cp))
		keep = (flags & ESCAPE_KEEP_LINES) &&
		       (cp == '\t' || cp == '\n' || cp == '\r');
	else if (escape_is_bidi(cp))
		keep = (flags & ESCAPE_KEEP_BIDI) != 0;
	else
		keep = 1;
	if (keep) {
		*out = s;
		*outlen = n;
		*w = (size_t)utf8_cp_width(cp);
		return n;
	}
	snprintf(esc, 12, "<U+%04X>", cp);
	*out = esc;
	*outlen = strlen(esc);
	*w = *outlen;
	return n;
}

/* Copies s unit by unit, escaping what flags do not keep. */
void escape_append(strbuf *sb, const char *s, unsigned flags)
{
	char esc[12];
	const char *out;
	size_t len, w;

	while (*s) {
		s += next_unit(s, flags, esc, &out, &len, &w);
		strbuf_add(sb, out, len);
	}
}

/* Measures the escaped text; when too wide, appends whole units up to
 * cols - 1 columns and the ellipsis. */
void escape_fit(strbuf *sb, const char *s, size_t cols)
{
	char esc[12];
	const char *out, *p;
	size_t len, w, width = 0;

	for (p = s; *p;) {
		p += next_unit(p, 0, esc, &out, &len, &w);
		width += w;
	}
	if (cols < 2 || width <= cols) {
		escape_append(sb, s, 0);
		return;
	}
	width = 0;
	for (p = s; *p;) {
		size_t used = next_unit(p, 0, esc, &out, &len, &w);

		if (width + w > cols - 1)
			break;
		width += w;
		strbuf_add(sb, out, len);
		p += used;
	}
	strbuf_puts(sb, ELLIPSIS);
}

/* Escapes into a scratch buffer, then writes it. */
void escape_fputs(const char *s, FILE *f)
{
	strbuf sb = STRBUF_INIT;

	escape_append(&sb, s, 0);
	fwrite(strbuf_str(&sb), 1, sb.len, f);
	strbuf_release(&sb);
}

/* Formats, escapes all but a final line break, writes. */
void escape_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	strbuf raw = STRBUF_INIT;
	int nl;

	strbuf_vprintf(&raw, fmt, ap);
	nl = raw.len > 0 && raw.data[raw.len - 1] == '\n';
	if (nl)
		raw.data[--raw.len] = '\0';
	escape_fputs(strbuf_str(&raw), f);
	if (nl)
		fputc('\n', f);
	strbuf_release(&raw);
}

/* printf-style front of escape_vfprintf(). */
void escape_fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	escape_vfprintf(f, fmt, ap);
	va_end(ap);
}
