/*
 * score_sheet.h - the score sheet of evaluate (-f csv, -f xlsx): one row
 * per unit: its identity (code, name, level, parent, period, stage),
 * status (ok, error, invalid), total points, maximum, value and class,
 * then the points of every node in model order. One header row, as
 * rank's CSV has: node columns are headed "ID name" ("1.1 Ban chỉ đạo
 * CĐS họp trong năm"), so a spreadsheet's filters and a CSV reader see
 * one row per unit and nothing else. Numbers are the published ones, to
 * the model's precision (maxima without trailing zeros); an invalid
 * unit has its identity and status only.
 */
#ifndef CHISO_SCORE_SHEET_H
#define CHISO_SCORE_SHEET_H

#include "eval/batch.h"
#include "util/sheetw.h"

/* Writes the score sheet of the evaluated batch b as rows into w. */
void score_sheet_write(const batch *b, sheetw *w);

#endif
