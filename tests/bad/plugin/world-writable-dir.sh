# world-writable-dir.sh - a plugin in a directory others may write to is
# refused (anyone could replace it); the fix names the directory.
. "$srcdir/tests/lib.sh"
set -e

mkdir "$TMP/p"
cp "$PLUGIN_DIR/boolean.so" "$TMP/p/boolean.so"
chmod 644 "$TMP/p/boolean.so"
chmod 777 "$TMP/p"
method_model "$TMP/model.yaml" boolean world-writable-dir

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/boolean.so: refused: its directory is group- or world-writable (mode 0777)"
# The fix must name the directory, not the file in it.
expect_err "fix with: chmod go-w $TMP/p"
if grep -F -q -- "chmod go-w $TMP/p/boolean.so" "$TMP/err"; then
	cat "$TMP/err" >&2
	fail "the fix for a writable directory names the file instead of $TMP/p"
fi

# The sticky bit (as on /tmp) does not make it safe.
chmod 1777 "$TMP/p"
run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "$TMP/p/boolean.so: refused: its directory is group- or world-writable (mode 1777)"
chmod 755 "$TMP/p"
exit 0
