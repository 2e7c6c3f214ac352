/*
 * doc.h - a parsed YAML or JSON document as a small tree with the
 * position of every node, so that every later error can name
 * FILE:LINE:COL.
 *
 * Ownership: a doc owns all its nodes and strings (in one arena);
 * doc_free() frees them all. Every node and string pointer obtained from a
 * doc is borrowed, valid until doc_free().
 */
#ifndef CHISO_DOC_H
#define CHISO_DOC_H

#include "util/read_limits.h"

#include <stddef.h>

/* Node kinds; the values equal chiso_param_kind of plugin.h. */
typedef enum doc_kind { DOC_SCALAR = 1, DOC_MAP = 2, DOC_SEQ = 3 } doc_kind;

typedef struct doc_node doc_node;
struct doc_node {
	doc_kind kind;
	unsigned char quoted; /* scalar written quoted: always a string */
	unsigned line, col;   /* 1-based; 0 when unknown */
	const char *text;     /* scalar: NUL-terminated UTF-8 */
	size_t len;           /* scalar: bytes of text */
	size_t count;         /* map entries or seq items */
	doc_node **items;     /* seq items, or map values */
	doc_node **keys;      /* map keys (scalars), parallel to items */
};

typedef struct doc {
	char *path;     /* as given by the caller */
	doc_node *root; /* NULL for an empty document */
	size_t nodes;   /* nodes made so far */
	struct doc_chunk *chunks;
	struct doc_chunk *spare; /* chunks kept by doc_reset(), for reuse */
} doc;

/* A new empty document for path. Caller frees with doc_free(). */
doc *doc_new(const char *path);
/* Frees d and everything in it; d may be NULL. */
void doc_free(doc *d);
/* Empties d for another tree (every node and string of d is gone), its
 * memory kept for reuse: the readers of one record at a time. */
void doc_reset(doc *d);

/* n bytes of zeroed, suitably aligned memory owned by d. */
void *doc_alloc(doc *d, size_t n);
/* A NUL-terminated copy of s[0..len) owned by d. */
char *doc_strndup(doc *d, const char *s, size_t len);

/* A new node of kind at line:col, owned by d. */
doc_node *doc_node_new(doc *d, doc_kind kind, unsigned line, unsigned col);

/* The value under key in map, or NULL (also when map is not a map).
 * Borrowed. */
doc_node *doc_get(const doc_node *map, const char *key);

/* The name of a kind for messages: "a scalar", "a mapping", "a list". */
const char *doc_kind_name(doc_kind kind);

/*
 * Finds a repeated key in map. Returns the later of the first pair of
 * equal keys found (its node, for the position), or NULL when all keys
 * are distinct. O(n log n).
 */
const doc_node *doc_find_duplicate_key(const doc_node *map);

/* The same for the items of a list of scalars; NULL when seq is not a
 * list of scalars or its items are distinct. */
const doc_node *doc_find_duplicate_item(const doc_node *seq);

#endif
