/*
 * crash.c - a test plugin that fails hard at compute, chosen by the param
 * "mode": "segv" dereferences NULL, "abort" calls abort(), "hang" loops
 * forever, "ok" scores 1 when the unit's input x is 1. Only
 * "chiso evaluate --isolate" (or model.isolate) survives it: the
 * indicator gets status error naming the plugin and the signal or the
 * time limit, and the run goes on.
 *
 * Three modes misbehave as a hostile or broken plugin would, when the
 * input is > 0, then score 0.5:
 *   "forge"   writes well-formed answers (eval/isolate.h) claiming full
 *             points for every indicator of units 0..7 to every pipe
 *             opened for writing since prepare (under isolation: its
 *             reply pipe);
 *   "fork"    forks a process that leaves the worker's process group
 *             (setsid), names itself "chiso-escapee", and sleeps;
 *   "killpg"  sends SIGTERM to its own process group (kill(0, ...)).
 */
#include "chiso/plugin.h"
#include "eval/isolate.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

enum mode {
	MODE_OK,
	MODE_SEGV,
	MODE_ABORT,
	MODE_HANG,
	MODE_FORGE,
	MODE_FORK,
	MODE_KILLPG
};

struct state {
	enum mode mode;
	int slot;
};

/* Pipes open for writing when the plugin was prepared (inherited, e.g.
 * make's jobserver: none of its business). */
static unsigned char old_pipes[256];

/* Is fd a pipe open for writing? */
static int write_pipe(int fd)
{
	struct stat st;
	int fl = fcntl(fd, F_GETFL);

	return fl >= 0 && (fl & O_ACCMODE) == O_WRONLY && fstat(fd, &st) == 0 &&
	       S_ISFIFO(st.st_mode);
}

static void note_old_pipes(void)
{
	int fd;

	for (fd = 3; fd < 256; fd++)
		old_pipes[fd] = (unsigned char)write_pipe(fd);
}

/* Writes answers of full points for leaves 0..15 of units 0..7 to every
 * pipe opened for writing since prepare: in an isolated worker, its reply
 * pipe. */
static void forge(void)
{
	isolate_reply rp;
	int fd;

	memset(&rp, 0, sizeof(rp));
	rp.status = CHISO_STATUS_OK;
	rp.fraction = 1;
	for (fd = 3; fd < 256; fd++) {
		if (old_pipes[fd] || !write_pipe(fd))
			continue;
		for (rp.unit = 0; rp.unit < 8; rp.unit++)
			for (rp.leaf = 0; rp.leaf < 16; rp.leaf++)
				if (write(fd, &rp, sizeof(rp)) < 0)
					return;
	}
}

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **state)
{
	static const char *const keys[] = {"mode", "input", NULL};
	static const char *const names[] = {"ok",    "segv", "abort", "hang",
	                                    "forge", "fork", "killpg"};
	const chiso_param *p = host->params(ctx);
	const char *mode;
	struct state *st;
	size_t i;

	if (host->param_check_keys(ctx, p, keys) < 0)
		return -1;
	mode = host->param_string(host->param_get(p, "mode"));
	for (i = 0; mode && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(mode, names[i]) == 0)
			break;
	if (!mode || i == sizeof(names) / sizeof(names[0])) {
		host->error(ctx, NULL,
		            "mode must be ok, segv, abort, hang, forge, fork "
		            "or killpg");
		return -1;
	}
	st = malloc(sizeof(*st));
	if (!st)
		return -1;
	st->mode = (enum mode)i;
	if (st->mode == MODE_FORGE)
		note_old_pipes();
	st->slot = host->bind_input(ctx, host->param_get(p, "input"),
	                            CHISO_INPUT_NUMERIC, 0);
	if (st->slot < 0) {
		free(st);
		return -1;
	}
	*state = st;
	return 0;
}

/* A process that leaves the group and stays. */
static void escape(void)
{
	pid_t pid = fork();

	if (pid != 0)
		return;
	setsid();
	prctl(PR_SET_NAME, "chiso-escapee");
	for (;;)
		pause();
}

/* Not instrumented by UndefinedBehaviorSanitizer (--enable-ubsan): the
 * store through a null pointer must reach the hardware and fault, as it
 * would in a plugin built without it. */
__attribute__((no_sanitize("undefined"))) static void
compute(const chiso_host_api *host, const void *state, const chiso_unit *unit,
        chiso_outcome *out)
{
	const struct state *st = state;
	volatile int *nowhere = NULL;
	double x = 0;

	host->get_number(unit, st->slot, &x);
	switch (st->mode) {
	case MODE_SEGV:
		if (x > 0)
			*nowhere = 1;
		break;
	case MODE_ABORT:
		if (x > 0)
			abort();
		break;
	case MODE_HANG:
		while (x > 0)
			;
		break;
	case MODE_FORGE:
	case MODE_FORK:
	case MODE_KILLPG:
		if (x <= 0)
			break;
		if (st->mode == MODE_FORGE)
			forge();
		else if (st->mode == MODE_FORK)
			escape();
		else
			kill(0, SIGTERM);
		out->fraction = 0.5;
		return;
	case MODE_OK:
		break;
	}
	out->fraction = x > 0 ? 1 : 0;
}

static void release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "crash", .version = "1.0",
                    .summary = "crashes or hangs on purpose (tests only)",
                    .params_doc = "mode: ok, segv, abort, hang, forge, fork "
                                  "or killpg (when the input is > 0)\n"
                                  "input: a numeric input\n",
                    .prepare = prepare, .compute = compute, .release = release)
