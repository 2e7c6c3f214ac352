# evidence-files.sh - evidence files a unit's data names per indicator
# (evidence: {ID: [FILE, ...]} in YAML, a column evidence:ID in CSV and,
# when python3 has openpyxl, .xlsx):
# evaluate --evidence-dir records each file's SHA-256 on its indicator;
# a missing file and a path leaving the directory (.., absolute, a
# symbolic link out) are refused (exit 2, nothing written); without the
# directory the references are recorded unchecked; an unknown indicator
# id is refused with a suggestion; the files count as evidence for
# evidence_required; appraise --evidence-dir checks SELF's files too;
# verify --evidence-dir catches a file changed, removed or replaced by a
# link out since (exit 1), and a hash left out of the document.
. "$srcdir/tests/lib.sh"
M="$srcdir/docs/examples/commune-model.yaml"
D="$srcdir/tests/cli/data/evidence"
E="$TMP/evidence"
mkdir -p "$E/bien-ban" "$E/dvc"
for n in 01 04 05; do
	printf 'Biên bản họp %s\n' "$n" >"$E/bien-ban/$n.pdf"
done
printf 'Báo cáo quý 4\n' >"$E/dvc/bao-cao-q4.pdf"
printf 'Thống kê\n' >"$E/dvc/thong-ke.xlsx"
printf 'secret\n' >"$TMP/secret.txt"
sha() { sha256sum "$E/$1" | cut -c1-64; }

# A good run: each file with its hash, on its indicator, in the order
# given; the unit keeps its evidence as the data gives it.
run_chiso evaluate --evidence-dir "$E" -o "$TMP/r.json" "$M" \
	"$D/communes.yaml"
expect_rc 0
grep -q '"id": "1.1", .*"evidence_files": \[{"file": "bien-ban/01.pdf", "sha256": "'"$(sha bien-ban/01.pdf)"'"}, {"file": "bien-ban/05.pdf", "sha256": "'"$(sha bien-ban/05.pdf)"'"}\]' "$TMP/r.json" ||
	fail "XA.01 1.1: the evidence files and their hashes are not recorded"
grep -q '"id": "2.2", .*"evidence_files": \[{"file": "dvc/bao-cao-q4.pdf", "sha256": "'"$(sha dvc/bao-cao-q4.pdf)"'"}, {"file": "dvc/thong-ke.xlsx", "sha256": "'"$(sha dvc/thong-ke.xlsx)"'"}\]' "$TMP/r.json" ||
	fail "XA.01 2.2: the text split at | is not recorded"
grep -q '"id": "1.1", .*"evidence_files": \[{"file": "bien-ban/04.pdf", "sha256": "'"$(sha bien-ban/04.pdf)"'"}\]' "$TMP/r.json" ||
	fail "XA.02 1.1: the evidence file is not recorded"
grep -q '"1.1": \["bien-ban/01.pdf", "bien-ban/05.pdf"\],' "$TMP/r.json" ||
	fail "XA.01's evidence is not kept on the unit"
[ "$(grep -c '"evidence_files"' "$TMP/r.json")" = 3 ] ||
	fail "evidence_files on other indicators than 1.1 and 2.2"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/r.json"
expect_rc 0
expect_out "5 evidence files"
run_chiso verify "$M" "$TMP/r.json"
expect_rc 0

# The same data as CSV (columns evidence:1.1, Evidence:2.2): the same
# files and hashes.
run_chiso evaluate --evidence-dir "$E" -o "$TMP/c.json" "$M" \
	"$D/communes.csv"
expect_rc 0
[ "$(grep -o '"evidence_files": [^]]*]' "$TMP/c.json")" = \
	"$(grep -o '"evidence_files": [^]]*]' "$TMP/r.json")" ] ||
	fail "the CSV's evidence files differ from the YAML's"

# Re-scored from its results (no --evidence-dir): the files and their
# recorded hashes carry over.
run_chiso evaluate -o "$TMP/again.json" "$M" "$TMP/r.json"
expect_rc 0
[ "$(grep -o '"evidence_files": [^]]*]' "$TMP/again.json")" = \
	"$(grep -o '"evidence_files": [^]]*]' "$TMP/r.json")" ] ||
	fail "the evidence files are lost when results are re-scored"

# Without --evidence-dir: recorded as given, unchecked, no hash.
run_chiso evaluate -o "$TMP/plain.json" "$M" "$D/communes.yaml"
expect_rc 0
grep -q '"evidence_files": \[{"file": "bien-ban/01.pdf"}, {"file": "bien-ban/05.pdf"}\]' "$TMP/plain.json" ||
	fail "without --evidence-dir the references are not recorded"
run_chiso verify "$M" "$TMP/plain.json"
expect_rc 0
# ... and verify --evidence-dir has no hash to check them against.
run_chiso verify --evidence-dir "$E" "$M" "$TMP/plain.json"
expect_rc 1
expect_err "unit XA.01: node 1.1: evidence file 'bien-ban/01.pdf' is recorded without its sha256: nothing to check it against"

# Refused: a missing file, .., an absolute path, a link out; nothing
# written.
ln -s "$TMP/secret.txt" "$E/link.pdf"
for ref in nope.pdf ../secret.txt "$TMP/secret.txt" link.pdf; do
	case $ref in
	link.pdf) why="resolves outside $E through a symbolic link" ;;
	nope.pdf) why="is not in $E" ;;
	../*) why="leaves the directory (..)" ;;
	*) why="is absolute: name a file inside the directory" ;;
	esac
	sed "s|\"1.1\": bien-ban/04.pdf|\"1.1\": [bien-ban/04.pdf, \"$ref\"]|" \
		"$D/communes.yaml" >"$TMP/bad.yaml"
	grep -q "$ref" "$TMP/bad.yaml" || fail "the bad data was not made"
	run_chiso evaluate --evidence-dir "$E" -o "$TMP/x.json" "$M" \
		"$TMP/bad.yaml"
	expect_rc 2
	expect_err "bad.yaml:32:32: unit XA.02: indicator 1.1: evidence file '$ref' $why (--evidence-dir $E)"
	expect_err "chiso: nothing written: fix the evidence files above (--evidence-dir $E)"
	[ -e "$TMP/x.json" ] && fail "written on exit 2 ($ref)"
	# Without --evidence-dir, a reference is text: not checked.
	run_chiso evaluate -o "$TMP/x.json" "$M" "$TMP/bad.yaml"
	expect_rc 0
	rm -f "$TMP/x.json"
done
rm "$E/link.pdf"

# An unknown indicator id: refused with a suggestion, at its place.
sed 's|"2.2": "dvc|"2.22": "dvc|' "$D/communes.yaml" >"$TMP/unknown.yaml"
run_chiso evaluate -o "$TMP/x.json" "$M" "$TMP/unknown.yaml"
expect_rc 2
expect_err "unknown.yaml:19:7: unit XA.01: evidence: '2.22' is not an indicator of model example-commune; did you mean '2.2'?"
[ -e "$TMP/x.json" ] && fail "written on exit 2 (unknown indicator)"
sed '2s/evidence:1.1/evidence:1.3/' "$D/communes.csv" >"$TMP/unknown.csv"
run_chiso evaluate -o "$TMP/x.json" "$M" "$TMP/unknown.csv"
expect_rc 2
expect_err "unknown.csv:2:14: column 'evidence:1.3': '1.3' is not an indicator of model example-commune; did you mean '1.1'?"

# evidence_required: XA.02 gives no evidence for steering_meetings, but
# names a file for 1.1 itself: 1.1 keeps its 10 points, not flagged
# (without the file: withheld, 0; evidence-required.sh).
EM="$TMP/model.yaml"
sed 's/^        evidence: "Biên bản các cuộc họp"/&\n        evidence_required: withhold/' \
	"$M" >"$EM"
grep -q "evidence_required: withhold" "$EM" || fail "the model was not made"
run_chiso evaluate --evidence-dir "$E" -o "$TMP/req.json" "$EM" \
	"$D/communes.yaml"
expect_rc 0
grep -q '"id": "1.1", "points": 10, "max": 10, .*"note": "4 >= 4 -> 1", "evidence_files"' "$TMP/req.json" ||
	fail "XA.02 1.1: its evidence file does not count as evidence"
grep -q '"evidence": "missing"' "$TMP/req.json" &&
	fail "an indicator with evidence files is flagged"
sed 's|"1.1": bien-ban/04.pdf|"1.2": bien-ban/04.pdf|' "$D/communes.yaml" \
	>"$TMP/other.yaml"
run_chiso evaluate -o "$TMP/req2.json" "$EM" "$TMP/other.yaml"
expect_rc 0
grep -q '"id": "1.1", "points": 0, .*"note": "4 >= 4 -> 1; evidence required, none given: points withheld", "evidence": "missing"' "$TMP/req2.json" ||
	fail "XA.02 1.1 is not withheld when the file names another indicator"
run_chiso verify --evidence-dir "$E" "$EM" "$TMP/req.json"
expect_rc 0

# appraise --evidence-dir checks SELF's files too, and records them.
printf 'unit,kind,id,value,reason,by,at,evidence\nXA.02,points,1.2,10,Decision shown at the hearing,HĐTĐ huyện,2025-02-14,bien-ban/05.pdf\n' \
	>"$TMP/council.csv"
run_chiso appraise --evidence-dir "$E" -o "$TMP/a.json" "$M" \
	"$TMP/plain.json" "$TMP/council.csv"
expect_rc 0
grep -q '"id": "1.1", .*"evidence_files": \[{"file": "bien-ban/04.pdf", "sha256": "'"$(sha bien-ban/04.pdf)"'"}\]' "$TMP/a.json" ||
	fail "appraise does not hash SELF's evidence files"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/a.json" \
	--basis "$TMP/plain.json" --basis "$TMP/council.csv"
expect_rc 0
expect_out "6 evidence files"
mv "$E/dvc/thong-ke.xlsx" "$TMP/thong-ke.xlsx"
run_chiso appraise --evidence-dir "$E" -o "$TMP/x.json" "$M" \
	"$TMP/plain.json" "$TMP/council.csv"
expect_rc 2
expect_err "plain.json:"
expect_err ": unit XA.01: indicator 2.2: evidence file 'dvc/thong-ke.xlsx' is not in $E (--evidence-dir $E)"
[ -e "$TMP/x.json" ] && fail "appraise wrote on exit 2"
mv "$TMP/thong-ke.xlsx" "$E/dvc/thong-ke.xlsx"

# verify --evidence-dir: one byte changed, a file removed, a file
# replaced by a link out of the directory; each named (exit 1).
cp "$E/bien-ban/05.pdf" "$TMP/05.pdf"
printf 'Biên bản họp 06\n' >"$E/bien-ban/05.pdf"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/r.json"
expect_rc 1
expect_err "unit XA.01: node 1.1: evidence file 'bien-ban/05.pdf' has sha256 $(sha bien-ban/05.pdf), but $(sha256sum "$TMP/05.pdf" | cut -c1-64) is recorded: it changed since"
expect_err "r.json does not hold: 1 difference"
rm "$E/bien-ban/05.pdf"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/r.json"
expect_rc 1
expect_err "unit XA.01: indicator 1.1: evidence file 'bien-ban/05.pdf' is not in $E (--evidence-dir $E)"
ln -s "$TMP/05.pdf" "$E/bien-ban/05.pdf"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/r.json"
expect_rc 1
expect_err "unit XA.01: indicator 1.1: evidence file 'bien-ban/05.pdf' resolves outside $E through a symbolic link (--evidence-dir $E)"
rm "$E/bien-ban/05.pdf"
cp "$TMP/05.pdf" "$E/bien-ban/05.pdf"

# A results document edited: a file renamed on its node, a hash changed.
sed 's|{"file": "bien-ban/04.pdf", "sha256"|{"file": "bien-ban/4.pdf", "sha256"|' \
	"$TMP/r.json" >"$TMP/edited.json"
run_chiso verify "$M" "$TMP/edited.json"
expect_rc 1
expect_err "unit XA.02: node 1.1: evidence file 'bien-ban/04.pdf' of the unit's evidence is not recorded in its place (evidence_files has 'bien-ban/4.pdf')"
sed "s|$(sha bien-ban/04.pdf)|$(sha bien-ban/01.pdf)|" "$TMP/r.json" \
	>"$TMP/edited.json"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/edited.json"
expect_rc 1
expect_err "unit XA.02: node 1.1: evidence file 'bien-ban/04.pdf' has sha256 $(sha bien-ban/04.pdf), but $(sha bien-ban/01.pdf) is recorded: it changed since"

# The same as a workbook (when python3 has openpyxl to write one): its
# evidence:ID columns read as the CSV's; an unknown one named by cell.
PY=
for py in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$py" -c 'import openpyxl' >/dev/null 2>&1; then
		PY=$py
		break
	fi
done
if [ -n "$PY" ]; then
	"$PY" - "$D/communes.csv" "$TMP/communes.xlsx" <<'PY'
import csv, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
with open(sys.argv[1], encoding="utf-8") as f:
    for row in csv.reader(f):
        if row and not row[0].startswith("#"):
            ws.append([int(c) if 6 <= i <= 12 and c.isdigit() else c
                       for i, c in enumerate(row)])
wb.save(sys.argv[2])
PY
	run_chiso evaluate --evidence-dir "$E" -o "$TMP/x.json" "$M" \
		"$TMP/communes.xlsx"
	expect_rc 0
	[ "$(grep -o '"evidence_files": [^]]*]' "$TMP/x.json")" = \
		"$(grep -o '"evidence_files": [^]]*]' "$TMP/r.json")" ] ||
		fail "the workbook's evidence files differ from the YAML's"
	"$PY" - "$TMP/communes.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.active["O1"] = "evidence:2.22"
wb.save(sys.argv[1])
PY
	run_chiso evaluate -o "$TMP/x.json" "$M" "$TMP/communes.xlsx"
	expect_rc 2
	expect_err "communes.xlsx:Sheet!O1: column 'evidence:2.22': '2.22' is not an indicator of model example-commune; did you mean '2.2'?"
	rm -f "$TMP/x.json"
fi

# README's example: the bundled communes and their evidence files.
EXE="$srcdir/examples/appraisal/evidence"
run_chiso evaluate --evidence-dir "$EXE" -o "$TMP/ex.json" "$M" \
	"$srcdir/examples/appraisal/commune-evidence.yaml"
expect_rc 0
grep -q '"evidence_files": \[{"file": "bien-ban/04.txt", "sha256": "'"$(sha256sum "$EXE/bien-ban/04.txt" | cut -c1-64)"'"}\]' "$TMP/ex.json" ||
	fail "README's example does not record its evidence file"
run_chiso verify --evidence-dir "$EXE" "$M" "$TMP/ex.json"
expect_rc 0
expect_out "4 evidence files"

# The readers of results take documents with evidence files.
for c in rank gaps report compare; do
	case $c in
	report) run_chiso report -o "$TMP/report.html" "$TMP/r.json" ;;
	compare) run_chiso compare "$TMP/plain.json" "$TMP/r.json" ;;
	*) run_chiso "$c" "$TMP/r.json" ;;
	esac
	expect_rc 0
done
exit 0
