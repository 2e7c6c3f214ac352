/*
 * evidence_rule.h - indicators whose model requires evidence
 * (evidence_required: warn | withhold, docs/model-format.md): a unit
 * gives evidence for an indicator when one of the inputs it reads has an
 * "evidence" in the unit's data, or when the data names evidence files
 * for the indicator itself (eval/data_evidence.h). Without any, the
 * indicator is flagged in its note (and in the results, "evidence":
 * "missing"); under withhold it earns no points (status ok, fraction 0),
 * unless an appraisal decides otherwise.
 */
#ifndef CHISO_EVIDENCE_RULE_H
#define CHISO_EVIDENCE_RULE_H

#include "eval/batch.h"

/* 1 when indicator node i requires evidence and unit u gives none. */
int evidence_lacking(const batch *b, size_t u, size_t i);

/* Flags (and under withhold, withholds) each indicator of each scored
 * unit of b that lacks its required evidence. Called by eval_batch()
 * once every indicator was computed. */
void evidence_rule_apply(batch *b);

#endif
