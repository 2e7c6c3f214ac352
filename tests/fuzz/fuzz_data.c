/*
 * fuzz_data.c - libFuzzer target: units' data (YAML, JSON or JSON Lines)
 * through data_load_buffer() against fixed models, then what "chiso
 * evaluate -f json" does with it: duplicates, evaluation, problems, the
 * results document; the document written is then read back as "chiso
 * rank" would (it must be valid JSON, and readable when units were read).
 *
 * The first byte of the input chooses, as sel = (byte - '0') mod 9:
 *   format = sel % 3: 0 YAML ("data.yaml"), 1 JSON ("data.json"),
 *                     2 JSON Lines ("data.jsonl");
 *   model  = sel / 3: 0 criteria/example-district.yaml,
 *                     1 tests/bad/data-model.yaml,
 *                     2 tests/cli/data/commune-model.yaml.
 * So a seed "0<yaml>" is YAML for the example model, "4<json>" JSON for
 * the bad-data model, "8<jsonl>" JSON Lines for the commune model. The
 * rest of the input is the file's text. tests/fuzz/regress.sh decodes
 * the same way.
 *
 * The models are loaded once, from the source tree (CHISO_SRC_DIR, or
 * $CHISO_FUZZ_SRC_DIR), with the build tree's plugins.
 */
#include "batch.h"
#include "data.h"
#include "diag.h"
#include "eval.h"
#include "json_reader.h"
#include "model.h"
#include "plugin_loader.h"
#include "results_json.h"
#include "results_set.h"

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

static const char *const model_files[3] = {
        "criteria/example-district.yaml",
        "tests/bad/data-model.yaml",
        "tests/cli/data/commune-model.yaml",
};
static const char *const data_paths[3] = {"data.yaml", "data.json",
                                          "data.jsonl"};

static plugin_registry *reg;
static chiso_model *models[3];

static void die_diag(const char *what, diag *d)
{
	fprintf(stderr, "fuzz_data: %s\n", what);
	diag_print(d, stderr);
	abort();
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
	reg = plugin_registry_new();
	plugin_registry_add_dir(reg, dir && *dir ? dir
	                                         : CHISO_BUILD_DIR
	                                           "/plugins/.libs");
	for (i = 0; i < 3; i++) {
		diag d = DIAG_INIT;

		snprintf(path, sizeof(path), "%s/%s", src, model_files[i]);
		models[i] = model_load(path, reg, &d);
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
	sel = (data[0] + 6u) % 9u; /* (byte - '0') mod 9 */
	data++;
	size--;
	/* An exact-size copy: no NUL after the text. */
	buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	if (size)
		memcpy(buf, data, size);
	batch_init(&b, models[sel / 3]);
	rc = data_load_buffer(&b, data_paths[sel % 3], buf, size, &d);
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
