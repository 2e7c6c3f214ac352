# abi-minor.sh - a plugin built for a newer minor ABI (1.99) is refused:
# it may call host services this chiso does not have.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/abi_minor.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/abi_minor.la)"
mkdir "$TMP/p"
chmod 755 "$TMP/p"
cp "$so" "$TMP/p/abi_minor.so"
chmod 644 "$TMP/p/abi_minor.so"
cat >"$TMP/model.yaml" <<'YAML'
model:
  id: abi-minor
  version: "1"
  title: "A method from a plugin of a newer ABI minor"
inputs:
  plan_issued: { type: boolean }
indices:
  - id: "1"
    name: "Plan"
    points: 10
    method: abi_minor
    params: { input: plan_issued }
YAML

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/abi_minor.so: refused: built for plugin ABI 1.99, newer than this chiso's 1.0; upgrade chiso"
exit 0
