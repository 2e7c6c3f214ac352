/*
 * nfc.c - NFC normalization, lower case and folding with libunistring
 * (u8_normalize(), u8_tolower(), uc_combining_class()).
 */
#include "util/nfc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include <uninorm.h>

/* libunistring's result u of n bytes (not NUL-terminated), made a C
 * string; u is consumed. NULL when u is NULL or memory runs out. */
static char *terminated(uint8_t *u, size_t n)
{
	char *out;

	if (!u)
		return NULL;
	out = realloc(u, n + 1);
	if (!out) {
		free(u);
		return NULL;
	}
	out[n] = '\0';
	return out;
}

char *nfc_text(const char *s, size_t len, size_t *out_len, int *changed)
{
	size_t n = 0;
	uint8_t *u;
	char *out;

	if (len == 0) {
		*out_len = 0;
		*changed = 0;
		return calloc(1, 1);
	}
	u = u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &n);
	out = terminated(u, n);
	if (!out)
		return NULL;
	*out_len = n;
	*changed = n != len || memcmp(out, s, n) != 0;
	return out;
}

char *nfc_lower(const char *s, size_t len)
{
	size_t n = 0;
	uint8_t *u;

	if (len == 0)
		return calloc(1, 1);
	u = u8_tolower((const uint8_t *)s, len, NULL, UNINORM_NFC, NULL, &n);
	return terminated(u, n);
}

char *nfc_fold(const char *s, size_t len)
{
	size_t n = 0, i = 0, o = 0;
	uint8_t *u;
	ucs4_t c;
	int used;

	if (len == 0)
		return calloc(1, 1);
	/* lower case, decomposed: "Ố" is "o" and two combining marks */
	u = u8_tolower((const uint8_t *)s, len, NULL, UNINORM_NFD, NULL, &n);
	if (!u)
		return NULL;
	while (i < n) {
		used = u8_mbtouc(&c, u + i, n - i);
		i += (size_t)used;
		if (uc_combining_class(c) != UC_CCC_NR)
			continue;
		if (c == 0x111) /* đ: no decomposition */
			c = 'd';
		/* never longer than what it replaces */
		o += (size_t)u8_uctomb(u + o, c, (int)(i - o));
	}
	return terminated(u, o);
}
