/*
 * results_set.h - results documents read back, for the commands that
 * work on scores rather than data: rank, compare, gaps, report.
 *
 * A results document carries its model's tree, views and classes, so
 * these commands need neither the model file nor the plugins. Documents
 * are read as a stream (read/json_stream.h: a piece of the file at a
 * time), each unit parsed, checked and kept as compact arrays as it
 * arrives: memory follows the units, not the size of the file, and
 * national scale (10,600 units) is the everyday case.
 * Several files may be read into one set; each distinct model (id,
 * version, sha256) is kept once. What a document says is checked as it
 * is read (read/results_check.h), so that nothing published from it can
 * differ from what its numbers add up to.
 *
 * Ownership: the set owns everything (one arena); rs_free() frees it.
 * Every pointer reachable from a set is borrowed from it.
 */
#ifndef CHISO_RESULTS_SET_H
#define CHISO_RESULTS_SET_H

#include "read/doc.h"
#include "util/diag.h"

#include <stddef.h>

typedef struct rs_node {
	const char *id, *name;
	const char *method; /* leaves only, else NULL */
	const char *kind;   /* "mandatory", "extended" or NULL */
	double points;      /* as declared */
	int parent;         /* node index, -1 for a main index */
	unsigned depth;
	int is_leaf;
} rs_node;

typedef struct rs_named {
	const char *id, *name;
} rs_named;

/* A view's nodes, as model.views lists them (what evaluate writes);
 * given 0 when the document does not list them (what chiso merge
 * writes), and then the sums over them are not checked. */
typedef struct rs_view_def {
	const size_t *nodes; /* node indices */
	size_t nnodes;
	int given;
} rs_view_def;

/* A class's conditions, as model.classes gives them (what evaluate
 * writes); given 0 when it gives none (what chiso merge writes), and then
 * the units' classes are not checked. */
typedef struct rs_class_rule {
	double min_value, extended_min;
	int has_min_value, mandatory_all, has_extended_min;
	int given;
} rs_class_rule;

/* model.missing; RS_MISSING_UNKNOWN when the document does not say (chiso
 * merge). */
enum rs_missing {
	RS_MISSING_UNKNOWN = -1,
	RS_MISSING_ZERO = 0,
	RS_MISSING_EXCLUDE = 1,
	RS_MISSING_ERROR = 2
};

typedef struct rs_model {
	const char *id, *version, *title, *sha256, *file;
	int precision;
	double points;
	rs_node *nodes; /* model order */
	size_t nnodes;
	size_t *roots; /* the main indices */
	size_t nroots;
	rs_named *views;
	size_t nviews;
	rs_named *classes;
	size_t nclasses;
	int missing;                /* enum rs_missing */
	rs_view_def *view_defs;     /* per view */
	rs_class_rule *class_rules; /* per class */
	size_t *by_id;              /* node indices sorted by id (look-ups) */
} rs_model;

enum rs_status { RS_OK = 0, RS_ERROR = 1, RS_INVALID = 2 };

/* Node statuses, as chiso_status: ok 0, na 1, error 2, missing 3. */

typedef struct rs_unit {
	const char *code, *name, *level, *parent, *period, *stage;
	const char *file; /* the results file it came from */
	size_t model;     /* index into set->models */
	int status;       /* enum rs_status */
	double points, max, value;
	int klass;             /* class index in its model, -1 = none */
	const char *class_why; /* why higher classes failed, "" = none */
	/* Per node of its model (NULL for invalid units): */
	double *node_points, *node_max, *node_value;
	unsigned char *node_status;
	double *node_raw; /* leaves with a raw value */
	unsigned char *node_has_raw;
	const char **node_note, **node_hint; /* leaves; "" when none */
	/* Per node, the decisions of an appraisal on it as one text
	 * ("appraised: points 10 -> 7.5 (BY, AT): REASON"; "" when none);
	 * NULL when the unit has none (chiso appraise). */
	const char **node_decision;
	/* Per view of its model: */
	double *view_points, *view_max, *view_value;
	/* The values as read: ids and their text (numbers as written). */
	const char **value_ids, **value_texts;
	size_t nvalues;
	const char **problems;
	size_t nproblems;
	/* A unit made by chiso merge ("derived"): its predecessors' codes
	 * (none for other units). */
	const char **derived_from;
	size_t nderived_from;
	/* The required inputs the unit lacked ("missing"; none when it had
	 * every one): it was scored by its model's missing policy. */
	const char **missing;
	size_t nmissing;
	/* The unit's JSON object as it was in the file, when the set keeps
	 * it (keep_text); else NULL. */
	const char *text;
} rs_unit;

typedef struct rs_set {
	rs_model *models;
	size_t nmodels;
	rs_unit *units;
	size_t nunits, cap;
	doc *arena;        /* owns every string and array */
	int lean;          /* set before reading: skip values, and the notes and
	               hints of units scored ok (rank and report need none
	               of them; saves memory at national scale): their
	               node_note and node_hint are one array of "" shared
	               by all of them (read-only) */
	doc_limits limits; /* doc_limits_data; may be changed before
	                      reading (--max-file-mb) */
	int keep_text;     /* set before reading: keep each unit's JSON text
	                      (chiso merge copies the units it keeps) */
	size_t read_chunk; /* bytes read from a file at a time; 0: 1 MiB
	                      (read/json_stream.h). rs_init() takes it from
	                      the environment's CHISO_READ_CHUNK when set:
	                      tests set it small */
	const char *language; /* the language of the notes of the documents
	                         read: "vi", "en", "mixed" (some of each),
	                         or NULL when none says (static strings) */
} rs_set;

/* Makes set empty. */
void rs_init(rs_set *set);
/* Frees everything set holds. */
void rs_free(rs_set *set);

/*
 * Reads the results document at path (JSON, as written by "chiso
 * evaluate --format json" or "chiso merge"; "-": standard input) and
 * appends its units, each scored unit checked as it is read
 * (read/results_check.h: the document must add up). Memory follows what
 * the file holds: a unit must list every node and view of its model
 * before room is made for them. Returns 0, or -1 with "PATH:LINE:COL:
 * message" errors in d (nothing of the file added); the first rule a
 * unit breaks stops the file, but a problem of the text further on (not
 * UTF-8, not JSON) is the one reported, as is what the top level says
 * (not results, an unsupported format): docs/results-format.md.
 */
int rs_read_file(rs_set *set, const char *path, diag *d);

/* Same, from text in memory (buf[0..len), no NUL needed), named path in
 * messages (for tests and fuzzing). */
int rs_read_buffer(rs_set *set, const char *path, const char *buf, size_t len,
                   diag *d);

/* The node or view of model with this id, or -1. */
int rs_node_index(const rs_model *m, const char *id);
int rs_view_index(const rs_model *m, const char *id);

/* The value of unit u as published (rounded to its model's precision). */
double rs_published(const rs_set *set, double value, const rs_unit *u);

#endif
