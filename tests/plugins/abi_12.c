/*
 * abi_12.c - a test plugin as built against ABI 1.2: its descriptor says
 * 1.2 and is exactly the 1.2 size (with a second phase), and compute
 * writes only 1.2 outcome fields. A 1.3 host must load it, score with
 * it, and never read the 1.3 member describe: the descriptor's memory
 * after finish holds a describe that aborts, standing for whatever lies
 * beyond a real 1.2 descriptor. Scores a boolean input like "boolean".
 */
#include "chiso/plugin.h"

#include <stdio.h>
#include <stdlib.h>

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **state)
{
	static const char *const keys[] = {"input", NULL};
	const chiso_param *p = host->params(ctx);
	int *slot;

	if (host->param_check_keys(ctx, p, keys) < 0)
		return -1;
	slot = malloc(sizeof(*slot));
	if (!slot)
		return -1;
	*slot = host->bind_input(ctx, host->param_get(p, "input"),
	                         CHISO_INPUT_BOOLEAN, 0);
	if (*slot < 0) {
		free(slot);
		return -1;
	}
	*state = slot;
	return 0;
}

static void compute(const chiso_host_api *host, const void *state,
                    const chiso_unit *unit, chiso_outcome *out)
{
	int b = 0;

	host->get_bool(unit, *(const int *)state, &b);
	out->fraction = b ? 1 : 0;
	out->raw = b;
	out->has_raw = 1;
	snprintf(out->note, out->note_size, "1.2 plugin: %s", b ? "yes" : "no");
}

/* The second phase: the note says it ran. */
static void finish(const chiso_host_api *host, const void *state,
                   chiso_batch *batch)
{
	size_t i, n = host->batch_count(batch);

	(void)state;
	for (i = 0; i < n; i++) {
		double raw;

		if (host->batch_get(batch, i, &raw) == CHISO_VALUE_PRESENT)
			host->batch_set(batch, i, CHISO_STATUS_OK, raw,
			                raw > 0 ? "1.2 plugin, finish: yes"
			                        : "1.2 plugin, finish: no");
	}
}

static void release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

/* Beyond the 1.2 descriptor: must never be called. */
static int must_not_describe(const chiso_host_api *host, const void *state,
                             const char *lang, char *buf, size_t size)
{
	(void)host;
	(void)state;
	(void)lang;
	(void)buf;
	(void)size;
	abort();
}

static const chiso_plugin descriptor = {
        .magic = CHISO_PLUGIN_MAGIC,
        .abi_version = CHISO_ABI_VERSION(1, 2),
        .struct_size = (uint32_t)CHISO_PLUGIN_SIZE_1_2,
        .name = "abi_12",
        .version = "1.2",
        .summary = "built for ABI 1.2 (tests only)",
        .prepare = prepare,
        .compute = compute,
        .release = release,
        .finish = finish,
        .describe = must_not_describe,
};

CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void);
CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void)
{
	return &descriptor;
}
