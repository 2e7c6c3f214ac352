/*
 * parts.c - the "parts" method: shares earned by boolean inputs.
 *
 * parts is a list of {input, share} over boolean inputs, the shares in
 * (0, 1] summing to 1; f = the sum of the shares whose input is true,
 * raw = the number of parts true.
 */
#include <chiso/plugin.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "builtin_i18n.h"

struct part {
	int slot;         /* the boolean input */
	double share;     /* share of the points, in (0, 1] */
	const char *name; /* input id: borrowed in prepare, then st->names */
};

struct parts_state {
	char *names;                      /* the input ids, NUL-separated */
	size_t n;                         /* number of parts, >= 1 */
	int vi;                           /* notes in Vietnamese */
	const char *of, *parts, *is_true; /* words of the note and hint */
	struct part p[];
};

static const char *const parts_keys[] = {"parts", NULL};
static const char *const part_keys[] = {"input", "share", NULL};

/* Reads the input of part i into *p; returns 0, or -1 after reporting. */
static int read_input(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                      const chiso_param *item, size_t i, struct parts_state *st)
{
	const chiso_param *node = host->param_get(item, "input");
	struct part *p = &st->p[i];

	if (!node) {
		host->error(ctx, item,
		            TP_("parts[%zu]: missing \"input\"; name a boolean "
		                "input, e.g. {input: has_portal, share: 0.5}"),
		            i);
		return -1;
	}
	p->slot = cpu_bind_node(host, ctx, node, "input", CHISO_INPUT_BOOLEAN);
	if (p->slot < 0)
		return -1;
	p->name = host->param_string(node);
	for (size_t j = 0; j < i; j++) {
		if (st->p[j].name && strcmp(st->p[j].name, p->name) == 0) {
			host->error(ctx, node,
			            TP_("parts[%zu]: input \"%s\" is already "
			                "counted "
			                "by parts[%zu]; list each input once"),
			            i, p->name, j);
			return -1;
		}
	}
	return 0;
}

/* Reads the share of part i into *p; returns 0, or -1 after reporting. */
static int read_share(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                      const chiso_param *item, size_t i, struct part *p)
{
	const chiso_param *node = host->param_get(item, "share");
	char what[48];

	if (!node) {
		host->error(ctx, item,
		            TP_("parts[%zu]: missing \"share\"; give the "
		                "fraction of the points this part earns, e.g. "
		                "share: 0.5"),
		            i);
		return -1;
	}
	snprintf(what, sizeof(what), TP_("parts[%zu] share"), i);
	if (host->param_number(ctx, node, what, &p->share) != 0)
		return -1;
	if (!(p->share > 0 && p->share <= 1)) {
		host->error(
		        ctx, node,
		        TP_("parts[%zu] share must be greater than 0 and at "
		            "most 1 (got %g); drop a part that earns nothing"),
		        i, p->share);
		return -1;
	}
	return 0;
}

/* Reads every part into st and checks the shares sum to 1; returns 0,
 * or -1 after reporting. */
static int read_parts(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                      const chiso_param *list, struct parts_state *st)
{
	int bad = 0, shares_ok = 1;
	double sum = 0, diff;

	for (size_t i = 0; i < st->n; i++) {
		const chiso_param *item = host->param_at(list, i);

		st->p[i].slot = -1;
		st->p[i].name = NULL;
		if (host->param_kind(item) != CHISO_PARAM_MAP) {
			host->error(
			        ctx, item,
			        TP_("parts[%zu]: must be a map {input: "
			            "<boolean "
			            "input>, share: <fraction>}, e.g. {input: "
			            "has_portal, share: 0.5}"),
			        i);
			bad = 1;
			shares_ok = 0;
			continue;
		}
		if (host->param_check_keys(ctx, item, part_keys) != 0)
			bad = 1;
		if (read_input(host, ctx, item, i, st) != 0)
			bad = 1;
		if (read_share(host, ctx, item, i, &st->p[i]) != 0) {
			bad = 1;
			shares_ok = 0;
		} else {
			sum += st->p[i].share;
		}
	}
	diff = sum - 1;
	if (shares_ok && (diff > 1e-9 || diff < -1e-9)) {
		host->error(ctx, list,
		            TP_("parts: shares must sum to 1 (they sum to "
		                "%.12g); adjust them so they add up to 1"),
		            sum);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* Copies the borrowed input ids into st->names; returns 0 or -1. */
static int copy_names(struct parts_state *st)
{
	size_t total = 0;
	char *q;

	for (size_t i = 0; i < st->n; i++)
		total += strlen(st->p[i].name) + 1;
	st->names = malloc(total);
	if (!st->names)
		return -1;
	q = st->names;
	for (size_t i = 0; i < st->n; i++) {
		size_t len = strlen(st->p[i].name) + 1;

		memcpy(q, st->p[i].name, len);
		st->p[i].name = q;
		q += len;
	}
	return 0;
}

/* Validates the params, binds the inputs and copies the parts. */
static int parts_prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                         void **state)
{
	const chiso_param *params, *list;
	struct parts_state *st = NULL;
	int bad = 0;
	size_t n = 0;

	params = cpu_params(host, ctx, parts_keys, &bad);
	if (!params)
		return -1;
	list = cpu_require(host, ctx, params, "parts",
	                   TP_("list the boolean inputs and their shares, "
	                       "e.g. parts: [{input: has_portal, share: 0.5}, "
	                       "{input: has_app, share: 0.5}]"));
	if (!list)
		return -1;
	if (host->param_kind(list) != CHISO_PARAM_LIST) {
		host->error(
		        ctx, list, "%s",
		        TP_("parts: must be a list of {input, share} maps, "
		            "e.g. [{input: has_portal, share: 0.5}, {input: "
		            "has_app, share: 0.5}]"));
		return -1;
	}
	n = host->param_count(list);
	if (n == 0) {
		host->error(
		        ctx, list, "%s",
		        TP_("parts: needs at least one {input, share} map, "
		            "e.g. [{input: has_portal, share: 0.5}, {input: "
		            "has_app, share: 0.5}]"));
		return -1;
	}
	if (n < (SIZE_MAX - sizeof(*st)) / sizeof(st->p[0]))
		st = malloc(sizeof(*st) + n * sizeof(st->p[0]));
	if (!st) {
		host->error(ctx, NULL, "%s", TP_("parts: out of memory"));
		return -1;
	}
	st->n = n;
	st->names = NULL;
	st->vi = cpu_is_vi(host, ctx);
	/* TRANSLATORS: "2 of 3 parts: has_portal, has_app" */
	st->of = T_(st->vi, " of ");
	/* TRANSLATORS: "2 of 3 parts: has_portal, has_app" */
	st->parts = T_(st->vi, " parts");
	/* TRANSLATORS: the hint "has_app = true (+0.5)": what a part adds */
	st->is_true = T_(st->vi, " = true (+");
	if (read_parts(host, ctx, list, st) != 0 || bad) {
		free(st);
		return -1;
	}
	if (copy_names(st) != 0) {
		host->error(ctx, NULL, "%s", TP_("parts: out of memory"));
		free(st);
		return -1;
	}
	*state = st;
	return 0;
}

/* Hints the parts not yet true, each with the share it would add. */
static void hint_missing(const chiso_host_api *host,
                         const struct parts_state *st, const chiso_unit *unit,
                         chiso_outcome *out)
{
	cpu_text t = cpu_text_hint(out);
	int b;

	for (size_t i = 0; i < st->n; i++) {
		if (host->get_bool(unit, st->p[i].slot, &b) !=
		            CHISO_VALUE_PRESENT ||
		    b)
			continue;
		if (t.len)
			cpu_put(&t, ", ");
		cpu_put(&t, st->p[i].name);
		cpu_put(&t, st->is_true);
		cpu_put_g(&t, st->p[i].share, 6);
		cpu_put(&t, ")");
	}
}

/* Scores one unit: the shares of the parts whose input is true. */
static void parts_compute(const chiso_host_api *host, const void *state,
                          const chiso_unit *unit, chiso_outcome *out)
{
	const struct parts_state *st = state;
	double sum = 0;
	const char *sep = ": ";
	size_t k = 0;
	cpu_text t;
	int b;

	for (size_t i = 0; i < st->n; i++) {
		if (host->get_bool(unit, st->p[i].slot, &b) !=
		    CHISO_VALUE_PRESENT) {
			cpu_fail(out, T_(st->vi, "input %s has no value"),
			         st->p[i].name);
			return;
		}
		if (b) {
			sum += st->p[i].share;
			k++;
		}
	}
	out->fraction = sum < 1 ? sum : 1;
	out->raw = (double)k;
	out->has_raw = 1;
	t = cpu_text_note(out);
	cpu_put_g(&t, (double)k, 15);
	cpu_put(&t, st->of);
	cpu_put_g(&t, (double)st->n, 15);
	cpu_put(&t, st->parts);
	for (size_t i = 0; i < st->n; i++) {
		if (host->get_bool(unit, st->p[i].slot, &b) !=
		            CHISO_VALUE_PRESENT ||
		    !b)
			continue;
		cpu_put(&t, sep);
		cpu_put(&t, st->p[i].name);
		sep = ", ";
	}
	hint_missing(host, st, unit, out);
}

/* Frees the state and its names. */
static void parts_release(const chiso_host_api *host, void *state)
{
	struct parts_state *st = state;

	(void)host;
	if (!st)
		return;
	free(st->names);
	free(st);
}

CHISO_PLUGIN_DEFINE(.name = "parts", .version = "1.1",
                    .summary = TN_("sum of the shares of the boolean inputs "
                                   "that are true"),
                    .params_doc = TN_(
                            "parts: list of {input, share}: a boolean input "
                            "id and its share of the points in (0, 1], the "
                            "shares summing to 1\n"),
                    .prepare = parts_prepare, .compute = parts_compute,
                    .release = parts_release)
