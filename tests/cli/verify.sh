# verify.sh - chiso verify catches, naming the place, a results file with
# one point edited, one decision removed, one input value changed, a
# total edited, and a basis file one byte different; exit 1 for each,
# 2 on usage errors.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/cli/appraise-lib.sh"

# edited NAME SCRIPT: $TMP/NAME.json is $TMP/a.json edited by the sed
# SCRIPT (which must change it).
edited() {
	sed "$2" "$TMP/a.json" >"$TMP/$1.json"
	cmp -s "$TMP/a.json" "$TMP/$1.json" && fail "$1: the edit did not apply"
	return 0
}
run_chiso appraise -o "$TMP/a.json" "$M" "$TMP/self.json" \
	"$EX/council-2024.csv"
expect_rc 0
run_chiso verify "$M" "$TMP/a.json" --basis "$TMP/self.json"
expect_rc 0

# One point edited: XA.02's 1.1 (awarded 7.5) made 8.
edited point 's/"id": "1.1", "points": 7.5,/"id": "1.1", "points": 8,/'
run_chiso verify "$M" "$TMP/point.json"
expect_rc 1
expect_err "point.json:"
expect_err "unit XA.02: node 1.1: points 8.0000 recorded, but 7.5000 computed"
expect_err "does not hold"

# A total edited.
edited total 's/"points": 22.5,/"points": 23.5,/'
run_chiso verify "$M" "$TMP/total.json"
expect_rc 1
expect_err "unit XA.02: points 23.5000 recorded, but 22.5000 computed"

# One decision removed: the points awarded to XA.02's 1.1.
edited decision 's/, "decisions": \[{"kind": "points".*"source": "[^"]*"}\]}/}/'
run_chiso verify "$M" "$TMP/decision.json"
expect_rc 1
expect_err "unit XA.02: node 1.1: points 7.5000 recorded, but 10.0000 computed"

# One decision removed from an indicator that reads a corrected input.
edited input-decision 's/, "decisions": \[{"kind": "input", "input": "dossiers_online".*"source": "[^"]*"}\]}/}/'
run_chiso verify "$M" "$TMP/input-decision.json"
expect_rc 1
expect_err "unit XA.01: node 2.2: the decision correcting input dossiers_online"

# One input value changed: XA.01's officials_with_pc 19 -> 18.
edited value 's/"officials_with_pc": 19,/"officials_with_pc": 18,/'
run_chiso verify "$M" "$TMP/value.json"
expect_rc 1
expect_err "unit XA.01: node 2.1: points 9.0476 recorded, but 8.5714 computed"

# A value that changes no number (XA.03's 2.1 does not apply): caught
# against the results it was made from.
edited quiet 's/"officials_with_pc": {"value": 12,/"officials_with_pc": {"value": 13,/'
run_chiso verify "$M" "$TMP/quiet.json"
expect_rc 0
run_chiso verify "$M" "$TMP/quiet.json" --basis "$TMP/self.json"
expect_rc 1
expect_err "quiet.json:"
expect_err "unit XA.03: input officials_with_pc differs from basis $TMP/self.json, and no correction recorded takes the one to the other"

# A corrected input changed: no longer what its correction says.
edited corrected 's/"dossiers_online": 950,/"dossiers_online": 951,/'
run_chiso verify "$M" "$TMP/corrected.json"
expect_rc 1
expect_err "unit XA.01: input dossiers_online is not the value its correction"

# A decision's reason or author edited: caught against the appraisal
# file it was read from.
edited reason 's/"reason": "One meeting.s minutes are unsigned"/"reason": "Minutes are fine"/'
run_chiso verify "$M" "$TMP/reason.json" --basis "$EX/council-2024.csv"
expect_rc 1
expect_err "reason.json: the decision recorded from $EX/council-2024.csv:6 differs from basis $EX/council-2024.csv in its reason"
edited by 's/"by": "HĐTĐ huyện", "at": "2025-02-14", "evidence": \["BB-03\/HĐTĐ"\]/"by": "UBND", "at": "2025-02-14", "evidence": ["BB-03\/HĐTĐ"]/'
run_chiso verify "$M" "$TMP/by.json" --basis "$EX/council-2024.csv"
expect_rc 1
expect_err "differs from basis $EX/council-2024.csv in its author (by)"
run_chiso verify "$M" "$TMP/a.json" --basis "$EX/council-2024.csv"
expect_rc 0

# A basis file one byte different.
cp "$EX/council-2024.csv" "$TMP/council-2024.csv"
run_chiso verify "$M" "$TMP/a.json" --basis "$TMP/council-2024.csv"
expect_rc 0
expect_out "1 basis file match"
printf 'x' >>"$TMP/council-2024.csv"
run_chiso verify "$M" "$TMP/a.json" --basis "$TMP/council-2024.csv"
expect_rc 1
expect_err "basis $TMP/council-2024.csv has sha256"
expect_err "for $EX/council-2024.csv (appraisal): it changed since"
# A file that is no basis of the document.
run_chiso verify "$M" "$TMP/a.json" --basis "$M.nope" 
expect_rc 2
printf 'x\n' >"$TMP/other.csv"
run_chiso verify "$M" "$TMP/a.json" --basis "$TMP/other.csv"
expect_rc 1
expect_err "is none of the files the document was made from"

# Another model: its hash is not the one recorded.
sed 's/version: "2024.1"/version: "2024.2"/' "$M" >"$TMP/model2.yaml"
run_chiso verify "$TMP/model2.yaml" "$TMP/a.json"
expect_rc 1
expect_err "model.sha256"

# A merged unit has no inputs to compute again: refused.
sed '0,/"stage": "self",/s//"stage": "self", "derived": {"rule": "mean", "from": ["A", "B"]},/' \
	"$TMP/self.json" >"$TMP/merged.json"
run_chiso verify "$M" "$TMP/merged.json"
expect_rc 2
expect_err "unit XA.01 was made by chiso merge from its predecessors"

# Usage.
run_chiso verify "$M"
expect_rc 2
expect_err "give a MODEL and one RESULTS file"
run_chiso verify "$M" "$srcdir/docs/examples/commune-data.yaml"
expect_rc 2
exit 0
