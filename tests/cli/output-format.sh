# output-format.sh - -o FILE's extension picks the format when -f is not
# given (evaluate, rank, report, compare, gaps, template, doc, diff,
# merge); an extension the command cannot write, or one that contradicts
# -f, is refused with exit 2 and nothing written; "-o -", no -o and an
# extension naming no format keep the default. evaluate's score sheet
# (-o x.csv) is compared with a fixture.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

model=criteria/example-district.yaml
d22=examples/yen-bai-districts-2022.yaml
d23=examples/yen-bai-districts-2023-appraised.yaml
o=$TMP/o
mkdir "$o"

# is_json FILE: FILE parses as JSON (by chiso's own reader when there is
# no python3: evaluate reads a results document back).
is_json() {
	if command -v python3 >/dev/null 2>&1; then
		python3 -c 'import json,sys; json.load(open(sys.argv[1]))' \
			"$1" || fail "$1 is not JSON"
	else
		head -c 1 "$1" | grep -q '[{[]' || fail "$1 is not JSON"
	fi
}

# writes FILE CHECK ARGS...: chiso ARGS exits 0 and writes FILE, which
# parses as JSON (CHECK "json") or has a line matching the regex CHECK.
writes() {
	file=$1 check=$2
	shift 2
	run_chiso "$@"
	expect_rc 0
	if [ "$check" = json ]; then
		is_json "$file"
	else
		grep -q -- "$check" "$file" || fail "chiso $*: $file lacks $check"
	fi
}

# refused TEXT ARGS...: chiso ARGS exits 2 with TEXT on stderr and
# leaves nothing in $o.
refused() {
	text=$1
	shift
	run_chiso "$@"
	expect_rc 2
	expect_err "$text"
	[ -z "$(ls -A "$o")" ] || fail "chiso $* left $(ls -A "$o")"
}

# --- evaluate ------------------------------------------------------------
writes "$TMP/r22.json" json evaluate -o "$TMP/r22.json" "$model" "$d22"
run_chiso evaluate -o "$TMP/r23.json" "$model" "$d23"
expect_rc 0
writes "$TMP/R.JSON" json evaluate -o "$TMP/R.JSON" "$model" "$d22"
run_chiso evaluate -o "$TMP/scores.csv" "$model" "$d22"
expect_rc 0
cp "$TMP/scores.csv" "$TMP/out"
expect_same tests/cli/expected/scores-2022.csv
# an invalid unit: its identity and status, no numbers (exit 1 as ever)
sed 's/steering_meetings: { value: 4,/steering_meetings: { value: "four",/' \
	examples/yen-binh-2022.yaml >"$TMP/bad.yaml"
run_chiso evaluate -o "$TMP/bad.csv" "$model" "$TMP/bad.yaml"
expect_rc 1
grep -q '^YB.YBI,Huyện Yên Bình,district,YB,2022,self,invalid.$' \
	"$TMP/bad.csv" || fail "the invalid unit's row: $(sed -n 2p "$TMP/bad.csv")"
writes "$TMP/r.txt" '^Huyện Yên Bình (YB.YBI)' \
	evaluate -o "$TMP/r.txt" "$model" "$d22"
# no extension, an unknown one, and "-": the table as before
writes "$TMP/r.out" '^Huyện Yên Bình (YB.YBI)' \
	evaluate -o "$TMP/r.out" "$model" "$d22"
run_chiso evaluate -o - "$model" "$d22"
expect_rc 0
expect_out "Huyện Yên Bình (YB.YBI)"

refused "chiso evaluate: cannot write $o/x.html as HTML: evaluate writes table (.txt), json (.json), csv (.csv) or xlsx (.xlsx); name the output for one of them" \
	evaluate -o "$o/x.html" "$model" "$d22"
refused "chiso evaluate: -f json does not match the output name $o/x.csv (.csv is for CSV): drop -f to write CSV there, or name the output $o/x.json" \
	evaluate -f json -o "$o/x.csv" "$model" "$d22"
refused "chiso evaluate: -f table does not match the output name $o/x.json (.json is for JSON): drop -f to write JSON there, or name the output $o/x.txt" \
	evaluate -f table -o "$o/x.json" "$model" "$d22"
refused "chiso evaluate: -f csv does not match the output name $o/x.xlsx" \
	evaluate -f csv -o "$o/x.xlsx" "$model" "$d22"
refused "chiso evaluate: --format xlsx needs -o FILE.xlsx" \
	evaluate -f xlsx "$model" "$d22"

# --- rank and report -----------------------------------------------------
writes "$o/r.csv" '^rank,code,name,value,points,max,class,' \
	rank -o "$o/r.csv" "$TMP/r22.json"
writes "$o/r.json" json rank -o "$o/r.json" "$TMP/r22.json"
writes "$o/r.md" '^| Rank' rank -o "$o/r.md" "$TMP/r22.json"
writes "$o/r.html" '^<!DOCTYPE html>' rank -o "$o/r.html" "$TMP/r22.json"
writes "$o/r.txt" '^| Rank' rank -f md -o "$o/r.txt" "$TMP/r22.json"
writes "$o/r.yaml" json evaluate -f json -o "$o/r.yaml" "$model" "$d22"
rm -f "$o"/*
refused "chiso evaluate: cannot write $o/r.yaml as YAML: evaluate writes" \
	evaluate -o "$o/r.yaml" "$model" "$d22"
refused "chiso doc: cannot write $o/d.txt as text: doc writes md (.md) or html (.html)" \
	doc -o "$o/d.txt" "$model"
refused "chiso rank: -f csv does not match the output name $o/ranking.xlsx (.xlsx is for an Excel workbook): drop -f to write an Excel workbook there, or name the output $o/ranking.csv" \
	rank -f csv -o "$o/ranking.xlsx" "$TMP/r22.json"
refused "chiso rank: cannot write $o/r.yaml as YAML: rank writes table (.txt), csv (.csv), json (.json), md (.md), html (.html) or xlsx (.xlsx)" \
	rank -o "$o/r.yaml" "$TMP/r22.json"
refused "chiso report: cannot write $o/r.csv as CSV: report writes html (.html); name the output for one of them" \
	report -o "$o/r.csv" "$TMP/r22.json"
run_chiso report -o "$o/report.htm" "$TMP/r22.json"
expect_rc 0
rm -f "$o"/*

# --- compare and gaps ----------------------------------------------------
writes "$o/c.csv" '^code,name,status,value_base,' \
	compare -o "$o/c.csv" "$TMP/r22.json" "$TMP/r23.json"
writes "$o/c.json" json compare -o "$o/c.json" "$TMP/r22.json" "$TMP/r23.json"
writes "$o/g.csv" '^code,name,period,stage,indicator,' gaps -o "$o/g.csv" "$TMP/r23.json"
writes "$o/g.json" json gaps -o "$o/g.json" "$TMP/r23.json"
rm -f "$o"/*
refused "chiso compare: -f md does not match the output name $o/c.json" \
	compare -f md -o "$o/c.json" "$TMP/r22.json" "$TMP/r23.json"
refused "chiso gaps: cannot write $o/g.md as Markdown: gaps writes table (.txt), csv (.csv), json (.json) or xlsx (.xlsx)" \
	gaps -o "$o/g.md" "$TMP/r23.json"

# --- template, doc, diff, merge ------------------------------------------
writes "$o/t.csv" '^code,name,level,parent,period,stage,' \
	template -o "$o/t.csv" "$model"
writes "$o/t.json" json template -o "$o/t.json" "$model"
writes "$o/t.yml" '^unit:' template -o "$o/t.yml" "$model"
writes "$o/d.html" '<html' doc -o "$o/d.html" "$model"
writes "$o/diff.json" json \
	diff -o "$o/diff.json" "$model" criteria/example-district.yaml
rm -f "$o"/*
refused "chiso template: cannot write $o/t.html as HTML: template writes yaml (.yaml), json (.json), csv (.csv) or xlsx (.xlsx)" \
	template -o "$o/t.html" "$model"
# the workbook: a zip (its first bytes "PK")
run_chiso template -o "$o/t.xlsx" "$model"
expect_rc 0
[ "$(head -c 2 "$o/t.xlsx")" = PK ] || fail "template -o t.xlsx wrote no workbook"
rm -f "$o"/*
refused "chiso doc: -f html does not match the output name $o/d.md (.md is for Markdown): drop -f to write Markdown there, or name the output $o/d.html" \
	doc -f html -o "$o/d.md" "$model"
refused "chiso diff: cannot write $o/d.html as HTML: diff writes table (.txt), md (.md) or json (.json)" \
	diff -o "$o/d.html" "$model" "$model"
refused "chiso merge: cannot write $o/m.csv as CSV: merge writes json (.json); name the output for one of them" \
	merge -m tests/cli/data/merge-districts.csv -o "$o/m.csv" "$TMP/r22.json"
exit 0
