# no-entry.sh - a shared object without chiso_plugin_entry is refused.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/no_entry.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/no_entry.la)"
plugin_dir "$so" no_entry
method_model "$TMP/model.yaml" no_entry no-entry

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/no_entry.so: refused: no chiso_plugin_entry symbol: not a chiso plugin"
exit 0
