/*
 * fuzz_model.c - libFuzzer target: a model's text (YAML, or JSON when it
 * starts with '{') through model_load_buffer() with the built-in plugins
 * of the build tree, so that every method's prepare() sees hostile
 * parameters too.
 *
 * The registry is made once and kept across inputs: plugin_registry_get()
 * caches each plugin after its first dlopen. Every model and diag is freed
 * per input (LeakSanitizer is on). Built by "make fuzz" (configure
 * CC=clang --enable-fuzzing); see tests/fuzz/README.
 */
#include "eval/host.h"
#include "model/model.h"
#include "plugin/plugin_loader.h"
#include "util/diag.h"
#include "util/strbuf.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static plugin_registry *reg;

/* The names of the plugins in the search path, for preload(). */
static char names[64][64];
static size_t nnames;

static void collect(void *arg, const char *path, const plugin_info *pi,
                    const char *refusal, int shadowed)
{
	const char *base = strrchr(path, '/');
	size_t len;

	(void)arg;
	(void)pi;
	(void)refusal;
	base = base ? base + 1 : path;
	len = strlen(base);
	if (shadowed || nnames == 64 || len < 4 || len - 3 >= 64)
		return;
	memcpy(names[nnames], base, len - 3); /* without ".so" */
	names[nnames][len - 3] = '\0';
	nnames++;
}

/* Loads every plugin before fuzzing starts, so that libFuzzer sees the
 * coverage counters of plugins built with -fsanitize=fuzzer-no-link (see
 * README) from the first input. */
static void preload(void)
{
	size_t i;

	plugin_registry_scan(reg, collect, NULL);
	for (i = 0; i < nnames; i++) {
		strbuf err = STRBUF_INIT;

		(void)plugin_registry_get(reg, names[i], &err);
		strbuf_release(&err);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("CHISO_FUZZ_PLUGIN_DIR");

	(void)argc;
	(void)argv;
	reg = plugin_registry_new(&host_api);
	plugin_registry_add_dir(
	        reg, dir && *dir ? dir : CHISO_BUILD_DIR "/plugins/.libs");
	preload();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag d = DIAG_INIT;
	chiso_model *m;
	const char *path =
	        size > 0 && data[0] == '{' ? "fuzz.json" : "fuzz.yaml";
	/* An exact-size copy: no NUL after the text, so that a read past
	 * len is caught. */
	char *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	if (size)
		memcpy(buf, data, size);
	m = model_load_buffer(path, buf, size, reg, &d);
	if (m) {
		/* The look-ups commands make on a loaded model. */
		size_t i;

		for (i = 0; i < m->ninputs; i++)
			if (model_input_slot(m, m->inputs[i].id) != (int)i)
				abort();
		for (i = 0; i < m->nviews; i++)
			(void)model_view_index(m, m->views[i].id);
	}
	model_free(m);
	diag_free(&d);
	free(buf);
	return 0;
}
