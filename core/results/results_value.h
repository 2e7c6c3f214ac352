/*
 * results_value.h - one input value of a unit as the results document
 * writes it: a bare value, or {value, evidence, comment}.
 */
#ifndef CHISO_RESULTS_VALUE_H
#define CHISO_RESULTS_VALUE_H

#include "eval/batch.h"
#include "util/jsonw.h"

/* Writes v, a value of input in of batch b, to w. */
void results_value_write(jsonw *w, const batch *b, const model_input *in,
                         const unit_value *v);

#endif
