/*
 * sort.h - sorting with a context pointer. qsort()'s comparator gets the
 * two elements only, so a comparator that needs more (the results set
 * whose codes it compares) had to find it in a file-scope variable, which
 * made the caller non-reentrant. sort_stable() passes a context through,
 * and is stable: elements that compare equal keep their order, so output
 * sorted by it does not depend on the C library.
 */
#ifndef CHISO_SORT_H
#define CHISO_SORT_H

#include <stddef.h>

/* Compares two elements: < 0, 0 or > 0, as for qsort(); ctx is the
 * pointer given to sort_stable(). */
typedef int (*sort_cmp_fn)(const void *a, const void *b, void *ctx);

/* Sorts n elements of size bytes at base by cmp (a merge sort: n log n
 * comparisons, a scratch copy of the array, freed before it returns). */
void sort_stable(void *base, size_t n, size_t size, sort_cmp_fn cmp, void *ctx);

#endif
