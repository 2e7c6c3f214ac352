/*
 * cmd_compare.c - "chiso compare BASE NEW".
 */
#include "cli/cli.h"
#include "publish/compare.h"
#include "read/results_set.h"

#include <getopt.h>
#include <string.h>

static const char help[] =
        "Usage: chiso compare [OPTIONS] BASE NEW\n"
        "\n"
        "Compares two results documents, matching units by code.\n"
        "\n"
        "Year over year (BASE is last year's results): per unit the change in\n"
        "value, points and rank, and in each main index and view; the units\n"
        "that appear or disappear; a warning listing the differences when the\n"
        "two come from different model versions (scores under different\n"
        "models are not directly comparable).\n"
        "\n"
        "Self-assessed vs appraised (same period, different stage): per unit\n"
        "the indicators whose points differ, by how much, with the raw values\n"
        "and the input values behind them, largest differences first.\n"
        "\n"
        "The mode follows from the data: the same period on both sides with a\n"
        "different stage compares stages; anything else compares years.\n"
        "\n"
        "Options:\n"
        "  -m, --mode MODE        years or stages (default: from the data)\n"
        "  -f, --format FMT       table (default), csv, json, md or xlsx\n"
        "  -o, --output FILE      write to FILE (atomically) instead of "
        "stdout;\n"
        "                         without -f, FILE's extension picks the\n"
        "                         format (.txt, .csv, .json, .md, .xlsx;\n"
        "                         xlsx needs -o)\n" CLI_CSV_HELP
                CLI_MAX_RESULTS_MB_HELP
        "  -h, --help             show this help\n"
        "\n"
        "Examples:\n"
        "  chiso compare results-2022.json results-2023.json\n"
        "  chiso compare self-2023.json appraised-2023.json -f csv -o "
        "diff.csv\n";

int cmd_compare(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"mode", required_argument, NULL, 'm'},
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"max-file-mb", required_argument, NULL, CLI_OPT_MAX_FILE_MB},
	        CLI_CSV_OPTIONS,
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	static const char *const names[] = {"table", "csv", "json", "md",
	                                    "xlsx"};
	static const cli_formats formats = {names, 5};
	cli_csv csv = CLI_CSV_INIT;
	cli_plugin_dirs none = {NULL, 0};
	doc_limits lim = doc_limits_data;
	compare_mode mode = COMPARE_AUTO;
	int format = COMPARE_TABLE, given = 0;
	const char *output = NULL;
	rs_set base, next;
	cli_output out;
	sheetw rows;
	diag d = DIAG_INIT;
	int c, rc = EXIT_OK;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "m:f:o:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'm':
			if (strcmp(optarg, "years") == 0)
				mode = COMPARE_YEARS;
			else if (strcmp(optarg, "stages") == 0)
				mode = COMPARE_STAGES;
			else
				return cli_usage_error(
				        "compare",
				        "--mode takes years or stages");
			break;
		case 'f':
			if (cli_format_parse("compare", &formats, optarg,
			                     &format, &rc) < 0)
				return rc;
			given = 1;
			break;
		case 'o':
			output = optarg;
			break;
		case CLI_OPT_MAX_FILE_MB:
			if (cli_max_file_mb("compare", optarg, &lim, &rc) < 0)
				return rc;
			break;
		case CLI_OPT_BOM:
		case CLI_OPT_SEPARATOR:
		case CLI_OPT_NO_FORMULA_GUARD:
			if (cli_csv_option("compare", c, &csv, &rc) < 0)
				return rc;
			break;
		default:
			if (c == 'P')
				c = '?';
			if (cli_common_option(c, "compare", help, &none, &rc) <
			    0)
				return rc;
		}
	}
	if (argc - optind != 2)
		return cli_usage_error("compare", "give BASE and NEW results");
	if (cli_output_not_input(output, argv + optind, 2) < 0)
		return EXIT_FAILURE2;
	if (cli_format_pick("compare", &formats, given, output, &format, &rc) <
	            0 ||
	    cli_csv_only("compare", &csv, format == COMPARE_CSV, &rc) < 0)
		return rc;
	rs_init(&base);
	rs_init(&next);
	base.limits.max_file_bytes = lim.max_file_bytes;
	next.limits.max_file_bytes = lim.max_file_bytes;
	if (rs_read_file(&base, argv[optind], &d) < 0 ||
	    rs_read_file(&next, argv[optind + 1], &d) < 0) {
		rc = EXIT_FAILURE2;
		goto out;
	}
	if (cli_sheet_open(&out, &rows, output, format == COMPARE_XLSX, &csv.o,
	                   "Compare") < 0) {
		rc = EXIT_FAILURE2;
		goto out;
	}
	if (compare_write(&base, &next, mode, (compare_format)format, &rows,
	                  out.f, &d) < 0) {
		cli_sheet_close(&out, &rows, 0);
		rc = EXIT_FAILURE2;
		goto out;
	}
	if (cli_sheet_close(&out, &rows, 1) < 0)
		rc = EXIT_FAILURE2;
out:
	cli_print_diag(&d);
	rs_free(&base);
	rs_free(&next);
	diag_free(&d);
	return rc;
}
