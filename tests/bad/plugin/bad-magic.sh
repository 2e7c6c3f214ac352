# bad-magic.sh - a descriptor without the CHSO magic is refused.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/bad_magic.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/bad_magic.la)"
plugin_dir "$so" bad_magic
method_model "$TMP/model.yaml" bad_magic bad-magic

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/bad_magic.so: refused: bad magic 0x12345678: not a chiso plugin descriptor"
exit 0
