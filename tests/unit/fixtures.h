/*
 * fixtures.h - helpers shared by the unit tests that need models, data
 * and plugins: load a model or data from text, find the built plugins.
 */
#ifndef CHISO_TEST_FIXTURES_H
#define CHISO_TEST_FIXTURES_H

#include "batch.h"
#include "diag.h"
#include "model.h"
#include "plugin_loader.h"

/* The build tree's plugin directory ($PLUGIN_DIR, or the compiled-in
 * build directory's plugins/.libs). Borrowed (static or environment). */
const char *fixture_plugin_dir(void);

/* The directory of the test-only plugins ($TEST_PLUGIN_DIR, or the build
 * directory's tests/plugins/.libs). */
const char *fixture_test_plugin_dir(void);

/* A registry searching only fixture_plugin_dir(). Caller frees with
 * plugin_registry_free(). */
plugin_registry *fixture_registry(void);

/* Loads a model from YAML text, named "test.yaml" in messages. NULL on
 * errors (in d). Caller frees with model_free(). */
chiso_model *fixture_model(plugin_registry *reg, const char *yaml, diag *d);

/* 1 when some entry of d contains text. */
int fixture_diag_has(const diag *d, const char *text);

/* Prints d to stderr (for failing tests). */
void fixture_diag_dump(const diag *d);

#endif
