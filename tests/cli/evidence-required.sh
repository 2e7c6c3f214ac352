# evidence-required.sh - evidence_required in a model: an indicator a
# unit gives no evidence for is flagged ("evidence": "missing", its
# note); under withhold it earns no points, under warn it keeps them; a
# council's decision may still award them; verify recomputes it all;
# doc says which indicators require evidence.
. "$srcdir/tests/lib.sh"
EM="$TMP/model.yaml"
# The commune example with 1.1 withheld and 1.2 warned without evidence.
sed 's/^        evidence: "Biên bản các cuộc họp"/&\n        evidence_required: withhold/; s/^        evidence: "Quyết định thành lập Ban chỉ đạo"/&\n        evidence_required: warn/' \
	"$srcdir/docs/examples/commune-model.yaml" >"$EM"
grep -q "evidence_required: withhold" "$EM" || fail "the model was not made"

run_chiso evaluate -f json -o "$TMP/self.json" "$EM" \
	"$srcdir/docs/examples/commune-data.yaml"
expect_rc 0
# XA.01 gives evidence for steering_meetings: 1.1 keeps 7.5. XA.02 gives
# none: 1.1 (4 meetings, 10 points) is withheld, 0 + 5 + 10 = 15 of 30.
# 1.2 (warn) keeps its points everywhere, flagged.
run_chiso rank "$TMP/self.json"
expect_out_re "XA.01 .* 0.9310  46.5476/50 "
expect_out_re "XA.02 .* 0.5000  15.0000/30 "
expect_out_re "XA.03 .* 0.3241  16.2031/50 "
grep -q '"id": "1.1", "points": 0, "max": 10, "value": 0, "status": "ok",.*"note": "4 >= 4 -> 1; evidence required, none given: points withheld", "evidence": "missing"' "$TMP/self.json" ||
	fail "XA.02 1.1 is not withheld and flagged"
grep -q '"id": "1.2", "points": 5, .*"note": "deputy -> 0.5; evidence required, none given", .*"evidence": "missing"' "$TMP/self.json" ||
	fail "XA.02 1.2 is not flagged"
[ "$(grep -c '"id": "1.1", "points": 7.5,.*"evidence": "missing"' "$TMP/self.json")" = 0 ] ||
	fail "XA.01 1.1 has evidence, but is flagged"
run_chiso verify "$EM" "$TMP/self.json"
expect_rc 0

# The council awards XA.02's 1.1 after seeing the minutes: 25 of 30.
printf 'unit,kind,id,value,reason,by,at,evidence\nXA.02,points,1.1,10,Minutes shown at the hearing,HĐTĐ huyện,2025-02-14,BB-04\n' \
	>"$TMP/council.csv"
run_chiso appraise -o "$TMP/a.json" "$EM" "$TMP/self.json" "$TMP/council.csv"
expect_rc 0
run_chiso rank "$TMP/a.json"
expect_out_re "XA.02 .* 0.8333  25.0000/30 "
grep -q '"id": "1.1", "points": 10,.*"from": 0, "to": 10,' "$TMP/a.json" ||
	fail "the decision does not record the withheld points"
run_chiso verify "$EM" "$TMP/a.json" --basis "$TMP/self.json"
expect_rc 0

# doc lists which indicators require evidence.
run_chiso doc --lang en -f md "$EM"
expect_rc 0
expect_out "Biên bản các cuộc họp **(required: no points without it)**"
expect_out "Quyết định thành lập Ban chỉ đạo **(required: flagged without it)**"
exit 0
