/*
 * fuzz_merge.c - libFuzzer target: a merger map (CSV, as "chiso merge
 * --map" reads it) applied to fixed results, as "chiso merge" would; the
 * merged document must be valid JSON that reads back, and is ranked as
 * "chiso rank" would.
 *
 * The first byte chooses the results (sel = byte mod 2, so '0' or '1'):
 * 0 the provinces of examples/dti-provinces-{2022,2023}.yaml scored by
 * criteria/vn-dti-province-2022.yaml (two periods), 1 the communes of
 * examples/yen-binh-communes-2023.yaml scored by
 * criteria/vn-commune-2023.yaml. The rest is the map's text. The results
 * are made once, at start, from the source tree (CHISO_SRC_DIR or
 * $CHISO_FUZZ_SRC_DIR) with the build tree's plugins.
 */
#include "eval/batch.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "eval/host.h"
#include "model/model.h"
#include "plugin/plugin_loader.h"
#include "publish/merge.h"
#include "publish/merge_map.h"
#include "publish/rank.h"
#include "publish/rank_output.h"
#include "read/json_reader.h"
#include "read/results_set.h"
#include "results/results_json.h"
#include "util/diag.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CHISO_SRC_DIR
#define CHISO_SRC_DIR CHISO_BUILD_DIR
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The two results sets: a model and its data files. */
static const struct {
	const char *model;
	const char *data[2];
} sources[2] = {
        {"criteria/vn-dti-province-2022.yaml",
         {"examples/dti-provinces-2022.yaml",
          "examples/dti-provinces-2023.yaml"}},
        {"criteria/vn-commune-2023.yaml",
         {"examples/yen-binh-communes-2023.yaml", NULL}},
};

static rs_set sets[2];
static FILE *devnull;

static void die_diag(const char *what, diag *d)
{
	fprintf(stderr, "fuzz_merge: %s\n", what);
	diag_print(d, stderr);
	abort();
}

/* Results set i: its data scored, written as JSON and read back with
 * the units' text kept, as chiso merge reads results. */
static void make_set(plugin_registry *reg, const char *src, size_t i)
{
	char path[4096], *out = NULL;
	size_t outlen = 0, k;
	diag d = DIAG_INIT;
	chiso_model *m;
	FILE *f;
	batch b;

	snprintf(path, sizeof(path), "%s/%s", src, sources[i].model);
	m = model_load(path, reg, &d);
	if (!m)
		die_diag(path, &d);
	batch_init(&b, m);
	for (k = 0; k < 2 && sources[i].data[k]; k++) {
		snprintf(path, sizeof(path), "%s/%s", src, sources[i].data[k]);
		if (data_load_file(&b, path, &d) < 0)
			die_diag(path, &d);
	}
	eval_batch(&b);
	f = open_memstream(&out, &outlen);
	if (!f)
		abort();
	results_json_write(&b, f);
	if (fclose(f) != 0)
		abort();
	rs_init(&sets[i]);
	sets[i].keep_text = 1;
	if (rs_read_buffer(&sets[i], "results.json", out, outlen, &d) < 0)
		die_diag("results.json", &d);
	free(out);
	batch_free(&b);
	model_free(m);
	diag_free(&d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("CHISO_FUZZ_PLUGIN_DIR");
	const char *src = getenv("CHISO_FUZZ_SRC_DIR");
	static plugin_registry *reg;

	(void)argc;
	(void)argv;
	if (!src || !*src)
		src = CHISO_SRC_DIR;
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	reg = plugin_registry_new(&host_api);
	plugin_registry_add_dir(
	        reg, dir && *dir ? dir : CHISO_BUILD_DIR "/plugins/.libs");
	make_set(reg, src, 0);
	make_set(reg, src, 1);
	/* The registry stays: instrumented plugins' coverage counters must
	 * stay mapped (libFuzzer clears them before every input). */
	return 0;
}

/* The merged document out[0..len) must be JSON that reads back; then
 * it is ranked (by period: a set of two periods is refused, as by rank). */
static void read_back(const char *out, size_t len)
{
	static const csvw_opts csv = CSVW_OPTS_DEFAULT;
	diag d = DIAG_INIT;
	size_t start;
	rs_set set;
	rank_opts o;
	rank_table t;

	if (json_validate("merged.json", out, len, &doc_limits_data, &d,
	                  &start) < 0) {
		fwrite(out, 1, len, stderr);
		die_diag("the merged document is not valid JSON", &d);
	}
	rs_init(&set);
	set.lean = (int)(len & 1);
	if (rs_read_buffer(&set, "merged.json", out, len, &d) < 0) {
		fwrite(out, 1, len, stderr);
		die_diag("the merged document cannot be read back", &d);
	}
	memset(&o, 0, sizeof(o));
	o.group = GROUP_PARENT;
	if (rank_build(&t, &set, &o, &d) == 0) {
		rank_write_table(&t, devnull);
		rank_write_csv(&t, devnull, &csv);
		rank_free(&t);
	}
	rs_free(&set);
	diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const rs_set *set;
	diag d = DIAG_INIT;
	merge_map map;
	char *buf, *out = NULL;
	size_t outlen = 0;
	FILE *f;

	if (size < 1)
		return 0;
	set = &sets[data[0] % 2u];
	data++;
	size--;
	/* An exact-size copy: no NUL after the text. */
	buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	if (size)
		memcpy(buf, data, size);
	if (merge_map_parse(&map, "map.csv", buf, size, &d) == 0) {
		f = open_memstream(&out, &outlen);
		if (!f)
			abort();
		if (merge_write_map(set, &map, f, &d) == 0) {
			if (fclose(f) != 0)
				abort();
			read_back(out, outlen);
		} else {
			fclose(f);
		}
		free(out);
		merge_map_free(&map);
	}
	diag_free(&d);
	free(buf);
	return 0;
}
