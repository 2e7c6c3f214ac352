/*
 * abi_old.c - a test plugin as built against ABI 1.0: its descriptor says
 * 1.0 and is exactly the 1.0 size, and compute writes only 1.0 outcome
 * fields. A 1.1 host must load it and score with it (minor versions are
 * append-only). Scores a boolean input like "boolean".
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
	snprintf(out->note, out->note_size, "1.0 plugin: %s", b ? "yes" : "no");
}

static void release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

static const chiso_plugin descriptor = {
        .magic = CHISO_PLUGIN_MAGIC,
        .abi_version = CHISO_ABI_VERSION(1, 0),
        .struct_size = (uint32_t)CHISO_PLUGIN_SIZE_1_0,
        .name = "abi_old",
        .version = "1.0",
        .summary = "built for ABI 1.0 (tests only)",
        .prepare = prepare,
        .compute = compute,
        .release = release,
};

CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void);
CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void)
{
	return &descriptor;
}
