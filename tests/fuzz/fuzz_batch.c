/*
 * fuzz_batch.c - what the data and CSV fuzz targets share: the fixed
 * models (loaded once, from the source tree, CHISO_SRC_DIR or
 * $CHISO_FUZZ_SRC_DIR, with the build tree's plugins), the children
 * results of the roll-up model, and one input run as "chiso evaluate -f
 * json" would run it, its results document read back as "chiso rank"
 * would. fuzz_data.c and fuzz_csv.c say how an input's bytes are decoded
 * and give the file name (and so the format) the data is read under.
 */
#include "fuzz_batch.h"

#include "eval/batch.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "eval/host.h"
#include "model/model.h"
#include "plugin/plugin_loader.h"
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

#define NMODELS 4
static const char *const model_files[NMODELS] = {
        "criteria/example-district.yaml", "tests/bad/data-model.yaml",
        "tests/cli/data/commune-model.yaml",
        "tests/cli/data/district-rollup.yaml", /* relative, children */
};

static plugin_registry *reg;
static chiso_model *models[NMODELS];

static void die_diag(const char *what, diag *d)
{
	fprintf(stderr, "%s: %s\n", fuzz_batch_name, what);
	diag_print(d, stderr);
	abort();
}

/*
 * The children results the roll-up model's "children" indicators read (as
 * "chiso evaluate --children" gives them): tests/cli/data/communes.json
 * scored by the commune model, written and read back, as in
 * tests/cli/cross-unit.sh.
 */
#define CHILDREN_MODEL 3
static rs_set children;

static void load_children(const char *src)
{
	char path[4096], *out = NULL;
	size_t outlen = 0;
	diag d = DIAG_INIT;
	FILE *f;
	batch b;

	snprintf(path, sizeof(path), "%s/tests/cli/data/communes.json", src);
	batch_init(&b, models[2]);
	if (data_load_file(&b, path, &d) < 0)
		die_diag(path, &d);
	eval_batch(&b);
	f = open_memstream(&out, &outlen);
	if (!f)
		abort();
	results_json_write(&b, f);
	if (fclose(f) != 0)
		abort();
	rs_init(&children);
	if (rs_read_buffer(&children, "communes-results.json", out, outlen,
	                   &d) < 0)
		die_diag("communes-results.json", &d);
	free(out);
	batch_free(&b);
	diag_free(&d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("CHISO_FUZZ_PLUGIN_DIR");
	const char *src = getenv("CHISO_FUZZ_SRC_DIR");
	char path[4096];
	size_t i;

	(void)argc;
	(void)argv;
	if (!src || !*src)
		src = CHISO_SRC_DIR;
	reg = plugin_registry_new(&host_api);
	plugin_registry_add_dir(
	        reg, dir && *dir ? dir : CHISO_BUILD_DIR "/plugins/.libs");
	for (i = 0; i < NMODELS; i++) {
		diag d = DIAG_INIT;
		model_env env = {NULL, 1, NULL};

		if (i == CHILDREN_MODEL) {
			load_children(src);
			env.children = &children;
		}
		snprintf(path, sizeof(path), "%s/%s", src, model_files[i]);
		models[i] = model_load_env(path, reg, &env, &d);
		if (!models[i])
			die_diag(path, &d);
		diag_free(&d);
	}
	return 0;
}

/* Writes the results document of b to memory and reads it back. */
static void roundtrip(const batch *b)
{
	char *out = NULL;
	size_t outlen = 0, start;
	FILE *f = open_memstream(&out, &outlen);
	diag d = DIAG_INIT;
	rs_set set;

	if (!f)
		return;
	results_json_write(b, f);
	if (fclose(f) != 0) {
		free(out);
		return;
	}
	if (json_validate("results.json", out, outlen, &doc_limits_data, &d,
	                  &start) < 0) {
		fwrite(out, 1, outlen, stderr);
		die_diag("the results document written is not valid JSON", &d);
	}
	rs_init(&set);
	if (rs_read_buffer(&set, "results.json", out, outlen, &d) < 0 &&
	    b->nunits > 0) {
		fwrite(out, 1, outlen, stderr);
		die_diag("the results document written cannot be read back",
		         &d);
	}
	rs_free(&set);
	diag_free(&d);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sel;
	diag d = DIAG_INIT;
	batch b;
	char *buf;
	int rc;

	if (size < 1)
		return 0;
	sel = data[0] % 12u; /* = (byte - '0') mod 12 */
	data++;
	size--;
	/* An exact-size copy: no NUL after the text. */
	buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	if (size)
		memcpy(buf, data, size);
	batch_init(&b, models[sel / 3]);
	rc = data_load_buffer(&b, fuzz_batch_path(sel), buf, size, &d);
	if (rc == 0) {
		data_check_duplicates(&b);
		eval_batch(&b);
		data_report_problems(&b, &d);
		roundtrip(&b);
	} else if (b.nunits != 0) {
		/* A bad file adds nothing (data.h). */
		abort();
	}
	batch_free(&b);
	diag_free(&d);
	free(buf);
	return 0;
}
