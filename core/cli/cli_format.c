/*
 * cli_format.c - which format an output is written in: -f, or the
 * extension of -o's file name, and the refusals when they disagree; the
 * options of every command that writes CSV.
 */
#include "cli/cli.h"

#include "util/strbuf.h"

#include <getopt.h>
#include <string.h>
#include <strings.h>

/* What an output file's extension says it holds. */
struct ext_format {
	const char *ext;  /* ".json" */
	const char *name; /* the format's name as -f takes it */
	const char *what; /* for messages: "JSON" */
	const char *also; /* another format it holds, given with -f */
};

/* The first entry of a format is its usual extension. Plain text holds
 * Markdown as well as a table; JSON is YAML. */
static const struct ext_format exts[] = {
        {".txt", "table", "text", "md"},
        {".json", "json", "JSON", NULL},
        {".csv", "csv", "CSV", NULL},
        {".xlsx", "xlsx", "an Excel workbook", NULL},
        {".md", "md", "Markdown", NULL},
        {".markdown", "md", "Markdown", NULL},
        {".html", "html", "HTML", NULL},
        {".htm", "html", "HTML", NULL},
        {".yaml", "yaml", "YAML", "json"},
        {".yml", "yaml", "YAML", "json"},
};
#define NEXTS (sizeof(exts) / sizeof(exts[0]))

/* The entry of path's extension (any case), or NULL: no output file, or
 * an extension that names no format ("results.out", "ranking"). */
static const struct ext_format *ext_of(const char *path)
{
	const char *slash, *dot;
	size_t k;

	if (!path || strcmp(path, "-") == 0)
		return NULL;
	slash = strrchr(path, '/');
	dot = strrchr(slash ? slash + 1 : path, '.');
	if (!dot)
		return NULL;
	for (k = 0; k < NEXTS; k++)
		if (strcasecmp(dot, exts[k].ext) == 0)
			return &exts[k];
	return NULL;
}

/* The usual extension of format name (".txt" for table). */
static const char *usual_ext(const char *name)
{
	size_t k;

	for (k = 0; k < NEXTS; k++)
		if (strcmp(exts[k].name, name) == 0)
			return exts[k].ext;
	return "";
}

/* The index of format name in fs, or -1. */
static int find(const cli_formats *fs, const char *name)
{
	int i;

	for (i = 0; i < fs->n; i++)
		if (fs->names[i] && strcmp(fs->names[i], name) == 0)
			return i;
	return -1;
}

/* Appends "a, b or c" (with each one's extension when ext is 1). */
static void list_formats(strbuf *sb, const cli_formats *fs, int ext)
{
	int i, k = 0, n = 0;

	for (i = 0; i < fs->n; i++)
		n += fs->names[i] != NULL;
	for (i = 0; i < fs->n; i++) {
		if (!fs->names[i])
			continue;
		if (k > 0)
			strbuf_puts(sb, k + 1 == n ? " or " : ", ");
		strbuf_puts(sb, fs->names[i]);
		if (ext)
			strbuf_printf(sb, " (%s)", usual_ext(fs->names[i]));
		k++;
	}
}

int cli_format_parse(const char *cmd, const cli_formats *fs, const char *arg,
                     int *format, int *rc)
{
	strbuf sb = STRBUF_INIT;
	int i = find(fs, strcmp(arg, "markdown") == 0 ? "md" : arg);

	if (i >= 0) {
		*format = i;
		return 0;
	}
	list_formats(&sb, fs, 0);
	*rc = cli_usage_error(cmd, "unknown format '%s': use %s", arg,
	                      strbuf_str(&sb));
	strbuf_release(&sb);
	return -1;
}

/* path with its extension replaced by the usual one of format name. */
static void renamed(strbuf *sb, const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');

	strbuf_add(sb, path, dot ? (size_t)(dot - path) : strlen(path));
	strbuf_puts(sb, usual_ext(name));
}

/* What an xlsx output needs: a file, and libxlsxwriter. Said before
 * anything is read or scored. Returns 0, or -1 with *rc set. */
static int xlsx_possible(const char *cmd, const char *output, int *rc)
{
	if (!output || strcmp(output, "-") == 0) {
		*rc = cli_usage_error(cmd, "--format xlsx needs -o FILE.xlsx");
		return -1;
	}
	if (xlsxw_unavailable()) {
		cli_error("%s", xlsxw_unavailable());
		*rc = EXIT_FAILURE2;
		return -1;
	}
	return 0;
}

/* Refuses -f f for output, whose extension e names another format. */
static int contradiction(const char *cmd, const cli_formats *fs,
                         const struct ext_format *e, const char *f,
                         const char *output, int *rc)
{
	strbuf sb = STRBUF_INIT;
	int can = find(fs, e->name) >= 0;

	renamed(&sb, output, f);
	*rc = cli_usage_error(
	        cmd,
	        "-f %s does not match the output name %s (%s is "
	        "for %s): %s%s%sname the output %s",
	        f, output, e->ext, e->what, can ? "drop -f to write " : "",
	        can ? e->what : "", can ? " there, or " : "", strbuf_str(&sb));
	strbuf_release(&sb);
	return -1;
}

int cli_format_pick(const char *cmd, const cli_formats *fs, int given,
                    const char *output, int *format, int *rc)
{
	const struct ext_format *e = ext_of(output);
	const char *f = given ? fs->names[*format] : NULL;
	strbuf sb = STRBUF_INIT;

	if (e && f && strcmp(e->name, f) != 0 &&
	    !(e->also && strcmp(e->also, f) == 0))
		return contradiction(cmd, fs, e, f, output, rc);
	if (e && !f) {
		if (find(fs, e->name) < 0) {
			list_formats(&sb, fs, 1);
			*rc = cli_usage_error(
			        cmd,
			        "cannot write %s as %s: %s writes "
			        "%s; name the output for one of "
			        "them",
			        output, e->what, cmd, strbuf_str(&sb));
			strbuf_release(&sb);
			return -1;
		}
		*format = find(fs, e->name);
	}
	if (fs->names[*format] && strcmp(fs->names[*format], "xlsx") == 0)
		return xlsx_possible(cmd, output, rc);
	return 0;
}

int cli_csv_option(const char *cmd, int c, cli_csv *csv, int *rc)
{
	switch (c) {
	case CLI_OPT_BOM:
		csv->o.bom = 1;
		return 0;
	case CLI_OPT_NO_FORMULA_GUARD:
		csv->o.guard = 0;
		return 0;
	case CLI_OPT_SEPARATOR:
		if (strcmp(optarg, ",") != 0 && strcmp(optarg, ";") != 0) {
			*rc = cli_usage_error(cmd,
			                      "unknown separator '%s': use "
			                      "',' or ';'",
			                      optarg);
			return -1;
		}
		csv->o.sep = optarg[0];
		csv->sep_given = 1;
		return 0;
	default:
		return 0;
	}
}

int cli_csv_only(const char *cmd, const cli_csv *csv, int is_csv, int *rc)
{
	const char *opt = csv->o.bom       ? "--bom"
	                  : csv->sep_given ? "--separator"
	                  : !csv->o.guard  ? "--no-formula-guard"
	                                   : NULL;

	if (is_csv || !opt)
		return 0;
	*rc = cli_usage_error(cmd, "%s is for --format csv", opt);
	return -1;
}
