/*
 * model_doc.h - a model as the document an official recognises: the
 * annex of the decision that publishes a criteria set. A title block
 * (title, id, version, issuer, legal basis, level, total points, file
 * hash), then per main index a table of its indicators with their
 * maximum points, how each is computed (a sentence written from the
 * method and its params), mandatory/extended, evidence, source and
 * notes; the checked totals; the views and recognition classes; and an
 * appendix of the inputs.
 *
 * The text depends only on the model file (no dates, no paths beyond
 * the file's base name), so generated documents are stable.
 */
#ifndef CHISO_MODEL_DOC_H
#define CHISO_MODEL_DOC_H

#include "model/model.h"
#include "util/strbuf.h"

#include <stdio.h>

/* Output formats. TEXT is Markdown-like text without any escaping (for
 * messages and tests). */
typedef enum model_doc_format {
	MODEL_DOC_MD = 0,
	MODEL_DOC_HTML = 1,
	MODEL_DOC_TEXT = 2
} model_doc_format;

/* Languages of the labels and sentences (the model's own texts are
 * written as they are). */
typedef enum model_doc_lang {
	MODEL_DOC_VI = 0,
	MODEL_DOC_EN = 1
} model_doc_lang;

/*
 * Appends to sb how indicator node (a node index of m) is computed, one
 * sentence in lang, escaped for fmt: input labels in quotes with their
 * ids in code font ("`id`" in Markdown and TEXT, <code> in HTML). The
 * built-in methods (ratio, bands, boolean, choice, parts, target,
 * fraction, points) get their own sentence; any other method is
 * described by its name and params. A group gets "the sum of its
 * indicators".
 */
void model_doc_describe(const chiso_model *m, size_t node, model_doc_lang lang,
                        model_doc_format fmt, strbuf *sb);

/* Writes the whole document of m to f. Returns 0, or -1 when writing
 * failed. */
int model_doc_write(const chiso_model *m, model_doc_format fmt,
                    model_doc_lang lang, FILE *f);

#endif
