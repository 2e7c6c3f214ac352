# appraise-example.sh - the worked example of examples/appraisal/README.md
# end to end: three communes self-assessed, appraised by the council
# (each kind of decision), then made final; the totals, values and ranks
# checked by hand (the README shows the sums), each changed indicator
# carrying its decision, and verify passing on every document written.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/cli/appraise-lib.sh"
run_chiso appraise -o "$TMP/appraised.json" "$M" "$TMP/self.json" \
	"$EX/council-2024.csv"
expect_rc 0
expect_err "3 units appraised: 2 input corrections, 1 points decision, 1 not applicable"
run_chiso appraise --stage final -o "$TMP/final.json" "$M" \
	"$TMP/appraised.json" "$EX/final-2024.csv"
expect_rc 0
expect_err "3 units final: 1 input correction, 1 points decision, 0 not applicable"

# Self: 46.5476/50, 25/30, 16.2031/50.
run_chiso rank "$TMP/self.json"
expect_rc 0
expect_out_re "^ +1  XA.01 .* 0.9310  46.5476/50 "
expect_out_re "^ +2  XA.02 .* 0.8333  25.0000/30 "
expect_out_re "^ +3  XA.03 .* 0.3241  16.2031/50 "
# Appraised: XA.01 2.2 recomputed from 950/1250 (19 of 20 points);
# XA.02 1.1 awarded 7.5; XA.03 1.1 from 2 meetings (5 points), 2.1 na
# (10 points fewer available).
run_chiso rank "$TMP/appraised.json"
expect_rc 0
expect_out_re "^ +1  XA.01 .* 0.9110  45.5476/50 "
expect_out_re "^ +2  XA.02 .* 0.7500  22.5000/30 "
expect_out_re "^ +3  XA.03 .* 0.3301  13.2031/40 "
expect_out "3 units ranked"
# Final: XA.02 1.1 back to 10; XA.03 chair deputy (1.2: 5 points).
run_chiso rank "$TMP/final.json"
expect_rc 0
expect_out_re "^ +1  XA.01 .* 0.9110  45.5476/50 "
expect_out_re "^ +2  XA.02 .* 0.8333  25.0000/30 "
expect_out_re "^ +3  XA.03 .* 0.4551  18.2031/40 "

# Each changed indicator carries its decision, with reason and author.
a="$TMP/appraised.json"
grep -q '"id": "2.2", "points": 19,.*"decisions": \[{"kind": "input", "input": "dossiers_online", "from": 20, "to": 19, .*"reason": "54 dossiers were not end-to-end online", "by": "HĐTĐ huyện", "at": "2025-02-14", "evidence": \["BB-03/HĐTĐ", "Trích xuất hệ thống một cửa"\], "stage": "appraised"' "$a" ||
	fail "XA.01 2.2 lacks its input decision"
grep -q '"id": "1.1", "points": 7.5,.*"decisions": \[{"kind": "points", "from": 10, "to": 7.5, .*"reason": "One meeting' "$a" ||
	fail "XA.02 1.1 lacks its points decision"
grep -q '"id": "2.1", "points": 0, "max": 0,.*"status": "na",.*"decisions": \[{"kind": "na", "from": 8, "to": 0, "from_status": "ok", "to_status": "na"' "$a" ||
	fail "XA.03 2.1 lacks its na decision"
grep -q '{"input": "steering_meetings", "from": null, "to": 2, "reason": "Minutes of two meetings found"' "$a" ||
	fail "XA.03 lacks its corrected input"
grep -q '"role": "appraisal", "file": ".*council-2024.csv", "sha256": "'"$(sha256sum "$EX/council-2024.csv" | cut -c1-64)"'"' "$a" ||
	fail "the appraisal file's hash is not recorded"
grep -q '"role": "results", "file": ".*self.json", "sha256": "'"$(sha256sum "$TMP/self.json" | cut -c1-64)"'"' "$a" ||
	fail "the self results' hash is not recorded"
# The final keeps the appraised decisions, then its own.
grep -q '"id": "1.1", "points": 10,.*"stage": "appraised".*"from": 7.5, "to": 10,.*"stage": "final"' "$TMP/final.json" ||
	fail "XA.02 1.1 of the final lacks its chain of decisions"

# verify passes on every document written.
run_chiso verify "$M" "$TMP/self.json"
expect_rc 0
expect_out "verified: 3 units, 24 nodes"
run_chiso verify "$M" "$TMP/appraised.json" --basis "$TMP/self.json" \
	--basis "$EX/council-2024.csv"
expect_rc 0
expect_out "4 decisions (2 input corrections); 2 basis files match"
run_chiso verify "$M" "$TMP/final.json" --basis "$TMP/appraised.json" \
	--basis "$EX/final-2024.csv"
expect_rc 0
expect_out "6 decisions (3 input corrections); 2 basis files match"

# compare of self vs appraised shows each decision, its reason and by
# whom, in the indicator's note.
run_chiso compare -f csv "$TMP/self.json" "$TMP/appraised.json"
expect_rc 0
expect_out 'XA.02,Xã Bình Sơn,1.1,Ban chỉ đạo CĐS họp trong năm,10.0000,7.5000,-2.5000,4,,"7.5 points awarded (appraised, HĐTĐ huyện: One meeting'"'"'s minutes are unsigned)",'
expect_out '"950/1250 = 0.76 (target 0.8); dossiers_online corrected 1004 -> 950 (appraised, HĐTĐ huyện: 54 dossiers were not end-to-end online)",dossiers_online 1004 -> 950'
expect_out '"does not apply (appraised, HĐTĐ huyện: Commune staff moved to the district centre this year)"'
# gaps and report read appraised and final documents.
run_chiso gaps "$TMP/final.json"
expect_rc 0
run_chiso report -o "$TMP/r.html" "$TMP/final.json"
expect_rc 0
# The report's section on the council's decisions: each changed
# indicator with its chain of decisions, who, when and why.
grep -q '<h2>Quyết định của Hội đồng thẩm định</h2>' "$TMP/r.html" ||
	fail "the report has no section on the decisions"
grep -q '<tr><td class="code">XA.02</td><td>Xã Bình Sơn</td><td class="code">1.1</td><td>appraised: points 10 -&gt; 7.5 (HĐTĐ huyện, 2025-02-14): One meeting&#39;s minutes are unsigned; final: points 7.5 -&gt; 10 (UBND huyện, 2025-03-03): Minutes signed and filed after the appraisal</td></tr>' "$TMP/r.html" ||
	fail "the report lacks XA.02's chain of decisions"
run_chiso report -o "$TMP/s.html" "$TMP/self.json"
expect_rc 0
grep -q 'class="decisions"' "$TMP/s.html" &&
	fail "a report without decisions has the section"
exit 0
