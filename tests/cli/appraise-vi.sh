# appraise-vi.sh - the appraisal workflow's messages in Vietnamese
# (issue 11): "chiso --lang vi appraise" refusing the bad appraisal files
# of tests/bad/appraisal/ (as tests/bad/check.sh runs them), a usage
# error, a stage it cannot be made from and a file that is no results
# document; "chiso --lang vi verify" catching an edited point, a removed
# decision, a decision removed from a corrected input's indicator and a
# value changed against its basis, and its summary when all holds; and
# the evidence-file errors of evaluate, appraise and verify
# --evidence-dir. Each prints on stderr exactly the expected text
# (tests/cli/expected/appraise-vi/CASE.txt, with the scratch directory
# written TMP), with none of the commonest English words left; the same
# runs in English print as many lines (and, for tests/bad/appraisal/,
# what their .expect files ask). The notes appraise writes are in the
# document's language, the rest of it the same in both.
. "$srcdir/tests/lib.sh"
exp=$srcdir/tests/cli/expected/appraise-vi
cd "$srcdir"

# sample: under a wrapper (valgrind), each list is checked on its first
# three cases only; $n counts the cases of the current list.
sample() {
	n=$((n + 1))
	! wrapped || [ "$n" -le 3 ]
}

# same_err NAME: stderr, the scratch directory written TMP, equals
# $exp/NAME.txt byte for byte.
same_err() {
	sed "s|$TMP|TMP|g" "$TMP/err" >"$TMP/err.n"
	if ! cmp -s "$TMP/err.n" "$exp/$1.txt"; then
		diff "$exp/$1.txt" "$TMP/err.n" >&2
		fail "stderr differs from $exp/$1.txt"
	fi
}

# no_english: stderr, without the place starting each line, its quoted
# names ('x') and parenthesised asides, holds none of the commonest
# English words of chiso's messages.
no_english() {
	sed -e 's/^[^ ]*: //' -e "s/'[^']*'//g" -e 's/([^()]*)//g' \
		"$TMP/err" >"$TMP/bare"
	if grep -E -w 'the|must|is|are|not|and|of|cannot|expected|unknown|invalid|found|did|refused|give|use|field|has|was|recorded|computed|written|differs|holds|verified' "$TMP/bare" >&2
	then
		fail "English left in chiso --lang vi $*"
	fi
}

# vi_case NAME RC ARGS...: chiso --lang vi ARGS exits RC and prints
# $exp/NAME.txt, in Vietnamese; the English run exits RC too, with as
# many lines on stderr.
vi_case() {
	name=$1
	want=$2
	shift 2
	run_chiso --lang vi "$@"
	expect_rc "$want"
	same_err "$name"
	no_english "$@"
	cp "$TMP/err" "$TMP/err.vi"
	run_chiso "$@"
	expect_rc "$want"
	[ "$(wc -l <"$TMP/err")" -eq "$(wc -l <"$TMP/err.vi")" ] ||
		fail "$name: English and Vietnamese runs print different numbers of lines"
}

# The bad appraisal files, as tests/bad/check.sh runs them.
BM=tests/bad/data-model.yaml
run_chiso evaluate -f json -o "$TMP/bad-self.json" "$BM" \
	tests/bad/appraisal-self.yaml
expect_rc 0
n=0
for c in bad-date.csv bad-header.csv bad-kind.csv bound-lowered.csv \
	duplicate-input.csv duplicate-target.csv extra-column.csv \
	index-not-indicator.csv input-above-other.csv input-empty.csv \
	missing-by.csv missing-reason.csv na-with-value.csv \
	points-above-max.csv points-not-number.csv unknown-indicator.csv \
	unknown-input.csv unknown-unit.csv wrong-type.csv unknown-key.yaml \
	yaml-missing-reason.yaml; do
	sample || break
	f=tests/bad/appraisal/$c
	vi_case "appraise-${c%.*}" 2 appraise -o "$TMP/x.json" "$BM" \
		"$TMP/bad-self.json" "$f"
	[ ! -e "$TMP/x.json" ] || fail "exit 2 but $TMP/x.json was written"
	grep '^stderr: ' "$f.expect" | sed 's/^stderr: //' >"$TMP/want"
	while IFS= read -r line; do
		expect_err "$line"
	done <"$TMP/want"
done

# The worked example (examples/appraisal/).
M=docs/examples/commune-model.yaml
EX=examples/appraisal
run_chiso evaluate -f json -o "$TMP/self.json" "$M" \
	docs/examples/commune-data.yaml
expect_rc 0
run_chiso appraise -o "$TMP/a.json" "$M" "$TMP/self.json" \
	"$EX/council-2024.csv"
expect_rc 0

# appraise: usage, a stage it is not made from, no results document.
vi_case appraise-usage-stage 2 appraise --stage fnal "$M" \
	"$TMP/self.json" "$EX/council-2024.csv"
vi_case appraise-usage-files 2 appraise "$M" "$TMP/self.json"
vi_case appraise-stage 2 appraise -o "$TMP/x.json" "$M" "$TMP/a.json" \
	"$EX/council-2024.csv"
vi_case appraise-not-results 2 appraise -o "$TMP/x.json" "$M" \
	docs/examples/commune-data.yaml "$EX/council-2024.csv"
[ ! -e "$TMP/x.json" ] || fail "exit 2 but $TMP/x.json was written"

# appraise's summary. The document's notes are in its language (its
# "language"), as are the methods' hints and the class reasons, and
# nothing else of it depends on the language (as in errors-vi.sh); verify,
# which compares no note, holds it in either language.
run_chiso --lang vi appraise -o "$TMP/vi.json" "$M" "$TMP/self.json" \
	"$EX/council-2024.csv"
expect_rc 0
same_err appraise-summary
no_english appraise summary
for s in '"note": "được chấm 7.5 điểm (appraised, ' \
	'"note": "không áp dụng (appraised, ' \
	'; dossiers_online được sửa 1004 -> 950 (appraised, '; do
	grep -F -q -- "$s" "$TMP/vi.json" ||
		fail "no Vietnamese note with '$s'"
done
for l in vi a; do
	sed -e 's/"note": "[^"]*"/"note": N/g' \
		-e 's/"hint": "[^"]*"/"hint": H/g' \
		-e 's/"why": "[^"]*"/"why": W/g' \
		-e '/^  "language": /d' "$TMP/$l.json" >"$TMP/$l.n"
done
cmp "$TMP/vi.n" "$TMP/a.n" || fail "the appraised results depend on the language"
run_chiso verify "$M" "$TMP/vi.json"
expect_rc 0
run_chiso --lang vi verify "$M" "$TMP/a.json"
expect_rc 0

# verify: what holds, in one line on stdout.
run_chiso --lang vi verify "$M" "$TMP/a.json" --basis "$TMP/self.json" \
	--basis "$EX/council-2024.csv"
expect_rc 0
sed "s|$TMP|TMP|g" "$TMP/out" >"$TMP/out.n"
if ! cmp -s "$TMP/out.n" "$exp/verify-ok.txt"; then
	diff "$exp/verify-ok.txt" "$TMP/out.n" >&2
	fail "verify's summary differs from $exp/verify-ok.txt"
fi

# edited NAME SCRIPT: $TMP/NAME.json is $TMP/a.json edited by the sed
# SCRIPT (which must change it).
edited() {
	sed "$2" "$TMP/a.json" >"$TMP/$1.json"
	cmp -s "$TMP/a.json" "$TMP/$1.json" && fail "$1: the edit did not apply"
	return 0
}
edited point 's/"id": "1.1", "points": 7.5,/"id": "1.1", "points": 8,/'
vi_case verify-point 1 verify "$M" "$TMP/point.json"
edited decision 's/, "decisions": \[{"kind": "points".*"source": "[^"]*"}\]}/}/'
vi_case verify-decision 1 verify "$M" "$TMP/decision.json" \
	--basis "$EX/council-2024.csv"
edited input-decision 's/, "decisions": \[{"kind": "input", "input": "dossiers_online".*"source": "[^"]*"}\]}/}/'
vi_case verify-input-decision 1 verify "$M" "$TMP/input-decision.json"
edited quiet 's/"officials_with_pc": {"value": 12,/"officials_with_pc": {"value": 13,/'
vi_case verify-basis-value 1 verify "$M" "$TMP/quiet.json" \
	--basis "$TMP/self.json"
vi_case verify-usage 2 verify "$M"

# Evidence files (as evidence-files.sh makes them).
D=tests/cli/data/evidence
E=$TMP/evidence
mkdir -p "$E/bien-ban" "$E/dvc"
for n in 01 04 05; do
	printf 'Biên bản họp %s\n' "$n" >"$E/bien-ban/$n.pdf"
done
printf 'Báo cáo quý 4\n' >"$E/dvc/bao-cao-q4.pdf"
printf 'Thống kê\n' >"$E/dvc/thong-ke.xlsx"
printf 'secret\n' >"$TMP/secret.txt"
run_chiso evaluate --evidence-dir "$E" -o "$TMP/r.json" "$M" \
	"$D/communes.yaml"
expect_rc 0
run_chiso evaluate -o "$TMP/plain.json" "$M" "$D/communes.yaml"
expect_rc 0

# evaluate --evidence-dir: a path out of the directory, a missing file.
for c in out:../secret.txt missing:nope.pdf; do
	ref=${c#*:}
	sed "s|\"1.1\": bien-ban/04.pdf|\"1.1\": [bien-ban/04.pdf, \"$ref\"]|" \
		"$D/communes.yaml" >"$TMP/bad.yaml"
	grep -q "$ref" "$TMP/bad.yaml" || fail "the bad data was not made"
	vi_case "evaluate-evidence-${c%%:*}" 2 evaluate \
		--evidence-dir "$E" -o "$TMP/x.json" "$M" "$TMP/bad.yaml"
	[ ! -e "$TMP/x.json" ] || fail "written on exit 2 ($ref)"
done
# An unknown indicator id in the data's evidence.
sed 's|"2.2": "dvc|"2.22": "dvc|' "$D/communes.yaml" >"$TMP/unknown.yaml"
vi_case evaluate-evidence-unknown 2 evaluate -o "$TMP/x.json" "$M" \
	"$TMP/unknown.yaml"

# appraise --evidence-dir: a decision's evidence not in the directory.
printf 'unit,kind,id,value,reason,by,at,evidence\nXA.02,points,1.2,10,Quyết định tại buổi họp,HĐTĐ huyện,2025-02-14,bien-ban/06.pdf\n' \
	>"$TMP/council.csv"
vi_case appraise-evidence-missing 2 appraise --evidence-dir "$E" \
	-o "$TMP/x.json" "$M" "$TMP/plain.json" "$TMP/council.csv"
[ ! -e "$TMP/x.json" ] || fail "appraise wrote on exit 2"

# verify --evidence-dir: a file changed since, no hash recorded; a file
# renamed in the document.
cp "$E/bien-ban/05.pdf" "$TMP/05.pdf"
printf 'Biên bản họp 06\n' >"$E/bien-ban/05.pdf"
vi_case verify-evidence-changed 1 verify --evidence-dir "$E" "$M" \
	"$TMP/r.json"
cp "$TMP/05.pdf" "$E/bien-ban/05.pdf"
vi_case verify-evidence-no-sha 1 verify --evidence-dir "$E" "$M" \
	"$TMP/plain.json"
sed 's|{"file": "bien-ban/04.pdf", "sha256"|{"file": "bien-ban/4.pdf", "sha256"|' \
	"$TMP/r.json" >"$TMP/edited.json"
vi_case verify-evidence-renamed 1 verify "$M" "$TMP/edited.json"
exit 0
