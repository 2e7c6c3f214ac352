# models-targets.sh - the plan-target models: Yên Bình's 2022 plan
# (81-KH/HU: 24 of 28 targets met, seed article) gives the completion
# rate 24/28 = 0.857142... -> 0.8571 (the seed prints 85.6%, which is not
# 24/28; chiso gives 0.8571), and of Yên Bình's 24 communes exactly 12
# meet all 17 commune-level targets (value 1.0000 = 17/17).
. "$srcdir/tests/lib.sh"
cd "$srcdir"

run_chiso validate criteria/vn-plan-targets-2022.yaml criteria/vn-commune-targets-2023.yaml
expect_rc 0
expect_out "vn-plan-targets-2022 2022, 28 inputs, 4 index nodes, 28 indicators, 28 points"
expect_out "vn-commune-targets-2023 2023, 17 inputs, 4 index nodes, 17 indicators, 17 points"

# Yên Bình 2022: 24 of 28 targets, value 0.8571.
run_chiso evaluate criteria/vn-plan-targets-2022.yaml examples/yen-binh-plan-2022.yaml
expect_rc 0
expect_out_re '^ +Total +24\.0000 / 28 +0\.8571$'
# exactly four targets not met, each worth its one point
[ "$(grep -E -c '0\.0000 / 1 +0\.0000 +ok' "$TMP/out")" -eq 4 ] ||
	fail "expected 4 targets not met"
expect_out_re '^T19 .* 0\.0000 / 1 +0\.0000 +ok +86\.3 >= 90: not met$'

# The same through rank: the completion rate as published.
run_chiso evaluate -f json -o "$TMP/plan.json" criteria/vn-plan-targets-2022.yaml \
	examples/yen-binh-plan-2022.yaml
expect_rc 0
run_chiso rank -f csv "$TMP/plan.json"
expect_rc 0
expect_out '1,YB.YBI,Huyện Yên Bình,0.8571,24.0000,28,'

# The 24 communes: exactly 12 with 17/17 (value 1.0000), all ranked 1st.
run_chiso evaluate -f json -o "$TMP/ct.json" criteria/vn-commune-targets-2023.yaml \
	examples/yen-binh-communes-targets-2023.yaml
expect_rc 0
run_chiso rank -f csv "$TMP/ct.json"
expect_rc 0
tr -d '\r' <"$TMP/out" >"$TMP/ct.csv"
[ "$(tail -n +2 "$TMP/ct.csv" | wc -l)" -eq 24 ] || fail "expected 24 communes"
[ "$(awk -F, 'NR > 1 && $NF == "ok"' "$TMP/ct.csv" | wc -l)" -eq 24 ] ||
	fail "some commune is not ok"
full=$(awk -F, 'NR > 1 && $4 == "1.0000"' "$TMP/ct.csv" | wc -l)
[ "$full" -eq 12 ] || fail "$full communes with value 1.0000, expected 12"
[ "$(awk -F, 'NR > 1 && $4 == "1.0000" && $5 == "17.0000" && $1 == "1"' "$TMP/ct.csv" | wc -l)" -eq 12 ] ||
	fail "the 12 communes with 17/17 should share rank 1"
# the next rank skips the 12 tied places
[ "$(awk -F, 'NR == 14 { print $1 }' "$TMP/ct.csv")" = "13" ] ||
	fail "the 13th row should have rank 13"
# every commune belongs to Yên Bình
run_chiso rank --group-by parent "$TMP/ct.json"
expect_rc 0
expect_out "YB.YBI (YB.YBI)"
expect_out "24 units ranked"
