/*
 * evidence_files.c - the evidence files of units' indicators in a batch:
 * appended unit by unit as data is read, hashed inside a directory.
 */
#include "eval/evidence_files.h"

#include "util/dir_file.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

unit_evidence *evidence_files_add(batch *b, size_t u, size_t node,
                                  const char *file, size_t len,
                                  const char *place)
{
	unit_rec *ur = &b->units[u];
	unit_evidence *e;

	if (b->nevidence == b->evidence_cap) {
		b->evidence_cap = b->evidence_cap ? 2 * b->evidence_cap : 16;
		b->evidence = xrealloc(b->evidence,
		                       b->evidence_cap * sizeof(*b->evidence));
	}
	if (ur->ev_count == 0)
		ur->ev_first = b->nevidence;
	e = &b->evidence[b->nevidence++];
	e->node = node;
	e->file = batch_intern(b, file, len);
	e->sha = 0;
	e->place = batch_intern_str(b, place);
	ur->ev_count++;
	return e;
}

const unit_evidence *evidence_files_of(const batch *b, size_t u, size_t *n)
{
	*n = b->units[u].ev_count;
	return *n ? &b->evidence[b->units[u].ev_first] : NULL;
}

int evidence_files_any(const batch *b, size_t u, size_t node)
{
	size_t n, k;
	const unit_evidence *e = evidence_files_of(b, u, &n);

	for (k = 0; k < n; k++)
		if (e[k].node == node)
			return 1;
	return 0;
}

void evidence_files_drop(batch *b, size_t first)
{
	size_t u;

	for (u = first; u < b->nunits; u++)
		if (b->units[u].ev_count) {
			b->nevidence = b->units[u].ev_first;
			return;
		}
}

size_t evidence_files_hash(batch *b, const char *dir, diag *d)
{
	size_t u, k, failed = 0;

	for (u = 0; u < b->nunits; u++) {
		const unit_rec *ur = &b->units[u];

		for (k = 0; k < ur->ev_count; k++) {
			unit_evidence *x = &b->evidence[ur->ev_first + k];
			strbuf why = STRBUF_INIT;
			char sha[65];

			if (dir_file_hash(dir, batch_str(b, x->file), sha,
			                  &why) == 0) {
				x->sha = batch_intern(b, sha, 64);
			} else {
				x->sha = 0;
				failed++;
				diag_error(
				        d, NULL, 0, 0,
				        _("%s: unit %s: indicator %s: evidence "
				          "file '%s' %s (--evidence-dir %s)"),
				        batch_str(b, x->place),
				        batch_str(b, ur->code),
				        b->model->nodes[x->node].id,
				        batch_str(b, x->file), strbuf_str(&why),
				        dir);
			}
			strbuf_release(&why);
		}
	}
	return failed;
}
