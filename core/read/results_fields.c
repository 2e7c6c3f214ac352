/*
 * results_fields.c - fields of a results document read into its set.
 */
#include "read/results_fields.h"

#include "util/numfmt.h"

const char *rs_field_text(rs_set *set, const doc_node *n)
{
	if (!n || n->kind != DOC_SCALAR || schema_is_null(n))
		return "";
	return doc_strndup(set->arena, n->text, n->len);
}

double rs_field_number(struct rs_reader *r, const doc_node *map,
                       const char *key)
{
	const doc_node *n = doc_get(map, key);
	double x = 0;

	int rc;

	if (!n || schema_is_null(n))
		return 0;
	if (n->kind == DOC_SCALAR && !n->quoted) {
		rc = numfmt_parse(n->text, &x);
		if (rc == 0)
			return x;
		/* A subnormal value chiso computed and wrote (far below any
		 * score, e.g. a ratio of 1e-300 to 1e10) reads as 0: it is
		 * not refused as a number a person wrote in a model or data
		 * file would be. */
		if (rc == NUMFMT_UNDERFLOW)
			return 0;
	}
	if (schema_number(&r->sc, n, key, &x) < 0)
		r->failed = 1;
	return x;
}
