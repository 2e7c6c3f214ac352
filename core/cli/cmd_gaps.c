/*
 * cmd_gaps.c - "chiso gaps RESULTS...".
 */
#include "cli/cli.h"
#include "publish/gaps.h"
#include "read/results_pick.h"
#include "read/results_set.h"

#include <getopt.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso gaps [OPTIONS] RESULTS...\n"
           "\n"
           "For each unit, the indicators not at full points, sorted by the\n"
           "points still to gain, with the input value that would earn more "
           "where\n"
           "the method can say so: what to do next to gain the most. Each "
           "unit's\n"
           "heading names its period and stage; a unit of several periods or\n"
           "stages is shown once for each (--period and --stage pick).\n"
           "\n"
           "Options:\n"
           "  -u, --unit CODE        only this unit\n"),
        CLI_PICK_HELP,
        N_("  -f, --format FMT       table (default), csv, json or xlsx\n"
           "  -o, --output FILE      write to FILE (atomically) instead of "
           "stdout;\n"
           "                         without -f, FILE's extension picks the\n"
           "                         format (.txt, .csv, .json, .xlsx; xlsx\n"
           "                         needs -o)\n"),
        CLI_CSV_HELP,
        CLI_MAX_RESULTS_MB_HELP,
        N_("  -h, --help             show this help\n"
           "\n"
           "Example:\n"
           "  chiso gaps --unit YB.YBI results-2023.json\n"),
        NULL};

int cmd_gaps(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"unit", required_argument, NULL, 'u'},
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"max-file-mb", required_argument, NULL, CLI_OPT_MAX_FILE_MB},
	        CLI_CSV_OPTIONS,
	        {"period", required_argument, NULL, CLI_OPT_PERIOD},
	        {"stage", required_argument, NULL, CLI_OPT_STAGE},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs none = {NULL, 0};
	doc_limits lim = doc_limits_data;
	static const char *const names[] = {"table", "csv", "json", "xlsx"};
	static const cli_formats formats = {names, 4};
	cli_csv csv = CLI_CSV_INIT;
	int format = GAPS_TABLE, given = 0;
	const char *output = NULL, *unit = NULL;
	rs_pick_opts pick = {NULL, NULL};
	rs_set set;
	cli_output out;
	sheetw rows;
	diag d = DIAG_INIT;
	int c, i, rc = EXIT_OK;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "u:f:o:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'u':
			unit = optarg;
			break;
		case 'f':
			if (cli_format_parse("gaps", &formats, optarg, &format,
			                     &rc) < 0)
				return rc;
			given = 1;
			break;
		case 'o':
			output = optarg;
			break;
		case CLI_OPT_MAX_FILE_MB:
			if (cli_max_file_mb("gaps", optarg, &lim, &rc) < 0)
				return rc;
			break;
		case CLI_OPT_BOM:
		case CLI_OPT_SEPARATOR:
		case CLI_OPT_NO_FORMULA_GUARD:
			if (cli_csv_option("gaps", c, &csv, &rc) < 0)
				return rc;
			break;
		default:
			if (cli_pick_option(c, optarg, &pick))
				break;
			if (c == 'P')
				c = '?';
			if (cli_common_option(c, "gaps", help, &none, &rc) < 0)
				return rc;
		}
	}
	if (optind >= argc)
		return cli_usage_error("gaps",
		                       _("give at least one RESULTS file"));
	if (cli_output_not_input(output, argv + optind,
	                         (size_t)(argc - optind)) < 0)
		return EXIT_FAILURE2;
	if (cli_format_pick("gaps", &formats, given, output, &format, &rc) <
	            0 ||
	    cli_csv_only("gaps", &csv, format == GAPS_CSV, &rc) < 0)
		return rc;
	rs_init(&set);
	set.limits.max_file_bytes = lim.max_file_bytes;
	for (i = optind; i < argc; i++)
		if (rs_read_file(&set, argv[i], &d) < 0)
			rc = EXIT_FAILURE2;
	if (rc == EXIT_OK && rs_pick(&set, &pick, &d) < 0)
		rc = EXIT_FAILURE2;
	if (rc == EXIT_OK &&
	    cli_sheet_open(&out, &rows, output, format == GAPS_XLSX, &csv.o,
	                   "Gaps") == 0) {
		if (gaps_write(&set, unit, (gaps_format)format, &rows, out.f,
		               &d) < 0) {
			cli_sheet_close(&out, &rows, 0);
			rc = EXIT_FAILURE2;
		} else if (cli_sheet_close(&out, &rows, 1) < 0) {
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
