/*
 * json_reader.h - JSON text into a doc tree. cJSON parses and
 * validates; a second walk over the validated text gives every node its
 * line and column, and keeps numbers exactly as written. UTF-8 is
 * checked, duplicate keys are refused, and the limits of doc_limits hold.
 */
#ifndef CHISO_JSON_READER_H
#define CHISO_JSON_READER_H

#include "diag.h"
#include "doc.h"

/*
 * Parses buf[0..len) (need not be NUL-terminated; a UTF-8 BOM is
 * skipped). Returns the document (caller frees with doc_free()), or NULL
 * after adding "PATH:LINE:COL: message" errors to d.
 */
doc *json_read_buffer(const char *path, const char *buf, size_t len,
                      const doc_limits *limits, diag *d);

/* Line and column (1-based, columns in code points) of byte offset off
 * in buf. */
void json_position(const char *buf, size_t off, unsigned *line, unsigned *col);

#endif
