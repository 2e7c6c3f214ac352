/*
 * eval.c - the evaluation loop. Everything here was resolved at load:
 * slots, plugins, children lists. Per indicator per unit there is one
 * indirect call, no string look-up and no allocation (notes go into one
 * pool that grows geometrically).
 */
#include "eval/eval.h"

#include "eval/evidence_rule.h"
#include "eval/host.h"
#include "eval/isolate.h"
#include "eval/leaf_store.h"
#include "eval/outcomes.h"
#include "read/results_set.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/sort.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Status names, indexed by chiso_status. */
const char *eval_status_name(int status)
{
	switch (status) {
	case CHISO_STATUS_OK:
		return "ok";
	case CHISO_STATUS_NA:
		return "na";
	case CHISO_STATUS_ERROR:
		return "error";
	case CHISO_STATUS_MISSING:
		return "missing";
	}
	return "unknown";
}

/* Writes "missing input a, b" into note. */
static void missing_note(const chiso_model *m, const model_node *node,
                         const unit_value *row, char *note, size_t size)
{
	size_t k, used;
	int first = 1;

	used = (size_t)snprintf(note, size, "%s", m->missing_word);
	for (k = 0; k < node->ndeps && used < size; k++) {
		const model_dep *dep = &node->deps[k];

		if (row[dep->slot].present ||
		    (dep->flags & CHISO_BIND_OPTIONAL))
			continue;
		used += (size_t)snprintf(note + used, size - used, "%s %s",
		                         first ? "" : ",",
		                         m->inputs[dep->slot].id);
		first = 0;
	}
	/* ABI 1.3: the plugin's missing_hint (UTF-8, at most
	 * CHISO_MISSING_HINT_MAX bytes: cut whole when it does not fit). */
	if (node->missing_hint && used + 2 + strlen(node->missing_hint) < size)
		snprintf(note + used, size - used, "; %s", node->missing_hint);
}

/* 1 when a required input of the indicator is missing for this unit. */
static int lacks_input(const model_node *node, const unit_value *row)
{
	size_t k;

	for (k = 0; k < node->ndeps; k++)
		if (!row[node->deps[k].slot].present &&
		    !(node->deps[k].flags & CHISO_BIND_OPTIONAL))
			return 1;
	return 0;
}

/* The problem of a unit that lacks input id under missing: error, stored
 * in English (results) and shown in the run's language. */
static void missing_problem(batch *b, size_t u, const char *id)
{
	strbuf text = STRBUF_INIT, shown = STRBUF_INIT;
	const char *place = batch_str(b, b->units[u].place);
	const char *code = batch_str(b, b->units[u].code);

	strbuf_printf(&text,
	              "%s: unit %s: field %s: missing, and model %s requires "
	              "every input (missing: error)",
	              place, code, id, b->model->id);
	strbuf_printf(&shown,
	              _("%s: unit %s: field %s: missing, and model %s requires "
	                "every input (missing: error)"),
	              place, code, id, b->model->id);
	batch_problem_add2(b, u, strbuf_str(&text), strbuf_str(&shown));
	strbuf_release(&text);
	strbuf_release(&shown);
}

/* Under missing: error, a unit lacking any needed input is invalid. */
static int check_missing_error(batch *b, size_t u, const unit_value *row)
{
	const chiso_model *m = b->model;
	size_t i, k;
	int bad = 0;

	for (i = 0; i < m->ninputs; i++) {
		const model_input *in = &m->inputs[i];
		int needed = 0;

		if (row[i].present || in->nused == 0)
			continue;
		for (k = 0; k < in->nused && !needed; k++) {
			const model_node *node = &m->nodes[in->used_by[k]];
			size_t d;

			for (d = 0; d < node->ndeps; d++)
				if (node->deps[d].slot == (int)i &&
				    !(node->deps[d].flags &
				      CHISO_BIND_OPTIONAL))
					needed = 1;
		}
		if (!needed)
			continue;
		missing_problem(b, u, in->id);
		bad = 1;
	}
	if (bad) {
		b->units[u].invalid = 1;
		b->units[u].invalid_by_eval = 1;
	}
	return bad;
}

/* The plugin's ABI minor version (for what it may return). */
static unsigned plugin_minor(const model_node *node)
{
	return CHISO_ABI_MINOR_OF(node->plugin->desc->abi_version);
}

/* Calls the plugin's compute for one leaf and checks what it returned
 * (in chiso, or in an isolated worker). */
static void run_compute(const model_node *node, const chiso_unit *view,
                        chiso_outcome *out)
{
	chiso_unit call = *view; /* the call's own: node, scratch memory */

	call.node = node;
	call.scratch = NULL;
	call.scratch_used = 0;
	node->plugin->desc->compute(&host_api, node->state, &call, out);
	host_call_end(&call);
	leaf_store_check(out, node, plugin_minor(node) >= 2);
}

/* A cleared outcome writing into these note and hint buffers. */
static void outcome_init(chiso_outcome *out, char *note, char *hint)
{
	memset(out, 0, sizeof(*out));
	out->struct_size = (uint32_t)sizeof(*out);
	out->note = note;
	out->note_size = CHISO_NOTE_MAX;
	out->hint = hint;
	out->hint_size = CHISO_NOTE_MAX;
	note[0] = '\0';
	hint[0] = '\0';
}

/* 1, with the outcome made missing, when the unit lacks a required input
 * of the indicator (then it is not computed). */
static int leaf_lacks_input(const chiso_model *m, const model_node *node,
                            const chiso_unit *view, chiso_outcome *out)
{
	if (!lacks_input(node, view->values))
		return 0;
	missing_note(m, node, view->values, out->note, out->note_size);
	out->status = CHISO_STATUS_MISSING;
	return 1;
}

/* Records the outcome of leaf k of unit u, with its hint when the
 * indicator is short of its full points. */
static void finish_leaf(batch *b, size_t u, size_t k, const chiso_outcome *out)
{
	size_t len;

	leaf_store(b, u, k, out);
	if (out->status != CHISO_STATUS_OK || out->fraction >= 1.0)
		return;
	len = strnlen(out->hint, CHISO_NOTE_MAX);
	if (len < CHISO_NOTE_MAX && utf8_check(out->hint, len, NULL) == 0)
		b->leaf_hint[BATCH_LEAF(b, u, k)] =
		        batch_intern(b, out->hint, len);
}

/* Computes leaf k of unit u in chiso into the result arrays. */
static void eval_leaf(batch *b, size_t u, const chiso_unit *view, size_t k,
                      char *note, char *hint)
{
	const chiso_model *m = b->model;
	const model_node *node = &m->nodes[m->leaves[k]];
	chiso_outcome out;

	outcome_init(&out, note, hint);
	if (!leaf_lacks_input(m, node, view, &out))
		run_compute(node, view, &out);
	finish_leaf(b, u, k, &out);
}

/* The plugin's second phase, when it has one (ABI 1.2 descriptor). */
static chiso_finish_fn finish_of(const model_node *node)
{
	const chiso_plugin *d = node->plugin->desc;

	if (plugin_minor(node) < 2 || d->struct_size < CHISO_PLUGIN_SIZE_1_2)
		return NULL;
	return d->finish;
}

/* Sums children into parents, deepest first (reverse pre-order). */
static void aggregate(batch *b, size_t u)
{
	const chiso_model *m = b->model;
	size_t i, k;

	for (i = m->nnodes; i-- > 0;) {
		const model_node *node = &m->nodes[i];
		size_t ni = BATCH_NODE(b, u, i);
		double pts = 0, max = 0;
		int all_na = 1, all_absent = 1, any_error = 0;

		if (node->is_leaf)
			continue;
		for (k = 0; k < node->nchildren; k++) {
			size_t ci = BATCH_NODE(b, u, node->children[k]);
			int st = b->node_status[ci];

			pts += b->node_points[ci];
			max += b->node_max[ci];
			all_na &= st == CHISO_STATUS_NA;
			all_absent &= st == CHISO_STATUS_NA ||
			              st == CHISO_STATUS_MISSING;
			any_error |= st == CHISO_STATUS_ERROR;
		}
		b->node_points[ni] = pts;
		b->node_max[ni] = max;
		b->node_status[ni] = any_error    ? CHISO_STATUS_ERROR
		                     : all_na     ? CHISO_STATUS_NA
		                     : all_absent ? CHISO_STATUS_MISSING
		                                  : CHISO_STATUS_OK;
	}
	b->unit_points[u] = 0;
	b->unit_max[u] = 0;
	for (k = 0; k < m->nroots; k++) {
		b->unit_points[u] +=
		        b->node_points[BATCH_NODE(b, u, m->roots[k])];
		b->unit_max[u] += b->node_max[BATCH_NODE(b, u, m->roots[k])];
	}
}

void eval_check_missing(batch *b)
{
	size_t u;

	if (b->model->missing != MISSING_ERROR)
		return;
	for (u = 0; u < b->nunits; u++)
		if (!b->units[u].invalid)
			check_missing_error(b, u, batch_values(b, u));
}

/* Where each unit's children are in the children results (ABI 1.2). */
struct kids {
	const rs_set *set;
	size_t *order; /* scored child units, sorted by parent code */
	size_t n;
	double **inputs; /* [bound child input][child unit], NAN = absent */
	size_t ninputs;
};

/* Orders unit indices of the results set ctx by parent. */
static int cmp_parent(const void *pa, const void *pb, void *ctx)
{
	const rs_set *set = ctx;

	return strcmp(set->units[*(const size_t *)pa].parent,
	              set->units[*(const size_t *)pb].parent);
}

/* Sorts the scored children by parent and reads the bound inputs. */
static void kids_build(struct kids *k, const chiso_model *m)
{
	const rs_set *cs = m->children;
	size_t u, h, v;

	memset(k, 0, sizeof(*k));
	if (!cs)
		return;
	k->set = cs;
	k->order = xcalloc(cs->nunits + 1, sizeof(size_t));
	for (u = 0; u < cs->nunits; u++)
		if (cs->units[u].status != RS_INVALID && *cs->units[u].parent)
			k->order[k->n++] = u;
	sort_stable(k->order, k->n, sizeof(size_t), cmp_parent, (void *)cs);
	k->ninputs = m->nchild_inputs;
	k->inputs = xcalloc(k->ninputs + 1, sizeof(double *));
	for (h = 0; h < k->ninputs; h++) {
		k->inputs[h] = xcalloc(cs->nunits + 1, sizeof(double));
		for (u = 0; u < cs->nunits; u++) {
			const rs_unit *c = &cs->units[u];
			double x = NAN;

			for (v = 0; v < c->nvalues; v++)
				if (strcmp(c->value_ids[v],
				           m->child_inputs[h]) == 0) {
					if (numfmt_parse(c->value_texts[v],
					                 &x) < 0)
						x = NAN;
					break;
				}
			k->inputs[h][u] = x;
		}
	}
}

/* The children of the unit with this code: [*first, *first + *n). */
static void kids_of(const struct kids *k, const char *code, size_t *first,
                    size_t *n)
{
	size_t lo = 0, hi = k->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(k->set->units[k->order[mid]].parent, code) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (hi < k->n &&
	       strcmp(k->set->units[k->order[hi]].parent, code) == 0)
		hi++;
	*n = hi - lo;
}

static void kids_free(struct kids *k)
{
	size_t h;

	for (h = 0; h < k->ninputs; h++)
		free(k->inputs[h]);
	free(k->inputs);
	free(k->order);
}

/* The unit as compute sees it. */
static void make_view(const batch *b, size_t u, const struct kids *k,
                      chiso_unit *view)
{
	const chiso_model *m = b->model;
	size_t first = 0, n = 0;

	memset(view, 0, sizeof(*view));
	view->values = &b->values[u * m->ninputs];
	view->inputs = m->inputs;
	view->ninputs = m->ninputs;
	view->pool = b->pool.data;
	view->b = b;
	view->u = u;
	if (k->set) {
		kids_of(k, batch_str(b, b->units[u].code), &first, &n);
		view->cset = k->set;
		view->children = k->order + first;
		view->nchildren = n;
		view->child_inputs = (const double *const *)k->inputs;
	}
}

/* What an isolated worker runs: one leaf of one unit. */
struct worker_ctx {
	const batch *b;
	const struct kids *kids;
};

static void worker_compute(void *arg, size_t u, size_t k, chiso_outcome *out)
{
	const struct worker_ctx *w = arg;
	const model_node *node = &w->b->model->nodes[w->b->model->leaves[k]];
	chiso_unit view;

	make_view(w->b, u, w->kids, &view);
	run_compute(node, &view, out);
}

/* Phase 1: every indicator of unit u. */
static void compute_unit(batch *b, size_t u, const struct kids *k, char *note,
                         char *hint)
{
	const chiso_model *m = b->model;
	chiso_unit view;
	size_t leaf;

	make_view(b, u, k, &view);
	for (leaf = 0; leaf < m->nleaves; leaf++) {
		/* The pool may move when a note is added: refresh. */
		view.pool = b->pool.data;
		eval_leaf(b, u, &view, leaf, note, hint);
	}
}

/* Phase 1 under isolation: one worker per isolated plugin, so that no
 * plugin can answer for another's indicators; an outcome per leaf with
 * its note and hint buffers; the jobs of each worker. Allocated once per
 * batch. */
struct isolated_unit {
	size_t nworkers;
	isolate **isos;        /* per worker */
	size_t *worker_of;     /* per leaf: its worker, or NOT_ISOLATED */
	size_t *leaves;        /* isolated leaves, grouped by worker */
	size_t *leaves_at;     /* per worker + 1: where its leaves start */
	size_t *first, *njobs; /* per worker: its jobs of the unit */
	chiso_outcome *outs;
	char *text; /* 2 * CHISO_NOTE_MAX per leaf */
	isolate_job *jobs;
	size_t *lost_in_row; /* per leaf: lost computations on the last units */
};

#define NOT_ISOLATED ((size_t)-1)

/* The worker of every isolated leaf, one per distinct plugin. */
static void assign_workers(struct isolated_unit *s, const batch *b)
{
	const chiso_model *m = b->model;
	const plugin_info **plugin_of =
	        xcalloc(m->nleaves + 1, sizeof(*plugin_of));
	size_t leaf, w, at = 0;

	for (leaf = 0; leaf < m->nleaves; leaf++) {
		const model_node *node = &m->nodes[m->leaves[leaf]];

		s->worker_of[leaf] = NOT_ISOLATED;
		if (!b->isolate_all && !node->isolated)
			continue;
		for (w = 0; w < s->nworkers; w++)
			if (plugin_of[w] == node->plugin)
				break;
		if (w == s->nworkers)
			plugin_of[s->nworkers++] = node->plugin;
		s->worker_of[leaf] = w;
	}
	for (w = 0; w < s->nworkers; w++) {
		s->leaves_at[w] = at;
		for (leaf = 0; leaf < m->nleaves; leaf++)
			if (s->worker_of[leaf] == w)
				s->leaves[at++] = leaf;
	}
	s->leaves_at[s->nworkers] = at;
	free(plugin_of);
}

static void isolated_unit_init(struct isolated_unit *s, const batch *b,
                               struct worker_ctx *wctx)
{
	size_t n = b->model->nleaves ? b->model->nleaves : 1, w;

	memset(s, 0, sizeof(*s));
	s->worker_of = xcalloc(n, sizeof(*s->worker_of));
	s->leaves = xcalloc(n, sizeof(*s->leaves));
	s->leaves_at = xcalloc(n + 1, sizeof(*s->leaves_at));
	assign_workers(s, b);
	s->isos = xcalloc(s->nworkers + 1, sizeof(*s->isos));
	for (w = 0; w < s->nworkers; w++)
		s->isos[w] = isolate_new(worker_compute, wctx, b->isolate_ms);
	s->first = xcalloc(s->nworkers + 1, sizeof(*s->first));
	s->njobs = xcalloc(s->nworkers + 1, sizeof(*s->njobs));
	s->outs = xcalloc(n, sizeof(*s->outs));
	s->text = xmalloc(n * 2 * CHISO_NOTE_MAX);
	s->jobs = xcalloc(n, sizeof(*s->jobs));
	s->lost_in_row = xcalloc(n, sizeof(*s->lost_in_row));
}

static void isolated_unit_free(struct isolated_unit *s)
{
	size_t w;

	for (w = 0; w < s->nworkers; w++)
		isolate_free(s->isos[w]);
	free(s->isos);
	free(s->worker_of);
	free(s->leaves);
	free(s->leaves_at);
	free(s->first);
	free(s->njobs);
	free(s->outs);
	free(s->text);
	free(s->jobs);
	free(s->lost_in_row);
}

/* 1, with the outcome an error saying why, when the leaf's plugin was
 * lost (crashed, timed out) on the last max units in a row: it is not
 * run again this run, which would cost a time limit per unit. */
static int given_up(const struct isolated_unit *s, const batch *b, size_t leaf,
                    const char *plugin, chiso_outcome *out)
{
	if (!b->isolate_max_lost || s->lost_in_row[leaf] < b->isolate_max_lost)
		return 0;
	out->status = CHISO_STATUS_ERROR;
	out->fraction = 0;
	out->has_raw = 0;
	snprintf(out->note, out->note_size,
	         _("plugin '%s' crashed or did not answer on %zu units in a "
	           "row; not run again this run (isolated; --max-lost)"),
	         plugin, s->lost_in_row[leaf]);
	return 1;
}

/* Phase 1 of unit u when indicators of it are isolated: each worker gets
 * its plugin's indicators in one request, and computes them while chiso
 * computes the others; then every outcome is recorded in leaf order, as
 * without isolation. */
static void compute_unit_isolated(batch *b, size_t u, const struct kids *k,
                                  struct isolated_unit *s)
{
	const chiso_model *m = b->model;
	chiso_unit view;
	size_t leaf, n = 0, w, i;

	make_view(b, u, k, &view);
	for (leaf = 0; leaf < m->nleaves; leaf++) {
		char *text = s->text + 2 * leaf * CHISO_NOTE_MAX;

		outcome_init(&s->outs[leaf], text, text + CHISO_NOTE_MAX);
	}
	for (w = 0; w < s->nworkers; w++) {
		s->first[w] = n;
		for (i = s->leaves_at[w]; i < s->leaves_at[w + 1]; i++) {
			const model_node *node;

			leaf = s->leaves[i];
			node = &m->nodes[m->leaves[leaf]];
			if (leaf_lacks_input(m, node, &view, &s->outs[leaf]) ||
			    given_up(s, b, leaf, node->plugin->name,
			             &s->outs[leaf]))
				continue;
			s->jobs[n].k = leaf;
			s->jobs[n].plugin = node->plugin->name;
			s->jobs[n].out = &s->outs[leaf];
			s->jobs[n].lost = 0;
			n++;
		}
		s->njobs[w] = n - s->first[w];
		isolate_send(s->isos[w], u, s->jobs + s->first[w], s->njobs[w]);
	}
	for (leaf = 0; leaf < m->nleaves; leaf++) {
		const model_node *node = &m->nodes[m->leaves[leaf]];

		if (s->worker_of[leaf] == NOT_ISOLATED &&
		    !leaf_lacks_input(m, node, &view, &s->outs[leaf]))
			run_compute(node, &view, &s->outs[leaf]);
	}
	for (w = 0; w < s->nworkers; w++)
		isolate_collect(s->isos[w], u, s->jobs + s->first[w],
		                s->njobs[w]);
	for (i = 0; i < n; i++) {
		const model_node *node = &m->nodes[m->leaves[s->jobs[i].k]];

		s->lost_in_row[s->jobs[i].k] =
		        s->jobs[i].lost ? s->lost_in_row[s->jobs[i].k] + 1 : 0;
		leaf_store_check(s->jobs[i].out, node, plugin_minor(node) >= 2);
	}
	for (leaf = 0; leaf < m->nleaves; leaf++)
		finish_leaf(b, u, leaf, &s->outs[leaf]);
}

/* Does this run isolate any computation? */
static int needs_isolation(const batch *b)
{
	if (b->isolate_ms <= 0)
		return 0;
	return b->isolate_all || model_isolates_any(b->model);
}

/* The three phases: every indicator of every unit; the second phase of
 * methods that need all units; then the sums, views and classes. */
void eval_batch(batch *b)
{
	const chiso_model *m = b->model;
	char note[CHISO_NOTE_MAX], hint[CHISO_NOTE_MAX];
	struct kids kids;
	struct worker_ctx wctx;
	struct isolated_unit iso;
	int isolated;
	size_t u, leaf;

	batch_reset_results(b);
	host_log_reset(); /* ABI 1.3 log: counted per run */
	batch_alloc_results(b);
	batch_problems_from_eval(b, 1);
	kids_build(&kids, m);
	wctx.b = b;
	wctx.kids = &kids;
	isolated = needs_isolation(b);
	if (isolated)
		isolated_unit_init(&iso, b, &wctx);
	for (u = 0; u < b->nunits; u++) {
		if (b->units[u].invalid)
			continue;
		if (m->missing == MISSING_ERROR &&
		    check_missing_error(b, u, batch_values(b, u)))
			continue;
		if (isolated)
			compute_unit_isolated(b, u, &kids, &iso);
		else
			compute_unit(b, u, &kids, note, hint);
	}
	if (isolated)
		isolated_unit_free(&iso);
	for (leaf = 0; leaf < m->nleaves; leaf++) {
		const model_node *node = &m->nodes[m->leaves[leaf]];
		chiso_finish_fn finish = finish_of(node);
		chiso_batch cb = {b, leaf};

		if (finish)
			finish(&host_api, node->state, &cb);
	}
	evidence_rule_apply(b);
	if (b->before_sums)
		b->before_sums(b, b->before_sums_arg);
	for (u = 0; u < b->nunits; u++)
		if (!b->units[u].invalid)
			aggregate(b, u);
	kids_free(&kids);
	outcomes_compute(b);
	batch_problems_from_eval(b, 0);
	b->evaluated = 1;
}
