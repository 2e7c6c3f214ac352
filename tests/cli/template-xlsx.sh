# template-xlsx.sh - "chiso template --format xlsx": the blank workbook an
# assessor fills in Excel, read back by another reader (openpyxl, through
# tests/cli/xlsx-read.py): the data sheet first, its row 1 exactly the CSV
# template's header and row 2 its labels (a '#' comment row), the header
# frozen at C3, and a validation on every input column as the model says
# (whole or decimal numbers within the bounds, another input's column
# where the bound is one, dropdowns of có/không and of the choices, the
# stage's words), each with the input's id as the prompt title; the
# instructions sheet lists every input. -f xlsx needs -o; an error leaves
# nothing. Skipped (77) without a python3 that has openpyxl (Debian:
# python3-openpyxl), or when chiso was built without libxlsxwriter.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

need_openpyxl
model=criteria/example-district.yaml

run_chiso template -f xlsx "$model"
expect_rc 2
expect_err "--format xlsx needs -o FILE.xlsx"

run_chiso template -f xlsx -o "$TMP/t.xlsx" "$model"
skip_without_xlsx
expect_rc 0
"$PY" tests/cli/xlsx-read.py "$TMP/t.xlsx" >"$TMP/read.txt" ||
	fail "xlsx-read.py cannot read the template"
grep -qx 'sheets: Dữ liệu | Hướng dẫn' "$TMP/read.txt" ||
	fail "sheets: $(head -1 "$TMP/read.txt")"

# the header and the labels: the CSV template's, cell for cell
run_chiso template -f csv --labels --no-formula-guard "$model"
expect_rc 0
tr -d '\r' <"$TMP/out" | sed -n 1p | sed 's/,/ | /g' >"$TMP/head.want"
sed -n 's/^row: //p' "$TMP/read.txt" | sed -n 1p >"$TMP/head.got"
cmp -s "$TMP/head.want" "$TMP/head.got" ||
	{ diff "$TMP/head.want" "$TMP/head.got" >&2; fail "header differs"; }
grep -q '^row: # Mã đơn vị (code) | Tên đơn vị | Cấp | ' "$TMP/read.txt" ||
	fail "no labels row"
grep -q 'Tỷ lệ hộ gia đình có cáp quang băng rộng (%)' "$TMP/read.txt" ||
	fail "the labels row lacks an input's unit"
grep -qx 'freeze: C3' "$TMP/read.txt" || fail "header not frozen at C3"

# validations: expect RANGE TYPE OPERATOR F1 F2 TITLE
v() {
	grep -qxF "validation: $1" "$TMP/read.txt" || {
		grep '^validation' "$TMP/read.txt" >&2
		fail "no validation: $1"
	}
}
v 'F3:F1048576 | list | between | "self,appraised,final" |  | Giai đoạn'
v 'G3:G1048576 | whole | greaterThanOrEqual | 0 |  | steering_meetings'
v 'H3:H1048576 | list | between | "head,deputy,none" |  | committee_chair'
v 'J3:J1048576 | whole | between | 0 | $I3 | communes_committee'
v 'K3:K1048576 | list | between | "có,không" |  | dt_plan_issued'
v 'T3:T1048576 | decimal | between | 0 | 100 | households_fibre_pct'
v 'AC3:AC1048576 | any | between |  |  | report_ref'
# one per input and the stage
[ "$(grep -c '^validation: ' "$TMP/read.txt")" -eq 24 ] ||
	fail "expected 24 validations (23 inputs and the stage)"

# the instructions list every input
for id in steering_meetings households_fibre_pct report_ref; do
	grep -q "^row: $id | " "$TMP/read.txt" ||
		fail "the instructions do not list $id"
done

# an error names the path and leaves nothing
run_chiso template -f xlsx -o "$TMP/no/such/dir/t.xlsx" "$model"
expect_rc 2
expect_err "$TMP/no/such/dir/t.xlsx"
[ ! -e "$TMP/no/such/dir/t.xlsx" ] || fail "a file was left"

# LibreOffice opens it and keeps its validations: converted by soffice
# (re-saved as xlsx by LibreOffice Calc), then read back. Only where
# LibreOffice is installed (it is not a build dependency).
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$TMP/lo"
	HOME="$TMP" soffice --headless --norestore --convert-to xlsx \
		--outdir "$TMP/lo" "$TMP/t.xlsx" >/dev/null 2>&1 ||
		fail "LibreOffice cannot open the template"
	"$PY" tests/cli/xlsx-read.py "$TMP/lo/t.xlsx" >"$TMP/lo.txt" ||
		fail "xlsx-read.py cannot read LibreOffice's copy"
	[ "$(grep -c '^validation: ' "$TMP/lo.txt")" -eq 24 ] ||
		fail "LibreOffice's copy lost validations"
	grep -q '^validation: K3:K[0-9]* | list | between | "có,không" |' \
		"$TMP/lo.txt" || fail "LibreOffice's copy lost the yes/no list"
	grep -q '^validation: J3:J[0-9]* | whole | between | 0 | \$I3 |' \
		"$TMP/lo.txt" || fail "LibreOffice's copy lost a bound"
else
	echo "(no soffice: the LibreOffice round trip is not tried)"
fi
