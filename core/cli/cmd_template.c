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

static const char help[] =
        "Usage: chiso template [OPTIONS] MODEL\n"
        "\n"
        "Writes a blank data file for MODEL: the unit's identity and every\n"
        "input with its label, type, bounds and the indicators that use it,\n"
        "ready for an assessor to fill in and give to 'chiso evaluate'.\n"
        "\n"
        "Options:\n"
        "  -f, --format FMT       yaml (default; help as comments), json\n"
        "                         (help in each value's \"comment\") or csv\n"
        "                         (the header row of a batch: code, name,\n"
        "                         level, parent, period, stage, then one\n"
        "                         column per input; one unit per row)\n"
        "                         or xlsx (that batch as an Excel workbook,\n"
        "                         needs -o FILE.xlsx: Vietnamese labels,\n"
        "                         frozen header, a dropdown or bounds on\n"
        "                         every input cell, an instructions sheet)\n"
        "      --labels           csv: add a second row with each column's\n"
        "                         label (a '#' comment row, skipped when\n"
        "                         read)\n"
        "      --bom              csv: start with a UTF-8 BOM (for Excel)\n"
        "      --separator SEP    csv: ',' (default) or ';' (Excel in\n"
        "                         Vietnamese or European settings; numbers\n"
        "                         may then be written "
        "83,99)\n" CLI_NO_FORMULA_GUARD_HELP
        "  -o, --output FILE      write to FILE (atomically) instead of "
        "stdout\n"
        "  -P, --plugin-dir DIR   look for plugins in DIR first (repeatable)\n"
        "  -h, --help             show this help\n"
        "\n"
        "Examples:\n"
        "  chiso template criteria/example-district.yaml -o yen-binh.yaml\n"
        "  chiso template --format csv --labels --bom --separator ';' \\\n"
        "      criteria/example-district.yaml -o districts.csv\n";

/* Long-only options. */
enum { OPT_LABELS = 256, OPT_BOM, OPT_SEPARATOR };

/* The output formats. */
enum { FMT_YAML, FMT_JSON, FMT_CSV, FMT_XLSX };

int cmd_template(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"labels", no_argument, NULL, OPT_LABELS},
	        {"bom", no_argument, NULL, OPT_BOM},
	        {"separator", required_argument, NULL, OPT_SEPARATOR},
	        {"no-formula-guard", no_argument, NULL,
	         CLI_OPT_NO_FORMULA_GUARD},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs pd = {NULL, 0};
	const char *output = NULL;
	plugin_registry *reg;
	chiso_model *m;
	cli_output out;
	diag d = DIAG_INIT;
	int c, format = FMT_YAML, labels = 0, bom = 0, no_guard = 0;
	int rc = EXIT_OK;
	char sep = 0;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "f:o:P:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'f':
			if (strcmp(optarg, "yaml") == 0)
				format = FMT_YAML;
			else if (strcmp(optarg, "json") == 0)
				format = FMT_JSON;
			else if (strcmp(optarg, "csv") == 0)
				format = FMT_CSV;
			else if (strcmp(optarg, "xlsx") == 0)
				format = FMT_XLSX;
			else {
				free(pd.dirs);
				return cli_usage_error("template",
				                       "unknown format '%s': "
				                       "use yaml, json, csv "
				                       "or xlsx",
				                       optarg);
			}
			break;
		case OPT_LABELS:
			labels = 1;
			break;
		case OPT_BOM:
			bom = 1;
			break;
		case CLI_OPT_NO_FORMULA_GUARD:
			no_guard = 1;
			break;
		case OPT_SEPARATOR:
			if (strcmp(optarg, ",") != 0 &&
			    strcmp(optarg, ";") != 0) {
				free(pd.dirs);
				return cli_usage_error("template",
				                       "unknown separator "
				                       "'%s': use ',' or ';'",
				                       optarg);
			}
			sep = optarg[0];
			break;
		case 'o':
			output = optarg;
			break;
		default:
			if (cli_common_option(c, "template", help, &pd, &rc) <
			    0)
				return rc;
		}
	}
	if (argc - optind != 1) {
		free(pd.dirs);
		return cli_usage_error("template", "give exactly one MODEL");
	}
	if (format != FMT_CSV && (labels || bom || sep)) {
		free(pd.dirs);
		return cli_usage_error(
		        "template", "--labels, --bom and --separator go with "
		                    "--format csv");
	}
	if (format != FMT_CSV && no_guard) {
		free(pd.dirs);
		return cli_usage_error(
		        "template", "--no-formula-guard is for --format csv");
	}
	if (cli_output_not_input(output, argv + optind, 1) < 0) {
		free(pd.dirs);
		return EXIT_FAILURE2;
	}
	if (format == FMT_XLSX && !output) {
		free(pd.dirs);
		return cli_usage_error("template",
		                       "--format xlsx needs -o FILE.xlsx");
	}
	reg = cli_registry(&pd);
	m = model_load(argv[optind], reg, &d);
	cli_print_diag(&d);
	if (m && format == FMT_XLSX) {
		char err[512];

		if (template_xlsx_write(m, output, err, sizeof(err)) < 0) {
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
		csv_template_write(m, out.f, sep ? sep : ',', labels, bom,
		                   !no_guard);
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
