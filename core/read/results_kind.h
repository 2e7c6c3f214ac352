/*
 * results_kind.h - what a file given where a results document is
 * expected holds instead, told from its top-level keys: a data file
 * (units with input values: "units" without "model", "unit" or
 * "values", a list of units, CSV or JSON Lines) or a model ("model"
 * with "inputs" or "indices", no "units"); and the message that says
 * so, with the command that makes a results document from it.
 */
#ifndef CHISO_RESULTS_KIND_H
#define CHISO_RESULTS_KIND_H

#include "read/doc.h"
#include "util/diag.h"

#include <stddef.h>

typedef enum results_kind {
	RESULTS_KIND_OTHER = 0, /* neither: the reader's own errors stand */
	RESULTS_KIND_DATA,
	RESULTS_KIND_MODEL
} results_kind;

/* The top-level keys of a document, as the results reader notes them. */
typedef struct results_keys {
	int list;        /* the document is a list */
	int model;       /* "model" */
	int units;       /* "units" */
	int model_parts; /* "inputs" or "indices" */
	int unit_parts;  /* "unit" or "values" */
} results_keys;

/* What keys say the document is. */
results_kind results_kind_of_keys(const results_keys *k);

/* The same for a parsed document's root (NULL: other). */
results_kind results_kind_of_tree(const doc_node *root);

/*
 * Adds to d, at file, "this is a data file (units with input values),
 * not a results document; score it first: chiso evaluate -f json -o
 * results.json MODEL FILE", or for a model "this is a model, not a
 * results document; score data with it first: chiso evaluate -f json
 * -o results.json FILE DATA...". Nothing for RESULTS_KIND_OTHER.
 */
void results_kind_error(diag *d, const char *file, results_kind k);

#endif
