/*
 * strbuf.c - growable byte buffer and allocation helpers that abort on
 * out of memory.
 */
#include "util/strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reports out of memory and aborts; never returns. */
static _Noreturn void die_oom(void)
{
	fprintf(stderr, "chiso: out of memory\n");
	abort();
}

/* malloc that aborts on failure; n == 0 still returns a unique pointer.
 * Caller frees with free(). */
void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die_oom();
	return p;
}

/* calloc that aborts on failure or on size overflow. Caller frees. */
void *xcalloc(size_t n, size_t size)
{
	void *p;

	if (n == 0 || size == 0) {
		n = 1;
		size = 1;
	}
	p = calloc(n, size);
	if (!p)
		die_oom();
	return p;
}

/* realloc that aborts on failure; n == 0 keeps a 1-byte block rather
 * than freeing p. Caller frees the result. */
void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die_oom();
	return q;
}

/* strdup that aborts on failure. Caller frees. */
char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Copies at most n bytes of s (stopping at a NUL) into a new
 * NUL-terminated string. Caller frees. */
char *xstrndup(const char *s, size_t n)
{
	const char *nul = memchr(s, '\0', n);
	size_t len = nul ? (size_t)(nul - s) : n;
	char *p;

	if (len == SIZE_MAX)
		die_oom();
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Empties sb, keeping its allocation. */
void strbuf_reset(strbuf *sb)
{
	sb->len = 0;
	if (sb->data)
		sb->data[0] = '\0';
}

/* Frees sb's data and returns sb to STRBUF_INIT. */
void strbuf_release(strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
}

/* Ensures cap >= len + extra + 1, growing geometrically; aborts on
 * overflow or out of memory. */
void strbuf_grow(strbuf *sb, size_t extra)
{
	size_t need, cap;

	if (extra > SIZE_MAX - 1 - sb->len)
		die_oom();
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return;
	cap = sb->cap ? sb->cap : 16;
	while (cap < need) {
		if (cap > SIZE_MAX / 2) {
			cap = need;
			break;
		}
		cap *= 2;
	}
	sb->data = xrealloc(sb->data, cap);
	if (sb->cap == 0)
		sb->data[0] = '\0';
	sb->cap = cap;
}

/* Appends len bytes of s (which may contain NULs). */
void strbuf_add(strbuf *sb, const void *s, size_t len)
{
	strbuf_grow(sb, len);
	if (len)
		memcpy(sb->data + sb->len, s, len);
	sb->len += len;
	sb->data[sb->len] = '\0';
}

/* Appends the NUL-terminated string s. */
void strbuf_puts(strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

/* Appends the byte c. */
void strbuf_putc(strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

/* Appends printf-formatted text from a va_list; aborts if vsnprintf
 * fails (an encoding error is a programming error here). */
void strbuf_vprintf(strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	strbuf_grow(sb, 64);
	va_copy(cp, ap);
	n = vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, cp);
	va_end(cp);
	if (n < 0) {
		fprintf(stderr, "chiso: bad format string\n");
		abort();
	}
	if ((size_t)n >= sb->cap - sb->len) {
		strbuf_grow(sb, (size_t)n);
		n = vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, ap);
		if (n < 0) {
			fprintf(stderr, "chiso: bad format string\n");
			abort();
		}
	}
	sb->len += (size_t)n;
}

/* Appends printf-formatted text. */
void strbuf_printf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

/* Returns sb's contents, or "" when it has no allocation. Borrowed. */
const char *strbuf_str(const strbuf *sb)
{
	return sb->data ? sb->data : "";
}

/* Returns sb's data (never NULL; caller frees) and resets sb to
 * STRBUF_INIT. */
char *strbuf_detach(strbuf *sb)
{
	char *p;

	strbuf_grow(sb, 0);
	p = sb->data;
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
	return p;
}
