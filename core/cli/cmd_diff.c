/*
 * cmd_diff.c - "chiso diff MODEL_A MODEL_B": what changed between two
 * versions of a model.
 */
#include "cli/cli.h"
#include "model/model.h"
#include "modeldoc/model_diff.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso diff [OPTIONS] MODEL_A MODEL_B\n"
           "\n"
           "Lists what changed from MODEL_A (the earlier version) to MODEL_B:\n"
           "indicators and groups added, removed, renamed, moved to another\n"
           "parent, re-pointed, with another method (rule) or other params,\n"
           "kind or provisional flag; inputs, views, classes and model "
           "settings\n"
           "added, removed or changed; the points of each main index before\n"
           "and after. Nodes are matched by id; a node removed and one added\n"
           "with the same name are shown as one whose id changed. Params are\n"
           "compared by meaning, not spelling ({a: 1.0} equals a: 1), so two\n"
           "files that differ only in formatting or comments have no\n"
           "differences. Both models are loaded and checked as by validate.\n"
           "\n"
           "Options:\n"
           "  -f, --format FMT       table (default), md or json\n"
           "  -o, --output FILE      write to FILE (atomically) instead of "
           "stdout;\n"
           "                         without -f, FILE's extension picks the\n"
           "                         format (.txt, .md, .json)\n"
           "  -P, --plugin-dir DIR   look for plugins in DIR first "
           "(repeatable)\n"
           "  -h, --help             show this help\n"
           "\n"
           "Example:\n"
           "  chiso diff criteria/vn-district-2023.yaml "
           "criteria/vn-district-2024.yaml\n"
           "\n"
           "Exit status: 0 when the report was written (differences are not "
           "an\n"
           "error), 2 on a usage error, a model error or an output error.\n"),
        NULL};

/* The output formats, in the order of model_diff_format. */
static const char *const format_names[] = {"table", "md", "json"};
static const cli_formats formats = {format_names, 3};

/* Loads both models, then writes the report. Returns the exit code. */
static int run(const char *path_a, const char *path_b, plugin_registry *reg,
               model_diff_format fmt, const char *output)
{
	diag d = DIAG_INIT;
	chiso_model *a = model_load(path_a, reg, &d);
	chiso_model *b = model_load(path_b, reg, &d);
	model_diff md;
	cli_output out;
	int rc = EXIT_FAILURE2;

	cli_print_diag(&d);
	if (a && b && cli_output_open(&out, output) == 0) {
		model_diff_build(&md, a, b);
		model_diff_write(&md, fmt, out.f);
		model_diff_free(&md);
		if (cli_output_close(&out, 1) == 0)
			rc = EXIT_OK;
	}
	model_free(a);
	model_free(b);
	diag_free(&d);
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs pd = {NULL, 0};
	int fmt = MODEL_DIFF_TABLE, given = 0;
	const char *output = NULL;
	plugin_registry *reg;
	int c, rc = EXIT_OK;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "f:o:P:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'f':
			if (cli_format_parse("diff", &formats, optarg, &fmt,
			                     &rc) < 0) {
				free(pd.dirs);
				return rc;
			}
			given = 1;
			break;
		case 'o':
			output = optarg;
			break;
		default:
			if (cli_common_option(c, "diff", help, &pd, &rc) < 0)
				return rc;
		}
	}
	if (argc - optind != 2) {
		free(pd.dirs);
		return cli_usage_error("diff", _("give MODEL_A and MODEL_B"));
	}
	if (cli_output_not_input(output, argv + optind, 2) < 0) {
		free(pd.dirs);
		return EXIT_FAILURE2;
	}
	if (cli_format_pick("diff", &formats, given, output, &fmt, &rc) < 0) {
		free(pd.dirs);
		return rc;
	}
	reg = cli_registry(&pd);
	rc = run(argv[optind], argv[optind + 1], reg, (model_diff_format)fmt,
	         output);
	plugin_registry_free(reg);
	return rc;
}
