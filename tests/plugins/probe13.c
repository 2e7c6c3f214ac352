/*
 * probe13.c - a test plugin built for ABI 1.3 that uses each 1.3 host
 * service once, so that a test can see what each one does:
 *   prepare  input_info of "input" (label, unit, bounds) logged with
 *            host->log; bind_input_id of "extra" (an id given as a map
 *            key: extra: {ID: anything}); missing_hint; with
 *            "warn: true" a warning through vwarn.
 *   compute  unit_info in the note; scratch memory: blocks of 4000
 *            bytes until alloc says no (the note gives how many); one
 *            log line per unit, or "flood: N" lines.
 *   describe the rule in words, in the language asked.
 * fraction = input / max (1 when there is no max).
 */
#include <chiso/plugin.h>
#include <chiso/plugin_util.h>

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct probe {
	int slot, extra;
	double max;
	int flood;
	const char *label;
};

/* A warning through the va_list service. */
static CPU_PRINTF(4, 5) void warn_at(const chiso_host_api *host,
                                     chiso_prepare_ctx *ctx,
                                     const chiso_param *node, const char *fmt,
                                     ...)
{
	va_list ap;

	va_start(ap, fmt);
	host->vwarn(ctx, node, fmt, ap);
	va_end(ap);
}

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **state)
{
	static const char *const keys[] = {"input", "extra", "warn", "flood",
	                                   NULL};
	int bad = 0, warn = 0;
	const chiso_param *params = cpu_params(host, ctx, keys, &bad);
	const chiso_param *extra, *node;
	chiso_input_info info;
	struct probe st, *p;
	double flood = 0;

	if (!params)
		return -1;
	memset(&st, 0, sizeof(st));
	st.extra = -1;
	st.slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_NUMERIC,
	                   "add input: ID");
	if (st.slot < 0)
		return -1;
	cpu_input_info(host, ctx, st.slot, &info);
	host->log(ctx, NULL, CHISO_LOG_INFO,
	          "input %s: label \"%s\", unit \"%s\", min %g, max %g",
	          info.id, info.label, info.unit ? info.unit : "(none)",
	          info.min, info.max);
	st.max = isnan(info.max) ? 1 : info.max;
	st.label = info.label;
	extra = host->param_get(params, "extra");
	if (extra && host->param_count(extra) > 0) {
		st.extra = cpu_bind_id(host, ctx, host->param_key_at(extra, 0),
		                       extra, CHISO_INPUT_NUMERIC,
		                       CHISO_BIND_OPTIONAL);
		if (st.extra < 0)
			bad = 1;
	}
	node = host->param_get(params, "warn");
	if (node && host->param_bool(ctx, node, "warn", &warn) != 0)
		bad = 1;
	if (warn)
		warn_at(host, ctx, node, "probe warning number %d", 42);
	node = host->param_get(params, "flood");
	if (node && host->param_number(ctx, node, "flood", &flood) != 0)
		bad = 1;
	st.flood = (int)flood;
	cpu_missing_hint(host, ctx, "enter the probe's value");
	if (bad)
		return -1;
	p = malloc(sizeof(*p));
	if (!p)
		return -1;
	*p = st;
	*state = p;
	return 0;
}

static void compute(const chiso_host_api *host, const void *state,
                    const chiso_unit *unit, chiso_outcome *out)
{
	const struct probe *st = state;
	chiso_unit_info u;
	double x = 0, e = 0;
	int blocks = 0, i;
	char *mem;

	cpu_unit_info(host, unit, &u);
	while ((mem = cpu_alloc(host, unit, 4000)) != NULL) {
		memset(mem, 'x', 4000); /* all of it is ours */
		blocks++;
	}
	host->get_number(unit, st->slot, &x);
	if (st->extra >= 0)
		host->get_number(unit, st->extra, &e);
	if (st->flood == 0)
		cpu_log(host, unit, CHISO_LOG_WARNING, "computing %s",
		        u.code ? u.code : "?");
	for (i = 0; i < st->flood; i++)
		cpu_log(host, unit, CHISO_LOG_INFO, "line %d", i + 1);
	out->fraction = x / st->max > 1 ? 1 : x / st->max;
	cpu_note(out,
	         "unit %s (%s), level %s, parent %s, period %s, stage %s; "
	         "scratch %d blocks; extra %g",
	         u.code ? u.code : "-", u.name ? u.name : "-",
	         u.level ? u.level : "-", u.parent ? u.parent : "-",
	         u.period ? u.period : "-", u.stage ? u.stage : "-", blocks, e);
}

static void release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

static int describe(const chiso_host_api *host, const void *state,
                    const char *lang, char *buf, size_t size)
{
	const struct probe *st = state;

	(void)host;
	if (cpu_lang_vi(lang))
		return cpu_describe(buf, size, "Điểm theo tỷ lệ %s / %g",
		                    st->label, st->max);
	return cpu_describe(buf, size, "Points in proportion to %s / %g",
	                    st->label, st->max);
}

CHISO_PLUGIN_DEFINE(.name = "probe13", .version = "1.0",
                    .summary = "uses every ABI 1.3 service (tests only)",
                    .params_doc = "input: a numeric input\n"
                                  "extra: {ID: x}, an input named by a key\n"
                                  "warn: true for a warning\n"
                                  "flood: N log lines per unit\n",
                    .prepare = prepare, .compute = compute, .release = release,
                    .describe = describe)
