/*
 * isolate.h - running plugin computations in a worker process, for
 * plugins that are not trusted: a plugin that crashes (SIGSEGV, abort)
 * or hangs costs only the indicator it was computing, which gets status
 * error with a message naming the plugin and the signal or the timeout;
 * the run goes on with a new worker.
 *
 * The worker is forked from chiso once the model and data are loaded, so
 * it holds the same plugins and values; the parent sends it (unit,
 * indicator) requests over a pipe and waits for each answer at most the
 * time limit. The worker runs with resource limits (no core files,
 * bounded address space when not built with ASan), the default actions of
 * the crash signals (so that it dies by the signal, which is named) and
 * dies with its parent. prepare and finish still run in chiso itself.
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

/*
 * Computes (u, k) in the worker into out (note and hint copied into
 * out's buffers). When the worker crashes or exceeds the time limit, out
 * becomes status error with a note naming plugin and the signal or the
 * limit, and a new worker takes the next call.
 */
void isolate_call(isolate *iso, size_t u, size_t k, const char *plugin,
                  chiso_outcome *out);

/* Stops the worker and frees iso; iso may be NULL. */
void isolate_free(isolate *iso);

/* The number of workers lost to crashes and timeouts so far. */
size_t isolate_failures(const isolate *iso);

#endif
