# bad-magic.sh - a descriptor without the CHSO magic is refused.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/bad_magic.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/bad_magic.la)"
mkdir "$TMP/p"
chmod 755 "$TMP/p"
cp "$so" "$TMP/p/bad_magic.so"
chmod 644 "$TMP/p/bad_magic.so"
cat >"$TMP/model.yaml" <<'YAML'
model:
  id: bad-magic
  version: "1"
  title: "A method from a plugin with a wrong magic"
inputs:
  plan_issued: { type: boolean }
indices:
  - id: "1"
    name: "Plan"
    points: 10
    method: bad_magic
    params: { input: plan_issued }
YAML

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:11:13: indicator 1: $TMP/p/bad_magic.so: refused: bad magic 0x12345678: not a chiso plugin descriptor"
exit 0
