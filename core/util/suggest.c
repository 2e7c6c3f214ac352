/*
 * suggest.c - "did you mean" by optimal string alignment distance.
 */
#include "util/suggest.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

/* Returns the smallest of a, b and c. */
static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

/* Returns the optimal string alignment distance (insertions, deletions,
 * substitutions and adjacent transpositions, byte-wise) of a and b. */
size_t suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, cost, d;
	size_t *prev2, *prev, *cur, *rows, *t, local[3 * 129];

	if (la == 0)
		return lb;
	if (lb == 0)
		return la;
	/* ids and keys are short: no allocation per candidate */
	rows = lb < 129 ? local : xcalloc(3 * (lb + 1), sizeof(*rows));
	prev2 = rows;
	prev = rows + lb + 1;
	cur = rows + 2 * (lb + 1);
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			cost = a[i - 1] != b[j - 1];
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1,
			              prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[lb];
	if (rows != local)
		free(rows);
	return d;
}

/* Returns the largest distance accepted for a word of len bytes. */
static size_t max_distance(size_t len)
{
	if (len <= 4)
		return 1;
	if (len <= 8)
		return 2;
	return 3;
}

/* Returns the first candidate at the smallest distance within the
 * threshold, or NULL. Borrowed from candidates. */
const char *suggest_closest(const char *word, const char *const *candidates,
                            size_t ncandidates)
{
	const char *best = NULL;
	size_t limit, wlen, clen, best_d = (size_t)-1, d, i;

	if (!word || !candidates)
		return NULL;
	wlen = strlen(word);
	limit = max_distance(wlen);
	for (i = 0; i < ncandidates; i++) {
		if (!candidates[i])
			continue;
		clen = strlen(candidates[i]);
		if ((clen > wlen ? clen - wlen : wlen - clen) > limit)
			continue;
		d = suggest_distance(word, candidates[i]);
		if (d <= limit && d < best_d) {
			best = candidates[i];
			best_d = d;
		}
	}
	return best;
}
