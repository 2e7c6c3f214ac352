# doc.sh - "chiso doc" writes a model as the annex an official reads:
# the title block, a table per main index with how each indicator is
# computed, checked totals, views, classes and the inputs; in Markdown or
# HTML, Vietnamese or English; text escaped; usage and model errors exit
# 2 and write nothing.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
model=criteria/example-district.yaml
sha=$(sha256sum "$model" | cut -c1-64)
short=$(printf '%s' "$sha" | cut -c1-12)

# --- Markdown, Vietnamese (the defaults) ---------------------------------
run_chiso doc "$model"
expect_rc 0
[ -s "$TMP/err" ] && fail "stderr not empty: $(cat "$TMP/err")"
cp "$TMP/out" "$TMP/vi.md"
expect_out "# Bộ chỉ số đánh giá chuyển đổi số cấp huyện (ví dụ)"
expect_out "| Mã bộ chỉ số | \`vn-district-example\` |"
expect_out "| Căn cứ | Cấu trúc theo Quyết định 922/QĐ-BTTTT;"
expect_out "| Cấp đánh giá | cấp huyện (\`district\`) |"
expect_out "| Tổng điểm tối đa | 100 điểm |"
expect_out "| Thiếu số liệu | chỉ số thiếu số liệu được 0 điểm |"
expect_out "| SHA-256 | \`$short\`[^sha256] |"
expect_out "[^sha256]: SHA-256 của tệp mô hình \`example-district.yaml\`: \`$sha\`"
expect_out "| Tạo bởi | chiso "
expect_out "| 1 | Nhận thức số | 30 | 3 |"
expect_out "Tổng điểm các chỉ số thành phần: 100/100 ✓"
expect_out "## 1. Nhận thức số (30 điểm)"
expect_out "| STT | Chỉ số | Điểm tối đa | Cách tính | Loại | Tài liệu kiểm chứng | Nguồn |"
expect_out "| 1.1 | Ban chỉ đạo CĐS họp trong năm | 20 | “Số cuộc họp Ban chỉ đạo CĐS trong năm” (\`steering_meetings\`) ≥ 4 cuộc → 20 điểm; ≥ 3 cuộc → 15; ≥ 2 cuộc → 10; ≥ 1 cuộc → 5; dưới 1 cuộc → 0 | Bắt buộc | Biên bản các cuộc họp Ban chỉ đạo |"
expect_out "(\`committee_chair\`): \`head\` → 5 điểm; \`deputy\` → 2,5; \`none\` → 0 | Bắt buộc |"
expect_out "(\`dossiers_total\`) ÷ 50% × 10 điểm, đủ điểm từ 50%; mẫu số bằng 0 → không áp dụng | Bắt buộc |"
expect_out "(\`households_fibre_pct\`) ≥ 80% → 5 điểm; dưới mức → theo tỷ lệ: giá trị ÷ 80 × 5 điểm | Mở rộng |"
expect_out "(\`dt_plan_issued\`): có → 5 điểm; không → 0 | Bắt buộc | Kế hoạch CĐS năm |"
expect_out "| 4.3 | Bảo đảm an toàn thông tin (giám sát, phòng chống mã độc) | 5 | Cộng điểm các phần trả lời có: “Hệ thống thông tin được giám sát an toàn thông tin” (\`security_monitoring\`) → 2,5 điểm;"
expect_out "Điểm = “Điểm khảo sát kỹ năng số của người dân (tỉnh tính, 0..1)” (\`digital_skills_score\`) × 5 (giá trị từ 0 đến 1)"
expect_out "Điểm chấm trực tiếp: “Điểm Hội đồng thẩm định chấm cho mô hình CĐS tiêu biểu” (\`initiative_points\`), từ 0 đến 5 điểm"
expect_out "Tổng: 30/30 ✓"
expect_out "Tổng: 15/15 ✓"
expect_out "## Chỉ số tổng hợp"
expect_out "| \`CQS\` | Chính quyền số | 1. Nhận thức số; 2. Thể chế số; 3. Hạ tầng số; 4. Hoạt động chính quyền số | 85 |"
expect_out "## Mức công nhận"
expect_out "| 1 | \`nang-cao\` | Đạt chuyển đổi số, mức nâng cao | 100% chỉ số bắt buộc đạt; ≥ 60% chỉ số mở rộng đạt; giá trị ≥ 0,9 (làm tròn 4 chữ số) |"
expect_out "| 2 | \`dat\` | Đạt chuyển đổi số | 100% chỉ số bắt buộc đạt; ≥ 30% chỉ số mở rộng đạt |"
expect_out "Bộ chỉ số có 6 chỉ số bắt buộc và 10 chỉ số mở rộng."
expect_out "## Phụ lục: Số liệu đầu vào"
expect_out "| 10 | \`officials_with_pc\` | Số cán bộ, công chức được trang bị máy tính | người | số nguyên | ≥ 0; ≤ \`officials_total\` |  | 3.1 |"
expect_out "| 3 | \`communes_total\` | Số xã, thị trấn | xã | số nguyên | ≥ 0 |  | 1.3, 3.3 |"
expect_out "| 23 | \`report_ref\` | Số hiệu báo cáo tự đánh giá |  | văn bản |  |  | không dùng để tính điểm |"
# one heading per main index, in order; no English sentence leaks in
[ "$(grep -c '^## [0-9]\. ' "$TMP/out")" -eq 5 ] || fail "expected 5 main index headings"
grep -E -q ' points|Ratio |Target ' "$TMP/out" && fail "English words in the vi document"
# ids equal the numbering: no id column
grep -F -q '| STT | Mã | Chỉ số' "$TMP/out" && fail "an id column although ids equal the numbers"

# --- English --------------------------------------------------------------
run_chiso doc --lang en "$model"
expect_rc 0
expect_out "| Model id | \`vn-district-example\` |"
expect_out "| Level assessed | district |"
expect_out "| Total points | 100 points |"
expect_out "## 1. Nhận thức số (30 points)"
expect_out "| No. | Indicator | Max points | How it is computed | Kind | Evidence | Source |"
expect_out "Ratio “Số xã, thị trấn đã thành lập Ban chỉ đạo CĐS” (\`communes_committee\`) / “Số xã, thị trấn” (\`communes_total\`) × 5 points; zero denominator → not applicable | Extended |"
expect_out "below 1 cuộc → 0 | Mandatory |"
expect_out "(\`committee_chair\`): \`head\` → 5 points; \`deputy\` → 2.5; \`none\` → 0"
expect_out "Target “Tỷ lệ người trưởng thành có điện thoại thông minh” (\`smartphone_adult_pct\`) ≥ 90% → 5 points; not met → 0"
expect_out "Total: 30/30 ✓"
expect_out "Total of the indicators' points: 100/100 ✓"
expect_out "100% of the mandatory indicators met; ≥ 60% of the extended indicators met; value ≥ 0.9 (rounded to 4 decimals)"
expect_out "| 23 | \`report_ref\` | Số hiệu báo cáo tự đánh giá |  | text |  |  | not scored |"
expect_out "[^sha256]: SHA-256 of the model file \`example-district.yaml\`: \`$sha\`"
grep -E -q ' điểm;|^Tổng|mẫu số|Đạt chỉ tiêu|Phụ lục|Mức công nhận|Bắt buộc|Mở rộng' "$TMP/out" && fail "Vietnamese sentences in the en document"

# --- HTML: a self-contained page, everything escaped ----------------------
run_chiso doc --format html "$model"
expect_rc 0
[ "$(head -n 1 "$TMP/out")" = "<!DOCTYPE html>" ] || fail "no doctype"
[ "$(tail -n 1 "$TMP/out")" = "</html>" ] || fail "does not end with </html>"
expect_out '<html lang="vi">'
expect_out '<meta charset="utf-8">'
expect_out '<title>Bộ chỉ số đánh giá chuyển đổi số cấp huyện (ví dụ)</title>'
expect_out '<h2>1. Nhận thức số (30 điểm)</h2>'
expect_out '<tr><td>1.2</td><td>Người đứng đầu làm Trưởng Ban chỉ đạo CĐS</td><td class="n">5</td><td>“Trưởng Ban chỉ đạo CĐS (người đứng đầu / cấp phó / chưa có)” (<code>committee_chair</code>): <code>head</code> → 5 điểm;'
expect_out '@media print'
expect_out "<p id=\"fn-sha256\"><a href=\"#ref-sha256\">1</a>. SHA-256 của tệp mô hình <code>example-district.yaml</code>: <code>$sha</code></p>"
grep -E -q '<script|<link|src=|https?://' "$TMP/out" && fail "the page loads or runs something"
for tag in table thead tbody tr td th h1 h2 p code main footer; do
	open=$(grep -o "<$tag[ >]" "$TMP/out" | wc -l)
	close=$(grep -o "</$tag>" "$TMP/out" | wc -l)
	[ "$open" -eq "$close" ] || fail "<$tag>: $open opened, $close closed"
done
run_chiso doc --format html --lang en "$model"
expect_rc 0
expect_out '<html lang="en">'
expect_out '<h2>1. Nhận thức số (30 points)</h2>'

# Texts from the model are escaped, in HTML and in Markdown.
cat >"$TMP/esc.yaml" <<'MODEL'
model:
  id: esc
  version: "1"
  title: "A <script>alert('x')</script> & co"
  issuer: "Sở A|B"
inputs:
  k: { type: boolean, label: "Có <b>kế hoạch</b> & \"dự toán\"" }
indices:
  - id: "1"
    name: "Nhóm <i>1</i>"
    points: 5
    children:
      - { id: "1.1", name: "a_b *c* [d](e)", points: 5, method: boolean, params: { input: k }, evidence: "x | y", provisional: true }
MODEL
run_chiso doc --format html "$TMP/esc.yaml"
expect_rc 0
expect_out "<title>A &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</title>"
expect_out "<h2>1. Nhóm &lt;i&gt;1&lt;/i&gt; (5 điểm)</h2>"
expect_out "“Có &lt;b&gt;kế hoạch&lt;/b&gt; &amp; &quot;dự toán&quot;” (<code>k</code>)"
expect_out "⚠ tạm đề xuất"
grep -F -q "<script>" "$TMP/out" && fail "a <script> from the model is not escaped"
grep -F -q "<i>" "$TMP/out" && fail "an <i> from the model is not escaped"
run_chiso doc "$TMP/esc.yaml"
expect_rc 0
expect_out "# A \\<script>alert('x')\\</script> & co"
expect_out "| Cơ quan ban hành | Sở A\\|B |"
expect_out "| 1.1 | a\\_b \\*c\\* \\[d\\](e) | 5 |"
expect_out "| x \\| y |"

# --- -o, determinism -------------------------------------------------------
run_chiso doc -o "$TMP/o.md" "$model"
expect_rc 0
[ -s "$TMP/out" ] && fail "-o also wrote to stdout"
cmp -s "$TMP/o.md" "$TMP/vi.md" || fail "-o wrote something else than stdout"
# The same text from another directory and path: only the base name shows.
mkdir "$TMP/elsewhere"
cp "$model" "$TMP/elsewhere/example-district.yaml"
(cd "$TMP" && ${CHISO_WRAPPER:-} "$CHISO" doc elsewhere/example-district.yaml) >"$TMP/again.md" ||
	fail "chiso doc failed from another directory"
cmp -s "$TMP/again.md" "$TMP/vi.md" || fail "the document depends on the path or directory"

# --- usage and model errors: exit 2, nothing written -----------------------
run_chiso doc --format pdf "$model"
expect_rc 2
expect_err "chiso doc: unknown format 'pdf': use md or html"
expect_err "Run 'chiso doc --help' for usage."
run_chiso doc --lang fr "$model"
expect_rc 2
expect_err "chiso doc: unknown language 'fr': use vi or en"
run_chiso doc
expect_rc 2
expect_err "chiso doc: give exactly one MODEL"
run_chiso doc "$model" "$model"
expect_rc 2
expect_err "chiso doc: give exactly one MODEL"
run_chiso doc --bogus "$model"
expect_rc 2
run_chiso doc -o "$TMP/none.md" "$TMP/absent.yaml"
expect_rc 2
expect_err "$TMP/absent.yaml: cannot open: No such file or directory"
[ -e "$TMP/none.md" ] && fail "a document was written for a missing model"
[ -s "$TMP/out" ] && fail "stdout not empty for a missing model"
printf 'model: { id: bad }\n' >"$TMP/bad.yaml"
run_chiso doc "$TMP/bad.yaml"
expect_rc 2
expect_err "bad.yaml:"
[ -s "$TMP/out" ] && fail "stdout not empty for an invalid model"
run_chiso doc -o "$TMP/nodir/x.md" "$model"
expect_rc 2
expect_err "nodir/x.md"
run_chiso doc --help
expect_rc 0
expect_out "Usage: chiso doc [OPTIONS] MODEL"
exit 0
