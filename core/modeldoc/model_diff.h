/*
 * model_diff.h - what changed between two versions of a model: the
 * report a province sends its districts to explain why scores moved.
 *
 * Nodes (indicators and groups) are matched by id; a node removed from
 * A and one added in B with the same name (after trimming) and the same
 * shape are taken as one node whose id changed. Each matched node is
 * compared field by field: name, parent (a move), points, indicator or
 * group, method, params (structurally: `{a: 1.0}` equals `a: 1`),
 * kind, provisional, the texts (evidence, source, note, description)
 * and the order of its children. Inputs, views, classes and the model
 * section are matched by id and compared the same way.
 *
 * Ownership: model_diff_build() fills a model_diff that borrows both
 * models (they must outlive it) and owns its changes;
 * model_diff_free() releases them.
 */
#ifndef CHISO_MODEL_DIFF_H
#define CHISO_MODEL_DIFF_H

#include "model/model.h"
#include "util/strbuf.h"

#include <stdio.h>

typedef enum model_diff_format {
	MODEL_DIFF_TABLE = 0,
	MODEL_DIFF_MD,
	MODEL_DIFF_JSON
} model_diff_format;

/* What a change is about. */
typedef enum md_section {
	MD_NODE = 0, /* an indicator or group */
	MD_INPUT,
	MD_VIEW,
	MD_CLASS,
	MD_MODEL, /* the model section: version, title, precision... */
	MD_NSECTIONS
} md_section;

/* The kind of a change; the JSON names are in md_kind_name(). */
typedef enum md_kind {
	MD_ADDED = 0,   /* in B only */
	MD_REMOVED,     /* in A only */
	MD_ID,          /* a node's id changed (matched by name) */
	MD_RENAMED,     /* same id, another name */
	MD_MOVED,       /* same id, another parent */
	MD_POINTS,      /* points changed */
	MD_METHOD,      /* another method (the rule changed) */
	MD_PARAMS,      /* same method, other params */
	MD_KIND,        /* mandatory / extended / none */
	MD_PROVISIONAL, /* provisional flag */
	MD_SHAPE,       /* an indicator became a group or the reverse */
	MD_ORDER,       /* children (or inputs, views, classes) reordered */
	MD_TEXT,        /* evidence, source, note or description */
	MD_CHANGED,     /* a field of an input, view, class or the model */
	MD_NKINDS
} md_kind;

/* One side of a change: nothing, a text, a number or a yes/no. */
typedef struct md_value {
	enum { MDV_NONE = 0, MDV_TEXT, MDV_NUMBER, MDV_BOOL } type;
	char *text;    /* MDV_TEXT: owned */
	double number; /* MDV_NUMBER; MDV_BOOL: 0 or 1 */
} md_value;

typedef struct md_change {
	md_section section;
	md_kind kind;
	/* The item in A and in B (a node, input, view or class index; for
	 * MD_ORDER of nodes the parent, both -1 for the main indices);
	 * -1 when a side has none. */
	int a, b;
	const char *field; /* MD_TEXT, MD_CHANGED, MD_ORDER: static */
	md_value before, after;
} md_change;

/* One row of the main indices table: B's order, then A's only. */
typedef struct md_index {
	int a, b; /* node index in A and B, -1 when not a main index */
} md_index;

typedef struct model_diff {
	const chiso_model *a, *b; /* borrowed */
	int identical;            /* same sha256: same bytes */
	md_change *changes;       /* owned */
	size_t nchanges;
	md_index *indices; /* owned */
	size_t nindices;
	int *map_ab; /* node of A -> node of B or -1; owned */
	int *map_ba; /* node of B -> node of A or -1; owned */
} model_diff;

/* Compares a (the earlier version) with b into d. Never fails. */
void model_diff_build(model_diff *d, const chiso_model *a,
                      const chiso_model *b);

/* Releases what d owns. */
void model_diff_free(model_diff *d);

/* Number of changes of this section and kind. */
size_t model_diff_count(const model_diff *d, md_section section, md_kind kind);

/* The JSON name of a kind: "added", "removed", "id", "renamed", ...
 * Static. */
const char *md_kind_name(md_kind kind);

/* The JSON name of a section: "node", "input", "view", "class",
 * "model". Static. */
const char *md_section_name(md_section section);

/* Writes the report in fmt to f. */
void model_diff_write(const model_diff *d, model_diff_format fmt, FILE *f);

/*
 * Renders a params tree (NULL: none) as compact flow YAML into sb:
 * `{input: x, bands: [[4, 1], [3, 0.75]]}`. Numbers print in their
 * shortest exact form (1.0 prints 1); texts are quoted only when they
 * must be.
 */
void md_flow(strbuf *sb, const doc_node *n);

/* 1 when two params trees mean the same (NULL is an empty mapping):
 * key order, quoting that changes nothing and the spelling of numbers
 * do not count. */
int md_params_equal(const doc_node *x, const doc_node *y);

#endif
