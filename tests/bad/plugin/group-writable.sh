# group-writable.sh - a plugin file others may write is refused, even
# a genuine one: the message names the file, the mode and the fix. chiso
# checks the mode bits, so this holds for root too.
. "$srcdir/tests/lib.sh"
set -e

mkdir "$TMP/p"
chmod 755 "$TMP/p"
cp "$PLUGIN_DIR/ratio.so" "$TMP/p/ratio.so"
chmod 664 "$TMP/p/ratio.so"
cat >"$TMP/model.yaml" <<'YAML'
model:
  id: group-writable
  version: "1"
  title: "ratio from a group-writable file"
inputs:
  officials_total: { type: integer, min: 0 }
  officials_with_pc: { type: integer, min: 0, max: officials_total }
indices:
  - id: "1"
    name: "Computers"
    points: 10
    method: ratio
    params: { numerator: officials_with_pc, denominator: officials_total }
YAML

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:12:13: indicator 1: $TMP/p/ratio.so: refused: the file is group- or world-writable (mode 0664); fix with: chmod go-w $TMP/p/ratio.so"

# The same file world-writable (and not group-writable) is refused too.
chmod 646 "$TMP/p/ratio.so"
run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "$TMP/p/ratio.so: refused: the file is group- or world-writable (mode 0646)"

# Fixed as the message says, the model validates.
chmod go-w "$TMP/p/ratio.so"
run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 0
expect_out "model.yaml: ok: group-writable 1"
exit 0
