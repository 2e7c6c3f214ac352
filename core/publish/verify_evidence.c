/*
 * verify_evidence.c - the evidence files a unit's data names per
 * indicator, checked by "chiso verify": each node lists them as the
 * unit's evidence names them, and with an evidence directory each file
 * is still there with the SHA-256 the node records.
 */
#include "publish/verify_evidence.h"

#include "eval/evidence_files.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#include <stdarg.h>
#include <string.h>

/* What the checks of one document share. */
struct check {
	const batch *b;
	const char *path;
	size_t *checked;
	diag *found;
};

/* The text of key in map, or NULL. Borrowed from the doc. */
static const char *text_of(const doc_node *map, const char *key)
{
	const doc_node *n = doc_get(map, key);

	return n && n->kind == DOC_SCALAR ? n->text : NULL;
}

/* Reports "PATH:LINE:COL: unit CODE: node ID: ..." at n. */
static void node_differs(struct check *v, const doc_node *n, size_t u, size_t i,
                         const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));
static void node_differs(struct check *v, const doc_node *n, size_t u, size_t i,
                         const char *fmt, ...)
{
	strbuf sb = STRBUF_INIT;
	va_list ap;

	strbuf_printf(&sb, _("unit %s: node %s: "),
	              batch_str(v->b, v->b->units[u].code),
	              v->b->model->nodes[i].id);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	diag_at(v->found, DIAG_ERROR, v->path, n ? n->line : 0, n ? n->col : 0,
	        "%s", strbuf_str(&sb));
	strbuf_release(&sb);
}

/* Node i of unit u as recorded (rec, its map) against the evidence files
 * of the unit's data. */
static void check_node(struct check *v, const doc_node *rec, size_t u, size_t i,
                       int hashed)
{
	const batch *b = v->b;
	const doc_node *files = doc_get(rec, "evidence_files");
	size_t n, k, r = 0;
	const unit_evidence *e = evidence_files_of(b, u, &n);

	for (k = 0; k < n; k++) {
		const doc_node *f;
		const char *file, *sha;

		if (e[k].node != i)
			continue;
		f = files && files->kind == DOC_SEQ && r < files->count
		            ? files->items[r]
		            : NULL;
		r++;
		file = f ? text_of(f, "file") : NULL;
		sha = f ? text_of(f, "sha256") : NULL;
		if (!file || strcmp(file, batch_str(b, e[k].file)) != 0) {
			node_differs(v, f ? f : rec, u, i,
			             _("evidence file '%s' of the unit's "
			               "evidence is not recorded in its place "
			               "(evidence_files has '%s')"),
			             batch_str(b, e[k].file),
			             file ? file : _("(none)"));
			return;
		}
		if (!hashed || !e[k].sha)
			continue; /* not checked, or reported missing */
		if (!sha)
			node_differs(
			        v, f, u, i,
			        _("evidence file '%s' is recorded without its "
			          "sha256: nothing to check it against"),
			        file);
		else if (strcmp(sha, batch_str(b, e[k].sha)) != 0)
			node_differs(
			        v, doc_get(f, "sha256"), u, i,
			        _("evidence file '%s' has sha256 %s, but %s "
			          "is recorded: it changed since"),
			        file, batch_str(b, e[k].sha), sha);
		else
			(*v->checked)++;
	}
	if (files && (files->kind != DOC_SEQ || files->count != r))
		node_differs(v, files, u, i,
		             P_("evidence_files lists %zu file, the unit's "
		                "evidence names %zu",
		                "evidence_files lists %zu files, the unit's "
		                "evidence names %zu",
		                files->kind == DOC_SEQ ? files->count : 0),
		             files->kind == DOC_SEQ ? files->count : 0, r);
}

void verify_evidence_nodes(const batch *b, const doc_node *root,
                           const char *path, int hashed, size_t *checked,
                           diag *found)
{
	struct check v = {b, path, checked, found};
	const doc_node *units = doc_get(root, "units");
	size_t u, k;

	for (u = 0; units && u < units->count && u < b->nunits; u++) {
		const doc_node *nodes = doc_get(units->items[u], "nodes");

		for (k = 0; nodes && k < nodes->count; k++) {
			const char *id = text_of(nodes->items[k], "id");
			int i = -1;

			/* in model order, unless the file was changed */
			if (id && k < b->model->nnodes &&
			    strcmp(b->model->nodes[k].id, id) == 0)
				i = (int)k;
			else if (id)
				i = model_node_index(b->model, id);
			if (i >= 0 && b->model->nodes[i].is_leaf)
				check_node(&v, nodes->items[k], u, (size_t)i,
				           hashed);
		}
	}
}
