# xlsx-data.sh - "chiso evaluate" reads .xlsx workbooks (the fixtures are
# checked in; tests/cli/data/xlsx/gen.py writes them):
# - examples/districts-2023.csv as openpyxl writes it (numbers as numbers,
#   có/không as booleans, labels and note as '#' rows) gives the very same
#   JSON results document as the CSV, byte for byte (the document names the
#   model file, not the data file, so nothing differs);
# - every cell type (cells.xlsx against tests/bad/data-model.yaml): number,
#   boolean, shared string, rich text runs (phonetic run left out), inline
#   string, a formula's saved number, a str formula, an error value, empty
#   and styled empty cells, dates (built-in and custom formats) into a
#   text input, a number in a [Red] format that is not a date, Excel's
#   _xHHHH_ escapes in strings;
# - a blank cell is warned about by Sheet1!D7 and unit; a bad value names
#   its cell;
# - a zip bomb stops at --max-file-mb (counted as the part inflates);
# - a workbook saved by LibreOffice, when soffice is installed (skipped
#   otherwise: only that part).
# The refusals of whole files are tests/bad/data/xlsx-*.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
x=tests/cli/data/xlsx
model=criteria/example-district.yaml

# The same results as the CSV.
run_chiso evaluate -f json -o "$TMP/csv.json" "$model" examples/districts-2023.csv
expect_rc 0
run_chiso evaluate -f json -o "$TMP/xlsx.json" "$model" "$x/districts-2023.xlsx"
expect_rc 0
cmp "$TMP/csv.json" "$TMP/xlsx.json" || fail "the workbook's results differ from the CSV's"
# its one empty cell (initiative_points of Tân Yên, row 10, column AB)
expect_err "$x/districts-2023.xlsx:Sheet1!AB10: warning: unit YB.TTA: field initiative_points: empty: indicator 5.3 scores 0 (the model's missing: zero)"
# and the summary; nothing else
[ "$(grep -c . "$TMP/err")" -eq 2 ] || fail "more on stderr than the one warning and its summary"

# Every cell type.
run_chiso evaluate -f json -o "$TMP/cells.json" tests/bad/data-model.yaml "$x/cells.xlsx"
expect_rc 1
# unit D1, row 3: all types read
tr -d ' \n' <"$TMP/cells.json" >"$TMP/flat"
grep -F -q '"unit":{"code":"D1","name":"HuyệnMột","level":null,"parent":null,"period":"2023"},"stage":"self"' "$TMP/flat" ||
	fail "D1's identity (inline string, shared string, number, str formula)"
grep -F -q '"values":{"steering_meetings":4,"fibre_pct":85.5,"plan_issued":true,"committee_chair":"head","report_ref":"BC-12/2023","officials_total":10,"officials_with_pc":8}' "$TMP/flat" ||
	fail "D1's values (number, formula, bool, shared string, rich text, inline string)"
# D2, row 4: dates into text (period in dd/mm/yyyy, report_ref in format 14)
grep -F -q '"unit":{"code":"D2","name":null,"level":null,"parent":null,"period":"2023-12-31"}' "$TMP/flat" ||
	fail "D2's period: a custom date format into text"
grep -F -q '"values":{"steering_meetings":2,"fibre_pct":25,"plan_issued":true,"committee_chair":"deputy","report_ref":"2023-12-31","officials_total":12,"officials_with_pc":12}' "$TMP/flat" ||
	fail "D2's values (date 14 into text, [Red] number, 0.25E2, có)"
# D3, row 5: the error value names its cell; FALSE
grep -F -q '"values":{"steering_meetings":1,"plan_issued":false,"officials_total":5}' "$TMP/flat" ||
	fail "D3's values (error cell left out, FALSE)"
expect_err "$x/cells.xlsx:Sheet1!F5: unit D3: field fibre_pct: the cell holds the error #DIV/0! (its formula failed); correct it or type the value"
# D4, row 7 (row 6 of blank strings skipped): the blank cell named
expect_err "$x/cells.xlsx:Sheet1!D7: warning: unit D4: field officials_total: empty: indicator"
# D3 is invalid (its error cell): refused, its empty cells not warned of
if grep -q 'unit D3: field committee_chair: empty' "$TMP/err"; then
	fail "an invalid unit's empty cell was warned of"
fi
grep -F -q '"code":"D4","name":"Xã_x0031_𝐀"' "$TMP/flat" || fail "D4's name: Excel's _xHHHH_ escapes"
grep -c '"code":"D[0-9]"' "$TMP/flat" >/dev/null
[ "$(grep -o '"code":"D[0-9]"' "$TMP/flat" | wc -l)" -eq 4 ] || fail "not 4 units"

# The 1904 date system, a time of day, a sheet name quoted as a reference.
run_chiso evaluate -f json -o "$TMP/d1904.json" tests/bad/data-model.yaml "$x/dates1904.xlsx"
expect_rc 1
tr -d '\n' <"$TMP/d1904.json" | grep -F -q '"report_ref": "1904-01-01"' || fail "1904: serial 0"
tr -d '\n' <"$TMP/d1904.json" | grep -F -q '"report_ref": "2028-01-01 12:00:00"' || fail "1904: a time of day"
expect_err "$x/dates1904.xlsx:'Dữ liệu'!C3: unit D2: field steering_meetings: expected a whole number, not 'x'"

# A bad value names its cell; with missing: error, the missing input too.
sed 's/missing: zero/missing: error/' tests/bad/data-model.yaml >"$TMP/strict.yaml"
run_chiso evaluate "$TMP/strict.yaml" "$x/cells.xlsx"
expect_rc 1
expect_err "$x/cells.xlsx:Sheet1!A7: unit D4: field officials_total: missing, and model bad-data-test requires every input (missing: error)"
# (an error, not a warning, under missing: error)
if grep -q 'warning: unit D4: field officials_total: empty' "$TMP/err"; then
	fail "missing: error also warned"
fi

# Duplicate units are placed by their cells.
run_chiso evaluate "$model" "$x/districts-2023.xlsx" "$x/districts-2023.xlsx"
expect_rc 1
expect_err "$x/districts-2023.xlsx:Sheet1!A4: unit YB.TPYB: appears twice for period '2023' and stage self (first at $x/districts-2023.xlsx:Sheet1!A4)"

# A zip bomb: the sheet inflates to 3 MiB of blanks from 6 KB.
run_chiso evaluate --max-file-mb 1 -f json -o "$TMP/bomb.json" tests/bad/data-model.yaml "$x/bomb.xlsx"
expect_rc 2
expect_err "$x/bomb.xlsx: xl/worksheets/sheet1.xml holds more than 1048576 bytes once uncompressed, the limit for a part of a data file (a zip bomb?); raise it with --max-file-mb N (N in MiB)"
[ ! -e "$TMP/bomb.json" ] || fail "bomb: an output was written"
run_chiso evaluate --max-file-mb 4 tests/bad/data-model.yaml "$x/bomb.xlsx"
expect_rc 2
expect_err "the data files hold no units"

# Too many rows: the units limit.
run_chiso evaluate --max-units 3 "$model" "$x/districts-2023.xlsx"
expect_rc 2
expect_err "$x/districts-2023.xlsx:Sheet1!A7: too many units: the limit is 3 per run"

# A workbook LibreOffice saved, when it is installed.
# A workbook LibreOffice Calc 7.4 made from that CSV (checked in): its
# default style is a custom number format "General", which is no date
# (2023 in period stays 2023, not 1905-07-15).
run_chiso evaluate -f json -o "$TMP/lo-in.json" "$model" "$x/libreoffice-districts-2023.xlsx"
expect_rc 0
cmp "$TMP/csv.json" "$TMP/lo-in.json" ||
	fail "the LibreOffice-made workbook gives other results"

if command -v soffice >/dev/null 2>&1; then
	cp examples/districts-2023.csv "$TMP/lo.csv"
	(cd "$TMP" && HOME="$TMP" soffice --headless --infilter=CSV:44,34,76 \
		--convert-to xlsx lo.csv >/dev/null 2>&1) ||
		fail "soffice could not convert the CSV"
	run_chiso evaluate -f json -o "$TMP/lo.json" "$model" "$TMP/lo.xlsx"
	expect_rc 0
	cmp "$TMP/csv.json" "$TMP/lo.json" || fail "LibreOffice's workbook gives other results"
else
	echo "(no soffice: the LibreOffice-made workbook is not tried)"
fi
exit 0
