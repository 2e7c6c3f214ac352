# rank-xlsx.sh - "chiso rank --format xlsx": the workbook opens in another
# reader (openpyxl, through tests/cli/xlsx-read.py) and holds the ranking
# as published: 9 districts, the tie between Lục Yên and Văn Yên (rank 5
# twice, then 7), Vietnamese names exact, values stored as the published
# (rounded) numbers with the format "0.0000", a bold header frozen at A2;
# the Model sheet; one sheet per group with names Excel accepts; the
# units not ranked; an error that names the path and leaves nothing.
# Skipped (77) without a python3 that has openpyxl (Debian:
# python3-openpyxl), or when chiso was built without libxlsxwriter.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

need_openpyxl

# read_xlsx FILE: the workbook as text in $TMP/read.txt.
read_xlsx() {
	"$PY" "$srcdir/tests/cli/xlsx-read.py" "$1" >"$TMP/read.txt" ||
		fail "xlsx-read.py cannot read $1"
}

# sheet NAME: the lines of sheet NAME in $TMP/read.txt, into $TMP/sheet.
sheet() {
	awk -v want="sheet: $1" '
		/^sheet: / { on = ($0 == want) }
		on' "$TMP/read.txt" >"$TMP/sheet"
	[ -s "$TMP/sheet" ] || fail "no sheet '$1' in $(head -1 "$TMP/read.txt")"
}

# has LINE: the current sheet has exactly this line.
has() {
	grep -F -x -q -- "$1" "$TMP/sheet" || {
		cat "$TMP/sheet" >&2
		fail "sheet lacks the line: $1"
	}
}

# rows N: the data rows of the current sheet (rows after the header),
# fields 1-3 (rank, code, name), into $TMP/rows; there are N of them.
rows() {
	grep '^row: ' "$TMP/sheet" | sed 1d | sed 's/^row: //' >"$TMP/data"
	awk -F ' \\| ' '{ print $1 " | " $2 " | " $3 }' "$TMP/data" \
		>"$TMP/rows"
	[ "$(wc -l <"$TMP/rows")" -eq "$1" ] ||
		fail "$(wc -l <"$TMP/rows") data rows, expected $1"
}

# --- the 2022 ranking ---------------------------------------------------
run_chiso evaluate -f json -o "$TMP/r.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml
expect_rc 0
mkdir "$TMP/o"
run_chiso rank --format xlsx -o "$TMP/o/rank.xlsx" "$TMP/r.json"
skip_without_xlsx
expect_rc 0
[ "$(ls -A "$TMP/o")" = "rank.xlsx" ] || fail "leftover: $(ls -A "$TMP/o")"
[ "$(head -c 2 "$TMP/o/rank.xlsx")" = "PK" ] || fail "not a zip file"
read_xlsx "$TMP/o/rank.xlsx"

grep -F -x -q "sheets: Ranking | Model" "$TMP/read.txt" ||
	fail "sheets: $(head -1 "$TMP/read.txt")"
sheet Ranking
has "freeze: A2"
has "bold header: yes"
has "value format: 0.0000"
has "row: Hạng/Rank | Mã/Code | Tên/Name | Giá trị/Value | Điểm/Points | Tối đa/Max | Xếp loại/Class | 1 Nhận thức số | Hạng 1 | 2 Thể chế số | Hạng 2 | 3 Hạ tầng số | Hạng 3 | 4 Hoạt động chính quyền số | Hạng 4 | 5 Hoạt động xã hội số | Hạng 5 | CQS Chính quyền số | Hạng CQS | XHS Xã hội số | Hạng XHS"
# values and points in the model's precision, ranks and max as General
has "formats: General | General | General | 0.0000 | 0.0000 | General | General | 0.0000 | General | 0.0000 | General | 0.0000 | General | 0.0000 | General | 0.0000 | General | 0.0000 | General | 0.0000 | General"
rows 9
cat >"$TMP/want" <<'EOF'
1 | YB.TXNL | Thị xã Nghĩa Lộ
2 | YB.TPYB | Thành phố Yên Bái
3 | YB.YBI | Huyện Yên Bình
4 | YB.TYE | Huyện Trấn Yên
5 | YB.LYE | Huyện Lục Yên
5 | YB.VYE | Huyện Văn Yên
7 | YB.VCH | Huyện Văn Chấn
8 | YB.MCC | Huyện Mù Cang Chải
9 | YB.TTA | Huyện Trạm Tấu
EOF
diff -u "$TMP/want" "$TMP/rows" >&2 || fail "ranks, codes or names differ"
# the tie: the same figures in every column after the name
lye=$(grep '^5 | YB.LYE | ' "$TMP/data" | cut -d '|' -f 4-)
vye=$(grep '^5 | YB.VYE | ' "$TMP/data" | cut -d '|' -f 4-)
if [ -z "$lye" ] || [ "$lye" != "$vye" ]; then
	fail "tie rows differ: $lye / $vye"
fi

# Every cell is the published figure: the numbers stored equal the CSV's
# text (rounded to 4 places), so the sheet shows exactly what is
# published; texts and ranks are the same.
run_chiso rank --format csv -o "$TMP/rank.csv" "$TMP/r.json"
expect_rc 0
"$PY" - "$TMP/rank.csv" "$TMP/data" <<'EOF' || fail "xlsx and csv differ"
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    # The CSV's last column, "status", has no counterpart in the sheet
    # (unranked units are on their own sheet there).
    want = [row[:-1] for row in csv.reader(f)][1:]
with open(sys.argv[2], encoding="utf-8") as f:
    got = [line.rstrip("\n").split(" | ") for line in f]
bad = 0
if len(want) != len(got):
    print("rows: csv %d, xlsx %d" % (len(want), len(got)))
    bad = 1
for w, g in zip(want, got):
    if len(w) != len(g):
        print("cells: csv %r, xlsx %r" % (w, g))
        bad = 1
        continue
    for c, (a, b) in enumerate(zip(w, g)):
        try:
            fa = float(a)
        except ValueError:
            same = a == b
        else:
            try:
                same = fa == float(b)
            except ValueError:
                same = False
        if not same:
            print("row %s column %d: csv %r, xlsx %r" % (w[1], c + 1, a, b))
            bad = 1
sys.exit(bad)
EOF

sheet Model
sha=$(sed -n 's/^ *"sha256": "\([0-9a-f]*\)".*/\1/p' "$TMP/r.json" | head -1)
generator=$("$CHISO" --version | sed 's/ (.*//')
has "row: id | vn-district-example"
has "row: version | 2023"
has "row: title | Bộ chỉ số đánh giá chuyển đổi số cấp huyện (ví dụ)"
has "row: sha256 | $sha"
has "row: generator | $generator"
has "row: ranked by | total"
has "row: grouping | none"

# --- grouped by parent, with units not ranked -----------------------------
# Four districts move to parent YB2; the parents YB and YB2 are units
# with the same long name holding characters a sheet name may not
# have, and bad data (so they are listed as not ranked).
sed -e '/code: "YB.MCC"\|code: "YB.TTA"\|code: "YB.VCH"\|code: "YB.VYE"/s/parent: "YB"/parent: "YB2"/' \
	examples/yen-bai-districts-2022.yaml >"$TMP/g.yaml"
cat >>"$TMP/g.yaml" <<'EOF'
  - unit: { code: "YB", name: "Tỉnh Yên Bái [khối: huyện/thị xã] rất dài", level: district, period: "2022" }
    stage: final
    values: { steering_meetings: "nhiều" }
  - unit: { code: "YB2", name: "Tỉnh Yên Bái [khối: huyện/thị xã] rất dài", level: district, period: "2022" }
    stage: final
    values: { steering_meetings: "nhiều" }
EOF
run_chiso evaluate -f json -o "$TMP/g.json" criteria/example-district.yaml \
	"$TMP/g.yaml"
expect_rc 1
run_chiso rank --group-by parent --format xlsx -o "$TMP/o/g.xlsx" \
	"$TMP/g.json"
expect_rc 0
read_xlsx "$TMP/o/g.xlsx"
# 31 characters at most, []:*?/\ replaced, the second made unique
g1="Tỉnh Yên Bái _khối_ huyện_thị x"
g2="Tỉnh Yên Bái _khối_ huyện_t (2)"
grep -F -x -q "sheets: $g1 | $g2 | Model | Not ranked" "$TMP/read.txt" ||
	fail "sheets: $(head -1 "$TMP/read.txt")"
sheet "$g1"
has "freeze: A2"
has "value format: 0.0000"
rows 5
cat >"$TMP/want" <<'EOF'
1 | YB.TXNL | Thị xã Nghĩa Lộ
2 | YB.TPYB | Thành phố Yên Bái
3 | YB.YBI | Huyện Yên Bình
4 | YB.TYE | Huyện Trấn Yên
5 | YB.LYE | Huyện Lục Yên
EOF
diff -u "$TMP/want" "$TMP/rows" >&2 || fail "group YB differs"
sheet "$g2"
has "freeze: A2"
rows 4
cat >"$TMP/want" <<'EOF'
1 | YB.VYE | Huyện Văn Yên
2 | YB.VCH | Huyện Văn Chấn
3 | YB.MCC | Huyện Mù Cang Chải
4 | YB.TTA | Huyện Trạm Tấu
EOF
diff -u "$TMP/want" "$TMP/rows" >&2 || fail "group YB2 differs"
sheet Model
has "row: grouping | parent"
sheet "Not ranked"
has "freeze: A2"
has "row: Mã/Code | Tên/Name | Trạng thái/Status | Vấn đề/Problem"
grep -q '^row: YB | Tỉnh Yên Bái \[khối: huyện/thị xã\] rất dài | invalid | .*unit YB: field steering_meetings' "$TMP/sheet" ||
	fail "no YB in Not ranked"
grep -q '^row: YB2 | Tỉnh Yên Bái \[khối: huyện/thị xã\] rất dài | invalid | ' "$TMP/sheet" ||
	fail "no YB2 in Not ranked"

# --- errors: the path named, nothing left, the previous file kept ---------
run_chiso rank --format xlsx -o "$TMP/nodir/rank.xlsx" "$TMP/r.json"
expect_rc 2
expect_err "nodir/rank.xlsx: No such file or directory"
[ ! -e "$TMP/nodir" ] || fail "$TMP/nodir was created"
mkdir "$TMP/o/dir.xlsx"
run_chiso rank --format xlsx -o "$TMP/o/dir.xlsx" "$TMP/r.json"
expect_rc 2
expect_err "dir.xlsx: "
[ "$(ls -A "$TMP/o")" = "dir.xlsx
g.xlsx
rank.xlsx" ] || fail "leftover: $(ls -A "$TMP/o")"
exit 0
