/*
 * results_pick.h - the periods and stages a set of results holds, and
 * the units of one period and one stage picked from it (--period and
 * --stage of rank, report, compare and gaps).
 *
 * A results document may hold several periods (what "chiso merge"
 * writes from several years) or several stages (self-assessed and
 * appraised data scored in one run). Rankings and comparisons are made
 * on one period and one stage: a set holding the same units in more is
 * refused with what it holds and the option that picks, e.g. "r.json: holds 2 periods
 * (2022: 63 units, 2023: 63 units) and 1 stage (final); pick one with
 * --period 2022 or --period 2023".
 *
 * A unit without a period (null in the document) is of the period "",
 * shown as "(none)" and picked with --period ''.
 *
 * Ownership: an rs_held owns its arrays (rs_held_free() frees them); the
 * texts in them are borrowed from the set, valid until rs_free().
 */
#ifndef CHISO_RESULTS_PICK_H
#define CHISO_RESULTS_PICK_H

#include "read/results_set.h"
#include "util/diag.h"
#include "util/strbuf.h"

#include <stddef.h>

/* One period or stage and how many units of the set have it. */
typedef struct rs_count {
	const char *text; /* borrowed from the set */
	size_t nunits;
} rs_count;

/* The periods (in byte order) and stages (self, appraised, final, then
 * others in byte order) of a set. */
typedef struct rs_held {
	rs_count *periods, *stages;
	size_t nperiods, nstages;
} rs_held;

/* What to pick: NULL for any. */
typedef struct rs_pick_opts {
	const char *period, *stage;
} rs_pick_opts;

/* Fills h with what set holds; free with rs_held_free(). */
void rs_held_of(const rs_set *set, rs_held *h);
/* Frees h's arrays. */
void rs_held_free(rs_held *h);

/*
 * Appends to sb what h holds: "2 periods (2022: 63 units, 2023: 63
 * units) and 1 stage (final)" (counts are given when there are several).
 */
void rs_held_describe(const rs_held *h, strbuf *sb);

/*
 * Appends to sb the options that pick one of h's stages (stages 1) or
 * periods (stages 0): "--period 2022 or --period 2023".
 */
void rs_held_options(const rs_held *h, int stages, strbuf *sb);

/*
 * The place of set's results in messages: its files ("r.json", "a.json,
 * b.json"; *plural 1 when not one), then " (--period P --stage S)" for
 * what p (may be NULL) picks. Caller frees.
 */
char *rs_pick_where(const rs_set *set, const rs_pick_opts *p, int *plural);

/*
 * Keeps only the units of p->period and p->stage (each NULL: any; the
 * models left without a unit are dropped). Returns 0, or -1 after an
 * error when a period or stage asked for matches no unit ("r.json: no
 * unit of period '2021'; it holds 2 periods (...); pick one with
 * --period 2022 or --period 2023", or "did you mean --period 2022?" when
 * one is close); the set is then unchanged.
 */
int rs_pick(rs_set *set, const rs_pick_opts *p, diag *d);

/*
 * rs_pick(), then refuses a set that still holds several periods or
 * several stages and a unit of them more than once (the same units in
 * two years or two stages): "r.json: holds ...; pick one with ..."
 * (placed as rs_pick_where() says). Different units of different
 * periods or stages pass, as they always have. Returns 0 or -1.
 */
int rs_pick_one(rs_set *set, const rs_pick_opts *p, diag *d);

#endif
