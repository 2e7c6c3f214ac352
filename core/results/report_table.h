/*
 * report_table.h - the human-readable result of evaluate: per unit, the
 * tree with earned / available points, values to the model's precision,
 * status and the plugin's note.
 */
#ifndef CHISO_REPORT_TABLE_H
#define CHISO_REPORT_TABLE_H

#include "eval/batch.h"

#include <stdio.h>

/* Writes every unit of the evaluated batch b as a table to f. */
void report_table_write(const batch *b, FILE *f);

#endif
