# gaps.sh - per unit, the indicators not at full points, largest gain
# first, with the method's hint of what would earn them.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/r.json" criteria/example-district.yaml \
	examples/yen-binh-2022.yaml
expect_rc 0
run_chiso gaps "$TMP/r.json"
expect_rc 0
expect_same tests/cli/expected/gaps-yen-binh.table
run_chiso gaps -f csv --unit YB.YBI "$TMP/r.json"
expect_rc 0
expect_out 'YB.YBI,Huyện Yên Bình,2022,self,5.2,Người trưởng thành có điện thoại thông minh (chỉ tiêu 90%),0.0000,5,5.0000,86.3 >= 90: not met,smartphone_adult_pct >= 90 for full points'
run_chiso gaps -f json "$TMP/r.json"
expect_rc 0
expect_out '"hint": "dossiers_online >= 6000 (0.5 of 12000) for full points"'
run_chiso gaps --unit NOPE "$TMP/r.json"
expect_rc 2
expect_err "no unit 'NOPE' in the results"

# An invalid unit has no gaps to show: say so.
printf 'unit: { code: "BAD" }\nvalues: { officials_total: "x" }\n' >"$TMP/bad.yaml"
run_chiso evaluate -f json -o "$TMP/b.json" criteria/example-district.yaml \
	"$TMP/bad.yaml"
expect_rc 1
run_chiso gaps --unit BAD "$TMP/b.json"
expect_rc 2
expect_err "unit 'BAD' is invalid (not scored)"
