/*
 * bad_magic.c - a test plugin whose descriptor has a wrong magic: the
 * loader must refuse it.
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
        .magic = 0x12345678u,
        .abi_version = CHISO_ABI_CURRENT,
        .struct_size = (uint32_t)sizeof(chiso_plugin),
        .name = "bad_magic",
        .version = "1.0",
        .summary = "a wrong magic",
        .prepare = prepare,
        .compute = compute,
};

CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void);
CHISO_PLUGIN_EXPORT const chiso_plugin *chiso_plugin_entry(void)
{
	return &descriptor;
}
