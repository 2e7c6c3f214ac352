/*
 * isolate.h - running plugin computations in a worker process, for
 * plugins that are not trusted: a plugin that crashes (SIGSEGV, abort)
 * or hangs costs only the indicator it was computing, which gets status
 * error with a message naming the plugin and the signal or the timeout;
 * the run goes on with a new worker.
 *
 * The worker is forked from chiso once the model and data are loaded, so
 * it holds the same plugins and values; evaluation starts one worker per
 * isolated plugin, so that no plugin can answer for another's
 * indicators. The parent sends a worker the indicators of one unit in one
 * request over a pipe; the worker answers each as soon as it is computed,
 * before it starts the next, so that a crash is charged to the indicator
 * it happened in and the parent never waits a round trip per indicator.
 * The parent waits for each answer at most the time limit after the one
 * before it; when the worker is lost, a new one takes the rest of the
 * unit's request.
 *
 * The parent trusts nothing on the reply pipe: each answer names its unit
 * and leaf and must be the one asked for next, and the worker ends each
 * request with a mark once its last answer is written, so an answer more
 * is seen too: anything else is a protocol violation (a plugin, or a
 * process it forked, writing to the pipe): the worker is killed and every
 * indicator of the request gets status error saying so.
 *
 * The worker runs in its own process group (a plugin's kill(0, ...) stays
 * in it; the group is killed with the worker), with resource limits (no
 * core files, no new processes for a user other than root
 * (RLIMIT_NPROC 0), bounded address space when not built with ASan), the
 * default actions of the crash signals (so that it dies by the signal,
 * which is named), without the pipes of the other workers, and dies with
 * its parent. chiso is a child subreaper while workers run: processes a
 * plugin forked that left the group come back to it when their parent
 * dies, and isolate_free() kills and reaps them. prepare and finish still
 * run in chiso itself: isolation contains faulty plugins, it is not a
 * sandbox for malicious ones.
 *
 * Ownership: isolate_new() returns a handle freed by isolate_free(),
 * which stops the worker.
 */
#ifndef CHISO_ISOLATE_H
#define CHISO_ISOLATE_H

#include "chiso/plugin.h"

#include <stddef.h>
#include <stdint.h>

typedef struct isolate isolate;

/* What the worker runs for a request: compute indicator k of unit u into
 * out (whose note and hint buffers are the worker's). */
typedef void (*isolate_fn)(void *arg, size_t u, size_t k, chiso_outcome *out);

/* A handle whose worker starts on the first call. timeout_ms > 0. */
isolate *isolate_new(isolate_fn fn, void *arg, long timeout_ms);

/* An answer on the reply pipe, followed by note_len bytes of note and
 * hint_len of hint, written at once (at most PIPE_BUF bytes in all, so it
 * arrives whole). unit and leaf name the job it answers. After a
 * request's last answer the worker writes one with leaf ISOLATE_END (and
 * no texts): whatever comes between the last answer and it was not
 * asked for. */
#define ISOLATE_END UINT64_MAX
typedef struct isolate_reply {
	uint64_t unit, leaf;
	int32_t status, has_raw;
	double fraction, raw;
	uint32_t note_len, hint_len;
} isolate_reply;

/* One computation of a request: indicator k, by plugin (for messages),
 * into out (whose note and hint buffers the answer is copied into). */
typedef struct isolate_job {
	size_t k;
	const char *plugin;
	chiso_outcome *out;
	int lost; /* set to 1 when the worker crashed or timed out on it */
} isolate_job;

/*
 * Computes the n jobs of unit u in the worker, in order. When the worker
 * crashes or exceeds the time limit in a job, that job's outcome becomes
 * status error with a note naming its plugin and the signal or the limit,
 * and a new worker computes the jobs after it. When the worker breaks the
 * protocol, every job of the request gets status error saying so.
 * isolate_unit() is isolate_send() then isolate_collect().
 */
void isolate_unit(isolate *iso, size_t u, isolate_job *jobs, size_t n);

/* The two halves of isolate_unit(), so that several workers compute at
 * once: send each its request, then collect each. Call isolate_collect()
 * with the same arguments after every isolate_send(). */
void isolate_send(isolate *iso, size_t u, isolate_job *jobs, size_t n);
void isolate_collect(isolate *iso, size_t u, isolate_job *jobs, size_t n);

/* Stops the worker and frees iso; iso may be NULL. */
void isolate_free(isolate *iso);

/* The number of workers lost to crashes, timeouts and protocol
 * violations so far. */
size_t isolate_failures(const isolate *iso);

/* In a child process about to run plugin code: the worker's limits (no
 * core file, no new process for a user other than root, bounded address
 * space outside ASan builds, the default actions of the crash signals,
 * death with the parent). For other runners of untrusted code, such as
 * "chiso plugin test". */
void isolate_limit_process(void);

/* The name of a signal for messages: "SIGSEGV (segmentation fault)".
 * Static. */
const char *isolate_signal_name(int sig);

#endif
