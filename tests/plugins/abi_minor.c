/*
 * abi_minor.c - a test plugin built for a newer minor ABI (1.99): the
 * loader must refuse it (it may use host services this chiso lacks).
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
        .abi_version = CHISO_ABI_VERSION(CHISO_ABI_MAJOR, 99),
        .struct_size = (uint32_t)sizeof(chiso_plugin),
        .name = "abi_minor",
        .version = "1.0",
        .summary = "built for a newer ABI minor",
        .prepare = prepare,
        .compute = compute,
};

CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void);
CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void)
{
	return &descriptor;
}
