/*
 * cli.h - what the chiso commands share: exit codes, option helpers,
 * the plugin search path, output files written atomically.
 */
#ifndef CHISO_CLI_H
#define CHISO_CLI_H

#include "plugin/plugin_loader.h"
#include "util/atomic_file.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/csvw.h"
#include "util/read_limits.h"
#include "util/sheetw.h"

#include <stdio.h>

/* Exit codes of every command. */
enum {
	EXIT_OK = 0,      /* done, every unit valid */
	EXIT_UNITS = 1,   /* done, some units invalid or an indicator failed */
	EXIT_FAILURE2 = 2 /* usage, model, data file or plugin error:
	                      nothing written */
};

/* Commands: argv[0] is the command name. */
/* chiso's standard output: every command writes there, never to the C
 * library's stdout, which is descriptor 1 and carries what plugins print
 * to stderr (util/std_out.h). Set by main(). */
extern FILE *cli_stdout;
/* The value of --lang ("vi" or "en", checked by main(), which also made
 * it the language of messages: util/i18n.h), or NULL when not given. */
extern const char *cli_lang;

int cmd_validate(int argc, char **argv);
int cmd_evaluate(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_plugins(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_gaps(int argc, char **argv);
int cmd_doc(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_plugin(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_import_criteria(int argc, char **argv);
int cmd_sensitivity(int argc, char **argv);
int cmd_appraise(int argc, char **argv);
int cmd_verify(int argc, char **argv);

/* The --plugin-dir directories given on the command line. */
typedef struct cli_plugin_dirs {
	const char **dirs;
	size_t n;
} cli_plugin_dirs;

/* Records one --plugin-dir. */
void cli_plugin_dir_add(cli_plugin_dirs *pd, const char *dir);

/* A registry searching the --plugin-dir directories, then
 * CHISO_PLUGIN_PATH, then the default. Caller frees with
 * plugin_registry_free(); frees pd's list. */
plugin_registry *cli_registry(cli_plugin_dirs *pd);

/* An output: standard output, or what -o names (util/atomic_file.h: a
 * file written atomically, or a device, FIFO or descriptor written
 * directly). */
typedef struct cli_output {
	FILE *f;
	atomic_file *af;
	const char *path;
} cli_output;

/* Opens path ("-" or NULL: standard output). Returns 0, or -1 after a
 * message. */
int cli_output_open(cli_output *out, const char *path);
/* Commits (or, when ok is 0, discards) the output. Returns 0, or -1
 * after a message "cannot write PATH: reason". */
int cli_output_close(cli_output *out, int ok);

/*
 * Opens an output of rows (util/sheetw.h): a workbook written to path
 * when xlsx is 1 (path names a file: cli_format_pick() refuses xlsx
 * without -o), with one sheet called sheet; else CSV as o says, into
 * out opened on path as cli_output_open() does. Returns 0, or -1 after
 * a message.
 */
int cli_sheet_open(cli_output *out, sheetw *w, const char *path, int xlsx,
                   const csvw_opts *o, const char *sheet);
/* Commits (or, when ok is 0, discards) what cli_sheet_open() opened.
 * Returns 0, or -1 after a message "cannot write PATH: reason". */
int cli_sheet_close(cli_output *out, sheetw *w, int ok);

/*
 * Refuses an output that is one of the command's inputs: output (-o;
 * NULL or "-" is standard output, never refused) is an existing regular
 * file that is the same file (device and inode, links followed; a hard
 * link too) as one of inputs[0..n-1] (NULL entries skipped). Call it
 * before reading anything. Returns 0, or -1 after "chiso: refused: output
 * OUT is the input IN; write to another file".
 */
int cli_output_not_input(const char *output, char *const *inputs, size_t n);

/*
 * Handles what every command's option loop shares: -P/--plugin-dir DIR
 * (added to pd), -h/--help (prints help) and unknown options. Returns 0
 * when c was handled and parsing goes on, -1 when the command must
 * return *rc now (after freeing pd's list).
 */
int cli_common_option(int c, const char *cmd, const char *const *help,
                      cli_plugin_dirs *pd, int *rc);

/*
 * Prints a command's help: its pieces (marked N_(), the shared ones such
 * as CLI_CSV_HELP pieces of their own), up to the NULL that ends them,
 * each in the language of messages (util/i18n.h), to f.
 */
void cli_help_print(const char *const *help, FILE *f);

/*
 * Parses --timeout SECONDS (a decimal number > 0, at most a day) into
 * *ms, at least 1. Returns 0, or -1 after a usage message with *rc set.
 */
int cli_timeout_option(const char *cmd, const char *arg, long *ms, int *rc);

/*
 * Parses a whole number in [1, max] given to option name ("--max-units")
 * into *out. Returns 0, or -1 after a usage message with *rc set.
 */
int cli_count_option(const char *cmd, const char *name, const char *arg,
                     size_t max, size_t *out, int *rc);

/* getopt values of --max-file-mb and the CSV options (above every
 * command's own values). */
enum {
	CLI_OPT_MAX_FILE_MB = 1000,
	CLI_OPT_NO_FORMULA_GUARD,
	CLI_OPT_BOM,
	CLI_OPT_SEPARATOR
};

/* The options of every command that writes CSV, for its struct option
 * list: --bom, --separator SEP, --no-formula-guard. */
#define CLI_CSV_OPTIONS                                                        \
	{"bom", no_argument, NULL, CLI_OPT_BOM},                               \
	        {"separator", required_argument, NULL, CLI_OPT_SEPARATOR},     \
	{                                                                      \
		"no-formula-guard", no_argument, NULL,                         \
		        CLI_OPT_NO_FORMULA_GUARD                               \
	}

/* Their help. */
#define CLI_CSV_HELP                                                           \
	N_("      --bom              csv: start with a UTF-8 BOM (for "        \
	   "Excel)\n"                                                          \
	   "      --separator SEP    csv: ',' (default) or ';' (Excel in "     \
	   "Vietnamese\n"                                                      \
	   "                         or European settings; numbers then have " \
	   "a\n"                                                               \
	   "                         decimal comma, 83,99)\n"                  \
	   "      --no-formula-guard csv: write text cells as they are (by "   \
	   "default\n"                                                         \
	   "                         a cell starting with =, +, -, @, TAB or " \
	   "CR "                                                               \
	   "gets\n"                                                            \
	   "                         a leading ' so that a spreadsheet does "  \
	   "not "                                                              \
	   "run\n"                                                             \
	   "                         it as a formula)\n")

/* The CSV options given: o starts as CSVW_OPTS_DEFAULT. */
typedef struct cli_csv {
	csvw_opts o;
	int sep_given; /* --separator was given */
} cli_csv;
#define CLI_CSV_INIT                                                           \
	{                                                                      \
		CSVW_OPTS_DEFAULT, 0                                           \
	}

/* Handles c, one of the CSV options (CLI_OPT_BOM, CLI_OPT_SEPARATOR,
 * CLI_OPT_NO_FORMULA_GUARD) with its optarg. Returns 0, or -1 after a
 * usage message with *rc set (a separator other than ',' or ';'). */
int cli_csv_option(const char *cmd, int c, cli_csv *csv, int *rc);

/* Refuses a CSV option given when the format (is_csv 0) is not CSV.
 * Returns 0, or -1 after "--bom is for --format csv" with *rc set. */
int cli_csv_only(const char *cmd, const cli_csv *csv, int is_csv, int *rc);

/*
 * A command's output formats: names[i] is what -f calls its format i
 * ("table", "json", "csv", "md", "html", "xlsx", "yaml"), NULL for a
 * format of the enum that this command does not write.
 */
typedef struct cli_formats {
	const char *const *names;
	int n;
} cli_formats;

/* Parses -f arg ("markdown" is "md") into *format. Returns 0, or -1
 * after "unknown format 'x': use a, b or c" with *rc set. */
int cli_format_parse(const char *cmd, const cli_formats *fs, const char *arg,
                     int *format, int *rc);

/*
 * The format from -o's file name: output's extension (.txt table, .json,
 * .csv, .xlsx, .md, .html, .yaml; any case) names a format. Without -f
 * (given 0) that format is picked into *format when the command writes
 * it, and refused when it does not; with -f (given 1, *format holding
 * it) an extension naming another format is refused (but -f md may
 * write .txt, -f json .yaml: text holds Markdown, JSON is YAML). No output, "-", or an extension naming no format keep
 * *format. xlsx needs an output file ("--format xlsx needs -o
 * FILE.xlsx"). Call it after cli_output_not_input(). Returns 0, or -1 after
 * a usage message with *rc set (exit 2, nothing written).
 */
int cli_format_pick(const char *cmd, const cli_formats *fs, int given,
                    const char *output, int *format, int *rc);

/* The option every command that reads data or results files takes:
 * --max-file-mb N sets lim's file size limit to N MiB. */
#define CLI_MAX_FILE_MB_HELP                                                   \
	N_("      --max-file-mb N    read data and results files of up to N "  \
	   "MiB\n"                                                             \
	   "                         (default 1024)\n")
/* The same for the commands that read only results files. */
#define CLI_MAX_RESULTS_MB_HELP                                                \
	N_("      --max-file-mb N    read results files of up to N MiB "       \
	   "(default\n"                                                        \
	   "                         1024)\n")
int cli_max_file_mb(const char *cmd, const char *arg, doc_limits *lim, int *rc);

/* Prints "chiso: " and a message to stderr, its control characters and
 * bidi controls escaped (util/escape.h). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints the diagnostics to stderr. */
void cli_print_diag(const diag *d);

/* For unknown options and wrong argument counts: a message (escaped as
 * by cli_error()), a hint to run "chiso CMD --help", exit code 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* getopt values of --period and --stage, the options of the commands
 * that read results (rank, report, compare, gaps): read/results_pick.h. */
enum { CLI_OPT_PERIOD = 1100, CLI_OPT_STAGE };
#define CLI_PICK_HELP                                                          \
	N_("      --period P         only the units of period P\n"             \
	   "      --stage S          only the units of stage S (e.g. "         \
	   "appraised)\n")
/* Stores --period or --stage (c) of arg in p. Returns 1 when c was one
 * of them, else 0. */
struct rs_pick_opts;
int cli_pick_option(int c, const char *arg, struct rs_pick_opts *p);

#endif
