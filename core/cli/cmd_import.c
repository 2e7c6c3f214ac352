/*
 * cmd_import.c - "chiso import-criteria TABLE": a model skeleton from a
 * published table of criteria.
 */
#include "cli/cli.h"
#include "modeldoc/criteria_import.h"
#include "read/schema.h"
#include "util/numfmt.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso import-criteria [OPTIONS] TABLE [-o MODEL.yaml]\n"
           "\n"
           "Makes a model from a published table of criteria (bảng tiêu chí),\n"
           "a CSV file or an .xlsx workbook (its first sheet), so that a\n"
           "province starts from its decision's table instead of typing YAML.\n"
           "The header row names the columns (any order, any case):\n"
           "  code        the criterion's code, e.g. 4.22.3 (mã)\n"
           "  name        its name as published (tên)\n"
           "  max_points  its maximum points (điểm tối đa)\n"
           "and optionally:\n"
           "  group       the main index it belongs to (nhóm)\n"
           "  method      its scoring method, params its params ({input: x})\n"
           "  mandatory   có/x (mandatory) or không (extended) (bắt buộc)\n"
           "  source      where its rule comes from (nguồn)\n"
           "\n"
           "Codes make the tree: 4.22.3 goes under 4.22, or under 4 when no\n"
           "row has 4.22 (a warning says so). With a group column each group\n"
           "is a main index, its id the first part of its codes; without one,\n"
           "codes of one part are the main indices. A parent's points are its\n"
           "criteria's sum unless its row gives them, and then they must\n"
           "agree. A criterion without a method gets 'method: todo', which\n"
           "'chiso validate' refuses until you choose its rule and inputs.\n"
           "Names are kept as written (in Unicode NFC).\n"
           "\n"
           "Options:\n"
           "  -o, --output FILE      write the model to FILE (atomically)\n"
           "                         instead of stdout\n"
           "      --id ID            model.id (a-z, 0-9, '.', '-'); default: "
           "the\n"
           "                         table's file name\n"
           "      --title TEXT       model.title (default: names the table)\n"
           "      --version TEXT     model.version (default: 1)\n"
           "      --level LEVEL      model.level, e.g. commune or province\n"
           "      --max-file-mb N    read tables of up to N MiB (default 16)\n"
           "  -h, --help             show this help\n"
           "\n"
           "Examples:\n"
           "  chiso import-criteria tieu-chi-xa-2025.csv --id "
           "tinh-commune-2025 \\\n"
           "      --level commune --version 2025 -o tinh-commune-2025.yaml\n"
           "  chiso validate tinh-commune-2025.yaml   # lists each rule to "
           "write\n"
           "\n"
           "Exit status: 0 written (warnings on stderr); 2 usage error, or a\n"
           "table refused: every problem named at its FILE:ROW:COLUMN\n"
           "(FILE:SHEET!B7 in a workbook), nothing written.\n"),
        NULL};

/* Options without a short form. */
enum { OPT_ID = 256, OPT_TITLE, OPT_VERSION, OPT_LEVEL };

/* Imports the table and writes the model. Returns the exit code. */
static int run(const char *table, const char *output,
               const criteria_import_opts *o, const doc_limits *lim)
{
	criteria_import_stats st;
	strbuf yaml = STRBUF_INIT;
	diag d = DIAG_INIT;
	cli_output out;
	char buf[NUMFMT_MAX];
	int rc = EXIT_FAILURE2, ok;

	ok = criteria_import(table, o, lim, &yaml, &d, &st) == 0;
	cli_print_diag(&d);
	if (!ok || cli_output_open(&out, output) < 0)
		goto done;
	ok = fwrite(yaml.data, 1, yaml.len, out.f) == yaml.len;
	if (cli_output_close(&out, ok) < 0)
		goto done;
	fprintf(stderr,
	        "chiso import-criteria: %zu criteria in %zu main indices, %s "
	        "points%s%s",
	        st.criteria, st.roots, numfmt_exact(st.points, buf),
	        output ? " written to " : "", output ? output : "");
	if (st.normalized)
		fprintf(stderr, "; texts brought to Unicode NFC: %zu",
		        st.normalized);
	if (st.todo)
		fprintf(stderr,
		        ".\n%zu criteria still need their scoring rule "
		        "(method: todo): choose each one's method and inputs, "
		        "then run 'chiso validate %s'.\n",
		        st.todo, output ? output : "MODEL");
	else
		fputs(".\n", stderr);
	rc = EXIT_OK;
done:
	strbuf_release(&yaml);
	diag_free(&d);
	return rc;
}

int cmd_import_criteria(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"output", required_argument, NULL, 'o'},
	        {"id", required_argument, NULL, OPT_ID},
	        {"title", required_argument, NULL, OPT_TITLE},
	        {"version", required_argument, NULL, OPT_VERSION},
	        {"level", required_argument, NULL, OPT_LEVEL},
	        {"max-file-mb", required_argument, NULL, CLI_OPT_MAX_FILE_MB},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	criteria_import_opts o = {NULL, NULL, NULL, NULL};
	cli_plugin_dirs pd = {NULL, 0}; /* no plugins: for the shared options */
	doc_limits lim = doc_limits_model;
	const char *output = NULL;
	int c, rc = EXIT_OK;

	lim.what = "a criteria table";
	lim.file_option = "--max-file-mb";
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "o:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case OPT_ID:
			if (!*optarg || schema_check_chars(optarg, ".-") < 0)
				return cli_usage_error(
				        "import-criteria",
				        "--id '%s' must use only a-z, 0-9, '.' "
				        "and '-', e.g. tinh-commune-2025",
				        optarg);
			o.id = optarg;
			break;
		case OPT_TITLE:
		case OPT_VERSION:
		case OPT_LEVEL:
			if (!*optarg)
				return cli_usage_error(
				        "import-criteria",
				        "an empty text for --%s",
				        opts[c - OPT_ID + 1].name);
			*(c == OPT_TITLE     ? &o.title
			  : c == OPT_VERSION ? &o.version
			                     : &o.level) = optarg;
			break;
		case CLI_OPT_MAX_FILE_MB:
			if (cli_max_file_mb("import-criteria", optarg, &lim,
			                    &rc) < 0)
				return rc;
			break;
		default:
			if (c == 'P' || cli_common_option(c, "import-criteria",
			                                  help, &pd, &rc) < 0)
				return rc;
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("import-criteria",
		                       "give exactly one TABLE (a .csv or "
		                       ".xlsx file)");
	if (cli_output_not_input(output, argv + optind, 1) < 0)
		return EXIT_FAILURE2;
	return run(argv[optind], output, &o, &lim);
}
