/*
 * cmd_template.c - "chiso template MODEL".
 */
#include "cli.h"
#include "model.h"
#include "template.h"

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
        "  -f, --format FMT       yaml (default; help as comments) or json\n"
        "                         (help in each value's \"comment\")\n"
        "  -o, --output FILE      write to FILE (atomically) instead of "
        "stdout\n"
        "  -P, --plugin-dir DIR   look for plugins in DIR first (repeatable)\n"
        "  -h, --help             show this help\n"
        "\n"
        "Example:\n"
        "  chiso template criteria/example-district.yaml -o yen-binh.yaml\n";

int cmd_template(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs pd = {NULL, 0};
	const char *output = NULL;
	plugin_registry *reg;
	chiso_model *m;
	cli_output out;
	diag d = DIAG_INIT;
	int c, json = 0, rc = EXIT_OK;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "f:o:P:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "yaml") != 0) {
				free(pd.dirs);
				return cli_usage_error(
				        "template",
				        "unknown format '%s': use yaml or json",
				        optarg);
			}
			json = strcmp(optarg, "json") == 0;
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
	reg = cli_registry(&pd);
	m = model_load(argv[optind], reg, &d);
	cli_print_diag(&d);
	if (!m || cli_output_open(&out, output) < 0) {
		rc = EXIT_FAILURE2;
		goto out;
	}
	if (json)
		template_write_json(m, out.f);
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
