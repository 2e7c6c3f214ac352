# csv-template.sh - "chiso template --format csv" writes the header row
# of a CSV batch (and with --labels a '#' row of labels, with --bom a
# UTF-8 BOM, with --separator ';' semicolons), quoted per RFC 4180 and
# ended by CRLF; every variant, with a data row appended, evaluates.
. "$srcdir/tests/lib.sh"

cat >"$TMP/m.yaml" <<'MODEL'
model:
  id: csv-template-test
  version: "1"
  title: "CSV template test"
  level: district
inputs:
  meetings:  { type: integer, min: 0, label: "Số cuộc họp", unit: "cuộc" }
  fibre_pct: { type: number, min: 0, max: 100, label: "Tỷ lệ hộ có cáp quang; ước tính", unit: "%" }
  plan:      { type: boolean, label: "Kế hoạch \"CĐS\", năm 2023" }
  chair:     { type: choice, choices: [head, deputy, none] }
  ref:       { type: text, label: "Số hiệu báo cáo" }
indices:
  - id: "1"
    name: "Một"
    points: 20
    children:
      - { id: "1.1", name: "Họp", points: 5, method: bands, params: { input: meetings, bands: [[4, 1.0], [2, 0.5]] } }
      - { id: "1.2", name: "Cáp quang", points: 5, method: target, params: { input: fibre_pct, op: ">=", value: 80, partial: linear } }
      - { id: "1.3", name: "Kế hoạch", points: 5, method: boolean, params: { input: plan } }
      - { id: "1.4", name: "Trưởng ban", points: 5, method: choice, params: { input: chair, scores: { head: 1, deputy: 0.5, none: 0 } } }
MODEL

header='code,name,level,parent,period,stage,meetings,fibre_pct,plan,chair,ref'
labels='# Mã đơn vị (code),Tên đơn vị,Cấp,Đơn vị cấp trên,Kỳ đánh giá,Giai đoạn: self | appraised | final,Số cuộc họp (cuộc),Tỷ lệ hộ có cáp quang; ước tính (%),"Kế hoạch ""CĐS"", năm 2023",chair,Số hiệu báo cáo'
semi_header='code;name;level;parent;period;stage;meetings;fibre_pct;plan;chair;ref'
semi_labels='# Mã đơn vị (code);Tên đơn vị;Cấp;Đơn vị cấp trên;Kỳ đánh giá;Giai đoạn: self | appraised | final;Số cuộc họp (cuộc);"Tỷ lệ hộ có cáp quang; ước tính (%)";"Kế hoạch ""CĐS"", năm 2023";chair;Số hiệu báo cáo'

# The header row alone, CRLF-ended.
printf '%s\r\n' "$header" >"$TMP/want1"
run_chiso template --format csv "$TMP/m.yaml"
expect_rc 0
expect_same "$TMP/want1"

# With labels: quoted only where a field holds ',', a quote or a line end.
printf '%s\r\n' "$header" "$labels" >"$TMP/want2"
run_chiso template --format csv --labels "$TMP/m.yaml"
expect_rc 0
expect_same "$TMP/want2"

# ';', labels and a BOM, written to a file.
{
	printf '\357\273\277'
	printf '%s\r\n' "$semi_header" "$semi_labels"
} >"$TMP/want3"
run_chiso template -f csv --separator ';' --labels --bom -o "$TMP/t3.csv" \
	"$TMP/m.yaml"
expect_rc 0
cmp "$TMP/want3" "$TMP/t3.csv" || fail "--separator ';' --labels --bom"

# Each reads back with a row appended.
cp "$TMP/want1" "$TMP/t1.csv"
printf '%s\r\n' 'A,"Huyện A, tỉnh ""B""",district,P,2023,self,4,72.5,có,head,"BC-1, 2023"' >>"$TMP/t1.csv"
cp "$TMP/want2" "$TMP/t2.csv"
printf '%s\r\n' 'B,Huyện B,,,2023,,2,85,không,deputy,' >>"$TMP/t2.csv"
printf '%s\r\n' 'C;Huyện C, tỉnh D;district;P;2023;final;4;72,5;x;none;R' >>"$TMP/t3.csv"
run_chiso evaluate -f json -o "$TMP/r.json" "$TMP/m.yaml" "$TMP/t1.csv" \
	"$TMP/t2.csv" "$TMP/t3.csv"
expect_rc 0
[ "$(grep -c '^      "status": "ok",$' "$TMP/r.json")" -eq 3 ] ||
	fail "expected 3 units read back from the templates"
grep -F -q '"code": "A", "name": "Huyện A, tỉnh \"B\""' "$TMP/r.json" ||
	fail "unit A misread"
grep -F -q '"ref": "BC-1, 2023"' "$TMP/r.json" || fail "unit A: ref misread"
grep -F -q '"code": "C", "name": "Huyện C, tỉnh D"' "$TMP/r.json" ||
	fail "unit C misread"
[ "$(grep -c '"fibre_pct": 72.5,' "$TMP/r.json")" -eq 2 ] ||
	fail "72.5 and 72,5 (with ';') not both read as 72.5"
# A: 4 meetings 5 + fibre 72.5 of 80 4.53125 + plan 5 + head 5; B: 2.5 +
# 5 + 0 + 2.5; C: 5 + 4.53125 + 5 + 0.
for p in 19.53125 10 14.53125; do
	grep -q "^      \"points\": $p,\$" "$TMP/r.json" ||
		fail "no unit scored $p"
done

# The example model's template reads back too.
cd "$srcdir"
run_chiso template --format csv --labels --bom criteria/example-district.yaml
expect_rc 0
head -n 1 "$TMP/out" | grep -q '^.*code,name,level,parent,period,stage,steering_meetings,' ||
	fail "example template header"
cp "$TMP/out" "$TMP/ex.csv"
printf '%s\r\n' 'T1,Huyện Thử,district,YB,2023,self,4' >>"$TMP/ex.csv"
run_chiso evaluate criteria/example-district.yaml "$TMP/ex.csv"
expect_rc 0
expect_out "Huyện Thử (T1)"
expect_out "4 >= 4 -> 1"

# CSV options need --format csv; separators are ',' or ';'.
run_chiso template --labels criteria/example-district.yaml
expect_rc 2
expect_err "--labels is for --format csv"
run_chiso template --bom criteria/example-district.yaml
expect_rc 2
expect_err "--bom is for --format csv"
run_chiso template --format csv --separator '|' criteria/example-district.yaml
expect_rc 2
expect_err "unknown separator '|'"
run_chiso template --format xml criteria/example-district.yaml
expect_rc 2
expect_err "use yaml, json, csv or xlsx"
