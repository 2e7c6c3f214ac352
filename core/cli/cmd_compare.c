/*
 * cmd_compare.c - "chiso compare BASE NEW".
 */
#include "cli/cli.h"
#include "publish/compare.h"
#include "read/results_pick.h"
#include "read/results_set.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso compare [OPTIONS] BASE NEW\n"
           "       chiso compare [OPTIONS] RESULTS\n"
           "\n"
           "Compares two results documents, matching units by code; or the "
           "two\n"
           "periods (of one stage) or the two stages (of one period) that one\n"
           "document holds, the earlier as BASE (self before appraised before\n"
           "final).\n"
           "\n"
           "Year over year (BASE is last year's results): per unit the change "
           "in\n"
           "value, points and rank, and in each main index and view; the "
           "units\n"
           "that appear or disappear; a warning listing the differences when "
           "the\n"
           "two come from different model versions (scores under different\n"
           "models are not directly comparable).\n"
           "\n"
           "Self-assessed vs appraised (same period, different stage): per "
           "unit\n"
           "the indicators whose points differ, by how much, with the raw "
           "values\n"
           "and the input values behind them, largest differences first.\n"
           "\n"
           "The mode follows from the data: the same period on both sides with "
           "a\n"
           "different stage compares stages; anything else compares years.\n"
           "--period and --stage pick the units of each side; a side that "
           "still\n"
           "holds the same units in several periods or stages is refused with\n"
           "what it holds.\n"
           "\n"
           "Options:\n"
           "  -m, --mode MODE        years or stages (default: from the "
           "data)\n"),
        CLI_PICK_HELP,
        N_("  -f, --format FMT       table (default), csv, json, md or xlsx\n"
           "  -o, --output FILE      write to FILE (atomically) instead of "
           "stdout;\n"
           "                         without -f, FILE's extension picks the\n"
           "                         format (.txt, .csv, .json, .md, .xlsx;\n"
           "                         xlsx needs -o)\n"),
        CLI_CSV_HELP,
        CLI_MAX_RESULTS_MB_HELP,
        N_("  -h, --help             show this help\n"
           "\n"
           "Examples:\n"
           "  chiso compare results-2022.json results-2023.json\n"
           "  chiso compare --stage appraised merged-2022-2023.json\n"
           "  chiso compare self-2023.json appraised-2023.json -f csv -o "
           "diff.csv\n"),
        NULL};

/* How many periods (by_stage: stages) the units of stage (by_stage:
 * period) value have, counted up to 3. */
static int others(const rs_set *set, int by_stage, const char *value)
{
	const char *seen[2] = {NULL, NULL};
	size_t k;
	int n = 0;

	for (k = 0; k < set->nunits && n < 3; k++) {
		const rs_unit *u = &set->units[k];
		const char *other = by_stage ? u->period : u->stage;
		int i;

		if (strcmp(by_stage ? u->stage : u->period, value) != 0)
			continue;
		for (i = 0; i < n && strcmp(seen[i], other) != 0; i++)
			;
		if (i == n && n++ < 2)
			seen[n - 1] = other;
	}
	return n;
}

/* Appends to sb the --stage (by_stage) or --period options after which
 * set holds two of the other; returns how many. */
static size_t pickers(const rs_set *set, const rs_held *h, int by_stage,
                      strbuf *sb)
{
	rs_held some = {NULL, NULL, 0, 0};
	rs_count *c =
	        xcalloc((by_stage ? h->nstages : h->nperiods) + 1, sizeof(*c));
	size_t k, n = 0;

	for (k = 0; k < (by_stage ? h->nstages : h->nperiods); k++) {
		const rs_count *v = by_stage ? &h->stages[k] : &h->periods[k];

		if (others(set, by_stage, v->text) == 2)
			c[n++] = *v;
	}
	if (by_stage) {
		some.stages = c;
		some.nstages = n;
	} else {
		some.periods = c;
		some.nperiods = n;
	}
	if (n > 0) {
		strbuf_puts(sb, sb->len ? _(", or with ") : _("pick with "));
		rs_held_options(&some, by_stage, sb);
	}
	free(c);
	return n;
}

/* Refuses one file that is not two periods of one stage nor two stages
 * of one period (h: what it holds, with pick's choices). */
static void refuse_one(const rs_set *set, const rs_pick_opts *pick,
                       const rs_held *h, diag *d)
{
	strbuf sb = STRBUF_INIT, how = STRBUF_INIT;
	char *where;
	int plural;

	rs_held_describe(h, &sb);
	if (h->nperiods <= 1 && h->nstages <= 1) {
		strbuf_puts(&sb, _(": nothing to compare within it; give BASE "
		                   "and NEW"));
	} else {
		pickers(set, h, 1, &how);
		pickers(set, h, 0, &how);
		strbuf_printf(&sb,
		              _("; one file compares two periods of one stage "
		                "or two stages of one period: %s"),
		              how.len ? strbuf_str(&how)
		                      : _("give BASE and NEW"));
	}
	where = rs_pick_where(set, pick, &plural);
	diag_error(d, where, 0, 0, _("holds %s"), strbuf_str(&sb));
	free(where);
	strbuf_release(&sb);
	strbuf_release(&how);
}

/* One file holding two periods of one stage, or two stages of one
 * period (after pick): base gets the earlier half, next the later.
 * Returns 0, or -1 with errors in d. */
static int split_one(const char *path, const rs_pick_opts *pick, rs_set *base,
                     rs_set *next, diag *d)
{
	rs_pick_opts pb = *pick, pn = *pick;
	rs_held h;
	int rc = -1;

	if (rs_read_file(base, path, d) < 0 || rs_pick(base, pick, d) < 0)
		return -1;
	rs_held_of(base, &h);
	if (base->nunits == 0) {
		rc = 0; /* compare_write() says a side has no units */
	} else if (h.nperiods == 2 && h.nstages == 1) {
		pb.period = h.periods[0].text;
		pn.period = h.periods[1].text;
	} else if (h.nperiods == 1 && h.nstages == 2) {
		pb.stage = h.stages[0].text;
		pn.stage = h.stages[1].text;
	} else {
		refuse_one(base, pick, &h, d);
		goto out;
	}
	/* pn's texts are base's: read next before base loses units. */
	if (rc < 0 && rs_read_file(next, path, d) == 0 &&
	    rs_pick(next, &pn, d) == 0 && rs_pick(base, &pb, d) == 0)
		rc = 0;
out:
	rs_held_free(&h);
	return rc;
}

int cmd_compare(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"mode", required_argument, NULL, 'm'},
	        {"format", required_argument, NULL, 'f'},
	        {"output", required_argument, NULL, 'o'},
	        {"max-file-mb", required_argument, NULL, CLI_OPT_MAX_FILE_MB},
	        CLI_CSV_OPTIONS,
	        {"period", required_argument, NULL, CLI_OPT_PERIOD},
	        {"stage", required_argument, NULL, CLI_OPT_STAGE},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	static const char *const names[] = {"table", "csv", "json", "md",
	                                    "xlsx"};
	static const cli_formats formats = {names, 5};
	cli_csv csv = CLI_CSV_INIT;
	cli_plugin_dirs none = {NULL, 0};
	doc_limits lim = doc_limits_data;
	compare_mode mode = COMPARE_AUTO;
	int format = COMPARE_TABLE, given = 0;
	const char *output = NULL;
	rs_pick_opts pick = {NULL, NULL};
	rs_set base, next;
	cli_output out;
	sheetw rows;
	diag d = DIAG_INIT;
	int c, rc = EXIT_OK;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "m:f:o:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'm':
			if (strcmp(optarg, "years") == 0)
				mode = COMPARE_YEARS;
			else if (strcmp(optarg, "stages") == 0)
				mode = COMPARE_STAGES;
			else
				return cli_usage_error(
				        "compare",
				        _("--mode takes years or stages"));
			break;
		case 'f':
			if (cli_format_parse("compare", &formats, optarg,
			                     &format, &rc) < 0)
				return rc;
			given = 1;
			break;
		case 'o':
			output = optarg;
			break;
		case CLI_OPT_MAX_FILE_MB:
			if (cli_max_file_mb("compare", optarg, &lim, &rc) < 0)
				return rc;
			break;
		case CLI_OPT_BOM:
		case CLI_OPT_SEPARATOR:
		case CLI_OPT_NO_FORMULA_GUARD:
			if (cli_csv_option("compare", c, &csv, &rc) < 0)
				return rc;
			break;
		default:
			if (cli_pick_option(c, optarg, &pick))
				break;
			if (c == 'P')
				c = '?';
			if (cli_common_option(c, "compare", help, &none, &rc) <
			    0)
				return rc;
		}
	}
	if (argc - optind != 2 && argc - optind != 1)
		return cli_usage_error("compare",
		                       _("give BASE and NEW results, or one "
		                         "results file holding both"));
	if (cli_output_not_input(output, argv + optind,
	                         (size_t)(argc - optind)) < 0)
		return EXIT_FAILURE2;
	if (cli_format_pick("compare", &formats, given, output, &format, &rc) <
	            0 ||
	    cli_csv_only("compare", &csv, format == COMPARE_CSV, &rc) < 0)
		return rc;
	rs_init(&base);
	rs_init(&next);
	base.limits.max_file_bytes = lim.max_file_bytes;
	next.limits.max_file_bytes = lim.max_file_bytes;
	if (argc - optind == 1
	            ? split_one(argv[optind], &pick, &base, &next, &d) < 0
	            : rs_read_file(&base, argv[optind], &d) < 0 ||
	                      rs_read_file(&next, argv[optind + 1], &d) < 0 ||
	                      rs_pick_one(&base, &pick, &d) < 0 ||
	                      rs_pick_one(&next, &pick, &d) < 0) {
		rc = EXIT_FAILURE2;
		goto out;
	}
	if (cli_sheet_open(&out, &rows, output, format == COMPARE_XLSX, &csv.o,
	                   "Compare") < 0) {
		rc = EXIT_FAILURE2;
		goto out;
	}
	if (compare_write(&base, &next, mode, (compare_format)format, &rows,
	                  out.f, &d) < 0) {
		cli_sheet_close(&out, &rows, 0);
		rc = EXIT_FAILURE2;
		goto out;
	}
	if (cli_sheet_close(&out, &rows, 1) < 0)
		rc = EXIT_FAILURE2;
out:
	cli_print_diag(&d);
	rs_free(&base);
	rs_free(&next);
	diag_free(&d);
	return rc;
}
