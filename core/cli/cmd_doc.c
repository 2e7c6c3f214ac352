/*
 * cmd_doc.c - "chiso doc MODEL": the model as a document.
 */
#include "cli/cli.h"
#include "model/model.h"
#include "modeldoc/model_doc.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help[] = {
        N_("Usage: chiso doc [OPTIONS] MODEL\n"
           "\n"
           "Writes MODEL as the document an official recognises, like the\n"
           "annex of the decision that publishes it: the title block (title,\n"
           "id, version, issuer, legal basis, level, years; its status:\n"
           "what replaced it, how many rules are provisional; total\n"
           "points, SHA-256),\n"
           "then per main index a table of its indicators with their maximum\n"
           "points, how each is computed (written from its method and\n"
           "params), mandatory or extended, evidence, source and notes; the\n"
           "checked totals; the views and recognition classes; and an\n"
           "appendix of the inputs. The text depends only on the model file,\n"
           "so a generated document changes only when the model does.\n"
           "\n"
           "Options:\n"
           "  -f, --format FMT       md (Markdown, default) or html (one\n"
           "                         self-contained, print-friendly page)\n"
           "  -l, --lang LANG        vi (Vietnamese, default) or en "
           "(English):\n"
           "                         the document's language, and the\n"
           "                         messages'\n"
           "  -o, --output FILE      write to FILE (atomically) instead of "
           "stdout;\n"
           "                         without -f, FILE's extension picks the\n"
           "                         format (.md, .html)\n"
           "  -P, --plugin-dir DIR   look for plugins in DIR first "
           "(repeatable)\n"
           "  -h, --help             show this help\n"
           "\n"
           "Examples:\n"
           "  chiso doc criteria/example-district.yaml -o example-district.md\n"
           "  chiso doc --format html --lang en criteria/example-district.yaml "
           "\\\n"
           "      -o example-district.en.html\n"
           "\n"
           "Exit status: 0 written; 2 usage error, model error or the output\n"
           "could not be written (nothing written).\n"),
        NULL};

/* The output formats, in the order of model_doc_format. */
static const char *const format_names[] = {"md", "html"};
static const cli_formats formats = {format_names, 2};

/* Reads --lang into *lang. Returns 0, or -1 when unknown. */
static int parse_lang(const char *s, model_doc_lang *lang)
{
	if (strcmp(s, "vi") == 0)
		*lang = MODEL_DOC_VI;
	else if (strcmp(s, "en") == 0)
		*lang = MODEL_DOC_EN;
	else
		return -1;
	return 0;
}

/* Loads the model and writes its document. Returns the exit code. */
static int run(const char *path, const char *output, model_doc_format fmt,
               model_doc_lang lang, cli_plugin_dirs *pd)
{
	plugin_registry *reg = cli_registry(pd);
	diag d = DIAG_INIT;
	chiso_model *m = model_load(path, reg, &d);
	cli_output out;
	int rc = EXIT_OK, ok;

	cli_print_diag(&d);
	if (!m || cli_output_open(&out, output) < 0) {
		rc = EXIT_FAILURE2;
		goto done;
	}
	ok = model_doc_write(m, fmt, lang, out.f) == 0;
	/* A write that failed fails the commit, which says why. */
	if (cli_output_close(&out, 1) < 0) {
		rc = EXIT_FAILURE2;
	} else if (!ok) {
		cli_error("%s", _("error writing the document"));
		rc = EXIT_FAILURE2;
	}
done:
	model_free(m);
	plugin_registry_free(reg);
	diag_free(&d);
	return rc;
}

int cmd_doc(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"lang", required_argument, NULL, 'l'},
	        {"output", required_argument, NULL, 'o'},
	        {"plugin-dir", required_argument, NULL, 'P'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	cli_plugin_dirs pd = {NULL, 0};
	int fmt = MODEL_DOC_MD, given = 0;
	model_doc_lang lang = MODEL_DOC_VI;
	const char *output = NULL;
	int c, rc = EXIT_OK;

	/* main() took --lang out of argv (it is every command's language
	 * of messages) and checked it: here it is also the document's. */
	if (cli_lang)
		parse_lang(cli_lang, &lang);
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "f:l:o:P:h", opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'f':
			if (cli_format_parse("doc", &formats, optarg, &fmt,
			                     &rc) < 0) {
				free(pd.dirs);
				return rc;
			}
			given = 1;
			break;
		case 'l':
			if (parse_lang(optarg, &lang) < 0) {
				free(pd.dirs);
				return cli_usage_error(
				        "doc",
				        _("unknown language '%s': "
				          "use vi or en"),
				        optarg);
			}
			break;
		case 'o':
			output = optarg;
			break;
		default:
			if (cli_common_option(c, "doc", help, &pd, &rc) < 0)
				return rc;
		}
	}
	if (argc - optind != 1) {
		free(pd.dirs);
		return cli_usage_error("doc", _("give exactly one MODEL"));
	}
	if (cli_output_not_input(output, argv + optind, 1) < 0) {
		free(pd.dirs);
		return EXIT_FAILURE2;
	}
	if (cli_format_pick("doc", &formats, given, output, &fmt, &rc) < 0) {
		free(pd.dirs);
		return rc;
	}
	return run(argv[optind], output, (model_doc_format)fmt, lang, &pd);
}
