/*
 * source.c - whole-file reads and the YAML/JSON choice.
 */
#include "read/source.h"

#include "read/json_reader.h"
#include "read/yaml_reader.h"
#include "util/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Reads from an open stream until EOF or past max. */
static int read_stream(FILE *f, const char *path, const doc_limits *lim,
                       char **buf, size_t *len, diag *d)
{
	strbuf sb = STRBUF_INIT;
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (sb.len + n > lim->max_file_bytes) {
			limits_file_error(d, path, 0, lim);
			strbuf_release(&sb);
			return -1;
		}
		strbuf_add(&sb, chunk, n);
	}
	if (ferror(f)) {
		diag_error(d, path, 0, 0, "read error: %s", strerror(errno));
		strbuf_release(&sb);
		return -1;
	}
	*len = sb.len;
	*buf = strbuf_detach(&sb);
	return 0;
}

/* Opens path (or stdin for "-"), refusing directories early. */
int source_read_file(const char *path, const doc_limits *lim, char **buf,
                     size_t *len, diag *d)
{
	struct stat st;
	FILE *f;
	int rc;

	if (strcmp(path, "-") == 0)
		return read_stream(stdin, "<stdin>", lim, buf, len, d);
	f = fopen(path, "rb");
	if (!f) {
		diag_error(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_error(d, path, 0, 0, "is a directory, not a file");
		fclose(f);
		return -1;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > lim->max_file_bytes) {
		limits_file_error(d, path, (unsigned long long)st.st_size, lim);
		fclose(f);
		return -1;
	}
	rc = read_stream(f, path, lim, buf, len, d);
	fclose(f);
	return rc;
}

/* 1 when path ends in ext, ignoring case. */
static int has_ext(const char *path, const char *ext)
{
	const char *dot = strrchr(path, '.');

	return dot && strcasecmp(dot, ext) == 0;
}

int source_is_json(const char *path)
{
	return has_ext(path, ".json");
}

int source_is_jsonl(const char *path)
{
	return has_ext(path, ".jsonl") || has_ext(path, ".ndjson");
}

int source_is_csv(const char *path)
{
	return has_ext(path, ".csv");
}

/* Dispatches to the reader and refuses empty documents. */
doc *source_parse(const char *path, const char *buf, size_t len,
                  const doc_limits *limits, diag *d)
{
	doc *parsed;

	if (source_is_json(path))
		parsed = json_read_buffer(path, buf, len, limits, d);
	else
		parsed = yaml_read_buffer(path, buf, len, limits, d);
	if (parsed && !parsed->root) {
		diag_error(d, path, 0, 0, "the file is empty");
		doc_free(parsed);
		return NULL;
	}
	return parsed;
}
