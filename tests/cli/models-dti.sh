# models-dti.sh - the provincial DTI model (922/QĐ-BTTTT, 9 main indices
# entered as values) on the illustrative provinces of 2022 and 2023: one
# province's DTI checked by hand, the tie-free rankings, and the
# year-over-year comparison.
#
# Hand check, Tỉnh Yên Bái (YB), 2022 (examples/dti-provinces-2022.yaml;
# ILLUSTRATIVE values). DTI = sum(value_i x points_i) / 1000:
#
#   index  value    points   value x points
#   1      0.6654 x 100    =  66.540
#   2      0.6812 x 100    =  68.120
#   3      0.5306 x 100    =  53.060
#   4      0.4471 x 100    =  44.710
#   5      0.7205 x 100    =  72.050
#   6      0.0000 x   0    =   0.000   (smart city: collected, not scored)
#   7      0.5320 x 200    = 106.400
#   8      0.3095 x 150    =  46.425
#   9      0.4188 x 150    =  62.820
#                      sum = 520.125 points of 1000
#   DTI = 520.125 / 1000 = 0.520125 -> 0.5201 (4 decimals)
#
# and the assumed pillar CQS (indices 1-6 plus 7) = (66.54 + 68.12 +
# 53.06 + 44.71 + 72.05 + 0 + 106.40) / 700 = 410.88 / 700 = 0.586971...
# -> 0.5870.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

run_chiso validate criteria/vn-dti-province-2022.yaml
expect_rc 0
expect_out "vn-dti-province-2022 2022, 9 inputs, 0 index nodes, 9 indicators, 1000 points"

# The table of Yên Bái 2022: every main index, the total and CQS.
run_chiso evaluate criteria/vn-dti-province-2022.yaml examples/dti-provinces-2022.yaml
expect_rc 0
awk '/ · province · / { on = /\(YB\)/ } on' "$TMP/out" >"$TMP/yb"
[ -s "$TMP/yb" ] || fail "no table for YB"
mv "$TMP/yb" "$TMP/out"
expect_out_re '^7 +Hoạt động chính quyền số +106\.4000 / 200 +0\.5320 +ok'
expect_out_re '^8 +Hoạt động kinh tế số +46\.4250 / 150 +0\.3095 +ok'
expect_out_re '^6 +Đô thị thông minh \(thu thập, không tính điểm\) +0\.0000 / 0 +0\.0000 +ok'
expect_out_re '^ +Total +520\.1250 / 1000 +0\.5201$'
expect_out_re '^CQS +Chính quyền số +410\.8800 / 700 +0\.5870 +view'

# Both years evaluate cleanly; every unit ok.
for y in 2022 2023; do
	run_chiso evaluate -f json -o "$TMP/p$y.json" criteria/vn-dti-province-2022.yaml \
		"examples/dti-provinces-$y.yaml"
	expect_rc 0
	run_chiso rank -f csv "$TMP/p$y.json"
	expect_rc 0
	# code and rank of each row, in order; no tie (ranks 1..6).
	tr -d '\r' <"$TMP/out" >"$TMP/csv"
	tail -n +2 "$TMP/csv" | cut -d, -f1,2 | tr '\n' ' ' >"$TMP/order$y"
	[ "$(awk -F, 'NR > 1 && $NF != "ok"' "$TMP/csv" | wc -l)" -eq 0 ] ||
		fail "$y: some unit is not ok"
done
[ "$(cat "$TMP/order2022")" = "1,LC 2,YB 3,PT 4,TQ 5,DB 6,HG " ] ||
	fail "2022 order: $(cat "$TMP/order2022")"
[ "$(cat "$TMP/order2023")" = "1,YB 2,LC 3,PT 4,TQ 5,DB 6,HG " ] ||
	fail "2023 order: $(cat "$TMP/order2023")"

# The table ranking of 2022 shows the DTI values.
run_chiso rank "$TMP/p2022.json"
expect_rc 0
expect_out "6 units ranked"
expect_out_re '^ +1  LC +Tỉnh Lào Cai +0\.5531 +553\.1350/1000 '
expect_out_re '^ +2  YB +Tỉnh Yên Bái +0\.5201 +520\.1250/1000 '
expect_out_re '^ +6  HG +Tỉnh Hà Giang +0\.3989 '

# By a pillar view and by a main index.
run_chiso rank --by KTS "$TMP/p2023.json"
expect_rc 0
expect_out "Ranking by Kinh tế số (KTS)"
run_chiso rank --by 7 "$TMP/p2023.json"
expect_rc 0
expect_out_re '^ +1  YB +Tỉnh Yên Bái +0\.6520 '

# Year over year: Yên Bái passes Lào Cai (2nd -> 1st).
run_chiso compare "$TMP/p2022.json" "$TMP/p2023.json"
expect_rc 0
expect_out_re '^YB +Tỉnh Yên Bái +0\.5201 +0\.6066 +\+0\.0865 +\+86\.4800 +2 +1 +\+1 '
expect_out_re '^LC +Tỉnh Lào Cai +0\.5531 +0\.6052 +\+0\.0521 +\+52\.0600 +1 +2 +-1 '
