/*
 * abi_major.c - a test plugin built for plugin ABI 2.0: the loader must
 * refuse it (major differs).
 */
#include "chiso/plugin.h"

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **state)
{
	(void)host;
	(void)ctx;
	*state = NULL;
	return 0;
}

static void compute(const chiso_host_api *host, const void *state,
                    const chiso_unit *unit, chiso_outcome *out)
{
	(void)host;
	(void)state;
	(void)unit;
	out->fraction = 1;
}

static const chiso_plugin descriptor = {
        .magic = CHISO_PLUGIN_MAGIC,
        .abi_version = CHISO_ABI_VERSION(2, 0),
        .struct_size = (uint32_t)sizeof(chiso_plugin),
        .name = "abi_major",
        .version = "1.0",
        .summary = "built for another ABI major",
        .prepare = prepare,
        .compute = compute,
};

CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void);
CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void)
{
	return &descriptor;
}
