# merge.sh - results carried across a merger: a merged unit's main-index
# values are the mean of its predecessors', its total recomputed from
# them, and it is marked derived. Checked by hand for YB.N1 (Trạm Tấu +
# Mù Cang Chải, 2022): the means of the five main indices, times their
# points (30, 15, 20, 20, 15), sum to 53.0674 of 100 -> 0.5307; YB.N2
# (Lục Yên + Văn Yên + Văn Chấn): 72.0142 -> 0.7201.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/r.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml
expect_rc 0
run_chiso merge --map tests/cli/data/merge-districts.csv -o "$TMP/m.json" \
	"$TMP/r.json"
expect_rc 0
expect_err "warning: unit YB.TPYB is not in the map: kept as it was"
grep -q '"from": \["YB.TTA", "YB.MCC"\]' "$TMP/m.json" ||
	fail "YB.N1 not marked derived from YB.TTA and YB.MCC"
run_chiso rank "$TMP/m.json"
expect_rc 0
expect_out "6 units ranked"
expect_out_re "^ +5  YB.N2 +Huyện Mới Hai \(minh họa\) +0.7201  72.0142/100 "
expect_out_re "^ +6  YB.N1 +Huyện Mới Một \(minh họa\) +0.5307  53.0674/100 "
# The means, index by index: 1 = (0.6267 + 0.6250) / 2 (published
# 0.6258); compare shows the merged unit as having appeared.
expect_out_re "YB.N1 .* 0.6258 \(6\) "
run_chiso compare "$TMP/r.json" "$TMP/m.json"
expect_rc 0
expect_out "Appeared (new only): YB.N1, YB.N2"

# Bad maps: each names the row and column.
printf 'code,name,old\nA,B,C\n' >"$TMP/bad-col.csv"
run_chiso merge --map "$TMP/bad-col.csv" "$TMP/r.json"
expect_rc 2
expect_err "bad-col.csv:1:3: unknown column 'old': a merge map has the columns code, name, old_code"
printf 'code,name,old_code\nX,Xa,YB.NOPE\n' >"$TMP/bad-old.csv"
run_chiso merge --map "$TMP/bad-old.csv" "$TMP/r.json"
expect_rc 2
expect_err "bad-old.csv:2:3: old_code 'YB.NOPE' is not a unit of the results"
printf 'code,name,old_code\nX,Xa,YB.TTA\nY,Ya,YB.TTA\n' >"$TMP/twice.csv"
run_chiso merge --map "$TMP/twice.csv" "$TMP/r.json"
expect_rc 2
expect_err "twice.csv:3:3: old_code 'YB.TTA' is merged twice (also into X)"
run_chiso merge "$TMP/r.json"
expect_rc 2
expect_err "give the map with --map MAP.csv"
