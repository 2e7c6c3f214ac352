# output-xlsx.sh - evaluate, compare and gaps write workbooks (-o x.xlsx,
# or -f xlsx): a zip holding xl/workbook.xml that openpyxl opens, one
# sheet with a bold header frozen at A2 and the same cells as the CSV,
# numbers as numbers shown with the CSV's decimals (and its '+' on a
# change). Skipped (77) without a python3 that has openpyxl (Debian:
# python3-openpyxl), or when chiso was built without libxlsxwriter.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

need_openpyxl

model=criteria/example-district.yaml
d22=examples/yen-bai-districts-2022.yaml
d23=examples/yen-bai-districts-2023-appraised.yaml

run_chiso evaluate -o "$TMP/scores.xlsx" "$model" "$d22"
skip_without_xlsx
expect_rc 0
run_chiso evaluate -o "$TMP/r22.json" "$model" "$d22"
expect_rc 0
run_chiso evaluate -o "$TMP/r23.json" "$model" "$d23"
expect_rc 0

# same_as_csv XLSX CSV SHEET: the workbook is a zip with
# xl/workbook.xml, its one sheet is SHEET, bold and frozen, and its
# cells say what the CSV says (numbers compared as numbers).
same_as_csv() {
	"$PY" - "$1" "$2" "$3" <<'PYEOF' || fail "$1 differs from $2"
import csv, sys, zipfile
import openpyxl
xlsx, csvfile, name = sys.argv[1:4]
assert "xl/workbook.xml" in zipfile.ZipFile(xlsx).namelist(), "not a workbook"
wb = openpyxl.load_workbook(xlsx)
assert wb.sheetnames == [name], wb.sheetnames
ws = wb[name]
assert ws.freeze_panes == "A2", ws.freeze_panes
assert all(c.font.b for c in ws[1] if c.value is not None), "header not bold"
rows = list(csv.reader(open(csvfile, encoding="utf-8", newline="")))
got = [list(r) for r in ws.iter_rows(values_only=True)]
assert len(got) == len(rows), (len(got), len(rows))
for r, (want, have) in enumerate(zip(rows, got), 1):
    have = list(have) + [None] * (len(want) - len(have))
    for c, (w, h) in enumerate(zip(want, have), 1):
        if w == "":
            assert h is None, (r, c, h)
            continue
        if h == w:  # text, such as a period "2022"
            continue
        try:
            num = float(w)
        except ValueError:
            assert h == w, (r, c, w, h)
            continue
        assert isinstance(h, (int, float)) and abs(h - num) < 1e-12, (r, c, w, h)
        fmt = ws.cell(row=r, column=c).number_format
        part = "0." + "0" * len(w.split(".")[1]) if "." in w else "0"
        if w.startswith("+"):  # a change shows its sign, as in the CSV
            assert fmt == "+%s;-%s;%s" % (part, part, part), (r, c, fmt)
        elif "." in w and r > 1:
            assert fmt == part, (r, c, fmt)
PYEOF
}

run_chiso evaluate -o "$TMP/scores.csv" "$model" "$d22"
expect_rc 0
same_as_csv "$TMP/scores.xlsx" "$TMP/scores.csv" Scores

run_chiso compare -o "$TMP/c.xlsx" "$TMP/r22.json" "$TMP/r23.json"
expect_rc 0
run_chiso compare -f csv "$TMP/r22.json" "$TMP/r23.json"
expect_rc 0
same_as_csv "$TMP/c.xlsx" "$TMP/out" Compare

run_chiso gaps -f xlsx -o "$TMP/g.xlsx" "$TMP/r23.json"
expect_rc 0
run_chiso gaps -f csv "$TMP/r23.json"
expect_rc 0
same_as_csv "$TMP/g.xlsx" "$TMP/out" Gaps

# a workbook is written to a file: not to stdout, not through a pipe
run_chiso gaps -f xlsx "$TMP/r23.json"
expect_rc 2
expect_err "chiso gaps: --format xlsx needs -o FILE.xlsx"
run_chiso evaluate -f xlsx -o /dev/stdout "$model" "$d22"
expect_rc 2
expect_err "not a file: an xlsx workbook is written to a file"
exit 0
