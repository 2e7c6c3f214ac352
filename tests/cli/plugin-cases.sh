# plugin-cases.sh - "chiso plugin test": every built-in method passes its
# cases file (plugins/tests/METHOD.cases.yaml; relative's cases give the
# other units of the batch, children's read plugins/tests/
# children-results.json, which must still be what its model and data
# give); a file with wrong expectations exits 1 with a FAIL line naming
# each failing case, also for a case with others; a cases file with a
# typo exits 2 with the typo's FILE:LINE:COL.
. "$srcdir/tests/lib.sh"
set -e

methods="bands boolean children choice fraction parts points ratio \
relative target"
for m in $methods; do
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

# Every built-in method has its cases file, run above.
for so in "$PLUGIN_DIR"/*.so; do
	m=$(basename "$so" .so)
	case " $methods " in
	*" $m "*) ;;
	*) fail "method $m has no plugins/tests/$m.cases.yaml run here" ;;
	esac
done

# children-results.json is the results of children-model.yaml on
# children-communes.yaml (as that model's comment says how to remake it),
# but for the versions of chiso and of the plugins.
(
	cd "$srcdir/plugins/tests"
	run_chiso evaluate -P "$PLUGIN_DIR" -f json children-model.yaml \
		children-communes.yaml
	expect_rc 0
)
unversioned() { sed -e '/"generator":/d' -e '/"abi":/d' "$1"; }
unversioned "$srcdir/plugins/tests/children-results.json" >"$TMP/kids-want"
unversioned "$TMP/out" >"$TMP/kids-got"
diff -u "$TMP/kids-want" "$TMP/kids-got" >&2 ||
	fail "plugins/tests/children-results.json is out of date: remake it"

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

# A case with others fails like any other: its own unit's outcome is
# compared (here 0.5 against the other's 80, not 1 as if alone); an
# other unit whose values are refused fails the case, at its place.
cat >"$TMP/others.yaml" <<'YAML'
inputs:
  x: { type: number }
points: 10
cases:
  - name: "right"
    params: { input: x }
    values: { x: 40 }
    others: [{ x: 80 }]
    expect: { fraction: 0.5, note: "40 / best 80 -> 0.5" }
  - name: "as if alone"
    params: { input: x }
    values: { x: 40 }
    others: [{ x: 80 }]
    expect: { fraction: 1 }
  - name: "a refused other"
    params: { input: x }
    values: { x: 40 }
    others: [{ x: 80 }, { x: "lots" }]
    expect: { fraction: 0.5 }
YAML
run_chiso plugin test "$PLUGIN_DIR/relative.so" "$TMP/others.yaml"
expect_rc 1
expect_out "ok   right"
expect_out "FAIL as if alone: expected fraction 1, got 0.5"
expect_out "     got: status ok, fraction 0.5, raw 40, note \"40 / best 80 -> 0.5\""
expect_out "FAIL a refused other: the values of other2 (item 2 of others) were refused"
expect_out "others.yaml:18:30: unit other2: field x: expected a number, not the quoted text \"lots\""
expect_out "1 passed, 2 failed"

# Without "children:" the children method has no results to read.
cat >"$TMP/kidless.yaml" <<'YAML'
inputs: {}
cases:
  - name: "no children given"
    params: { node: "1", of: min }
    expect: { prepare_error: "this method reads the results of child units" }
YAML
run_chiso plugin test "$PLUGIN_DIR/children.so" "$TMP/kidless.yaml"
expect_rc 0
expect_out "1 passed, 0 failed"

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

# So are wrong kinds of code, others and children, and a children file
# that cannot be read (its path is taken beside the cases file).
cat >"$TMP/keys.yaml" <<'YAML'
inputs: { x: { type: number } }
children: [a.json]
cases:
  - name: "a"
    code: { c: 1 }
    others: { x: 1 }
    expect: {}
  - name: "b"
    code: other2
    others: [{ x: 1 }, { y: 2 }, 3, ~]
    ohters: []
    expect: {}
YAML
run_chiso plugin test "$PLUGIN_DIR/relative.so" "$TMP/keys.yaml"
expect_rc 2
expect_err "keys.yaml:2:11: children must be a text value, not a list"
expect_err "keys.yaml:5:11: code must be a text value, not a mapping"
expect_err "keys.yaml:6:13: others must be a list, not a mapping"
expect_err "keys.yaml:9:11: code: \"other2\" is the code of a unit of others"
expect_err "keys.yaml:10:26: unknown key 'y' in others (the inputs of this file); did you mean 'x'?"
expect_err "keys.yaml:10:34: others must be a mapping, not a scalar"
expect_err "keys.yaml:11:5: unknown key 'ohters' in a case; did you mean 'others'?"
[ ! -s "$TMP/out" ] || fail "cases ran despite errors in the file"
printf 'inputs: {}\nchildren: nowhere.json\ncases: [{name: a, expect: {}}]\n' \
	>"$TMP/nokids.yaml"
run_chiso plugin test "$PLUGIN_DIR/children.so" "$TMP/nokids.yaml"
expect_rc 2
expect_err "nokids.yaml:2:11: children: cannot read the results document $TMP/nowhere.json"
expect_err "$TMP/nowhere.json: cannot open"

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
