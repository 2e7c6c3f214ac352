// cxx_plugin.cc - a method plugin written in C++ (C++20), with
// <chiso/plugin_util.h> and CHISO_PLUGIN_DEFINE as a C plugin uses them:
// the macro must export the unmangled chiso_plugin_entry. Scores a
// boolean input like "boolean"; its note says it is the C++ plugin.
#include <chiso/plugin.h>
#include <chiso/plugin_util.h>

#include <cstdlib>
#include <new>

namespace
{

struct state {
	int slot;
};

int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx, void **out)
{
	static const char *const keys[] = {"input", nullptr};
	int bad = 0;
	const chiso_param *params = cpu_params(host, ctx, keys, &bad);
	int slot;

	if (!params || bad)
		return -1;
	slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_BOOLEAN,
	                "add input: ID of a boolean input");
	if (slot < 0)
		return -1;
	state *st = new (std::nothrow) state{slot};
	if (!st)
		return -1;
	*out = st;
	return 0;
}

void compute(const chiso_host_api *host, const void *st, const chiso_unit *unit,
             chiso_outcome *out)
{
	const state *s = static_cast<const state *>(st);
	int b = 0;

	host->get_bool(unit, s->slot, &b);
	out->fraction = b ? 1.0 : 0.0;
	cpu_note(out, "C++ plugin: %s", b ? "yes" : "no");
}

void release(const chiso_host_api *, void *st)
{
	delete static_cast<state *>(st);
}

int describe(const chiso_host_api *, const void *, const char *lang, char *buf,
             size_t size)
{
	return cpu_describe(buf, size, "%s",
	                    cpu_lang_vi(lang) ? "Có thì đủ điểm (C++)"
	                                      : "Full points when yes (C++)");
}

} // namespace

CHISO_PLUGIN_DEFINE(.name = "cxx_plugin", .version = "1.0",
                    .summary = "a plugin written in C++ (tests only)",
                    .params_doc = "input: a boolean input\n",
                    .prepare = prepare, .compute = compute, .release = release,
                    .describe = describe)
