/*
 * batch.h - the units of one evaluation run: their identity, their input
 * values (as slots of the model's inputs), and after evaluation their
 * results, in flat arrays sized once so that evaluation allocates nothing
 * per indicator.
 *
 * Strings (codes, names, text values, evidence, notes, problems) live in
 * one pool and are referred to by offset; offset 0 is the empty string.
 *
 * Ownership: a batch owns everything in it; batch_free() frees it. It
 * borrows its model, which must outlive it.
 */
#ifndef CHISO_BATCH_H
#define CHISO_BATCH_H

#include "model/model.h"
#include "util/read_limits.h"
#include "util/strbuf.h"

#include <stddef.h>

/* One input value of one unit. */
typedef struct unit_value {
	double num;      /* integer, number; boolean 0/1; choice index */
	size_t text;     /* pool: text, or the choice's name */
	size_t evidence; /* pool: what proves it, 0 = none */
	size_t comment;  /* pool: the assessor's comment, 0 = none */
	unsigned char present;
} unit_value;

/* Identity and state of one unit. Strings are pool offsets. */
typedef struct unit_rec {
	size_t code, name, level, parent, period, stage;
	size_t file;         /* pool: the data file it came from */
	unsigned line, col;  /* where its record starts */
	size_t place;        /* pool: the same for messages, "FILE:LINE:COL"
	                        or as its reader names it ("FILE:Sheet1!A7") */
	int invalid;         /* bad data: not evaluated */
	int invalid_by_eval; /* invalid was set by evaluation (missing: error) */
	int failed;          /* evaluated, but an indicator errored */
	size_t first_problem; /* index+1 into the problem list, 0 = none */
	size_t last_problem;
	size_t ev_first, ev_count; /* its evidence files (batch.evidence) */
} unit_rec;

/* An evidence file the data names for an indicator of a unit
 * (eval/evidence_files.h). Strings are pool offsets. */
typedef struct unit_evidence {
	size_t node;  /* the indicator's node index */
	size_t file;  /* the reference, as given */
	size_t sha;   /* its SHA-256 (hex), 0 = not checked */
	size_t place; /* where the data names it, "FILE:LINE:COL" */
} unit_evidence;

typedef struct batch_problem {
	size_t text;   /* pool: in English, as the results store it */
	size_t shown;  /* pool: in the run's language, as messages print it */
	size_t next;   /* index+1 of the unit's next problem, 0 = last */
	int from_eval; /* added by evaluation, not by reading the data */
} batch_problem;

typedef struct batch {
	const chiso_model *model;
	strbuf pool;
	unit_rec *units;
	size_t nunits, cap;
	unit_value *values; /* nunits x model->ninputs */
	batch_problem *problems;
	size_t nproblems, problems_cap;
	unit_evidence *evidence; /* by unit (unit_rec.ev_first) */
	size_t nevidence, evidence_cap;
	/* Results, allocated by batch_alloc_results(): */
	double *node_points;        /* nunits x nnodes: points earned */
	double *node_max;           /* nunits x nnodes: points available */
	unsigned char *node_status; /* nunits x nnodes: chiso_status */
	double *leaf_fraction;      /* nunits x nleaves */
	double *leaf_raw;           /* nunits x nleaves */
	unsigned char *leaf_has_raw;
	size_t *leaf_note;   /* nunits x nleaves: pool */
	size_t *leaf_hint;   /* nunits x nleaves: pool, 0 = none */
	double *unit_points; /* nunits: total earned */
	double *unit_max;    /* nunits: total available */
	double *view_points; /* nunits x nviews */
	double *view_max;    /* nunits x nviews */
	int *unit_class;     /* nunits: class index, -1 = none */
	int evaluated;
	/* Set before eval_batch(): run every plugin's compute in a worker
	 * process (isolate_all), or only the indicators the model marks
	 * isolated; each call within isolate_ms milliseconds. */
	int isolate_all;
	long isolate_ms;
	/* After this many lost computations (crash or time limit) of one
	 * isolated indicator on consecutive units, the rest of the run
	 * marks it error without running it (BATCH_MAX_LOST by default);
	 * 0: never gives up. */
	size_t isolate_max_lost;
	int problems_from_eval; /* see batch_problems_from_eval() */
	/* Set by batch_init() to the defaults, may be changed before
	 * loading data: limits of each data file (--max-file-mb), and the
	 * most units the batch takes (--max-units). */
	doc_limits limits;
	size_t max_units;
	/* Required inputs the units lack (model_input.required, no value),
	 * counted as each data file is read (eval/data_file.c): values
	 * missing, units lacking at least one, and how many of the values
	 * were warned about one by one (at most BATCH_MISSING_SHOWN). */
	size_t missing_values, missing_units, missing_shown;
	/* Called by eval_batch() once every indicator was computed, before
	 * the sums: an appraisal's decisions (eval/appraisal.h); NULL:
	 * none. The arg is borrowed. */
	void (*before_sums)(struct batch *b, void *arg);
	void *before_sums_arg;
	/* The appraisal the results document records (decisions, inputs
	 * corrected, basis files); NULL: none. Borrowed. */
	const struct appraisal *audit;
} batch;

/* Missing values warned about one by one in a run; the rest are counted
 * in a summary. */
#define BATCH_MISSING_SHOWN 10

/* The default of isolate_max_lost. */
#define BATCH_MAX_LOST 3

/* Makes b an empty batch for model m. */
void batch_init(batch *b, const chiso_model *m);
/* Frees everything b holds. */
void batch_free(batch *b);

/* Copies s[0..len) into the pool; returns its offset. */
size_t batch_intern(batch *b, const char *s, size_t len);
/* Same for a NUL-terminated string; NULL and "" give 0. */
size_t batch_intern_str(batch *b, const char *s);
/* The string at offset off. Borrowed, valid until the pool next grows. */
const char *batch_str(const batch *b, size_t off);

/* Adds a unit with no values; returns its index. */
size_t batch_add_unit(batch *b);
/* The values row of unit u (model->ninputs entries). Borrowed, valid
 * until the next batch_add_unit(). */
unit_value *batch_values(batch *b, size_t u);

/* The first slot at or after from of a required input (model_input.
 * required) that unit u has no value for; model->ninputs when there is
 * none. Loop: for (i = batch_next_missing(b, u, 0); i < ninputs;
 * i = batch_next_missing(b, u, i + 1)). */
size_t batch_next_missing(const batch *b, size_t u, size_t from);

/* How many required inputs unit u has no value for. */
size_t batch_unit_missing(const batch *b, size_t u);

/* Adds a problem message to unit u (the same text stored and shown). */
void batch_problem_add(batch *b, size_t u, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Adds a problem to unit u: text in English, stored in the results (a
 * results document does not depend on the language), and shown, the same
 * problem in the run's language (NULL: text), which messages print. */
void batch_problem_add2(batch *b, size_t u, const char *text,
                        const char *shown);

/* Marks problems added from now on as evaluation's (1) or the data's
 * (0, the default). */
void batch_problems_from_eval(batch *b, int on);

/* Drops the results of an earlier evaluation: frees the result arrays,
 * clears the failed flags and the invalid flags evaluation set, and
 * unlinks the problems evaluation added. Does nothing before the first. */
void batch_reset_results(batch *b);

/* Sizes the result arrays for the units now in b. */
void batch_alloc_results(batch *b);

/* The value of node i of unit u: earned / available; for a node of 0
 * points (collected, not scored) with status ok, a leaf's fraction or a
 * group's mean of its children's values; else 0 when nothing is
 * available. */
double batch_node_value(const batch *b, size_t u, size_t i);

/* The unit's value: total earned / total available (0 when none). */
double batch_unit_value(const batch *b, size_t u);

/* Index helpers for the result arrays. */
#define BATCH_NODE(b, u, i) ((u) * (b)->model->nnodes + (i))
#define BATCH_LEAF(b, u, k) ((u) * (b)->model->nleaves + (k))
#define BATCH_VIEW(b, u, v) ((u) * (b)->model->nviews + (v))

#endif
