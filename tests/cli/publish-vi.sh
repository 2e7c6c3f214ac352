# publish-vi.sh - the publishing commands in Vietnamese (issue 11): with
# --lang vi, rank, compare, gaps, template, doc, diff, merge and plugins
# print what tests/cli/expected/publish-vi/ holds (doc: the committed
# docs/criteria/example-district.md), byte for byte, stdout and stderr,
# and none of the English of their own code is left; in English each
# prints what it printed before (the expected files of rank.sh,
# compare.sh, gaps.sh, diff.sh, template.sh, docs/criteria, and
# publish-vi/*.en for the others).
#
# Left as they are, so not looked for: texts the results carry from
# the method plugins (the notes and hints of gaps and of compare's
# stages: in the language of the run that wrote the document,
# lang-results.sh), ids and YAML keys (self, final, head, min_value),
# and the "warning:" of util/diag.c in English runs. The built-in plugins' descriptions
# in "chiso plugins" are Vietnamese, a third-party plugin's as written.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
exp=tests/cli/expected/publish-vi
old=tests/cli/expected

# Paths that vary (scratch files, the build tree's plugins) as fixed
# words, in $TMP/out and $TMP/err.
norm() {
	for s in out err; do
		sed -e "s|$TMP|TMP|g" -e "s|$PLUGIN_DIR|PLUGIN_DIR|g" \
			-e 's/"generator": "chiso [^"]*"/"generator": "chiso VERSION"/' \
			"$TMP/$s" >"$TMP/$s.norm"
		mv "$TMP/$s.norm" "$TMP/$s"
	done
}

# same FILE [STREAM]: stdout (or err) equals FILE.
same() {
	if ! cmp -s "$TMP/${2:-out}" "$1"; then
		diff "$1" "$TMP/${2:-out}" >&2
		fail "${2:-out} differs from $1"
	fi
}

# English of chiso's own messages: a phrase of each command's output.
phrases='Ranking by|Columns|Classes:|see chiso|Not ranked|Merged|Incomplete'
phrases="$phrases|Year over year|Same period|in both|Values that differ"
phrases="$phrases|No difference|Appeared|Disappeared|Changes are"
phrases="$phrases|different models|to gain|every indicator|Data file"
phrases="$phrases|Model file|Fill in|required:|used by|true or false"
phrases="$phrases|Search path|params:|loaded|refused|Model diff"
phrases="$phrases|changes:|Indicators and groups|Main indices|Before"
phrases="$phrases|After|not in the map|kept as|the results|give "
# Common English words, for outputs whose data are all Vietnamese.
words=' the | of | and | is | are | to | with | points|[a-z] missing|missing [a-z]|not met'
words="$words|Rank|Name|Value|Change|Total|yes\$|added|removed"

# no_english FILE [all]: FILE has no English phrase of chiso's; with
# "all", not even a common English word.
no_english() {
	re=$phrases
	[ "${2:-}" = all ] && re="$re|$words"
	if grep -E -n -- "$re" "$1" >&2; then
		fail "English left in $1 (above)"
	fi
}

# vi NAME ARGS...: "chiso --lang vi ARGS" writes NAME (and NAME.err
# when the expected file exists, else nothing) of $exp.
vi() {
	name=$1
	shift
	run_chiso --lang vi "$@"
	norm
	same "$exp/$name"
	if [ -f "$exp/$name.err" ]; then
		same "$exp/$name.err" err
	elif [ -s "$TMP/err" ]; then
		cat "$TMP/err" >&2
		fail "chiso --lang vi $*: unexpected stderr"
	fi
}

# --- rank --------------------------------------------------------------
for f in 2022 2023-self 2023-appraised; do
	run_chiso evaluate -f json -o "$TMP/$f.json" \
		criteria/example-district.yaml "examples/yen-bai-districts-$f.yaml"
	expect_rc 0
done
vi rank.table rank "$TMP/2022.json"
expect_rc 0
no_english "$TMP/out" all
vi rank.md rank -f md "$TMP/2022.json"
no_english "$TMP/out" all
vi rank-by.out rank --by CSQ "$TMP/2022.json"
expect_rc 2
no_english "$TMP/err" all
run_chiso rank "$TMP/2022.json"
same $old/rank-2022.table
run_chiso rank -f md "$TMP/2022.json"
same $old/rank-2022.md
# CSV: the column ids programs read stay as they are.
run_chiso --lang vi rank -f csv "$TMP/2022.json"
head -n 1 "$TMP/out" | grep -q '^rank,code,name,value,points,max,class,' ||
	fail "CSV header in Vietnamese: $(head -n 1 "$TMP/out")"

# --- compare -------------------------------------------------------------
vi compare-years.table compare "$TMP/2022.json" "$TMP/2023-self.json"
expect_rc 0
no_english "$TMP/out" all
vi compare-stages.table compare "$TMP/2023-self.json" \
	"$TMP/2023-appraised.json"
no_english "$TMP/out"
vi compare-stages.md compare -f md "$TMP/2023-self.json" \
	"$TMP/2023-appraised.json"
no_english "$TMP/out"
# A unit that disappears, under a model that changed: the warning.
awk '/code: "YB.TTA"/ { skip = 3 } skip > 0 { skip--; next } { print }' \
	examples/yen-bai-districts-2022.yaml >"$TMP/less.yaml"
sed 's/^  version: "2023"/  version: "2024"/' criteria/example-district.yaml \
	>"$TMP/model-2024.yaml"
run_chiso evaluate -f json -o "$TMP/less.json" "$TMP/model-2024.yaml" \
	"$TMP/less.yaml"
expect_rc 0
vi compare-changed.table compare "$TMP/2023-self.json" "$TMP/less.json"
expect_rc 0
no_english "$TMP/out" all
# A unit invalid on one side is not compared.
printf 'units:\n  - unit: { code: "YB.TTA", period: "2023" }\n    values: { officials_total: "x" }\n' \
	>"$TMP/tta-bad.yaml"
awk '/code: "YB.TTA"/ { skip = 3 } skip > 0 { skip--; next } { print }' \
	examples/yen-bai-districts-2023-self.yaml >"$TMP/self-less.yaml"
run_chiso evaluate -f json -o "$TMP/self-bad.json" criteria/example-district.yaml \
	"$TMP/self-less.yaml" "$TMP/tta-bad.yaml"
expect_rc 1
vi compare-invalid.table compare "$TMP/2022.json" "$TMP/self-bad.json"
expect_rc 0
no_english "$TMP/out" all
run_chiso compare "$TMP/2022.json" "$TMP/self-bad.json"
norm
same "$exp/compare-invalid.table.en"
run_chiso compare "$TMP/2022.json" "$TMP/2023-self.json"
norm
same $old/compare-years.table
run_chiso compare "$TMP/2023-self.json" "$TMP/2023-appraised.json"
norm
same $old/compare-stages.table
run_chiso compare "$TMP/2023-self.json" "$TMP/less.json"
norm
same "$exp/compare-changed.table.en"

# --- gaps --------------------------------------------------------------
run_chiso evaluate -f json -o "$TMP/yb.json" criteria/example-district.yaml \
	examples/yen-binh-2022.yaml
expect_rc 0
vi gaps.table gaps "$TMP/yb.json"
expect_rc 0
no_english "$TMP/out"
vi gaps-nope.out gaps --unit NOPE "$TMP/yb.json"
expect_rc 2
no_english "$TMP/err" all
run_chiso gaps "$TMP/yb.json"
same $old/gaps-yen-binh.table

# --- template ------------------------------------------------------------
vi template.yaml template criteria/example-district.yaml
expect_rc 0
no_english "$TMP/out" all
# the Vietnamese template is a data file like the English one
sed 's/^  code: ""/  code: "T1"/' "$TMP/out" >"$TMP/t.yaml"
run_chiso evaluate criteria/example-district.yaml "$TMP/t.yaml"
expect_rc 0
expect_out_re "^ +Total +0.0000 / 100  0.0000$"
vi template.json template -f json criteria/example-district.yaml
no_english "$TMP/out" all
vi template-labels.csv template -f csv --labels criteria/example-district.yaml
no_english "$TMP/out" all
run_chiso template criteria/example-district.yaml
same $old/example-district.template.yaml
run_chiso template -f json criteria/example-district.yaml
same "$exp/template.json.en"

# --- doc ----------------------------------------------------------------
run_chiso --lang vi doc criteria/example-district.yaml
expect_rc 0
same docs/criteria/example-district.md
# the first line is an HTML comment for whoever edits the file
sed 1d "$TMP/out" >"$TMP/doc"
no_english "$TMP/doc" all
run_chiso --lang en doc criteria/example-district.yaml
same docs/criteria/example-district.en.md
vi doc-none.out doc
expect_rc 2
no_english "$TMP/err" all

# --- diff -----------------------------------------------------------------
A=tests/cli/data/diff-a.yaml
B=tests/cli/data/diff-b.yaml
vi diff-ab.table diff "$A" "$B"
expect_rc 0
no_english "$TMP/out" all
vi diff-ab.md diff -f md "$A" "$B"
no_english "$TMP/out" all
vi diff-format.table diff "$A" tests/cli/data/diff-a-format.yaml
no_english "$TMP/out" all
run_chiso diff "$A" "$B"
same $old/diff-ab.table
run_chiso diff -f md "$A" "$B"
same "$exp/diff-ab.md.en"

# --- merge ----------------------------------------------------------------
run_chiso merge --map tests/cli/data/merge-districts.csv "$TMP/2022.json"
expect_rc 0
norm
cp "$TMP/out" "$TMP/merged-en.json"
same "$exp/merge.en.err" err
vi merge.out merge --map tests/cli/data/merge-districts.csv "$TMP/2022.json"
expect_rc 0
sed 's/^[^:]*: cảnh báo: //' "$TMP/err" >"$TMP/err.text"
no_english "$TMP/err.text" all
# the results document is the same in both languages
cmp -s "$TMP/out" "$TMP/merged-en.json" ||
	fail "chiso --lang vi merge wrote another results document"
# A ranking of merged units lists them with their predecessors.
run_chiso merge --map tests/cli/data/merge-districts.csv -o "$TMP/m.json" \
	"$TMP/2022.json"
expect_rc 0
vi rank-merged.table rank "$TMP/m.json"
expect_rc 0
no_english "$TMP/out" all
run_chiso rank "$TMP/m.json"
same "$exp/rank-merged.table.en"
printf 'code,name,old\nA,B,C\n' >"$TMP/bad-col.csv"
vi merge-bad.out merge --map "$TMP/bad-col.csv" "$TMP/2022.json"
expect_rc 2
no_english "$TMP/err"

# --- plugins --------------------------------------------------------------
vi plugins.out plugins
expect_rc 0
no_english "$TMP/out" all
run_chiso plugins
norm
same "$exp/plugins.out.en"
echo "PASS"
