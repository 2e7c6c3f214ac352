/*
 * fuzz_data.c - libFuzzer target: units' data (YAML, JSON or JSON Lines)
 * through data_load_buffer() against fixed models, then what "chiso
 * evaluate -f json" does with it: duplicates, evaluation, problems, the
 * results document; the document written is then read back as "chiso
 * rank" would (it must be valid JSON, and readable when units were read).
 *
 * The first byte of the input chooses, as sel = byte mod 12 (= (byte -
 * '0') mod 12):
 *   format = sel % 3: 0 YAML ("data.yaml"), 1 JSON ("data.json"),
 *                     2 JSON Lines ("data.jsonl");
 *   model  = sel / 3: 0 criteria/example-district.yaml,
 *                     1 tests/bad/data-model.yaml,
 *                     2 tests/cli/data/commune-model.yaml,
 *                     3 tests/cli/data/district-rollup.yaml (methods
 *                       relative and children: evaluation's second phase).
 * So a seed "0<yaml>" is YAML for the example model, "4<json>" JSON for
 * the bad-data model, "8<jsonl>" JSON Lines for the commune model, "9<yaml>"
 * YAML for the roll-up model. The
 * rest of the input is the file's text. tests/fuzz/regress.sh decodes
 * the same way.
 *
 * The models are loaded once, from the source tree (CHISO_SRC_DIR, or
 * $CHISO_FUZZ_SRC_DIR), with the build tree's plugins.
 */
#include "fuzz_batch.h"

const char fuzz_batch_name[] = "fuzz_data";

const char *fuzz_batch_path(unsigned sel)
{
	static const char *const paths[3] = {"data.yaml", "data.json",
	                                     "data.jsonl"};

	return paths[sel % 3];
}
