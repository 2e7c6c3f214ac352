/*
 * fuzz_xlsx.c - libFuzzer target: an .xlsx workbook (its first worksheet
 * laid out as the CSV template, see core/eval/xlsx_input.h) through
 * data_load_buffer() with a ".xlsx" path: the zip archive (libzip), each
 * XML part (expat), the shared strings, the styles and the rows, against
 * fixed models, then evaluated and written as "chiso evaluate -f json"
 * would; the document written is read back as "chiso rank" would.
 *
 * The first byte of the input chooses the model as fuzz_csv's does (sel
 * = byte mod 12, model = sel / 3: 0 criteria/example-district.yaml,
 * 1 tests/bad/data-model.yaml, 2 tests/cli/data/commune-model.yaml,
 * 3 tests/cli/data/district-rollup.yaml); the rest is the workbook's
 * bytes. tests/fuzz/regress.sh decodes the same way. Seeds are
 * the workbooks of tests/cli/data/xlsx and tests/bad/data behind a
 * selector; a mutated zip mostly fails its CRC, so most of the depth
 * comes from the seeds' structure (use -dict with XML words for more).
 */
#include "fuzz_batch.h"

const char fuzz_batch_name[] = "fuzz_xlsx";

const char *fuzz_batch_path(unsigned sel)
{
	(void)sel;
	return "data.xlsx";
}
