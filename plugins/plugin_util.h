/*
 * plugin_util.h - small helpers shared by the built-in method plugins.
 *
 * Header-only (static inline) so that every plugin stays one
 * self-contained shared object: nothing here links against the host,
 * every host service is reached through the chiso_host_api table.
 */
#ifndef CHISO_PLUGIN_UTIL_H
#define CHISO_PLUGIN_UTIL_H

#include <chiso/plugin.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define PU_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PU_PRINTF(f, a)
#endif

/* Where to report a problem of the params map as a whole: the map, or
 * the indicator itself when the model gave no params. */
static inline const chiso_param *pu_where(const chiso_host_api *host,
                                          const chiso_param *params)
{
	return host->param_count(params) > 0 ? params : NULL;
}

/* The indicator's params after checking its keys against allowed;
 * sets *bad on an unknown key. NULL (reported) when not a map. */
static inline const chiso_param *pu_params(const chiso_host_api *host,
                                           chiso_prepare_ctx *ctx,
                                           const char *const *allowed, int *bad)
{
	const chiso_param *params = host->params(ctx);

	if (host->param_check_keys(ctx, params, allowed) != 0)
		*bad = 1;
	if (host->param_kind(params) != CHISO_PARAM_MAP)
		return NULL;
	return params;
}

/* The node under key of params, or NULL after reporting it missing;
 * hint says what to add. */
static inline const chiso_param *pu_require(const chiso_host_api *host,
                                            chiso_prepare_ctx *ctx,
                                            const chiso_param *params,
                                            const char *key, const char *hint)
{
	const chiso_param *node = host->param_get(params, key);

	if (!node)
		host->error(ctx, pu_where(host, params),
		            "missing required param \"%s\"; %s", key, hint);
	return node;
}

/* Binds the input named by node (the value of key) to one of types;
 * returns the slot, or -1 after reporting. */
static inline int pu_bind_node(const chiso_host_api *host,
                               chiso_prepare_ctx *ctx, const chiso_param *node,
                               const char *key, unsigned types)
{
	if (host->param_kind(node) != CHISO_PARAM_SCALAR) {
		host->error(ctx, node,
		            "%s: must be the id of one input (a name from the "
		            "model's inputs), not a list or map",
		            key);
		return -1;
	}
	return host->bind_input(ctx, node, types, 0);
}

/* Binds the required input named under key of params; returns the
 * slot, or -1 after reporting. */
static inline int pu_bind(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                          const chiso_param *params, const char *key,
                          unsigned types, const char *hint)
{
	const chiso_param *node = pu_require(host, ctx, params, key, hint);

	if (!node)
		return -1;
	return pu_bind_node(host, ctx, node, key, types);
}

/* Reads a fraction in [0, 1] at node into *out; returns 0, or -1 after
 * reporting (what names the value in the message). */
static inline int pu_fraction(const chiso_host_api *host,
                              chiso_prepare_ctx *ctx, const chiso_param *node,
                              const char *what, double *out)
{
	if (host->param_number(ctx, node, what, out) != 0)
		return -1;
	if (*out < 0 || *out > 1) {
		host->error(ctx, node,
		            "%s must be between 0 and 1 (got %g); write the "
		            "share of the points, e.g. 0.75 for 75%%",
		            what, *out);
		return -1;
	}
	return 0;
}

/* Joins the choices of a bound choice input as "a, b, c" into buf,
 * ending in "..." when they do not fit. Returns buf. */
static inline char *pu_choices(const chiso_host_api *host,
                               chiso_prepare_ctx *ctx, int slot, char *buf,
                               size_t size)
{
	size_t n = host->input_choice_count(ctx, slot);
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *c = host->input_choice(ctx, slot, i);
		int w = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
		                 c ? c : "?");

		if (w < 0 || (size_t)w >= size - len) {
			if (size >= 4)
				memcpy(buf + size - 4, "...", 4);
			break;
		}
		len += (size_t)w;
	}
	return buf;
}

/* Writes the printf-formatted note of an outcome (truncated to fit). */
static inline PU_PRINTF(2, 3) void pu_note(chiso_outcome *out, const char *fmt,
                                           ...)
{
	va_list ap;

	if (!out->note || out->note_size == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(out->note, out->note_size, fmt, ap);
	va_end(ap);
}

/* Appends printf-formatted text to the note, *len being its length so
 * far; stops silently once the buffer is full. */
static inline PU_PRINTF(3, 4) void pu_note_add(chiso_outcome *out, size_t *len,
                                               const char *fmt, ...)
{
	va_list ap;
	int w;

	if (!out->note || *len + 1 >= out->note_size)
		return;
	va_start(ap, fmt);
	w = vsnprintf(out->note + *len, out->note_size - *len, fmt, ap);
	va_end(ap);
	if (w < 0)
		return;
	*len += (size_t)w;
	if (*len >= out->note_size)
		*len = out->note_size - 1;
}

/* Marks the outcome as an error explained by the formatted note. */
static inline PU_PRINTF(2, 3) void pu_fail(chiso_outcome *out, const char *fmt,
                                           ...)
{
	va_list ap;

	out->status = CHISO_STATUS_ERROR;
	out->fraction = 0;
	out->raw = 0;
	out->has_raw = 0;
	if (!out->note || out->note_size == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(out->note, out->note_size, fmt, ap);
	va_end(ap);
}

/* The id of a bound input (ABI 1.1 host service), or "input" from an
 * older host. Borrowed, valid while the model is loaded. */
static inline const char *pu_input_id(const chiso_host_api *host,
                                      chiso_prepare_ctx *ctx, int slot)
{
	const char *id = NULL;

	if (host->struct_size >= offsetof(chiso_host_api, input_id) +
	                                 sizeof(host->input_id) &&
	    host->input_id)
		id = host->input_id(ctx, slot);
	return id ? id : "input";
}

/* Writes the hint (ABI 1.1): what input value would earn more. Does
 * nothing when the host's outcome has no hint buffer. */
static inline PU_PRINTF(2, 3) void pu_hint(chiso_outcome *out, const char *fmt,
                                           ...)
{
	va_list ap;

	if (out->struct_size < offsetof(chiso_outcome, hint_size) +
	                               sizeof(out->hint_size) ||
	    !out->hint || out->hint_size == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(out->hint, out->hint_size, fmt, ap);
	va_end(ap);
}

/* " for full points" or " for 0.75 of the points". */
static inline const char *pu_for(double fraction, char *buf, size_t size)
{
	if (fraction >= 1)
		snprintf(buf, size, "for full points");
	else
		snprintf(buf, size, "for %.4g of the points", fraction);
	return buf;
}

#endif /* CHISO_PLUGIN_UTIL_H */
