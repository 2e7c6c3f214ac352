/*
 * cmd_template.c - "chiso template MODEL".
 */
#include "cli/cli.h"
#include "eval/csv_input.h"
#include "model/model.h"
#include "publish/template.h"
#include "publish/template_xlsx.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso template [OPTIONS] MODEL\n"
           "\n"
           "Writes a blank data file for MODEL: the unit's identity and every\n"
           "input with its label, type, bounds and the indicators that use "
           "it,\n"
           "ready for an assessor to fill in and give to 'chiso evaluate'.\n"
           "\n"
           "Options:\n"
           "  -f, --format FMT       yaml (default; help as comments), json\n"
           "                         (help in each value's \"comment\") or "
           "csv\n"
           "                         (the header row of a batch: code, name,\n"
           "                         level, parent, period, stage, then one\n"
           "                         column per input; one unit per row)\n"
           "                         or xlsx (that batch as an Excel "
           "workbook,\n"
           "                         needs -o FILE.xlsx: Vietnamese labels,\n"
           "                         frozen header, a dropdown or bounds on\n"
           "                         every input cell, an instructions sheet)\n"
           "      --layout LAYOUT    xlsx: batch (default: a unit per row) or\n"
           "                         form (one unit's form, a field per row:\n"
           "                         its id, then its value to fill in; chiso\n"
           "                         evaluate reads it too)\n"
           "      --labels           csv: add a second row with each column's\n"
           "                         label (a '#' comment row, skipped when\n"
           "                         read)\n"),
        CLI_CSV_HELP,
        N_("  -o, --output FILE      write to FILE (atomically) instead of "
           "stdout;\n"
           "                         without -f, FILE's extension picks the\n"
           "                         format (.yaml, .json, .csv)\n"
           "  -P, --plugin-dir DIR   look for plugins in DIR first "
           "(repeatable)\n"
           "  -h, --help             show this help\n"
           "\n"
           "Examples:\n"
           "  chiso template criteria/example-district.yaml -o yen-binh.yaml\n"
           "  chiso template --format csv --labels --bom --separator ';' \\\n"
           "      criteria/example-district.yaml -o districts.csv\n"),
        NULL};

/* Long-only options. */
enum { OPT_LABELS = 256, OPT_LAYOUT };

/* The output formats. */
enum { FMT_YAML, FMT_JSON, FMT_CSV, FMT_XLSX };
static const char *const format_names[] = {"yaml", "json", "csv", "xlsx"};
static const cli_formats formats = {format_names, 4};

int cmd_template(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"labels", no_argument, NULL, OPT_LABELS},
	        {"layout", required_argument, NULL, OPT_LAYOUT},
	        CLI_CSV_OPTIONS,
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs pd = {NULL, 0};
	const char *output = NULL;
	plugin_registry *reg;
	chiso_model *m;
	cli_output out;
	diag d = DIAG_INIT;
	int c, format = FMT_YAML, given = 0, labels = 0, form = 0;
	int rc = EXIT_OK;
	cli_csv csv = CLI_CSV_INIT;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "f:o:P:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'f':
			if (cli_format_parse("template", &formats, optarg,
			                     &format, &rc) < 0) {
				free(pd.dirs);
				return rc;
			}
			given = 1;
			break;
		case OPT_LABELS:
			labels = 1;
			break;
		case OPT_LAYOUT:
			if (strcmp(optarg, "form") != 0 &&
			    strcmp(optarg, "batch") != 0) {
				free(pd.dirs);
				return cli_usage_error(
				        "template",
				        _("unknown layout '%s': use "
				          "batch or form"),
				        optarg);
			}
			form = strcmp(optarg, "form") == 0;
			break;
		case 'o':
			output = optarg;
			break;
		case CLI_OPT_BOM:
		case CLI_OPT_SEPARATOR:
		case CLI_OPT_NO_FORMULA_GUARD:
			if (cli_csv_option("template", c, &csv, &rc) < 0) {
				free(pd.dirs);
				return rc;
			}
			break;
		default:
			if (cli_common_option(c, "template", help, &pd, &rc) <
			    0)
				return rc;
		}
	}
	if (argc - optind != 1) {
		free(pd.dirs);
		return cli_usage_error("template", _("give exactly one MODEL"));
	}
	if (cli_output_not_input(output, argv + optind, 1) < 0) {
		free(pd.dirs);
		return EXIT_FAILURE2;
	}
	if (cli_format_pick("template", &formats, given, output, &format, &rc) <
	            0 ||
	    cli_csv_only("template", &csv, format == FMT_CSV, &rc) < 0) {
		free(pd.dirs);
		return rc;
	}
	if (format != FMT_XLSX && form) {
		free(pd.dirs);
		return cli_usage_error("template",
		                       _("--layout form is for --format xlsx"));
	}
	if (format != FMT_CSV && labels) {
		free(pd.dirs);
		return cli_usage_error("template",
		                       _("--labels is for --format csv"));
	}
	reg = cli_registry(&pd);
	m = model_load(argv[optind], reg, &d);
	cli_print_diag(&d);
	if (m && format == FMT_XLSX) {
		char err[512];

		if (template_xlsx_write(m, output, form, err, sizeof(err)) <
		    0) {
			cli_error("%s", err);
			rc = EXIT_FAILURE2;
		}
		goto out;
	}
	if (!m || cli_output_open(&out, output) < 0) {
		rc = EXIT_FAILURE2;
		goto out;
	}
	if (format == FMT_JSON)
		template_write_json(m, out.f);
	else if (format == FMT_CSV)
		csv_template_write(m, out.f, labels, &csv.o);
	else
		template_write_yaml(m, out.f);
	if (cli_output_close(&out, 1) < 0)
		rc = EXIT_FAILURE2;
out:
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return rc;
}
