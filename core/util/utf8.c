/*
 * utf8.c - UTF-8 validation, decoding and terminal display widths.
 */
#include "util/utf8.h"

#include <stdint.h>
#include <string.h>

#define REPLACEMENT 0xFFFDu

struct cp_range {
	unsigned lo, hi;
};

/* Combining marks and zero-width characters: 0 columns. Sorted. */
static const struct cp_range zero_width[] = {
        {0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
        {0x2060, 0x2060}, {0x20D0, 0x20FF}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

/* East Asian wide and fullwidth characters: 2 columns. Sorted. */
static const struct cp_range wide[] = {
        {0x1100, 0x115F},   /* Hangul Jamo leading consonants */
        {0x2329, 0x232A},   /* angle brackets */
        {0x2E80, 0x303E},   /* CJK radicals .. CJK symbols and punctuation */
        {0x3041, 0x33FF},   /* kana, Bopomofo, Hangul compatibility .. */
        {0x3400, 0x4DBF},   /* CJK extension A */
        {0x4E00, 0x9FFF},   /* CJK unified ideographs */
        {0xA000, 0xA4CF},   /* Yi */
        {0xA960, 0xA97F},   /* Hangul Jamo extended A */
        {0xAC00, 0xD7A3},   /* Hangul syllables */
        {0xF900, 0xFAFF},   /* CJK compatibility ideographs */
        {0xFE10, 0xFE19},   /* vertical forms */
        {0xFE30, 0xFE6F},   /* CJK compatibility forms, small forms */
        {0xFF00, 0xFF60},   /* fullwidth forms */
        {0xFFE0, 0xFFE6},   /* fullwidth signs */
        {0x1F300, 0x1FAFF}, /* emoji and pictographs */
        {0x20000, 0x2FFFD}, /* CJK extensions B.. */
        {0x30000, 0x3FFFD}, /* CJK extension G.. */
};

/* Returns 1 if cp is in one of the n sorted ranges r, else 0. */
static int in_ranges(unsigned cp, const struct cp_range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* Returns 1 if byte b is a continuation byte within [lo, hi]. */
static int cont_in(unsigned char b, unsigned char lo, unsigned char hi)
{
	return b >= lo && b <= hi;
}

/* Decodes one code point (Unicode table 3-7 well-formed sequences
 * only); returns its length or 0 with *cp = U+FFFD. */
size_t utf8_decode(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n, i;
	unsigned v;

	*cp = REPLACEMENT;
	if (len == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		v = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		v = p[0] & 0x0F;
		if (p[0] == 0xE0)
			lo = 0xA0; /* no overlongs */
		else if (p[0] == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		v = p[0] & 0x07;
		if (p[0] == 0xF0)
			lo = 0x90; /* no overlongs */
		else if (p[0] == 0xF4)
			hi = 0x8F; /* nothing above U+10FFFF */
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if (!cont_in(p[i], i == 1 ? lo : 0x80, i == 1 ? hi : 0xBF))
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	*cp = v;
	return n;
}

/* Checks s[0..len) is well-formed; returns 0, or -1 with the offset of
 * the lead byte of the first ill-formed sequence in *bad_at. */
int utf8_check(const char *s, size_t len, size_t *bad_at)
{
	size_t off = 0, n;
	unsigned cp;

	while (off < len) {
		if ((unsigned char)s[off] < 0x80) { /* ASCII: the usual case */
			off++;
			continue;
		}
		n = utf8_decode(s + off, len - off, &cp);
		if (n == 0) {
			if (bad_at)
				*bad_at = off;
			return -1;
		}
		off += n;
	}
	return 0;
}

/* 1 when s[0..avail) is the start of a well-formed sequence longer
 * than avail bytes: completed with one of three continuation bytes
 * (the second byte's range depends on the lead), it decodes. */
static int cut_sequence(const char *s, size_t avail)
{
	static const unsigned char pads[] = {0x80, 0x90, 0xA0};
	char tmp[4];
	unsigned cp;
	size_t k, i;

	if (avail == 0 || avail >= 4)
		return 0;
	for (k = 0; k < sizeof(pads); k++) {
		memcpy(tmp, s, avail);
		for (i = avail; i < 4; i++)
			tmp[i] = (char)pads[k];
		if (utf8_decode(tmp, 4, &cp) > avail)
			return 1;
	}
	return 0;
}

/* utf8_check that leaves a sequence cut at len for later. */
int utf8_check_prefix(const char *s, size_t len, size_t *whole, size_t *bad_at)
{
	size_t off = 0, n;
	unsigned cp;

	while (off < len) {
		uint64_t word;

		/* eight bytes of ASCII at a time */
		while (len - off >= 8) {
			memcpy(&word, s + off, 8);
			if (word & 0x8080808080808080u)
				break;
			off += 8;
		}
		if (off == len)
			break;
		if ((unsigned char)s[off] < 0x80) {
			off++;
			continue;
		}
		n = utf8_decode(s + off, len - off, &cp);
		if (n == 0) {
			if (len - off < 4 && cut_sequence(s + off, len - off))
				break;
			*bad_at = off;
			return -1;
		}
		off += n;
	}
	*whole = off;
	return 0;
}

/* Returns the terminal columns of cp: 0, 1 or 2 (see utf8.h). */
int utf8_cp_width(unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0;
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, sizeof(zero_width) / sizeof(*zero_width)))
		return 0;
	if (in_ranges(cp, wide, sizeof(wide) / sizeof(*wide)))
		return 2;
	return 1;
}

/*
 * Decodes the code point at s, which is NUL-terminated, storing its
 * width in *w (1 for an ill-formed byte). Returns the bytes used (at
 * least 1).
 */
static size_t step(const char *s, unsigned *cp, int *w)
{
	size_t n = utf8_decode(s, strnlen(s, 4), cp);

	if (n == 0) {
		*w = 1;
		return 1;
	}
	*w = utf8_cp_width(*cp);
	return n;
}

/* Returns the display width of the NUL-terminated string s. */
size_t utf8_width(const char *s)
{
	size_t width = 0;
	unsigned cp;
	int w;

	while (*s) {
		s += step(s, &cp, &w);
		width += (size_t)w;
	}
	return width;
}

/*
 * Returns the length of the longest prefix of s at most cols wide. A
 * code point and the zero-width code points after it are kept or
 * dropped together.
 */
size_t utf8_prefix_for_width(const char *s, size_t cols)
{
	size_t pos = 0, end, n, width = 0;
	unsigned cp;
	int w, mw;

	while (s[pos]) {
		end = pos + step(s + pos, &cp, &w);
		while (s[end]) {
			n = utf8_decode(s + end, strnlen(s + end, 4), &cp);
			if (n == 0)
				break;
			mw = utf8_cp_width(cp);
			if (mw != 0)
				break;
			end += n;
		}
		if (width + (size_t)w > cols)
			break;
		width += (size_t)w;
		pos = end;
	}
	return pos;
}

/* Byte-wise, folding A-Z only. */
int utf8_ascii_caseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		unsigned char ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca = (unsigned char)(ca - 'A' + 'a');
		if (cb >= 'A' && cb <= 'Z')
			cb = (unsigned char)(cb - 'A' + 'a');
		if (ca != cb)
			return 0;
	}
	return *a == *b;
}

size_t utf8_encode(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
