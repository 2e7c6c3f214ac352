/*
 * rank_xlsx.h - the ranking as an Excel workbook (libxlsxwriter, optional
 * at configure time): one sheet per group (or one "Ranking" sheet), a bold
 * frozen header row, numbers as numbers with the model's precision as
 * their format ("0.0000"), ranks as integers, column widths that fit,
 * Vietnamese text as UTF-8; a second sheet "Model" with the model's id,
 * version, title, sha256 and the generator; a "Not ranked" sheet when
 * some units were not ranked.
 */
#ifndef CHISO_RANK_XLSX_H
#define CHISO_RANK_XLSX_H

#include "publish/rank.h"

#include <stddef.h>

/* 1 when this chiso was built with libxlsxwriter, else 0. */
int rank_xlsx_available(void);

/*
 * Writes t to path, atomically (a temporary file in the same directory,
 * renamed when complete; a path naming a device, a FIFO or a descriptor
 * is refused). Returns 0, or -1 with a message in err (of size errsize):
 * "PATH: reason", or, without libxlsxwriter, "xlsx output
 * is not available: this chiso was built without libxlsxwriter (install
 * libxlsxwriter-dev and rebuild)".
 */
int rank_xlsx_write(const rank_table *t, const char *path, char *err,
                    size_t errsize);

#endif
