/*
 * verify.c - a results document checked against a computation of its
 * own: its units read back as data with the decisions it records
 * (eval/appraise.h), evaluated, written as chiso writes results, and
 * every number compared at the model's precision with what the file
 * says; then the hashes of the basis files.
 */
#include "publish/verify.h"
#include "publish/verify_evidence.h"

#include "eval/appraise.h"
#include "eval/data.h"
#include "eval/evidence_files.h"
#include "read/json_reader.h"
#include "read/source.h"
#include "results/results_json.h"
#include "util/dir_file.h"
#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/sha256.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

/* Differences reported one by one; the rest are counted. */
#define SHOWN 20

struct verify {
	const batch *b;
	const char *path;
	verify_report *rep;
	diag *d;
};

/* Reports a difference at n of the recorded document. */
static void differ(struct verify *v, const doc_node *n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void differ(struct verify *v, const doc_node *n, const char *fmt, ...)
{
	va_list ap;

	if (v->rep->differences++ >= SHOWN)
		return;
	va_start(ap, fmt);
	diag_vat(v->d, DIAG_ERROR, v->path, n ? n->line : 0, n ? n->col : 0,
	         fmt, ap);
	va_end(ap);
}

/* Each error of found (which names its place) as a difference. */
static void differ_each(struct verify *v, const diag *found)
{
	size_t i, listed = 0;

	for (i = 0; i < found->count; i++) {
		if (found->items[i].level != DIAG_ERROR)
			continue;
		listed++;
		if (v->rep->differences++ < SHOWN)
			diag_error(v->d, NULL, 0, 0, "%s",
			           found->items[i].text);
	}
	v->rep->differences += found->errors - listed; /* past its limit */
}

/* The text of a scalar under key, or NULL. Borrowed from the doc. */
static const char *scalar(const doc_node *map, const char *key)
{
	const doc_node *n = doc_get(map, key);

	return n && n->kind == DOC_SCALAR ? n->text : NULL;
}

/* Compares key of the recorded map rec with the computed map got, as
 * published (numbers at the model's precision), under label. */
static void compare_key(struct verify *v, const doc_node *rec,
                        const doc_node *got, const char *key, const char *label)
{
	const char *r = scalar(rec, key), *g = scalar(got, key);
	double x, y;
	char bx[NUMFMT_MAX], by[NUMFMT_MAX];
	int p = v->b->model->precision;

	if (!r && !g)
		return;
	if (r && g && numfmt_parse(r, &x) == 0 && numfmt_parse(g, &y) == 0) {
		if (strcmp(numfmt_fixed(x, p, bx), numfmt_fixed(y, p, by)) == 0)
			return;
		differ(v, doc_get(rec, key) ? doc_get(rec, key) : rec,
		       _("%s: %s %s recorded, but %s computed"), label, key, bx,
		       by);
		return;
	}
	if (r && g && strcmp(r, g) == 0)
		return;
	differ(v, doc_get(rec, key) ? doc_get(rec, key) : rec,
	       _("%s: %s '%s' recorded, but '%s' computed"), label, key,
	       r ? r : _("(none)"), g ? g : _("(none)"));
}

/* The maps of two lists, pairwise, by key id. */
static void compare_list(struct verify *v, const doc_node *rec,
                         const doc_node *got, const char *unit,
                         const char *what, size_t *count)
{
	static const char *const keys[] = {"status", "points",   "max",
	                                   "value",  "fraction", NULL};
	size_t i, k;
	strbuf label = STRBUF_INIT;

	if (!got || got->kind != DOC_SEQ)
		return;
	if (!rec || rec->kind != DOC_SEQ || rec->count != got->count) {
		differ(v, rec,
		       strcmp(what, "nodes") == 0
		               ? _("unit %s: %zu nodes computed, the file "
		                   "lists "
		                   "%zu")
		               : _("unit %s: %zu views computed, the file "
		                   "lists "
		                   "%zu"),
		       unit, got->count, rec ? rec->count : 0);
		return;
	}
	for (i = 0; i < got->count; i++) {
		const doc_node *r = rec->items[i], *g = got->items[i];
		const char *rid = scalar(r, "id"), *gid = scalar(g, "id");

		strbuf_reset(&label);
		strbuf_printf(&label,
		              strcmp(what, "nodes") == 0
		                      ? _("unit %s: node %s")
		                      : _("unit %s: view %s"),
		              unit, gid ? gid : "?");
		if (!rid || !gid || strcmp(rid, gid) != 0) {
			differ(v, r, _("%s: the file has '%s' in its place"),
			       strbuf_str(&label), rid ? rid : _("(none)"));
			continue;
		}
		for (k = 0; keys[k]; k++)
			compare_key(v, r, g, keys[k], strbuf_str(&label));
		(*count)++;
	}
	strbuf_release(&label);
}

/* Every unit of the recorded document rec against the computed got. */
static void compare_units(struct verify *v, const doc_node *rec,
                          const doc_node *got)
{
	static const char *const keys[] = {"status", "points", "max",
	                                   "value",  "class",  NULL};
	const doc_node *ru = doc_get(rec, "units"), *gu = doc_get(got, "units");
	size_t u, k;

	if (!ru || !gu || ru->count != gu->count) {
		differ(v, ru, _("the file lists %zu units, %zu were read"),
		       ru ? ru->count : 0, gu ? gu->count : 0);
		return;
	}
	for (u = 0; u < gu->count; u++) {
		const doc_node *r = ru->items[u], *g = gu->items[u];
		const char *code = batch_str(v->b, v->b->units[u].code);
		char label[300];
		size_t views = 0;

		snprintf(label, sizeof(label), _("unit %s"), code);
		for (k = 0; keys[k]; k++)
			compare_key(v, r, g, keys[k], label);
		compare_list(v, doc_get(r, "nodes"), doc_get(g, "nodes"), code,
		             "nodes", &v->rep->nodes);
		compare_list(v, doc_get(r, "views"), doc_get(g, "views"), code,
		             "views", &views);
		v->rep->units++;
	}
}

/* The node record of decision i at node, or NULL. Borrowed from a. */
static const appr_record *record_of(const appraisal *a, size_t i, size_t node)
{
	size_t r;

	for (r = 0; r < a->nrecords; r++)
		if (a->records[r].decision == i && a->records[r].node == node)
			return &a->records[r];
	return NULL;
}

/* 1 when two values of an input are the same: x of batch bx, y of by. */
static int same_value(const batch *bx, const unit_value *x, const batch *by,
                      const unit_value *y)
{
	if (x->present != y->present)
		return 0;
	if (!x->present)
		return 1;
	if (x->text || y->text)
		return strcmp(batch_str(bx, x->text), batch_str(by, y->text)) ==
		       0;
	return x->num == y->num;
}

/* Each correction: the unit's value is its "to", and every indicator
 * that reads the input records it. */
static void check_corrections(struct verify *v, const appraisal *a,
                              const doc_node *root)
{
	const chiso_model *m = v->b->model;
	const doc_node *units = doc_get(root, "units");
	size_t i, k;

	for (i = 0; i < a->n; i++) {
		const appr_decision *x = &a->items[i];
		const model_input *in;
		const char *code;
		const doc_node *at;

		v->rep->decisions++;
		if (x->kind != APPR_INPUT)
			continue;
		v->rep->corrections++;
		in = &m->inputs[x->target];
		code = batch_str(v->b, v->b->units[x->unit].code);
		at = units && x->unit < units->count
		             ? doc_get(doc_get(units->items[x->unit], "values"),
		                       in->id)
		             : NULL;
		if (!same_value(v->b,
		                &v->b->values[x->unit * m->ninputs + x->target],
		                v->b, &x->value))
			differ(v, at,
			       _("unit %s: input %s is not the value its "
			         "correction (%s) recorded"),
			       code, in->id, x->source);
		for (k = 0; k < in->nused; k++)
			if (!record_of(a, i, in->used_by[k]))
				differ(v, at,
				       _("unit %s: node %s: the decision "
				         "correcting input %s (%s) is not "
				         "recorded on it"),
				       code, m->nodes[in->used_by[k]].id,
				       in->id, x->source);
	}
}

/* The unit of s with u's code and period, or s->nunits. */
static size_t same_unit(const batch *s, const batch *b, size_t u)
{
	size_t k;

	for (k = 0; k < s->nunits; k++)
		if (strcmp(batch_str(s, s->units[k].code),
		           batch_str(b, b->units[u].code)) == 0 &&
		    strcmp(batch_str(s, s->units[k].period),
		           batch_str(b, b->units[u].period)) == 0)
			return k;
	return s->nunits;
}

/* 1 when a correction of unit u's input slot takes from (of s) to its
 * value in b. */
static int explained(const appraisal *a, const batch *b, size_t u, size_t slot,
                     const batch *s, const unit_value *from)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		const appr_decision *x = &a->items[i];

		if (x->kind == APPR_INPUT && x->unit == u &&
		    x->target == slot && same_value(b, &x->old, s, from) &&
		    same_value(b, &x->value, b,
		               &b->values[u * b->model->ninputs + slot]))
			return 1;
	}
	return 0;
}

/*
 * The results the document was made from (a basis of role "results",
 * its hash checked): each unit's input values are the same in both,
 * unless a recorded correction takes the one to the other. So a value
 * changed after the fact is caught even where it changes no number.
 */
static void check_basis_values(struct verify *v, const appraisal *a,
                               const char *file, const doc_node *root)
{
	const batch *b = v->b;
	const chiso_model *m = b->model;
	const doc_node *units = doc_get(root, "units");
	batch s;
	diag sd = DIAG_INIT;
	size_t u, k, i;

	batch_init(&s, m);
	s.limits = b->limits;
	if (data_load_file(&s, file, &sd) < 0) {
		differ(v, NULL, _("basis %s cannot be read as results"), file);
		goto out;
	}
	for (u = 0; u < b->nunits; u++) {
		const char *code = batch_str(b, b->units[u].code);

		k = same_unit(&s, b, u);
		if (k == s.nunits) {
			differ(v, units ? units->items[u] : NULL,
			       _("unit %s is not in basis %s"), code, file);
			continue;
		}
		for (i = 0; i < m->ninputs; i++) {
			const unit_value *was = &s.values[k * m->ninputs + i];

			if (same_value(&s, was, b,
			               &b->values[u * m->ninputs + i]) ||
			    explained(a, b, u, i, &s, was))
				continue;
			differ(v,
			       units ? doc_get(doc_get(units->items[u],
			                               "values"),
			                       m->inputs[i].id)
			             : NULL,
			       _("unit %s: input %s differs from basis %s, and "
			         "no "
			         "correction recorded takes the one to the "
			         "other"),
			       code, m->inputs[i].id, file);
		}
	}
out:
	batch_free(&s);
	diag_free(&sd);
}

/* 1 when two evidence texts give the same references. */
static int same_refs(const char *x, const char *y)
{
	char **rx, **ry;
	size_t nx = appraisal_evidence_refs(x, &rx);
	size_t ny = appraisal_evidence_refs(y, &ry), k;
	int same = nx == ny;

	for (k = 0; k < nx || k < ny; k++) {
		if (k < nx && k < ny && strcmp(rx[k], ry[k]) != 0)
			same = 0;
		if (k < nx)
			free(rx[k]);
		if (k < ny)
			free(ry[k]);
	}
	free(rx);
	free(ry);
	return same;
}

/* What differs between recorded decision x and y of the appraisal file,
 * or NULL. Static. */
static const char *decision_differs(const batch *b, const appr_decision *x,
                                    const appr_decision *y)
{
	if (x->kind != y->kind || x->unit != y->unit || x->target != y->target)
		return _("its target");
	if (x->kind == APPR_POINTS && x->points != y->points)
		return _("its points");
	if (x->kind == APPR_INPUT && !same_value(b, &x->value, b, &y->value))
		return _("its value");
	if (strcmp(x->reason, y->reason) != 0)
		return _("its reason");
	if (strcmp(x->by, y->by) != 0)
		return _("its author (by)");
	if (strcmp(x->at, y->at) != 0)
		return _("its date (at)");
	if (!same_refs(x->evidence, y->evidence))
		return _("its evidence");
	return NULL;
}

/* 1 when decision x was read from file (its source "FILE:ROW"). */
static int made_from(const appr_decision *x, const char *file, size_t len)
{
	return strncmp(x->source, file, len) == 0 && x->source[len] == ':';
}

/* The recorded decision made at source src, or NULL. Borrowed. */
static const appr_decision *recorded_at(const appraisal *a, const char *src)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (strcmp(a->items[i].source, src) == 0)
			return &a->items[i];
	return NULL;
}

/*
 * An appraisal file the document was made from (its hash checked),
 * read again: each of its decisions is recorded as it says (target,
 * value, reason, by, at, evidence), and each decision recorded from it
 * is in it. So a reason or author edited in the document is caught.
 */
static void check_basis_decisions(struct verify *v, batch *b,
                                  const appraisal *a, const char *file,
                                  const appr_basis *e)
{
	appraisal fa;
	diag sd = DIAG_INIT;
	strbuf src = STRBUF_INIT;
	const char *stage = "appraised";
	size_t i, plen = strlen(e->file), flen = strlen(file);

	for (i = 0; i < a->n; i++)
		if (made_from(&a->items[i], e->file, plen))
			stage = a->items[i].stage;
	appraisal_init(&fa);
	if (appraisal_read_file(&fa, b, file, stage, &sd) < 0) {
		differ(v, NULL, _("basis %s: its decisions cannot be read: %s"),
		       file, sd.count ? sd.items[0].text : "");
		goto out;
	}
	for (i = 0; i < fa.n; i++) {
		const appr_decision *y = &fa.items[i], *x;
		const char *what;

		strbuf_reset(&src);
		strbuf_printf(&src, "%s%s", e->file, y->source + flen);
		x = recorded_at(a, strbuf_str(&src));
		what = x ? decision_differs(b, x, y) : NULL;
		if (!x)
			differ(v, NULL,
			       _("the decision at %s of basis %s is not "
			         "recorded"),
			       strbuf_str(&src), file);
		else if (what)
			differ(v, NULL,
			       _("the decision recorded from %s differs from "
			         "basis %s in %s"),
			       x->source, file, what);
	}
	for (i = 0; i < a->n; i++) {
		const appr_decision *x = &a->items[i];
		size_t k;
		int found = 0;

		if (!made_from(x, e->file, plen))
			continue;
		for (k = 0; k < fa.n && !found; k++)
			found = strcmp(x->source + plen,
			               fa.items[k].source + flen) == 0;
		if (!found)
			differ(v, NULL,
			       _("the decision recorded from %s is not in "
			         "basis "
			         "%s"),
			       x->source, file);
	}
out:
	appraisal_free(&fa);
	diag_free(&sd);
	strbuf_release(&src);
}

/* The last part of a path. Borrowed: a pointer into p. */
static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* Each basis file given: its SHA-256 is the one recorded for it. */
static int check_basis(struct verify *v, const appraisal *a, char *const *files,
                       size_t n, const appr_basis **matched)
{
	size_t f, i;

	for (f = 0; f < n; f++) {
		char *buf = NULL, sha[65];
		size_t len = 0;
		const appr_basis *e = NULL;
		if (source_read_file_as(files[f], &v->b->limits,
		                        &source_kind_binary, &buf, &len,
		                        v->d) < 0)
			return -1;
		sha256_hex(buf, len, sha);
		free(buf);
		for (i = 0; i < a->nbasis && !e; i++)
			if (strcmp(a->basis[i].sha256, sha) == 0)
				e = &a->basis[i];
		if (e) {
			v->rep->basis_checked++;
			matched[f] = e;
			continue;
		}
		for (i = 0; i < a->nbasis && !e; i++)
			if (strcmp(base_name(a->basis[i].file),
			           base_name(files[f])) == 0)
				e = &a->basis[i];
		if (e)
			differ(v, NULL,
			       _("basis %s has sha256 %s, but the file records "
			         "%s for %s (%s): it changed since"),
			       files[f], sha, e->sha256, e->file, e->role);
		else
			differ(v, NULL,
			       _("basis %s (sha256 %s) is none of the files "
			         "the "
			         "document was made from"),
			       files[f], sha);
	}
	return 0;
}

/* The computed document: b written as results, read back. Caller frees
 * with doc_free(); NULL after an error in d. */
static doc *computed(const batch *b, diag *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	doc *got;
	doc_limits lim = b->limits;

	if (!f)
		return NULL;
	results_json_write(b, f);
	fclose(f);
	lim.max_file_bytes = len + 1;
	got = json_read_buffer("(computed)", text, len, &lim, d);
	free(text);
	return got;
}

/* Each evidence file a decision records: in dir, with its hash. */
static void check_evidence(struct verify *v, const appraisal *a,
                           const char *dir)
{
	const chiso_model *m = v->b->model;
	size_t i, k;

	for (i = 0; i < a->n; i++) {
		const appr_decision *x = &a->items[i];
		int input = x->kind == APPR_INPUT;

		for (k = 0; k < x->nev; k++) {
			strbuf why = STRBUF_INIT;
			char sha[65];

			if (dir_file_hash(dir, x->ev_files[k], sha, &why) ==
			    0) {
				if (strcmp(sha, x->ev_sha[k]) == 0) {
					v->rep->evidence_checked++;
					strbuf_release(&why);
					continue;
				}
				strbuf_printf(&why,
				              _("has sha256 %s, but %s is "
				                "recorded: it changed since"),
				              sha, x->ev_sha[k]);
			}
			differ(v, NULL,
			       input ? _("unit %s: input %s: evidence '%s' of "
			                 "the decision at %s %s")
			             : _("unit %s: node %s: evidence '%s' of "
			                 "the decision at %s %s"),
			       batch_str(v->b, v->b->units[x->unit].code),
			       input ? m->inputs[x->target].id
			             : m->nodes[x->target].id,
			       x->ev_files[k], x->source, strbuf_str(&why));
			strbuf_release(&why);
		}
	}
}

int verify_results(batch *b, const char *path, char *const *basis, size_t n,
                   const char *evidence_dir, verify_report *rep, diag *d)
{
	struct verify v = {b, path, rep, d};
	char file_sha[65], model_sha[65];
	appraisal a;
	diag found = DIAG_INIT; /* the evidence files' differences */
	doc *rec = NULL, *got = NULL;
	char *buf = NULL;
	const appr_basis **matched = xcalloc(n + 1, sizeof(*matched));
	size_t len = 0, f;
	int rc = -1;

	memset(rep, 0, sizeof(*rep));
	appraisal_init(&a);
	if (appraise_load_recorded(b, &a, path, 1, file_sha, model_sha, d) < 0)
		goto out;
	if (strcmp(model_sha, b->model->sha256) != 0)
		differ(&v, NULL,
		       _("model.sha256 %s recorded, but the model %s has "
		         "sha256 "
		         "%s"),
		       model_sha, b->model->path, b->model->sha256);
	if (check_basis(&v, &a, basis, n, matched) < 0)
		goto out;
	if (evidence_dir)
		evidence_files_hash(b, evidence_dir, &found);
	appraise_evaluate(b, &a);
	if (source_read_file(path, &b->limits, &buf, &len, d) < 0)
		goto out;
	rec = json_read_buffer(path, buf, len, &b->limits, d);
	got = rec ? computed(b, d) : NULL;
	if (!got)
		goto out;
	compare_units(&v, rec->root, got->root);
	check_corrections(&v, &a, rec->root);
	verify_evidence_nodes(b, rec->root, path, evidence_dir != NULL,
	                      &rep->evidence_checked, &found);
	differ_each(&v, &found);
	if (evidence_dir)
		check_evidence(&v, &a, evidence_dir);
	for (f = 0; f < n; f++) {
		if (matched[f] && strcmp(matched[f]->role, "results") == 0)
			check_basis_values(&v, &a, basis[f], rec->root);
		if (matched[f] && strcmp(matched[f]->role, "appraisal") == 0)
			check_basis_decisions(&v, b, &a, basis[f], matched[f]);
	}
	if (rep->differences > SHOWN)
		diag_at(d, DIAG_ERROR, path, 0, 0,
		        _("%zu more differences not shown"),
		        rep->differences - SHOWN);
	rc = rep->differences ? 1 : 0;
out:
	doc_free(rec);
	doc_free(got);
	free(buf);
	free(matched);
	appraisal_free(&a);
	diag_free(&found);
	return rc;
}
