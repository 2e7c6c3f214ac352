# lang-results.sh - results documents in either language are one
# (issue 11): the built-in methods write their notes and hints, and
# chiso its class reasons, in the run's language (plugin ABI 1.4, host->language), the document records
# it ("language"), and nothing else changes: the points, values, statuses
# and keys of a Vietnamese and an English document of the same data are
# byte for byte the same, and such documents rank, compare and merge
# together as documents of one language do.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
model=criteria/example-district.yaml
data=examples/districts-2023.csv

run_chiso --lang en evaluate -f json -o "$TMP/en.json" "$model" "$data"
expect_rc 0
run_chiso --lang vi evaluate -f json -o "$TMP/vi.json" "$model" "$data"
expect_rc 0
grep -q '^  "language": "en",$' "$TMP/en.json" ||
	fail "the English document does not record \"language\": \"en\""
grep -q '^  "language": "vi",$' "$TMP/vi.json" ||
	fail "the Vietnamese document does not record \"language\": \"vi\""

# The notes and hints of each built-in method used, in Vietnamese.
for s in '"note": "có"' ': chưa đạt' ' trên 2 phần' '(mục tiêu ' \
	'để đạt đủ điểm' 'tỷ lệ điểm 0.' ' điểm"'; do
	grep -F -q -- "$s" "$TMP/vi.json" ||
		fail "no Vietnamese note or hint with '$s'"
done
# notes_hints DOC: the notes and hints of DOC's nodes, one a line.
notes_hints() {
	grep -o -E '"(note|hint)": "[^"]*"' "$1"
}
notes_hints "$TMP/vi.json" >"$TMP/vi.notes"
notes_hints "$TMP/en.json" >"$TMP/en.notes"
for s in 'not met' ' of 2 parts' '(target ' 'for full points' \
	'"note": "yes"'; do
	! grep -F -q -- "$s" "$TMP/vi.notes" ||
		fail "English '$s' left in the Vietnamese notes"
	grep -F -q -- "$s" "$TMP/en.notes" ||
		fail "the English notes lack '$s'"
done

# Without the notes, hints, class reasons and the language, the
# documents are equal.
neutral() {
	sed -e 's/"note": "[^"]*"/"note": N/g' -e 's/"hint": "[^"]*"/"hint": H/g' \
		-e 's/"why": "[^"]*"/"why": W/g' -e '/^  "language": /d' "$1"
}
neutral "$TMP/en.json" >"$TMP/en.n"
neutral "$TMP/vi.json" >"$TMP/vi.n"
cmp -s "$TMP/en.n" "$TMP/vi.n" || {
	diff "$TMP/en.n" "$TMP/vi.n" | head -20 >&2
	fail "the documents differ in more than their notes and hints"
}

# They rank alike ...
run_chiso rank "$TMP/en.json"
expect_rc 0
cp "$TMP/out" "$TMP/rank.en"
run_chiso rank "$TMP/vi.json"
expect_rc 0
cmp -s "$TMP/out" "$TMP/rank.en" || fail "rank of the vi document differs"

# ... and compare as one: the same data, no change.
run_chiso compare -f csv "$TMP/en.json" "$TMP/en.json"
expect_rc 0
cp "$TMP/out" "$TMP/cmp.same"
run_chiso compare -f csv "$TMP/en.json" "$TMP/vi.json"
expect_rc 0
cmp -s "$TMP/out" "$TMP/cmp.same" || {
	diff "$TMP/cmp.same" "$TMP/out" >&2
	fail "compare of the en and vi documents of the same data differs"
}

# Half the districts scored in English, half in Vietnamese, rank together
# exactly as all of them scored at once.
head -n 7 "$data" >"$TMP/a.csv"
{ head -n 3 "$data"; tail -n +8 "$data"; } >"$TMP/b.csv"
run_chiso --lang en evaluate -f json -o "$TMP/a.json" "$model" "$TMP/a.csv"
expect_rc 0
run_chiso --lang vi evaluate -f json -o "$TMP/b.json" "$model" "$TMP/b.csv"
expect_rc 0
run_chiso rank -f csv "$TMP/en.json"
expect_rc 0
cp "$TMP/out" "$TMP/rank.all"
run_chiso rank -f csv "$TMP/a.json" "$TMP/b.json"
expect_rc 0
[ "$(wc -l <"$TMP/out")" -ge 10 ] || fail "rank of a.json b.json: too few rows"
cmp -s "$TMP/out" "$TMP/rank.all" || {
	diff "$TMP/rank.all" "$TMP/out" >&2
	fail "rank of an en and a vi document differs from rank of one"
}

# merge keeps the language when the documents agree, says "mixed" when
# they do not, and what it writes reads back.
cat >"$TMP/map.csv" <<'MAP'
code,old_code,name
YB.NEW,YB.LYE,Huyện Mới
YB.NEW,YB.VYE,Huyện Mới
MAP
run_chiso merge -o "$TMP/m-vi.json" --map "$TMP/map.csv" "$TMP/vi.json"
expect_rc 0
grep -q '^  "language": "vi",$' "$TMP/m-vi.json" ||
	fail "merge of a vi document does not say \"language\": \"vi\""
run_chiso merge -o "$TMP/m-mix.json" --map "$TMP/map.csv" "$TMP/a.json" \
	"$TMP/b.json"
expect_rc 0
grep -q '^  "language": "mixed",$' "$TMP/m-mix.json" ||
	fail "merge of an en and a vi document does not say \"mixed\""
run_chiso rank "$TMP/m-mix.json"
expect_rc 0
expect_out "YB.NEW"

# A language the format does not know is refused where it stands.
sed 's/^  "language": "vi",$/  "language": "fr",/' "$TMP/vi.json" \
	>"$TMP/fr.json"
run_chiso rank "$TMP/fr.json"
expect_rc 2
expect_err "fr.json:4:15: language must be \"vi\", \"en\" or \"mixed\""
