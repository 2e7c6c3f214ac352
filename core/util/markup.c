/*
 * markup.c - text escaped for Markdown and HTML (moved here from
 * chiso doc's markup so that every writer shares it).
 */
#include "util/markup.h"

#include "util/escape.h"
#include "util/utf8.h"

#include <string.h>

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

/* 1 when byte c is an ASCII letter or digit. */
static int ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Appends the ASCII byte s[i] of text escaped for HTML or Markdown. */
static void put_ascii(strbuf *sb, const char *s, size_t i, markup_format fmt,
                      unsigned flags)
{
	char c = s[i];

	if (fmt == MARKUP_HTML) {
		if (c == '&')
			strbuf_puts(sb, "&amp;");
		else if (c == '<')
			strbuf_puts(sb, "&lt;");
		else if (c == '>')
			strbuf_puts(sb, "&gt;");
		else if (c == '"')
			strbuf_puts(sb, "&quot;");
		else if (c == '\'')
			strbuf_puts(sb, "&#39;");
		else
			strbuf_putc(sb, c);
		return;
	}
	if (c == '_' && (flags & MARKUP_KEEP_INWORD_UNDERSCORE) && i > 0 &&
	    ascii_alnum(s[i - 1]) && ascii_alnum(s[i + 1]))
		; /* in a word: never emphasis */
	else if (strchr("\\`*_[]|~", c) ||
	         (c == '&' && entity_start(s + i + 1)) ||
	         (c == '<' && tag_start(s + i + 1)) || (c == '#' && i == 0))
		strbuf_putc(sb, '\\');
	strbuf_putc(sb, c);
}

/* Walks s code point by code point: line breaks and tabs as spaces,
 * controls and bidi controls shown (Markdown) or left out, ASCII
 * escaped, the rest copied. */
void markup_text(strbuf *sb, const char *s, markup_format fmt, unsigned flags)
{
	size_t i, n, len = strlen(s), end = len;
	unsigned cp;

	while (end > 0 && strchr(" \t\r\n", s[end - 1]))
		end--;
	if (strpbrk(s + end, "\r\n"))
		len = end; /* a folded YAML text's final line break */
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			n = 1;
			if (fmt == MARKUP_MD)
				strbuf_printf(sb, "\\<0x%02X>",
				              (unsigned char)s[i]);
			else
				strbuf_putc(sb, s[i]);
		} else if (cp == '\n' || cp == '\r' || cp == '\t') {
			strbuf_putc(sb, ' ');
		} else if (escape_is_control(cp) ||
		           (fmt == MARKUP_MD && escape_is_bidi(cp))) {
			if (fmt == MARKUP_MD)
				strbuf_printf(sb, "\\<U+%04X>", cp);
		} else if (cp >= 0x80 || fmt == MARKUP_PLAIN) {
			strbuf_add(sb, s + i, n);
		} else {
			put_ascii(sb, s, i, fmt, flags);
		}
	}
}

/* No byte that a code span would show wrongly or that could end it. */
int markup_code_safe(const char *s)
{
	size_t i, n, len = strlen(s);
	unsigned cp;

	if (strpbrk(s, "`|\\"))
		return 0;
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || escape_is_control(cp) || escape_is_bidi(cp))
			return 0;
	}
	return 1;
}

/* Escapes into a scratch buffer, then writes it. */
void markup_md_fputs(const char *s, FILE *f)
{
	strbuf sb = STRBUF_INIT;

	markup_text(&sb, s, MARKUP_MD, MARKUP_KEEP_INWORD_UNDERSCORE);
	fwrite(strbuf_str(&sb), 1, sb.len, f);
	strbuf_release(&sb);
}
