/*
 * schema.h - reading typed values out of doc nodes, with an error at
 * the node's FILE:LINE:COL when the shape is wrong. Shared by the model
 * and data loaders so that both speak the same way.
 *
 * Every function that returns a string returns a borrowed pointer into
 * the doc (valid until doc_free()).
 */
#ifndef CHISO_SCHEMA_H
#define CHISO_SCHEMA_H

#include "read/doc.h"
#include "util/diag.h"
#include "util/strbuf.h"

/* Where errors go: the diag and the file name used in messages. */
typedef struct schema_ctx {
	diag *d;
	const char *file;
} schema_ctx;

/* Reports an error at node n (at the file alone when n is NULL). */
void schema_error(const schema_ctx *sc, const doc_node *n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* 1 when n is a plain empty, "~" or "null" scalar (YAML's null). */
int schema_is_null(const doc_node *n);

/* Checks n is of kind; else reports "WHAT must be KIND, not KIND".
 * Returns 0 or -1. */
int schema_expect(const schema_ctx *sc, const doc_node *n, doc_kind kind,
                  const char *what);

/*
 * Reports every key of map that is not in the NULL-terminated list
 * allowed, as "unknown key 'x' in WHAT; did you mean 'y'? (allowed: a,
 * b, c)". Returns 0 when all are known, else -1.
 */
int schema_check_keys(const schema_ctx *sc, const doc_node *map,
                      const char *const *allowed, const char *what);

/*
 * Writes the text of the unknown-key message for key (without place):
 * "unknown key 'x' in WHAT; did you mean 'y'? (allowed: a, b, c)", in
 * English: the text a unit's problem stores in a results document.
 * Returns 1 when key is unknown (text written), 0 when it is allowed.
 */
int schema_unknown_key(strbuf *sb, const char *key, const char *const *allowed,
                       const char *what);

/* schema_unknown_key() in the run's language (WHAT translated too), for
 * a message only printed. */
int schema_unknown_key_tr(strbuf *sb, const char *key,
                          const char *const *allowed, const char *what);

/* Reports "WHAT: missing required key 'key'" at map when key is absent.
 * Returns the value node, or NULL. */
doc_node *schema_require(const schema_ctx *sc, const doc_node *map,
                         const char *key, const char *what);

/* The text of scalar n, or NULL after reporting that WHAT must be a
 * text value. A null scalar is refused unless allow_empty. */
const char *schema_string(const schema_ctx *sc, const doc_node *n,
                          const char *what, int allow_empty);

/* Reads a plain scalar as a finite number (numfmt_parse syntax). A
 * quoted scalar is refused with a hint to remove the quotes. Returns 0
 * or -1. */
int schema_number(const schema_ctx *sc, const doc_node *n, const char *what,
                  double *out);

/* Reads true/false (also yes/no, any case) from a plain scalar. */
int schema_bool(const schema_ctx *sc, const doc_node *n, const char *what,
                int *out);

/* 0 when every byte of s is in [a-z0-9] or in extra; else -1. */
int schema_check_chars(const char *s, const char *extra);

/* Returns the index of s in the NULL-terminated list words, or -1 after
 * reporting "WHAT must be one of: a, b, c". */
int schema_enum(const schema_ctx *sc, const doc_node *n, const char *what,
                const char *const *words);

#endif
