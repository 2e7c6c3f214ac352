# appraise.sh - chiso appraise: a YAML appraisal file, decisions in two
# files, the stages it takes, the model it must be, usage errors; exit 2
# leaves nothing written (an existing output untouched).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/cli/appraise-lib.sh"

# The same decisions as YAML give the same numbers.
cat >"$TMP/council.yaml" <<'YAML'
decisions:
  - { unit: XA.02, kind: points, id: "1.1", value: 7.5, reason: "Unsigned minutes", by: "HĐTĐ huyện", at: 2025-02-14 }
  - unit: XA.01
    kind: input
    id: dossiers_online
    value: 950
    reason: "54 dossiers were not end-to-end online"
    by: "HĐTĐ huyện"
    at: 2025-02-14
    evidence: "BB-03/HĐTĐ"
YAML
run_chiso appraise -o "$TMP/a.json" "$M" "$TMP/self.json" "$TMP/council.yaml"
expect_rc 0
run_chiso rank "$TMP/a.json"
expect_out_re "XA.01 .* 0.9110  45.5476/50 "
expect_out_re "XA.02 .* 0.7500  22.5000/30 "
run_chiso verify "$M" "$TMP/a.json" --basis "$TMP/council.yaml"
expect_rc 0

# Two files: a second decision on one target across them is refused,
# naming the first; nothing is written, an existing output is kept.
printf 'unit,kind,id,value,reason,by,at,evidence\nXA.02,na,1.1,,Again,Council,2025-02-15,\n' \
	>"$TMP/more.csv"
cp "$TMP/a.json" "$TMP/keep.json"
run_chiso appraise -o "$TMP/keep.json" "$M" "$TMP/self.json" \
	"$TMP/council.yaml" "$TMP/more.csv"
expect_rc 2
expect_err "more.csv:2:3: a second decision on indicator 1.1 of unit XA.02 (the first at $TMP/council.yaml:2)"
expect_err "nothing written"
cmp -s "$TMP/a.json" "$TMP/keep.json" || fail "the existing output changed"

# Stages: appraised from self only; final from appraised (or self).
run_chiso appraise -o "$TMP/x.json" "$M" "$TMP/a.json" "$TMP/more.csv"
expect_rc 2
expect_err "unit XA.01 is of stage 'appraised': the appraised stage is made from self-assessed (self) results"
[ -e "$TMP/x.json" ] && fail "written on exit 2"
run_chiso appraise --stage final -o "$TMP/f.json" "$M" "$TMP/a.json" \
	"$TMP/more.csv"
expect_rc 0
grep -q '"stage": "final"' "$TMP/f.json" || fail "not final"
run_chiso appraise --stage draft "$M" "$TMP/self.json" "$TMP/more.csv"
expect_rc 2
expect_err "--stage is appraised or final, not 'draft'"

# The model must be the one the results were scored under.
sed 's/version: "2024.1"/version: "2024.2"/' "$M" >"$TMP/model2.yaml"
run_chiso appraise -o "$TMP/x.json" "$TMP/model2.yaml" "$TMP/self.json" \
	"$TMP/more.csv"
expect_rc 2
expect_err "appraise with the model it was scored under"

# SELF must be a results document.
run_chiso appraise "$M" "$srcdir/docs/examples/commune-data.yaml" \
	"$TMP/more.csv"
expect_rc 2
expect_err "not a results document (.json)"

# Usage.
run_chiso appraise "$M" "$TMP/self.json"
expect_rc 2
expect_err "give a MODEL, the results SELF.json and at least one APPRAISAL file"
run_chiso appraise --help
expect_rc 0
expect_out "unit,kind,id,value,reason,by,at,evidence"

# A workbook (its first sheet laid out as the CSV): the same numbers,
# places named as cells; points as a number cell.
need_openpyxl
"$PY" - "$TMP/council.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Thẩm định"
ws.append(["unit", "kind", "id", "value", "reason", "by", "at", "evidence"])
ws.append(["XA.02", "points", "1.1", 7.5, "Unsigned minutes", "HĐTĐ huyện", "2025-02-14", None])
ws.append(["XA.01", "input", "dossiers_online", 950, "Not end-to-end", "HĐTĐ huyện", "2025-02-14", "BB-03"])
ws.append(["XA.03", "points", "1.2", 11, "Too many", "HĐTĐ huyện", "2025-02-14", None])
wb.save(sys.argv[1])
PY
run_chiso appraise -o "$TMP/x.json" "$M" "$TMP/self.json" "$TMP/council.xlsx"
expect_rc 2
expect_err "council.xlsx:'Thẩm định'!D4: points 11 of indicator 1.2 are outside 0 to its maximum 10"
"$PY" - "$TMP/council.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.active.delete_rows(4)
wb.save(sys.argv[1])
PY
run_chiso appraise -o "$TMP/x.json" "$M" "$TMP/self.json" "$TMP/council.xlsx"
expect_rc 0
run_chiso rank "$TMP/x.json"
expect_out_re "XA.01 .* 0.9110  45.5476/50 "
expect_out_re "XA.02 .* 0.7500  22.5000/30 "
grep -q '"source": "'"$TMP"'/council.xlsx:'"'"'Thẩm định'"'"'!3:3"' "$TMP/x.json" ||
	fail "the workbook's row is not the decision's source"
# Inputs bounded by each other are corrected together: the officials
# with a computer raised past the total alone are refused, with the new
# total (from a second file of the same run) taken.
cat >"$TMP/pc.csv" <<'CSV'
unit,kind,id,value,reason,by,at,evidence
XA.01,input,officials_with_pc,23,Recounted,HĐTĐ huyện,2025-02-14,
CSV
run_chiso appraise -o "$TMP/pc.json" "$M" "$TMP/self.json" "$TMP/pc.csv"
expect_rc 2
expect_err "pc.csv:2: unit XA.01: input officials_with_pc: 23 is above its maximum officials_total = 21 once corrected"
[ ! -e "$TMP/pc.json" ] || fail "refused, but pc.json was written"
cat >"$TMP/total.csv" <<'CSV'
unit,kind,id,value,reason,by,at,evidence
XA.01,input,officials_total,23,Two officials hired in December,HĐTĐ huyện,2025-02-14,
CSV
run_chiso appraise -o "$TMP/pc.json" "$M" "$TMP/self.json" "$TMP/pc.csv" \
	"$TMP/total.csv"
expect_rc 0
exit 0
