/*
 * plugin_test_text.h - the model and data "chiso plugin test" writes for
 * a case, as YAML text in memory with the origins of its parts, and the
 * moving of the places in messages about that text back into the cases
 * file.
 *
 * Parts of the cases file (inputs, params, values, points) are written
 * back in flow style as they were written (quoted stays quoted), each
 * marked with its line and column in the cases file. A message about
 * the generated text ("GEN:LINE:COL: ...", GEN being the file's
 * gen_path) then points at the part the place falls in, or at the
 * text's fallback node when no part does.
 *
 * Ownership: a pt_text owns its sb and pos (freed by pt_text_free())
 * and borrows its fallback node from the cases file's doc; the
 * pt_build_* functions append to a text and keep nothing.
 */
#ifndef CHISO_PLUGIN_TEST_TEXT_H
#define CHISO_PLUGIN_TEST_TEXT_H

#include "kit/plugin_test_cases.h"

#include "read/doc.h"
#include "util/diag.h"
#include "util/strbuf.h"

#include <stddef.h>

/* Where a piece of generated text came from (private to
 * plugin_test_text.c). */
struct pt_pos;

/* A generated YAML text and the origins of its parts. Owns sb, pos;
 * borrows fallback. */
struct pt_text {
	strbuf sb;
	unsigned line;      /* the current line, 1-based */
	size_t line_start;  /* offset of the current line in sb */
	struct pt_pos *pos; /* in text order */
	size_t npos, cap;
	const doc_node *fallback; /* where unmapped places point */
};

/* An empty text whose unmapped places point at fallback (borrowed: it
 * must outlive t). Free with pt_text_free(). */
void pt_text_init(struct pt_text *t, const doc_node *fallback);

/* Frees the text and its origins (t itself is the caller's). */
void pt_text_free(struct pt_text *t);

/*
 * Writes the one-indicator model of case c of pf to t: pf's inputs and
 * missing policy, and one main index named after the case, of its
 * points, computed by method (the plugin's name) with the case's
 * params. Borrows pf, method and c for the call only.
 */
void pt_build_model(const struct pt_file *pf, const char *method,
                    const struct pt_case *c, struct pt_text *t);

/* Writes the data of case c to t: its unit (code "case" unless given),
 * then one unit per item of others, codes other1, other2, ... */
void pt_build_data(const struct pt_case *c, struct pt_text *t);

/* Appends message text to out with a place in the generated text
 * ("GEN:LINE:COL: ...", GEN being pf->gen_path) moved to the cases
 * file; other text is appended as it is. out is the caller's. */
void pt_map_place(const struct pt_file *pf, const struct pt_text *t,
                  const char *text, strbuf *out);

/* Copies the entries of src into dst (the caller's), their places
 * mapped back as by pt_map_place(). */
void pt_map_diag(const struct pt_file *pf, const struct pt_text *t,
                 const diag *src, diag *dst);

#endif
