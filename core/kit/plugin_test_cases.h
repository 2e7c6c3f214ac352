/*
 * plugin_test_cases.h - the cases file of "chiso plugin test", read
 * and checked: what the file declares (its inputs, missing policy and
 * children results) and each case with what it expects, ready for the
 * runner (plugin_test.c) and the text generator (plugin_test_text.c).
 * plugin_test.h has the format.
 *
 * pt_file_read() reports every problem of the file in d at its place
 * (FILE:LINE:COL), unknown keys included, so that no case runs from a
 * wrong file.
 *
 * Ownership: a pt_file owns its doc, gen_path, cases and kids (freed by
 * pt_file_free()) and borrows its path; everything a pt_case or its
 * pt_expect points to is borrowed from the pt_file's doc, valid until
 * pt_file_free().
 */
#ifndef CHISO_PLUGIN_TEST_CASES_H
#define CHISO_PLUGIN_TEST_CASES_H

#include "read/doc.h"
#include "read/results_set.h"
#include "util/diag.h"

#include <stddef.h>

/* How a case checks the raw value. */
enum raw_check { RAW_ANY = 0, RAW_VALUE, RAW_NONE };

/* What one case expects. A NULL text is not checked; the texts are
 * borrowed from the cases file's doc. */
struct pt_expect {
	const char *prepare_error;   /* loading fails with this text */
	const char *prepare_warning; /* loading warns with this text */
	int status;                  /* chiso_status; ok unless given */
	int has_fraction;
	double fraction;
	double tolerance; /* of fraction and raw */
	enum raw_check raw_check;
	double raw;
	const char *note, *note_contains;
	const char *hint, *hint_contains;
};

/* One case. Every pointer is borrowed from the cases file's doc. */
struct pt_case {
	const doc_node *node; /* the case's map: unmapped places go here */
	const doc_node *name_node;
	const char *name;
	const doc_node *code;   /* NULL: the unit's code is "case" */
	const doc_node *params; /* NULL: the model gives none */
	const doc_node *values; /* NULL: no values */
	const doc_node *others; /* NULL: the unit is alone; else a list of
	                           value maps (or nulls), units other1... */
	const doc_node *points; /* NULL: 1 point */
	struct pt_expect ex;
};

/* The cases file, read and checked. Owns doc, gen_path, cases and
 * kids. */
struct pt_file {
	const char *path; /* as given (borrowed) */
	char *gen_path;   /* the name generated texts are loaded under */
	doc *doc;
	const doc_node *inputs;
	const doc_node *missing; /* NULL: the model's default */
	struct pt_case *cases;
	size_t ncases;
	rs_set kids;  /* the children results of "children:" */
	int has_kids; /* 0: no "children:" key */
};

/*
 * Reads and checks the cases file at path into *pf, which it fills
 * from scratch. pf borrows path (it must outlive pf) and owns the rest.
 * Returns 0, or -1 with errors in d; either way pf must be freed with
 * pt_file_free().
 */
int pt_file_read(struct pt_file *pf, const char *path, diag *d);

/* Frees what pt_file_read() made (pf itself is the caller's). */
void pt_file_free(struct pt_file *pf);

/* The number of units of case c: its own and the others. */
size_t pt_case_units(const struct pt_case *c);

#endif
