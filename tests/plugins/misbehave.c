/*
 * misbehave.c - a test plugin that breaks the compute contract on
 * purpose, chosen by the param "mode": "range" returns fraction 1.5,
 * "nan" returns NaN, "status" returns status 7, "rawinf" returns an
 * infinite raw value, "note" fills the whole note buffer without a NUL,
 * "note255" writes a note and a hint of 255 bytes each (the most they
 * hold), "note300" tries to write 300 bytes into each (snprintf cuts them
 * at the buffer's end), "ok" behaves (fraction 0.5). The host must turn each fault into status
 * error for that indicator, name the plugin, and go on.
 */
#include "chiso/plugin.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum mode {
	MODE_OK,
	MODE_RANGE,
	MODE_NAN,
	MODE_STATUS,
	MODE_RAWINF,
	MODE_NOTE,
	MODE_NOTE255,
	MODE_NOTE300
};

static int prepare(const chiso_host_api *host, chiso_prepare_ctx *ctx,
                   void **state)
{
	static const char *const keys[] = {"mode", NULL};
	static const char *const names[] = {"ok",      "range",  "nan",
	                                    "status",  "rawinf", "note",
	                                    "note255", "note300"};
	const chiso_param *p = host->params(ctx);
	const char *mode;
	enum mode *m;
	size_t i;

	if (host->param_check_keys(ctx, p, keys) < 0)
		return -1;
	mode = host->param_string(host->param_get(p, "mode"));
	if (!mode) {
		host->error(ctx, NULL, "missing param mode");
		return -1;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(mode, names[i]) == 0)
			break;
	if (i == sizeof(names) / sizeof(names[0])) {
		host->error(ctx, host->param_get(p, "mode"), "bad mode %s",
		            mode);
		return -1;
	}
	m = malloc(sizeof(*m));
	if (!m)
		return -1;
	*m = (enum mode)i;
	*state = m;
	return 0;
}

static void compute(const chiso_host_api *host, const void *state,
                    const chiso_unit *unit, chiso_outcome *out)
{
	const enum mode *m = state;

	(void)host;
	(void)unit;
	out->fraction = 0.5;
	switch (*m) {
	case MODE_OK:
		break;
	case MODE_RANGE:
		out->fraction = 1.5;
		break;
	case MODE_NAN:
		out->fraction = nan("");
		break;
	case MODE_STATUS:
		out->status = 7;
		break;
	case MODE_RAWINF:
		out->raw = HUGE_VAL;
		out->has_raw = 1;
		break;
	case MODE_NOTE:
		memset(out->note, 'x', out->note_size);
		break;
	case MODE_NOTE255:
	case MODE_NOTE300: {
		char text[301];
		size_t n = *m == MODE_NOTE255 ? 255 : 300;

		memset(text, 'n', n);
		text[n] = '\0';
		snprintf(out->note, out->note_size, "%s", text);
		if (out->struct_size >= offsetof(chiso_outcome, hint_size) +
		                                sizeof(out->hint_size) &&
		    out->hint) {
			memset(text, 'h', n);
			snprintf(out->hint, out->hint_size, "%s", text);
		}
		break;
	}
	}
}

static void release(const chiso_host_api *host, void *state)
{
	(void)host;
	free(state);
}

CHISO_PLUGIN_DEFINE(.name = "misbehave", .version = "1.0",
                    .summary = "breaks the compute contract (tests only)",
                    .params_doc = "mode: ok, range, nan, status, rawinf, "
                                  "note, note255 or note300\n",
                    .prepare = prepare, .compute = compute, .release = release)
