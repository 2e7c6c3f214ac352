/*
 * isolate.c - plugin computations in a worker process.
 */
#include "eval/isolate.h"

#include "util/i18n.h"
#include "util/strbuf.h"

#include <dirent.h>
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

#define REPLY_MAX (sizeof(isolate_reply) + 2 * CHISO_NOTE_MAX)

/* What the parent has read of the worker's answers: a buffer of many, so
 * that answers the worker wrote meanwhile take one read. */
#define INBUF_SIZE 65536

/* How next_reply() ends. */
enum { REPLY_TIMEOUT = 0, REPLY_OK = 1, REPLY_GONE = -1, REPLY_BAD = -2 };

struct isolate {
	isolate_fn fn;
	void *arg;
	long timeout_ms;
	pid_t pid; /* 0: no worker; also its process group */
	int to_worker, from_worker;
	size_t failures;
	int sent;           /* isolate_send() sent the request */
	int send_failed;    /* isolate_send() could not */
	isolate *next_open; /* every handle alive, for new workers */
	char in[INBUF_SIZE];
	size_t in_off, in_len;
};

/* The handles alive: a new worker closes the others' pipes. While there
 * are any, SIGPIPE is ignored (saved_pipe holds what it was) and chiso is
 * a child subreaper. */
static isolate *open_handles;
static struct sigaction saved_pipe;

isolate *isolate_new(isolate_fn fn, void *arg, long timeout_ms)
{
	isolate *iso = xcalloc(1, sizeof(*iso));
	struct sigaction ign;

	iso->fn = fn;
	iso->arg = arg;
	iso->timeout_ms = timeout_ms;
	if (!open_handles) {
		/* A dead worker's pipe must give EPIPE, not kill chiso. */
		memset(&ign, 0, sizeof(ign));
		ign.sa_handler = SIG_IGN;
		sigaction(SIGPIPE, &ign, &saved_pipe);
		/* Processes a plugin forks that leave the worker's group
		 * come back to chiso when their parent dies, to be killed
		 * and reaped by the last isolate_free(). */
		prctl(PR_SET_CHILD_SUBREAPER, 1);
	}
	iso->next_open = open_handles;
	open_handles = iso;
	return iso;
}

/* Limits of the worker: no core dumps, no new processes (for a user
 * other than root), bounded memory; a crash ends it by its signal (the
 * default actions, also where a sanitizer had put its own handlers),
 * which the parent names. Writing files is not limited: stderr may be a
 * file, and a plugin's warnings must not kill it. */
void isolate_limit_process(void)
{
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	struct rlimit zero = {0, 0};
	size_t i;

	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		signal(fatal[i], SIG_DFL);
	setrlimit(RLIMIT_CORE, &zero);
	/* No new processes (not enforced for root). */
	setrlimit(RLIMIT_NPROC, &zero);
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
	isolate_reply rp;
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
	rp.unit = u;
	rp.leaf = k;
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

/* The mark after a request's last answer. */
static int worker_end(int out, size_t u)
{
	isolate_reply rp;

	memset(&rp, 0, sizeof(rp));
	rp.unit = u;
	rp.leaf = ISOLATE_END;
	return write_full(out, &rp, sizeof(rp));
}

/* The worker's loop: a request, then an answer per leaf, each written
 * before the next leaf starts; until the pipe closes. */
static void worker_loop(isolate *iso, int in, int out)
{
	struct request rq;
	size_t *leaves = NULL, cap = 0, i;

	isolate_limit_process();
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
		if (worker_end(out, rq.u) < 0)
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
		const isolate *h;

		setpgid(0, 0);
		close(req[1]);
		close(resp[0]);
		/* Another plugin's worker is none of this one's business. */
		for (h = open_handles; h; h = h->next_open)
			if (h != iso && h->pid) {
				close(h->to_worker);
				close(h->from_worker);
			}
		worker_loop(iso, req[0], resp[1]);
	}
	setpgid(pid, pid); /* also here: no window before the child's */
	close(req[0]);
	close(resp[1]);
	iso->pid = pid;
	iso->to_worker = req[1];
	iso->from_worker = resp[0];
	iso->in_off = iso->in_len = 0;
	return 0;
}

/* Kills (when asked) and reaps the worker, and kills what is left in its
 * process group (processes its plugin forked); returns its wait status.
 * The group is killed while the worker is a zombie, so that its id
 * cannot have been reused. */
static int stop_worker(isolate *iso, int kill_it)
{
	siginfo_t info;
	int status = 0;

	if (!iso->pid)
		return 0;
	if (kill_it) {
		kill(-iso->pid, SIGKILL);
		kill(iso->pid, SIGKILL);
	}
	close(iso->to_worker);
	close(iso->from_worker);
	memset(&info, 0, sizeof(info));
	while (waitid(P_PID, (id_t)iso->pid, &info, WEXITED | WNOWAIT) < 0 &&
	       errno == EINTR)
		;
	kill(-iso->pid, SIGKILL);
	while (waitpid(iso->pid, &status, 0) < 0 && errno == EINTR)
		;
	iso->pid = 0;
	return status;
}

const char *isolate_signal_name(int sig)
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
	case SIGTERM:
		return "SIGTERM";
	case SIGXCPU:
		return "SIGXCPU (CPU time limit)";
	case SIGXFSZ:
		return "SIGXFSZ (file size limit)";
	}
	return "a signal";
}

/* Turns the job's outcome into the error of a lost worker. */
static void lost(isolate *iso, isolate_job *job, int timed_out)
{
	chiso_outcome *out = job->out;
	const char *plugin = job->plugin;
	int status = stop_worker(iso, 1);

	iso->failures++;
	job->lost = 1;
	out->status = CHISO_STATUS_ERROR;
	out->fraction = 0;
	out->has_raw = 0;
	if (timed_out)
		snprintf(
		        out->note, out->note_size,
		        _("plugin '%s' did not answer within %ld ms (isolated; "
		          "stopped)"),
		        plugin, iso->timeout_ms);
	else if (WIFSIGNALED(status))
		snprintf(out->note, out->note_size,
		         _("plugin '%s' crashed: %s (isolated; the run goes "
		           "on)"),
		         plugin, isolate_signal_name(WTERMSIG(status)));
	else
		snprintf(out->note, out->note_size,
		         _("plugin '%s' ended its worker (exit %d; isolated)"),
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
 * hint at its texts: REPLY_OK, REPLY_TIMEOUT (not all there yet),
 * REPLY_BAD (not an answer). */
static int take_reply(isolate *iso, isolate_reply *rp, const char **note,
                      const char **hint)
{
	size_t avail = iso->in_len - iso->in_off;
	const char *p = iso->in + iso->in_off;

	if (avail < sizeof(*rp))
		return REPLY_TIMEOUT;
	memcpy(rp, p, sizeof(*rp));
	if (rp->note_len >= CHISO_NOTE_MAX || rp->hint_len >= CHISO_NOTE_MAX)
		return REPLY_BAD;
	if (avail < sizeof(*rp) + rp->note_len + rp->hint_len)
		return REPLY_TIMEOUT;
	*note = p + sizeof(*rp);
	*hint = *note + rp->note_len;
	iso->in_off += sizeof(*rp) + rp->note_len + rp->hint_len;
	return REPLY_OK;
}

/* Reads what the worker wrote into the buffer, waiting at most wait_ms:
 * 1 (bytes came), 0 (nothing in time), -1 (the pipe closed or failed). */
static int fill(isolate *iso, long long wait_ms)
{
	struct pollfd p = {iso->from_worker, POLLIN, 0};
	ssize_t got;
	int r;

	if (iso->in_off > 0) {
		memmove(iso->in, iso->in + iso->in_off,
		        iso->in_len - iso->in_off);
		iso->in_len -= iso->in_off;
		iso->in_off = 0;
	}
	do
		r = poll(&p, 1, (int)wait_ms);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return 0;
	if (r < 0)
		return -1;
	do
		got = read(iso->from_worker, iso->in + iso->in_len,
		           sizeof(iso->in) - iso->in_len);
	while (got < 0 && errno == EINTR);
	if (got <= 0)
		return -1;
	iso->in_len += (size_t)got;
	return 1;
}

/* Waits for the next answer at most the time limit: REPLY_OK,
 * REPLY_TIMEOUT, REPLY_GONE (the worker is gone) or REPLY_BAD. */
static int next_reply(isolate *iso, isolate_reply *rp, const char **note,
                      const char **hint)
{
	long long deadline = now_ms() + iso->timeout_ms;
	int r;

	while ((r = take_reply(iso, rp, note, hint)) == REPLY_TIMEOUT) {
		long long left = deadline - now_ms();

		if (left <= 0)
			return REPLY_TIMEOUT;
		r = fill(iso, left);
		if (r == 0)
			return REPLY_TIMEOUT;
		if (r < 0)
			return REPLY_GONE;
	}
	return r;
}

/* Every job from first on becomes an error: the worker broke the
 * protocol (why), so none of its answers for the request stands. */
static void violation(isolate *iso, isolate_job *jobs, size_t first, size_t n,
                      const char *why)
{
	stop_worker(iso, 1);
	iso->failures++;
	for (; first < n; first++) {
		chiso_outcome *out = jobs[first].out;

		out->status = CHISO_STATUS_ERROR;
		out->fraction = 0;
		out->has_raw = 0;
		snprintf(out->note, out->note_size,
		         _("plugin '%s' broke the isolation protocol: %s "
		           "(isolated; its answers for this unit are "
		           "discarded)"),
		         jobs[first].plugin, why);
		if (out->hint && out->hint_size)
			out->hint[0] = '\0';
	}
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
static void fill_outcome(chiso_outcome *out, const isolate_reply *rp,
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
		         _("plugin '%s': cannot start an isolated worker: %s"),
		         jobs[first].plugin, strerror(err));
	}
}

/* After the request's last answer, its end mark must come: anything else
 * fails every job of the request. A worker gone meanwhile is started anew
 * for the next request. */
static void end_of_request(isolate *iso, size_t u, isolate_job *jobs,
                           size_t first, size_t n)
{
	const char *note, *hint;
	isolate_reply rp;
	char why[160];
	int r = next_reply(iso, &rp, &note, &hint);

	if (r == REPLY_OK && rp.unit == u && rp.leaf == ISOLATE_END &&
	    rp.note_len == 0 && rp.hint_len == 0)
		return;
	if (r == REPLY_GONE) {
		stop_worker(iso, 1);
		return;
	}
	if (r == REPLY_OK)
		snprintf(why, sizeof(why),
		         "an answer for unit #%llu, indicator #%llu after the "
		         "request's last answer",
		         (unsigned long long)rp.unit,
		         (unsigned long long)rp.leaf);
	else
		snprintf(why, sizeof(why), "%s",
		         r == REPLY_TIMEOUT ? "no end of the request in time"
		                            : "a malformed answer");
	violation(iso, jobs, first, n, why);
}

/* Reads the answers of the request of jobs [first, n) of unit u. Returns
 * where to go on: n when every job has its outcome, or the job after one
 * lost to a crash or the time limit (a new worker takes it). */
static size_t read_answers(isolate *iso, size_t u, isolate_job *jobs,
                           size_t first, size_t n)
{
	char why[160];
	size_t j;

	for (j = first; j < n; j++) {
		const char *note, *hint;
		isolate_reply rp;
		int r = next_reply(iso, &rp, &note, &hint);

		if (r == REPLY_TIMEOUT || r == REPLY_GONE) {
			lost(iso, &jobs[j], r == REPLY_TIMEOUT);
			return j + 1;
		}
		if (r == REPLY_BAD) {
			violation(iso, jobs, first, n,
			          "a malformed answer (text lengths out of "
			          "range)");
			return n;
		}
		if (rp.unit != u || rp.leaf != jobs[j].k) {
			snprintf(why, sizeof(why),
			         "an answer for unit #%llu, indicator #%llu "
			         "when unit #%zu, indicator #%zu was asked for",
			         (unsigned long long)rp.unit,
			         (unsigned long long)rp.leaf, u, jobs[j].k);
			violation(iso, jobs, first, n, why);
			return n;
		}
		fill_outcome(jobs[j].out, &rp, note, hint);
	}
	end_of_request(iso, u, jobs, first, n);
	return n;
}

void isolate_send(isolate *iso, size_t u, isolate_job *jobs, size_t n)
{
	iso->sent = iso->send_failed = 0;
	if (n == 0)
		return;
	if (!iso->pid && start_worker(iso) < 0)
		return; /* isolate_collect() says why */
	if (send_request(iso, u, jobs, n) < 0)
		iso->send_failed = 1;
	else
		iso->sent = 1;
}

void isolate_collect(isolate *iso, size_t u, isolate_job *jobs, size_t n)
{
	size_t first = 0;
	int pending = iso->sent, failed = iso->send_failed;

	iso->sent = iso->send_failed = 0;
	while (first < n) {
		if (!pending) {
			if (!failed && !iso->pid && start_worker(iso) < 0) {
				cannot_start(jobs, first, n);
				return;
			}
			if (failed ||
			    send_request(iso, u, jobs + first, n - first) < 0) {
				failed = 0;
				lost(iso, &jobs[first], 0);
				first++;
				continue;
			}
		}
		pending = 0;
		first = read_answers(iso, u, jobs, first, n);
	}
}

void isolate_unit(isolate *iso, size_t u, isolate_job *jobs, size_t n)
{
	isolate_send(iso, u, jobs, n);
	isolate_collect(iso, u, jobs, n);
}

size_t isolate_failures(const isolate *iso)
{
	return iso->failures;
}

/* The parent process id of pid, from /proc/PID/stat; -1 when unknown. */
static pid_t parent_of(const char *pid)
{
	char path[64], buf[512];
	const char *close_paren;
	FILE *f;
	size_t n;
	long ppid;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* "PID (COMM) STATE PPID ...": COMM may hold spaces and ')' */
	close_paren = strrchr(buf, ')');
	if (!close_paren || sscanf(close_paren + 1, " %*c %ld", &ppid) != 1)
		return -1;
	return (pid_t)ppid;
}

/* Kills and reaps every child process chiso has left: the processes that
 * plugins forked and that left their worker's group came back to chiso
 * (the subreaper) when their parent died. chiso starts no other children
 * (workers are stopped by now). */
static void reap_leftovers(void)
{
	pid_t self = getpid();
	size_t round;

	for (round = 0; round < 64; round++) {
		DIR *proc = opendir("/proc");
		struct dirent *de;
		size_t killed = 0;

		if (!proc)
			break;
		while ((de = readdir(proc)) != NULL) {
			pid_t pid;

			if (de->d_name[0] < '1' || de->d_name[0] > '9' ||
			    parent_of(de->d_name) != self)
				continue;
			pid = (pid_t)atol(de->d_name);
			kill(pid, SIGKILL);
			while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
				;
			killed++;
		}
		closedir(proc);
		if (killed == 0)
			break;
	}
}

void isolate_free(isolate *iso)
{
	isolate **at;

	if (!iso)
		return;
	stop_worker(iso, 0);
	for (at = &open_handles; *at; at = &(*at)->next_open)
		if (*at == iso) {
			*at = iso->next_open;
			break;
		}
	free(iso);
	if (!open_handles) {
		reap_leftovers();
		prctl(PR_SET_CHILD_SUBREAPER, 0);
		sigaction(SIGPIPE, &saved_pipe, NULL);
	}
}
