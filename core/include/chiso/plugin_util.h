/*
 * chiso/plugin_util.h - helpers every method plugin needs: params read
 * and checked, inputs bound, notes, hints and errors written. The
 * built-in plugins use it; it is installed with <chiso/plugin.h>.
 *
 * Header-only (static inline functions, names cpu_*) so that every
 * plugin stays one self-contained shared object: nothing here links
 * against the host, every host service is reached through the
 * chiso_host_api table, and a service newer than ABI 1.0 is checked with
 * CHISO_HOST_HAS() first. Works from C and C++.
 *
 * Ownership: every pointer a function here returns is borrowed from the
 * host (valid as its doc says) or is the caller's own buffer.
 */
#ifndef CHISO_PLUGIN_UTIL_H
#define CHISO_PLUGIN_UTIL_H

#include <chiso/plugin.h>

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define CPU_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CPU_PRINTF(f, a)
#endif

/* The run's language (ABI 1.4): "vi" or "en", and "en" on an older
 * host. A static string. Prepare only: keep the choice in state. */
static inline const char *cpu_language(const chiso_host_api *host,
                                       chiso_prepare_ctx *ctx)
{
	const char *lang = NULL;

	if (CHISO_HOST_HAS(host, language))
		lang = host->language(ctx);
	return lang ? lang : "en";
}

/* 1 when the run speaks Vietnamese (cpu_language() is "vi"). */
static inline int cpu_is_vi(const chiso_host_api *host, chiso_prepare_ctx *ctx)
{
	return strcmp(cpu_language(host, ctx), "vi") == 0;
}

/* Where to report a problem of the params map as a whole: the map, or
 * the indicator itself when the model gave no params. */
static inline const chiso_param *cpu_where(const chiso_host_api *host,
                                           const chiso_param *params)
{
	return host->param_count(params) > 0 ? params : NULL;
}

/* The indicator's params after checking its keys against allowed;
 * sets *bad on an unknown key. NULL (reported) when not a map. */
static inline const chiso_param *cpu_params(const chiso_host_api *host,
                                            chiso_prepare_ctx *ctx,
                                            const char *const *allowed,
                                            int *bad)
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
static inline const chiso_param *cpu_require(const chiso_host_api *host,
                                             chiso_prepare_ctx *ctx,
                                             const chiso_param *params,
                                             const char *key, const char *hint)
{
	const chiso_param *node = host->param_get(params, key);

	if (!node)
		host->error(ctx, cpu_where(host, params),
		            cpu_is_vi(host, ctx)
		                    ? "thiếu tham số bắt buộc \"%s\"; %s"
		                    : "missing required param \"%s\"; %s",
		            key, hint);
	return node;
}

/* Binds the input named by node (the value of key) to one of types;
 * returns the slot, or -1 after reporting. */
static inline int cpu_bind_node(const chiso_host_api *host,
                                chiso_prepare_ctx *ctx, const chiso_param *node,
                                const char *key, unsigned types)
{
	if (host->param_kind(node) != CHISO_PARAM_SCALAR) {
		host->error(
		        ctx, node,
		        cpu_is_vi(host, ctx)
		                ? "%s: phải là mã của một dữ liệu đầu vào (một "
		                  "tên trong inputs của bộ chỉ số), không phải "
		                  "danh sách hay ánh xạ"
		                : "%s: must be the id of one input (a name "
		                  "from "
		                  "the model's inputs), not a list or map",
		        key);
		return -1;
	}
	return host->bind_input(ctx, node, types, 0);
}

/* Binds the required input named under key of params; returns the
 * slot, or -1 after reporting. */
static inline int cpu_bind(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                           const chiso_param *params, const char *key,
                           unsigned types, const char *hint)
{
	const chiso_param *node = cpu_require(host, ctx, params, key, hint);

	if (!node)
		return -1;
	return cpu_bind_node(host, ctx, node, key, types);
}

/* Reads a fraction in [0, 1] at node into *out; returns 0, or -1 after
 * reporting (what names the value in the message). */
static inline int cpu_fraction(const chiso_host_api *host,
                               chiso_prepare_ctx *ctx, const chiso_param *node,
                               const char *what, double *out)
{
	if (host->param_number(ctx, node, what, out) != 0)
		return -1;
	if (*out < 0 || *out > 1) {
		host->error(
		        ctx, node,
		        cpu_is_vi(host, ctx)
		                ? "%s phải nằm trong khoảng từ 0 đến 1 (đang "
		                  "là "
		                  "%g); ghi phần điểm được hưởng, ví dụ 0.75 "
		                  "cho 75%%"
		                : "%s must be between 0 and 1 (got %g); write "
		                  "the "
		                  "share of the points, e.g. 0.75 for 75%%",
		        what, *out);
		return -1;
	}
	return 0;
}

/* Joins the choices of a bound choice input as "a, b, c" into buf,
 * ending in "..." when they do not fit. Returns buf. */
static inline char *cpu_choices(const chiso_host_api *host,
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
static inline CPU_PRINTF(2, 3) void cpu_note(chiso_outcome *out,
                                             const char *fmt, ...)
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
static inline CPU_PRINTF(3, 4) void cpu_note_add(chiso_outcome *out,
                                                 size_t *len, const char *fmt,
                                                 ...)
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
static inline CPU_PRINTF(2, 3) void cpu_fail(chiso_outcome *out,
                                             const char *fmt, ...)
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
static inline const char *cpu_input_id(const chiso_host_api *host,
                                       chiso_prepare_ctx *ctx, int slot)
{
	const char *id = NULL;

	if (CHISO_HOST_HAS(host, input_id))
		id = host->input_id(ctx, slot);
	return id ? id : "input";
}

/* Writes the hint (ABI 1.1): what input value would earn more. Does
 * nothing when the host's outcome has no hint buffer. */
static inline CPU_PRINTF(2, 3) void cpu_hint(chiso_outcome *out,
                                             const char *fmt, ...)
{
	va_list ap;

	if (!CHISO_OUTCOME_HAS(out, hint_size) || !out->hint ||
	    out->hint_size == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(out->hint, out->hint_size, fmt, ap);
	va_end(ap);
}

/* " for full points" or " for 0.75 of the points". */
static inline const char *cpu_for(double fraction, char *buf, size_t size)
{
	if (fraction >= 1)
		snprintf(buf, size, "for full points");
	else
		snprintf(buf, size, "for %.4g of the points", fraction);
	return buf;
}

/* --- notes built piece by piece, numbers without printf ---------------- */

/*
 * A note or hint built by appending pieces: the same text as cpu_note with
 * "%s" and "%.Pg" conversions, without printf's cost (formatting a double
 * through printf was most of an evaluation's time at national scale).
 * Appends stop silently when the buffer is full; the text is always
 * NUL-terminated. A cpu_text borrows the outcome's buffer.
 */
typedef struct cpu_text {
	char *buf;   /* NULL when the outcome has no such buffer */
	size_t size; /* bytes of buf */
	size_t len;  /* bytes written, NUL excluded */
} cpu_text;

/* Starts the outcome's note, empty. */
static inline cpu_text cpu_text_note(chiso_outcome *out)
{
	cpu_text t;

	t.buf = out->note_size ? out->note : NULL;
	t.size = t.buf ? out->note_size : 0;
	t.len = 0;
	if (t.buf)
		t.buf[0] = '\0';
	return t;
}

/* Starts the outcome's hint (ABI 1.1), empty; appends do nothing when
 * the host gave no hint buffer. */
static inline cpu_text cpu_text_hint(chiso_outcome *out)
{
	cpu_text t;

	t.buf = CHISO_OUTCOME_HAS(out, hint_size) && out->hint_size ? out->hint
	                                                            : NULL;
	t.size = t.buf ? out->hint_size : 0;
	t.len = 0;
	if (t.buf)
		t.buf[0] = '\0';
	return t;
}

/* Appends n bytes of s (cut where the buffer ends). */
static inline void cpu_put_n(cpu_text *t, const char *s, size_t n)
{
	if (!t->buf || t->len + 1 >= t->size)
		return;
	if (n > t->size - 1 - t->len)
		n = t->size - 1 - t->len;
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

/* Appends the string s. */
static inline void cpu_put(cpu_text *t, const char *s)
{
	cpu_put_n(t, s, strlen(s));
}

/* snprintf's "%.*g" into buf (32 bytes); the length written, cut to 31. */
static inline size_t cpu_printf_g(char *buf, double v, int prec)
{
	int n = snprintf(buf, 32, "%.*g", prec, v);

	return n < 0 ? 0 : n > 31 ? 31 : (size_t)n;
}

/*
 * Writes v as printf's "%.*g" with precision prec (1 to 15) does in the C
 * locale, into buf (at least 32 bytes); returns the length (a longer
 * text, of a precision outside 1 to 15, is cut to 31 bytes). Exact: the
 * digits are the correctly rounded ones. Values printf writes with an
 * exponent, and those whose scaled value lies too near a rounding tie to
 * decide in double arithmetic, are given to snprintf.
 */
static inline size_t cpu_format_g(char *buf, double v, int prec)
{
	static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,
	                               1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
	                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
	                               1e18, 1e19, 1e20, 1e21, 1e22};
	double a = fabs(v), t, fl, frac;
	unsigned long long n;
	char d[24];
	int e, k, nd, i;
	size_t len = 0;

	if (prec < 1 || prec > 15 || !isfinite(v) || (a != 0 && a < 1e-4) ||
	    a >= 1e15)
		return cpu_printf_g(buf, v, prec);
	if (signbit(v))
		buf[len++] = '-';
	if (a == 0) {
		buf[len++] = '0';
		buf[len] = '\0';
		return len;
	}
	/* e: the decimal exponent of a's leading digit, from the table. */
	for (e = 14; e > 0 && a < pow10[e]; e--)
		;
	if (a < 1)
		for (e = -1; e > -5 && a * pow10[-e] < 1; e--)
			;
	for (;;) {
		k = prec - 1 -
		    e; /* a * 10^k has prec digits before the point */
		if (k > 22 || k < -22)
			return cpu_printf_g(buf, v, prec);
		t = k >= 0 ? a * pow10[k] : a / pow10[-k];
		if (t >= pow10[prec - 1] - 0.5 || e <= -5)
			break;
		e--; /* the table's guess was one too high */
	}
	fl = floor(t);
	frac = t - fl;
	/* One rounding (the product) separates t from the exact value:
	 * within t * 2^-52 of a tie, let printf decide. */
	if (fabs(frac - 0.5) <= t * 0x1p-50 + 0x1p-60)
		return cpu_printf_g(buf, v, prec);
	n = (unsigned long long)fl + (frac > 0.5);
	if ((double)n >= pow10[prec]) { /* 9.99.. rounded up to 10.0.. */
		n /= 10;
		e++;
	}
	if (e < -4 || e >= prec)
		return cpu_printf_g(buf, v, prec);
	for (nd = 0; n > 0 || nd == 0; n /= 10)
		d[nd++] = (char)('0' + n % 10); /* least significant first */
	for (i = 0; i < nd && d[i] == '0'; i++)
		; /* trailing zeros of the fraction: %g drops them */
	/* digits d[nd-1] .. d[i]; the leading one at 10^e */
	if (e < 0) {
		buf[len++] = '0';
		buf[len++] = '.';
		for (k = -1; k > e; k--)
			buf[len++] = '0';
		for (k = nd - 1; k >= i; k--)
			buf[len++] = d[k];
	} else {
		for (k = nd - 1; k >= nd - 1 - e; k--)
			buf[len++] = k >= 0 ? d[k] : '0';
		if (nd - 1 - e > i) {
			buf[len++] = '.';
			for (k = nd - 2 - e; k >= i; k--)
				buf[len++] = d[k];
		}
	}
	buf[len] = '\0';
	return len;
}

/* Appends v as "%.*g" (see cpu_format_g). */
static inline void cpu_put_g(cpu_text *t, double v, int prec)
{
	char num[32];

	cpu_put_n(t, num, cpu_format_g(num, v, prec));
}

/* Appends "for full points" or "for 0.75 of the points" (as cpu_for),
 * in Vietnamese when vi ("để đạt đủ điểm", "để đạt 0.75 số điểm"). */
static inline void cpu_put_for_lang(cpu_text *t, double fraction, int vi)
{
	if (fraction >= 1) {
		cpu_put(t, vi ? "để đạt đủ điểm" : "for full points");
		return;
	}
	cpu_put(t, vi ? "để đạt " : "for ");
	cpu_put_g(t, fraction, 4);
	cpu_put(t, vi ? " số điểm" : " of the points");
}

/* Appends "for full points" or "for 0.75 of the points" (as cpu_for). */
static inline void cpu_put_for(cpu_text *t, double fraction)
{
	cpu_put_for_lang(t, fraction, 0);
}

/* --- ABI 1.3 services, with a fallback on older hosts ----------------- */

/* Binds the input with this id (a map key, or a default the plugin
 * chooses), reporting at node; returns the slot, or -1 after reporting.
 * On a host older than 1.3, which cannot bind by string, reports that
 * chiso must be upgraded. */
static inline int cpu_bind_id(const chiso_host_api *host,
                              chiso_prepare_ctx *ctx, const char *id,
                              const chiso_param *node, unsigned types,
                              unsigned flags)
{
	if (!CHISO_HOST_HAS(host, bind_input_id)) {
		host->error(ctx, node,
		            "this method needs chiso with plugin ABI 1.3 or "
		            "later (inputs named by map keys)");
		return -1;
	}
	return host->bind_input_id(ctx, id, node, types, flags);
}

/* The unit being computed (ABI 1.3): fills *info, all NULL on an older
 * host. The strings are borrowed, valid until compute returns. */
static inline void cpu_unit_info(const chiso_host_api *host,
                                 const chiso_unit *unit, chiso_unit_info *info)
{
	memset(info, 0, sizeof(*info));
	info->struct_size = (uint32_t)sizeof(*info);
	if (CHISO_HOST_HAS(host, unit_info))
		host->unit_info(unit, info);
}

/* What the model says of a bound input (ABI 1.3): fills *info and
 * returns 0; on an older host or for a bad slot returns -1 with the
 * bounds NAN and the id from cpu_input_id. */
static inline int cpu_input_info(const chiso_host_api *host,
                                 chiso_prepare_ctx *ctx, int slot,
                                 chiso_input_info *info)
{
	memset(info, 0, sizeof(*info));
	info->struct_size = (uint32_t)sizeof(*info);
	if (CHISO_HOST_HAS(host, input_info) &&
	    host->input_info(ctx, slot, info) == 0)
		return 0;
	info->min = info->max = NAN;
	info->id = info->label = cpu_input_id(host, ctx, slot);
	return -1;
}

/* Sets the missing-input hint (ABI 1.3); nothing on an older host. */
static inline void cpu_missing_hint(const chiso_host_api *host,
                                    chiso_prepare_ctx *ctx, const char *text)
{
	if (CHISO_HOST_HAS(host, missing_hint))
		host->missing_hint(ctx, text);
}

/* Logs from compute (ABI 1.3); nothing on an older host. */
static inline CPU_PRINTF(4, 5) void cpu_log(const chiso_host_api *host,
                                            const chiso_unit *unit, int level,
                                            const char *fmt, ...)
{
	va_list ap;

	if (!CHISO_HOST_HAS(host, vlog))
		return;
	va_start(ap, fmt);
	host->vlog(NULL, unit, level, fmt, ap);
	va_end(ap);
}

/* Scratch memory for this compute call (ABI 1.3): n bytes, or NULL past
 * CHISO_SCRATCH_MAX or on an older host. Owned by the host, freed when
 * compute returns. */
static inline void *cpu_alloc(const chiso_host_api *host,
                              const chiso_unit *unit, size_t n)
{
	return CHISO_HOST_HAS(host, alloc) ? host->alloc(unit, n) : NULL;
}

/* Writes printf-formatted text into a describe buffer; returns 0 (what
 * describe returns), or -1 when it did not fit. */
static inline CPU_PRINTF(3, 4) int cpu_describe(char *buf, size_t size,
                                                const char *fmt, ...)
{
	va_list ap;
	int w;

	va_start(ap, fmt);
	w = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return w < 0 || (size_t)w >= size ? -1 : 0;
}

/* 1 when lang (describe's) asks for Vietnamese. */
static inline int cpu_lang_vi(const char *lang)
{
	return lang && strcmp(lang, "vi") == 0;
}

#endif /* CHISO_PLUGIN_UTIL_H */
