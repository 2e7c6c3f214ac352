# no-entry.sh - a shared object without chiso_plugin_entry is refused.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/no_entry.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/no_entry.la)"
mkdir "$TMP/p"
chmod 755 "$TMP/p"
cp "$so" "$TMP/p/no_entry.so"
chmod 644 "$TMP/p/no_entry.so"
cat >"$TMP/model.yaml" <<'YAML'
model:
  id: no-entry
  version: "1"
  title: "A method from a shared object that is no plugin"
inputs:
  plan_issued: { type: boolean }
indices:
  - id: "1"
    name: "Plan"
    points: 10
    method: no_entry
    params: { input: plan_issued }
YAML

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/no_entry.so: refused: no chiso_plugin_entry symbol: not a chiso plugin"
exit 0
