/*
 * merge.h - carrying results across a merger of units (the 2025
 * reorganisation: 63 provinces became 34; communes merged too).
 *
 * A map (merge_map.h: one row per predecessor, so a new unit absorbing
 * three old ones has three rows) names each new unit's predecessors. The
 * units merge within each period and stage of the results (several years
 * can be merged in one run). The merged unit's main-index values are the
 * mean of its predecessors' published (rounded) values (the practice used
 * for DTI 2024); its points are recomputed from them (value x the index's
 * points), its value is points / available, its views are the mean of its
 * predecessors', and it is marked derived, with its predecessors in the
 * map's order. Its parent and level are the map's, else its first
 * predecessor's. Indicators below the main indices and classes are not
 * carried: a merged unit has none. Units the map does not name are kept
 * exactly as they were, their JSON objects copied (one warning lists
 * them).
 */
#ifndef CHISO_MERGE_H
#define CHISO_MERGE_H

#include "publish/merge_map.h"
#include "read/results_set.h"
#include "util/diag.h"

#include <stdio.h>

/*
 * Reads the map at map_path and writes the merged results of set (read
 * from one model, with keep_text set) to f as a results document. Returns 0, or -1 with
 * "FILE:ROW:COL: message" errors in d (a bad map, an old code no unit
 * has, a merged unit lacking a predecessor in a period, a new code a kept
 * unit has, results of several models).
 */
int merge_write(const rs_set *set, const char *map_path, FILE *f, diag *d);

/* The same with a map already read (borrowed). */
int merge_write_map(const rs_set *set, const merge_map *map, FILE *f, diag *d);

#endif
