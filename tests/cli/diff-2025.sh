# diff-2025.sh - chiso diff from the commune model of 2023 (8 main
# indices of the DTI structure, 100 points) to Tây Ninh's commune set of
# 2025 (6 groups, 960 points). Nodes are matched by id, so main indices
# 1-6 are renamed and re-pointed, 7 and 8 are removed, and the criteria
# that 2023 has no id for (1.4 .. 1.7, 4.4 .. 4.21, 4.22.1 .. 4.22.11,
# ...) are added. The exit status is 0: differences are not an error.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
A=criteria/vn-commune-2023.yaml
B=criteria/vn-tayninh-commune-2025.yaml

run_chiso diff "$A" "$B"
expect_rc 0
expect_out "Model diff: $A → $B"
expect_out_re '^B: vn-tayninh-commune-2025 2025 · .* · 960 points$'
# Main indices removed, renamed and re-pointed; indicators added.
expect_out_re '^removed +7 +Hoạt động kinh tế số +10 points, main index, group of 2$'
expect_out_re '^removed +8 +Hoạt động xã hội số +10 points, main index, group of 4$'
expect_out_re '^renamed +1 +Hạ tầng và Nền tảng số +Nhận thức số +Hạ tầng và Nền tảng số$'
expect_out_re '^re-pointed +4 +Hoạt động chính quyền số +10 +520$'
expect_out_re '^added +1\.4 +Mức độ ứng dụng AI +20 points in 1, choice '
expect_out_re '^added +4\.22\.6 +Xây dựng và triển khai kế hoạch… +20 points in 4, parts '
# The table of main indices, and the model's status fields.
expect_out_re '^4 +Hoạt động chính quyền số +10 +520 +\+510$'
expect_out_re '^7 +Hoạt động kinh tế số +10$'
expect_out_re '^Total +100 +960 +\+860$'
expect_out_re '^years +2023–2024 +2025$'
expect_out_re '^superseded_by +bộ tiêu chí cấp xã của từng tỉnh .* +\(none\)$'
expect_out_re '^[0-9]+ changes: [0-9]+ added, 8 removed, '

# JSON: the same, one object per change.
run_chiso diff -f json "$A" "$B"
expect_rc 0
expect_out '"identical": false,'
expect_out '{"kind": "removed", "id": "7", "name": "Hoạt động kinh tế số", "node": "group"'
expect_out '{"id": "8", "name": "Hoạt động xã hội số", "points_a": 10, "points_b": null}'
expect_out '{"kind": "added", "id": "4.22.11", "name": "Triển khai hoạt động hưởng ứng ngày chuyển đổi số quốc gia", "node": "indicator"'
if command -v python3 >/dev/null 2>&1; then
	cp "$TMP/out" "$TMP/diff.json"
	python3 -m json.tool "$TMP/diff.json" >/dev/null ||
		fail "the JSON report does not parse"
fi
