/*
 * texttable.h - aligned plain-text tables that stay aligned for
 * Vietnamese (and any UTF-8) text: widths are display columns
 * (utf8_width), not bytes.
 *
 * Cells are text from data files: their control characters and bidi
 * controls are shown as "<U+XXXX>" (util/escape.h), and a long cell is
 * cut after escaping, so no escape is cut in half.
 *
 * Ownership: texttable_new() returns a table the caller frees with
 * texttable_free(); cells are copied in.
 */
#ifndef CHISO_TEXTTABLE_H
#define CHISO_TEXTTABLE_H

#include <stddef.h>
#include <stdio.h>

typedef struct texttable texttable;

/* A table of ncols columns, all left-aligned and unlimited. */
texttable *texttable_new(size_t ncols);
void texttable_free(texttable *t);

/* Right-aligns column col (numbers). */
void texttable_right(texttable *t, size_t col);
/* Caps column col at cols display columns; longer cells (once escaped)
 * end in "…". */
void texttable_max(texttable *t, size_t col, size_t cols);

/* Adds a row of ncols cells (NULL cells are empty). */
void texttable_row(texttable *t, const char *const *cells);

/* Prints every row, columns separated by two spaces, trailing spaces
 * trimmed. */
void texttable_print(const texttable *t, FILE *f);

#endif
