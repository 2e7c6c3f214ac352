# not-a-plugin.sh - a shared object that does not export
# chiso_plugin_entry never runs in chiso: its symbols are read from the
# file before any dlopen, so its constructor (which creates a marker
# file) does not run, whether "chiso plugins" lists it, "plugin check"
# checks it or a model names it.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/ctor.so"
plugin_dir "$so" ctor
CHISO_TEST_MARKER="$TMP/ran"
export CHISO_TEST_MARKER

run_chiso plugins -P "$TMP/p"
expect_rc 2
expect_out "REFUSED: $TMP/p/ctor.so: refused: no chiso_plugin_entry symbol: not a chiso plugin"
[ ! -e "$TMP/ran" ] || fail "chiso plugins ran the constructor of a non-plugin"

run_chiso plugin check "$TMP/p/ctor.so"
expect_rc 2
expect_err "refused: no chiso_plugin_entry symbol"
[ ! -e "$TMP/ran" ] || fail "chiso plugin check ran the constructor of a non-plugin"

method_model "$TMP/model.yaml" ctor not-a-plugin
run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "$TMP/p/ctor.so: refused: no chiso_plugin_entry symbol"
[ ! -e "$TMP/ran" ] || fail "validate ran the constructor of a non-plugin"

# Not an ELF file at all, or cut short: refused as such, not loaded.
printf 'not a library\n' >"$TMP/p/text.so"
run_chiso plugin check "$TMP/p/text.so"
expect_rc 2
expect_err "$TMP/p/text.so: refused: not a shared object chiso can load: not an ELF file"
head -c 100 "$so" >"$TMP/p/short.so"
run_chiso plugin check "$TMP/p/short.so"
expect_rc 2
expect_err "$TMP/p/short.so: refused: not a shared object chiso can load:"

# The control: loaded by anything, its constructor does create the marker
# (so the checks above could fail).
env LD_PRELOAD="$so" true
[ -e "$TMP/ran" ] || fail "the constructor did not run even when preloaded"
exit 0
