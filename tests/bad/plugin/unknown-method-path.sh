# unknown-method-path.sh - a method no plugin provides: the message lists
# the whole search path in order (-P directories, CHISO_PLUGIN_PATH, the
# default directory).
. "$srcdir/tests/lib.sh"
set -e

mkdir "$TMP/p" "$TMP/q" "$TMP/env"
chmod 755 "$TMP/p" "$TMP/q" "$TMP/env"
method_model "$TMP/model.yaml" nosuch unknown-method-path

CHISO_PLUGIN_PATH="$TMP/env"
export CHISO_PLUGIN_PATH
run_chiso validate -P "$TMP/p" --plugin-dir "$TMP/q" "$TMP/model.yaml"
unset CHISO_PLUGIN_PATH
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: no plugin 'nosuch' (looked for nosuch.so in: $TMP/p, $TMP/q, $TMP/env, "
expect_err "/plugins/.libs); run 'chiso plugins' to list the methods found"
exit 0
