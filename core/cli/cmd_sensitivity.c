/*
 * cmd_sensitivity.c - "chiso sensitivity MODEL RESULTS...".
 */
#include "cli/cli.h"
#include "cli/cli_group.h"
#include "publish/sensitivity.h"
#include "publish/sensitivity_html.h"
#include "publish/sensitivity_output.h"
#include "read/model_ident.h"
#include "read/results_pick.h"
#include "read/results_set.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso sensitivity [OPTIONS] MODEL RESULTS...\n"
           "\n"
           "How the ranking of results documents moves when the choices behind "
           "it\n"
           "move: the points (weights) of the main indices or the indicators, "
           "and\n"
           "the treatment of missing data. Over --runs seeded runs, points "
           "are\n"
           "multiplied by independent uniform factors, every unit is "
           "re-aggregated\n"
           "from its indicators' points in the results (no plugin is run) and\n"
           "ranked with the official rule (as chiso rank). MODEL is the model "
           "the\n"
           "results were made with (checked by its sha256).\n"
           "\n"
           "Per unit: the nominal rank (chiso rank's), the median rank, the "
           "5th-95th\n"
           "percentile interval, the largest shift and the share of runs that "
           "keep\n"
           "it at its rank or better. Overall: the mean absolute rank shift, "
           "how\n"
           "often the top units hold, and per varied factor a first-order\n"
           "sensitivity index (which points matter). Same seed, same output.\n"
           "\n"
           "Options:\n"
           "  -n, --runs N           runs (default 1000, at most 100000)\n"
           "  -s, --seed S           seed, 0 to 9007199254740992 (default 1)\n"
           "      --vary SPEC        main=P% (each main index's points times "
           "a\n"
           "                         factor in [1-P%, 1+P%]), indicators=P%, "
           "or\n"
           "                         both: main=20%,indicators=10%; P below "
           "100\n"
           "                         (default main=20% when neither --vary "
           "nor\n"
           "                         --missing is given)\n"
           "      --missing LIST     zero,exclude: each run draws the missing-"
           "data\n"
           "                         policy (probability 1/2); zero or "
           "exclude:\n"
           "                         every run uses that one\n"
           "  -b, --by WHAT          rank by total (default), a view id "
           "(\"CQS\")\n"
           "                         or a node id\n"
           "  -g, --group-by KEY     parent or level: rank within groups\n"
           "      --top K            the top K of each group (default 3): how\n"
           "                         often they all hold their ranks\n"
           "      --threads N        threads (default: one per processor; the\n"
           "                         output is the same for any N)\n"
           "  -f, --format FMT       table (default), csv, json, md or html\n"
           "  -o, --output FILE      write to FILE, atomically; without -f, "
           "FILE's\n"
           "                         extension picks the format\n"),
        CLI_CSV_HELP,
        N_("      --title TEXT       html: the page's title\n"),
        CLI_PICK_HELP,
        CLI_MAX_RESULTS_MB_HELP,
        N_("  -h, --help             show this help\n"
           "\n"
           "Examples:\n"
           "  chiso evaluate -f json -o dti.json criteria/vn-dti-province-2022."
           "yaml \\\n"
           "      examples/dti-provinces-2023.yaml\n"
           "  chiso sensitivity criteria/vn-dti-province-2022.yaml dti.json\n"
           "  chiso sensitivity --vary main=30% --runs 10000 --seed 7 \\\n"
           "      criteria/vn-dti-province-2022.yaml dti.json\n"
           "  chiso sensitivity --vary indicators=10% --missing zero,exclude "
           "\\\n"
           "      -o sens.json MODEL results.json\n"
           "  chiso report --sensitivity sens.json -o report.html "
           "results.json\n"
           "\n"
           "Exit status: 0 ok; 2 usage error, unreadable model or results, "
           "results\n"
           "of another model, or the output could not be written.\n"),
        NULL};

enum { OPT_VARY = 256, OPT_MISSING, OPT_TOP, OPT_THREADS, OPT_TITLE };
enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_MD, FMT_HTML };
static const char *const format_names[] = {"table", "csv", "json", "md",
                                           "html"};
static const cli_formats formats = {format_names, 5};

struct sens_cli {
	sens_opts so;
	rs_pick_opts pick;
	int format, format_given;
	cli_csv csv;
	const char *output, *title;
	doc_limits limits;
};

/* --seed: a whole number from 0 to SENS_SEED_MAX. */
static int parse_seed(const char *arg, uint64_t *out, int *rc)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || *end || errno ||
	    v > SENS_SEED_MAX) {
		*rc = cli_usage_error("sensitivity",
		                      "--seed takes a whole number from 0 to "
		                      "%llu, not '%s'",
		                      (unsigned long long)SENS_SEED_MAX, arg);
		return -1;
	}
	*out = v;
	return 0;
}

/* Handles the options of the analysis itself. Returns 1 when c was one
 * of them, 0 when not, -1 to exit with *rc. */
static int analysis_option(int c, struct sens_cli *o, int *rc)
{
	strbuf err = STRBUF_INIT;
	size_t n;
	int bad = 0;

	switch (c) {
	case 'n':
		bad = cli_count_option("sensitivity", "--runs", optarg,
		                       SENS_RUNS_MAX, &o->so.runs, rc);
		break;
	case 's':
		bad = parse_seed(optarg, &o->so.seed, rc);
		break;
	case OPT_VARY:
		bad = sens_parse_vary(optarg, &o->so, &err);
		break;
	case OPT_MISSING:
		bad = sens_parse_missing(optarg, &o->so, &err);
		break;
	case OPT_TOP:
		bad = cli_count_option("sensitivity", "--top", optarg,
		                       LIMIT_UNITS, &o->so.top, rc);
		break;
	case OPT_THREADS:
		bad = cli_count_option("sensitivity", "--threads", optarg,
		                       SENS_THREADS_MAX, &n, rc);
		o->so.threads = (unsigned)n;
		break;
	default:
		return 0;
	}
	if (bad && err.len)
		*rc = cli_usage_error("sensitivity", "%s", strbuf_str(&err));
	strbuf_release(&err);
	return bad ? -1 : 1;
}

/* Parses the options. Returns -1 to exit with *rc. */
static int parse(int argc, char **argv, struct sens_cli *o, int *rc)
{
	static const struct option opts[] = {
	        {"runs", required_argument, NULL, 'n'},
	        {"seed", required_argument, NULL, 's'},
	        {"vary", required_argument, NULL, OPT_VARY},
	        {"missing", required_argument, NULL, OPT_MISSING},
	        {"by", required_argument, NULL, 'b'},
	        {"group-by", required_argument, NULL, 'g'},
	        {"top", required_argument, NULL, OPT_TOP},
	        {"threads", required_argument, NULL, OPT_THREADS},
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        CLI_CSV_OPTIONS,
	        {"title", required_argument, NULL, OPT_TITLE},
	        {"max-file-mb", required_argument, NULL, CLI_OPT_MAX_FILE_MB},
	        {"period", required_argument, NULL, CLI_OPT_PERIOD},
	        {"stage", required_argument, NULL, CLI_OPT_STAGE},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs none = {NULL, 0};
	int c, k;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "n:s:b:g:f:o:h", opts, NULL);
		if (c == -1)
			break;
		k = analysis_option(c, o, rc);
		if (k < 0)
			return -1;
		if (k > 0)
			continue;
		switch (c) {
		case 'b':
			o->so.by = optarg;
			break;
		case 'g':
			if (cli_group_option("sensitivity", optarg,
			                     &o->so.group, rc) < 0)
				return -1;
			break;
		case 'f':
			if (cli_format_parse("sensitivity", &formats, optarg,
			                     &o->format, rc) < 0)
				return -1;
			o->format_given = 1;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_TITLE:
			o->title = optarg;
			break;
		case CLI_OPT_MAX_FILE_MB:
			if (cli_max_file_mb("sensitivity", optarg, &o->limits,
			                    rc) < 0)
				return -1;
			break;
		case CLI_OPT_BOM:
		case CLI_OPT_SEPARATOR:
		case CLI_OPT_NO_FORMULA_GUARD:
			if (cli_csv_option("sensitivity", c, &o->csv, rc) < 0)
				return -1;
			break;
		default:
			if (cli_pick_option(c, optarg, &o->pick))
				break;
			if (c == 'P')
				c = '?';
			if (cli_common_option(c, "sensitivity", help, &none,
			                      rc) < 0)
				return -1;
		}
	}
	if (argc - optind < 2) {
		*rc = cli_usage_error("sensitivity",
		                      "give the MODEL and at least one RESULTS "
		                      "file (from chiso evaluate -f json)");
		return -1;
	}
	if (cli_output_not_input(o->output, argv + optind,
	                         (size_t)(argc - optind)) < 0) {
		*rc = EXIT_FAILURE2;
		return -1;
	}
	if (cli_format_pick("sensitivity", &formats, o->format_given, o->output,
	                    &o->format, rc) < 0 ||
	    cli_csv_only("sensitivity", &o->csv, o->format == FMT_CSV, rc) < 0)
		return -1;
	return 0;
}

/* Writes the analysis in the chosen format. */
static int write_result(const sens_result *r, const struct sens_cli *o)
{
	cli_output out;

	if (cli_output_open(&out, o->output) < 0)
		return -1;
	switch (o->format) {
	case FMT_CSV:
		sens_write_csv(r, out.f, &o->csv.o);
		break;
	case FMT_JSON:
		sens_write_json(r, out.f);
		break;
	case FMT_MD:
		sens_write_md(r, out.f);
		break;
	case FMT_HTML:
		sens_write_html(r, out.f, o->title);
		break;
	default:
		sens_write_table(r, out.f);
		break;
	}
	return cli_output_close(&out, 1);
}

/* Reads the model's identity and the results, and checks they match. */
static int read_inputs(int argc, char **argv, const struct sens_cli *o,
                       model_ident *mi, rs_set *set, diag *d)
{
	int i, rc = 0;

	if (model_ident_read(argv[optind], mi, d) < 0)
		return -1;
	set->lean = 1;
	set->limits.max_file_bytes = o->limits.max_file_bytes;
	for (i = optind + 1; i < argc; i++)
		if (rs_read_file(set, argv[i], d) < 0)
			rc = -1;
	if (rc == 0 && sens_check_model(set, mi, d) < 0)
		rc = -1;
	if (rc == 0 && rs_pick_one(set, &o->pick, d) < 0)
		rc = -1;
	return rc;
}

int cmd_sensitivity(int argc, char **argv)
{
	struct sens_cli o;
	model_ident mi;
	rs_set set;
	sens_result r;
	diag d = DIAG_INIT;
	int rc = EXIT_OK;

	memset(&o, 0, sizeof(o));
	sens_opts_init(&o.so);
	o.limits = doc_limits_data;
	o.csv = (cli_csv)CLI_CSV_INIT;
	if (parse(argc, argv, &o, &rc) < 0)
		return rc;
	memset(&mi, 0, sizeof(mi));
	rs_init(&set);
	if (read_inputs(argc, argv, &o, &mi, &set, &d) < 0 ||
	    sens_analyse(&r, &set, &o.so, &d) < 0) {
		rc = EXIT_FAILURE2;
	}
	cli_print_diag(&d);
	if (rc == EXIT_OK) {
		if (write_result(&r, &o) < 0)
			rc = EXIT_FAILURE2;
		sens_free(&r);
	}
	rs_free(&set);
	model_ident_free(&mi);
	diag_free(&d);
	return rc;
}
