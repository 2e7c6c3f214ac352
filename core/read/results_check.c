/*
 * results_check.c - the arithmetic of a results document, checked as it
 * is read: what evaluate and merge write holds these rules exactly (the
 * numbers are read back as the very doubles written), so anything else is
 * a document that was changed after chiso wrote it.
 */
#include "read/results_check.h"

#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Node statuses, as chiso_status. */
enum { ST_OK = 0, ST_NA = 1, ST_ERROR = 2, ST_MISSING = 3 };

static const char *const status_names[] = {"ok", "na", "error", "missing"};

/* One unit being checked. */
struct chk {
	const schema_ctx *sc;
	const rs_model *m;
	const rs_unit *u;
	const rs_unit_src *src;
	int prec;
};

/* What a group's children add up to. */
struct sums {
	double points, max, ok_values; /* ok_values: of the children ok */
	size_t n, nok;
	int any_error, all_na, all_absent;
};

/* Reports "unit CODE: MESSAGE" at n; returns -1. */
static int bad(const struct chk *c, const doc_node *n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static int bad(const struct chk *c, const doc_node *n, const char *fmt, ...)
{
	strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	schema_error(c->sc, n, _("unit %s: %s"), c->u->code, strbuf_str(&sb));
	strbuf_release(&sb);
	return -1;
}

/* The value of key in obj, for the place of a message; obj without it. */
static const doc_node *at(const doc_node *obj, const char *key)
{
	const doc_node *n = doc_get(obj, key);

	return n ? n : obj;
}

/* x as its shortest exact text, in one of four rotating buffers (a
 * message shows up to four numbers). */
static const char *num(double x)
{
	static char bufs[4][NUMFMT_MAX];
	static unsigned next;

	return numfmt_exact(x, bufs[next++ % 4]);
}

/* 1 when a and b publish alike: equal when rounded to the model's
 * precision the way chiso rounds for publication (15 significant
 * digits, then half away from zero), the only rounding the writers do. */
static int same_published(const struct chk *c, double a, double b)
{
	return a == b || numfmt_round(a, c->prec) == numfmt_round(b, c->prec);
}

/* 1 when stated is sum, a sum of n terms none negative, to within the
 * rounding of adding n doubles in another order, n x 2^-52 of the sum,
 * and n x 2^-1022 for terms below the smallest normal double, which a
 * reader may take as 0. (The writers add in the order the reader does,
 * so they match exactly.) */
static int same_sum(double stated, double sum, size_t n)
{
	return stated == sum ||
	       fabs(stated - sum) <=
	               (double)(n + 1) * (DBL_EPSILON * sum + DBL_MIN);
}

/* 1 when a and b agree as a model's points must (1e-9 of the larger of 1
 * and b, the tolerance of the model loader). */
static int same_declared(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(b));
}

/* --- the model's tree ---------------------------------------------- */

int rs_check_tree(const schema_ctx *sc, const rs_model *m, const doc_node *list,
                  double model_points, const doc_node *points_at)
{
	double *sum = xcalloc(m->nnodes + 1, sizeof(double));
	size_t *kids = xcalloc(m->nnodes + 1, sizeof(size_t));
	double roots = 0;
	size_t i;
	int rc = 0;

	for (i = 0; i < m->nnodes; i++) {
		const rs_node *nd = &m->nodes[i];

		if (nd->points < 0) {
			schema_error(sc, at(list->items[i], "points"),
			             _("model.nodes: node '%s' has negative "
			               "points, %s"),
			             nd->id, num(nd->points));
			rc = -1;
			goto out;
		}
		if (nd->parent >= 0) {
			sum[nd->parent] += nd->points;
			kids[nd->parent]++;
		} else {
			roots += nd->points;
		}
	}
	for (i = 0; i < m->nnodes && rc == 0; i++) {
		const rs_node *nd = &m->nodes[i];
		const doc_node *n = list->items[i];

		if (nd->is_leaf && kids[i])
			schema_error(
			        sc, at(n, "method"),
			        _("model.nodes: node '%s' has a method and "
			          "children; a node is an indicator or a "
			          "group"),
			        nd->id);
		else if (!nd->is_leaf && !kids[i])
			schema_error(
			        sc, n,
			        _("model.nodes: node '%s' has neither a method "
			          "nor children"),
			        nd->id);
		else if (!nd->is_leaf && !same_declared(sum[i], nd->points))
			schema_error(
			        sc, at(n, "points"),
			        _("model.nodes: node '%s' has points %s, but "
			          "its children's add up to %s"),
			        nd->id, num(nd->points), num(sum[i]));
		else
			continue;
		rc = -1;
	}
	if (rc == 0 && !same_declared(roots, model_points)) {
		schema_error(
		        sc, points_at,
		        _("model.points is %s, but the main indices' points "
		          "add up to %s"),
		        num(model_points), num(roots));
		rc = -1;
	}
out:
	free(sum);
	free(kids);
	return rc;
}

/* --- one node ------------------------------------------------------- */

/* Points in [0, max], max in [0, the declared points]. */
static int check_range(const struct chk *c, size_t i)
{
	const rs_node *nd = &c->m->nodes[i];
	const doc_node *n = c->src->nodes[i];
	double p = c->u->node_points[i], x = c->u->node_max[i];

	if (p < 0)
		return bad(c, at(n, "points"),
		           _("node %s: points %s are negative (a node earns "
		             "from 0 to its max)"),
		           nd->id, num(p));
	if (x < 0)
		return bad(c, at(n, "max"), _("node %s: max %s is negative"),
		           nd->id, num(x));
	if (p > x)
		return bad(c, at(n, "points"),
		           _("node %s: points %s exceed max %s (a node earns "
		             "at most the points available)"),
		           nd->id, num(p), num(x));
	if (x > nd->points && (nd->is_leaf || !same_declared(x, nd->points)))
		return bad(c, at(n, "max"),
		           _("node %s: max %s exceeds the node's points, %s in "
		             "model.nodes"),
		           nd->id, num(x), num(nd->points));
	return 0;
}

/* An indicator's points and max as its status has them: ok all its
 * points available and points = fraction x points; na nothing; error 0
 * of all; missing 0 of all (missing: zero) or of none (exclude). */
static int check_leaf(const struct chk *c, size_t i)
{
	const rs_node *nd = &c->m->nodes[i];
	const doc_node *n = c->src->nodes[i];
	const doc_node *fn = doc_get(n, "fraction");
	double p = c->u->node_points[i], x = c->u->node_max[i], d = nd->points;
	double f;
	int st = c->u->node_status[i];

	if (st == ST_NA && (p != 0 || x != 0))
		return bad(c, at(n, "max"),
		           _("node %s: status na, but points %s and max %s are "
		             "not 0 (an indicator that does not apply has "
		             "nothing available)"),
		           nd->id, num(p), num(x));
	if ((st == ST_ERROR || st == ST_MISSING) && p != 0)
		return bad(c, at(n, "points"),
		           _("node %s: status %s, but points %s are not 0"),
		           nd->id, status_names[st], num(p));
	if ((st == ST_OK || st == ST_ERROR) && x != d)
		return bad(
		        c, at(n, "max"),
		        _("node %s: status %s, but max %s is not the "
		          "indicator's points, %s (all of them are available)"),
		        nd->id, status_names[st], num(x), num(d));
	if (st == ST_MISSING && c->m->missing == RS_MISSING_UNKNOWN && x != 0 &&
	    x != d)
		return bad(
		        c, at(n, "max"),
		        _("node %s: status missing, but max %s is neither 0 "
		          "(missing: exclude) nor the indicator's points, %s "
		          "(missing: zero)"),
		        nd->id, num(x), num(d));
	if (st == ST_MISSING && c->m->missing != RS_MISSING_UNKNOWN &&
	    x != (c->m->missing == RS_MISSING_EXCLUDE ? 0 : d))
		return bad(
		        c, at(n, "max"),
		        _("node %s: status missing, but max %s is not %s, as "
		          "model.missing: %s has it"),
		        nd->id, num(x),
		        num(c->m->missing == RS_MISSING_EXCLUDE ? 0 : d),
		        c->m->missing == RS_MISSING_EXCLUDE ? "exclude"
		        : c->m->missing == RS_MISSING_ZERO  ? "zero"
		                                            : "error");
	if (st != ST_OK || !fn)
		return 0;
	if (schema_number(c->sc, fn, "fraction", &f) < 0)
		return -1;
	if (f < 0 || f > 1)
		return bad(c, fn, _("node %s: fraction %s is outside [0, 1]"),
		           nd->id, num(f));
	if (!same_published(c, p, f * d))
		return bad(c, at(n, "points"),
		           _("node %s: points %s are not fraction %s x the "
		             "indicator's points %s = %s"),
		           nd->id, num(p), num(f), num(d), num(f * d));
	return 0;
}

/* What each group's children add up to, in model order (the order the
 * writer adds them in). Caller frees. */
static struct sums *add_children(const struct chk *c)
{
	const rs_model *m = c->m;
	struct sums *s = xcalloc(m->nnodes + 1, sizeof(*s));
	size_t i;

	for (i = 0; i < m->nnodes; i++)
		s[i].all_na = s[i].all_absent = 1;
	for (i = 0; i < m->nnodes; i++) {
		int par = m->nodes[i].parent, st = c->u->node_status[i];

		if (par < 0)
			continue;
		s[par].points += c->u->node_points[i];
		s[par].max += c->u->node_max[i];
		s[par].n++;
		s[par].any_error |= st == ST_ERROR;
		s[par].all_na &= st == ST_NA;
		s[par].all_absent &= st == ST_NA || st == ST_MISSING;
		if (st == ST_OK) {
			s[par].ok_values += c->u->node_value[i];
			s[par].nok++;
		}
	}
	return s;
}

/* A group's points and max are its children's sums, its status what
 * theirs make it. */
static int check_group(const struct chk *c, size_t i, const struct sums *s)
{
	const rs_node *nd = &c->m->nodes[i];
	const doc_node *n = c->src->nodes[i];
	int want = s->any_error    ? ST_ERROR
	           : s->all_na     ? ST_NA
	           : s->all_absent ? ST_MISSING
	                           : ST_OK;

	if (!same_sum(c->u->node_points[i], s->points, s->n))
		return bad(c, at(n, "points"),
		           _("node %s: points %s are not the sum of its "
		             "children's points, %s"),
		           nd->id, num(c->u->node_points[i]), num(s->points));
	if (!same_sum(c->u->node_max[i], s->max, s->n))
		return bad(c, at(n, "max"),
		           _("node %s: max %s is not the sum of its children's "
		             "max, %s"),
		           nd->id, num(c->u->node_max[i]), num(s->max));
	if (c->u->node_status[i] != want)
		return bad(
		        c, at(n, "status"),
		        _("node %s: status %s, but its children's make it %s "
		          "(error when one is in error, else na when all are "
		          "na, else missing when all are na or missing, else "
		          "ok)"),
		        nd->id, status_names[c->u->node_status[i]],
		        status_names[want]);
	return 0;
}

/* The value of node i: points / max; with nothing available 0, except
 * for a node of 0 points with status ok: an indicator's fraction, a
 * group's mean of its children's values (those ok), a merged unit's
 * mean of its predecessors' (not in the document: only its range). */
static int check_value(const struct chk *c, size_t i, const struct sums *s)
{
	const rs_node *nd = &c->m->nodes[i];
	const doc_node *n = c->src->nodes[i];
	const doc_node *fn;
	double v = c->u->node_value[i], p = c->u->node_points[i];
	double x = c->u->node_max[i], want, f;

	if (!(v >= 0 && v <= 1))
		return bad(c, at(n, "value"),
		           _("node %s: value %s is outside [0, 1]"), nd->id,
		           num(v));
	if (x > 0) {
		if (!same_published(c, v, p / x))
			return bad(c, at(n, "value"),
			           _("node %s: value %s is not points / max = "
			             "%s / %s = %s (to %d decimals)"),
			           nd->id, num(v), num(p), num(x), num(p / x),
			           c->prec);
		return 0;
	}
	if (nd->points != 0 || c->u->node_status[i] != ST_OK) {
		if (!same_published(c, v, 0))
			return bad(c, at(n, "value"),
			           _("node %s: value %s is not 0 (nothing is "
			             "available)"),
			           nd->id, num(v));
		return 0;
	}
	if (c->src->derived)
		return 0;
	if (nd->is_leaf) {
		fn = doc_get(n, "fraction");
		if (!fn || schema_number(c->sc, fn, "fraction", &f) < 0)
			return fn ? -1 : 0;
		if (!same_published(c, v, f))
			return bad(c, at(n, "value"),
			           _("node %s: value %s is not its fraction %s "
			             "(an indicator of 0 points is valued by "
			             "its fraction)"),
			           nd->id, num(v), num(f));
		return 0;
	}
	want = s->nok ? s->ok_values / (double)s->nok : 0;
	if (!same_published(c, v, want))
		return bad(c, at(n, "value"),
		           _("node %s: value %s is not the mean of its "
		             "children's values (those ok), %s (a group of 0 "
		             "points is valued by that mean)"),
		           nd->id, num(v), num(want));
	return 0;
}

/* A merged unit's main index: ok, na or error; all of its points
 * available, or none when it applied to no predecessor (status na). */
static int check_merged_root(const struct chk *c, size_t i)
{
	const rs_node *nd = &c->m->nodes[i];
	const doc_node *n = c->src->nodes[i];
	double x = c->u->node_max[i];
	int st = c->u->node_status[i];

	if (st == ST_MISSING)
		return bad(
		        c, at(n, "status"),
		        _("node %s: status missing; a merged unit's index is "
		          "ok, na or error"),
		        nd->id);
	if (nd->points > 0 && (st == ST_NA) != (x == 0))
		return bad(c, at(n, "max"),
		           _("node %s: status %s with max %s; a merged unit's "
		             "index has all its points, %s, or none when it "
		             "applied to no predecessor (status na)"),
		           nd->id, status_names[st], num(x), num(nd->points));
	if (x != 0 && x != nd->points)
		return bad(c, at(n, "max"),
		           _("node %s: max %s is neither 0 nor the index's "
		             "points, %s"),
		           nd->id, num(x), num(nd->points));
	return 0;
}

/* Every listed node: range, status, sums, value. */
static int check_nodes(const struct chk *c)
{
	const rs_model *m = c->m;
	struct sums *s = c->src->derived ? NULL : add_children(c);
	size_t i;
	int rc = 0;

	for (i = 0; i < m->nnodes && rc == 0; i++)
		if (c->src->nodes[i])
			rc = check_range(c, i);
	for (i = 0; i < m->nnodes && rc == 0; i++) {
		if (!c->src->nodes[i])
			continue;
		if (c->src->derived)
			rc = check_merged_root(c, i);
		else if (m->nodes[i].is_leaf)
			rc = check_leaf(c, i);
		else
			rc = check_group(c, i, &s[i]);
	}
	for (i = 0; i < m->nnodes && rc == 0; i++)
		if (c->src->nodes[i])
			rc = check_value(c, i, s ? &s[i] : NULL);
	free(s);
	return rc;
}

/* --- the unit -------------------------------------------------------- */

/* Points, max and value of the unit: the sums over the main indices and
 * their quotient; status ok only without a node in error. */
static int check_total(const struct chk *c)
{
	const rs_model *m = c->m;
	const rs_unit *u = c->u;
	const doc_node *n = c->src->unit;
	double p = 0, x = 0;
	size_t k, i;
	int errors = 0;

	if (u->points < 0 || u->max < 0)
		return bad(c, at(n, u->points < 0 ? "points" : "max"),
		           _("%s %s is negative"),
		           u->points < 0 ? "points" : "max",
		           num(u->points < 0 ? u->points : u->max));
	if (u->points > u->max)
		return bad(
		        c, at(n, "points"),
		        _("points %s exceed max %s (a unit earns at most the "
		          "points available)"),
		        num(u->points), num(u->max));
	for (k = 0; k < m->nroots; k++) {
		p += u->node_points[m->roots[k]];
		x += u->node_max[m->roots[k]];
	}
	if (!same_sum(u->points, p, m->nroots))
		return bad(c, at(n, "points"),
		           _("points %s are not the sum of its main indices' "
		             "points, %s"),
		           num(u->points), num(p));
	if (!same_sum(u->max, x, m->nroots))
		return bad(
		        c, at(n, "max"),
		        _("max %s is not the sum of its main indices' max, %s"),
		        num(u->max), num(x));
	if (!(u->value >= 0 && u->value <= 1) ||
	    !same_published(c, u->value, u->max > 0 ? u->points / u->max : 0))
		return bad(
		        c, at(n, "value"),
		        _("value %s is not points / max = %s / %s = %s (to %d "
		          "decimals)"),
		        num(u->value), num(u->points), num(u->max),
		        num(u->max > 0 ? u->points / u->max : 0), c->prec);
	for (i = 0; i < m->nnodes; i++) {
		if (!c->src->nodes[i] || u->node_status[i] != ST_ERROR)
			continue;
		if (u->status == RS_OK)
			return bad(
			        c, at(n, "status"),
			        _("status ok, but node %s has status error (a "
			          "unit with a failed indicator has status "
			          "error)"),
			        m->nodes[i].id);
		errors++;
	}
	if (u->status == RS_ERROR && !errors && !c->src->derived)
		return bad(c, at(n, "status"),
		           _("status error, but no node has status error"));
	return 0;
}

/* Each view: points in [0, max], value in [0, 1]; for a unit evaluate
 * wrote, value points / max, and the sums over the view's nodes when the
 * document lists them. A merged unit's views are its predecessors'
 * means: only their ranges hold. */
static int check_views(const struct chk *c)
{
	const rs_model *m = c->m;
	const rs_unit *u = c->u;
	size_t v, k;

	for (v = 0; v < m->nviews; v++) {
		const doc_node *n = c->src->views[v];
		const rs_view_def *def = &m->view_defs[v];
		double p = u->view_points[v], x = u->view_max[v];
		double val = u->view_value[v], sp = 0, sx = 0;

		if (p < 0 || x < 0 || p > x)
			return bad(
			        c, at(n, "points"),
			        _("view %s: points %s and max %s are not 0 <= "
			          "points <= max"),
			        m->views[v].id, num(p), num(x));
		if (!(val >= 0 && val <= 1))
			return bad(c, at(n, "value"),
			           _("view %s: value %s is outside [0, 1]"),
			           m->views[v].id, num(val));
		if (c->src->derived)
			continue;
		if (!same_published(c, val, x > 0 ? p / x : 0))
			return bad(c, at(n, "value"),
			           _("view %s: value %s is not points / max = "
			             "%s (to %d decimals)"),
			           m->views[v].id, num(val),
			           num(x > 0 ? p / x : 0), c->prec);
		if (!def->given)
			continue;
		for (k = 0; k < def->nnodes; k++) {
			sp += u->node_points[def->nodes[k]];
			sx += u->node_max[def->nodes[k]];
		}
		if (!same_sum(p, sp, def->nnodes))
			return bad(
			        c, at(n, "points"),
			        _("view %s: points %s are not the sum of its "
			          "nodes' points, %s"),
			        m->views[v].id, num(p), num(sp));
		if (!same_sum(x, sx, def->nnodes))
			return bad(c, at(n, "max"),
			           _("view %s: max %s is not the sum of its "
			             "nodes' max, %s"),
			           m->views[v].id, num(x), num(sx));
	}
	return 0;
}

/* --- the class ------------------------------------------------------- */

/* Is indicator i met: status ok and its full points (fraction 1, or
 * its value when the document gives no fraction)? */
static int leaf_met(const struct chk *c, size_t i)
{
	const doc_node *fn = doc_get(c->src->nodes[i], "fraction");
	double f = c->u->node_value[i];

	if (c->u->node_status[i] != ST_OK)
		return 0;
	if (fn && fn->kind == DOC_SCALAR && numfmt_parse(fn->text, &f) < 0)
		return 0;
	return f >= 1.0;
}

/* What the class conditions look at, counted once per unit: the
 * mandatory indicators not met (the first five ids, and how many), the
 * extended ones that apply and those met. */
struct met {
	strbuf unmet_ids;
	size_t unmet, applicable, met;
};

/* Counts the unit's mandatory and extended indicators into *mt (not
 * those na; a kind given to a group is ignored). Release mt->unmet_ids. */
static void count_met(const struct chk *c, struct met *mt)
{
	const rs_model *m = c->m;
	size_t i;

	memset(mt, 0, sizeof(*mt));
	for (i = 0; i < m->nnodes; i++) {
		const rs_node *nd = &m->nodes[i];

		if (!nd->is_leaf || !nd->kind || c->u->node_status[i] == ST_NA)
			continue;
		if (strcmp(nd->kind, "mandatory") == 0 && !leaf_met(c, i)) {
			if (mt->unmet < 5)
				strbuf_printf(&mt->unmet_ids, "%s%s",
				              mt->unmet ? ", " : "", nd->id);
			mt->unmet++;
		}
		if (strcmp(nd->kind, "extended") == 0) {
			mt->applicable++;
			mt->met += leaf_met(c, i);
		}
	}
	if (mt->unmet > 5)
		strbuf_printf(&mt->unmet_ids, " and %zu more", mt->unmet - 5);
}

/* Whether class k's conditions hold for the unit, as evaluate decides
 * (eval/outcomes.c); why not into why. */
static int class_holds(const struct chk *c, size_t k, const struct met *mt,
                       strbuf *why)
{
	const rs_class_rule *r = &c->m->class_rules[k];
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	int ok = 1;

	if (r->has_min_value &&
	    numfmt_round(c->u->value, c->prec) < r->min_value) {
		strbuf_printf(why, "value %s < %s",
		              numfmt_fixed(c->u->value, c->prec, a),
		              numfmt_trim(r->min_value, c->prec, b));
		ok = 0;
	}
	if (r->mandatory_all && mt->unmet) {
		strbuf_printf(why, "%smandatory not met: %s",
		              why->len ? "; " : "", strbuf_str(&mt->unmet_ids));
		ok = 0;
	}
	if (r->has_extended_min && mt->applicable &&
	    (double)mt->met / (double)mt->applicable <
	            r->extended_min - 1e-12) {
		strbuf_printf(why, "%sextended met: %zu of %zu (%s%%) < %s%%",
		              why->len ? "; " : "", mt->met, mt->applicable,
		              numfmt_trim(100.0 * (double)mt->met /
		                                  (double)mt->applicable,
		                          1, a),
		              numfmt_trim(100.0 * r->extended_min, 2, b));
		ok = 0;
	}
	return ok;
}

/* The class of model m that entry k of class_failed names (the k-th, as
 * the writer lists them, else looked up), or -1. */
static int failed_class(const rs_model *m, const doc_node *id, size_t k)
{
	size_t j;

	if (!id || id->kind != DOC_SCALAR)
		return -1;
	if (k < m->nclasses && strcmp(m->classes[k].id, id->text) == 0)
		return (int)k;
	for (j = 0; j < m->nclasses; j++)
		if (strcmp(m->classes[j].id, id->text) == 0)
			return (int)j;
	return -1;
}

/* class_failed: each class it lists is one of the model's and does not
 * hold. */
static int check_failed(const struct chk *c, const struct met *mt)
{
	const doc_node *failed = doc_get(c->src->unit, "class_failed");
	strbuf why = STRBUF_INIT;
	size_t k;
	int rc = 0;

	for (k = 0;
	     rc == 0 && failed && failed->kind == DOC_SEQ && k < failed->count;
	     k++) {
		const doc_node *id = doc_get(failed->items[k], "class");
		int j = failed_class(c->m, id, k);

		strbuf_reset(&why);
		if (j < 0)
			rc = bad(c, at(failed->items[k], "class"),
			         _("class_failed names a class not in "
			           "model.classes"));
		else if (class_holds(c, (size_t)j, mt, &why))
			rc = bad(
			        c, id,
			        _("class_failed lists '%s', but its conditions "
			          "hold"),
			        c->m->classes[j].id);
	}
	strbuf_release(&why);
	return rc;
}

/* The unit's class is the first of model.classes whose conditions hold
 * (none: null), and each class class_failed lists does not hold; checked
 * when the document gives every class's conditions. A merged unit has
 * no class. */
static int check_class(const struct chk *c)
{
	const rs_model *m = c->m;
	const doc_node *cn = at(c->src->unit, "class");
	strbuf why = STRBUF_INIT;
	struct met mt;
	size_t k;
	int first = -1, rc = 0;

	if (c->src->derived)
		return c->u->klass < 0
		               ? 0
		               : bad(c, cn,
		                     _("a merged unit has no class (its "
		                       "predecessors' indicators are not in "
		                       "it)"));
	for (k = 0; k < m->nclasses; k++)
		if (!m->class_rules[k].given)
			return 0;
	count_met(c, &mt);
	for (k = 0; k < m->nclasses && first < 0 && rc == 0; k++) {
		strbuf_reset(&why);
		if (class_holds(c, k, &mt, &why))
			first = (int)k;
		else if ((int)k == c->u->klass)
			rc = bad(c, cn, _("class '%s' does not hold: %s"),
			         m->classes[k].id, strbuf_str(&why));
	}
	if (rc == 0 && first != c->u->klass)
		rc = c->u->klass < 0
		             ? bad(c, cn,
		                   _("class is null, but class '%s' holds (a "
		                     "unit has the first class of "
		                     "model.classes "
		                     "whose conditions hold)"),
		                   m->classes[first].id)
		             : bad(c, cn,
		                   _("class is '%s', but '%s' holds and comes "
		                     "first in model.classes"),
		                   m->classes[c->u->klass].id,
		                   m->classes[first].id);
	if (rc == 0)
		rc = check_failed(c, &mt);
	strbuf_release(&why);
	strbuf_release(&mt.unmet_ids);
	return rc;
}

int rs_check_unit(const schema_ctx *sc, const rs_model *m, const rs_unit *u,
                  const rs_unit_src *src)
{
	struct chk c = {sc, m, u, src, m->precision};

	if (check_nodes(&c) < 0 || check_total(&c) < 0 || check_views(&c) < 0 ||
	    check_class(&c) < 0)
		return -1;
	return 0;
}
