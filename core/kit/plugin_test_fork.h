/*
 * plugin_test_fork.h - one case of "chiso plugin test" run in a process
 * of its own, with a time limit: a plugin that crashes or loops fails
 * that case only, and the runner goes on to the next.
 *
 * Ownership: the caller owns text; nothing is kept between calls.
 */
#ifndef CHISO_PLUGIN_TEST_FORK_H
#define CHISO_PLUGIN_TEST_FORK_H

#include "util/strbuf.h"

#include <stdio.h>

/* A case: writes its lines to out, returns 0 when it passed, 1 when it
 * failed. */
typedef int (*pt_case_fn)(void *arg, FILE *out);

/* How the child ended. */
typedef enum pt_end {
	PT_PASSED,   /* fn returned 0 */
	PT_FAILED,   /* fn returned 1 */
	PT_CRASHED,  /* ended by signal *sig, or exited otherwise (*sig 0) */
	PT_TIMED_OUT /* still running after timeout_ms: killed */
} pt_end;

/*
 * Runs fn(arg, out) in a child process (its own process group, the
 * limits of an isolated worker, eval/isolate.h) and appends what it
 * wrote to text. Waits at most timeout_ms for it, then kills its
 * group. When no child can be started (no pipe, no fork), runs fn here,
 * its lines to text too. Returns how it ended; *sig is the signal that
 * ended a crashed child, or 0.
 */
pt_end pt_fork_case(pt_case_fn fn, void *arg, long timeout_ms, strbuf *text,
                    int *sig);

#endif
