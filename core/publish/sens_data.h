/*
 * sens_data.h - what a sensitivity analysis re-aggregates, read once
 * from a results set into flat arrays (part of chiso sensitivity;
 * publish/sensitivity.h is the analysis as a whole).
 *
 * A run of the analysis multiplies points by factors and adds them up
 * again for every unit. What it adds are *items*: with the indicators'
 * points varied, the indicators themselves; with only the main indices'
 * points varied, each main index's sums over its indicators (so a run
 * costs as many multiplications per unit as the model has main indices,
 * not indicators). Each item of each unit holds its earned points and
 * its available points under each missing-data policy the runs may
 * take, already multiplied by how many times the ranked measure counts
 * it (1 for the total; a view may count a node twice), so that a run's
 * value of a unit is
 *
 *     sum_i w_i earned_i / sum_i w_i avail_i      (0 when nothing is
 *                                                  available)
 *
 * with w_i the product of the factors of the item's main index and
 * indicator in that run.
 *
 * Ownership: sens_data_build() fills arrays freed by sens_data_free();
 * nothing is borrowed from the set once built.
 */
#ifndef CHISO_SENS_DATA_H
#define CHISO_SENS_DATA_H

#include "publish/rank.h"
#include "util/diag.h"

#include <stddef.h>

/* How missing indicators count in a run. */
typedef enum sens_policy {
	SENS_POLICY_RESULTS = 0, /* as the results document counted them */
	SENS_POLICY_ZERO = 1,    /* 0 of their points available */
	SENS_POLICY_EXCLUDE = 2  /* their points drop from what is available */
} sens_policy;

/* What the runs vary. */
typedef struct sens_spec {
	int vary_main, vary_indicators; /* points multiplied by factors */
	sens_policy policy[2];          /* the policies a run may take */
	int npolicies;                  /* 1, or 2: each run draws one */
} sens_spec;

typedef struct sens_data {
	size_t nrows;           /* ranked units, as the nominal table's rows */
	size_t nitems;          /* items a run adds up, per unit */
	size_t *item_root;      /* per item: position among the main indices */
	size_t *item_leaf;      /* per item: position among the indicators (when
	                      the indicators vary; else 0) */
	double *earned;         /* nrows x nitems */
	double *avail[2];       /* nrows x nitems, under spec.policy[k] */
	int npolicies;          /* spec.npolicies: avail[1] is set when 2 */
	size_t nroots, nleaves; /* of the model */
	size_t *root_node;      /* per main index: node index */
	size_t *leaf_node;      /* per indicator: node index */
	unsigned char *root_used; /* per main index: 1 when the measure
	                             counts some of its points */
	unsigned char *leaf_used; /* per indicator: the same */
	int any_missing; /* some ranked unit has a missing indicator that
	                    the measure counts: the policy can matter */
} sens_data;

/*
 * Fills sd for the ranked rows of the nominal ranking t (its measure,
 * t->by, decides what is counted) as spec says. Refuses, with an error
 * in d: a node of 0 points (its value is a mean of fractions, not a
 * share of points); a view whose nodes the results do not list (what
 * chiso merge writes); a unit made by chiso merge when the indicators or the
 * missing-data policy vary, or when the measure counts part of a main
 * index (the results hold only its main indices). Returns 0 or -1.
 */
int sens_data_build(sens_data *sd, const rank_table *t, const sens_spec *spec,
                    diag *d);

/* Frees what sens_data_build() allocated. */
void sens_data_free(sens_data *sd);

#endif
