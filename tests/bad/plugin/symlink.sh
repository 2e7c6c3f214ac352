# symlink.sh - a plugin reached through a symbolic link is refused, even
# when the link points at a genuine plugin.
. "$srcdir/tests/lib.sh"
set -e

mkdir "$TMP/p"
chmod 755 "$TMP/p"
ln -s "$PLUGIN_DIR/boolean.so" "$TMP/p/boolean.so"
method_model "$TMP/model.yaml" boolean symlink

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/boolean.so: refused: the plugin is a symbolic link; install the file itself"

# A dangling link is refused as well, not skipped.
rm "$TMP/p/boolean.so"
ln -s "$TMP/nowhere.so" "$TMP/p/boolean.so"
run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "$TMP/p/boolean.so: refused: the plugin is a symbolic link"
exit 0
