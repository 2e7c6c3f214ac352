/*
 * plugin_test_fork.c - a case run in a child process with a time limit
 * (plugin_test_fork.h). The child writes its lines to a pipe and exits
 * with the case's verdict; the parent reads the pipe until it closes or
 * the time runs out, then reaps the child and says how it ended.
 */
#include "kit/plugin_test_fork.h"

#include "eval/isolate.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Exit status of a child whose case could not write its lines. */
#define CHILD_BROKEN 3

/* Milliseconds on the monotonic clock. */
static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In the child: the case, its lines to the pipe, its verdict as the exit
 * status. Never returns. */
static void child(pt_case_fn fn, void *arg, int rfd, int wfd)
{
	FILE *out;
	int rc;

	setpgid(0, 0);
	close(rfd);
	isolate_limit_process();
	out = fdopen(wfd, "w");
	if (!out)
		_exit(CHILD_BROKEN);
	rc = fn(arg, out);
	if (fflush(out) != 0)
		_exit(CHILD_BROKEN);
	_exit(rc == 0 ? 0 : 1);
}

/* Reads the pipe into text until it closes or the deadline passes.
 * Returns 0 when it closed, -1 at the deadline. */
static int read_until(int fd, long long deadline, strbuf *text)
{
	char buf[4096];

	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		long long left = deadline - now_ms();
		ssize_t n;
		int r;

		if (left <= 0)
			return -1;
		r = poll(&p, 1, left > 60000 ? 60000 : (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue; /* the deadline is checked above */
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		strbuf_add(text, buf, (size_t)n);
	}
}

/* Runs fn here, its lines into text: when no child can be started. */
static pt_end run_here(pt_case_fn fn, void *arg, strbuf *text)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&mem, &len);
	int rc;

	if (!out)
		return PT_CRASHED;
	rc = fn(arg, out);
	fclose(out);
	strbuf_add(text, mem, len);
	free(mem);
	return rc == 0 ? PT_PASSED : PT_FAILED;
}

pt_end pt_fork_case(pt_case_fn fn, void *arg, long timeout_ms, strbuf *text,
                    int *sig)
{
	int fds[2], status = 0, timed_out;
	pid_t pid;

	*sig = 0;
	if (pipe(fds) < 0)
		return run_here(fn, arg, text);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return run_here(fn, arg, text);
	}
	if (pid == 0)
		child(fn, arg, fds[0], fds[1]);
	setpgid(pid, pid);
	close(fds[1]);
	timed_out = read_until(fds[0], now_ms() + timeout_ms, text) < 0;
	close(fds[0]);
	if (timed_out)
		kill(-pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (timed_out)
		return PT_TIMED_OUT;
	if (WIFSIGNALED(status)) {
		*sig = WTERMSIG(status);
		return PT_CRASHED;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) <= 1)
		return WEXITSTATUS(status) == 0 ? PT_PASSED : PT_FAILED;
	return PT_CRASHED;
}
