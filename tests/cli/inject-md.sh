# inject-md.sh - Markdown outputs (rank, compare, diff; doc already did)
# escape text from files the way chiso doc does: no raw HTML tag, no
# link or image, no table cell broken by '|', no heading started by a
# line break, no control character.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
. tests/cli/inject-lib.sh
inject_results

# check_md: the last output is safe Markdown.
check_md() {
	no_html "$TMP/out"
	no_ctrl "$TMP/out"
}

for doc in self esc-self; do
	run_chiso rank -f md "$TMP/$doc.json"
	expect_rc 0
	check_md
	run_chiso rank -f md --group-by parent "$TMP/$doc.json"
	expect_rc 0
	check_md
	run_chiso compare -f md "$TMP/$doc.json" "$TMP/esc-appraised.json"
	expect_rc 0
	check_md
	run_chiso compare -f md --mode years "$TMP/$doc.json" \
		"$TMP/esc-appraised.json"
	expect_rc 0
	check_md
done

run_chiso rank -f md --group-by parent "$TMP/esc-self.json"
expect_rc 0
expect_out "| 1 | -1+2 | \\<script>alert(1)\\</script> | 0.2500 |"
expect_out "| 2 | +1 | \\[x\\](javascript:alert(1)) | 0.7500 |"
expect_out "| 1 | @SUM(A1) | \\<img src=x onerror=alert(1)> |"
expect_out "| 3 | BIDI | Tên \\<U+202E>cod.exe |"
# ESC and BEL shown, the line break a space: no heading, no link.
expect_out "| \\<U+001B>\\]8;;http://evil.example/\\<U+0007>click\\<U+001B>\\]8;;\\<U+0007> # Heading |"
expect_out "## \\<img src=x onerror=alert(1)> (@SUM(A1))"
expect_out "## P\\<U+009B>31m (P\\<U+009B>31m)"
expect_out "Columns: 1 = Awareness \\<img src=x onerror=alert(1)>; 2 = Plan; V = View \\<b>bold\\</b> (view)"
expect_out "Not ranked: BAD\\<U+001B>\\[2JUNIT Invalid: invalid: "
run_chiso rank -f md --by 2 "$TMP/esc-self.json"
expect_rc 0
check_md
expect_out "# Ranking by Plan (2) · model inject-test 1"

run_chiso compare -f md "$TMP/self.json" "$TMP/appraised.json"
expect_rc 0
check_md
expect_out "## =HYPERLINK(\"http://x\",\"y\") +1: value 1.0000 -> 0.0000"
expect_out "| 1.1 | Meetings \\[x\\](javascript:alert(1)) | 5.0000 |"
expect_out "Values that differ: meetings 4 -> 0; plan true -> false; ref =1+2 -> @=1+2"
run_chiso compare -f md "$TMP/esc-self.json" "$TMP/esc-appraised.json"
expect_rc 0
check_md
expect_out "ref r\\<U+001B>\\[31mred\\<U+007F> -> @r\\<U+001B>\\[31mred\\<U+007F>"

# diff -f md: names, notes and the title of two models.
sed -e 's/name: "Chair"/name: "Chair <script>alert(1)<\/script> | [x](javascript:alert(1))"/' \
	-e 's/^  title: .*/  title: "B <img src=x onerror=alert(1)>"/' \
	-e 's/^    name: "Plan"/    name: "Plan"\n    note: "line one\\n# Heading \&amp; `code` *em*"/' \
	"$IM" >"$TMP/model-b.yaml"
run_chiso diff -f md "$IM" "$TMP/model-b.yaml"
expect_rc 0
check_md
expect_out "| Title | Injection test \\<script>alert(1)\\</script> | B \\<img src=x onerror=alert(1)> |"
expect_out "| renamed | 1.2 | Chair \\<script>alert(1)\\</script> \\| \\[x\\](javascript:alert(1)) | Chair | Chair \\<script>alert(1)\\</script> \\| \\[x\\](javascript:alert(1)) |"
expect_out "line one # Heading \\&amp; \\\`code\\\` \\*em\\*"
run_chiso diff "$IM" "$TMP/model-b.yaml"
expect_rc 0
no_ctrl "$TMP/out"

# doc -f md (escaped before; now through the same escaper).
run_chiso doc "$TMP/model-b.yaml"
expect_rc 0
expect_out "# B \\<img src=x onerror=alert(1)>"
# Leave out chiso's own markup: "<!-- Generated ... -->", the footnote.
sed -e 1d -e 's/\[^sha256\]//g' "$TMP/out" >"$TMP/out.body"
mv "$TMP/out.body" "$TMP/out"
check_md
exit 0
