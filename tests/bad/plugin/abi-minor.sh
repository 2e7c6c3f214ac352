# abi-minor.sh - a plugin built for a newer minor ABI (1.99) is refused:
# it may call host services this chiso does not have.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/abi_minor.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/abi_minor.la)"
plugin_dir "$so" abi_minor
method_model "$TMP/model.yaml" abi_minor abi-minor

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/abi_minor.so: refused: built for plugin ABI 1.99, newer than this chiso's 1.4; upgrade chiso"
exit 0
