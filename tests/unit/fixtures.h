/*
 * fixtures.h - helpers shared by the unit tests that need models, data
 * and plugins: load a model or data from text, find the built plugins.
 */
#ifndef CHISO_TEST_FIXTURES_H
#define CHISO_TEST_FIXTURES_H

#include "eval/batch.h"
#include "model/model.h"
#include "plugin/plugin_loader.h"
#include "util/diag.h"

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

/* 1 when one entry of d contains both a and b (a place and a message
 * whose wording may grow). */
/* Entries of d other than the warnings of missing required values
 * (eval/missing.h: "...: missing: ...", "...: empty: ...", "no column
 * '...'") and of likely fractions in percent inputs: what a test of
 * something else expects none of. */
size_t fixture_diag_others(const diag *d);

int fixture_diag_has2(const diag *d, const char *a, const char *b);

/*
 * 1 when one entry of d matches want, a message "PLACE: TEXT; HINT": the
 * entry must start with PLACE (want up to its first ": ", so that the
 * file, line and column are checked exactly) and contain TEXT (up to the
 * first ';'), so that a hint may be reworded without breaking a test.
 */
int fixture_diag_has_msg(const diag *d, const char *want);

/* Prints d to stderr (for failing tests). */
void fixture_diag_dump(const diag *d);

/* Loads data from YAML text (or JSON when path ends in .json) into b,
 * named path in messages. Returns data_load_buffer's result. */
int fixture_data(batch *b, const char *path, const char *text, diag *d);

/* Index of the unit with this code in b, or -1. */
int fixture_unit(const batch *b, const char *code);

/* Node index of the node with this id (aborts the test program when the
 * model has none: a typo in a test). */
size_t fixture_node(const chiso_model *m, const char *id);

/* Leaf position (index into the leaf arrays) of the indicator id. */
size_t fixture_leaf(const chiso_model *m, const char *id);

/* The note of indicator id for unit u of an evaluated batch. Borrowed. */
const char *fixture_note(const batch *b, size_t u, const char *id);

/* 1 when some problem of unit u contains text. */
int fixture_problem_has(const batch *b, size_t u, const char *text);

/* Number of problems of unit u. */
size_t fixture_problem_count(const batch *b, size_t u);

/* Prints the problems of every unit of b to stderr (for failing tests). */
void fixture_problems_dump(const batch *b);

/* A new private temporary directory (mode 0700); caller frees the string
 * and removes the directory with fixture_rmtree(). NULL on failure. */
char *fixture_tmpdir(void);

/* Removes dir and the files directly in it (no recursion). */
void fixture_rmtree(const char *dir);

/* Copies src to dst and sets dst's mode. Returns 0 or -1. */
int fixture_copy_file(const char *src, const char *dst, unsigned mode);

/* Reads the source-tree file rel ("criteria/example-district.yaml")
 * from $srcdir, or the compiled-in build directory, into a new
 * NUL-terminated buffer (caller frees). NULL when it cannot be read. */
char *fixture_read_source(const char *rel, size_t *len);

/* The example model criteria/example-district.yaml, loaded through reg
 * (messages name it "criteria/example-district.yaml"). NULL on errors. */
chiso_model *fixture_example_model(plugin_registry *reg, diag *d);

#endif
