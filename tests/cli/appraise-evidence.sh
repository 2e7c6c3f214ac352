# appraise-evidence.sh - evidence files of an appraisal: with
# --evidence-dir each reference is a file in the directory, its SHA-256
# recorded; a missing file, a path leaving the directory (.., absolute,
# a symbolic link out) are refused (exit 2, nothing written); verify
# --evidence-dir catches a file changed or removed since (exit 1).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/cli/appraise-lib.sh"

E="$TMP/evidence"
mkdir -p "$E/minutes"
printf 'Biên bản họp 03\n' >"$E/bb-03.pdf"
printf 'Biên bản họp 07\n' >"$E/minutes/07.pdf"
printf 'secret\n' >"$TMP/secret.txt"
H="unit,kind,id,value,reason,by,at,evidence"
printf '%s\nXA.02,points,1.1,7.5,Unsigned minutes,HĐTĐ huyện,2025-02-14,bb-03.pdf | minutes/07.pdf\n' \
	"$H" >"$TMP/good.csv"

run_chiso appraise --evidence-dir "$E" -o "$TMP/a.json" "$M" \
	"$TMP/self.json" "$TMP/good.csv"
expect_rc 0
grep -q '"evidence_files": \[{"file": "bb-03.pdf", "sha256": "'"$(sha256sum "$E/bb-03.pdf" | cut -c1-64)"'"}, {"file": "minutes/07.pdf", "sha256": "'"$(sha256sum "$E/minutes/07.pdf" | cut -c1-64)"'"}\]' "$TMP/a.json" ||
	fail "the evidence files and their hashes are not recorded"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/a.json"
expect_rc 0
expect_out "2 evidence files"

# Refused: a missing file, .., an absolute path, a link out.
for ref in nope.pdf ../secret.txt "$TMP/secret.txt" link.pdf; do
	case $ref in
	link.pdf)
		ln -s "$TMP/secret.txt" "$E/link.pdf"
		why="resolves outside $E through a symbolic link" ;;
	nope.pdf) why="is not in $E" ;;
	../*) why="leaves the directory (..)" ;;
	*) why="is absolute: name a file inside the directory" ;;
	esac
	printf '%s\nXA.02,points,1.1,7.5,Unsigned minutes,HĐTĐ huyện,2025-02-14,bb-03.pdf|%s\n' \
		"$H" "$ref" >"$TMP/bad.csv"
	run_chiso appraise --evidence-dir "$E" -o "$TMP/x.json" "$M" \
		"$TMP/self.json" "$TMP/bad.csv"
	expect_rc 2
	expect_err "bad.csv:2:8: evidence '$ref' $why (--evidence-dir $E)"
	[ -e "$TMP/x.json" ] && fail "written on exit 2"
done
rm -f "$E/link.pdf"

# Without --evidence-dir, references are text: not checked.
run_chiso appraise -o "$TMP/x.json" "$M" "$TMP/self.json" "$TMP/bad.csv"
expect_rc 0

# A file changed since, then removed: verify names it.
printf 'Biên bản họp 07 (sửa)\n' >"$E/minutes/07.pdf"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/a.json"
expect_rc 1
expect_err "unit XA.02: node 1.1: evidence 'minutes/07.pdf' of the decision at $TMP/good.csv:2 has sha256"
expect_err "it changed since"
rm "$E/bb-03.pdf"
run_chiso verify --evidence-dir "$E" "$M" "$TMP/a.json"
expect_rc 1
expect_err "unit XA.02: node 1.1: evidence 'bb-03.pdf' of the decision at $TMP/good.csv:2 is not in $E"
exit 0
