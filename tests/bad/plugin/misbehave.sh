# misbehave.sh - a plugin that breaks the compute contract (fraction out
# of range, NaN, an unknown status, an infinite raw value, a note without
# its NUL) costs only its own indicator: status error, a problem naming
# the unit, the indicator and the plugin; the other indicators are scored,
# the results are written and chiso exits 1.
. "$srcdir/tests/lib.sh"
set -e

so="$TEST_PLUGIN_DIR/misbehave.so"
[ -f "$so" ] || fail "$so is not built (make tests/plugins/misbehave.la)"
plugin_dir "$so" misbehave
cat >"$TMP/model.yaml" <<'YAML'
model:
  id: misbehave
  version: "1"
  title: "Indicators scored by a faulty plugin"
inputs:
  plan_issued: { type: boolean }
indices:
  - id: "1"
    name: "Faults"
    points: 60
    children:
      - { id: "1.1", name: "ok", points: 10, method: misbehave, params: { mode: ok } }
      - { id: "1.2", name: "range", points: 10, method: misbehave, params: { mode: range } }
      - { id: "1.3", name: "nan", points: 10, method: misbehave, params: { mode: nan } }
      - { id: "1.4", name: "status", points: 10, method: misbehave, params: { mode: status } }
      - { id: "1.5", name: "rawinf", points: 10, method: misbehave, params: { mode: rawinf } }
      - { id: "1.6", name: "note", points: 10, method: misbehave, params: { mode: note } }
  - id: "2"
    name: "Plan"
    points: 10
    method: boolean
    params: { input: plan_issued }
YAML
cat >"$TMP/unit.yaml" <<'YAML'
unit: { code: "MB", name: "Faulty plugin" }
values:
  plan_issued: true
YAML

run_chiso evaluate -P "$TMP/p" -f json -o "$TMP/results.json" \
	"$TMP/model.yaml" "$TMP/unit.yaml"
expect_rc 1
expect_err "unit.yaml:1:1: unit MB: indicator 1.2 (method misbehave): plugin 'misbehave' returned fraction 1.5, outside [0, 1]"
expect_err "unit.yaml:1:1: unit MB: indicator 1.3 (method misbehave): plugin 'misbehave' returned fraction "
expect_err "unit.yaml:1:1: unit MB: indicator 1.4 (method misbehave): plugin 'misbehave' returned status 7, not ok, na or error"
expect_err "unit.yaml:1:1: unit MB: indicator 1.5 (method misbehave): plugin 'misbehave' returned a raw value that is not finite"
expect_err "unit.yaml:1:1: unit MB: indicator 1.6 (method misbehave): plugin 'misbehave' wrote a note without its final NUL"
if grep -F -q "indicator 1.1 " "$TMP/err"; then
	cat "$TMP/err" >&2
	fail "the well-behaved indicator 1.1 was reported"
fi
[ -s "$TMP/results.json" ] || fail "no results written"
# The good indicators are scored: 1.1 half of 10, 2 all of 10.
grep -F -q '{"id": "1.1", "points": 5, "max": 10' "$TMP/results.json" ||
	fail "indicator 1.1 not scored 5 of 10 in $TMP/results.json"
grep -F -q '{"id": "2", "points": 10, "max": 10' "$TMP/results.json" ||
	fail "index 2 not scored 10 of 10"
grep -F -q '{"id": "1.2", "points": 0, "max": 10, "value": 0, "status": "error"' \
	"$TMP/results.json" || fail "indicator 1.2 is not an error worth 0"
exit 0
