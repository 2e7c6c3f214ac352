/*
 * cmd_validate.c - "chiso validate MODEL...".
 */
#include "cli/cli.h"
#include "model/model.h"
#include "util/numfmt.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso validate [OPTIONS] MODEL...\n"
           "\n"
           "Loads each model with its method plugins and reports every "
           "problem\n"
           "found, as FILE:LINE:COL: message. Checks the file's syntax, "
           "unknown\n"
           "or missing keys, input types and bounds, that every parent's "
           "points\n"
           "equal the sum of its children's, and each indicator's params "
           "(each\n"
           "plugin validates its own).\n"
           "\n"
           "Options:\n"
           "  -P, --plugin-dir DIR   look for plugins in DIR first "
           "(repeatable)\n"
           "  -q, --quiet            print nothing when a model is valid\n"
           "  -h, --help             show this help\n"
           "\n"
           "Example:\n"
           "  chiso validate criteria/example-district.yaml\n"
           "\n"
           "Exit status: 0 when every model is valid, 2 otherwise.\n"),
        NULL};

/* Prints the one-line summary of a valid model, each count in the
 * run's language. */
static void summary(const chiso_model *m)
{
	char pts[NUMFMT_MAX];
	size_t inner = m->nnodes - m->nleaves;

	fprintf(cli_stdout, _("%s: ok: %s %s, "), m->path, m->id, m->version);
	fprintf(cli_stdout, P_("%zu input", "%zu inputs", m->ninputs),
	        m->ninputs);
	fputs(", ", cli_stdout);
	fprintf(cli_stdout, P_("%zu index node", "%zu index nodes", inner),
	        inner);
	fputs(", ", cli_stdout);
	fprintf(cli_stdout, P_("%zu indicator", "%zu indicators", m->nleaves),
	        m->nleaves);
	fprintf(cli_stdout, _(", %s points, sha256 %s\n"),
	        numfmt_exact(m->total_points, pts), m->sha256);
}

int cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"quiet", no_argument, NULL, 'q'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs pd = {NULL, 0};
	plugin_registry *reg;
	int c, i, quiet = 0, rc = EXIT_OK;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "P:qh", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'q':
			quiet = 1;
			break;
		default:
			if (cli_common_option(c, "validate", help, &pd, &rc) <
			    0)
				return rc;
		}
	}
	if (optind >= argc) {
		free(pd.dirs);
		return cli_usage_error("validate",
		                       _("give at least one MODEL"));
	}
	reg = cli_registry(&pd);
	for (i = optind; i < argc; i++) {
		diag d = DIAG_INIT;
		chiso_model *m = model_load(argv[i], reg, &d);

		cli_print_diag(&d);
		if (!m) {
			rc = EXIT_FAILURE2;
		} else if (!quiet) {
			summary(m);
		}
		model_free(m);
		diag_free(&d);
	}
	plugin_registry_free(reg);
	return rc;
}
