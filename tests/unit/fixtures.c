/*
 * fixtures.c - shared helpers of the unit tests.
 */
#include "fixtures.h"

#include "eval/data.h"
#include "eval/host.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *fixture_plugin_dir(void)
{
	const char *env = getenv("PLUGIN_DIR");

	return env && *env ? env : CHISO_BUILD_DIR "/plugins/.libs";
}

const char *fixture_test_plugin_dir(void)
{
	const char *env = getenv("TEST_PLUGIN_DIR");

	return env && *env ? env : CHISO_BUILD_DIR "/tests/plugins/.libs";
}

plugin_registry *fixture_registry(void)
{
	plugin_registry *reg = plugin_registry_new(&host_api);

	plugin_registry_add_dir(reg, fixture_plugin_dir());
	return reg;
}

chiso_model *fixture_model(plugin_registry *reg, const char *yaml, diag *d)
{
	return model_load_buffer("test.yaml", yaml, strlen(yaml), reg, d);
}

int fixture_diag_has(const diag *d, const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (strstr(d->items[i].text, text))
			return 1;
	return 0;
}

size_t fixture_diag_others(const diag *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->count; i++) {
		const char *t = d->items[i].text;

		n += !(d->items[i].level == DIAG_WARNING &&
		       (strstr(t, ": missing: ") || strstr(t, ": empty: ") ||
		        strstr(t, "no column '") ||
		        strstr(t, "looks like a fraction")));
	}
	return n;
}

int fixture_diag_has2(const diag *d, const char *a, const char *b)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (strstr(d->items[i].text, a) && strstr(d->items[i].text, b))
			return 1;
	return 0;
}

int fixture_diag_has_msg(const diag *d, const char *want)
{
	const char *sep = strstr(want, ": ");
	size_t plen = sep ? (size_t)(sep - want) + 2 : 0;
	size_t tlen = strcspn(want + plen, ";");
	char text[1024];
	size_t i;

	if (tlen >= sizeof(text))
		return 0;
	memcpy(text, want + plen, tlen);
	text[tlen] = '\0';
	for (i = 0; i < d->count; i++)
		if (strncmp(d->items[i].text, want, plen) == 0 &&
		    strstr(d->items[i].text + plen, text))
			return 1;
	return 0;
}

void fixture_diag_dump(const diag *d)
{
	diag_print(d, stderr);
}

int fixture_data(batch *b, const char *path, const char *text, diag *d)
{
	return data_load_buffer(b, path, text, strlen(text), d);
}

int fixture_unit(const batch *b, const char *code)
{
	size_t u;

	for (u = 0; u < b->nunits; u++)
		if (strcmp(batch_str(b, b->units[u].code), code) == 0)
			return (int)u;
	return -1;
}

size_t fixture_node(const chiso_model *m, const char *id)
{
	int i = model_node_index(m, id);

	if (i < 0) {
		fprintf(stderr, "fixture_node: no node '%s' in the model\n",
		        id);
		abort();
	}
	return (size_t)i;
}

size_t fixture_leaf(const chiso_model *m, const char *id)
{
	size_t i = fixture_node(m, id);

	if (!m->nodes[i].is_leaf) {
		fprintf(stderr, "fixture_leaf: node '%s' is not a leaf\n", id);
		abort();
	}
	return m->nodes[i].leaf;
}

const char *fixture_note(const batch *b, size_t u, const char *id)
{
	size_t k = fixture_leaf(b->model, id);

	return batch_str(b, b->leaf_note[BATCH_LEAF(b, u, k)]);
}

int fixture_problem_has(const batch *b, size_t u, const char *text)
{
	size_t p;

	for (p = b->units[u].first_problem; p; p = b->problems[p - 1].next)
		if (strstr(batch_str(b, b->problems[p - 1].text), text))
			return 1;
	return 0;
}

size_t fixture_problem_count(const batch *b, size_t u)
{
	size_t p, n = 0;

	for (p = b->units[u].first_problem; p; p = b->problems[p - 1].next)
		n++;
	return n;
}

void fixture_problems_dump(const batch *b)
{
	size_t u, p;

	for (u = 0; u < b->nunits; u++)
		for (p = b->units[u].first_problem; p;
		     p = b->problems[p - 1].next)
			fprintf(stderr, "%s\n",
			        batch_str(b, b->problems[p - 1].text));
}

char *fixture_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	size_t len;
	char *dir;

	if (!base || !*base)
		base = "/tmp";
	len = strlen(base) + sizeof("/chiso-test-XXXXXX");
	dir = malloc(len);
	if (!dir)
		return NULL;
	snprintf(dir, len, "%s/chiso-test-XXXXXX", base);
	if (!mkdtemp(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

void fixture_rmtree(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char path[4096];

	if (dp) {
		while ((de = readdir(dp)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			unlink(path);
		}
		closedir(dp);
	}
	rmdir(dir);
}

int fixture_copy_file(const char *src, const char *dst, unsigned mode)
{
	FILE *in = fopen(src, "rb"), *out;
	char buf[65536];
	size_t n;
	int rc = 0;

	if (!in)
		return -1;
	out = fopen(dst, "wb");
	if (!out) {
		fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (ferror(in))
		rc = -1;
	fclose(in);
	if (fclose(out) != 0)
		rc = -1;
	if (rc == 0 && chmod(dst, (mode_t)mode) != 0)
		rc = -1;
	return rc;
}

char *fixture_read_source(const char *rel, size_t *len)
{
	const char *dirs[2];
	char path[4096];
	size_t i;

	dirs[0] = getenv("srcdir");
	dirs[1] = CHISO_BUILD_DIR;
	for (i = 0; i < 2; i++) {
		FILE *f;
		char *buf;
		long size;

		if (!dirs[i] || !*dirs[i])
			continue;
		snprintf(path, sizeof(path), "%s/%s", dirs[i], rel);
		f = fopen(path, "rb");
		if (!f)
			continue;
		if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
		    fseek(f, 0, SEEK_SET) != 0) {
			fclose(f);
			continue;
		}
		buf = malloc((size_t)size + 1);
		if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
			free(buf);
			buf = NULL;
		}
		fclose(f);
		if (!buf)
			continue;
		buf[size] = '\0';
		*len = (size_t)size;
		return buf;
	}
	fprintf(stderr, "fixture_read_source: cannot read %s\n", rel);
	return NULL;
}

chiso_model *fixture_example_model(plugin_registry *reg, diag *d)
{
	static const char rel[] = "criteria/example-district.yaml";
	size_t len;
	char *buf = fixture_read_source(rel, &len);
	chiso_model *m;

	if (!buf)
		return NULL;
	m = model_load_buffer(rel, buf, len, reg, d);
	free(buf);
	return m;
}
