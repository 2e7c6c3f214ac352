/*
 * read_limits.c - the limits of what chiso reads, and their messages.
 */
#include "util/read_limits.h"

#include "util/i18n.h"

#include <stdio.h>

#define MIB (1024u * 1024u)

const doc_limits doc_limits_model = {
        .max_file_bytes = (size_t)LIMIT_MODEL_FILE_MB * MIB,
        .max_depth = LIMIT_DEPTH,
        .max_nodes = LIMIT_MODEL_NODES,
        .max_scalar_bytes = LIMIT_SCALAR_BYTES,
        .what = N_("a model file"),
        .file_option = NULL,
};

const doc_limits doc_limits_data = {
        .max_file_bytes = (size_t)LIMIT_DATA_FILE_MB * MIB,
        .max_depth = LIMIT_DEPTH,
        .max_nodes = LIMIT_DATA_NODES,
        .max_scalar_bytes = LIMIT_SCALAR_BYTES,
        .what = N_("a data file"),
        .file_option = "--max-file-mb",
};

void limits_set_file_mb(doc_limits *lim, size_t mb)
{
	lim->max_file_bytes = mb * MIB;
}

void limits_file_error(diag *d, const char *path, unsigned long long size,
                       const doc_limits *lim)
{
	char got[64] = "", max[64];

	if (size)
		snprintf(got, sizeof(got), _(" (%llu bytes)"), size);
	else /* a stream, stopped where it crossed the limit */
		snprintf(got, sizeof(got), _(" (more than %zu bytes)"),
		         lim->max_file_bytes);
	if (lim->max_file_bytes % MIB == 0)
		snprintf(max, sizeof(max), _("%zu MiB (%zu bytes)"),
		         lim->max_file_bytes / MIB, lim->max_file_bytes);
	else
		snprintf(max, sizeof(max), _("%zu bytes"), lim->max_file_bytes);
	if (lim->file_option)
		diag_error(
		        d, path, 0, 0,
		        _("file too large%s: the limit for %s is %s; raise it "
		          "with %s N (N in MiB), or split the file"),
		        got, _(lim->what), max, lim->file_option);
	else
		diag_error(
		        d, path, 0, 0,
		        _("file too large%s: the limit for %s is %s, a fixed "
		          "limit; is this the right file?"),
		        got, _(lim->what), max);
}

int limits_check_file(diag *d, const char *path, size_t len,
                      const doc_limits *lim)
{
	if (len <= lim->max_file_bytes)
		return 0;
	limits_file_error(d, path, len, lim);
	return -1;
}

const char *limits_depth_text(char *buf, size_t size, const doc_limits *lim)
{
	snprintf(buf, size,
	         _("nesting deeper than %u levels of mappings and lists (a "
	           "fixed limit)"),
	         lim->max_depth);
	return buf;
}

const char *limits_nodes_text(char *buf, size_t size, const doc_limits *lim)
{
	snprintf(buf, size,
	         _("too many values, mappings and lists: the limit for %s is "
	           "%zu (a fixed limit); split the file"),
	         _(lim->what), lim->max_nodes);
	return buf;
}

const char *limits_scalar_text(char *buf, size_t size, size_t len,
                               const doc_limits *lim)
{
	snprintf(buf, size,
	         _("value too long: %zu bytes, the limit is %zu bytes (%zu "
	           "KiB) per value (a fixed limit)"),
	         len, lim->max_scalar_bytes, lim->max_scalar_bytes / 1024);
	return buf;
}
