# errors-vi.sh - the error messages in Vietnamese (issue 11): "chiso
# --lang vi validate" of broken models (tests/bad/model/) and "chiso
# --lang vi evaluate" of bad data files (tests/bad/data/, under
# tests/bad/data-model.yaml) print on stderr exactly the expected text
# (tests/cli/expected/errors-vi/CASE.txt), with none of the commonest
# English words left; the same runs in English still print what their
# .expect files ask (tests/bad/check.sh), as many lines as in
# Vietnamese. validate's summary of a valid model is Vietnamese too, and
# so are a unit's problems on stderr, while the results document that
# stores them does not depend on the language (but for the notes, hints
# and class reasons its "language" names).
. "$srcdir/tests/lib.sh"
exp=$srcdir/tests/cli/expected/errors-vi
cd "$srcdir"

# sample: under a wrapper (valgrind), each list is checked on its first
# three cases only; $n counts the cases of the current list.
sample() {
	n=$((n + 1))
	! wrapped || [ "$n" -le 3 ]
}

# same_err FILE: stderr equals FILE byte for byte.
same_err() {
	if ! cmp -s "$TMP/err" "$1"; then
		diff "$1" "$TMP/err" >&2
		fail "stderr differs from $1"
	fi
}

# no_english: stderr, without the place starting each line, its quoted
# names ('x') and parenthesised asides, holds none of the commonest
# English words of chiso's messages.
no_english() {
	sed -e 's/^[^ ]*: //' -e "s/'[^']*'//g" -e 's/([^()]*)//g' \
		"$TMP/err" >"$TMP/bare"
	if grep -E -w 'the|must|is|are|not|and|of|cannot|expected|unknown|invalid|found|did|refused|give|use|field' "$TMP/bare" >&2
	then
		fail "English left in chiso --lang vi $*"
	fi
}

# english_as_expected CASE_FILE: the last English run's stderr holds
# every "stderr:" line of CASE_FILE.expect and as many lines as the
# Vietnamese run's ($TMP/err.vi).
english_as_expected() {
	grep '^stderr: ' "$1.expect" | sed 's/^stderr: //' >"$TMP/want"
	while IFS= read -r line; do
		expect_err "$line"
	done <"$TMP/want"
	[ "$(wc -l <"$TMP/err")" -eq "$(wc -l <"$TMP/err.vi")" ] ||
		fail "$1: English and Vietnamese runs print different numbers of lines"
}

n=0
for c in unknown-top-key.yaml unknown-node-key.yaml points-sum.yaml \
	dup-key.yaml yaml-bad-indent.yaml tab-indent.yaml json-syntax.json \
	quoted-points.yaml non-utf8.yaml empty.yaml unknown-param.yaml \
	wrong-input-type.yaml input-type-unknown.yaml view-total.yaml \
	class-bad-id.yaml missing-model-id.yaml bands-not-descending.yaml \
	bands-fraction-range.yaml choice-missing-score.yaml parts-sum.yaml \
	ratio-target-zero.yaml target-op-typo.yaml target-op-folded.yaml; do
	sample || break
	f=tests/bad/model/$c
	run_chiso --lang vi validate "$f"
	expect_rc 2
	same_err "$exp/${c%.*}.txt"
	no_english validate "$f"
	cp "$TMP/err" "$TMP/err.vi"
	run_chiso validate "$f"
	expect_rc 2
	english_as_expected "$f"
done

n=0
for c in csv-unknown-column.csv csv-no-code.csv csv-non-utf8.csv \
	csv-repeated-column.csv csv-unbalanced-quote.csv \
	data-json-syntax.json data-yaml-syntax.yaml data-json-dup-key.json \
	unknown-data-key.yaml units-not-list.yaml no-units.yaml \
	missing-unit-code.yaml xlsx-xls.xls xlsx-ods.ods \
	xlsx-unknown-column.xlsx xlsx-no-value.xlsx xlsx-columns.xlsx; do
	sample || break
	f=tests/bad/data/$c
	run_chiso --lang vi evaluate -f json -o "$TMP/r.json" \
		tests/bad/data-model.yaml "$f"
	expect_rc 2
	same_err "$exp/data-${c%.*}.txt"
	no_english evaluate "$f"
	[ ! -e "$TMP/r.json" ] || fail "exit 2 but $TMP/r.json was written"
	cp "$TMP/err" "$TMP/err.vi"
	run_chiso evaluate -f json -o "$TMP/r.json" \
		tests/bad/data-model.yaml "$f"
	expect_rc 2
	english_as_expected "$f"
done

# The summary of a valid model.
run_chiso --lang vi validate criteria/example-district.yaml
expect_rc 0
if ! cmp -s "$TMP/out" "$exp/validate-ok.txt"; then
	diff "$exp/validate-ok.txt" "$TMP/out" >&2
	fail "validate's summary differs from $exp/validate-ok.txt"
fi
run_chiso validate criteria/example-district.yaml
expect_out "criteria/example-district.yaml: ok: vn-district-example 2023, 23 inputs, 5 index nodes, 16 indicators, 100 points, sha256 "

# A unit's problems: printed in Vietnamese, but stored in English in the
# results, so that the document is the same in both languages.
n=0
for c in above-max.yaml cross-field.yaml unknown-choice.yaml \
	values-not-map.yaml level-mismatch.yaml dup-unit.yaml \
	record-unknown-key.yaml csv-empty-code.csv; do
	sample || break
	f=tests/bad/data/$c
	run_chiso --lang vi evaluate -f json -o "$TMP/vi.json" \
		tests/bad/data-model.yaml "$f"
	expect_rc 1
	same_err "$exp/data-${c%.*}.txt"
	no_english evaluate "$f"
	cp "$TMP/err" "$TMP/err.vi"
	run_chiso evaluate -f json -o "$TMP/en.json" \
		tests/bad/data-model.yaml "$f"
	expect_rc 1
	english_as_expected "$f"
	# apart from what the document says is in its language (its notes,
	# hints and class reasons: lang-results.sh)
	for l in vi en; do
		sed -e 's/"note": "[^"]*"/"note": N/g' \
			-e 's/"hint": "[^"]*"/"hint": H/g' \
			-e 's/"why": "[^"]*"/"why": W/g' \
			-e '/^  "language": /d' "$TMP/$l.json" >"$TMP/$l.n"
	done
	cmp "$TMP/vi.n" "$TMP/en.n" ||
		fail "the results of $f depend on the language"
done
echo "PASS"
