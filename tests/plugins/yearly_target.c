/*
 * yearly_target.c - an example method written only against
 * <chiso/plugin_util.h> and the ABI 1.3 services: a target that depends
 * on the year being scored.
 *
 *   method: yearly_target
 *   params:
 *     input: fibre_share                       # a numeric input
 *     targets: {2022: 60, 2023: 70, 2024: 80}  # year: target
 *
 * A unit reaching its period's target earns full points; below it, the
 * share value / target. The period comes from the unit (unit_info, its
 * first four characters); a period without a target is an error for
 * that unit. The rule in words (describe) is what chiso doc prints.
 */
#include <chiso/plugin.h>
#include <chiso/plugin_util.h>

#include <stdlib.h>
#include <string.h>

#define MAX_YEARS 32

struct yearly {
	int slot;
	const char *id, *label, *unit; /* borrowed from the model */
	size_t n;
	int year[MAX_YEARS];
	double target[MAX_YEARS];
};

/* Reads "targets: {YEAR: NUMBER, ...}" into st; -1 after reporting. */
static int read_targets(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                        const chiso_param *map, struct yearly *st)
{
	size_t i, n = host->param_count(map);

	if (host->param_kind(map) != CHISO_PARAM_MAP || n == 0) {
		host->error(ctx, map,
		            "targets must be a map of year to target, e.g. "
		            "{2023: 70, 2024: 80}");
		return -1;
	}
	if (n > MAX_YEARS) {
		host->error(ctx, map, "at most %d targets", MAX_YEARS);
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *key = host->param_key_at(map, i);
		char *end;
		long y = strtol(key, &end, 10);

		if (*end || y < 1900 || y > 2999 || strlen(key) != 4) {
			host->error(ctx, map,
			            "targets: '%s' is not a year (write 2024)",
			            key);
			return -1;
		}
		st->year[i] = (int)y;
		if (host->param_number(ctx, host->param_at(map, i), "target",
		                       &st->target[i]) != 0)
			return -1;
		if (st->target[i] <= 0) {
			host->error(ctx, host->param_at(map, i),
			            "the target of %s must be above 0", key);
			return -1;
		}
	}
	st->n = n;
	return 0;
}

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **state)
{
	static const char *const keys[] = {"input", "targets", NULL};
	int bad = 0;
	const chiso_param *params = cpu_params(host, ctx, keys, &bad);
	const chiso_param *targets;
	chiso_input_info info;
	struct yearly st, *p;
	char hint[CHISO_MISSING_HINT_MAX];

	if (!params)
		return -1;
	memset(&st, 0, sizeof(st));
	st.slot = cpu_bind(host, ctx, params, "input", CHISO_INPUT_NUMERIC,
	                   "add input: ID of the measured value");
	targets = cpu_require(host, ctx, params, "targets",
	                      "add targets: {YEAR: TARGET, ...}");
	if (st.slot < 0 || !targets || bad ||
	    read_targets(host, ctx, targets, &st) != 0)
		return -1;
	cpu_input_info(host, ctx, st.slot, &info);
	st.id = info.id;
	st.label = info.label;
	st.unit = info.unit;
	snprintf(hint, sizeof(hint), "enter %s (%s)", st.id, st.label);
	cpu_missing_hint(host, ctx, hint);
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
	const struct yearly *st = state;
	chiso_unit_info u;
	double x = 0, t;
	size_t i;
	int year;

	cpu_unit_info(host, unit, &u);
	year = u.period ? atoi(u.period) : 0;
	for (i = 0; i < st->n && st->year[i] != year; i++)
		;
	if (i == st->n) {
		cpu_fail(out, "no target for period %s (targets from %d to %d)",
		         u.period ? u.period : "(none)", st->year[0],
		         st->year[st->n - 1]);
		return;
	}
	t = st->target[i];
	host->get_number(unit, st->slot, &x);
	out->raw = x;
	out->has_raw = 1;
	if (x >= t) {
		out->fraction = 1;
		cpu_note(out, "%g >= %g (target %d): met", x, t, year);
		return;
	}
	out->fraction = x > 0 ? x / t : 0;
	cpu_note(out, "%g / %g (target %d) = %g", x, t, year, out->fraction);
	cpu_hint(out, "%s >= %g for full points", st->id, t);
}

static void release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

static int describe(const chiso_host_api *host, const void *state,
                    const char *lang, char *buf, size_t size)
{
	const struct yearly *st = state;
	int vi = cpu_lang_vi(lang);
	char years[512];
	size_t i, len = 0;

	(void)host;
	years[0] = '\0';
	for (i = 0; i < st->n && len < sizeof(years); i++)
		len += (size_t)snprintf(
		        years + len, sizeof(years) - len, "%s%d: %g%s%s",
		        i ? "; " : "", st->year[i], st->target[i],
		        st->unit ? " " : "", st->unit ? st->unit : "");
	if (len >= sizeof(years))
		return -1;
	if (vi)
		return cpu_describe(buf, size,
		                    "%s (%s) đạt chỉ tiêu của năm đánh giá "
		                    "(%s) thì đủ điểm; chưa đạt thì điểm theo "
		                    "tỷ lệ giá trị / chỉ tiêu",
		                    st->label, st->id, years);
	return cpu_describe(buf, size,
	                    "Full points when %s (%s) reaches the target of "
	                    "the year scored (%s); below it, points in "
	                    "proportion to value / target",
	                    st->label, st->id, years);
}

CHISO_PLUGIN_DEFINE(.name = "yearly_target", .version = "1.0",
                    .summary = "a target that depends on the year scored",
                    .params_doc = "input: the measured numeric input\n"
                                  "targets: {YEAR: TARGET, ...}\n",
                    .prepare = prepare, .compute = compute, .release = release,
                    .describe = describe)
