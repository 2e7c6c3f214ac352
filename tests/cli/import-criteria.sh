# import-criteria.sh - chiso import-criteria: a model skeleton from a
# published criteria table. Tây Ninh's commune table of 2025
# (criteria/tables/) gives 62 criteria in 6 main indices, 960 points,
# with the groups' totals of the table; the name written decomposed
# (NFD) comes out composed (NFC); the skeleton is refused by validate
# until each rule is written, and a table that gives its methods makes a
# model that validates and scores; the same table as a workbook, or with
# Vietnamese headers and a BOM, gives the same tree. The malformed
# tables are tests/bad/criteria/.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
TABLE=criteria/tables/tayninh-xa-dti-2025-criteria.csv

run_chiso import-criteria "$TABLE" --id vn-tayninh-commune-2025 \
	--version 2025 --level commune --title "Xã, phường 2025" -o "$TMP/tn.yaml"
expect_rc 0
[ ! -s "$TMP/out" ] || fail "stdout is not empty with -o"
expect_err "62 criteria in 6 main indices, 960 points written to $TMP/tn.yaml"
expect_err "texts brought to Unicode NFC: 1"
expect_err "62 criteria still need their scoring rule (method: todo)"
expect_err "tayninh-xa-dti-2025-criteria.csv:46:2: warning: the text was written in decomposed Unicode (NFD"
expect_err "tayninh-xa-dti-2025-criteria.csv:41: warning: no row has the code '4.22', the level above '4.22.1' and more: they are placed directly under '4'"

# The tree: main indices at indent 2, criteria at 6.
roots=$(grep -c '^  - id: ' "$TMP/tn.yaml")
[ "$roots" -eq 6 ] || fail "$roots main indices, expected 6"
leaves=$(grep -c '^      - id: ' "$TMP/tn.yaml")
[ "$leaves" -eq 62 ] || fail "$leaves criteria, expected 62"
todo=$(grep -c '^        method: todo ' "$TMP/tn.yaml")
[ "$todo" -eq 62 ] || fail "$todo placeholders, expected 62"
totals=$(sed -n 's/^    points: //p' "$TMP/tn.yaml" | tr '\n' ' ')
[ "$totals" = "80 100 100 520 80 80 " ] ||
	fail "group totals '$totals', expected the table's 80 100 100 520 80 80"
sum=$(sed -n 's/^        points: //p' "$TMP/tn.yaml" | awk '{s += $1} END {print s}')
[ "$sum" -eq 960 ] || fail "criteria add up to $sum, expected 960"
grep -q '^  - id: "4"$' "$TMP/tn.yaml" || fail "no main index 4"
grep -q '^    name: "Hoạt động chính quyền số"$' "$TMP/tn.yaml" ||
	fail "the group's name is not main index 4's"
grep -q '^      - id: "4.22.6"$' "$TMP/tn.yaml" || fail "4.22.6 is not a criterion"
grep -q '^  id: "vn-tayninh-commune-2025"$' "$TMP/tn.yaml" || fail "--id not used"
grep -q '^  level: "commune"$' "$TMP/tn.yaml" || fail "--level not used"
# Every name exactly as in the table, in NFC: no combining mark is left
# (U+0300..U+036F are 0xCC 0x80 .. 0xCD 0xAF in UTF-8).
if LC_ALL=C grep -q "$(printf '\314[\200-\277]\|\315[\200-\257]')" "$TMP/tn.yaml"; then
	fail "a combining mark is left: a name is not NFC"
fi
grep -F -q "Tỷ lệ hệ thống thông tin được kiểm tra, đánh giá mức độ đảm đảm an toàn thông tin, an ninh mạng định kỳ (chỉ tính các hệ thống do cơ quan tự quản lý vận hành riêng, không tính các hệ thống đã đưa vào quản lý tập trung tại Trung tâm dữ liệu tỉnh)" "$TMP/tn.yaml" ||
	fail "a long name with commas is not kept exactly"

# criteria/vn-tayninh-commune-2025.yaml was made from this skeleton: its
# tree (ids, names, points) is the importer's, line for line.
tree() {
	sed -n '/^indices:/,$p' "$1" | grep -E '^ *(- id|name|points):' |
		sed 's/^ *//; s/^- //'
}
tree "$TMP/tn.yaml" >"$TMP/tree-imported"
tree criteria/vn-tayninh-commune-2025.yaml >"$TMP/tree-model"
diff -u "$TMP/tree-imported" "$TMP/tree-model" >&2 ||
	fail "the bundled model's tree is not the imported table's"
[ "$(wc -l <"$TMP/tree-model")" -eq 204 ] || fail "the trees compared are not whole"

# The same table twice gives the same bytes; to stdout as to a file.
run_chiso import-criteria "$TABLE" --id vn-tayninh-commune-2025 \
	--version 2025 --level commune --title "Xã, phường 2025"
expect_rc 0
cmp -s "$TMP/out" "$TMP/tn.yaml" || fail "stdout differs from the -o file"

# The skeleton is refused, each rule named, with what to do.
run_chiso validate "$TMP/tn.yaml"
expect_rc 2
expect_err "tn.yaml:"
expect_err "indicator 4.22.6: method 'todo' is the placeholder written by 'chiso import-criteria'; choose how the indicator is scored"
n=$(grep -c "is the placeholder written by 'chiso import-criteria'" "$TMP/err")
[ "$n" -eq 62 ] || fail "validate named $n placeholders, expected 62"

# A table that gives methods, params, mandatory and source: a model that
# validates and scores (4 of 10 officials trained: 0.4 x 6 = 2.4; the
# portal: 4; total 6.4 of 10).
cat >"$TMP/t.csv" <<'CSV'
code,name,group,max_points,method,params,mandatory,source
1.1,"Tỷ lệ công chức được tập huấn",Nhân lực số,6,ratio,"{numerator: trained, denominator: staff}",có,Bảng tiêu chí 2025
1.2,Cổng thông tin có chuyên mục CĐS,Nhân lực số,4,boolean,{input: portal},không,
CSV
run_chiso import-criteria "$TMP/t.csv" -o "$TMP/t.yaml"
expect_rc 0
expect_err "2 criteria in 1 main indices, 10 points"
grep -q '^        kind: mandatory$' "$TMP/t.yaml" || fail "mandatory not written"
grep -q '^        kind: extended$' "$TMP/t.yaml" || fail "extended not written"
grep -q '^        source: "Bảng tiêu chí 2025"$' "$TMP/t.yaml" || fail "source not written"
grep -q '^  id: "t"$' "$TMP/t.yaml" || fail "the default id is not the file's name"
# Declare the inputs, as the maintainer would, and score a unit.
sed 's/^inputs: {}$/inputs:\
  staff: { type: integer, min: 0 }\
  trained: { type: integer, min: 0, max: staff }\
  portal: { type: boolean }/' "$TMP/t.yaml" >"$TMP/m.yaml"
run_chiso validate "$TMP/m.yaml"
expect_rc 0
cat >"$TMP/u.yaml" <<'YAML'
unit: { code: X1, name: "Xã Một" }
values: { staff: 10, trained: 4, portal: true }
YAML
run_chiso evaluate -f csv "$TMP/m.yaml" "$TMP/u.yaml"
expect_rc 0
expect_out "6.4"

# Vietnamese headers and a BOM: the same tree.
printf '\357\273\277Mã,Tên,Nhóm,Điểm tối đa\n' >"$TMP/vi.csv"
sed 1d "$TABLE" >>"$TMP/vi.csv"
run_chiso import-criteria "$TMP/vi.csv" --id vn-tayninh-commune-2025 \
	--version 2025 --level commune --title "Xã, phường 2025"
expect_rc 0
sed 1,2d "$TMP/tn.yaml" >"$TMP/a"
sed 1,2d "$TMP/out" >"$TMP/b"
diff -u "$TMP/a" "$TMP/b" >&2 || fail "Vietnamese headers gave another tree"

# A workbook of the same table: the same tree, places named as cells.
need_openpyxl
"$PY" - "$TABLE" "$TMP/tn.xlsx" <<'PY'
import csv, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Tiêu chí"
with open(sys.argv[1], encoding="utf-8") as f:
    for i, row in enumerate(csv.reader(f)):
        if i > 0:
            row[3] = float(row[3])
        ws.append(row)
wb.save(sys.argv[2])
PY
run_chiso import-criteria "$TMP/tn.xlsx" --id vn-tayninh-commune-2025 \
	--version 2025 --level commune --title "Xã, phường 2025"
expect_rc 0
expect_err "tn.xlsx:'Tiêu chí'!B46: warning: the text was written in decomposed Unicode"
sed 1,2d "$TMP/out" >"$TMP/b"
diff -u "$TMP/a" "$TMP/b" >&2 || fail "the workbook gave another tree"

# A refusal in a workbook is named at its cell; nothing is written.
"$PY" - "$TMP/bad.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["code", "name", "group", "max_points"])
ws.append(["1.1", "Một", "Hạ tầng", "mười"])
wb.save(sys.argv[1])
PY
run_chiso import-criteria "$TMP/bad.xlsx" -o "$TMP/bad.yaml"
expect_rc 2
expect_err "bad.xlsx:Sheet!D2: max_points 'mười' is not a number"
[ ! -e "$TMP/bad.yaml" ] || fail "a refused table wrote its output"

# Usage.
run_chiso import-criteria
expect_rc 2
expect_err "give exactly one TABLE"
run_chiso import-criteria --id 'Bad Id' "$TABLE"
expect_rc 2
expect_err "--id 'Bad Id' must use only a-z, 0-9, '.' and '-'"
run_chiso import-criteria "$TABLE" -o "$TABLE"
expect_rc 2
run_chiso import-criteria "$TMP/none.csv"
expect_rc 2
expect_err "none.csv"
exit 0
