/*
 * cli_common.c - helpers shared by the commands.
 */
#include "cli/cli.h"
#include "cli/cli_group.h"
#include "util/std_out.h"

#include "eval/host.h"
#include "read/results_pick.h"
#include "util/escape.h"
#include "util/strbuf.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_plugin_dir_add(cli_plugin_dirs *pd, const char *dir)
{
	pd->dirs = xrealloc(pd->dirs, (pd->n + 1) * sizeof(*pd->dirs));
	pd->dirs[pd->n++] = dir;
}

void cli_help_print(const char *const *help, FILE *f)
{
	for (; *help; help++)
		fputs(_(*help), f);
}

int cli_common_option(int c, const char *cmd, const char *const *help,
                      cli_plugin_dirs *pd, int *rc)
{
	switch (c) {
	case 'P':
		cli_plugin_dir_add(pd, optarg);
		return 0;
	case 'h':
		cli_help_print(help, cli_stdout);
		*rc = EXIT_OK;
		break;
	default:
		*rc = cli_usage_error(cmd, _("bad option"));
		break;
	}
	free(pd->dirs);
	pd->dirs = NULL;
	pd->n = 0;
	return -1;
}

int cli_count_option(const char *cmd, const char *name, const char *arg,
                     size_t max, size_t *out, int *rc)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || *end || errno || v < 1 || v > max) {
		*rc = cli_usage_error(
		        cmd,
		        _("%s takes a whole number from 1 to %zu, "
		          "not '%s'"),
		        name, max, arg);
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

int cli_max_file_mb(const char *cmd, const char *arg, doc_limits *lim, int *rc)
{
	size_t mb;

	if (cli_count_option(cmd, "--max-file-mb", arg, LIMIT_OPTION_MB_MAX,
	                     &mb, rc) < 0)
		return -1;
	limits_set_file_mb(lim, mb);
	return 0;
}

plugin_registry *cli_registry(cli_plugin_dirs *pd)
{
	plugin_registry *reg = plugin_registry_new(&host_api);
	size_t i;

	for (i = 0; i < pd->n; i++)
		plugin_registry_add_dir(reg, pd->dirs[i]);
	plugin_registry_add_defaults(reg);
	free(pd->dirs);
	pd->dirs = NULL;
	pd->n = 0;
	return reg;
}

int cli_output_open(cli_output *out, const char *path)
{
	char err[512];

	memset(out, 0, sizeof(*out));
	if (!path || strcmp(path, "-") == 0) {
		/* What was printed before goes first. */
		fflush(cli_stdout);
		out->af = atomic_file_open_fd(
		        std_out_fd(), _("standard output"), err, sizeof(err));
	} else {
		out->path = path;
		out->af = atomic_file_open(path, err, sizeof(err));
	}
	if (!out->af) {
		cli_error(_("cannot write %s"), err);
		return -1;
	}
	out->f = atomic_file_stream(out->af);
	return 0;
}

int cli_output_close(cli_output *out, int ok)
{
	char err[512];

	if (!ok) {
		atomic_file_abort(out->af);
		out->af = NULL;
		return 0;
	}
	if (atomic_file_commit(out->af, err, sizeof(err)) < 0) {
		out->af = NULL;
		cli_error(_("cannot write %s"), err);
		return -1;
	}
	out->af = NULL;
	return 0;
}

int cli_sheet_open(cli_output *out, sheetw *w, const char *path, int xlsx,
                   const csvw_opts *o, const char *sheet)
{
	char err[512];

	memset(out, 0, sizeof(*out));
	if (xlsx) {
		if (sheetw_xlsx(w, path, sheet, err, sizeof(err)) < 0) {
			cli_error(_("cannot write %s"), err);
			return -1;
		}
		return 0;
	}
	if (cli_output_open(out, path) < 0)
		return -1;
	sheetw_csv(w, out->f, o);
	return 0;
}

int cli_sheet_close(cli_output *out, sheetw *w, int ok)
{
	char err[512];

	if (!w->xlsx)
		return cli_output_close(out, ok);
	if (sheetw_close(w, ok, err, sizeof(err)) < 0 && ok) {
		cli_error(_("cannot write %s"), err);
		return -1;
	}
	return 0;
}

int cli_output_not_input(const char *output, char *const *inputs, size_t n)
{
	struct stat so, si;
	size_t i;

	if (!output || strcmp(output, "-") == 0 || stat(output, &so) < 0 ||
	    !S_ISREG(so.st_mode))
		return 0;
	for (i = 0; i < n; i++) {
		if (!inputs[i] || stat(inputs[i], &si) < 0)
			continue;
		if (si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
			cli_error(_("refused: output %s is the input %s; write "
			            "to another file"),
			          output, inputs[i]);
			return -1;
		}
	}
	return 0;
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("chiso: ", stderr);
	va_start(ap, fmt);
	escape_vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_print_diag(const diag *d)
{
	diag_print(d, stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "chiso %s: ", cmd);
	va_start(ap, fmt);
	escape_vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\nRun 'chiso %s --help' for usage.\n"), cmd);
	return EXIT_FAILURE2;
}

int cli_pick_option(int c, const char *arg, rs_pick_opts *p)
{
	if (c == CLI_OPT_PERIOD)
		p->period = arg;
	else if (c == CLI_OPT_STAGE)
		p->stage = arg;
	return c == CLI_OPT_PERIOD || c == CLI_OPT_STAGE;
}

int cli_timeout_option(const char *cmd, const char *arg, long *ms, int *rc)
{
	char *end;
	double secs = strtod(arg, &end);

	if (*end || !(secs > 0) || secs > 86400) {
		*rc = cli_usage_error(cmd,
		                      _("--timeout takes seconds (> 0, at most "
		                        "86400), not '%s'"),
		                      arg);
		return -1;
	}
	*ms = (long)(secs * 1000 + 0.5);
	if (*ms < 1)
		*ms = 1;
	return 0;
}

int cli_group_option(const char *cmd, const char *arg, rank_grouping *group,
                     int *rc)
{
	if (strcmp(arg, "parent") == 0) {
		*group = GROUP_PARENT;
	} else if (strcmp(arg, "level") == 0) {
		*group = GROUP_LEVEL;
	} else {
		*rc = cli_usage_error(cmd,
		                      _("--group-by takes parent or level, not "
		                        "'%s'"),
		                      arg);
		return -1;
	}
	return 0;
}
