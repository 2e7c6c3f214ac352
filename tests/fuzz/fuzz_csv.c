/*
 * fuzz_csv.c - libFuzzer target: a CSV batch (one unit per row, see
 * core/csv_input.h) through data_load_buffer() with a ".csv" path,
 * against fixed models, then evaluated and written as "chiso evaluate -f
 * json" would; the document written is read back as "chiso rank" would
 * (it must be valid JSON, and readable when units were read).
 *
 * The first byte of the input chooses the model, as sel = (byte - '0')
 * mod 9, model = sel / 3: 0 criteria/example-district.yaml,
 * 1 tests/bad/data-model.yaml, 2 tests/cli/data/commune-model.yaml (so
 * seeds start with '0', '3' or '6'); the rest is the CSV text.
 * tests/fuzz/regress.sh decodes the same way.
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

static plugin_registry *reg;
static chiso_model *models[3];

static void die_diag(const char *what, diag *d)
{
	fprintf(stderr, "fuzz_csv: %s\n", what);
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
	rc = data_load_buffer(&b, "data.csv", buf, size, &d);
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
