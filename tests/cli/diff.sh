# diff.sh - chiso diff: what changed between two versions of a model.
# diff-a.yaml -> diff-b.yaml has every kind of change (compared with the
# expected table); diff-a-format.yaml is diff-a.yaml written differently
# (no differences in content); then the md and json forms, -o, usage and
# model errors, and the deliberate changes of criteria/vn-district-2024.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
A=tests/cli/data/diff-a.yaml
B=tests/cli/data/diff-b.yaml

# Every kind of change, as a table.
run_chiso diff "$A" "$B"
expect_rc 0
expect_same tests/cli/expected/diff-ab.table
expect_out_re '^id changed +2\.3 +Kế hoạch CĐS năm +1\.3 +2\.3$'
expect_out_re '^moved +2\.5 +Cổng thông tin có chuyên mục CĐS +2 +3$'
expect_out_re '^re-pointed +2\.2 +Hộ gia đình có cáp quang +10 +15$'
expect_out_re '^params changed +2\.2 +Hộ gia đình có cáp quang +\{…, value: 80\} +\{…, value: 90\}$'
expect_out_re '^rule changed +2\.1 .* ratio \{numerator: staff_pc, denominator: staff\} +target '
expect_out_re '^Total +70 +80 +\+10$'
# 1.1's params are written another way in B but mean the same.
if grep -q '^params changed *1\.1 ' "$TMP/out"; then
	fail "params that only differ in formatting were reported"
fi

# Reversed: what was added is removed, and the other way round.
run_chiso diff "$B" "$A"
expect_rc 0
expect_out_re '^id changed +1\.3 +Kế hoạch CĐS năm +2\.3 +1\.3$'
expect_out_re '^became a group +6 '
expect_out "55 changes: 4 added, 4 removed, 1 id changed"

# Same content written differently; the same file.
run_chiso diff "$A" tests/cli/data/diff-a-format.yaml
expect_rc 0
expect_out "No differences: the files differ only in formatting or comments"
run_chiso diff -f json "$A" tests/cli/data/diff-a-format.yaml
expect_out '"identical": false,'
expect_out '"same_content": true,'
run_chiso diff "$A" "$A"
expect_rc 0
expect_out "No differences: the files are identical"

# Markdown.
run_chiso diff -f md "$A" "$B"
expect_rc 0
expect_out "# Model diff: $A → $B"
expect_out "| SHA-256 | \`a34fc5a5525d\` | \`6ffe747c657c\` |"
expect_out "| id changed | 2.3 | Kế hoạch CĐS năm | 1.3 | 2.3 |"
expect_out "| params changed | 1.2 | Người đứng đầu làm Trưởng ban | {…, scores: {head: 1, deputy: 0.5, none: 0}} | {…, scores: {head: 1, deputy: 0.5, acting: 0.25, none: 0}} |"
expect_out "| 4 | Đô thị thông minh | 0 |  |  |"
expect_out "| Total |  | 70 | 80 | +10 |"

# JSON: -o writes the file, nothing on stdout.
run_chiso diff --format json -o "$TMP/diff.json" "$A" "$B"
expect_rc 0
[ -s "$TMP/diff.json" ] || fail "-o wrote nothing"
[ -s "$TMP/out" ] && fail "-o also wrote to stdout"
cp "$TMP/diff.json" "$TMP/out"
expect_out '"sha256": "a34fc5a5525daa0497aa47d358b2da1ddccfe4f98909c3032a365c3d50b4908d",'
expect_out '{"kind": "id", "id": "2.3", "name": "Kế hoạch CĐS năm", "node": "indicator", "before": "1.3", "after": "2.3"}'
expect_out '{"kind": "points", "id": "2.2", "name": "Hộ gia đình có cáp quang", "node": "indicator", "before": 10, "after": 15}'
expect_out '{"kind": "params", "id": "2.2", "name": "Hộ gia đình có cáp quang", "node": "indicator", "before": "{input: fibre_pct, op: \">=\", value: 80, partial: linear}", "after": "{input: fibre_pct, op: \">=\", value: 90, partial: linear}"}'
expect_out '{"kind": "provisional", "id": "1.1", "name": "Ban chỉ đạo họp trong năm", "node": "indicator", "before": false, "after": true}'
expect_out '{"kind": "moved", "id": "2.5", "name": "Cổng thông tin có chuyên mục CĐS", "node": "indicator", "before": "2", "after": "3"}'
expect_out '{"kind": "changed", "id": "staff", "field": "min", "before": 0, "after": 1}'
expect_out '{"id": "5", "name": "Kinh tế số", "points_a": null, "points_b": 5}'
if command -v python3 >/dev/null 2>&1; then
	python3 -m json.tool "$TMP/diff.json" >/dev/null ||
		fail "the JSON report does not parse"
fi

# Usage errors and a model error: exit 2, nothing written.
run_chiso diff "$A"
expect_rc 2
expect_err "give MODEL_A and MODEL_B"
run_chiso diff -f xml "$A" "$B"
expect_rc 2
expect_err "unknown format 'xml'"
sed 's/^  points: 30$/  pionts: 30/; s/^    points: 30$/    pionts: 30/' "$A" \
	>"$TMP/bad.yaml"
run_chiso diff -o "$TMP/never.txt" "$A" "$TMP/bad.yaml"
expect_rc 2
expect_err "$TMP/bad.yaml:"
[ -e "$TMP/never.txt" ] && fail "a report was written for a bad model"
run_chiso diff "$A" "$TMP/missing.yaml"
expect_rc 2

# The deliberate changes listed in criteria/vn-district-2024.yaml's
# header, exactly.
V23=criteria/vn-district-2023.yaml
V24=criteria/vn-district-2024.yaml
if [ -f "$V23" ] && [ -f "$V24" ]; then
	run_chiso diff -f json "$V23" "$V24"
	expect_rc 0
	grep -o '^    {"kind": "[a-z]*"\(, "id": "[^"]*"\)\?\(, "field": "[a-z_]*"\)\?' \
		"$TMP/out" | sed 's/^    //' >"$TMP/kinds"
	cat >"$TMP/kinds.want" <<'WANT'
{"kind": "renamed", "id": "3.4"
{"kind": "moved", "id": "8.2"
{"kind": "params", "id": "4.2"
{"kind": "points", "id": "8.1"
{"kind": "text", "id": "8.1", "field": "note"
{"kind": "added", "id": "8.6"
{"kind": "removed", "id": "3.5"
{"kind": "added", "id": "villages_tech_team"
{"kind": "removed", "id": "only_2g_pct"
{"kind": "changed", "field": "id"
{"kind": "changed", "field": "version"
{"kind": "changed", "field": "years"
WANT
	diff -u "$TMP/kinds.want" "$TMP/kinds" >&2 ||
		fail "diff of the vn-district models lists other changes"
	expect_out '"before": "8", "after": "3"}'
	expect_out '"before": 30, "after": 40}'
	expect_out '"after": "{numerator: officials_trained, denominator: officials_total, target: 0.9}"}'
	run_chiso diff "$V23" "$V24"
	expect_rc 0
	expect_out "12 changes: 1 added, 1 removed, 1 renamed, 1 moved, 1 re-pointed, 1 params changed, 1 note changed; inputs: 1 added, 1 removed; model: 3 changed"
	expect_out_re '^Total +1000 +1000 +0$'
else
	echo "diff.sh: $V23 or $V24 missing; their check is skipped"
fi

# Isolation asked by the model is a change too.
sed 's/^  precision: 4$/  precision: 4\n  isolate: [bands]/' \
	criteria/example-district.yaml >"$TMP/isolated.yaml"
grep -q 'isolate: \[bands\]' "$TMP/isolated.yaml" || fail "sed did not add isolate"
run_chiso diff criteria/example-district.yaml "$TMP/isolated.yaml"
expect_rc 0
expect_out_re "^isolate +none +bands$"
expect_out "1 change: model: 1 changed"
