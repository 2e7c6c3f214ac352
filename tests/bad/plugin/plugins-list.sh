# plugins-list.sh - "chiso plugins" lists every refusal with its reason,
# still lists the plugins that load, and exits 2.
. "$srcdir/tests/lib.sh"
set -e

[ -f "$TEST_PLUGIN_DIR/abi_major.so" ] ||
	fail "$TEST_PLUGIN_DIR/abi_major.so is not built"
mkdir "$TMP/p"
chmod 755 "$TMP/p"
cp "$TEST_PLUGIN_DIR/abi_major.so" "$TMP/p/abi_major.so"
cp "$TEST_PLUGIN_DIR/no_entry.so" "$TMP/p/no_entry.so"
cp "$PLUGIN_DIR/ratio.so" "$TMP/p/rate.so"
cp "$PLUGIN_DIR/boolean.so" "$TMP/p/boolean.so"
cp "$PLUGIN_DIR/points.so" "$TMP/p/points.so"
ln -s "$PLUGIN_DIR/choice.so" "$TMP/p/choice.so"
chmod 644 "$TMP/p"/*.so
chmod 664 "$TMP/p/points.so"

run_chiso plugins -P "$TMP/p"
expect_rc 2
expect_out "Search path:"
expect_out "  $TMP/p"
expect_out "REFUSED: $TMP/p/abi_major.so: refused: built for plugin ABI 2.0, this chiso speaks ABI 1.4"
expect_out "REFUSED: $TMP/p/no_entry.so: refused: no chiso_plugin_entry symbol"
expect_out "REFUSED: $TMP/p/rate.so: refused: the descriptor names method 'ratio'; the file must be called ratio.so"
expect_out "REFUSED: $TMP/p/points.so: refused: the file is group- or world-writable (mode 0664)"
expect_out "REFUSED: $TMP/p/choice.so: refused: the plugin is a symbolic link"
# The good copy loads, and shadows the default directory's boolean.
expect_out "boolean 1.1 (ABI 1.4)  $TMP/p/boolean.so"
grep -A1 -F -- "/plugins/.libs/boolean.so" "$TMP/out" |
	grep -F -q "shadowed by a plugin of the same name earlier in the path" ||
	fail "the default boolean.so is not listed as shadowed"
expect_out "5 refused"

# Only good plugins: exit 0.
rm -f "$TMP/p"/*.so
cp "$PLUGIN_DIR/boolean.so" "$TMP/p/boolean.so"
chmod 644 "$TMP/p/boolean.so"
run_chiso plugins -P "$TMP/p"
expect_rc 0
expect_out "0 refused"
exit 0
