# name-mismatch.sh - a plugin whose descriptor names another method than
# its file name is refused: the method a model names must be the file.
. "$srcdir/tests/lib.sh"
set -e

plugin_dir "$PLUGIN_DIR/ratio.so" rate
cat >"$TMP/model.yaml" <<'YAML'
model:
  id: name-mismatch
  version: "1"
  title: "ratio installed as rate.so"
inputs:
  officials_total: { type: integer, min: 0 }
  officials_with_pc: { type: integer, min: 0, max: officials_total }
indices:
  - id: "1"
    name: "Computers"
    points: 10
    method: rate
    params: { numerator: officials_with_pc, denominator: officials_total }
YAML

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:12:13: indicator 1: $TMP/p/rate.so: refused: the descriptor names method 'ratio'; the file must be called ratio.so"
exit 0
