/*
 * crash.c - a test plugin that fails hard at compute, chosen by the param
 * "mode": "segv" dereferences NULL, "abort" calls abort(), "hang" loops
 * forever, "ok" scores 1 when the unit's input x is 1. Only
 * "chiso evaluate --isolate" (or model.isolate) survives it: the
 * indicator gets status error naming the plugin and the signal or the
 * time limit, and the run goes on.
 */
#include "chiso/plugin.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

enum mode { MODE_OK, MODE_SEGV, MODE_ABORT, MODE_HANG };

struct state {
	enum mode mode;
	int slot;
};

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **state)
{
	static const char *const keys[] = {"mode", "input", NULL};
	static const char *const names[] = {"ok", "segv", "abort", "hang"};
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
		host->error(ctx, NULL, "mode must be ok, segv, abort or hang");
		return -1;
	}
	st = malloc(sizeof(*st));
	if (!st)
		return -1;
	st->mode = (enum mode)i;
	st->slot = host->bind_input(ctx, host->param_get(p, "input"),
	                            CHISO_INPUT_NUMERIC, 0);
	if (st->slot < 0) {
		free(st);
		return -1;
	}
	*state = st;
	return 0;
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
                    .params_doc = "mode: ok, segv, abort or hang (when the "
                                  "input is > 0)\ninput: a numeric input\n",
                    .prepare = prepare, .compute = compute, .release = release)
