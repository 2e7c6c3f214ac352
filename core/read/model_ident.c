/*
 * model_ident.c - a model file's id, version and hash, read without
 * loading the model (model_ident.h).
 */
#include "read/model_ident.h"

#include "read/doc.h"
#include "read/results_kind.h"
#include "read/source.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

/* The text of scalar key of map, or "" (borrowed from the doc). */
static const char *scalar_text(const doc_node *map, const char *key)
{
	const doc_node *n = doc_get(map, key);

	return n && n->kind == DOC_SCALAR ? n->text : "";
}

/* Refuses a document that is not a model, with what it is instead. */
static int check_kind(const char *path, const doc_node *root, diag *d)
{
	const doc_node *hdr = root ? doc_get(root, "model") : NULL;

	if (root && root->kind == DOC_MAP && doc_get(root, "units") && hdr) {
		diag_error(
		        d, path, 0, 0,
		        _("this is a results document, not a model; give the "
		          "model file first and the results after it: chiso "
		          "sensitivity MODEL %s"),
		        path);
		return -1;
	}
	if (results_kind_of_tree(root) == RESULTS_KIND_DATA) {
		diag_error(
		        d, path, 0, 0,
		        _("this is a data file (units with input values), not "
		          "a model; give the model file the results were made "
		          "with"));
		return -1;
	}
	if (!hdr || hdr->kind != DOC_MAP || !*scalar_text(hdr, "id")) {
		diag_error(
		        d, path, root ? root->line : 0, root ? root->col : 0,
		        _("not a model: it has no model.id (a model file "
		          "starts with 'model:' giving its id and version)"));
		return -1;
	}
	return 0;
}

int model_ident_read(const char *path, model_ident *mi, diag *d)
{
	const doc_node *hdr;
	char *buf;
	size_t len;
	doc *tree;

	memset(mi, 0, sizeof(*mi));
	if (source_read_file(path, &doc_limits_model, &buf, &len, d) < 0)
		return -1;
	sha256_hex(buf, len, mi->sha256);
	tree = source_parse(path, buf, len, &doc_limits_model, d);
	free(buf);
	if (!tree)
		return -1;
	if (check_kind(path, tree->root, d) < 0) {
		doc_free(tree);
		return -1;
	}
	hdr = doc_get(tree->root, "model");
	mi->path = xstrdup(path);
	mi->id = xstrdup(scalar_text(hdr, "id"));
	mi->version = xstrdup(scalar_text(hdr, "version"));
	doc_free(tree);
	return 0;
}

void model_ident_free(model_ident *mi)
{
	free(mi->path);
	free(mi->id);
	free(mi->version);
	memset(mi, 0, sizeof(*mi));
}
