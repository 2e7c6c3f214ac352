/*
 * appraise.c - a results document taken to its next stage by the
 * decisions of appraisal files (eval/appraisal.h), evaluated twice:
 * before the new decisions, for what each changed, and after them.
 */
#include "eval/appraise.h"

#include "eval/data.h"
#include "eval/eval.h"
#include "eval/evidence_files.h"
#include "read/source.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

int appraise_load_recorded(batch *b, appraisal *a, const char *path,
                           int keep_basis, char file_sha[65],
                           char model_sha[65], diag *d)
{
	char *buf = NULL;
	size_t len = 0, i;
	int rc = -1;
	diag rd = DIAG_INIT;

	if (!source_is_json(path)) {
		diag_error(d, path, 0, 0,
		           _("not a results document (.json): give what chiso "
		             "evaluate -f json (or chiso appraise) wrote"));
		return -1;
	}
	if (source_read_file(path, &b->limits, &buf, &len, d) < 0)
		return -1;
	sha256_hex(buf, len, file_sha);
	/* Its warnings (values missing) were said when it was written. */
	if (data_load_buffer(b, path, buf, len, &rd) == 0 &&
	    appraisal_read_recorded(a, b, path, buf, len, keep_basis, model_sha,
	                            &rd) == 0)
		rc = 0;
	for (i = 0; i < rd.count; i++)
		if (rd.items[i].level == DIAG_ERROR)
			diag_at(d, DIAG_ERROR, NULL, 0, 0, "%s",
			        rd.items[i].text);
	diag_free(&rd);
	free(buf);
	return rc;
}

/* The stage a document must hold to be taken to stage. */
static int stage_fits(const char *have, const char *stage)
{
	if (strcmp(stage, "appraised") == 0)
		return strcmp(have, "self") == 0;
	return strcmp(have, "self") == 0 || strcmp(have, "appraised") == 0;
}

/* Each unit of b holds a stage that may be taken to stage. */
static int check_stages(const batch *b, const char *self, const char *stage,
                        diag *d)
{
	size_t u;

	for (u = 0; u < b->nunits; u++) {
		const char *have = batch_str(b, b->units[u].stage);

		if (stage_fits(have, stage))
			continue;
		diag_error(
		        d, self, 0, 0,
		        strcmp(stage, "appraised") == 0
		                ? _("unit %s is of stage '%s': the appraised "
		                    "stage is made from self-assessed (self) "
		                    "results")
		                : _("unit %s is of stage '%s': the final "
		                    "stage is made from self-assessed or "
		                    "appraised results"),
		        batch_str(b, b->units[u].code), have);
		return -1;
	}
	return 0;
}

void appraise_evaluate(batch *b, appraisal *a)
{
	size_t n = b->nunits * b->model->nnodes + 1;
	double *pts;
	unsigned char *status;

	b->before_sums = appraisal_before_sums;
	b->before_sums_arg = a;
	b->audit = a;
	a->applying_new = 0;
	eval_batch(b);
	pts = xcalloc(n, sizeof(*pts));
	status = xcalloc(n, 1);
	memcpy(pts, b->node_points, (n - 1) * sizeof(*pts));
	memcpy(status, b->node_status, n - 1);
	appraisal_correct_inputs(a, b);
	a->applying_new = 1;
	eval_batch(b);
	appraisal_record(a, b, pts, status);
	appraisal_annotate(a, b);
	appraisal_sort_records(a);
	free(pts);
	free(status);
}

/* 1 when input decision x's value, with the unit's other new input
 * decisions applied, leaves an input of the unit outside its min or max
 * (the corrected input, or one bounded by it); reported at x's row. */
static int correction_breaks_bound(const batch *b, const appraisal *a,
                                   const appr_decision *x, diag *d)
{
	const chiso_model *m = b->model;
	unit_value *row = xcalloc(m->ninputs ? m->ninputs : 1, sizeof(*row));
	strbuf why = STRBUF_INIT;
	size_t i;
	int upper, bad = 0;

	memcpy(row, &b->values[x->unit * m->ninputs],
	       m->ninputs * sizeof(*row));
	for (i = 0; i < a->n; i++)
		if (a->items[i].kind == APPR_INPUT && !a->items[i].prior &&
		    a->items[i].unit == x->unit)
			row[a->items[i].target] = a->items[i].value;
	for (i = 0; i < m->ninputs && !bad; i++) {
		const model_input *in = &m->inputs[i];

		if (i != x->target &&
		    !(in->min.kind == BOUND_INPUT &&
		      (size_t)in->min.slot == x->target) &&
		    !(in->max.kind == BOUND_INPUT &&
		      (size_t)in->max.slot == x->target))
			continue;
		for (upper = 0; upper <= 1 && !bad; upper++)
			bad = data_bound_problem(m, row, i, upper, &why);
		if (bad) {
			strbuf_reset(&why);
			data_bound_shown(m, row, i, upper - 1, &why);
		}
		if (bad)
			diag_error(
			        d, x->source, 0, 0,
			        _("unit %s: input %s: %s once corrected; a "
			          "correction keeps the unit's inputs within "
			          "their bounds (correct them together)"),
			        batch_str(b, b->units[x->unit].code), in->id,
			        strbuf_str(&why));
	}
	strbuf_release(&why);
	free(row);
	return bad;
}

int appraise_run(batch *b, appraisal *a, const char *self, char *const *files,
                 size_t n, const char *stage, diag *d)
{
	char file_sha[65], model_sha[65];
	size_t i, u;
	int rc = 0;

	appraisal_basis_add(a, "model", b->model->path, b->model->sha256);
	if (appraise_load_recorded(b, a, self, 0, file_sha, model_sha, d) < 0)
		return -1;
	if (strcmp(model_sha, b->model->sha256) != 0) {
		diag_error(d, self, 0, 0,
		           _("scored under the model of sha256 %s, but %s has "
		             "sha256 %s: appraise with the model it was scored "
		             "under"),
		           *model_sha ? model_sha : _("(none)"), b->model->path,
		           b->model->sha256);
		return -1;
	}
	if (check_stages(b, self, stage, d) < 0)
		return -1;
	if (a->evidence_dir && evidence_files_hash(b, a->evidence_dir, d) > 0)
		return -1;
	appraisal_basis_add(a, "results", self, file_sha);
	for (i = 0; i < n; i++)
		if (appraisal_read_file(a, b, files[i], stage, d) < 0)
			rc = -1;
	for (i = 0; i < a->n; i++)
		if (a->items[i].kind == APPR_INPUT && !a->items[i].prior &&
		    correction_breaks_bound(b, a, &a->items[i], d))
			rc = -1;
	if (rc < 0)
		return -1;
	appraise_evaluate(b, a);
	for (u = 0; u < b->nunits; u++)
		b->units[u].stage = batch_intern_str(b, stage);
	return 0;
}
