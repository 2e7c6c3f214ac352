/*
 * isolate.c - plugin computations in a worker process.
 */
#include "isolate.h"

#include "strbuf.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* The worker's address-space limit (not under ASan, which reserves far
 * more virtual memory than it uses). */
#define WORKER_AS_LIMIT (4ul << 30)

struct request {
	size_t u, k;
};

struct reply {
	int status, has_raw;
	double fraction, raw;
	char note[CHISO_NOTE_MAX];
	char hint[CHISO_NOTE_MAX];
};

struct isolate {
	isolate_fn fn;
	void *arg;
	long timeout_ms;
	pid_t pid; /* 0: no worker */
	int to_worker, from_worker;
	size_t failures;
	struct sigaction old_pipe;
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
#if !defined(__SANITIZE_ADDRESS__)
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

/* The worker's loop: one request, one reply, until the pipe closes. */
static void worker_loop(isolate *iso, int in, int out)
{
	struct request rq;
	struct reply rp;
	chiso_outcome o;

	limit_worker();
	while (read_full(in, &rq, sizeof(rq)) == 1) {
		memset(&rp, 0, sizeof(rp));
		memset(&o, 0, sizeof(o));
		o.struct_size = (uint32_t)sizeof(o);
		o.note = rp.note;
		o.note_size = sizeof(rp.note);
		o.hint = rp.hint;
		o.hint_size = sizeof(rp.hint);
		iso->fn(iso->arg, rq.u, rq.k, &o);
		rp.status = o.status;
		rp.has_raw = o.has_raw;
		rp.fraction = o.fraction;
		rp.raw = o.raw;
		if (write_full(out, &rp, sizeof(rp)) < 0)
			break;
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

/* Waits for the reply within the time limit: 1, 0 (timeout), -1. */
static int await_reply(isolate *iso, struct reply *rp)
{
	struct pollfd p = {iso->from_worker, POLLIN, 0};
	int r;

	do
		r = poll(&p, 1, (int)iso->timeout_ms);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return 0;
	if (r < 0)
		return -1;
	return read_full(iso->from_worker, rp, sizeof(*rp)) == 1 ? 1 : -1;
}

void isolate_call(isolate *iso, size_t u, size_t k, const char *plugin,
                  chiso_outcome *out)
{
	struct request rq = {u, k};
	struct reply rp;
	int r;

	if (!iso->pid && start_worker(iso) < 0) {
		out->status = CHISO_STATUS_ERROR;
		snprintf(out->note, out->note_size,
		         "plugin '%s': cannot start an isolated worker: %s",
		         plugin, strerror(errno));
		return;
	}
	if (write_full(iso->to_worker, &rq, sizeof(rq)) < 0) {
		lost(iso, out, plugin, 0);
		return;
	}
	r = await_reply(iso, &rp);
	if (r <= 0) {
		lost(iso, out, plugin, r == 0);
		return;
	}
	out->status = rp.status;
	out->has_raw = rp.has_raw;
	out->fraction = rp.fraction;
	out->raw = rp.raw;
	rp.note[sizeof(rp.note) - 1] = '\0';
	rp.hint[sizeof(rp.hint) - 1] = '\0';
	snprintf(out->note, out->note_size, "%s", rp.note);
	if (out->hint && out->hint_size)
		snprintf(out->hint, out->hint_size, "%s", rp.hint);
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
