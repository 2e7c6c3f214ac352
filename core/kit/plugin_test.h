/*
 * plugin_test.h - table-driven tests of one method plugin, for plugin
 * authors: "chiso plugin test FILE.so CASES.yaml".
 *
 * A cases file declares the inputs its cases may name (as a model's
 * "inputs"), the indicator's points, and a list of cases, each with the
 * indicator's params, one unit's values and what to expect:
 *
 *     inputs:
 *       n: { type: integer, min: 0 }
 *       d: { type: integer, min: 0 }
 *     points: 10
 *     cases:
 *       - name: "half"
 *         params: { numerator: n, denominator: d }
 *         values: { n: 1, d: 2 }
 *         expect: { status: ok, fraction: 0.5, note: "1/2 = 0.5 (target 1)" }
 *       - name: "no denominator"
 *         params: { numerator: n }
 *         expect: { prepare_error: "missing required param" }
 *
 * For each case the runner writes a one-indicator model in memory (the
 * inputs; one main index of the points whose method is the plugin, with
 * the case's params written back as YAML), loads it through a registry
 * whose only directory is the plugin file's, reads the values as one
 * unit, evaluates it and compares the indicator's outcome (status,
 * fraction within a tolerance, raw, note, hint); or, for prepare_error,
 * expects loading to fail with a message containing the text. Messages
 * about the generated model and data point back into the cases file
 * (FILE:LINE:COL of the param or value concerned). Unknown keys in the
 * cases file are errors at their place. docs/plugin-guide.md has the
 * whole format.
 *
 * Methods that need more than the one unit (ABI 1.2) have two more
 * keys. A case's "others" lists the values of further units of its
 * batch (codes other1, other2, ...; a finish phase sees them all; expect
 * is still about the case's own unit, whose code is "case" unless the
 * case gives "code"). The file's "children" names a results document
 * (chiso evaluate -f json of the child units' model; its path relative
 * to the cases file), given to every case's model as the children
 * results of chiso evaluate --children: a case's unit reads the child
 * units whose parent is its code.
 *
 * Ownership: the caller owns opts, out and d; nothing is kept between
 * calls.
 */
#ifndef CHISO_PLUGIN_TEST_H
#define CHISO_PLUGIN_TEST_H

#include "util/diag.h"

#include <stdio.h>

/* What plugin_test_run() returns (the command's exit codes). */
enum {
	PLUGIN_TEST_PASSED = 0, /* every case passed */
	PLUGIN_TEST_FAILED = 1, /* some case failed (lines say which) */
	PLUGIN_TEST_BAD = 2     /* the plugin was refused or the cases file
	                           is wrong (errors in d): no case ran */
};

/* The default time limit of one case. */
#define PLUGIN_TEST_TIMEOUT_MS 10000L

typedef struct plugin_test_opts {
	int verbose;     /* also print what each case got */
	long timeout_ms; /* each case's time limit; 0: the default */
} plugin_test_opts;

/*
 * Runs every case of the file at cases_path against the plugin file
 * so_path, which must be called NAME.so where NAME is its method. Prints
 * a header line, one line per case ("ok   NAME", or "FAIL NAME: expected
 * ..., got ..." followed by indented details) and "N passed, N failed"
 * to out. Each case runs in a process of its own within its time limit
 * (kit/plugin_test_fork.h): a case that crashes or does not finish
 * fails ("FAIL NAME: crashed: SIGSEGV ...", "... did not finish within
 * N ms"), and the others still run. Each case's lines are flushed as
 * they come. Returns one of PLUGIN_TEST_*.
 */
int plugin_test_run(const char *so_path, const char *cases_path,
                    const plugin_test_opts *opts, FILE *out, diag *d);

#endif
