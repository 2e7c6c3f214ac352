/*
 * isolate.h - running plugin computations in a worker process, for
 * plugins that are not trusted: a plugin that crashes (SIGSEGV, abort)
 * or hangs costs only the indicator it was computing, which gets status
 * error with a message naming the plugin and the signal or the timeout;
 * the run goes on with a new worker.
 *
 * The worker is forked from chiso once the model and data are loaded, so
 * it holds the same plugins and values. The parent sends it the isolated
 * indicators of one unit in one request over a pipe; the worker answers
 * each as soon as it is computed, before it starts the next, so that a
 * crash is charged to the indicator it happened in and the parent never
 * waits a round trip per indicator. The parent waits for each answer at
 * most the time limit after the one before it; when the worker is lost,
 * a new one takes the rest of the unit's request. The worker runs with
 * resource limits (no core files, bounded address space when not built
 * with ASan), the default actions of the crash signals (so that it dies
 * by the signal, which is named) and dies with its parent. prepare and
 * finish still run in chiso itself.
 *
 * Ownership: isolate_new() returns a handle freed by isolate_free(),
 * which stops the worker.
 */
#ifndef CHISO_ISOLATE_H
#define CHISO_ISOLATE_H

#include "chiso/plugin.h"

#include <stddef.h>

typedef struct isolate isolate;

/* What the worker runs for a request: compute indicator k of unit u into
 * out (whose note and hint buffers are the worker's). */
typedef void (*isolate_fn)(void *arg, size_t u, size_t k, chiso_outcome *out);

/* A handle whose worker starts on the first call. timeout_ms > 0. */
isolate *isolate_new(isolate_fn fn, void *arg, long timeout_ms);

/* One computation of a request: indicator k, by plugin (for messages),
 * into out (whose note and hint buffers the answer is copied into). */
typedef struct isolate_job {
	size_t k;
	const char *plugin;
	chiso_outcome *out;
} isolate_job;

/*
 * Computes the n jobs of unit u in the worker, in order. When the worker
 * crashes or exceeds the time limit in a job, that job's outcome becomes
 * status error with a note naming its plugin and the signal or the limit,
 * and a new worker computes the jobs after it.
 */
void isolate_unit(isolate *iso, size_t u, isolate_job *jobs, size_t n);

/* Stops the worker and frees iso; iso may be NULL. */
void isolate_free(isolate *iso);

/* The number of workers lost to crashes and timeouts so far. */
size_t isolate_failures(const isolate *iso);

#endif
