/*
 * strbuf.h - growable byte buffer.
 *
 * Ownership: a strbuf owns its data; strbuf_release() frees it.
 * strbuf_detach() hands the data to the caller, who frees it with free().
 * Allocation failure aborts the program with a message (out of memory is
 * not a recoverable condition for a command-line tool).
 */
#ifndef CHISO_STRBUF_H
#define CHISO_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
	char *data; /* always NUL-terminated when len > 0 or after init */
	size_t len; /* bytes used, NUL excluded */
	size_t cap; /* bytes allocated */
} strbuf;

#define STRBUF_INIT                                                            \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/* Makes sb empty, keeping its allocation. */
void strbuf_reset(strbuf *sb);
/* Frees sb's data and makes it STRBUF_INIT. */
void strbuf_release(strbuf *sb);
/* Ensures room for extra more bytes plus the NUL. */
void strbuf_grow(strbuf *sb, size_t extra);
/* Appends len bytes of s. */
void strbuf_add(strbuf *sb, const void *s, size_t len);
/* Appends the NUL-terminated string s. */
void strbuf_puts(strbuf *sb, const char *s);
/* Appends one byte. */
void strbuf_putc(strbuf *sb, char c);
/* Appends printf-formatted text. */
void strbuf_printf(strbuf *sb, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(strbuf *sb, const char *fmt, va_list ap)
        __attribute__((format(printf, 2, 0)));
/* The contents as a C string; "" (never NULL) when empty. Borrowed,
 * valid until sb is next changed. */
const char *strbuf_str(const strbuf *sb);
/* Returns the data (caller frees with free()) and resets sb. Never NULL. */
char *strbuf_detach(strbuf *sb);

/* Like malloc/calloc/realloc/strdup but abort with "chiso: out of
 * memory" instead of returning NULL. Caller frees with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
