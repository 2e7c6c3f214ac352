/*
 * main.c - chiso's entry: global options and the command dispatch.
 */
#include "config.h"

#include "chiso/plugin.h"
#include "cli/cli.h"
#include "util/i18n.h"
#include "util/std_out.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *const usage[] = {
        N_("Usage: chiso COMMAND [OPTIONS] [ARGS]\n"
           "\n"
           "chiso scores digital transformation (chuyển đổi số) assessments: "
           "it\n"
           "loads a model of indices and indicators from YAML, computes every\n"
           "indicator with its method plugin, and adds points up the tree.\n"
           "\n"
           "Commands:\n"
           "  evaluate MODEL DATA...   score units' data; a table, a JSON "
           "results document\n"
           "                           or a score sheet (csv, xlsx)\n"
           "  validate MODEL...        check models and their plugins; report "
           "every problem\n"
           "  template MODEL           write a blank data file to fill in\n"
           "  plugins                  list the method plugins found, and "
           "refusals\n"
           "  rank RESULTS...          official ranking: table, csv, json, md, "
           "html, xlsx\n"
           "  report RESULTS...        the HTML report: ranking, charts, heat "
           "map\n"
           "  compare BASE NEW         year over year, or self-assessed vs "
           "appraised\n"
           "  gaps RESULTS...          per unit, where the most points are "
           "still to gain\n"
           "  sensitivity MODEL RESULTS...\n"
           "                           how the ranking moves when the points "
           "or the\n"
           "                           missing-data policy move\n"
           "  appraise MODEL SELF APPRAISAL...\n"
           "                           the next stage: the council's "
           "decisions applied,\n"
           "                           each with its reason, by whom, "
           "evidence\n"
           "  verify MODEL RESULTS     recompute every number of RESULTS; "
           "check its hashes\n"
           "  merge RESULTS --map M    results carried across a merger of "
           "units\n"
           "  doc MODEL                the model as a document (the annex of "
           "its decision)\n"
           "  diff MODEL_A MODEL_B     what changed between two model "
           "versions\n"
           "  import-criteria TABLE    a model from a published table of "
           "criteria\n"
           "  plugin check|test        tools for plugin authors\n"
           "  help [COMMAND]           show this help, or a command's help\n"
           "\n"
           "Options:\n"
           "  -h, --help               show help (also 'chiso COMMAND "
           "--help')\n"
           "  -V, --version            show the version and plugin ABI\n"
           "  --lang vi|en             the language of messages (any command;\n"
           "                           default: the locale's, else English)\n"
           "\n"
           "Start here:\n"
           "  chiso validate criteria/example-district.yaml\n"
           "  chiso evaluate criteria/example-district.yaml "
           "examples/yen-binh-2022.yaml\n"
           "  chiso template criteria/example-district.yaml -o my-unit.yaml\n"
           "  chiso evaluate -f json -o r.json criteria/example-district.yaml "
           "examples/yen-bai-districts-2022.yaml\n"
           "  chiso rank r.json\n"
           "\n"
           "Exit status: 0 ok; 1 some units invalid or an indicator failed "
           "(the\n"
           "others are still written); 2 usage, model, data file or plugin "
           "error\n"
           "(nothing written). See chiso(1) and docs/ for the file formats.\n"),
        NULL};

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
        {"evaluate", cmd_evaluate},
        {"validate", cmd_validate},
        {"template", cmd_template},
        {"plugins", cmd_plugins},
        {"rank", cmd_rank},
        {"report", cmd_report},
        {"compare", cmd_compare},
        {"gaps", cmd_gaps},
        {"doc", cmd_doc},
        {"diff", cmd_diff},
        {"merge", cmd_merge},
        {"plugin", cmd_plugin},
        {"import-criteria", cmd_import_criteria},
        {"sensitivity", cmd_sensitivity},
        {"appraise", cmd_appraise},
        {"verify", cmd_verify},
};

/* Finds a command by name. */
static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* "chiso help [COMMAND]". */
static int run_help(int argc, char **argv)
{
	const struct command *c;
	char help[] = "--help";
	char *args[3];

	if (argc < 2) {
		cli_help_print(usage, cli_stdout);
		return EXIT_OK;
	}
	c = find_command(argv[1]);
	if (!c)
		return cli_usage_error("help", _("unknown command '%s'"),
		                       argv[1]);
	args[0] = argv[1];
	args[1] = help;
	args[2] = NULL;
	return c->run(2, args);
}

/*
 * Takes every "--lang LANG" and "--lang=LANG" out of argv (up to a
 * "--"), so that any command accepts it where its options go: the last
 * one wins, into *lang (NULL when none). Returns the new argc (argv
 * stays NULL-terminated), or -1 when "--lang" ends argv without a
 * value.
 */
static int take_lang(int argc, char **argv, const char **lang)
{
	int i, o = 1, ended = 0;

	*lang = NULL;
	for (i = 1; i < argc; i++) {
		if (!ended && strcmp(argv[i], "--") == 0)
			ended = 1;
		if (!ended && strcmp(argv[i], "--lang") == 0) {
			if (i + 1 >= argc)
				return -1;
			*lang = argv[++i];
			continue;
		}
		if (!ended && strncmp(argv[i], "--lang=", 7) == 0) {
			*lang = argv[i] + 7;
			continue;
		}
		argv[o++] = argv[i];
	}
	argv[o] = NULL;
	return o;
}

/* The command argv names, for the messages of --lang, or NULL. */
static const char *named_command(int argc, char **argv)
{
	return argc > 1 && find_command(argv[1]) ? argv[1] : NULL;
}

/*
 * The language of messages: the environment's (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG), or --lang's, taken out of argv (*argc updated).
 * Returns 0, or the exit code of a bad --lang.
 */
static int choose_language(int *argc, char **argv)
{
	const char *opt, *cmd;
	i18n_lang lang;
	int n;

	i18n_init(i18n_env_current());
	n = take_lang(*argc, argv, &opt);
	cmd = named_command(n < 0 ? *argc : n, argv);
	if (n < 0 && cmd)
		return cli_usage_error(cmd,
		                       _("--lang needs a value: vi or en"));
	if (n < 0) {
		cli_error(_("--lang needs a value: vi or en"));
		return EXIT_FAILURE2;
	}
	*argc = n;
	if (!opt)
		return 0;
	if (i18n_parse(opt, &lang) < 0 && cmd)
		return cli_usage_error(
		        cmd, _("unknown language '%s': use vi or en"), opt);
	if (i18n_parse(opt, &lang) < 0) {
		cli_error(_("unknown language '%s': use vi or en"), opt);
		return EXIT_FAILURE2;
	}
	cli_lang = opt;
	if (i18n_init(lang) < 0)
		cli_error("Vietnamese messages need gettext and the C.UTF-8 "
		          "locale, which this system lacks: messages stay in "
		          "English");
	return 0;
}

/* Runs the command argv[1] (or the global options). Returns the exit
 * code. */
static int run(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		cli_help_print(usage, stderr);
		return EXIT_FAILURE2;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		cli_help_print(usage, cli_stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		fprintf(cli_stdout, "%s (plugin ABI %d.%d)\n", PACKAGE_STRING,
		        CHISO_ABI_MAJOR, CHISO_ABI_MINOR);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0)
		return run_help(argc - 1, argv + 1);
	c = find_command(argv[1]);
	if (!c) {
		cli_error(_("unknown command '%s'"), argv[1]);
		fputs(_("Run 'chiso --help' for the list of commands.\n"),
		      stderr);
		return EXIT_FAILURE2;
	}
	return c->run(argc - 1, argv + 1);
}

/*
 * chiso's standard output (util/std_out.h: descriptor 1 is made stderr,
 * for whatever plugins print) as a stream that keeps the errno of a
 * write that failed (glibc's own stdout drops it when a full buffer's
 * write fails), line-buffered on a terminal as stdout is; cli_stdout
 * from then on. NULL when standard output is closed or not writable:
 * cli_stdout is then the C library's stdout, as it was.
 */
static atomic_file *open_cli_stdout(void)
{
	char err[512];
	atomic_file *out;

	if (std_out_separate() < 0)
		return NULL;
	out = atomic_file_open_fd(std_out_fd(), _("standard output"), err,
	                          sizeof(err));
	if (!out)
		return NULL;
	if (isatty(std_out_fd()))
		setvbuf(atomic_file_stream(out), NULL, _IOLBF, BUFSIZ);
	cli_stdout = atomic_file_stream(out);
	return out;
}

/*
 * Flushes and closes standard output: when any write to it failed (a
 * full disk, /dev/full, a closed descriptor), whatever the command, says
 * so with the reason and returns 2; else returns rc. out is the stream of
 * open_cli_stdout() (freed here), or NULL. What plugins printed (to the
 * C library's stdout, now stderr) is flushed; its errors are not chiso's.
 */
static int close_stdout(int rc, atomic_file *out)
{
	char err[512];
	int errnum = 0, lost;

	if (out) {
		cli_stdout = stdout;
		fflush(stdout);
		if (atomic_file_commit(out, err, sizeof(err)) < 0) {
			cli_error(_("cannot write %s"), err);
			return EXIT_FAILURE2;
		}
		return rc;
	}
	if (fflush(stdout) != 0)
		errnum = errno;
	lost = errnum || ferror(stdout);
	/* EBADF with nothing written: there was no standard output to
	 * write (chiso ... >&-), and nothing was lost. */
	if (fclose(stdout) != 0 && !lost && errno != EBADF) {
		errnum = errno;
		lost = 1;
	}
	if (!lost)
		return rc;
	if (errnum)
		cli_error(_("cannot write standard output: %s"),
		          strerror(errnum));
	else /* failed earlier; glibc dropped that write's errno */
		cli_error(_("cannot write standard output: a write failed"));
	return EXIT_FAILURE2;
}

FILE *cli_stdout;
const char *cli_lang;

int main(int argc, char **argv)
{
	atomic_file *out;
	int rc;

	setlocale(LC_CTYPE, "");
	cli_stdout = stdout;
	out = open_cli_stdout();
	rc = choose_language(&argc, argv);
	if (rc == 0)
		rc = run(argc, argv);
	return close_stdout(rc, out);
}
