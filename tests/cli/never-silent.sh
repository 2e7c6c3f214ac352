# never-silent.sh - a required value that is missing is never a silent
# zero (issue 10): a blank CSV cell, a column deleted from the header, an
# empty or left-out YAML value each give a warning at their place, with
# the unit, the input and what it costs; a summary counts them; --strict
# exits 1; --check-only counts the units; the results list them per unit,
# and rank, gaps, compare and the report mark the incomplete units.
# Before, each scored 0 with exit 0 and nothing on stderr.
. "$srcdir/tests/lib.sh"
set -e

model="$srcdir/criteria/example-district.yaml"
csv="$srcdir/examples/districts-2023.csv"

# blank.csv: YB.TPYB's officials_with_pc emptied (row 4, column 16);
# nocol.csv: the villages_wifi column deleted.
awk -F, -v OFS=, 'NR == 4 && $1 == "YB.TPYB" { $16 = "" } { print }' \
	"$csv" >"$TMP/blank.csv"
awk -F, -v OFS=, '{ out = ""; for (i = 1; i <= NF; i++) if (i != 18)
	out = out (out == "" && i == 1 ? "" : ",") $i; print out }' \
	"$csv" >"$TMP/nocol.csv"
grep -q '^code,.*,villages_total,communes_4g,' "$TMP/nocol.csv" ||
	fail "could not delete the villages_wifi column"

# the bundled data's own blank (YB.TTA's initiative_points) is said too
run_chiso evaluate -f json -o "$TMP/r.json" "$model" "$TMP/blank.csv"
expect_rc 0
expect_err "blank.csv:4:16: warning: unit YB.TPYB: field officials_with_pc: empty: indicator 3.1 scores 0 (the model's missing: zero); enter its value (0 if it is 0)"
expect_err "blank.csv:10:28: warning: unit YB.TTA: field initiative_points: empty: indicator 5.3 scores 0"
expect_err "warning: 2 required values are missing in 2 of 9 units (see the warnings above)"
grep -q '"missing": \["officials_with_pc"\]' "$TMP/r.json" ||
	fail "the results do not list YB.TPYB's missing value"

run_chiso evaluate --strict -o "$TMP/strict.txt" "$model" "$TMP/blank.csv"
expect_rc 1
expect_err "chiso: --strict: 2 required values are missing in 2 units"
[ -s "$TMP/strict.txt" ] || fail "--strict wrote no results"

run_chiso evaluate --check-only "$model" "$TMP/blank.csv"
expect_rc 0
expect_out "9 units read, 0 invalid, 2 with missing values"
run_chiso evaluate --check-only --strict "$model" "$TMP/blank.csv"
expect_rc 1

# a deleted column: one warning at the header, none per unit for it
run_chiso evaluate --check-only "$model" "$TMP/nocol.csv"
expect_rc 0
expect_err "nocol.csv:1:1: warning: no column 'villages_wifi' (Số nhà văn hóa thôn, tổ dân phố có Wi-Fi công cộng), a required input: every unit of this file lacks it, so indicator 3.2 scores 0 (the model's missing: zero); add the column"
expect_out "9 units read, 0 invalid, 9 with missing values"
if grep -q 'field villages_wifi' "$TMP/err"; then
	fail "the deleted column is warned of per unit"
fi
run_chiso evaluate --strict -o "$TMP/strict.txt" "$model" "$TMP/nocol.csv"
expect_rc 1

# YAML: an empty value (at the value), a left-out one (at the record)
vals="steering_meetings: 4
committee_chair: head
communes_total: 10
communes_committee: 10
dt_plan_issued: true
dt_directives: 2
plan_targets_total: 10
plan_targets_met: 10
officials_total: 10
officials_with_pc: 10
villages_total: 10
villages_wifi: 10
communes_4g: 10
households_fibre_pct: 80
dossiers_total: 10
dossiers_online: 10
portal_dt_section: true
security_monitoring: true
antimalware: true
digital_skills_score: 0.8
smartphone_adult_pct: 90"
{
	echo 'unit: {code: A, name: An, level: district, period: "2023"}'
	echo 'values:'
	echo "$vals" | sed 's/^/  /'
	echo '  initiative_points:'
} >"$TMP/u.yaml"
run_chiso evaluate -o "$TMP/y.txt" "$model" "$TMP/u.yaml"
expect_rc 0
expect_err "u.yaml:24:21: warning: unit A: field initiative_points: empty: indicator 5.3 scores 0"
sed -i '$d' "$TMP/u.yaml"
run_chiso evaluate -o "$TMP/y.txt" "$model" "$TMP/u.yaml"
expect_rc 0
expect_err "u.yaml:1:1: warning: unit A: field initiative_points: missing: indicator 5.3 scores 0"

# the publishing commands mark the incomplete units
run_chiso rank "$TMP/r.json"
expect_rc 0
expect_out "Incomplete: YB.TPYB Thành phố Yên Bái, missing officials_with_pc"
run_chiso rank -f csv "$TMP/r.json"
expect_rc 0
head -n 1 "$TMP/out" | tr -d '\r' | grep -q ',status,missing$' ||
	fail "rank's CSV has no missing column"
grep -q ',ok,officials_with_pc' "$TMP/out" ||
	fail "rank's CSV does not name YB.TPYB's missing value"
run_chiso rank -f json "$TMP/r.json"
expect_rc 0
expect_out '"missing": ["officials_with_pc"]'
run_chiso rank -f html -o "$TMP/r.html" "$TMP/r.json"
expect_rc 0
grep -q 'Đơn vị thiếu số liệu' "$TMP/r.html" ||
	fail "the report has no section of incomplete units"
run_chiso gaps --unit YB.TPYB "$TMP/r.json"
expect_rc 0
expect_out "Incomplete: missing officials_with_pc (required; scored by the model's missing policy until filled in)"
run_chiso compare "$TMP/r.json" "$TMP/r.json"
expect_rc 0
expect_out "Incomplete: YB.TPYB, base missing officials_with_pc; new missing officials_with_pc"

# a complete unit is not marked
run_chiso evaluate -f json -o "$TMP/c.json" "$model" \
	"$srcdir/examples/yen-binh-2022.yaml"
expect_rc 0
[ ! -s "$TMP/err" ] || { cat "$TMP/err" >&2; fail "complete data warned"; }
if grep -q '"missing": \[' "$TMP/c.json"; then
	fail "complete data listed as missing"
fi
