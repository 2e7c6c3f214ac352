/*
 * merge_map.h - the map of a merger of units, as CSV: one row per
 * predecessor with the columns code, old_code and optionally name,
 * parent, level (any order, any case; a row starting with '#' is a
 * comment; ',' or ';' as separator, chosen as eval/csv_input.h chooses;
 * a UTF-8 BOM skipped). A new unit absorbing three old ones has three
 * rows; an optional field given on some of them holds for all.
 *
 * Ownership: a merge_map owns its rows and their strings;
 * merge_map_free() frees them.
 */
#ifndef CHISO_MERGE_MAP_H
#define CHISO_MERGE_MAP_H

#include "util/diag.h"

#include <stddef.h>

/* One row: old becomes part of code. Empty optional fields are "". */
typedef struct merge_row {
	char *code, *name, *parent, *level, *old;
	unsigned line; /* in the map file, for messages */
} merge_row;

typedef struct merge_map {
	const char *path; /* borrowed */
	merge_row *rows;
	size_t nrows;
	/* Columns, 1-based, for messages; 0 when the map has none. */
	unsigned col_code, col_name, col_old, col_parent, col_level;
} merge_map;

/*
 * Reads and checks the map at path: known columns, code and old_code
 * given on every row, no old_code twice, no code that is also an
 * old_code (a unit mapped to itself, two units swapped, a chain), the
 * rows of one new code agree on its name, parent and level (and each
 * then has those given on any of them). Returns 0, or -1 with
 * "FILE:ROW:COL: message" errors in d (map then holds nothing).
 */
int merge_map_read(merge_map *map, const char *path, diag *d);

/* The same for the map's text buf[0..len) (no NUL needed after it), read
 * as if from the file path (borrowed, for messages). */
int merge_map_parse(merge_map *map, const char *path, const char *buf,
                    size_t len, diag *d);

/* Frees the rows; map may be empty. */
void merge_map_free(merge_map *map);

#endif
