/*
 * cmd_plugins.c - "chiso plugins": every plugin found, and refusals.
 */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const help[] = {
        N_("Usage: chiso plugins [OPTIONS]\n"
           "\n"
           "Lists every method plugin (*.so) in the search path: --plugin-dir\n"
           "directories, then CHISO_PLUGIN_PATH (colon-separated), then the\n"
           "default directory. For each: name, version, plugin ABI, what it\n"
           "scores and its params; or why it was refused (a symbolic link, a\n"
           "group- or world-writable file or directory, another ABI, no\n"
           "chiso_plugin_entry symbol, ...).\n"
           "\n"
           "Options:\n"
           "  -P, --plugin-dir DIR   look for plugins in DIR first "
           "(repeatable)\n"
           "  -h, --help             show this help\n"
           "\n"
           "Exit status: 0 when every plugin found loads, 2 when one is "
           "refused.\n"),
        NULL};

struct listing {
	size_t ok, refused;
};

/* Prints params_doc indented, one line per param. */
static void print_params(const char *doc)
{
	const char *line = doc, *nl;

	while (line && *line) {
		nl = strchr(line, '\n');
		if (!nl) {
			fprintf(cli_stdout, "      %s\n", line);
			break;
		}
		fprintf(cli_stdout, "      %.*s\n", (int)(nl - line), line);
		line = nl + 1;
	}
}

/* One file of the scan. */
static void show(void *arg, const char *path, const plugin_info *pi,
                 const char *refusal, int shadowed)
{
	struct listing *l = arg;

	if (shadowed) {
		fprintf(cli_stdout,
		        _("%s\n  shadowed by a plugin of the same name earlier "
		          "in the path\n"),
		        path);
		return;
	}
	if (!pi) {
		l->refused++;
		fprintf(cli_stdout, _("%s\n  REFUSED: %s\n"), path, refusal);
		return;
	}
	l->ok++;
	fprintf(cli_stdout, "%s %s (ABI %u.%u)  %s\n  %s\n", pi->name,
	        pi->desc->version,
	        (unsigned)CHISO_ABI_MAJOR_OF(pi->desc->abi_version),
	        (unsigned)CHISO_ABI_MINOR_OF(pi->desc->abi_version), path,
	        _(pi->desc->summary)); /* the built-ins' are in the catalog */
	if (pi->desc->params_doc) {
		fputs(_("    params:\n"), cli_stdout);
		print_params(_(pi->desc->params_doc));
	}
}

int cmd_plugins(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs pd = {NULL, 0};
	struct listing l = {0, 0};
	plugin_registry *reg;
	size_t i;
	int c, rc = EXIT_OK;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "P:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		default:
			if (cli_common_option(c, "plugins", help, &pd, &rc) < 0)
				return rc;
		}
	}
	if (optind < argc) {
		free(pd.dirs);
		return cli_usage_error("plugins", _("unexpected argument '%s'"),
		                       argv[optind]);
	}
	reg = cli_registry(&pd);
	fputs(_("Search path:\n"), cli_stdout);
	for (i = 0; i < plugin_registry_ndirs(reg); i++) {
		const char *dir = plugin_registry_dir(reg, i);
		struct stat st;

		if (stat(dir, &st) < 0)
			fprintf(cli_stdout, _("  %s (does not exist: %s)\n"),
			        dir, strerror(errno));
		else if (!S_ISDIR(st.st_mode))
			fprintf(cli_stdout, _("  %s (not a directory)\n"), dir);
		else
			fprintf(cli_stdout, "  %s\n", dir);
	}
	fprintf(cli_stdout, "\n");
	plugin_registry_scan(reg, show, &l);
	fprintf(cli_stdout,
	        P_("\n%zu plugin loaded, %zu refused\n",
	           "\n%zu plugins loaded, %zu refused\n", l.ok),
	        l.ok, l.refused);
	plugin_registry_free(reg);
	return l.refused ? EXIT_FAILURE2 : EXIT_OK;
}
