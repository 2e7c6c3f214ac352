# abi-major.sh - a plugin built for another plugin ABI major (2.0) is
# refused when a model uses it: exit 2, the file and both ABIs named.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/abi_major.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/abi_major.la)"
plugin_dir "$so" abi_major
method_model "$TMP/model.yaml" abi_major abi-major

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/abi_major.so: refused: built for plugin ABI 2.0, this chiso speaks ABI 1.4; rebuild the plugin"
exit 0
