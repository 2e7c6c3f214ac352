# negative-zero.sh - -0, -0.0 and -0e5 are read as 0 wherever numbers are
# read (model params and bounds, YAML, JSON, JSON Lines and CSV data), so
# no output prints "-0" or "-0.0000" for them: not the notes of methods
# (which print the value read), not the table, the results document, the
# ranking, the gaps or the model's document. Before, the notes said
# "-0 >= 80: not met" and "-0/5 = -0".
. "$srcdir/tests/lib.sh"
set -e

# nozero FILE WHAT: FILE has no "-0" that is a number (a "-0" followed by
# a digit other than 0, as in "-0.5", is a real negative number).
nozero() {
	if grep -E -e '(^|[^0-9A-Za-z.])-0(\.0*)?([^0-9.]|$)' "$1" >&2; then
		fail "$2 prints a negative zero (above)"
	fi
}

cat >"$TMP/m.yaml" <<'MODEL'
model: { id: zero, version: "1", title: "Negative zero", precision: 4 }
inputs:
  v: { type: number, min: -0, max: 100 }
  n: { type: number, min: -0.0 }
  d: { type: number }
  k: { type: integer, min: -0 }
indices:
  - id: "1"
    name: "G"
    points: 15
    children:
      - { id: "1.1", name: "T", points: 5, method: target, params: { input: v, op: ">=", value: 80, partial: linear } }
      - { id: "1.2", name: "R", points: 5, method: ratio, params: { numerator: n, denominator: d } }
      - { id: "1.3", name: "B", points: 5, method: bands, params: { input: k, bands: [[1, 1], [-0e5, 0.5]] } }
  - { id: "2", name: "Z", points: -0, method: bands, params: { input: v, bands: [[-0.0, 1]] } }
MODEL
run_chiso validate "$TMP/m.yaml"
expect_rc 0

# The same unit in each data format: every number is a negative zero.
printf 'unit: {code: A}\nvalues: {v: -0, n: -0.0, d: 5, k: -0}\n' >"$TMP/a.yaml"
printf '{"unit": {"code": "A"}, "values": {"v": -0, "n": -0.0, "d": 5, "k": -0}}\n' \
	>"$TMP/a.json"
cp "$TMP/a.json" "$TMP/a.jsonl"
printf 'code,v,n,d,k\nA,-0e5,-0.0,5,-0\n' >"$TMP/a.csv"
printf 'code;v;n;d;k\nA;-0,0;-0,00;5;-0\n' >"$TMP/b.csv"
for f in a.yaml a.json a.jsonl a.csv b.csv; do
	run_chiso evaluate "$TMP/m.yaml" "$TMP/$f"
	expect_rc 0
	expect_out "0 >= 80: not met, partial 0"
	expect_out "0/5 = 0 (target 1)"
	expect_out "0 >= 0 -> 0.5"
	nozero "$TMP/out" "evaluate (table) of $f"
	run_chiso evaluate -f json -o "$TMP/r.json" "$TMP/m.yaml" "$TMP/$f"
	expect_rc 0
	nozero "$TMP/r.json" "evaluate -f json of $f"
done
run_chiso rank "$TMP/r.json"
expect_rc 0
nozero "$TMP/out" "rank"
run_chiso gaps "$TMP/r.json"
expect_rc 0
nozero "$TMP/out" "gaps"
run_chiso doc "$TMP/m.yaml"
expect_rc 0
nozero "$TMP/out" "doc"
run_chiso template "$TMP/m.yaml"
expect_rc 0
nozero "$TMP/out" "template"

# A change that rounds to zero from below prints as 0 too: a value down
# by 0.00001 at precision 4 is a change of "0.0000", not "-0.0000".
printf 'unit: {code: A, period: "2022"}\nvalues: {v: 80, n: 1, d: 1, k: 1}\n' \
	>"$TMP/y1.yaml"
printf 'unit: {code: A, period: "2023"}\nvalues: {v: 80, n: 99999, d: 100000, k: 1}\n' \
	>"$TMP/y2.yaml"
run_chiso evaluate -f json -o "$TMP/y1.json" "$TMP/m.yaml" "$TMP/y1.yaml"
expect_rc 0
run_chiso evaluate -f json -o "$TMP/y2.json" "$TMP/m.yaml" "$TMP/y2.yaml"
expect_rc 0
run_chiso compare "$TMP/y1.json" "$TMP/y2.json"
expect_rc 0
expect_out "0.0000"
nozero "$TMP/out" "compare"
exit 0
