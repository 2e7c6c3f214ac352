/*
 * template.h - a blank data file for a model: every input with its
 * label, type, bounds and the indicators that use it, ready for an
 * assessor to fill in. YAML carries the help as comments; JSON, which
 * has none, as each value's "comment".
 */
#ifndef CHISO_TEMPLATE_H
#define CHISO_TEMPLATE_H

#include "model/model.h"

#include <stdio.h>

/* Writes the YAML template of m to f. */
void template_write_yaml(const chiso_model *m, FILE *f);

/* Writes the JSON template of m to f. */
void template_write_json(const chiso_model *m, FILE *f);

#endif
