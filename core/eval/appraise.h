/*
 * appraise.h - the next stage of a results document: its units read
 * back with the decisions it records, the appraisal files' decisions
 * applied (inputs corrected and recomputed by the plugins, indicators
 * awarded points or made not applicable), and what each changed.
 *
 * Ownership: the batch and the appraisal are the caller's; what is read
 * goes into them (batch_free(), appraisal_free()).
 */
#ifndef CHISO_APPRAISE_H
#define CHISO_APPRAISE_H

#include "eval/appraisal.h"
#include "eval/batch.h"
#include "util/diag.h"

/*
 * Reads the results document at path into b (its units and values, as
 * data) and its recorded decisions into a (with keep_basis, its basis
 * files too); writes the SHA-256 of the file into file_sha and the
 * model.sha256 it records into model_sha. Returns 0, or -1 with errors
 * in d.
 */
int appraise_load_recorded(batch *b, appraisal *a, const char *path,
                           int keep_basis, char file_sha[65],
                           char model_sha[65], diag *d);

/*
 * Evaluates b with the prior decisions of a, then with a's new decisions
 * applied, and records what each new one changed (appraisal_record()).
 * b->before_sums and b->audit are set to a.
 */
void appraise_evaluate(batch *b, appraisal *a);

/*
 * The whole of "chiso appraise" but the writing: reads the results
 * document self (which must hold the stage before `stage` and come from
 * b's model), then each of the n appraisal files, and evaluates. With
 * a->evidence_dir, the evidence files of self's data are hashed in it
 * too (eval/evidence_files.h), as the new decisions' are. Each
 * unit is then of stage `stage`. Returns 0, or -1 with errors in d
 * (nothing to write).
 */
int appraise_run(batch *b, appraisal *a, const char *self, char *const *files,
                 size_t n, const char *stage, diag *d);

#endif
