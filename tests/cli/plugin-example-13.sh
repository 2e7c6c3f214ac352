# plugin-example-13.sh - the ABI 1.3 example methods, written only
# against <chiso/plugin_util.h> and the 1.3 services: yearly_target (a
# target that depends on the unit's period) and weighted_sum (inputs
# named by map keys, each a share of its "max"). Figures checked by hand:
#   A, 2024: fibre 72 / target 80 = 0.9 -> 9 points; 0.4 x 50/100 +
#            0.6 x 90/100 = 0.74 -> 7.4; total 16.4 / 20
#   B, 2023: fibre 75 >= 70 -> 10; 0.4 x 1 + 0.6 x 0.3 = 0.58 -> 5.8;
#            total 15.8 / 20
#   C, 2022: no target for 2022 -> error; 5.8
# chiso doc writes both rules in words (vi and en).
. "$srcdir/tests/lib.sh"
plugin_dir "$TEST_PLUGIN_DIR/yearly_target.so" yearly_target
plugin_dir "$TEST_PLUGIN_DIR/weighted_sum.so" weighted_sum
m="$srcdir/tests/cli/data/abi13-example-model.yaml"
d="$srcdir/tests/cli/data/abi13-example-data.yaml"
run_chiso evaluate -P "$TMP/p" "$m" "$d"
expect_rc 1 # unit C: no target for its year
expect_out_re "^1 +Hộ gia đình có cáp quang +9.0000 / 10  0.9000  ok +72 / 80 \(target 2024\) = 0.9$"
expect_out_re "^2 +Thanh toán điện tử và dịch vụ công trực tuyến +7.4000 / 10  0.7400  ok +0.4 x 0.5 \+ 0.6 x 0.9 = 0.74 / 1$"
expect_out_re "^ +Total +16.4000 / 20  0.8200$"
expect_out_re "^1 +Hộ gia đình có cáp quang +10.0000 / 10  1.0000  ok +75 >= 70 \(target 2023\): met$"
expect_out_re "^ +Total +15.8000 / 20  0.7900$"
expect_out_re "^1 +Hộ gia đình có cáp quang +0.0000 / 10  0.0000  error +no target for period 2022 \(targets from 2023 to 2024\)$"
expect_out_re "^ +Total +5.8000 / 20  0.2900$"
expect_err "unit C: indicator 1 (method yearly_target): no target for period 2022"

# The hints (chiso gaps reads them from the results).
run_chiso evaluate -f json -P "$TMP/p" "$m" "$d"
expect_out '"hint": "fibre_share >= 80 for full points"'
expect_out '"hint": "raise online_share first (weight 0.6)"'

run_chiso doc -P "$TMP/p" "$m"
expect_rc 0
expect_out "Hộ có cáp quang (fibre\\_share) đạt chỉ tiêu của năm đánh giá (2023: 70 %; 2024: 80 %) thì đủ điểm; chưa đạt thì điểm theo tỷ lệ giá trị / chỉ tiêu"
expect_out "Trung bình có trọng số của 0.4 × epay\\_share + 0.6 × online\\_share chia 1"
run_chiso doc --lang en -P "$TMP/p" "$m"
expect_out "Full points when Hộ có cáp quang (fibre\\_share) reaches the target of the year scored (2023: 70 %; 2024: 80 %)"
expect_out "Weighted mean of 0.4 × epay\\_share + 0.6 × online\\_share over 1 (each input as a share of its maximum)"

# A weight naming an unknown input is placed at the weights map.
sed 's/epay_share: 0.4/epay_shar: 0.4/' "$m" >"$TMP/bad.yaml"
run_chiso validate -P "$TMP/p" "$TMP/bad.yaml"
expect_rc 2
expect_err "unknown input 'epay_shar'; did you mean 'epay_share'?"
