/*
 * results_fields.h - what the readers of one results document share
 * (read/results_set.c reads its units, read/results_model.c its model
 * section): the file being read, and its fields read into the set, text
 * kept in the set's arena and numbers checked.
 *
 * Ownership: a reader borrows its set; text returned is owned by the
 * set's arena (freed by rs_free()).
 */
#ifndef CHISO_RESULTS_FIELDS_H
#define CHISO_RESULTS_FIELDS_H

#include "read/doc.h"
#include "read/results_set.h"
#include "read/schema.h"

#include <stddef.h>

/* One results file being read. */
struct rs_reader {
	rs_set *set;
	schema_ctx sc;      /* the file's name and where messages go */
	const char *file;   /* arena copy */
	size_t model;       /* its model: an index into set->models */
	int failed;         /* a rule broken: the file is refused */
	size_t len;         /* bytes of the file */
	size_t slots;       /* node and view slots held for its merged units */
	const char **blank; /* the notes and hints of a lean set's units scored
	                     ok: "" for each node, shared */
};

/* A copy of scalar n's text in the set's arena; "" for NULL, a null
 * scalar or a node that is not a scalar. Owned by the set. */
const char *rs_field_text(rs_set *set, const doc_node *n);

/* The number under key in map; 0 when absent or null, and 0 for a
 * subnormal number (a value chiso computed and wrote, far below any
 * score). A value that is not a number is reported (r->failed). */
double rs_field_number(struct rs_reader *r, const doc_node *map,
                       const char *key);

#endif
