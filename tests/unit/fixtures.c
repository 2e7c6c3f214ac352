/*
 * fixtures.c - shared helpers of the unit tests.
 */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *fixture_plugin_dir(void)
{
	const char *env = getenv("PLUGIN_DIR");

	return env && *env ? env : CHISO_BUILD_DIR "/plugins/.libs";
}

const char *fixture_test_plugin_dir(void)
{
	const char *env = getenv("TEST_PLUGIN_DIR");

	return env && *env ? env : CHISO_BUILD_DIR "/tests/plugins/.libs";
}

plugin_registry *fixture_registry(void)
{
	plugin_registry *reg = plugin_registry_new();

	plugin_registry_add_dir(reg, fixture_plugin_dir());
	return reg;
}

chiso_model *fixture_model(plugin_registry *reg, const char *yaml, diag *d)
{
	return model_load_buffer("test.yaml", yaml, strlen(yaml), reg, d);
}

int fixture_diag_has(const diag *d, const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (strstr(d->items[i].text, text))
			return 1;
	return 0;
}

void fixture_diag_dump(const diag *d)
{
	diag_print(d, stderr);
}
