# merge.sh - results carried across a merger: a merged unit's main-index
# values are the mean of its predecessors', its total recomputed from
# them, and it is marked derived. Checked by hand for YB.N1 (Trạm Tấu +
# Mù Cang Chải, 2022) from their published main-index values (chiso rank
# of the 2022 results): (0.6267 + 0.6250)/2 x 30 = 18.7755,
# (0.5500 + 0.5500)/2 x 15 = 8.2500, (0.7275 + 0.7418)/2 x 20 = 14.6930,
# (0.2700 + 0.5375)/2 x 20 = 8.0750, (0.2067 + 0.2300)/2 x 15 = 3.27525:
# 53.06875 -> 53.0688 of 100 -> 0.5307. YB.N2 (Lục Yên + Văn Yên + Văn
# Chấn) the same way: 21.8330 + 12.0835 + 17.0640 + 15.2333 + 5.8005 =
# 72.0143 -> 0.7201.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/r.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml
expect_rc 0
run_chiso merge --map tests/cli/data/merge-districts.csv -o "$TMP/m.json" \
	"$TMP/r.json"
expect_rc 0
expect_err "merge-districts.csv: warning: 4 units are not in the map, kept as they were: YB.TPYB, YB.TXNL, YB.TYE, YB.YBI"
grep -q '"from": \["YB.TTA", "YB.MCC"\]' "$TMP/m.json" ||
	fail "YB.N1 not marked derived from YB.TTA and YB.MCC"
run_chiso rank "$TMP/m.json"
expect_rc 0
expect_out "6 units ranked"
expect_out_re "^ +5  YB.N2 +Huyện Mới Hai \(minh họa\) +0.7201  72.0143/100 "
expect_out_re "^ +6  YB.N1 +Huyện Mới Một \(minh họa\) +0.5307  53.0688/100 "
# The means, index by index: 1 = (0.6267 + 0.6250) / 2 = 0.62585, shown
# 0.6259 (half away from zero); compare shows the merged unit as having
# appeared.
expect_out_re "YB.N1 .* 0.6259 \(6\) "
run_chiso compare "$TMP/r.json" "$TMP/m.json"
expect_rc 0
expect_out "Appeared (new only): YB.N1, YB.N2"

# Bad maps: each names the row and column.
printf 'code,name,old\nA,B,C\n' >"$TMP/bad-col.csv"
run_chiso merge --map "$TMP/bad-col.csv" "$TMP/r.json"
expect_rc 2
expect_err "bad-col.csv:1:3: unknown column 'old': a merge map has the columns code, old_code (and optionally name, parent, level)"
printf 'code,name,old_code\nX,Xa,YB.NOPE\n' >"$TMP/bad-old.csv"
run_chiso merge --map "$TMP/bad-old.csv" "$TMP/r.json"
expect_rc 2
expect_err "bad-old.csv:2:3: old_code 'YB.NOPE' is not a unit of the results"
printf 'code,name,old_code\nX,Xa,YB.TTA\nY,Ya,YB.TTA\n' >"$TMP/twice.csv"
run_chiso merge --map "$TMP/twice.csv" "$TMP/r.json"
expect_rc 2
expect_err "twice.csv:3:3: old_code 'YB.TTA' is merged twice (row 2 merges it into X)"
# The rows of one new unit must agree on its name.
printf 'code,name,old_code\nX,Xa,YB.TTA\nX,Xb,YB.MCC\n' >"$TMP/names.csv"
run_chiso merge --map "$TMP/names.csv" "$TMP/r.json"
expect_rc 2
expect_err "names.csv:3:2: the rows of X disagree on its name (row 2 and this one)"
# A new code that a kept unit already has would make two units of one code.
printf 'code,name,old_code\nYB.YBI,Xa,YB.TTA\n' >"$TMP/clash.csv"
run_chiso merge --map "$TMP/clash.csv" "$TMP/r.json"
expect_rc 2
expect_err "clash.csv:2:1: the new code YB.YBI is also the code of a unit the map keeps (period 2022); give the merged unit another code, or merge YB.YBI into it"
# Without a parent column a merged unit keeps its predecessors' parent.
grep -q '"code": "YB.N1", "name": "Huyện Mới Một (minh họa)", "level": "district", "parent": "YB"' \
	"$TMP/m.json" || fail "YB.N1 lost its parent"
run_chiso merge "$TMP/r.json"
expect_rc 2
expect_err "give the map with --map MAP.csv"

# A predecessor with a failed indicator makes the merged unit's status
# error, with the reason among its problems.
plugin_dir "$TEST_PLUGIN_DIR/misbehave.so" misbehave
cat >"$TMP/fail-model.yaml" <<'MODEL'
model: { id: failing, version: "1", title: "One method fails" }
inputs: { ok: { type: boolean } }
indices:
  - { id: "1", name: "A", points: 10, method: boolean, params: { input: ok } }
  - { id: "2", name: "B", points: 10, method: misbehave, params: { mode: nan } }
MODEL
printf 'units:\n  - { unit: { code: P, period: "2024" }, values: { ok: true } }\n  - { unit: { code: Q, period: "2024" }, values: { ok: false } }\n' \
	>"$TMP/fail-units.yaml"
run_chiso evaluate -P "$TMP/p" -f json -o "$TMP/fail.json" \
	"$TMP/fail-model.yaml" "$TMP/fail-units.yaml"
expect_rc 1
printf 'code,name,old_code\nPQ,P and Q,P\nPQ,P and Q,Q\n' >"$TMP/pq.csv"
run_chiso merge -m "$TMP/pq.csv" -o "$TMP/pq.json" "$TMP/fail.json"
expect_rc 0
grep -A2 '"code": "PQ"' "$TMP/pq.json" | grep -q '"status": "error"' ||
	fail "PQ must have status error"
grep -q 'predecessor P had an indicator that failed (status error)' \
	"$TMP/pq.json" || fail "PQ lacks the reason of its status"
grep -q '{"id": "2", "points": 0, "max": 10, "value": 0, "status": "error"}' \
	"$TMP/pq.json" || fail "PQ's index 2 failed in both predecessors"
