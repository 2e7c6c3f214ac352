/*
 * template_xlsx.h - a blank data workbook of a model, for assessors who
 * work in Excel: the first sheet ("Dữ liệu") in the batch layout that
 * chiso evaluate reads (row 1 the column names of the CSV template, row 2
 * a '#' comment row of Vietnamese labels with each input's unit, one unit
 * per row after), with the header frozen and a data validation on every
 * input column: a dropdown of có/không for yes/no inputs and of the
 * choices for choice inputs, whole or decimal numbers within the input's
 * bounds (another input's value where the bound is one), with the
 * input's label as the prompt; then a sheet "Hướng dẫn" (instructions):
 * how to fill it in and every input with its type, unit, bounds and the
 * indicators that use it.
 *
 * The form layout (form 1) is one unit's form instead: a first sheet
 * "Phiếu" with a row per field (row 1 "field | value | Nội dung | Cách
 * ghi", then code, name, level, parent, period, stage and every input):
 * its id in column A, its value to fill in column B (validated as
 * above; another input's bound is its cell, $B$12), its label in C and
 * what to write in D. chiso evaluate reads that form too.
 */
#ifndef CHISO_TEMPLATE_XLSX_H
#define CHISO_TEMPLATE_XLSX_H

#include "model/model.h"

#include <stddef.h>

/*
 * Writes the workbook of model m to path, all or nothing (a temporary
 * file renamed over path when complete). Returns 0, or -1 with the
 * reason in err ("PATH: reason"), e.g. when chiso was built without
 * libxlsxwriter or path is not a file.
 */
int template_xlsx_write(const chiso_model *m, const char *path, int form,
                        char *err, size_t errsize);

#endif
