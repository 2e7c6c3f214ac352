# abi-major.sh - a plugin built for another plugin ABI major (2.0) is
# refused when a model uses it: exit 2, the file and both ABIs named.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/abi_major.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/abi_major.la)"
mkdir "$TMP/p"
chmod 755 "$TMP/p"
cp "$so" "$TMP/p/abi_major.so"
chmod 644 "$TMP/p/abi_major.so"
cat >"$TMP/model.yaml" <<'YAML'
model:
  id: abi-major
  version: "1"
  title: "A method from a plugin of another ABI major"
inputs:
  plan_issued: { type: boolean }
indices:
  - id: "1"
    name: "Plan"
    points: 10
    method: abi_major
    params: { input: plan_issued }
YAML

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/abi_major.so: refused: built for plugin ABI 2.0, this chiso speaks ABI 1.0; rebuild the plugin"
exit 0
