/*
 * criteria_internal.h - what the parts of the criteria importer share:
 * the table's state (criteria_table.c), read (criteria_import.c), made a
 * tree (criteria_tree.c) and written as YAML (criteria_yaml.c).
 */
#ifndef CHISO_CRITERIA_INTERNAL_H
#define CHISO_CRITERIA_INTERNAL_H

#include "modeldoc/criteria_import.h"

/* The columns of a criteria table. */
enum {
	CI_CODE,
	CI_NAME,
	CI_GROUP,
	CI_POINTS,
	CI_METHOD,
	CI_PARAMS,
	CI_MANDATORY,
	CI_SOURCE,
	CI_NCOLS
};

/* A criterion's kind (the mandatory column). */
enum { CI_KIND_NONE, CI_KIND_MANDATORY, CI_KIND_EXTENDED };

/* A node of the tree: a row of the table, or a main index made from a
 * group (row 0). Strings owned; "" when the cell was empty. */
typedef struct ci_node {
	char *code, *name, *method, *params, *source;
	int kind;
	int has_points;
	double points; /* as given, then (has_points 0) the children's sum */
	unsigned row;  /* 0: made from a group */
	unsigned col_points, col_method;
	int group;              /* the row's group, or -1 */
	long parent;            /* node index, -1 for a main index */
	long first, last, next; /* children, in table order; -1: none */
} ci_node;

/* A group of the group column. */
typedef struct ci_group {
	char *name;   /* owned */
	unsigned row; /* where it first appears */
	long root;    /* its main index (a node) */
} ci_group;

typedef struct ci_table {
	const char *path;
	char *sheet; /* the worksheet's name, NULL for CSV; owned */
	char sha256[65];
	diag *d;
	int col[CI_NCOLS]; /* 0-based column of each, -1 when absent */
	ci_node *nodes;    /* rows in table order, then groups' indices */
	size_t n, cap;
	ci_group *groups;
	size_t ngroups;
	long *roots; /* the main indices, in the order they come */
	size_t nroots;
	size_t normalized;
	int bad; /* an error was reported */
} ci_table;

/* Reports an error, or a warning, at row:col of the table (sheet_place
 * names it); an error marks the table bad. */
void ci_error(ci_table *t, unsigned row, unsigned col, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
void ci_warning(ci_table *t, unsigned row, unsigned col, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Appends a copy of *nd (its strings taken over). Returns its index. */
long ci_add(ci_table *t, const ci_node *nd);

/* Makes the tree: groups' main indices, each node's parent, children
 * lists, main indices in order, points summed and checked. Returns 0,
 * or -1 after the errors. */
int ci_build_tree(ci_table *t);

/* Appends the model's YAML to out. */
void ci_write_yaml(const ci_table *t, const criteria_import_opts *o,
                   strbuf *out);

/* The figures of the tree made. */
void ci_stats(const ci_table *t, criteria_import_stats *st);

/* Frees what t holds. */
void ci_free(ci_table *t);

#endif
