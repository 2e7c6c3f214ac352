/*
 * merge.h - carrying results across a merger of units (the 2025
 * reorganisation: 63 provinces became 34; communes merged too).
 *
 * A map (CSV with the columns code,name,old_code; one row per
 * predecessor, so a new unit absorbing three old ones has three rows)
 * names each new unit's predecessors. The merged unit's main-index values
 * are the mean of its predecessors' (the practice used for DTI 2024); its
 * points are recomputed from them (value x the index's points), its value
 * is points / available, its views are recomputed from its main indices
 * when they are made of main indices (else the mean of the predecessors'),
 * and it is marked derived, with its predecessors. Indicators below the
 * main indices and classes are not carried: a merged unit has none.
 * Units the map does not name are kept as they are (with a warning).
 */
#ifndef CHISO_MERGE_H
#define CHISO_MERGE_H

#include "diag.h"
#include "results_set.h"

#include <stdio.h>

/*
 * Reads the map at map_path and writes the merged results of set (read
 * from one model) to f as a results document. Returns 0, or -1 with
 * "FILE:ROW:COL: message" errors in d (a bad map, a predecessor the
 * results lack, a predecessor named twice, results of several models).
 */
int merge_write(const rs_set *set, const char *map_path, FILE *f, diag *d);

#endif
