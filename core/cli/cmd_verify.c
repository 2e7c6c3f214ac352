/*
 * cmd_verify.c - "chiso verify MODEL RESULTS [--basis FILE]...".
 */
#include "cli/cli.h"
#include "model/model.h"
#include "publish/verify.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso verify [OPTIONS] MODEL RESULTS\n"
           "\n"
           "Checks that RESULTS (a results document of chiso evaluate or\n"
           "chiso appraise) says what MODEL computes from what it records:\n"
           "\n"
           "  - model.sha256 is MODEL's hash;\n"
           "  - every unit, node and view computed again from the unit's\n"
           "    recorded input values and the council's recorded decisions\n"
           "    (points awarded, indicators not applicable) has the status,\n"
           "    points, max, value, fraction and class the file says, at the\n"
           "    model's precision;\n"
           "  - each corrected input holds the value its correction gives,\n"
           "    and every indicator reading it records the decision;\n"
           "  - each --basis FILE has the SHA-256 RESULTS records for it (the\n"
           "    self-assessed results, an appraisal file), and each unit's\n"
           "    input values those of the results it was made from, but for\n"
           "    the corrections recorded;\n"
           "  - with --evidence-dir, each evidence file a decision records.\n"
           "\n"
           "An edited point, value, total or class, a decision removed, or an\n"
           "input value changed after chiso wrote the file is caught and\n"
           "named: FILE:LINE:COL: unit CODE: node ID: what differs.\n"
           "\n"),
        N_("The evidence files the units' data names per indicator "
           "(chiso\n"
           "evaluate --evidence-dir) are checked by --evidence-dir too: "
           "each\n"
           "must be in DIR with the SHA-256 its indicator records.\n"
           "\n"),
        N_("Options:\n"
           "      --basis FILE       a file RESULTS was made from, to check "
           "its\n"
           "                         hash (repeatable)\n"
           "      --evidence-dir DIR the evidence files the decisions record\n"
           "                         (chiso appraise --evidence-dir): each "
           "must\n"
           "                         be in DIR with the SHA-256 recorded\n"
           "  -P, --plugin-dir DIR   look for plugins in DIR first "
           "(repeatable)\n"
           "  -h, --help             show this help\n"
           "\n"
           "Examples:\n"
           "  chiso verify MODEL results.json\n"
           "  chiso verify MODEL appraised.json --basis self.json --basis "
           "council.csv\n"
           "\n"
           "Exit status: 0 everything holds; 1 something differs (the first\n"
           "differences are named) or a basis file's hash does not match;\n"
           "2 usage, model, results or plugin error.\n"),
        NULL};

enum { OPT_BASIS = 256, OPT_EVIDENCE_DIR };

struct options {
	const char *evidence_dir;
	char **basis;
	size_t nbasis;
	cli_plugin_dirs pd;
};

/* Parses options; returns -1 to exit with *rc. */
static int parse(int argc, char **argv, struct options *o, int *rc)
{
	static const struct option opts[] = {
	        {"basis", required_argument, NULL, OPT_BASIS},
	        {"evidence-dir", required_argument, NULL, OPT_EVIDENCE_DIR},
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	int c;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "P:h", opts, NULL);
		if (c == -1)
			break;
		if (c == OPT_EVIDENCE_DIR) {
			o->evidence_dir = optarg;
		} else if (c == OPT_BASIS) {
			o->basis = xrealloc(o->basis,
			                    (o->nbasis + 1) * sizeof(char *));
			o->basis[o->nbasis++] = optarg;
		} else if (cli_common_option(c, "verify", help, &o->pd, rc) <
		           0) {
			return -1;
		}
	}
	if (argc - optind != 2) {
		*rc = cli_usage_error("verify",
		                      _("give a MODEL and one RESULTS file"));
		free(o->pd.dirs);
		return -1;
	}
	return 0;
}

int cmd_verify(int argc, char **argv)
{
	struct options o;
	plugin_registry *reg;
	chiso_model *m;
	diag d = DIAG_INIT;
	verify_report rep;
	batch b;
	int rc = EXIT_OK, v;

	memset(&o, 0, sizeof(o));
	if (parse(argc, argv, &o, &rc) < 0)
		goto out;
	reg = cli_registry(&o.pd);
	m = model_load(argv[optind], reg, &d);
	if (!m) {
		cli_print_diag(&d);
		rc = EXIT_FAILURE2;
		goto out_registry;
	}
	batch_init(&b, m);
	v = verify_results(&b, argv[optind + 1], o.basis, o.nbasis,
	                   o.evidence_dir, &rep, &d);
	cli_print_diag(&d);
	if (v < 0) {
		rc = EXIT_FAILURE2;
	} else if (v > 0) {
		cli_error(P_("%s does not hold: %zu difference",
		             "%s does not hold: %zu differences",
		             rep.differences),
		          argv[optind + 1], rep.differences);
		rc = EXIT_UNITS;
	} else {
		fprintf(cli_stdout,
		        P_("%s: verified: %zu unit", "%s: verified: %zu units",
		           rep.units),
		        argv[optind + 1], rep.units);
		fprintf(cli_stdout,
		        _(", %zu nodes computed again at %d decimals"),
		        rep.nodes, m->precision);
		fprintf(cli_stdout,
		        P_("; %zu decision", "; %zu decisions", rep.decisions),
		        rep.decisions);
		fprintf(cli_stdout,
		        P_(" (%zu input correction)",
		           " (%zu input corrections)", rep.corrections),
		        rep.corrections);
		fprintf(cli_stdout,
		        P_("; %zu basis file match", "; %zu basis files match",
		           rep.basis_checked),
		        rep.basis_checked);
		fprintf(cli_stdout,
		        P_("; %zu evidence file\n", "; %zu evidence files\n",
		           rep.evidence_checked),
		        rep.evidence_checked);
	}
	batch_free(&b);
	model_free(m);
out_registry:
	plugin_registry_free(reg);
out:
	free(o.basis);
	diag_free(&d);
	return rc;
}
