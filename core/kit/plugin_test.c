/*
 * plugin_test.c - running a plugin author's cases file: for each case
 * of the file (plugin_test_cases.c) a one-indicator model and a
 * one-unit data record written in memory (plugin_test_text.c), loaded,
 * evaluated and compared, and a line per case.
 */
#include "kit/plugin_test.h"

#include "kit/plugin_test_cases.h"
#include "kit/plugin_test_fork.h"
#include "kit/plugin_test_text.h"

#include "eval/batch.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "eval/host.h"
#include "eval/isolate.h"
#include "model/model.h"
#include "plugin/plugin_loader.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One run: the plugin, the file and the tally. */
struct pt_run {
	const struct pt_file *pf;
	plugin_registry *reg;
	const char *method; /* the plugin's name (the registry's) */
	int verbose;
	long timeout_ms; /* for each case */
	FILE *out;
	size_t passed, failed;
};

/* What the indicator got for the case's unit. Strings are borrowed
 * from the batch's pool. */
struct pt_got {
	int status;
	double fraction;
	int has_raw;
	double raw;
	const char *note, *hint;
};

/* Appends "; " between mismatches. */
static void add_sep(strbuf *fails)
{
	if (fails->len)
		strbuf_puts(fails, "; ");
}

/* Appends a detail line (indented under the case's line). */
static void add_detail(strbuf *details, const char *text)
{
	strbuf_printf(details, "     %s\n", text);
}

/* Appends every entry of d of the given level as detail lines. */
static void add_diag(strbuf *details, const diag *d, int errors_only)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (!errors_only || d->items[i].level == DIAG_ERROR)
			add_detail(details, d->items[i].text);
}

/* 1 when an entry of d of this level contains text. */
static int diag_has(const diag *d, diag_level level, const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (d->items[i].level == level &&
		    strstr(d->items[i].text, text))
			return 1;
	return 0;
}

/* Compares a text the plugin wrote with the exact and the contained
 * expectation; what names it ("note", "hint"). */
static void compare_text(const char *what, const char *got, const char *exact,
                         const char *contains, strbuf *fails)
{
	if (exact && strcmp(got, exact) != 0) {
		add_sep(fails);
		strbuf_printf(fails, "expected %s \"%s\", got \"%s\"", what,
		              exact, got);
	}
	if (contains && !strstr(got, contains)) {
		add_sep(fails);
		strbuf_printf(fails,
		              "expected %s containing \"%s\", got \"%s\"", what,
		              contains, got);
	}
}

/* Compares two numbers within the tolerance; what names them. */
static void compare_number(const char *what, double got, double want,
                           double tol, strbuf *fails)
{
	char g[NUMFMT_MAX], w[NUMFMT_MAX];

	if (fabs(got - want) <= tol)
		return;
	add_sep(fails);
	strbuf_printf(fails, "expected %s %s, got %s", what,
	              numfmt_exact(want, w), numfmt_exact(got, g));
}

/* Compares the raw value with the expectation. */
static void compare_raw(const struct pt_expect *ex, const struct pt_got *g,
                        strbuf *fails)
{
	char buf[NUMFMT_MAX];

	if (ex->raw_check == RAW_NONE && g->has_raw) {
		add_sep(fails);
		strbuf_printf(fails, "expected no raw value, got raw %s",
		              numfmt_exact(g->raw, buf));
	} else if (ex->raw_check == RAW_VALUE && !g->has_raw) {
		add_sep(fails);
		strbuf_printf(fails, "expected raw %s, got no raw value",
		              numfmt_exact(ex->raw, buf));
	} else if (ex->raw_check == RAW_VALUE) {
		compare_number("raw", g->raw, ex->raw, ex->tolerance, fails);
	}
}

/* Compares what the indicator got with what the case expects. */
static void compare(const struct pt_expect *ex, const struct pt_got *g,
                    strbuf *fails)
{
	if (g->status != ex->status) {
		add_sep(fails);
		strbuf_printf(fails, "expected status %s, got %s (note \"%s\")",
		              eval_status_name(ex->status),
		              eval_status_name(g->status), g->note);
	}
	if (ex->has_fraction)
		compare_number("fraction", g->fraction, ex->fraction,
		               ex->tolerance, fails);
	compare_raw(ex, g, fails);
	compare_text("note", g->note, ex->note, ex->note_contains, fails);
	compare_text("hint", g->hint, ex->hint, ex->hint_contains, fails);
}

/* Describes what the indicator got, for --verbose. */
static void describe_got(const struct pt_got *g, strbuf *details)
{
	char f[NUMFMT_MAX], r[NUMFMT_MAX];
	strbuf sb = STRBUF_INIT;

	strbuf_printf(&sb, "got: status %s, fraction %s, raw %s, note \"%s\"",
	              eval_status_name(g->status), numfmt_exact(g->fraction, f),
	              g->has_raw ? numfmt_exact(g->raw, r) : "none", g->note);
	if (*g->hint)
		strbuf_printf(&sb, ", hint \"%s\"", g->hint);
	add_detail(details, strbuf_str(&sb));
	strbuf_release(&sb);
}

/* Adds the problems of unit u (a refused value, or the missing: error
 * policy) as detail lines, their places mapped back. */
static void add_problems(const struct pt_file *pf, const struct pt_text *t,
                         const batch *b, size_t u, strbuf *details)
{
	size_t p;

	for (p = b->units[u].first_problem; p; p = b->problems[p - 1].next) {
		strbuf sb = STRBUF_INIT;

		pt_map_place(pf, t, batch_str(b, b->problems[p - 1].text), &sb);
		add_detail(details, strbuf_str(&sb));
		strbuf_release(&sb);
	}
}

/* Checks the units of an evaluated case: the case's own must have been
 * scored; an other unit may be left out by the missing: error policy,
 * but not refused for its values. Returns 0, or -1 with the reasons in
 * fails and details. */
static int check_units(const struct pt_run *run, const struct pt_text *t,
                       const batch *b, strbuf *fails, strbuf *details)
{
	size_t u;
	int rc = 0;

	if (b->units[0].invalid) {
		strbuf_puts(fails, "the unit's values were refused");
		add_problems(run->pf, t, b, 0, details);
		rc = -1;
	}
	for (u = 1; u < b->nunits; u++) {
		if (!b->units[u].invalid || b->units[u].invalid_by_eval)
			continue;
		add_sep(fails);
		strbuf_printf(fails,
		              "the values of %s (item %zu of others) "
		              "were refused",
		              batch_str(b, b->units[u].code), u);
		add_problems(run->pf, t, b, u, details);
		rc = -1;
	}
	return rc;
}

/* Reads the case's values into b: its unit, then the others. Returns
 * 0, or -1 with the reason in fails and details. */
static int load_values(const struct pt_run *run, const struct pt_case *c,
                       batch *b, strbuf *fails, strbuf *details)
{
	struct pt_text t;
	diag raw = DIAG_INIT, mapped = DIAG_INIT;
	int rc = 0;

	pt_text_init(&t, c->values ? c->values : c->node);
	pt_build_data(c, &t);
	if (data_load_buffer(b, run->pf->gen_path, t.sb.data, t.sb.len, &raw) <
	            0 ||
	    b->nunits != pt_case_units(c)) {
		pt_map_diag(run->pf, &t, &raw, &mapped);
		strbuf_puts(fails, "the values could not be read");
		add_diag(details, &mapped, 0);
		rc = -1;
	} else {
		eval_batch(b);
		rc = check_units(run, &t, b, fails, details);
	}
	diag_free(&raw);
	diag_free(&mapped);
	pt_text_free(&t);
	return rc;
}

/* Evaluates the case's unit with model m and compares the outcome. */
static void evaluate_case(const struct pt_run *run, const struct pt_case *c,
                          const chiso_model *m, strbuf *fails, strbuf *details)
{
	struct pt_got g;
	size_t ni, li;
	batch b;

	batch_init(&b, m);
	if (load_values(run, c, &b, fails, details) < 0) {
		batch_free(&b);
		return;
	}
	ni = BATCH_NODE(&b, 0, m->leaves[0]);
	li = BATCH_LEAF(&b, 0, 0);
	g.status = b.node_status[ni];
	g.fraction = b.leaf_fraction[li];
	g.has_raw = b.leaf_has_raw[li];
	g.raw = b.leaf_raw[li];
	g.note = batch_str(&b, b.leaf_note[li]);
	g.hint = batch_str(&b, b.leaf_hint[li]);
	compare(&c->ex, &g, fails);
	if (run->verbose || fails->len)
		describe_got(&g, details);
	batch_free(&b);
}

/* Checks the outcome of loading against a prepare_error case. */
static void check_prepare_error(const struct pt_run *run,
                                const struct pt_case *c, const chiso_model *m,
                                const diag *md, strbuf *fails, strbuf *details)
{
	const char *want = c->ex.prepare_error;

	if (m) {
		strbuf_printf(fails,
		              "expected a prepare error containing \"%s\", got "
		              "none: the model loaded",
		              want);
		add_diag(details, md, 0);
	} else if (!diag_has(md, DIAG_ERROR, want)) {
		strbuf_printf(fails,
		              "expected a prepare error containing \"%s\", got "
		              "other errors",
		              want);
		add_diag(details, md, 0);
	} else if (run->verbose) {
		add_diag(details, md, 0);
	}
}

/* Checks the warnings of a loaded model against the case. */
static void check_warnings(const struct pt_run *run, const struct pt_case *c,
                           const diag *md, strbuf *fails, strbuf *details)
{
	const char *want = c->ex.prepare_warning;

	if (want && !diag_has(md, DIAG_WARNING, want)) {
		strbuf_printf(fails,
		              "expected a prepare warning containing \"%s\", "
		              "got %s",
		              want, md->warnings ? "other warnings" : "none");
	}
	if (md->warnings && (!want || run->verbose || fails->len))
		add_diag(details, md, 0);
}

/* Prints the case's line and details, and counts it. */
static void report(struct pt_run *run, const struct pt_case *c,
                   const strbuf *fails, const strbuf *details)
{
	if (fails->len) {
		fprintf(run->out, "FAIL %s: %s\n", c->name, strbuf_str(fails));
		run->failed++;
	} else {
		fprintf(run->out, "ok   %s\n", c->name);
		run->passed++;
	}
	fputs(strbuf_str(details), run->out);
}

/* Runs one case: loads its model, then checks the load or evaluates. */
static void run_case(struct pt_run *run, const struct pt_case *c)
{
	strbuf fails = STRBUF_INIT, details = STRBUF_INIT;
	diag raw = DIAG_INIT, md = DIAG_INIT;
	/* the cases expect the notes and errors in English, whatever the
	 * language of the kit's own messages */
	model_env env = {NULL, 1, "en"};
	struct pt_text t;
	chiso_model *m;

	if (run->pf->has_kids)
		env.children = &run->pf->kids;
	pt_text_init(&t, c->node);
	pt_build_model(run->pf, run->method, c, &t);
	m = model_load_buffer_env(run->pf->gen_path, t.sb.data, t.sb.len,
	                          run->reg, &env, &raw);
	pt_map_diag(run->pf, &t, &raw, &md);
	if (c->ex.prepare_error) {
		check_prepare_error(run, c, m, &md, &fails, &details);
	} else if (!m) {
		strbuf_puts(&fails, "expected the model to load, got prepare "
		                    "errors");
		add_diag(&details, &md, 0);
	} else {
		check_warnings(run, c, &md, &fails, &details);
		evaluate_case(run, c, m, &fails, &details);
	}
	report(run, c, &fails, &details);
	model_free(m);
	diag_free(&raw);
	diag_free(&md);
	pt_text_free(&t);
	strbuf_release(&fails);
	strbuf_release(&details);
}

/* A case on its way to a child process. */
struct case_job {
	struct pt_run *run;
	const struct pt_case *c;
};

/* The case in the child (pt_case_fn): its lines to out. */
static int case_in_child(void *arg, FILE *out)
{
	struct case_job *j = arg;
	struct pt_run run = *j->run;

	run.out = out;
	run.passed = run.failed = 0;
	run_case(&run, j->c);
	return run.failed ? 1 : 0;
}

/*
 * Runs one case in a process of its own with the time limit: its lines
 * as it printed them, or, when it crashed or did not finish, a failed
 * line saying so. The line is written at once (and flushed), so that a
 * pipe shows every case run so far.
 */
static void run_case_apart(struct pt_run *run, const struct pt_case *c)
{
	struct case_job job = {run, c};
	strbuf text = STRBUF_INIT;
	int sig;
	pt_end end =
	        pt_fork_case(case_in_child, &job, run->timeout_ms, &text, &sig);

	fputs(strbuf_str(&text), run->out);
	if (end == PT_PASSED) {
		run->passed++;
	} else {
		run->failed++;
		if (end == PT_TIMED_OUT)
			fprintf(run->out,
			        "FAIL %s: did not finish within %ld ms "
			        "(stopped; a loop?), the other cases go on\n",
			        c->name, run->timeout_ms);
		else if (end == PT_CRASHED && sig)
			fprintf(run->out,
			        "FAIL %s: crashed: %s (the case ran in a "
			        "process of its own; the other cases go on)\n",
			        c->name, isolate_signal_name(sig));
		else if (end == PT_CRASHED)
			fprintf(run->out,
			        "FAIL %s: its process ended without a "
			        "verdict (the plugin exited?); the other cases "
			        "go on\n",
			        c->name);
	}
	fflush(run->out);
	strbuf_release(&text);
}

/* The method name of a plugin file: its base name without ".so", in a
 * new string (caller frees), or NULL when it does not end in ".so". */
static char *method_of(const char *so_path)
{
	const char *base = strrchr(so_path, '/');
	size_t len;

	base = base ? base + 1 : so_path;
	len = strlen(base);
	if (len <= 3 || strcmp(base + len - 3, ".so") != 0)
		return NULL;
	return xstrndup(base, len - 3);
}

/* The directory of a plugin file, in a new string (caller frees). */
static char *dir_of(const char *so_path)
{
	const char *slash = strrchr(so_path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == so_path)
		return xstrdup("/");
	return xstrndup(so_path, (size_t)(slash - so_path));
}

/* Loads the plugin through a registry of its directory alone. Returns
 * the plugin, or NULL with an error in d. */
static const plugin_info *load_plugin(struct pt_run *run, const char *so_path,
                                      diag *d)
{
	char *name = method_of(so_path), *dir = dir_of(so_path);
	const plugin_info *pi = NULL;
	strbuf err = STRBUF_INIT;

	run->reg = plugin_registry_new(&host_api);
	plugin_registry_add_dir(run->reg, dir);
	if (!name)
		diag_error(d, so_path, 0, 0,
		           "a method plugin file must be called NAME.so, "
		           "NAME being its method");
	else
		pi = plugin_registry_get(run->reg, name, &err);
	if (name && !pi)
		diag_error(d, NULL, 0, 0, "%s", strbuf_str(&err));
	strbuf_release(&err);
	free(name);
	free(dir);
	return pi;
}

int plugin_test_run(const char *so_path, const char *cases_path,
                    const plugin_test_opts *opts, FILE *out, diag *d)
{
	struct pt_run run = {0};
	struct pt_file pf;
	const plugin_info *pi;
	int file_ok;
	size_t i;

	run.out = out;
	run.verbose = opts && opts->verbose;
	run.timeout_ms = opts && opts->timeout_ms > 0 ? opts->timeout_ms
	                                              : PLUGIN_TEST_TIMEOUT_MS;
	pi = load_plugin(&run, so_path, d);
	file_ok = pt_file_read(&pf, cases_path, d) == 0;
	if (!pi || !file_ok) {
		pt_file_free(&pf);
		plugin_registry_free(run.reg);
		return PLUGIN_TEST_BAD;
	}
	run.pf = &pf;
	run.method = pi->name;
	fprintf(out, "plugin %s %s (ABI %u.%u), %zu case%s from %s\n", pi->name,
	        pi->desc->version,
	        (unsigned)CHISO_ABI_MAJOR_OF(pi->desc->abi_version),
	        (unsigned)CHISO_ABI_MINOR_OF(pi->desc->abi_version), pf.ncases,
	        pf.ncases == 1 ? "" : "s", cases_path);
	for (i = 0; i < pf.ncases; i++)
		run_case_apart(&run, &pf.cases[i]);
	fprintf(out, "%zu passed, %zu failed\n", run.passed, run.failed);
	pt_file_free(&pf);
	plugin_registry_free(run.reg);
	return run.failed ? PLUGIN_TEST_FAILED : PLUGIN_TEST_PASSED;
}
