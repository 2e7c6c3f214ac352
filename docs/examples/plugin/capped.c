/*
 * capped.c - an example chiso method plugin (docs/plugin-api.md).
 *
 * Method "capped": full points once a numeric input reaches a cap, and
 * a proportional share below it:
 *
 *     f = min(input, cap) / cap        raw = input     note "x of cap"
 *
 * Below the cap it also gives a hint (plugin ABI 1.1), shown by
 * "chiso gaps" and written to the results: "INPUT >= cap for full
 * points". The hint is written only when the host's outcome has a hint
 * buffer, so the plugin stays correct under any 1.x host that loads it.
 *
 * Example: members of community digital-technology teams (tổ công nghệ
 * số cộng đồng) per 100 inhabitants, full points from 2:
 *
 *     method: capped
 *     params: { input: team_members_per_100, cap: 2 }
 *
 * Build (after installing chiso, which installs <chiso/plugin.h> and
 * chiso.pc):
 *
 *     cc $(pkg-config --cflags chiso) -fPIC -shared -fvisibility=hidden \
 *        -o capped.so capped.c
 *
 * The file must be called capped.so: the host refuses a plugin whose
 * descriptor name differs from its file name.
 */
#include <chiso/plugin.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* What compute needs, built once per indicator by prepare. Read-only
 * afterwards: compute may run for several units at once. */
struct capped_state {
	int slot;       /* the bound input */
	double cap;     /* the value that earns full points, > 0 */
	const char *id; /* the input's id, for the hint (borrowed from the
	                   host: valid while the model is loaded) */
};

static const char *const capped_keys[] = {"input", "cap", NULL};

/* The id of the input bound to slot, for the hint; "input" from a host
 * older than ABI 1.1, whose table ends before input_id (check
 * struct_size before using any service added after 1.0). */
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

/* Checks the indicator's params, binds the input, builds the state.
 * Reports every problem it finds (not just the first) through
 * host->error, then returns -1. */
static int capped_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                          void **state)
{
	const chiso_param *params = host->params(ctx); /* always a map */
	const chiso_param *input, *cap;
	struct capped_state st = {-1, 0, "input"};
	struct capped_state *p;
	int bad = 0;

	/* Unknown keys are errors, with a "did you mean" for typos. */
	if (host->param_check_keys(ctx, params, capped_keys) != 0)
		bad = 1;

	input = host->param_get(params, "input");
	if (!input) {
		/* NULL: the message points at the indicator itself. */
		host->error(ctx, NULL,
		            "missing required param \"input\"; name a numeric "
		            "input, e.g. input: team_members_per_100");
		bad = 1;
	} else {
		/* Reports an unknown input or a wrong type itself. Flags 0:
		 * the host applies the model's "missing" policy, so compute
		 * only runs when the value is present. */
		st.slot = host->bind_input(ctx, input, CHISO_INPUT_NUMERIC, 0);
		if (st.slot < 0)
			bad = 1;
		else
			st.id = input_name(host, ctx, st.slot);
	}

	cap = host->param_get(params, "cap");
	if (!cap) {
		host->error(ctx, NULL,
		            "missing required param \"cap\"; give the value "
		            "that earns full points, e.g. cap: 2");
		bad = 1;
	} else if (host->param_number(ctx, cap, "cap", &st.cap) != 0) {
		bad = 1; /* already reported: "cap must be a number, ..." */
	} else if (!(st.cap > 0)) {
		host->error(ctx, cap,
		            "cap must be greater than 0 (got %g); it is the "
		            "value that earns full points",
		            st.cap);
		bad = 1;
	}

	if (bad)
		return -1; /* nothing allocated yet: nothing to free */
	p = malloc(sizeof(*p));
	if (!p) {
		host->error(ctx, NULL, "capped: out of memory");
		return -1;
	}
	*p = st;
	*state = p;
	return 0;
}

/* Writes the hint "ID >= CAP for full points", when the host's outcome
 * has the ABI 1.1 hint buffer (out->struct_size says how much of the
 * outcome the host has; never write past it). */
static void capped_hint(const struct capped_state *st, chiso_outcome *out)
{
	if (out->struct_size < offsetof(chiso_outcome, hint_size) +
	                               sizeof(out->hint_size) ||
	    !out->hint || out->hint_size == 0)
		return;
	snprintf(out->hint, out->hint_size, "%s >= %.10g for full points",
	         st->id, st->cap);
}

/* Scores one unit. The host has zeroed *out, set status ok and given
 * an empty note buffer of out->note_size bytes (and, from ABI 1.1, an
 * empty hint buffer of out->hint_size bytes). */
static void capped_compute(const chiso_host_api *host, const void *state,
                           const chiso_unit *unit, chiso_outcome *out)
{
	const struct capped_state *st = state;
	double v;

	if (host->get_number(unit, st->slot, &v) != CHISO_VALUE_PRESENT) {
		/* Cannot happen for a required input; be safe anyway. */
		out->status = CHISO_STATUS_ERROR;
		snprintf(out->note, out->note_size, "input has no value");
		return;
	}
	if (v < 0) {
		out->status = CHISO_STATUS_ERROR;
		snprintf(out->note, out->note_size,
		         "%.10g is negative; capped needs a value >= 0", v);
		return;
	}
	out->fraction = (v < st->cap ? v : st->cap) / st->cap;
	out->raw = v;
	out->has_raw = 1;
	snprintf(out->note, out->note_size, "%.10g of %.10g", v, st->cap);
	if (v < st->cap)
		capped_hint(st, out);
}

/* Frees what prepare allocated. */
static void capped_release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "capped", .version = "1.1",
                    .summary = "share of a cap reached by a numeric input",
                    .params_doc = "input: numeric input id, the value "
                                  "measured\n"
                                  "cap: number > 0, the value that earns "
                                  "full points; f = min(input, cap) / cap\n",
                    .prepare = capped_prepare, .compute = capped_compute,
                    .release = capped_release)
