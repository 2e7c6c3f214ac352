# compare.sh - year over year (changes in value, points, rank, per main
# index and view; units that appear or disappear; a warning when models
# differ) and self-assessed vs appraised (the indicators that differ,
# with the raw and input values behind them).
. "$srcdir/tests/lib.sh"
cd "$srcdir"
for f in 2022 2023-self 2023-appraised; do
	run_chiso evaluate -f json -o "$TMP/$f.json" \
		criteria/example-district.yaml "examples/yen-bai-districts-$f.yaml"
	expect_rc 0
done
# Paths of temporary files vary: show them as TMP.
norm() {
	sed -e "s|$TMP|TMP|g" -e 's/"generator": "chiso [^"]*"/"generator": "chiso VERSION"/' \
		"$TMP/out" >"$TMP/out.norm"
	mv "$TMP/out.norm" "$TMP/out"
}

run_chiso compare "$TMP/2022.json" "$TMP/2023-self.json"
expect_rc 0
norm
expect_same tests/cli/expected/compare-years.table
expect_out_re "^YB.TXNL +Thị xã Nghĩa Lộ +0.9665 +0.9887 +\\+0.0222 +\\+2.2175 +1 +2 +-1 "

run_chiso compare "$TMP/2023-self.json" "$TMP/2023-appraised.json"
expect_rc 0
norm
expect_same tests/cli/expected/compare-stages.table
expect_out "Values that differ: committee_chair head -> deputy; households_fibre_pct 84 -> 74"

run_chiso compare -f csv "$TMP/2023-self.json" "$TMP/2023-appraised.json"
expect_rc 0
head -n 1 "$TMP/out" | grep -q '^code,name,indicator,indicator_name,points_base,points_new,difference' ||
	fail "stages CSV header"
expect_out 'YB.MCC,Huyện Mù Cang Chải,1.1,Ban chỉ đạo CĐS họp trong năm,10.0000,0.0000,-10.0000,2,0,'
run_chiso compare -f json "$TMP/2022.json" "$TMP/2023-self.json"
expect_rc 0
expect_out '"mode": "years"'
run_chiso compare -f md --mode stages "$TMP/2023-self.json" "$TMP/2023-appraised.json"
expect_rc 0
expect_out "## YB.MCC Huyện Mù Cang Chải: value 0.6217 -> 0.4717 (-0.1500), points -15.0000"

# A unit that disappears, and a model that changed.
awk '/code: "YB.TTA"/ { skip = 3 } skip > 0 { skip--; next } { print }' \
	examples/yen-bai-districts-2022.yaml >"$TMP/less.yaml"
sed 's/^  version: "2023"/  version: "2024"/' criteria/example-district.yaml \
	>"$TMP/model-2024.yaml"
run_chiso evaluate -f json -o "$TMP/less.json" "$TMP/model-2024.yaml" \
	"$TMP/less.yaml"
expect_rc 0
run_chiso compare "$TMP/less.json" "$TMP/2023-self.json"
expect_rc 0
expect_out "Appeared (new only): YB.TTA"
expect_out "warning: results come from different models: vn-district-example 2024"
run_chiso compare "$TMP/2023-self.json" "$TMP/less.json"
expect_out "Disappeared (base only): YB.TTA"

run_chiso compare "$TMP/2022.json"
expect_rc 2
expect_err "2022.json: holds 1 period (2022) and 1 stage (final): nothing to compare within it; give BASE and NEW"
run_chiso compare "$TMP/2022.json" "$TMP/2022.json" "$TMP/2022.json"
expect_rc 2
expect_err "give BASE and NEW results, or one results file holding both"

# A unit invalid on one side is not compared as if it scored 0.
printf 'units:\n  - unit: { code: "YB.TTA", period: "2023" }\n    values: { officials_total: "x" }\n' \
	>"$TMP/tta-bad.yaml"
awk '/code: "YB.TTA"/ { skip = 3 } skip > 0 { skip--; next } { print }' \
	examples/yen-bai-districts-2023-self.yaml >"$TMP/self-less.yaml"
run_chiso evaluate -f json -o "$TMP/self-bad.json" criteria/example-district.yaml \
	"$TMP/self-less.yaml" "$TMP/tta-bad.yaml"
expect_rc 1
run_chiso compare "$TMP/2022.json" "$TMP/self-bad.json"
expect_rc 0
expect_out "Not compared: YB.TTA is invalid in new (not scored)"
if grep -q '^YB.TTA ' "$TMP/out"; then
	fail "an invalid unit was compared"
fi
