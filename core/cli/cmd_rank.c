/*
 * cmd_rank.c - "chiso rank RESULTS..." and "chiso report RESULTS...".
 */
#include "cli/cli.h"
#include "cli/cli_group.h"
#include "publish/rank.h"
#include "publish/rank_output.h"
#include "publish/rank_xlsx.h"
#include "publish/report_html.h"
#include "publish/sensitivity_read.h"
#include "read/results_pick.h"
#include "read/results_set.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const rank_help[] = {
        N_("Usage: chiso rank [OPTIONS] RESULTS...\n"
           "\n"
           "Ranks the units of results documents (from 'chiso evaluate -f "
           "json')\n"
           "the way rankings are published: competition ranking (\"15, 15, "
           "17\")\n"
           "on the values as published, i.e. rounded once to the model's\n"
           "precision; units tied on that value share a rank. Each main index "
           "and\n"
           "view gets its own rank beside the value. Invalid units and units "
           "with\n"
           "an indicator in error are listed apart, not ranked.\n"
           "\n"
           "One period and one stage are ranked: results holding several "
           "(years\n"
           "merged by 'chiso merge', self and appraised data scored in one "
           "run)\n"
           "are refused with what they hold, unless --period and --stage "
           "pick.\n"
           "\n"
           "Options:\n"
           "  -b, --by WHAT          rank by total (default), a node id "
           "(\"7\") "
           "or\n"
           "                         a view id (\"CQS\")\n"
           "  -g, --group-by KEY     parent: rank within each parent "
           "(communes\n"
           "                         within their district); level: within "
           "each\n"
           "                         level\n"
           "  -f, --format FMT       table (default), csv, json, md, html or "
           "xlsx\n"
           "  -o, --output FILE      write to FILE, atomically (xlsx needs "
           "-o);\n"
           "                         without -f, FILE's extension picks the\n"
           "                         format (.txt, .csv, .json, .md, .html,\n"
           "                         .xlsx)\n"),
        CLI_CSV_HELP,
        N_("      --title TEXT       html: the report's title\n"
           "      --allow-mixed-models  rank results of different models "
           "together\n"),
        CLI_PICK_HELP,
        CLI_MAX_RESULTS_MB_HELP,
        N_("  -h, --help             show this help\n"
           "\n"
           "Examples:\n"
           "  chiso evaluate -f json -o r2022.json "
           "criteria/example-district.yaml "
           "\\\n"
           "      examples/yen-bai-districts-2022.yaml\n"
           "  chiso rank r2022.json\n"
           "  chiso rank --by CQS --format csv --bom -o ranking.csv "
           "r2022.json\n"
           "  chiso rank --group-by parent communes.json\n"
           "\n"
           "Exit status: 0 ok; 2 usage error or unreadable results.\n"),
        NULL};

static const char *const report_help[] = {
        N_("Usage: chiso report [OPTIONS] RESULTS...\n"
           "\n"
           "Writes the HTML report of results documents: one self-contained "
           "file\n"
           "(no network, no scripts) with the ranking table, a bar chart of "
           "the\n"
           "values, a heat map of units x main indices, and for each unit a\n"
           "profile of its main indices against its group's average. Results\n"
           "holding several periods or stages need --period or --stage.\n"
           "\n"
           "Options:\n"
           "  -o, --output FILE      write to FILE (atomically) instead of "
           "stdout\n"
           "                         (a name ending .html, or no extension)\n"
           "  -b, --by WHAT          rank by total (default), a node or a view "
           "id\n"
           "  -g, --group-by KEY     parent or level\n"
           "      --title TEXT       the report's title\n"
           "      --sensitivity SENS.json  draw each unit's rank interval "
           "from\n"
           "                         a sensitivity analysis of these results\n"
           "                         (chiso sensitivity -f json)\n"
           "      --allow-mixed-models  report results of different "
           "models\n"),
        CLI_PICK_HELP, CLI_MAX_RESULTS_MB_HELP,
        N_("  -h, --help             show this help\n"
           "\n"
           "Examples:\n"
           "  chiso report -o report.html r2022.json\n"
           "  chiso sensitivity -f json -o sens.json MODEL r2022.json\n"
           "  chiso report --sensitivity sens.json -o report.html "
           "r2022.json\n"),
        NULL};

enum { OPT_TITLE = 256, OPT_MIXED, OPT_SENS };
enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_MD, FMT_HTML, FMT_XLSX };
static const char *const rank_names[] = {"table", "csv",  "json",
                                         "md",    "html", "xlsx"};
static const cli_formats rank_formats = {rank_names, 6};
/* A report writes only HTML. */
static const char *const report_names[] = {NULL, NULL,   NULL,
                                           NULL, "html", NULL};
static const cli_formats report_formats = {report_names, 6};

struct rank_cli {
	rank_opts ro;
	rs_pick_opts pick;
	int format, format_given;
	cli_csv csv;
	const char *output, *title;
	const char *sens;  /* --sensitivity SENS.json, or NULL */
	doc_limits limits; /* of each results file */
};

/* Parses the options both commands share. Returns -1 to exit with *rc. */
static int parse(int argc, char **argv, const char *cmd,
                 const char *const *help, struct rank_cli *o, int *rc)
{
	static const struct option opts[] = {
	        {"by", required_argument, NULL, 'b'},
	        {"group-by", required_argument, NULL, 'g'},
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        CLI_CSV_OPTIONS,
	        {"title", required_argument, NULL, OPT_TITLE},
	        {"allow-mixed-models", no_argument, NULL, OPT_MIXED},
	        {"sensitivity", required_argument, NULL, OPT_SENS},
	        {"max-file-mb", required_argument, NULL, CLI_OPT_MAX_FILE_MB},
	        {"period", required_argument, NULL, CLI_OPT_PERIOD},
	        {"stage", required_argument, NULL, CLI_OPT_STAGE},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs none = {NULL, 0};
	int c;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "b:g:f:o:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'b':
			o->ro.by = optarg;
			break;
		case 'g':
			if (cli_group_option(cmd, optarg, &o->ro.group, rc) < 0)
				return -1;
			break;
		case 'f':
			if (strcmp(cmd, "report") == 0 &&
			    strcmp(optarg, "html") != 0) {
				*rc = cli_usage_error(
				        cmd,
				        _("a report is HTML: --format html or "
				          "nothing (for other formats use "
				          "chiso "
				          "rank)"));
				return -1;
			}
			if (cli_format_parse(cmd, &rank_formats, optarg,
			                     &o->format, rc) < 0)
				return -1;
			o->format_given = 1;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_TITLE:
			o->title = optarg;
			break;
		case CLI_OPT_MAX_FILE_MB:
			if (cli_max_file_mb(cmd, optarg, &o->limits, rc) < 0)
				return -1;
			break;
		case OPT_MIXED:
			o->ro.allow_mixed = 1;
			break;
		case OPT_SENS:
			o->sens = optarg;
			break;
		case CLI_OPT_BOM:
		case CLI_OPT_SEPARATOR:
		case CLI_OPT_NO_FORMULA_GUARD:
			if (cli_csv_option(cmd, c, &o->csv, rc) < 0)
				return -1;
			break;
		default:
			if (cli_pick_option(c, optarg, &o->pick))
				break;
			/* -h and bad options; there is no --plugin-dir. */
			if (c == 'P')
				c = '?';
			if (cli_common_option(c, cmd, help, &none, rc) < 0)
				return -1;
		}
	}
	if (optind >= argc) {
		*rc = cli_usage_error(cmd, _("give at least one RESULTS file"));
		return -1;
	}
	if (cli_output_not_input(o->output, argv + optind,
	                         (size_t)(argc - optind)) < 0) {
		*rc = EXIT_FAILURE2;
		return -1;
	}
	if (cli_format_pick(cmd,
	                    strcmp(cmd, "report") == 0 ? &report_formats
	                                               : &rank_formats,
	                    o->format_given, o->output, &o->format, rc) < 0 ||
	    cli_csv_only(cmd, &o->csv, o->format == FMT_CSV, rc) < 0)
		return -1;
	if (o->sens && o->format != FMT_HTML) {
		*rc = cli_usage_error(cmd,
		                      _("--sensitivity draws rank intervals in "
		                        "the HTML report: use chiso report (or "
		                        "-f html)"));
		return -1;
	}
	if (o->sens &&
	    cli_output_not_input(o->output, (char *const *)&o->sens, 1) < 0) {
		*rc = EXIT_FAILURE2;
		return -1;
	}
	return 0;
}

/* Writes the ranking in the chosen format (HTML with the intervals of
 * sens when not NULL). */
static int write_ranking(const rank_table *t, const struct rank_cli *o,
                         const sens_doc *sens)
{
	char err[512];
	cli_output out;

	if (o->format == FMT_XLSX) {
		if (rank_xlsx_write(t, o->output, err, sizeof(err)) < 0) {
			cli_error("%s", err);
			return -1;
		}
		return 0;
	}
	if (cli_output_open(&out, o->output) < 0)
		return -1;
	switch (o->format) {
	case FMT_CSV:
		rank_write_csv(t, out.f, &o->csv.o);
		break;
	case FMT_JSON:
		rank_write_json(t, out.f);
		break;
	case FMT_MD:
		rank_write_md(t, out.f);
		break;
	case FMT_HTML:
		report_html_write_sens(t, out.f, o->title, sens);
		break;
	default:
		rank_write_table(t, out.f);
		break;
	}
	return cli_output_close(&out, 1);
}

/* Reads the results, ranks, writes. */
static int run(int argc, char **argv, const char *cmd, const char *const *help,
               int format)
{
	struct rank_cli o;
	rs_set set;
	rank_table t;
	sens_doc sens;
	diag d = DIAG_INIT;
	int i, rc = EXIT_OK, ranked = 0, have_sens = 0;

	memset(&o, 0, sizeof(o));
	o.format = format;
	o.limits = doc_limits_data;
	o.csv = (cli_csv)CLI_CSV_INIT;
	if (parse(argc, argv, cmd, help, &o, &rc) < 0)
		return rc;
	rs_init(&set);
	set.lean = 1;
	set.limits.max_file_bytes = o.limits.max_file_bytes;
	for (i = optind; i < argc; i++)
		if (rs_read_file(&set, argv[i], &d) < 0)
			rc = EXIT_FAILURE2;
	if (rc == EXIT_OK && rs_pick_one(&set, &o.pick, &d) < 0)
		rc = EXIT_FAILURE2;
	if (rc == EXIT_OK) {
		if (rank_build(&t, &set, &o.ro, &d) < 0)
			rc = EXIT_FAILURE2;
		else
			ranked = 1;
	}
	if (rc == EXIT_OK && o.sens) {
		if (sens_doc_read(&sens, o.sens, &o.limits, &d) < 0)
			rc = EXIT_FAILURE2;
		else
			have_sens = 1;
		if (have_sens && sens_doc_check(&sens, &t, &d) < 0)
			rc = EXIT_FAILURE2;
	}
	cli_print_diag(&d);
	if (rc == EXIT_OK &&
	    write_ranking(&t, &o, have_sens ? &sens : NULL) < 0)
		rc = EXIT_FAILURE2;
	if (have_sens)
		sens_doc_free(&sens);
	if (ranked)
		rank_free(&t);
	rs_free(&set);
	diag_free(&d);
	return rc;
}

int cmd_rank(int argc, char **argv)
{
	return run(argc, argv, "rank", rank_help, FMT_TABLE);
}

int cmd_report(int argc, char **argv)
{
	return run(argc, argv, "report", report_help, FMT_HTML);
}
