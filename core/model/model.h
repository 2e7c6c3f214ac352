/*
 * model.h - a loaded assessment model: its inputs, its tree of indices
 * and indicators, and each indicator's prepared plugin.
 *
 * Loading resolves every name once: inputs become slots, methods become
 * plugin descriptors with prepared state, the tree becomes arrays in
 * model (pre-)order. Evaluation then does no string look-ups.
 *
 * Ownership: model_load() returns a model the caller frees with
 * model_free(), before freeing the plugin registry it was loaded with.
 * Every pointer reachable from a model is borrowed from it.
 */
#ifndef CHISO_MODEL_H
#define CHISO_MODEL_H

#include "chiso/plugin.h"
#include "plugin/plugin_loader.h"
#include "read/doc.h"
#include "util/diag.h"

#include <stddef.h>

/* What to do when an input an indicator needs is missing. */
typedef enum missing_policy {
	MISSING_ZERO = 0,    /* the indicator scores 0, status missing */
	MISSING_EXCLUDE = 1, /* the indicator drops out like na */
	MISSING_ERROR = 2    /* the unit is invalid */
} missing_policy;

/* A min or max of an input: none, a number, or another input's value. */
typedef struct input_bound {
	enum { BOUND_NONE = 0, BOUND_NUMBER, BOUND_INPUT } kind;
	double number;
	int slot; /* BOUND_INPUT: the other input */
} input_bound;

typedef struct model_input {
	const char *id;
	const char *label;       /* defaults to id */
	const char *unit;        /* may be NULL: "người", "%" */
	const char *description; /* may be NULL */
	unsigned type;           /* one chiso_input_type flag */
	input_bound min, max;
	const char **choices; /* choice: names in order */
	size_t nchoices;
	const char **choice_labels; /* choice: each one's label (the model's
	                               choice_labels), NULL where none */
	char **choice_folds; /* choice: 2 per choice, its name then its label
	                        folded (util/nfc.h: no case, no diacritics;
	                        NULL where no label), for data written loosely */
	size_t *used_by;     /* node indices of the indicators that bind it */
	size_t nused;
	int required; /* some indicator binds it without CHISO_BIND_OPTIONAL:
	                 a unit without it loses points (the missing policy) */
	unsigned line, col;
} model_input;

/* One dependency of an indicator: a slot and its bind flags. */
typedef struct model_dep {
	int slot;
	unsigned flags;
} model_dep;

/* What an indicator with evidence_required does when a unit gives none
 * (eval/evidence_rule.h). */
enum { EVIDENCE_WARN = 1, EVIDENCE_WITHHOLD = 2 };

typedef struct model_node {
	const char *id;
	const char *name;
	const char *kind;        /* "mandatory", "extended" or NULL */
	const char *evidence;    /* may be NULL */
	const char *source;      /* may be NULL */
	const char *note;        /* may be NULL */
	const char *description; /* may be NULL */
	int provisional;
	int evidence_required; /* EVIDENCE_WARN or EVIDENCE_WITHHOLD, else 0 */
	double points;         /* as declared */
	int parent;            /* node index, -1 for a main index */
	unsigned depth;
	size_t *children; /* node indices, in order */
	size_t nchildren;
	/* leaves only: */
	int is_leaf;
	size_t leaf; /* position among the leaves */
	const char *method;
	const plugin_info *plugin;
	void *state;            /* from prepare; released by model_free */
	int prepared;           /* prepare succeeded: release is due */
	int isolated;           /* model.isolate names its method */
	const doc_node *params; /* borrowed from the model's doc */
	model_dep *deps;
	size_t ndeps;
	char *missing_hint; /* ABI 1.3 missing_hint: owned, may be NULL */
	unsigned line, col;
} model_node;

/* A named aggregate over nodes, e.g. the DTI pillars: value = points
 * earned / available over its nodes. */
typedef struct model_view {
	const char *id;
	const char *name;
	const char *description; /* may be NULL */
	size_t *nodes;           /* node indices */
	size_t nnodes;
	unsigned line, col;
} model_view;

/* A recognition level ("đạt chuyển đổi số"); classes are checked in
 * order and the first whose conditions all hold is the unit's. */
typedef struct model_class {
	const char *id;
	const char *name;
	const char *description; /* may be NULL */
	int has_min_value;
	double min_value;  /* on the unit's published (rounded) value */
	int mandatory_all; /* every applicable mandatory indicator met */
	int has_extended_min;
	double extended_min; /* share of applicable extended ones met */
	unsigned line, col;
} model_class;

/* The method of an indicator whose rule is still to be written: what
 * 'chiso import-criteria' puts in every indicator without a method.
 * The loader refuses it with advice; no plugin may take this name. */
#define MODEL_METHOD_PLACEHOLDER "todo"

typedef struct chiso_model {
	char *path;
	char sha256[65];
	const char *id, *version, *title, *issuer, *basis, *level;
	const char *years;         /* the years it applies to, as written */
	const char *superseded_by; /* what replaced it (historical), or NULL */
	const char *description;
	int precision;
	missing_policy missing;
	model_input *inputs;
	size_t ninputs;
	model_node *nodes; /* pre-order: a parent before its children */
	size_t nnodes;
	size_t *roots; /* the main indices */
	size_t nroots;
	size_t *leaves; /* node indices of the indicators, in order */
	size_t nleaves;
	double total_points;
	model_view *views;
	size_t nviews;
	model_class *classes;
	size_t nclasses;
	const struct rs_set *children; /* from model_env; may be NULL */
	int for_evaluation;            /* from model_env */
	const char *plugin_language;   /* from model_env: "vi" or "en" */
	const char *missing_word;      /* "missing input" in that language: the
	                             note chiso writes for a missing input
	                             (static or the catalog's) */
	const char **child_inputs;     /* ids bound by bind_child_input */
	size_t nchild_inputs;
	int *input_hash; /* open addressing: slot+1, 0 = empty */
	size_t input_hash_size;
	doc *doc;
	plugin_registry *plugins; /* borrowed */
} chiso_model;

/*
 * Reads, checks and prepares the model at path, loading methods through
 * reg. Reports every problem found to d ("FILE:LINE:COL: message").
 * Returns the model, or NULL when there was any error.
 */
chiso_model *model_load(const char *path, plugin_registry *reg, diag *d);

/* What a model's plugins may use besides the unit's own data: the
 * results of child units (chiso evaluate --children), for methods that
 * roll up from children (ABI 1.2 child_* services). Borrowed: must
 * outlive the model. */
typedef struct model_env {
	const struct rs_set *children; /* NULL: none given */
	int for_evaluation;          /* 1: methods that read children need them
	                       (chiso evaluate); 0: they load without (validate,
	                       template, doc) */
	const char *plugin_language; /* what plugins are told to write in
	                                (ABI 1.4): "vi" or "en"; NULL: the
	                                run's, i18n_current_code() */
} model_env;

/* model_load with an environment (env may be NULL). */
chiso_model *model_load_env(const char *path, plugin_registry *reg,
                            const model_env *env, diag *d);

/* Same, from text already in memory (for tests and fuzzing). */
chiso_model *model_load_buffer(const char *path, const char *buf, size_t len,
                               plugin_registry *reg, diag *d);
chiso_model *model_load_buffer_env(const char *path, const char *buf,
                                   size_t len, plugin_registry *reg,
                                   const model_env *env, diag *d);

/* Releases every plugin state, then frees the model. m may be NULL. */
void model_free(chiso_model *m);

/* The slot of input id, or -1: a hash look-up, from the moment the
 * loader has read the inputs' ids (before their specs, so that bounds
 * and plugins bind by hash too). */
int model_input_slot(const chiso_model *m, const char *id);

/*
 * The input id nearest to id, for "did you mean" (borrowed from m), or
 * NULL. It costs a pass over every input: callers skip it for messages
 * no one will read (diag_full()), so that many unknown names stay
 * linear.
 */
const char *model_suggest_input(const chiso_model *m, const char *id);

/* The view with this id, or -1. */
int model_view_index(const chiso_model *m, const char *id);

/* Name of an input type flag: "integer", "number", ... */
const char *model_type_name(unsigned type);
/* The same in the run's language (util/i18n.h), for what people read. */
const char *model_type_label(unsigned type);

/* The node with this id, or -1. Linear: for load time and commands. */
int model_node_index(const chiso_model *m, const char *id);

/* 1 when model.isolate names the method of some indicator. */
int model_isolates_any(const chiso_model *m);

#endif
