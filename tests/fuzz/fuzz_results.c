/*
 * fuzz_results.c - libFuzzer target: a results document (JSON, as "chiso
 * evaluate -f json" writes it) read back with rs_read_buffer(), then what
 * the commands that read results do with it: rank (every output format,
 * plain, grouped, by a node and by a view), gaps, and compare (the set against itself).
 *
 * The input is the document's text as is. Its length chooses how it is
 * read: odd lengths lean (as rank and report read), even lengths whole
 * (as gaps and compare read), so that mutations cover both.
 */
#include "publish/compare.h"
#include "publish/gaps.h"
#include "publish/rank.h"
#include "publish/rank_output.h"
#include "publish/report_html.h"
#include "read/results_set.h"
#include "util/diag.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;
/* CSV as --separator ';' --bom writes it. */
static const csvw_opts csv = {';', 1, 1};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	return 0;
}

/* Ranks set by o and writes every format. */
static void rank_all(const rs_set *set, const rank_opts *o)
{
	diag d = DIAG_INIT;
	rank_table t;

	if (rank_build(&t, set, o, &d) == 0) {
		rank_write_table(&t, devnull);
		rank_write_csv(&t, devnull, &csv);
		rank_write_json(&t, devnull);
		rank_write_md(&t, devnull);
		report_html_write(&t, devnull, "fuzz");
		rank_free(&t);
	}
	diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag d = DIAG_INIT;
	rs_set set;
	/* An exact-size copy: no NUL after the text. */
	char *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	if (size)
		memcpy(buf, data, size);
	rs_init(&set);
	set.lean = (int)(size & 1);
	if (rs_read_buffer(&set, "results.json", buf, size, &d) == 0) {
		rank_opts o;

		memset(&o, 0, sizeof(o));
		rank_all(&set, &o);
		o.group = GROUP_PARENT;
		o.allow_mixed = 1;
		rank_all(&set, &o);
		/* By the last node and the first view of the first model. */
		o.group = GROUP_LEVEL;
		if (set.nmodels > 0 && set.models[0].nnodes > 0) {
			o.by = set.models[0].nodes[set.models[0].nnodes - 1].id;
			rank_all(&set, &o);
		}
		if (set.nmodels > 0 && set.models[0].nviews > 0) {
			o.by = set.models[0].views[0].id;
			rank_all(&set, &o);
		}
		if (!set.lean) {
			sheetw rows;

			sheetw_csv(&rows, devnull, &csv);
			gaps_write(&set, NULL, GAPS_TABLE, &rows, devnull, &d);
			gaps_write(&set, NULL, GAPS_JSON, &rows, devnull, &d);
			gaps_write(&set, NULL, GAPS_CSV, &rows, devnull, &d);
			compare_write(&set, &set, COMPARE_AUTO, COMPARE_TABLE,
			              &rows, devnull, &d);
			compare_write(&set, &set, COMPARE_STAGES, COMPARE_JSON,
			              &rows, devnull, &d);
		}
		fflush(devnull);
	}
	rs_free(&set);
	diag_free(&d);
	free(buf);
	return 0;
}
