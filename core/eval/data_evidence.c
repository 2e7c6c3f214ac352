/*
 * data_evidence.c - the "evidence" mapping of a unit record read into
 * the batch's evidence files: each indicator id checked, each text split
 * at '|'.
 */
#include "eval/data_evidence.h"

#include "eval/evidence_files.h"
#include "read/schema.h"
#include "util/escape.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/suggest.h"

#include <stdlib.h>
#include <string.h>

int data_evidence_node(const chiso_model *m, const char *id)
{
	int i = model_node_index(m, id);

	return i >= 0 && m->nodes[i].is_leaf ? i : -1;
}

void data_evidence_unknown(const chiso_model *m, const char *id, strbuf *sb)
{
	const char **ids = xcalloc(m->nleaves + 1, sizeof(*ids));
	const char *near;
	size_t k;

	for (k = 0; k < m->nleaves; k++)
		ids[k] = m->nodes[m->leaves[k]].id;
	near = suggest_closest(id, ids, m->nleaves);
	if (model_node_index(m, id) >= 0)
		strbuf_printf(sb,
		              _("'%s' is an index of model %s, not an "
		                "indicator: evidence files belong to "
		                "indicators"),
		              id, m->id);
	else
		strbuf_printf(sb, _("'%s' is not an indicator of model %s"), id,
		              m->id);
	if (near)
		strbuf_printf(sb, _("; did you mean '%s'?"), near);
	free(ids);
}

/* Writes the place line:col of src into sb: "FILE:LINE:COL", or as its
 * reader names places. */
static void put_place(const data_evidence_src *src, strbuf *sb, unsigned line,
                      unsigned col)
{
	strbuf_printf(sb, "%s:", src->file);
	if (src->place)
		src->place(src->place_arg, sb, line, col);
	else
		strbuf_printf(sb, "%u:%u", line, col);
}

/* An error of the file at n: "PLACE: unit CODE: msg". */
static void file_error(const data_evidence_src *src, const doc_node *n,
                       const char *code, const char *msg)
{
	strbuf sb = STRBUF_INIT;

	put_place(src, &sb, n->line, n->col);
	diag_error(src->d, NULL, 0, 0, _("%s: unit %s: %s"), strbuf_str(&sb),
	           code, msg);
	strbuf_release(&sb);
}

/* A problem of unit u at n (stored escaped, in English: msg; shown in
 * the run's language: shown); the unit is invalid. */
static void unit_problem(const data_evidence_src *src, batch *b, size_t u,
                         const doc_node *n, const char *msg, const char *shown)
{
	strbuf sb = STRBUF_INIT, loc = STRBUF_INIT, safe = STRBUF_INIT,
	       safe_loc = STRBUF_INIT;

	put_place(src, &sb, n->line, n->col);
	strbuf_puts(&loc, strbuf_str(&sb));
	strbuf_printf(&sb, ": unit %s: %s", batch_str(b, b->units[u].code),
	              msg);
	strbuf_printf(&loc, _(": unit %s: "), batch_str(b, b->units[u].code));
	strbuf_puts(&loc, shown);
	escape_append(&safe, strbuf_str(&sb), 0);
	escape_append(&safe_loc, strbuf_str(&loc), 0);
	batch_problem_add2(b, u, strbuf_str(&safe), strbuf_str(&safe_loc));
	b->units[u].invalid = 1;
	strbuf_release(&sb);
	strbuf_release(&loc);
	strbuf_release(&safe);
	strbuf_release(&safe_loc);
}

/* 1 when s is 64 lower-case hex digits. */
static int is_sha(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* The SHA-256 a results record's node id records for file[0..len)
 * (its "evidence_files"), or NULL. Borrowed from rec. */
static const char *recorded_sha(const doc_node *rec, const char *id,
                                const char *file, size_t len)
{
	const doc_node *nodes = doc_get(rec, "nodes"), *files = NULL, *f, *h;
	size_t i;

	for (i = 0; nodes && nodes->kind == DOC_SEQ && i < nodes->count; i++) {
		const doc_node *n = nodes->items[i], *nid = doc_get(n, "id");

		if (nid && nid->kind == DOC_SCALAR &&
		    strcmp(nid->text, id) == 0) {
			files = doc_get(n, "evidence_files");
			break;
		}
	}
	for (i = 0; files && files->kind == DOC_SEQ && i < files->count; i++) {
		f = doc_get(files->items[i], "file");
		h = doc_get(files->items[i], "sha256");
		if (f && f->kind == DOC_SCALAR && f->len == len &&
		    memcmp(f->text, file, len) == 0 && h &&
		    h->kind == DOC_SCALAR && is_sha(h->text))
			return h->text;
	}
	return NULL;
}

/* The references of text n, for indicator node of unit u. */
static void add_refs(const data_evidence_src *src, batch *b, size_t u, int node,
                     const doc_node *n, const doc_node *rec)
{
	const char *id = b->model->nodes[node].id;
	const char *p = n->text, *end = n->text + n->len, *q, *sha;
	strbuf place = STRBUF_INIT, shown = STRBUF_INIT;
	size_t at, len;
	unsigned cp;

	if (escape_find_control(n->text, n->len, 0, &at, &cp)) {
		strbuf_printf(&place,
		              "evidence %s: contains a control character "
		              "(U+%04X); remove it",
		              id, cp);
		strbuf_printf(&shown,
		              _("evidence %s: contains a control character "
		                "(U+%04X); remove it"),
		              id, cp);
		unit_problem(src, b, u, n, strbuf_str(&place),
		             strbuf_str(&shown));
		strbuf_release(&place);
		strbuf_release(&shown);
		return;
	}
	put_place(src, &place, n->line, n->col);
	while (p <= end) {
		q = memchr(p, '|', (size_t)(end - p));
		if (!q)
			q = end;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		len = (size_t)(q - p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len > 0) {
			unit_evidence *e = evidence_files_add(
			        b, u, (size_t)node, p, len, strbuf_str(&place));

			sha = src->results_doc ? recorded_sha(rec, id, p, len)
			                       : NULL;
			if (sha)
				e->sha = batch_intern(b, sha, 64);
		}
		p = q + 1;
	}
	strbuf_release(&place);
}

int data_evidence_read(const data_evidence_src *src, batch *b, size_t u,
                       const doc_node *rec)
{
	const doc_node *map = doc_get(rec, "evidence");
	strbuf msg = STRBUF_INIT;
	char *code;
	size_t i, k;
	int rc = 0;

	if (!map || schema_is_null(map))
		return 0;
	/* a copy: the pool grows as references are added */
	code = xstrdup(batch_str(b, b->units[u].code));
	if (map->kind != DOC_MAP) {
		strbuf_printf(&msg,
		              _("evidence must be a mapping of indicator ids "
		                "to files, not %s"),
		              _(doc_kind_name(map->kind)));
		file_error(src, map, code, strbuf_str(&msg));
		rc = -1;
	}
	for (i = 0; map->kind == DOC_MAP && i < map->count; i++) {
		const doc_node *key = map->keys[i], *v = map->items[i];
		int node = data_evidence_node(b->model, key->text);

		strbuf_reset(&msg);
		if (node < 0) {
			strbuf_puts(&msg, "evidence: ");
			data_evidence_unknown(b->model, key->text, &msg);
			if (src->results_doc) {
				diag_at(src->d, DIAG_WARNING, src->file,
				        key->line, key->col,
				        _("unit %s: %s; ignored"), code,
				        strbuf_str(&msg));
			} else {
				file_error(src, key, code, strbuf_str(&msg));
				rc = -1;
			}
			continue;
		}
		if (schema_is_null(v))
			continue;
		if (v->kind == DOC_SCALAR) {
			add_refs(src, b, u, node, v, rec);
			continue;
		}
		for (k = 0; v->kind == DOC_SEQ && k < v->count; k++)
			if (v->items[k]->kind == DOC_SCALAR)
				add_refs(src, b, u, node, v->items[k], rec);
			else
				break;
		if (v->kind == DOC_SEQ && k == v->count)
			continue;
		strbuf_printf(
		        &msg,
		        _("evidence %s: expected a file name or a list "
		          "of file names, not %s"),
		        key->text,
		        _(doc_kind_name(v->kind == DOC_SEQ ? v->items[k]->kind
		                                           : v->kind)));
		file_error(src, v, code, strbuf_str(&msg));
		rc = -1;
	}
	strbuf_release(&msg);
	free(code);
	return rc;
}
