/*
 * cmd_plugin.c - "chiso plugin check|test": tools for plugin authors.
 */
#include "cli/cli.h"
#include "kit/plugin_test.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso plugin check FILE.so\n"
           "       chiso plugin test [-v] FILE.so CASES.yaml\n"
           "\n"
           "Tools for writing a method plugin (docs/plugin-guide.md).\n"
           "\n"
           "Subcommands:\n"
           "  check FILE.so             run every check chiso makes when it "
           "loads a\n"
           "                            plugin (trust: a regular file owned "
           "by root\n"
           "                            or you, not group- or "
           "world-writable, nor its\n"
           "                            directory; the entry symbol; magic, "
           "ABI\n"
           "                            major.minor, descriptor size; name = "
           "file\n"
           "                            name) and show the descriptor, or "
           "why it is\n"
           "                            refused\n"
           "  test FILE.so CASES.yaml   run the table-driven cases of "
           "CASES.yaml:\n"
           "                            each builds a one-indicator model "
           "using the\n"
           "                            plugin, evaluates one unit and "
           "compares\n"
           "\n"
           "A FILE without '/' is taken in the current directory. The file "
           "must be\n"
           "called NAME.so, NAME being the method it computes.\n"
           "\n"
           "CASES.yaml (unknown keys are errors):\n"
           "  inputs:                    # the inputs cases may name, as in "
           "a model\n"
           "    n: { type: integer, min: 0 }\n"
           "    d: { type: integer, min: 0 }\n"
           "  points: 10                 # the indicator's points (default "
           "1)\n"
           "  missing: zero              # optional: the model's missing "
           "policy\n"
           "  cases:\n"
           "    - name: \"half\"           # unique; FAIL lines name it\n"
           "      params: { numerator: n, denominator: d }\n"
           "      values: { n: 1, d: 2 } # one unit's values\n"
           "      expect: { fraction: 0.5, raw: 0.5, note: \"1/2 = 0.5 "
           "(target 1)\" }\n"
           "    - name: \"no denominator\"\n"
           "      params: { numerator: n }\n"
           "      expect: { prepare_error: \"missing required param\" }\n"
           "  A case may also give its own points. expect keys: status (ok, "
           "na, error,\n"
           "  missing; default ok), fraction, tolerance (of fraction and "
           "raw; default\n"
           "  1e-9), raw (a number, or ~ for none), note, note_contains, "
           "hint (\"\" for\n"
           "  none), hint_contains, prepare_warning, and prepare_error "
           "(alone: the\n"
           "  model must fail to load with a message containing the "
           "text).\n"
           "  For methods that need more units (ABI 1.2): a case's "
           "others: [{ n: 2 }]\n"
           "  adds units other1, other2, ... to its batch (expect is "
           "about its own\n"
           "  unit, code \"case\" unless the case gives code: CODE); "
           "the file's\n"
           "  children: RESULTS.json (beside CASES.yaml, from chiso "
           "evaluate -f json)\n"
           "  is what chiso evaluate --children gives: a case's unit "
           "reads the units\n"
           "  whose parent is its code.\n"
           "\n"
           "Options:\n"
           "  -v, --verbose   (test) also show what each case got\n"
           "      --timeout SECONDS  (test) time limit of each case (default "
           "10);\n"
           "                  each case runs in a process of its own, so "
           "a case that\n"
           "                  crashes or loops fails alone and the others "
           "still run\n"
           "  -h, --help      show this help\n"
           "\n"
           "Examples:\n"
           "  chiso plugin check ./per100.so\n"
           "  chiso plugin test ./per100.so per100.cases.yaml\n"
           "  chiso plugin test -v plugins/.libs/ratio.so "
           "plugins/tests/ratio.cases.yaml\n"
           "\n"
           "Exit status: check: 0 when the plugin loads, 2 when it is "
           "refused.\n"
           "test: 0 when every case passed, 1 when one failed, 2 for a "
           "usage error,\n"
           "a refused plugin or a wrong cases file.\n"),
        NULL};

/* Options without a short form. */
enum { OPT_TIMEOUT = 256 };

/* Parses the options of a subcommand (argv[0] is its name); t is NULL
 * for "check", which takes neither -v nor --timeout. Returns 0, or -1
 * when the command must return *rc now. */
static int parse_options(int argc, char **argv, plugin_test_opts *t, int *rc)
{
	static const struct option opts[] = {
	        {"verbose", no_argument, NULL, 'v'},
	        {"timeout", required_argument, NULL, OPT_TIMEOUT},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs none = {NULL, 0};
	int c;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, t ? "vh" : "h", opts, NULL);
		if (c == -1)
			break;
		if (c == 'v' && t) {
			t->verbose = 1;
			continue;
		}
		if (c == OPT_TIMEOUT && t) {
			if (cli_timeout_option("plugin", optarg, &t->timeout_ms,
			                       rc) < 0)
				return -1;
			continue;
		}
		if (c == 'v' || c == OPT_TIMEOUT)
			c = '?';
		if (cli_common_option(c, "plugin", help, &none, rc) < 0)
			return -1;
	}
	return 0;
}

/* The path to load: FILE itself, or "./FILE" when it has no '/' (a
 * bare name would make dlopen search the library path). Caller frees. */
static char *plugin_path(const char *file)
{
	strbuf sb = STRBUF_INIT;

	if (!strchr(file, '/'))
		strbuf_puts(&sb, "./");
	strbuf_puts(&sb, file);
	return strbuf_detach(&sb);
}

/* The method a file name promises: its base name without ".so", in a
 * new string (caller frees), or NULL when it does not end in ".so". */
static char *file_method(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t len;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len <= 3 || strcmp(base + len - 3, ".so") != 0)
		return NULL;
	return xstrndup(base, len - 3);
}

/* Prints params_doc indented, one param per line. */
static void print_params(const char *doc)
{
	const char *line = doc, *nl;

	fprintf(cli_stdout, "  params:\n");
	while (line && *line) {
		nl = strchr(line, '\n');
		if (!nl) {
			fprintf(cli_stdout, "    %s\n", line);
			break;
		}
		fprintf(cli_stdout, "    %.*s\n", (int)(nl - line), line);
		line = nl + 1;
	}
}

/* Prints which optional callbacks the descriptor has: only fields its
 * struct_size covers exist. */
static void print_optional(const chiso_plugin *d)
{
	fprintf(cli_stdout, "  optional     release: %s",
	        d->release ? "yes" : "no");
#ifdef CHISO_PLUGIN_SIZE_1_2
	fprintf(cli_stdout, ", finish: %s",
	        d->struct_size >= CHISO_PLUGIN_SIZE_1_2 && d->finish ? "yes"
	                                                             : "no");
#endif
	fprintf(cli_stdout, ", describe: %s",
	        CHISO_ABI_MINOR_OF(d->abi_version) >= 3 &&
	                        d->struct_size >= CHISO_PLUGIN_SIZE_1_3 &&
	                        d->describe
	                ? "yes"
	                : "no");
	fprintf(cli_stdout, "\n");
}

/* Prints the descriptor of a plugin that passed every check. */
static void print_descriptor(const plugin_info *pi)
{
	const chiso_plugin *d = pi->desc;

	fprintf(cli_stdout, "%s: ok: chiso loads this plugin\n", pi->path);
	fprintf(cli_stdout, "  name         %s\n", d->name);
	fprintf(cli_stdout, "  version      %s\n", d->version);
	fprintf(cli_stdout, "  ABI          %u.%u (this chiso: %d.%d)\n",
	        (unsigned)CHISO_ABI_MAJOR_OF(d->abi_version),
	        (unsigned)CHISO_ABI_MINOR_OF(d->abi_version), CHISO_ABI_MAJOR,
	        CHISO_ABI_MINOR);
	fprintf(cli_stdout, "  struct size  %u bytes (ABI 1.0 layout: %zu)\n",
	        (unsigned)d->struct_size, (size_t)CHISO_PLUGIN_SIZE_1_0);
	fprintf(cli_stdout, "  summary      %s\n", d->summary);
	fprintf(cli_stdout, "  required     prepare, compute\n");
	print_optional(d);
	if (d->params_doc)
		print_params(d->params_doc);
	else
		fprintf(cli_stdout, "  params:      (no params_doc)\n");
}

/* "chiso plugin check FILE.so". */
static int plugin_check(int argc, char **argv)
{
	strbuf err = STRBUF_INIT;
	plugin_info *pi;
	char *path, *name;
	int rc = EXIT_OK;

	if (parse_options(argc, argv, NULL, &rc) < 0)
		return rc;
	if (argc - optind != 1)
		return cli_usage_error("plugin", "check takes one FILE.so");
	path = plugin_path(argv[optind]);
	name = file_method(path);
	pi = plugin_load_file(path, name, &err);
	if (!pi) {
		cli_error("%s", strbuf_str(&err));
		rc = EXIT_FAILURE2;
	} else if (!name) {
		cli_error("%s: refused: chiso finds the plugin of method '%s' "
		          "as %s.so; rename the file",
		          path, pi->name, pi->name);
		rc = EXIT_FAILURE2;
	} else {
		print_descriptor(pi);
	}
	plugin_info_free(pi);
	strbuf_release(&err);
	free(name);
	free(path);
	return rc;
}

/* "chiso plugin test [-v] FILE.so CASES.yaml". */
static int plugin_test(int argc, char **argv)
{
	plugin_test_opts opts = {0};
	diag d = DIAG_INIT;
	char *path;
	int rc = EXIT_OK;

	if (parse_options(argc, argv, &opts, &rc) < 0)
		return rc;
	if (argc - optind != 2)
		return cli_usage_error("plugin",
		                       "test takes FILE.so and CASES.yaml");
	path = plugin_path(argv[optind]);
	rc = plugin_test_run(path, argv[optind + 1], &opts, cli_stdout, &d);
	cli_print_diag(&d);
	diag_free(&d);
	free(path);
	return rc; /* main() checks that standard output was written */
}

int cmd_plugin(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("plugin", "give a subcommand: check or "
		                                 "test");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		cli_help_print(help, cli_stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "check") == 0)
		return plugin_check(argc - 1, argv + 1);
	if (strcmp(argv[1], "test") == 0)
		return plugin_test(argc - 1, argv + 1);
	return cli_usage_error("plugin",
	                       "unknown subcommand '%s'; use check or test",
	                       argv[1]);
}
