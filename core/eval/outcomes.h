/*
 * outcomes.h - what a province reads off a unit's scores besides its
 * total: the model's views (e.g. the DTI pillars, points earned /
 * available over their nodes) and its recognition class (the first of
 * the model's classes whose conditions all hold).
 *
 * Class conditions (docs/model-format.md):
 *   min_value     the unit's value as published (rounded to the model's
 *                 precision) is at least min_value;
 *   mandatory     every applicable mandatory indicator is met;
 *   extended_min  the share of applicable extended indicators met is at
 *                 least extended_min (holds when none applies).
 * An indicator is met when its status is ok and it earns its full points
 * (fraction 1); applicable means its status is not na.
 */
#ifndef CHISO_OUTCOMES_H
#define CHISO_OUTCOMES_H

#include "eval/batch.h"
#include "util/strbuf.h"

/* Computes the views and the class of every evaluated unit of b. Called
 * by eval_batch(). */
void outcomes_compute(batch *b);

/* The value of view v of unit u: earned / available (0 when nothing). */
double outcomes_view_value(const batch *b, size_t u, size_t v);

/*
 * Checks class c for unit u. Returns 1 when every condition holds; else 0
 * and, when why is not NULL, appends one reason per failed condition,
 * separated by "; ", e.g. "value 0.7234 < 0.8", "mandatory not met: 2.1,
 * 4.1", "extended met: 2 of 9 (22.2%) < 30%".
 */
int outcomes_class_check(const batch *b, size_t u, size_t c, strbuf *why);

#endif
