/*
 * isolate.c - plugin computations in a worker process.
 */
#include "eval/isolate.h"

#include "util/strbuf.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* The worker's address-space limit (not under ASan, which reserves far
 * more virtual memory than it uses). gcc says ASan is on with
 * __SANITIZE_ADDRESS__, clang with __has_feature(address_sanitizer). */
#define WORKER_AS_LIMIT (4ul << 30)
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* A request: unit u and the n leaf indices that follow it. */
struct request {
	size_t u, n;
};

/* An answer, followed by note_len bytes of note and hint_len of hint; one
 * write of at most PIPE_BUF bytes, so it arrives whole or not at all. */
struct reply {
	int32_t status, has_raw;
	double fraction, raw;
	uint32_t note_len, hint_len;
};

#define REPLY_MAX (sizeof(struct reply) + 2 * CHISO_NOTE_MAX)

/* What the parent has read of the worker's answers: a buffer of many, so
 * that answers the worker wrote meanwhile take one read. */
#define INBUF_SIZE 65536

struct isolate {
	isolate_fn fn;
	void *arg;
	long timeout_ms;
	pid_t pid; /* 0: no worker */
	int to_worker, from_worker;
	size_t failures;
	struct sigaction old_pipe;
	char in[INBUF_SIZE];
	size_t in_off, in_len;
};

isolate *isolate_new(isolate_fn fn, void *arg, long timeout_ms)
{
	isolate *iso = xcalloc(1, sizeof(*iso));
	struct sigaction ign;

	iso->fn = fn;
	iso->arg = arg;
	iso->timeout_ms = timeout_ms;
	/* A dead worker's pipe must give EPIPE, not kill chiso. */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &iso->old_pipe);
	return iso;
}

/* Limits of the worker: no core dumps, bounded memory; a crash ends it
 * by its signal (the default actions, also where a sanitizer had put its
 * own handlers), which the parent names. Writing files is not limited:
 * stderr may be a file, and a plugin's warnings must not kill it. */
static void limit_worker(void)
{
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	struct rlimit zero = {0, 0};
	size_t i;

	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		signal(fatal[i], SIG_DFL);
	setrlimit(RLIMIT_CORE, &zero);
#if !defined(UNDER_ASAN)
	{
		struct rlimit as = {WORKER_AS_LIMIT, WORKER_AS_LIMIT};

		setrlimit(RLIMIT_AS, &as);
	}
#endif
	prctl(PR_SET_PDEATHSIG, SIGKILL);
}

/* Reads exactly n bytes; 0 at a clean end, -1 on error. */
static int read_full(int fd, void *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r == 0 && got == 0 ? 0 : -1;
		got += (size_t)r;
	}
	return 1;
}

/* Writes exactly n bytes; -1 on error. */
static int write_full(int fd, const void *buf, size_t n)
{
	size_t put = 0;

	while (put < n) {
		ssize_t w = write(fd, (const char *)buf + put, n - put);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		put += (size_t)w;
	}
	return 0;
}

/* Computes leaf k of unit u and writes the answer: -1 when the parent
 * is gone. A hint without its final NUL is dropped, as in chiso. */
static int worker_answer(isolate *iso, int out, size_t u, size_t k)
{
	char note[CHISO_NOTE_MAX], hint[CHISO_NOTE_MAX], msg[REPLY_MAX];
	struct reply rp;
	chiso_outcome o;

	memset(&o, 0, sizeof(o));
	note[0] = hint[0] = '\0';
	o.struct_size = (uint32_t)sizeof(o);
	o.note = note;
	o.note_size = sizeof(note);
	o.hint = hint;
	o.hint_size = sizeof(hint);
	iso->fn(iso->arg, u, k, &o);
	memset(&rp, 0, sizeof(rp));
	rp.status = o.status;
	rp.has_raw = o.has_raw;
	rp.fraction = o.fraction;
	rp.raw = o.raw;
	rp.note_len = (uint32_t)strnlen(note, sizeof(note) - 1);
	rp.hint_len = (uint32_t)strnlen(hint, sizeof(hint));
	if (rp.hint_len == sizeof(hint))
		rp.hint_len = 0;
	memcpy(msg, &rp, sizeof(rp));
	memcpy(msg + sizeof(rp), note, rp.note_len);
	memcpy(msg + sizeof(rp) + rp.note_len, hint, rp.hint_len);
	return write_full(out, msg, sizeof(rp) + rp.note_len + rp.hint_len);
}

/* The worker's loop: a request, then an answer per leaf, each written
 * before the next leaf starts; until the pipe closes. */
static void worker_loop(isolate *iso, int in, int out)
{
	struct request rq;
	size_t *leaves = NULL, cap = 0, i;

	limit_worker();
	while (read_full(in, &rq, sizeof(rq)) == 1) {
		if (rq.n > cap) {
			cap = rq.n;
			leaves = xrealloc(leaves, cap * sizeof(*leaves));
		}
		if (read_full(in, leaves, rq.n * sizeof(*leaves)) != 1)
			break;
		for (i = 0; i < rq.n; i++)
			if (worker_answer(iso, out, rq.u, leaves[i]) < 0)
				_exit(0);
	}
	_exit(0);
}

/* Forks a worker. Returns 0, or -1 (then calls fail as errors). */
static int start_worker(isolate *iso)
{
	int req[2], resp[2];
	pid_t pid;

	if (pipe(req) < 0)
		return -1;
	if (pipe(resp) < 0) {
		close(req[0]);
		close(req[1]);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		close(req[0]);
		close(req[1]);
		close(resp[0]);
		close(resp[1]);
		return -1;
	}
	if (pid == 0) {
		close(req[1]);
		close(resp[0]);
		worker_loop(iso, req[0], resp[1]);
	}
	close(req[0]);
	close(resp[1]);
	iso->pid = pid;
	iso->to_worker = req[1];
	iso->from_worker = resp[0];
	iso->in_off = iso->in_len = 0;
	return 0;
}

/* Kills (when asked) and reaps the worker; returns its wait status. */
static int stop_worker(isolate *iso, int kill_it)
{
	int status = 0;

	if (!iso->pid)
		return 0;
	if (kill_it)
		kill(iso->pid, SIGKILL);
	close(iso->to_worker);
	close(iso->from_worker);
	while (waitpid(iso->pid, &status, 0) < 0 && errno == EINTR)
		;
	iso->pid = 0;
	return status;
}

/* A signal's name for messages. */
static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return "SIGSEGV (segmentation fault)";
	case SIGABRT:
		return "SIGABRT (abort)";
	case SIGBUS:
		return "SIGBUS (bus error)";
	case SIGFPE:
		return "SIGFPE (arithmetic error)";
	case SIGILL:
		return "SIGILL (illegal instruction)";
	case SIGKILL:
		return "SIGKILL";
	case SIGXCPU:
		return "SIGXCPU (CPU time limit)";
	case SIGXFSZ:
		return "SIGXFSZ (file size limit)";
	}
	return "a signal";
}

/* Turns the outcome into the error of a lost worker. */
static void lost(isolate *iso, chiso_outcome *out, const char *plugin,
                 int timed_out)
{
	int status = stop_worker(iso, 1);

	iso->failures++;
	out->status = CHISO_STATUS_ERROR;
	out->fraction = 0;
	out->has_raw = 0;
	if (timed_out)
		snprintf(out->note, out->note_size,
		         "plugin '%s' did not answer within %ld ms (isolated; "
		         "stopped)",
		         plugin, iso->timeout_ms);
	else if (WIFSIGNALED(status))
		snprintf(out->note, out->note_size,
		         "plugin '%s' crashed: %s (isolated; the run goes on)",
		         plugin, signal_name(WTERMSIG(status)));
	else
		snprintf(out->note, out->note_size,
		         "plugin '%s' ended its worker (exit %d; isolated)",
		         plugin, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* Milliseconds on a clock that does not jump. */
static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Takes the next whole answer from the buffer into rp and points note and
 * hint at its texts: 1, 0 (not all there yet), -1 (not an answer). */
static int take_reply(isolate *iso, struct reply *rp, const char **note,
                      const char **hint)
{
	size_t avail = iso->in_len - iso->in_off;
	const char *p = iso->in + iso->in_off;

	if (avail < sizeof(*rp))
		return 0;
	memcpy(rp, p, sizeof(*rp));
	if (rp->note_len >= CHISO_NOTE_MAX || rp->hint_len >= CHISO_NOTE_MAX)
		return -1;
	if (avail < sizeof(*rp) + rp->note_len + rp->hint_len)
		return 0;
	*note = p + sizeof(*rp);
	*hint = *note + rp->note_len;
	iso->in_off += sizeof(*rp) + rp->note_len + rp->hint_len;
	return 1;
}

/* Waits for the next answer at most the time limit: 1, 0 (timeout), -1
 * (the worker is gone or spoke nonsense). */
static int next_reply(isolate *iso, struct reply *rp, const char **note,
                      const char **hint)
{
	long long deadline = now_ms() + iso->timeout_ms;
	int r;

	while ((r = take_reply(iso, rp, note, hint)) == 0) {
		struct pollfd p = {iso->from_worker, POLLIN, 0};
		long long left = deadline - now_ms();
		ssize_t got;

		if (iso->in_off > 0) {
			memmove(iso->in, iso->in + iso->in_off,
			        iso->in_len - iso->in_off);
			iso->in_len -= iso->in_off;
			iso->in_off = 0;
		}
		if (left <= 0)
			return 0;
		r = poll(&p, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			return 0;
		if (r < 0)
			return -1;
		got = read(iso->from_worker, iso->in + iso->in_len,
		           sizeof(iso->in) - iso->in_len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		iso->in_len += (size_t)got;
	}
	return r;
}

/* Sends the request of jobs [0, n) of unit u: 0, or -1. */
static int send_request(isolate *iso, size_t u, const isolate_job *jobs,
                        size_t n)
{
	size_t leaves[256], i, done = 0;
	struct request rq = {u, n};

	if (write_full(iso->to_worker, &rq, sizeof(rq)) < 0)
		return -1;
	while (done < n) {
		size_t part = n - done < 256 ? n - done : 256;

		for (i = 0; i < part; i++)
			leaves[i] = jobs[done + i].k;
		if (write_full(iso->to_worker, leaves, part * sizeof(*leaves)) <
		    0)
			return -1;
		done += part;
	}
	return 0;
}

/* Copies an answer into the job's outcome. */
static void fill_outcome(chiso_outcome *out, const struct reply *rp,
                         const char *note, const char *hint)
{
	out->status = rp->status;
	out->has_raw = rp->has_raw;
	out->fraction = rp->fraction;
	out->raw = rp->raw;
	snprintf(out->note, out->note_size, "%.*s", (int)rp->note_len, note);
	if (out->hint && out->hint_size)
		snprintf(out->hint, out->hint_size, "%.*s", (int)rp->hint_len,
		         hint);
}

/* The jobs from first on fail: no worker could be started. */
static void cannot_start(isolate_job *jobs, size_t first, size_t n)
{
	int err = errno;

	for (; first < n; first++) {
		chiso_outcome *out = jobs[first].out;

		out->status = CHISO_STATUS_ERROR;
		snprintf(out->note, out->note_size,
		         "plugin '%s': cannot start an isolated worker: %s",
		         jobs[first].plugin, strerror(err));
	}
}

void isolate_unit(isolate *iso, size_t u, isolate_job *jobs, size_t n)
{
	size_t first = 0;

	while (first < n) {
		size_t j;

		if (!iso->pid && start_worker(iso) < 0) {
			cannot_start(jobs, first, n);
			return;
		}
		if (send_request(iso, u, jobs + first, n - first) < 0) {
			lost(iso, jobs[first].out, jobs[first].plugin, 0);
			first++;
			continue;
		}
		for (j = first; j < n; j++) {
			const char *note, *hint;
			struct reply rp;
			int r = next_reply(iso, &rp, &note, &hint);

			if (r <= 0) {
				lost(iso, jobs[j].out, jobs[j].plugin, r == 0);
				break;
			}
			fill_outcome(jobs[j].out, &rp, note, hint);
		}
		first = j < n ? j + 1 : n;
	}
}

size_t isolate_failures(const isolate *iso)
{
	return iso->failures;
}

void isolate_free(isolate *iso)
{
	if (!iso)
		return;
	stop_worker(iso, 0);
	sigaction(SIGPIPE, &iso->old_pipe, NULL);
	free(iso);
}
