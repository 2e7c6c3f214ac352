/*
 * sort.c - a stable merge sort with a context pointer for the
 * comparator: bottom-up, runs of width 1, 2, 4, ... merged between the
 * array and one scratch copy.
 */
#include "util/sort.h"

#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

/* Merges the sorted runs [lo, mid) and [mid, hi) of src into dst; on
 * equal elements the left run's goes first. */
static void merge(const char *src, char *dst, size_t lo, size_t mid, size_t hi,
                  size_t size, sort_cmp_fn cmp, void *ctx)
{
	size_t i = lo, j = mid, k = lo;

	while (i < mid && j < hi) {
		if (cmp(src + j * size, src + i * size, ctx) < 0)
			memcpy(dst + k++ * size, src + j++ * size, size);
		else
			memcpy(dst + k++ * size, src + i++ * size, size);
	}
	memcpy(dst + k * size, src + i * size, (mid - i) * size);
	k += mid - i;
	memcpy(dst + k * size, src + j * size, (hi - j) * size);
}

void sort_stable(void *base, size_t n, size_t size, sort_cmp_fn cmp, void *ctx)
{
	char *src = base, *dst, *scratch;
	size_t width;

	if (n < 2 || size == 0)
		return;
	scratch = xmalloc(n * size);
	dst = scratch;
	for (width = 1; width<n; width = width> n / 2 ? n : width * 2) {
		size_t lo;
		char *t;

		for (lo = 0; lo < n; lo += 2 * width) {
			size_t mid = n - lo > width ? lo + width : n;
			size_t hi = n - mid > width ? mid + width : n;

			merge(src, dst, lo, mid, hi, size, cmp, ctx);
			if (hi == n)
				break;
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != base)
		memcpy(base, src, n * size);
	free(scratch);
}
