/*
 * suggest.h - "did you mean" for misspelt keys and names.
 */
#ifndef CHISO_SUGGEST_H
#define CHISO_SUGGEST_H

#include <stddef.h>

/*
 * Returns the candidate closest to word by edit distance (Damerau-
 * Levenshtein with adjacent transpositions, byte-wise), or NULL when
 * none is close enough: distance at most 1 for words of up to 4 bytes,
 * 2 up to 8 bytes, else 3. Ties go to the earlier candidate. Borrowed:
 * the returned pointer is one of the candidates.
 */
const char *suggest_closest(const char *word, const char *const *candidates,
                            size_t ncandidates);

/* Edit distance between a and b as above. */
size_t suggest_distance(const char *a, const char *b);

#endif
