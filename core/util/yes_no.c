/*
 * yes_no.c - yes and no words, in lower case (util/nfc.c) and looked up.
 */
#include "util/yes_no.h"

#include "util/nfc.h"

#include <stdlib.h>
#include <string.h>

/* The words in lower case NFC, yes then no; Vietnamese with all its
 * diacritics or none (not "cò", a different word). */
static const struct {
	const char *word;
	int value, vietnamese;
} words[] = {
        {"true", 1, 0},      {"yes", 1, 0},
        {"c\xc3\xb3", 1, 1},                               /* có */
        {"co", 1, 1},        {"\xc4\x91\xc3\xbang", 1, 1}, /* đúng */
        {"dung", 1, 1},      {"false", 0, 0},
        {"no", 0, 0},        {"kh\xc3\xb4ng", 0, 1}, /* không */
        {"khong", 0, 1},     {"sai", 0, 1},
};

/* Longer text is no word ("KHÔNG" written decomposed is 7 bytes). */
#define WORD_MAX 32

int yes_no_word(const char *s, size_t len, int *vietnamese)
{
	char *f;
	size_t i;
	int rc = -1;

	if (vietnamese)
		*vietnamese = 0;
	if (len == 0 || len > WORD_MAX)
		return -1;
	f = nfc_lower(s, len);
	if (!f)
		return -1;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcmp(f, words[i].word) == 0) {
			rc = words[i].value;
			if (vietnamese)
				*vietnamese = words[i].vietnamese;
			break;
		}
	}
	free(f);
	return rc;
}
