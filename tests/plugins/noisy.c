/*
 * noisy.c - a test plugin that prints to standard output everywhere it
 * runs: in its constructor, in prepare, in compute (printf, then a raw
 * write(2) to descriptor 1, then puts) and in release. It scores 1 when
 * its boolean input is true. chiso's own output (a JSON document on
 * stdout) must stay whole: what the plugin prints goes to stderr.
 */
#include "chiso/plugin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct state {
	int slot;
};

__attribute__((constructor)) static void loaded(void)
{
	printf("noisy: constructor says hello on stdout\n");
	fflush(stdout);
}

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **out)
{
	const chiso_param *input = host->param_get(host->params(ctx), "input");
	struct state *st;
	int slot;

	printf("noisy: prepare {\"not\": \"json\"\n");
	slot = host->bind_input(ctx, input, CHISO_INPUT_BOOLEAN, 0);
	if (slot < 0)
		return -1;
	st = malloc(sizeof(*st));
	if (!st) {
		host->error(ctx, NULL, "noisy: out of memory");
		return -1;
	}
	st->slot = slot;
	*out = st;
	return 0;
}

static void compute(const chiso_host_api *host, const void *state,
                    const chiso_unit *unit, chiso_outcome *out)
{
	const struct state *st = state;
	static const char raw[] = "noisy: compute wrote to descriptor 1\n";
	int v = 0;

	host->get_bool(unit, st->slot, &v);
	printf("noisy: compute, unit value %d ]]]\n", v);
	fflush(stdout);
	if (write(STDOUT_FILENO, raw, sizeof(raw) - 1) < 0)
		return;
	puts("noisy: compute puts");
	out->status = CHISO_STATUS_OK;
	out->fraction = v != 0 ? 1.0 : 0.0;
	snprintf(out->note, out->note_size, "%s", v != 0 ? "yes" : "no");
}

static void release(const chiso_host_api *host, void *state)
{
	(void)host;
	printf("noisy: release\n");
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "noisy", .version = "1.0",
                    .summary = "prints to stdout everywhere (a test)",
                    .params_doc = "input: boolean input id\n",
                    .prepare = prepare, .compute = compute, .release = release)
