/*
 * yaml_reader.h - YAML text into a doc tree, through libyaml's event
 * API, with limits on size, depth, nodes and scalar length. Anchors,
 * aliases, tags, complex keys, duplicate keys and multiple documents are
 * refused: none has a use in a model or a data file, and aliases let a
 * small file expand without bound.
 */
#ifndef CHISO_YAML_READER_H
#define CHISO_YAML_READER_H

#include "read/doc.h"
#include "util/diag.h"

/*
 * Parses buf[0..len) (need not be NUL-terminated); path names it in
 * messages. Returns the document (caller frees with doc_free()), or NULL
 * after adding "PATH:LINE:COL: message" errors to d.
 */
doc *yaml_read_buffer(const char *path, const char *buf, size_t len,
                      const doc_limits *limits, diag *d);

#endif
