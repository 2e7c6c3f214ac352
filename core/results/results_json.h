/*
 * results_json.h - the results document (docs/results-format.md): the
 * model's identity and hash, the generator, the plugins used, and per
 * unit its identity, status, points, every node and the values read.
 * Because it carries the values, it is also valid input to evaluate.
 */
#ifndef CHISO_RESULTS_JSON_H
#define CHISO_RESULTS_JSON_H

#include "eval/batch.h"

#include <stdio.h>

/* Writes the evaluated batch b as a results document to f. */
void results_json_write(const batch *b, FILE *f);

#endif
