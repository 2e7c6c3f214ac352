# xlsx-form.sh - one unit's form: "chiso template -f xlsx --layout form"
# writes a sheet with a row per field (its id in column A, its value to
# fill in column B, validated), and chiso evaluate reads it back: a form
# filled by another program (openpyxl) with a district's values scores
# exactly as the same unit in CSV; a bad value and an empty one are named
# by their cell in column B; a value without a field name is refused.
# Skipped (77) without a python3 that has openpyxl (Debian:
# python3-openpyxl), or when chiso was built without libxlsxwriter.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

need_openpyxl
model=criteria/example-district.yaml

run_chiso template -f csv --layout form "$model"
expect_rc 2
expect_err "--layout form is for --format xlsx"
run_chiso template -f xlsx --layout form -o "$TMP/form.xlsx" "$model"
skip_without_xlsx
expect_rc 0
"$PY" tests/cli/xlsx-read.py "$TMP/form.xlsx" >"$TMP/read.txt" ||
	fail "xlsx-read.py cannot read the form"
grep -qx 'sheets: Phiếu | Hướng dẫn' "$TMP/read.txt" || fail "sheets"
grep -q '^row: field | value | Nội dung | Cách ghi$' "$TMP/read.txt" ||
	fail "no header row"
grep -q '^row: steering_meetings |  | Số cuộc họp' "$TMP/read.txt" ||
	fail "no steering_meetings row"
grep -qxF 'validation: B11 | whole | between | 0 | $B$10 | communes_committee' \
	"$TMP/read.txt" || fail "communes_committee's bound is not B10"

# fill it with YB.TPYB's values (row 4 of the CSV); EDIT=FIELD=VALUE
# changes or (empty VALUE) blanks one
fill() {
	out=$1
	shift
	"$PY" - "$TMP/form.xlsx" examples/districts-2023.csv "$out" "$@" <<'PY'
import csv, sys
import openpyxl
form, data, out = sys.argv[1:4]
edits = dict(a.split("=", 1) for a in sys.argv[4:])
rows = [r for r in csv.reader(open(data, encoding="utf-8"))]
vals = dict(zip(rows[0], [r for r in rows if r and r[0] == "YB.TPYB"][0]))
vals.update(edits)
wb = openpyxl.load_workbook(form)
ws = wb.worksheets[0]
for row in ws.iter_rows(min_row=2):
    v = vals.get(row[0].value, "")
    if v == "":
        continue
    try:
        row[1].value = int(v)
    except ValueError:
        try:
            row[1].value = float(v)
        except ValueError:
            row[1].value = v
wb.save(out)
PY
}
fill "$TMP/filled.xlsx" || fail "cannot fill the form"
head -n 1 examples/districts-2023.csv >"$TMP/one.csv"
grep '^YB.TPYB,' examples/districts-2023.csv >>"$TMP/one.csv"
run_chiso evaluate -f json -o "$TMP/csv.json" "$model" "$TMP/one.csv"
expect_rc 0
run_chiso evaluate -f json -o "$TMP/form.json" "$model" "$TMP/filled.xlsx"
expect_rc 0
[ ! -s "$TMP/err" ] || { cat "$TMP/err" >&2; fail "the filled form warned"; }
cmp -s "$TMP/csv.json" "$TMP/form.json" ||
	fail "the form's results differ from the CSV's"

# places: the value's cell in column B
fill "$TMP/bad.xlsx" steering_meetings=x officials_with_pc= ||
	fail "cannot fill the form"
run_chiso evaluate "$model" "$TMP/bad.xlsx"
expect_rc 1
expect_err "bad.xlsx:'Phiếu'!B8: unit YB.TPYB: field steering_meetings: expected a whole number, not 'x'"
run_chiso evaluate -o "$TMP/x.txt" "$model" "$TMP/filled.xlsx"
expect_rc 0
"$PY" - "$TMP/filled.xlsx" "$TMP/blank.xlsx" <<'PY'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
for row in ws.iter_rows(min_row=2):
    if row[0].value == "officials_with_pc":
        row[1].value = None
    if row[0].value == "villages_total":
        row[0].value = None  # a value left without its field name
wb.save(sys.argv[2])
ws["A18"] = "villages_total"
ws["B16"] = None  # officials_total
wb.save(sys.argv[2] + ".2.xlsx")
PY
run_chiso evaluate "$model" "$TMP/blank.xlsx"
expect_rc 2
expect_err "blank.xlsx:'Phiếu'!B18: a value without a field name in column A"
run_chiso evaluate -o "$TMP/x.txt" "$model" "$TMP/blank.xlsx.2.xlsx"
expect_rc 0
expect_err "blank.xlsx.2.xlsx:'Phiếu'!B16: warning: unit YB.TPYB: field officials_total: empty: indicator 3.1 scores 0"
expect_err "blank.xlsx.2.xlsx:'Phiếu'!B17: warning: unit YB.TPYB: field officials_with_pc: empty: indicator 3.1 scores 0"
