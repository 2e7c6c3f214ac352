/*
 * per100.c - an example chiso method plugin built out of the chiso tree
 * against the installed <chiso/plugin.h> (docs/plugin-guide.md).
 *
 * Method "per100": points from a rate per 100 inhabitants. Many digital
 * transformation indicators count something per 100 inhabitants:
 * members of community digital-technology teams (tổ công nghệ số cộng
 * đồng), e-payment accounts, people with a level-2 electronic identity.
 * The data give the count and the population; the method computes
 *
 *     rate = input / population x 100
 *     f    = min(1, rate / full_at)        raw = rate
 *
 * so a commune with 60 team members among 4800 inhabitants (1.25 per
 * 100) earns 0.625 of the points when full_at is 2. A population of 0
 * makes the indicator not applicable (na).
 *
 *     method: per100
 *     params: { input: team_members, population: population, full_at: 2 }
 *
 * The file must be called per100.so: chiso finds the plugin of method
 * NAME as NAME.so and refuses a descriptor whose name differs.
 */
#include <chiso/plugin.h>

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* What compute needs, built once per indicator by prepare. Read-only
 * afterwards: compute may run for several units at once. */
struct per100_state {
	int count;      /* slot of the counted input */
	int population; /* slot of the population input */
	double full_at; /* the rate per 100 that earns full points, > 0 */
	int whole;      /* the count is an integer input: round hints up */
	const char *id; /* the counted input's id, for the hint (the
	                   host's: valid while the model is loaded) */
};

/* Every param this method takes: anything else is a typo. */
static const char *const per100_keys[] = {"input", "population", "full_at",
                                          NULL};

/* The id of the input bound to slot, or "input" from a host older than
 * ABI 1.1, whose table ends before input_id: check struct_size before
 * using any service added after 1.0. */
static const char *input_name(const chiso_host_api *host,
                              chiso_prepare_ctx *ctx, int slot)
{
	const char *id = NULL;

	if (host->struct_size >= offsetof(chiso_host_api, input_id) +
	                                 sizeof(host->input_id) &&
	    host->input_id)
		id = host->input_id(ctx, slot);
	return id ? id : "input";
}

/* Binds the numeric input named under key, or reports it missing with
 * an example. Returns the slot, or -1 after reporting. */
static int bind_numeric(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                        const chiso_param *params, const char *key,
                        const char *example)
{
	const chiso_param *node = host->param_get(params, key);

	if (!node) {
		/* NULL: the message points at the params (or the indicator
		 * when it has none). */
		host->error(ctx, NULL,
		            "missing required param \"%s\"; name a numeric "
		            "input, e.g. %s: %s",
		            key, key, example);
		return -1;
	}
	/* Reports an unknown input (with a "did you mean") or a wrong type
	 * at the node. Flags 0: the host applies the model's "missing"
	 * policy, so compute only runs when both values are present. */
	return host->bind_input(ctx, node, CHISO_INPUT_NUMERIC, 0);
}

/* Reads full_at: a number > 0. Returns 0, or -1 after reporting. */
static int read_full_at(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                        const chiso_param *params, double *full_at)
{
	const chiso_param *node = host->param_get(params, "full_at");

	if (!node) {
		host->error(ctx, NULL,
		            "missing required param \"full_at\"; give the rate "
		            "per 100 inhabitants that earns full points, e.g. "
		            "full_at: 2");
		return -1;
	}
	if (host->param_number(ctx, node, "full_at", full_at) != 0)
		return -1; /* reported: "full_at must be a number, not ..." */
	if (!(*full_at > 0)) {
		host->error(
		        ctx, node,
		        "full_at must be greater than 0 (got %g); it is the "
		        "rate per 100 inhabitants that earns full points",
		        *full_at);
		return -1;
	}
	return 0;
}

/* Checks the indicator's params, binds the inputs, builds the state.
 * Reports every problem it finds, not just the first, then returns -1
 * with nothing allocated. */
static int per100_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                          void **state)
{
	const chiso_param *params = host->params(ctx); /* always a map */
	struct per100_state st = {-1, -1, 0, 0, "input"};
	struct per100_state *p;
	int bad = 0;

	if (host->param_check_keys(ctx, params, per100_keys) != 0)
		bad = 1;
	st.count = bind_numeric(host, ctx, params, "input", "team_members");
	st.population =
	        bind_numeric(host, ctx, params, "population", "population");
	if (st.count < 0 || st.population < 0)
		bad = 1;
	if (read_full_at(host, ctx, params, &st.full_at) != 0)
		bad = 1;
	if (bad)
		return -1;
	st.id = input_name(host, ctx, st.count);
	st.whole = host->input_type(ctx, st.count) == CHISO_INPUT_INTEGER;
	p = malloc(sizeof(*p));
	if (!p) {
		host->error(ctx, NULL, "per100: out of memory");
		return -1;
	}
	*p = st;
	*state = p;
	return 0;
}

/* Writes the hint "ID >= N for full points", when the host's outcome
 * has the ABI 1.1 hint buffer (out->struct_size says how much of the
 * outcome the host has: never write past it). */
static void per100_hint(const struct per100_state *st, double population,
                        chiso_outcome *out)
{
	double need = st->full_at * population / 100;

	if (out->struct_size < offsetof(chiso_outcome, hint_size) +
	                               sizeof(out->hint_size) ||
	    !out->hint || out->hint_size == 0)
		return;
	if (st->whole)
		need = ceil(need - 1e-9); /* whole people */
	snprintf(out->hint, out->hint_size, "%s >= %.10g for full points",
	         st->id, need);
}

/* Scores one unit. The host has zeroed *out, set status ok and given an
 * empty note buffer of out->note_size bytes. */
static void per100_compute(const chiso_host_api *host, const void *state,
                           const chiso_unit *unit, chiso_outcome *out)
{
	const struct per100_state *st = state;
	double count, population, rate;

	if (host->get_number(unit, st->count, &count) != CHISO_VALUE_PRESENT ||
	    host->get_number(unit, st->population, &population) !=
	            CHISO_VALUE_PRESENT) {
		/* Cannot happen for required inputs; be safe anyway. */
		out->status = CHISO_STATUS_ERROR;
		snprintf(out->note, out->note_size, "an input has no value");
		return;
	}
	if (count < 0 || population < 0) {
		out->status = CHISO_STATUS_ERROR;
		snprintf(out->note, out->note_size,
		         "%.10g per %.10g inhabitants: counts must be >= 0",
		         count, population);
		return;
	}
	if (population == 0) {
		out->status = CHISO_STATUS_NA;
		snprintf(out->note, out->note_size,
		         "population is 0: not applicable");
		return;
	}
	rate = count / population * 100;
	out->fraction = rate < st->full_at ? rate / st->full_at : 1;
	out->raw = rate;
	out->has_raw = 1;
	/* The note explains the score: the counts, the rate, the bar. */
	snprintf(out->note, out->note_size,
	         "%.10g per %.10g inhabitants = %.4g per 100 (full at %.10g)",
	         count, population, rate, st->full_at);
	if (rate < st->full_at)
		per100_hint(st, population, out);
}

/* Frees what prepare allocated. */
static void per100_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "per100", .version = "1.0",
                    .summary = "points from a count per 100 inhabitants",
                    .params_doc =
                            "input: numeric input id, the count (e.g. "
                            "community digital-technology team members)\n"
                            "population: numeric input id, the "
                            "inhabitants\n"
                            "full_at: number > 0, the rate per 100 "
                            "inhabitants that earns full points; f = "
                            "min(1, input / population x 100 / full_at)\n",
                    .prepare = per100_prepare, .compute = per100_compute,
                    .release = per100_release)
