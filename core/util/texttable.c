/*
 * texttable.c - aligned text tables.
 */
#include "util/texttable.h"

#include "util/escape.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

struct texttable {
	size_t ncols;
	unsigned char *right;
	size_t *max;   /* 0: unlimited */
	strbuf pool;   /* cell texts, NUL-separated */
	size_t *cells; /* nrows x ncols offsets into pool */
	size_t nrows, cap;
};

/* Allocates the column settings; the pool starts with "". */
texttable *texttable_new(size_t ncols)
{
	texttable *t = xcalloc(1, sizeof(*t));

	t->ncols = ncols;
	t->right = xcalloc(ncols, 1);
	t->max = xcalloc(ncols, sizeof(size_t));
	strbuf_add(&t->pool, "", 1);
	return t;
}

void texttable_free(texttable *t)
{
	if (!t)
		return;
	free(t->right);
	free(t->max);
	free(t->cells);
	strbuf_release(&t->pool);
	free(t);
}

void texttable_right(texttable *t, size_t col)
{
	if (col < t->ncols)
		t->right[col] = 1;
}

void texttable_max(texttable *t, size_t col, size_t cols)
{
	if (col < t->ncols)
		t->max[col] = cols;
}

/* Copies the cells into the pool, control characters and bidi controls
 * escaped (escape.h), then cut to the column's cap. */
void texttable_row(texttable *t, const char *const *cells)
{
	size_t c;

	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->cells = xrealloc(t->cells,
		                    t->cap * t->ncols * sizeof(*t->cells));
	}
	for (c = 0; c < t->ncols; c++) {
		const char *s = cells[c] ? cells[c] : "";
		size_t off = t->pool.len;

		if (t->max[c] > 1)
			escape_fit(&t->pool, s, t->max[c]);
		else
			escape_append(&t->pool, s, 0);
		strbuf_add(&t->pool, "", 1);
		t->cells[t->nrows * t->ncols + c] = off;
	}
	t->nrows++;
}

/* Measures the columns, then pads every cell to its column's width. */
void texttable_print(const texttable *t, FILE *f)
{
	size_t *width = xcalloc(t->ncols ? t->ncols : 1, sizeof(size_t));
	size_t r, c, last;
	strbuf line = STRBUF_INIT;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			size_t w = utf8_width(t->pool.data +
			                      t->cells[r * t->ncols + c]);

			if (w > width[c])
				width[c] = w;
		}
	for (r = 0; r < t->nrows; r++) {
		strbuf_reset(&line);
		for (c = 0; c < t->ncols; c++) {
			const char *s =
			        t->pool.data + t->cells[r * t->ncols + c];
			size_t pad = width[c] - utf8_width(s), i;

			if (c > 0)
				strbuf_puts(&line, "  ");
			if (t->right[c])
				for (i = 0; i < pad; i++)
					strbuf_putc(&line, ' ');
			strbuf_puts(&line, s);
			if (!t->right[c])
				for (i = 0; i < pad; i++)
					strbuf_putc(&line, ' ');
		}
		last = line.len;
		while (last > 0 && line.data[last - 1] == ' ')
			last--;
		fprintf(f, "%.*s\n", (int)last, line.data ? line.data : "");
	}
	strbuf_release(&line);
	free(width);
}
