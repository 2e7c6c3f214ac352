/*
 * cmd_appraise.c - "chiso appraise MODEL SELF.json APPRAISAL...".
 */
#include "cli/cli.h"
#include "eval/appraise.h"
#include "model/model.h"
#include "results/results_json.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso appraise [OPTIONS] MODEL SELF.json APPRAISAL...\n"
           "\n"
           "Makes the results of the next stage from SELF.json (what 'chiso\n"
           "evaluate -f json' wrote: the self-assessment) and the council's\n"
           "decisions in the APPRAISAL files (thẩm định). Each file is CSV, "
           "an\n"
           ".xlsx workbook (its first sheet) or YAML ('decisions:' a list), "
           "one\n"
           "decision per row, the columns exactly\n"
           "\n"
           "  unit,kind,id,value,reason,by,at,evidence\n"
           "\n"
           "  kind input   the unit's input ID is corrected to VALUE (typed as "
           "in\n"
           "               a data file); the indicators that read it are\n"
           "               computed again by their plugins\n"
           "  kind points  indicator ID is awarded exactly VALUE points (0 to\n"
           "               its maximum), in place of what its plugin computed\n"
           "  kind na      indicator ID does not apply to the unit (VALUE "
           "empty)\n"
           "\n"
           "REASON and BY are required, AT is a date YYYY-MM-DD, EVIDENCE\n"
           "optional references separated by '|'. For example:\n"
           "\n"
           "  unit,kind,id,value,reason,by,at,evidence\n"
           "  YB.YBI,input,dossiers_online,5100,Counted twice in March,"
           "HĐTĐ tỉnh,2023-03-20,BB-12/HĐTĐ\n"
           "  YB.YBI,points,2.3,3,Targets not evidenced,HĐTĐ tỉnh,2023-03-20,\n"
           "  YB.LYE,na,1.3,,No communes,HĐTĐ tỉnh,2023-03-20,\n"
           "\n"
           "The results (JSON, docs/results-format.md) carry, on every\n"
           "indicator a decision changed, the decision: kind, points from and\n"
           "to, reason, by, at, evidence; on every unit its corrected inputs\n"
           "with the old and new value; and the SHA-256 of MODEL, SELF.json\n"
           "and each APPRAISAL file ('basis'), so that 'chiso verify' can\n"
           "check every number. A final stage is made the same way from the\n"
           "appraised results (--stage final): their decisions are kept.\n"
           "\n"),
        N_("Options:\n"
           "  -o, --output FILE      write to FILE, atomically, instead of\n"
           "                         stdout\n"
           "      --stage STAGE      appraised (default; from self results) "
           "or\n"
           "                         final (from appraised or self results)\n"
           "      --evidence-dir DIR each evidence reference is a file in "
           "DIR:\n"
           "                         checked to exist (inside DIR: no '..', "
           "no\n"
           "                         absolute path, no link out of it) and "
           "its\n"
           "                         SHA-256 recorded (evidence_files), for\n"
           "                         'chiso verify --evidence-dir' to check\n"
           "  -P, --plugin-dir DIR   look for plugins in DIR first "
           "(repeatable)\n"
           "  -h, --help             show this help\n"
           "\n"
           "Every row is checked before anything is written: an unknown unit,\n"
           "input or indicator (with a suggestion), points above the maximum,\n"
           "a value of the wrong type, an empty reason or by, a bad date, and\n"
           "two decisions on one target of a unit are refused with the file,\n"
           "row and column.\n"
           "\n"
           "Examples:\n"
           "  chiso evaluate -f json -o self.json MODEL units.yaml\n"
           "  chiso appraise -o appraised.json MODEL self.json council.csv\n"
           "  chiso appraise --stage final -o final.json MODEL appraised.json "
           "final.csv\n"
           "  chiso verify MODEL final.json --basis appraised.json --basis "
           "final.csv\n"
           "\n"
           "Exit status: 0 ok; 1 some units invalid or an indicator failed;\n"
           "2 usage, model, results, appraisal file or plugin error (nothing\n"
           "written).\n"),
        NULL};

enum { OPT_STAGE = 256, OPT_EVIDENCE_DIR };

struct options {
	const char *output, *stage, *evidence_dir;
	cli_plugin_dirs pd;
};

/* Parses options; returns -1 to exit with *rc. */
static int parse(int argc, char **argv, struct options *o, int *rc)
{
	static const struct option opts[] = {
	        {"output", required_argument, NULL, 'o'},
	        {"stage", required_argument, NULL, OPT_STAGE},
	        {"evidence-dir", required_argument, NULL, OPT_EVIDENCE_DIR},
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	int c;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "o:P:h", opts, NULL);
		if (c == -1)
			break;
		if (c == 'o') {
			o->output = optarg;
		} else if (c == OPT_EVIDENCE_DIR) {
			o->evidence_dir = optarg;
		} else if (c == OPT_STAGE) {
			if (strcmp(optarg, "appraised") != 0 &&
			    strcmp(optarg, "final") != 0) {
				*rc = cli_usage_error(
				        "appraise",
				        _("--stage is appraised or final, not "
				          "'%s'"),
				        optarg);
				free(o->pd.dirs);
				return -1;
			}
			o->stage = optarg;
		} else if (cli_common_option(c, "appraise", help, &o->pd, rc) <
		           0) {
			return -1;
		}
	}
	if (argc - optind < 3) {
		*rc = cli_usage_error(
		        "appraise", _("give a MODEL, the results SELF.json and "
		                      "at least one APPRAISAL file"));
		free(o->pd.dirs);
		return -1;
	}
	return 0;
}

/* Counts the decisions of each kind made now, for the summary. */
static void summary(const appraisal *a, const batch *b, const char *stage)
{
	size_t i, n[3] = {0, 0, 0};

	for (i = 0; i < a->n; i++)
		if (!a->items[i].prior)
			n[a->items[i].kind]++;
	fputs("chiso: ", stderr);
	if (strcmp(stage, "appraised") == 0)
		fprintf(stderr,
		        P_("%zu unit appraised", "%zu units appraised",
		           b->nunits),
		        b->nunits);
	else
		fprintf(stderr,
		        P_("%zu unit final", "%zu units final", b->nunits),
		        b->nunits);
	fprintf(stderr,
	        P_(": %zu input correction", ": %zu input corrections",
	           n[APPR_INPUT]),
	        n[APPR_INPUT]);
	fprintf(stderr,
	        P_(", %zu points decision", ", %zu points decisions",
	           n[APPR_POINTS]),
	        n[APPR_POINTS]);
	fprintf(stderr, _(", %zu not applicable\n"), n[APPR_NA]);
}

int cmd_appraise(int argc, char **argv)
{
	struct options o;
	plugin_registry *reg;
	chiso_model *m;
	diag d = DIAG_INIT;
	appraisal a;
	cli_output out;
	batch b;
	size_t u, bad = 0;
	int rc = EXIT_OK;

	memset(&o, 0, sizeof(o));
	o.stage = "appraised";
	if (parse(argc, argv, &o, &rc) < 0)
		return rc;
	if (cli_output_not_input(o.output, argv + optind,
	                         (size_t)(argc - optind)) < 0) {
		free(o.pd.dirs);
		return EXIT_FAILURE2;
	}
	reg = cli_registry(&o.pd);
	m = model_load(argv[optind], reg, &d);
	if (!m) {
		cli_print_diag(&d);
		rc = EXIT_FAILURE2;
		goto out_registry;
	}
	batch_init(&b, m);
	appraisal_init(&a);
	a.evidence_dir = o.evidence_dir;
	if (appraise_run(&b, &a, argv[optind + 1], argv + optind + 2,
	                 (size_t)(argc - optind - 2), o.stage, &d) < 0) {
		cli_print_diag(&d);
		cli_error(_("nothing written: fix the errors above"));
		rc = EXIT_FAILURE2;
		goto out_batch;
	}
	cli_print_diag(&d);
	if (cli_output_open(&out, o.output) < 0) {
		rc = EXIT_FAILURE2;
		goto out_batch;
	}
	results_json_write(&b, out.f);
	if (cli_output_close(&out, 1) < 0) {
		rc = EXIT_FAILURE2;
		goto out_batch;
	}
	summary(&a, &b, o.stage);
	for (u = 0; u < b.nunits; u++)
		bad += b.units[u].invalid || b.units[u].failed;
	if (bad)
		rc = EXIT_UNITS;
out_batch:
	appraisal_free(&a);
	batch_free(&b);
	model_free(m);
out_registry:
	plugin_registry_free(reg);
	diag_free(&d);
	return rc;
}
