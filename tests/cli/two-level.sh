# two-level.sh - the two-level example end to end: the communes of Tây
# Ninh after the 2025 mergers (examples/tayninh-communes-2025.yaml, all
# illustrative) scored with criteria/vn-tayninh-commune-2025.yaml, ranked
# within the province, reported; last year's results of the former
# communes (examples/tayninh-communes-2024.yaml under
# criteria/vn-commune-2023.yaml) carried to the new communes by
# examples/merge-tayninh-communes-2025.csv, and compared with 2025.
#
# Checked by hand.
#
# TN25.01 Phường Ninh Hòa, 2025 (round figures on purpose):
#   1  1.1 72% >= 60 -> 0.75 x10 = 7.5; 1.2 85% -> 10; 1.3 91.5% -> 10;
#      1.4 pilot -> 0.5 x20 = 10; 1.5 57/60 = 0.95 x10 = 9.5; 1.6 10;
#      1.7 10                                                   =  67
#   2  2.1 30; 2.2 3/60 = 0.05, target 0.05 -> 20; 2.3 48/60 = 0.8 x20
#      = 16; 2.4 4200 >= 3000 -> 0.75 x20 = 15; 2.5 45/50 x10 = 9  =  90
#   3  3.1 2/2 -> 20; 3.2 1/2 -> 10; 3.3 2/2 -> 20; 3.4 54/60 x20 = 18;
#      3.5 yes 10; 3.6 no 0                                     =  78
#   4  4.1 20; 4.2 3 -> 0.75 x20 = 15; 4.3 6000/8000 = 0.75 / 0.8 =
#      0.9375 x20 = 18.75; 4.4 3200/8000 = 0.4 / 0.5 x20 = 16; 4.5
#      950/1000 x20 = 19; 4.6 7900/7900 -> 10; 4.7 400/50000 = 0.008 /
#      0.01 x20 = 16; 4.8 400/40000 = 0.01 -> 20; 4.9 0/10000 -> 0; 4.10
#      7110/7900 = 0.9 -> 9; 4.11 1900/2000 -> 9.5; 4.12 30/40 -> 7.5;
#      4.13 15/20 -> 7.5; 4.14 10; 4.15 0; 4.16 10; 4.17 6/10 -> 6; 4.18
#      60/60 -> 10; 4.19 2850/3000 -> 9.5; 4.20 1000/2000 -> 5; 4.21
#      1800/2000 -> 9 (4.1-4.21: 227.75); 4.22.1 8/10 x20 = 16; 4.22.2
#      20; 4.22.3 9/12 -> 15; 4.22.4 6/8 -> 15; 4.22.5 20; 4.22.6 one of
#      two parts -> 10; 4.22.7 20; 4.22.8 17/20 -> 17; 4.22.9 20; 4.22.10
#      15 news items >= 12 -> 0.75 x30 = 22.5; 4.22.11 20 (4.22.x: 195.5)
#                                                               = 423.25
#   5  5.1 12% >= 10 -> 0.5 x20 = 10; 5.2 30/40000 = 0.00075 / 0.001 x20
#      = 15; 5.3 8% >= 7.5 -> 15; 5.4 240/400 = 0.6 / 0.8 x20 = 15 =  55
#   6  6.1 24000/32000 = 0.75 / 0.8 x10 = 9.375; 6.2 82% -> 10; 6.3 40%
#      >= 30 -> 5; 6.4 36000/40000 = 0.9, target 0.9 -> 10; 6.5 65% >= 60
#      -> 7.5; 6.6 45/50 -> 9; 6.7 30/40 -> 7.5; 6.8 25/25 -> 10 = 68.375
#   total 67 + 90 + 78 + 423.25 + 55 + 68.375 = 781.625 of 960
#   -> 781.625 / 960 = 0.814192... -> 0.8142.
# TN25.03 has no system of its own: 3.1-3.3 (60 points) are na, so it is
#   scored out of 900.
#
# TN25.03 Phường An Tịnh Đông, merged 2024 = TN.TBA.01 + TN.TBA.02, from
# their published (4-decimal) main-index values under vn-commune-2023
# (chiso rank of the 2024 results shows them):
#   1 (0.5000 + 0.8333)/2 = 0.66665 x15 =  9.99975 (shown 0.6667)
#   2 (1 + 1)/2           = 1       x10 = 10
#   3 (0.9364 + 0.9000)/2 = 0.9182  x15 = 13.773
#   4 (0.9455 + 0.5000)/2 = 0.72275 x10 =  7.2275  (shown 0.7228)
#   5 (1 + 1)/2           = 1       x10 = 10
#   6 (0.8112 + 0.9725)/2 = 0.89185 x20 = 17.837   (shown 0.8919)
#   7 (0.7899 + 0.9460)/2 = 0.86795 x10 =  8.6795  (shown 0.8680)
#   8 (0.9014 + 0.4587)/2 = 0.68005 x10 =  6.8005  (shown 0.6801)
#   sum 84.31725 of 100 -> 84.3173, value 0.8432.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
M25=criteria/vn-tayninh-commune-2025.yaml
M23=criteria/vn-commune-2023.yaml

# --- 2025: the new communes under the new model ---------------------------
run_chiso validate "$M25"
expect_rc 0
expect_out "62 indicators, 960 points"
run_chiso evaluate "$M25" examples/tayninh-communes-2025.yaml
expect_rc 0
[ -s "$TMP/err" ] && { cat "$TMP/err" >&2; fail "evaluate 2025 warned"; }
expect_out "Phường Ninh Hòa (TN25.01) · commune · period 2025 · stage self"
expect_out_re '^4\.3 +Tỷ lệ sử dụng dịch vụ công trực tuyến .* 18\.7500 / 20  0\.9375  ok +6000/8000 = 0\.75 \(target 0\.8\)$'
expect_out_re '^4 +Hoạt động chính quyền số +423\.2500 / 520  0\.8139  ok$'
expect_out_re '^ +Total +781\.6250 / 960  0\.8142$'
expect_out_re '^3\.1 +Tỷ lệ hệ thống thông tin được xác định .* 0\.0000 / 0  0\.0000  na '
run_chiso evaluate -f json -o "$TMP/r2025.json" "$M25" \
	examples/tayninh-communes-2025.yaml
expect_rc 0
grep -A 5 '"code": "TN25.01"' "$TMP/r2025.json" | tr -d ' \n' |
	grep -q '"points":781.625,"max":960,"value":0.8141927083333333,' ||
	fail "TN25.01's total in the results document"
grep -q '{"id": "4.3", "points": 18.75, "max": 20, "value": 0.9375, ' \
	"$TMP/r2025.json" || fail "TN25.01's 4.3 in the results document"

# Ranked within the province: every new commune's parent is TN.
run_chiso rank --group-by parent "$TMP/r2025.json"
expect_rc 0
expect_out "10 units ranked"
expect_out "TN (TN)"
expect_out_re '^ +2  TN25\.01  Phường Ninh Hòa +0\.8142  781\.6250/960  - +0\.8375 \(2\)  +0\.9000 \(2\)  +0\.7800 \(3\)  +0\.8139 \(1\)  +0\.6875 \(3\)  +0\.8547 \(2\)$'
expect_out_re '^ +6  TN25\.03  Phường An Tịnh Đông +0\.7416  667\.4197/900 '

# The report: written, with the communes.
run_chiso report -o "$TMP/r2025.html" "$TMP/r2025.json"
expect_rc 0
[ -s "$TMP/r2025.html" ] || fail "report wrote nothing"
for name in "Phường Ninh Hòa" "Phường An Tịnh Đông" "Xã Bến Cầu"; do
	grep -q "$name" "$TMP/r2025.html" || fail "report lacks $name"
done
grep -q "vn-tayninh-commune-2025" "$TMP/r2025.html" ||
	fail "report does not name the model"

# --- 2024: the former communes, carried across the merger -----------------
run_chiso evaluate -f json -o "$TMP/r2024.json" "$M23" \
	examples/tayninh-communes-2024.yaml
expect_rc 0
run_chiso merge -m examples/merge-tayninh-communes-2025.csv \
	-o "$TMP/m2024.json" "$TMP/r2024.json"
expect_rc 0
# Every former commune is in the map: none is kept as it was.
[ -s "$TMP/err" ] && { cat "$TMP/err" >&2; fail "merge warned"; }
grep -q '"from": \["TN.TBA.01", "TN.TBA.02"\]' "$TMP/m2024.json" ||
	fail "TN25.03 not marked derived from TN.TBA.01 and TN.TBA.02"
grep -q '"from": \["TN.TPTN.01", "TN.TPTN.02", "TN.TPTN.03"\]' \
	"$TMP/m2024.json" || fail "TN25.01 not derived from its three wards"
grep -q '"code": "TN25.03", "name": "Phường An Tịnh Đông", "level": "commune", "parent": "TN", "period": "2024"' \
	"$TMP/m2024.json" || fail "TN25.03's identity from the map"
[ "$(grep -c '"derived"' "$TMP/m2024.json")" -eq 10 ] ||
	fail "the ten new communes must all be derived"
run_chiso rank --group-by parent "$TMP/m2024.json"
expect_rc 0
expect_out "10 units ranked"
expect_out_re '^ +6  TN25\.03  Phường An Tịnh Đông +0\.8432  84\.3173/100  - +0\.6667 \(8\)  +1\.0000 \(1\)  +0\.9182 \(9\)  +0\.7228 \(9\)  +1\.0000 \(1\)  +0\.8919 \(8\)  +0\.8680 \(1\)  +0\.6801 \(7\) '
expect_out "Merged: TN25.03 Phường An Tịnh Đông, from TN.TBA.01, TN.TBA.02"
expect_out "Merged: TN25.09 Xã Phước Vinh, from TN.CTH.03"

# 2024 carried across against 2025: the same ten communes, and a warning
# that the two years come from different models.
run_chiso compare "$TMP/m2024.json" "$TMP/r2025.json"
expect_rc 0
expect_out "Year over year: 10 units in both"
expect_out "warning: results come from different models: vn-commune-2023 2023"
! grep -q "Appeared" "$TMP/out" || fail "a commune appeared"
