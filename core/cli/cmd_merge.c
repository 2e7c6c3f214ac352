/*
 * cmd_merge.c - "chiso merge RESULTS --map MAP.csv".
 */
#include "cli/cli.h"
#include "publish/merge.h"
#include "read/results_set.h"

#include <getopt.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso merge [OPTIONS] RESULTS... --map MAP.csv\n"
           "\n"
           "Carries results across a merger of units (the 2025 "
           "reorganisation:\n"
           "63 provinces became 34, communes merged too). MAP.csv has the\n"
           "columns code,old_code (optionally name,parent,level): one row per\n"
           "predecessor, so a new unit absorbing three old ones has three "
           "rows;\n"
           "rows starting with '#' are comments; ',' or ';' separates "
           "(whichever\n"
           "the header has more of); a UTF-8 BOM is allowed. Without a name, "
           "a\n"
           "merged unit takes the name its predecessors share (a unit that "
           "only\n"
           "changes its code keeps its name), else its code.\n"
           "\n"
           "Each merged unit's main-index values are the mean of its\n"
           "predecessors' published values (the practice used for DTI 2024);\n"
           "its points and value are recomputed from them, its views are the\n"
           "mean of its predecessors', and it is marked derived, with its\n"
           "predecessors. Units merge within each period and stage, so "
           "several\n"
           "years can be merged at once; a merged unit must have all its\n"
           "predecessors in each period. Indicators below the main indices,\n"
           "classes and input values are not carried. Units the map does not\n"
           "name are kept as they were. The output is a results document: "
           "rank,\n"
           "compare and report read it.\n"
           "\n"
           "Options:\n"
           "  -m, --map MAP.csv      the merger map (required)\n"
           "  -o, --output FILE      write to FILE (atomically) instead of "
           "stdout\n"
           "                         (a results document: a name ending "
           ".json,\n"
           "                         or no extension)\n"),
        CLI_MAX_RESULTS_MB_HELP,
        N_("  -h, --help             show this help\n"
           "\n"
           "Example:\n"
           "  chiso evaluate -f json -o dti-2023.json \\\n"
           "      criteria/vn-dti-province-2022.yaml "
           "examples/dti-provinces-2023.yaml\n"
           "  chiso merge -m examples/merge-provinces-2025.csv -o merged.json "
           "\\\n"
           "      dti-2023.json\n"),
        NULL};

int cmd_merge(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"map", required_argument, NULL, 'm'},
	        {"output", required_argument, NULL, 'o'},
	        {"max-file-mb", required_argument, NULL, CLI_OPT_MAX_FILE_MB},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	/* The output is a results document, always JSON. */
	static const char *const names[] = {"json"};
	static const cli_formats formats = {names, 1};
	int format = 0;
	cli_plugin_dirs none = {NULL, 0};
	doc_limits lim = doc_limits_data;
	const char *output = NULL;
	char *map = NULL;
	rs_set set;
	cli_output out;
	diag d = DIAG_INIT;
	int c, i, rc = EXIT_OK;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "m:o:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'm':
			map = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case CLI_OPT_MAX_FILE_MB:
			if (cli_max_file_mb("merge", optarg, &lim, &rc) < 0)
				return rc;
			break;
		default:
			if (c == 'P')
				c = '?';
			if (cli_common_option(c, "merge", help, &none, &rc) < 0)
				return rc;
		}
	}
	if (!map)
		return cli_usage_error("merge",
		                       _("give the map with --map MAP.csv"));
	if (optind >= argc)
		return cli_usage_error("merge",
		                       _("give at least one RESULTS file"));
	if (cli_output_not_input(output, argv + optind,
	                         (size_t)(argc - optind)) < 0 ||
	    cli_output_not_input(output, &map, 1) < 0)
		return EXIT_FAILURE2;
	if (cli_format_pick("merge", &formats, 0, output, &format, &rc) < 0)
		return rc;
	rs_init(&set);
	set.limits.max_file_bytes = lim.max_file_bytes;
	set.keep_text = 1;
	for (i = optind; i < argc; i++)
		if (rs_read_file(&set, argv[i], &d) < 0)
			rc = EXIT_FAILURE2;
	if (rc == EXIT_OK && cli_output_open(&out, output) == 0) {
		if (merge_write(&set, map, out.f, &d) < 0) {
			cli_output_close(&out, 0);
			rc = EXIT_FAILURE2;
		} else if (cli_output_close(&out, 1) < 0) {
			rc = EXIT_FAILURE2;
		}
	} else if (rc == EXIT_OK) {
		rc = EXIT_FAILURE2;
	}
	cli_print_diag(&d);
	rs_free(&set);
	diag_free(&d);
	return rc;
}
