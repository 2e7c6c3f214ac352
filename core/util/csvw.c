/*
 * csvw.c - RFC 4180 CSV output, guarded against formulas.
 */
#include "util/csvw.h"

#include "util/escape.h"
#include "util/strbuf.h"

#include <string.h>

void csvw_init(csvw *w, FILE *f, char sep, int guard)
{
	w->f = f;
	w->sep = sep;
	w->guard = guard;
	w->first = 1;
}

void csvw_start(csvw *w, FILE *f, const csvw_opts *o)
{
	if (o->bom)
		fputs("\xEF\xBB\xBF", f);
	csvw_init(w, f, o->sep, o->guard);
}

/* Writes the separator unless the field starts the record. */
static void begin(csvw *w)
{
	if (!w->first)
		fputc(w->sep, w->f);
	w->first = 0;
}

/* Writes s as one field, quoted when it holds the separator, a quote or
 * a line break. */
static void put_field(csvw *w, const char *s)
{
	const char *p;

	if (!strchr(s, w->sep) && !strpbrk(s, "\"\r\n")) {
		fputs(s, w->f);
		return;
	}
	fputc('"', w->f);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', w->f);
		fputc(*p, w->f);
	}
	fputc('"', w->f);
}

/* 1 when s is "" or a plain decimal number: an optional sign, digits,
 * an optional fraction, an optional exponent. */
static int is_number(const char *s)
{
	const char *p = s;
	size_t n;

	if (!*p)
		return 1;
	if (*p == '+' || *p == '-')
		p++;
	n = strspn(p, "0123456789");
	if (n == 0)
		return 0;
	p += n;
	if (*p == '.') {
		n = strspn(++p, "0123456789");
		if (n == 0)
			return 0;
		p += n;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		n = strspn(p, "0123456789");
		if (n == 0)
			return 0;
		p += n;
	}
	return *p == '\0';
}

/* Escapes, guards, quotes. */
void csvw_text(csvw *w, const char *s)
{
	strbuf sb = STRBUF_INIT;

	begin(w);
	if (w->guard && *s && strchr("=+-@\t\r", *s))
		strbuf_putc(&sb, '\'');
	escape_append(&sb, s, ESCAPE_KEEP_LINES | ESCAPE_KEEP_BIDI);
	put_field(w, strbuf_str(&sb));
	strbuf_release(&sb);
}

/* A number as it is; text in disguise goes through csvw_text(). */
void csvw_number(csvw *w, const char *s)
{
	if (!is_number(s)) {
		csvw_text(w, s);
		return;
	}
	begin(w);
	for (; *s; s++)
		fputc(*s == '.' && w->sep == ';' ? ',' : *s, w->f);
}

void csvw_end(csvw *w)
{
	fputs("\r\n", w->f);
	w->first = 1;
}
