/*
 * cmd_evaluate.c - "chiso evaluate MODEL DATA...".
 */
#include "cli/cli.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "eval/evidence_files.h"
#include "eval/missing.h"
#include "model/model.h"
#include "read/results_set.h"
#include "results/report_table.h"
#include "results/results_json.h"
#include "results/score_sheet.h"
#include "util/strbuf.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso evaluate [OPTIONS] MODEL DATA...\n"
           "\n"
           "Scores every unit in the DATA files (YAML or JSON: one unit, a "
           "list\n"
           "'units:', or a results document from an earlier run; JSON Lines,\n"
           "'.jsonl', one unit per line; CSV, '.csv', one unit per row as a\n"
           "spreadsheet exports it; or an Excel workbook, '.xlsx', its first\n"
           "sheet laid out as the CSV) against MODEL: each indicator's points "
           "from\n"
           "its method plugin, then every index's\n"
           "points, value (points / available) and the unit's total.\n"
           "\n"
           "Options:\n"
           "  -f, --format FMT       table (default): the tree per unit with\n"
           "                         points, values to the model's precision,\n"
           "                         status and the plugin's note;\n"
           "                         json: the results document\n"
           "                         (docs/results-format.md); csv or xlsx:\n"
           "                         a score sheet, one row per unit "
           "(identity,\n"
           "                         status, points, max, value, class, then\n"
           "                         the points of every node; xlsx needs -o)\n"
           "  -o, --output FILE      write to FILE, atomically (a temporary "
           "file\n"
           "                         renamed when complete), instead of "
           "stdout;\n"
           "                         without -f, FILE's extension picks the\n"
           "                         format (.txt, .json, .csv, "
           ".xlsx)\n"),
        CLI_CSV_HELP,
        N_("  -P, --plugin-dir DIR   look for plugins in DIR first "
           "(repeatable)\n"
           "      --children RESULTS the results of the units' children (e.g.\n"
           "                         the communes of these districts, from\n"
           "                         chiso evaluate -f json with their "
           "model),\n"
           "                         for indicators of method children\n"
           "                         (repeatable)\n"
           "      --isolate          run every plugin's computation in a "
           "worker\n"
           "                         process: a plugin that crashes or hangs\n"
           "                         costs only its indicator (status error);\n"
           "                         a model can ask this for some methods\n"
           "                         (model.isolate)\n"
           "      --timeout SECONDS  time limit of each isolated computation\n"
           "                         (default 10)\n"
           "      --max-lost N       after an isolated indicator's plugin\n"
           "                         crashed or timed out on N units in a\n"
           "                         row, mark it error on the rest without\n"
           "                         running it (default 3)\n"
           "      --check-only       read and check the data, report "
           "problems,\n"
           "                         score nothing and write nothing\n"
           "      --strict           a required value that is missing is an\n"
           "                         error: exit 1 (the results are still\n"
           "                         written, scored by the model's missing\n"
           "                         policy)\n"
           "      --max-units N      take at most N units in one run (default\n"
           "                         100000)\n"),
        /* Not marked for translation yet: po/vi.po has no
         * translation of it (issue 11). */
        "      --evidence-dir DIR the evidence files the data names per\n"
        "                         indicator (evidence: {ID: [FILE]}, a\n"
        "                         column evidence:ID) are files in DIR:\n"
        "                         each checked to exist (inside DIR: no\n"
        "                         '..', no absolute path, no link out of\n"
        "                         it) and its SHA-256 recorded on the\n"
        "                         indicator (evidence_files), for 'chiso\n"
        "                         verify --evidence-dir' to check\n",
        CLI_MAX_FILE_MB_HELP,
        N_("  -h, --help             show this help\n"
           "\n"
           "Units whose data is wrong (a value of the wrong type, out of "
           "bounds,\n"
           "an unknown field) are reported on stderr with the unit and field,\n"
           "and marked invalid; the other units are still scored and written.\n"
           "A required value that is missing (an empty cell, a column or "
           "field\n"
           "left out) is never silent: a warning names the unit and input, "
           "the\n"
           "results list it per unit (\"missing\"), and the model's 'missing'\n"
           "policy decides the score (zero, exclude or error).\n"
           "\n"
           "Examples:\n"
           "  chiso evaluate criteria/example-district.yaml "
           "examples/yen-binh-2022.yaml\n"
           "  chiso evaluate -o results.json MODEL units/*.yaml   # JSON, by "
           "name\n"
           "  chiso evaluate -o scores.xlsx MODEL units/*.yaml    # a score "
           "sheet\n"
           "  chiso evaluate MODEL-2024.yaml results-2023.json   # re-score\n"
           "\n"
           "Exit status: 0 ok; 1 some units invalid or an indicator failed "
           "(or,\n"
           "with --strict, a required value missing);\n"
           "2 usage, model, data file or plugin error (nothing written).\n"),
        NULL};

enum {
	OPT_CHECK_ONLY = 256,
	OPT_CHILDREN,
	OPT_ISOLATE,
	OPT_TIMEOUT,
	OPT_MAX_UNITS,
	OPT_MAX_LOST,
	OPT_STRICT,
	OPT_EVIDENCE_DIR
};

/* The default time limit of an isolated computation. */
#define DEFAULT_TIMEOUT_MS 10000

/* The output formats. */
enum { FMT_TABLE, FMT_JSON, FMT_CSV, FMT_XLSX };
static const char *const format_names[] = {"table", "json", "csv", "xlsx"};
static const cli_formats formats = {format_names, 4};

struct options {
	int format, format_given, check_only, isolate, strict;
	long timeout_ms;
	size_t max_lost; /* --max-lost; 0: the default */
	const char *output;
	const char *evidence_dir; /* --evidence-dir; NULL: not checked */
	cli_csv csv;
	cli_plugin_dirs pd;
	char **children; /* --children files */
	size_t nchildren;
	size_t max_units;
	doc_limits limits; /* of each data and --children file */
};

/* Parses options; returns -1 to exit with *rc. */
static int parse(int argc, char **argv, struct options *o, int *rc)
{
	static const struct option opts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"check-only", no_argument, NULL, OPT_CHECK_ONLY},
	        {"children", required_argument, NULL, OPT_CHILDREN},
	        {"isolate", no_argument, NULL, OPT_ISOLATE},
	        {"timeout", required_argument, NULL, OPT_TIMEOUT},
	        {"max-lost", required_argument, NULL, OPT_MAX_LOST},
	        {"max-units", required_argument, NULL, OPT_MAX_UNITS},
	        {"strict", no_argument, NULL, OPT_STRICT},
	        {"evidence-dir", required_argument, NULL, OPT_EVIDENCE_DIR},
	        {"max-file-mb", required_argument, NULL, CLI_OPT_MAX_FILE_MB},
	        CLI_CSV_OPTIONS,
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	int c;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "f:o:P:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'f':
			if (cli_format_parse("evaluate", &formats, optarg,
			                     &o->format, rc) < 0)
				return -1;
			o->format_given = 1;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_CHECK_ONLY:
			o->check_only = 1;
			break;
		case OPT_ISOLATE:
			o->isolate = 1;
			break;
		case OPT_STRICT:
			o->strict = 1;
			break;
		case OPT_EVIDENCE_DIR:
			o->evidence_dir = optarg;
			break;
		case OPT_TIMEOUT:
			if (cli_timeout_option("evaluate", optarg,
			                       &o->timeout_ms, rc) < 0)
				return -1;
			break;
		case OPT_MAX_LOST:
			if (cli_count_option("evaluate", "--max-lost", optarg,
			                     1000000, &o->max_lost, rc) < 0)
				return -1;
			break;
		case OPT_MAX_UNITS:
			if (cli_count_option("evaluate", "--max-units", optarg,
			                     (size_t)1 << 31, &o->max_units,
			                     rc) < 0)
				return -1;
			break;
		case CLI_OPT_MAX_FILE_MB:
			if (cli_max_file_mb("evaluate", optarg, &o->limits,
			                    rc) < 0)
				return -1;
			break;
		case OPT_CHILDREN:
			o->children =
			        xrealloc(o->children,
			                 (o->nchildren + 1) * sizeof(char *));
			o->children[o->nchildren++] = optarg;
			break;
		case CLI_OPT_BOM:
		case CLI_OPT_SEPARATOR:
		case CLI_OPT_NO_FORMULA_GUARD:
			if (cli_csv_option("evaluate", c, &o->csv, rc) < 0)
				return -1;
			break;
		default:
			if (cli_common_option(c, "evaluate", help, &o->pd, rc) <
			    0)
				return -1;
		}
	}
	if (argc - optind < 2) {
		*rc = cli_usage_error("evaluate", _("give a MODEL and at least "
		                                    "one DATA file"));
		return -1;
	}
	return 0;
}

/* Loads every data file; any file error means nothing is written. */
static int load_data(batch *b, char **files, int n, diag *d)
{
	int i, rc = 0;

	for (i = 0; i < n; i++)
		if (data_load_file(b, files[i], d) < 0)
			rc = -1;
	return rc;
}

/* Writes the results in the chosen format. */
static int write_results(const batch *b, const struct options *o)
{
	cli_output out;
	sheetw rows;

	if (o->format == FMT_CSV || o->format == FMT_XLSX) {
		if (cli_sheet_open(&out, &rows, o->output,
		                   o->format == FMT_XLSX, &o->csv.o,
		                   "Scores") < 0)
			return -1;
		score_sheet_write(b, &rows);
		return cli_sheet_close(&out, &rows, 1);
	}
	if (cli_output_open(&out, o->output) < 0)
		return -1;
	if (o->format == FMT_JSON)
		results_json_write(b, out.f);
	else
		report_table_write(b, out.f);
	return cli_output_close(&out, 1);
}

/* Counts units that make the exit status 1. */
static size_t count_bad(const batch *b)
{
	size_t u, n = 0;

	for (u = 0; u < b->nunits; u++)
		n += b->units[u].invalid || b->units[u].failed;
	return n;
}

/* With --strict, a missing required value fails the run: says so. */
static int strict_fails(const batch *b, const struct options *o)
{
	strbuf sb = STRBUF_INIT;

	if (!o->strict || b->missing_values == 0)
		return 0;
	strbuf_printf(&sb,
	              P_("--strict: %zu required value is missing",
	                 "--strict: %zu required values are missing",
	                 b->missing_values),
	              b->missing_values);
	strbuf_printf(&sb,
	              P_(" in %zu unit; fill them in (the warnings above name "
	                 "them)",
	                 " in %zu units; fill them in (the warnings above "
	                 "name them)",
	                 b->missing_units),
	              b->missing_units);
	cli_error("%s", strbuf_str(&sb));
	strbuf_release(&sb);
	return 1;
}

/* Reads the --children results. Returns 0, or -1 with errors in d. */
static int load_children(rs_set *kids, const struct options *o, diag *d)
{
	size_t k;
	int rc = 0;

	for (k = 0; k < o->nchildren; k++)
		if (rs_read_file(kids, o->children[k], d) < 0)
			rc = -1;
	return rc;
}

/* A child unit as the duplicate check sorts it. */
struct kid_key {
	const char *code, *period, *stage, *file;
};

static int cmp_kid_keys(const void *a, const void *b)
{
	const struct kid_key *x = a, *y = b;
	int c = strcmp(x->code, y->code);

	return c ? c : strcmp(x->period, y->period);
}

/* Each child unit once per period: the same commune's self-assessed and
 * appraised results together would count it twice. */
static int check_children_unique(const rs_set *kids, diag *d)
{
	struct kid_key *k = xmalloc((kids->nunits + 1) * sizeof(*k));
	size_t i;
	int rc = 0;

	for (i = 0; i < kids->nunits; i++) {
		k[i].code = kids->units[i].code;
		k[i].period = kids->units[i].period;
		k[i].stage = kids->units[i].stage;
		k[i].file = kids->units[i].file;
	}
	qsort(k, kids->nunits, sizeof(*k), cmp_kid_keys);
	for (i = 1; i < kids->nunits && rc == 0; i++) {
		if (cmp_kid_keys(&k[i - 1], &k[i]) != 0)
			continue;
		diag_error(
		        d, k[i].file, 0, 0,
		        _("the children results hold unit %s of period '%s' "
		          "twice (stages '%s' and '%s'); give one result per "
		          "child, e.g. only the appraised stage"),
		        k[i].code, k[i].period, k[i - 1].stage, k[i].stage);
		rc = -1;
	}
	free(k);
	return rc;
}

/* Children results must be for the period the units are evaluated for. */
static int check_children_period(const rs_set *kids, const batch *b,
                                 const struct options *o, diag *d)
{
	size_t c, u;

	for (c = 0; c < kids->nunits; c++) {
		const char *period = kids->units[c].period;

		for (u = 0; u < b->nunits; u++)
			if (strcmp(batch_str(b, b->units[u].period), period) ==
			    0)
				break;
		if (u == b->nunits) {
			diag_error(
			        d, kids->units[c].file, 0, 0,
			        _("children results for period '%s' (unit %s), "
			          "but the data is for period '%s'; give the "
			          "children's results of the same period"),
			        period, kids->units[c].code,
			        b->nunits ? batch_str(b, b->units[0].period)
			                  : "");
			(void)o;
			return -1;
		}
	}
	return 0;
}

int cmd_evaluate(int argc, char **argv)
{
	struct options o;
	plugin_registry *reg;
	chiso_model *m = NULL;
	model_env env = {NULL, 1, NULL};
	rs_set kids;
	diag d = DIAG_INIT;
	batch b;
	int rc = EXIT_OK;
	size_t bad;

	memset(&o, 0, sizeof(o));
	o.csv = (cli_csv)CLI_CSV_INIT;
	o.max_units = LIMIT_UNITS;
	o.limits = doc_limits_data;
	rs_init(&kids);
	if (parse(argc, argv, &o, &rc) < 0) {
		free(o.pd.dirs);
		goto out_kids;
	}
	if (cli_output_not_input(o.output, argv + optind,
	                         (size_t)(argc - optind)) < 0 ||
	    cli_output_not_input(o.output, o.children, o.nchildren) < 0) {
		free(o.pd.dirs);
		rc = EXIT_FAILURE2;
		goto out_kids;
	}
	if (cli_format_pick("evaluate", &formats, o.format_given, o.output,
	                    &o.format, &rc) < 0 ||
	    cli_csv_only("evaluate", &o.csv, o.format == FMT_CSV, &rc) < 0) {
		free(o.pd.dirs);
		goto out_kids;
	}
	reg = cli_registry(&o.pd);
	kids.limits.max_file_bytes = o.limits.max_file_bytes;
	if (o.nchildren) {
		if (load_children(&kids, &o, &d) < 0 ||
		    check_children_unique(&kids, &d) < 0) {
			cli_print_diag(&d);
			rc = EXIT_FAILURE2;
			goto out_registry;
		}
		env.children = &kids;
	}
	m = model_load_env(argv[optind], reg, &env, &d);
	if (!m) {
		cli_print_diag(&d);
		rc = EXIT_FAILURE2;
		goto out_registry;
	}
	batch_init(&b, m);
	b.limits = o.limits;
	b.max_units = o.max_units;
	if (load_data(&b, argv + optind + 1, argc - optind - 1, &d) < 0 ||
	    (o.nchildren && check_children_period(&kids, &b, &o, &d) < 0)) {
		cli_print_diag(&d);
		cli_error(_("nothing written: fix the data file errors above"));
		rc = EXIT_FAILURE2;
		goto out_batch;
	}
	if (b.nunits == 0) {
		cli_print_diag(&d);
		cli_error(_(
		        "the data files hold no units: nothing to evaluate "
		        "(see 'chiso template' for the shape of a data file)"));
		rc = EXIT_FAILURE2;
		goto out_batch;
	}
	if (o.evidence_dir && evidence_files_hash(&b, o.evidence_dir, &d) > 0) {
		cli_print_diag(&d);
		cli_error(_("nothing written: fix the evidence files above "
		            "(--evidence-dir %s)"),
		          o.evidence_dir);
		rc = EXIT_FAILURE2;
		goto out_batch;
	}
	data_check_duplicates(&b);
	missing_report_summary(&b, &d);
	if (o.check_only) {
		eval_check_missing(&b);
		data_report_problems(&b, &d);
		cli_print_diag(&d);
		bad = count_bad(&b);
		fprintf(cli_stdout,
		        P_("%zu unit read", "%zu units read", b.nunits),
		        b.nunits);
		fprintf(cli_stdout,
		        _(", %zu invalid, %zu with missing values\n"), bad,
		        b.missing_units);
		rc = bad || strict_fails(&b, &o) ? EXIT_UNITS : EXIT_OK;
		goto out_batch;
	}
	b.isolate_all = o.isolate;
	b.isolate_ms = o.timeout_ms ? o.timeout_ms : DEFAULT_TIMEOUT_MS;
	if (o.max_lost)
		b.isolate_max_lost = o.max_lost;
	if (o.timeout_ms && !o.isolate && !model_isolates_any(m))
		diag_at(&d, DIAG_WARNING, NULL, 0, 0,
		        _("--timeout limits isolated computations only, and "
		          "model %s isolates none: add --isolate (or "
		          "model.isolate) to time them"),
		        m->id);
	eval_batch(&b);
	data_report_problems(&b, &d);
	cli_print_diag(&d);
	if (write_results(&b, &o) < 0) {
		rc = EXIT_FAILURE2;
		goto out_batch;
	}
	bad = count_bad(&b);
	if (bad > 0) {
		cli_error(P_("%zu of %zu unit invalid or with a failed "
		             "indicator; see the problems above",
		             "%zu of %zu units invalid or with a failed "
		             "indicator; see the problems above",
		             b.nunits),
		          bad, b.nunits);
		rc = EXIT_UNITS;
	}
	if (strict_fails(&b, &o))
		rc = EXIT_UNITS;
out_batch:
	batch_free(&b);
	model_free(m);
out_registry:
	plugin_registry_free(reg);
out_kids:
	rs_free(&kids);
	free(o.children);
	diag_free(&d);
	return rc;
}
