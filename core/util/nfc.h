/*
 * nfc.h - text brought to Unicode's composed form, NFC (libunistring):
 * "Tiếng" typed with a combining acute after "ê" (NFD, as macOS and some
 * export tools write it) becomes the one character U+1EBF, so names
 * compare, sort and print the same whoever typed them.
 */
#ifndef CHISO_NFC_H
#define CHISO_NFC_H

#include <stddef.h>

/*
 * The NFC form of the UTF-8 text s[0..len), NUL-terminated, its length
 * in *out_len; *changed is 1 when it differs from s. Returns a new string
 * (caller frees with free()), or NULL when s is not valid UTF-8 or
 * memory runs out.
 */
char *nfc_text(const char *s, size_t len, size_t *out_len, int *changed);

/*
 * The text s[0..len) in lower case (Unicode's rules: "Điểm" becomes
 * "điểm"), in NFC, NUL-terminated. Returns a new string (caller frees
 * with free()), or NULL when s is not valid UTF-8 or memory runs out.
 */
char *nfc_lower(const char *s, size_t len);

/*
 * The text s[0..len) folded for matching what people type: lower case,
 * without diacritics (every combining mark of the decomposed text
 * dropped: Vietnamese tone and vowel marks; "đ" becomes "d"), so
 * "Phó Chủ tịch", "PHO CHU TICH" and "pho chu tich" fold alike.
 * NUL-terminated; s is valid UTF-8 (what chiso reads is checked).
 * Returns a new string (caller frees with free()), or NULL when memory
 * runs out.
 */
char *nfc_fold(const char *s, size_t len);

#endif
