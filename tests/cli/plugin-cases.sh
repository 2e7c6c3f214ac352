# plugin-cases.sh - "chiso plugin test": every built-in method passes its
# cases file (plugins/tests/METHOD.cases.yaml); a file with wrong
# expectations exits 1 with a FAIL line naming each failing case; a
# cases file with a typo exits 2 with the typo's FILE:LINE:COL.
. "$srcdir/tests/lib.sh"
set -e

for m in bands boolean choice fraction parts points ratio target; do
	cases="$srcdir/plugins/tests/$m.cases.yaml"
	run_chiso plugin test "$PLUGIN_DIR/$m.so" "$cases"
	expect_rc 0
	expect_out_re "^plugin $m [0-9.]+ \(ABI [0-9]+\.[0-9]+\), [0-9]+ cases from "
	expect_out_re "^[1-9][0-9]* passed, 0 failed$"
	# Every case has its line, and the count is the number of cases.
	n=$(grep -c '^  - name:' "$cases")
	expect_out "$n passed, 0 failed"
	[ "$(grep -c '^ok   ' "$TMP/out")" -eq "$n" ] || fail "$m: not $n ok lines"
done

# Wrong expectations: exit 1, one FAIL line per failing case.
cases="$srcdir/tests/cli/data/plugin-cases-failing.yaml"
run_chiso plugin test "$PLUGIN_DIR/ratio.so" "$cases"
expect_rc 1
expect_out "ok   right"
expect_out "FAIL wrong fraction: expected fraction 0.6, got 0.5"
expect_out "FAIL wrong status: expected status ok, got na (note \"0/0: denominator is 0, not applicable\")"
expect_out "FAIL wrong note: expected note containing \"target 1)\", got \"1/2 = 0.5 (target 0.8)\""
expect_out "FAIL no prepare error: expected a prepare error containing \"missing required param\", got none: the model loaded"
expect_out "FAIL unexpected prepare error: expected the model to load, got prepare errors"
# The plugin's message, placed at the param in the cases file.
expect_out "plugin-cases-failing.yaml:29:57: indicator 1 (method ratio): unknown input 'staff_totl'; did you mean 'staff_total'?"
expect_out "1 passed, 5 failed"

# -v shows what each case got.
run_chiso plugin test -v "$PLUGIN_DIR/ratio.so" "$cases"
expect_rc 1
expect_out "     got: status ok, fraction 0.5, raw 0.5, note \"1/2 = 0.5 (target 1)\", hint \"staff_with_email >= 2 (1 of 2) for full points\""

# A typo in the cases file is an error at its place: nothing runs.
cat >"$TMP/typo.yaml" <<'YAML'
inputs:
  n: { type: integer, min: 0 }
  d: { type: integer, min: 0 }
cases:
  - name: "half"
    params: { numerator: n, denominator: d }
    values: { n: 1, dd: 2 }
    expect: { fractoin: 0.5 }
  - nmae: "other"
    expect: {}
YAML
run_chiso plugin test "$PLUGIN_DIR/ratio.so" "$TMP/typo.yaml"
expect_rc 2
expect_err "typo.yaml:7:21: unknown key 'dd' in values (the inputs of this file); did you mean 'd'?"
expect_err "typo.yaml:8:15: unknown key 'fractoin' in expect; did you mean 'fraction'?"
expect_err "typo.yaml:9:5: unknown key 'nmae' in a case; did you mean 'name'?"
expect_err "typo.yaml:9:5: a case: missing required key 'name'"
[ ! -s "$TMP/out" ] || fail "cases ran despite errors in the file"

# Wrong kinds and values of expectations are errors too.
cat >"$TMP/kinds.yaml" <<'YAML'
inputs: { n: { type: integer } }
points: "10"
missing: sometimes
cases:
  - name: "a"
    expect: { status: fine, fraction: 2, tolerance: -1 }
  - name: "a"
    expect: { prepare_error: "x", note: "y" }
YAML
run_chiso plugin test "$PLUGIN_DIR/ratio.so" "$TMP/kinds.yaml"
expect_rc 2
expect_err "kinds.yaml:2:9: points must be a number, not the quoted text \"10\""
expect_err "kinds.yaml:3:10: missing must be one of: zero, exclude, error"
expect_err "kinds.yaml:6:23: expect.status must be one of: ok, na, error, missing"
expect_err "kinds.yaml:6:39: expect.fraction must be between 0 and 1 (got 2)"
expect_err "kinds.yaml:6:53: expect.tolerance must be 0 or more (got -1)"
expect_err "kinds.yaml:8:13: expect: prepare_error stands alone"
expect_err "kinds.yaml:7:11: case name \"a\" is used twice (line 5 first)"

# A JSON cases file works the same.
cat >"$TMP/cases.json" <<'JSON'
{"inputs": {"n": {"type": "integer", "min": 0}, "d": {"type": "integer", "min": 0}},
 "points": 10,
 "cases": [
  {"name": "half", "params": {"numerator": "n", "denominator": "d"},
   "values": {"n": 1, "d": 2}, "expect": {"fraction": 0.5, "raw": 0.5}},
  {"name": "bad target", "params": {"numerator": "n", "denominator": "d", "target": -1},
   "expect": {"prepare_error": "target must be greater than 0"}}]}
JSON
run_chiso plugin test -v "$PLUGIN_DIR/ratio.so" "$TMP/cases.json"
expect_rc 0
expect_out "2 passed, 0 failed"
expect_out "cases.json:6:85: indicator 1 (method ratio): target must be greater than 0"

# Usage and file errors: exit 2.
run_chiso plugin test "$PLUGIN_DIR/ratio.so"
expect_rc 2
expect_err "test takes FILE.so and CASES.yaml"
run_chiso plugin test "$PLUGIN_DIR/ratio.so" "$TMP/nowhere.yaml"
expect_rc 2
expect_err "nowhere.yaml"
run_chiso plugin test "$TMP/nowhere.so" "$cases"
expect_rc 2
expect_err "nowhere.so"
exit 0
