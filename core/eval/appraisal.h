/*
 * appraisal.h - the council's decisions on a stage's results (thẩm định):
 * what an appraisal file says, checked against the model and the units
 * appraised, and what each decision changed.
 *
 * An appraisal file (CSV, an .xlsx workbook's first sheet, or YAML: a
 * list "decisions:" of mappings) holds one decision per row, the columns
 * exactly unit,kind,id,value,reason,by,at,evidence:
 *   input   input ID of the unit is corrected to VALUE (typed as in data);
 *   points  indicator ID is awarded exactly VALUE points (0 to its max);
 *   na      indicator ID does not apply to the unit (VALUE empty).
 * reason and by are required, at is a date YYYY-MM-DD, evidence optional
 * references separated by '|'.
 *
 * Ownership: an appraisal owns its decisions, records and strings;
 * appraisal_free() frees them. Input values of decisions live in the
 * pool of the batch they were read against (unit_value offsets). Every
 * pointer obtained from an appraisal is borrowed, valid until
 * appraisal_free().
 */
#ifndef CHISO_APPRAISAL_H
#define CHISO_APPRAISAL_H

#include "eval/batch.h"
#include "util/diag.h"

#include <stddef.h>

typedef enum appr_kind { APPR_INPUT, APPR_POINTS, APPR_NA } appr_kind;

/* One decision. */
typedef struct appr_decision {
	appr_kind kind;
	size_t unit;      /* index in the batch */
	size_t target;    /* APPR_INPUT: input slot; else node index */
	unit_value value; /* APPR_INPUT: the corrected value */
	unit_value old;   /* APPR_INPUT: the value before */
	double points;    /* APPR_POINTS: the points awarded */
	char *reason, *by, *at;
	char *evidence; /* "" or references separated by '|' */
	char *stage;    /* the stage it made: "appraised" or "final" */
	char *source;   /* where it was read: "FILE:ROW" (or FILE:LINE:COL) */
	int prior;      /* read from the results appraised (an earlier stage) */
	/* With an evidence directory: each reference of evidence, a file
	 * in it, and the file's SHA-256 (nev of each). */
	char **ev_files;
	char (*ev_sha)[65];
	size_t nev;
} appr_decision;

/* What one decision changed at one indicator of its unit. */
typedef struct appr_record {
	size_t decision; /* index in the decisions */
	size_t unit, node;
	double from, to; /* the indicator's points before and after */
	const char *from_status, *to_status; /* static names */
} appr_record;

/* One file a results document was made from, and its SHA-256. */
typedef struct appr_basis {
	char *role; /* "model", "results", "appraisal" */
	char *file; /* as given */
	char sha256[65];
} appr_basis;

typedef struct appraisal {
	appr_decision *items;
	size_t n, cap;
	appr_record *records;
	size_t nrecords, records_cap;
	appr_basis *basis;
	size_t nbasis, basis_cap;
	int applying_new; /* in appraisal_before_sums(): the new decisions too */
	/* Where the evidence files of new decisions are (--evidence-dir);
	 * NULL: references are text, not checked. Borrowed. */
	const char *evidence_dir;
} appraisal;

/* An empty appraisal. */
void appraisal_init(appraisal *a);
/* Frees everything a holds. */
void appraisal_free(appraisal *a);

/* Adds a basis entry (role and file copied). */
void appraisal_basis_add(appraisal *a, const char *role, const char *file,
                         const char sha256[65]);

/* A new zeroed decision at the end of a's list. Borrowed, valid until
 * the list next grows. */
appr_decision *appraisal_push(appraisal *a);

/* A new record at the end of a's records. Borrowed, valid until the
 * records next grow. */
appr_record *appraisal_push_record(appraisal *a);

/* The references of an evidence text ("a | b"): split at '|', trimmed,
 * empty ones left out, into a new list (caller frees each and the list
 * with free()); returns how many. */
size_t appraisal_evidence_refs(const char *evidence, char ***refs);

/* Adds file and its SHA-256 to x's evidence files (file copied). */
void appraisal_evidence_add(appr_decision *x, const char *file,
                            const char sha[65]);

/* Frees what decision x holds (its strings and evidence files). */
void appraisal_release(appr_decision *x);

/* Drops (and frees) the decisions from index first on. */
void appraisal_drop(appraisal *a, size_t first);

/* The name of a kind: "input", "points", "na". Static. */
const char *appraisal_kind_name(appr_kind kind);

/*
 * Reads the appraisal file at path (by its name: CSV, .xlsx, else YAML)
 * against the units of b and its model: every decision checked (unknown
 * unit, input or indicator with a suggestion, points above the maximum,
 * a value of the wrong type, a missing reason or by, a bad date, a
 * second decision on one target of a unit, here or in an earlier file),
 * each refusal an error "FILE:ROW:COL: ..." in d. The decisions made
 * stage `stage`. Records the file's SHA-256 as a basis "appraisal".
 * Returns 0, or -1 when any row was refused (nothing of the file kept).
 */
int appraisal_read_file(appraisal *a, batch *b, const char *path,
                        const char *stage, diag *d);

/*
 * Reads the decisions a results document records (its text buf[0..len),
 * read as data into b, unit for unit) as prior decisions of a: the
 * corrections of each unit and the decisions of each indicator, with
 * what they changed; with keep_basis, its basis files too; the
 * model.sha256 it records into model_sha ("" when none). Returns 0,
 * or -1 with "PATH:LINE:COL: ..." errors in d.
 */
int appraisal_read_recorded(appraisal *a, batch *b, const char *path,
                            const char *buf, size_t len, int keep_basis,
                            char model_sha[65], diag *d);

/*
 * The override of evaluation (batch.before_sums, arg an appraisal):
 * after every indicator was computed and before the sums, sets the
 * indicators of the points and na decisions (the prior ones, and the new
 * ones when a->applying_new).
 */
void appraisal_before_sums(batch *b, void *arg);

/* Sets each new input decision's value in b (keeping the old one in the
 * decision). */
void appraisal_correct_inputs(appraisal *a, batch *b);

/*
 * Records what each new decision changed: before holds the points, max
 * and status of every node of every unit (nunits x nnodes each) as
 * evaluated before the new decisions, b as evaluated after. Points and
 * na decisions record their indicator; an input decision every
 * indicator that reads the input.
 */
void appraisal_record(appraisal *a, const batch *b, const double *before_pts,
                      const unsigned char *before_status);

/*
 * Adds to the note of each indicator an input decision was recorded on
 * what was corrected, from what to what, by whom and why
 * ("...; dossiers_online corrected 1004 -> 950 (appraised, HĐTĐ: ...)"),
 * so that compare and report show it beside the numbers.
 */
void appraisal_annotate(const appraisal *a, batch *b);

/* Sorts the records by unit, then node, keeping the order of those of
 * one node (appraise_evaluate does, after the last is added). */
void appraisal_sort_records(appraisal *a);

/* The index of the first record at node of unit or after it, in records
 * sorted by appraisal_sort_records (nrecords when none is). */
size_t appraisal_first_record(const appraisal *a, size_t unit, size_t node);

#endif
