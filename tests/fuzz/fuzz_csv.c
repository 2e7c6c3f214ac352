/*
 * fuzz_csv.c - libFuzzer target: a CSV batch (one unit per row, see
 * core/eval/csv_input.h) through data_load_buffer() with a ".csv" path,
 * against fixed models, then evaluated and written as "chiso evaluate -f
 * json" would; the document written is read back as "chiso rank" would
 * (it must be valid JSON, and readable when units were read).
 *
 * The first byte of the input chooses the model, as sel = byte mod 12 (=
 * (byte - '0') mod 12), model = sel / 3: 0 criteria/example-district.yaml,
 * 1 tests/bad/data-model.yaml, 2 tests/cli/data/commune-model.yaml,
 * 3 tests/cli/data/district-rollup.yaml (so seeds start with '0', '3', '6'
 * or '9'); the rest is the CSV text.
 * tests/fuzz/regress.sh decodes the same way.
 */
#include "fuzz_batch.h"

const char fuzz_batch_name[] = "fuzz_csv";

const char *fuzz_batch_path(unsigned sel)
{
	(void)sel;
	return "data.csv";
}
