/*
 * source.h - reading an input file (model or data) into a doc: the whole
 * file at once, within a size limit, as YAML or JSON by its name
 * (".json", ".jsonl" are JSON; everything else YAML, a superset that
 * still needs its own reader for exact positions and numbers).
 */
#ifndef CHISO_SOURCE_H
#define CHISO_SOURCE_H

#include "read/doc.h"
#include "util/diag.h"

#include <stddef.h>

/*
 * Reads the file at path into a new NUL-terminated buffer (caller frees
 * with free()), refusing files larger than lim's file size limit. "-"
 * reads standard input. Returns 0, or -1 with "PATH: reason" in d.
 */
int source_read_file(const char *path, const doc_limits *lim, char **buf,
                     size_t *len, diag *d);

/* 1 when path names a JSON file (".json"; by its extension). */
int source_is_json(const char *path);

/* 1 for JSON Lines (".jsonl", ".ndjson"). */
int source_is_jsonl(const char *path);

/* 1 for CSV (".csv"). */
int source_is_csv(const char *path);

/*
 * Parses buf[0..len) as JSON or YAML per source_is_json(path). Returns
 * the doc (caller frees with doc_free()), or NULL with errors in d. An
 * empty document is an error "PATH: the file is empty".
 */
doc *source_parse(const char *path, const char *buf, size_t len,
                  const doc_limits *limits, diag *d);

#endif
