/*
 * csvw.c - RFC 4180 CSV output.
 */
#include "util/csvw.h"

#include <string.h>

void csvw_field(FILE *f, const char *s, char sep, int first)
{
	const char *p;

	if (!first)
		fputc(sep, f);
	if (!strchr(s, sep) && !strpbrk(s, "\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

void csvw_end(FILE *f)
{
	fputs("\r\n", f);
}
