# output-is-input.sh - -o naming one of the command's own inputs (the same
# name, another name through a symbolic link, or a hard link) is refused
# before anything is read: exit 2, one message, the input unchanged and no
# temporary file left. Every command that has -o is tried.
. "$srcdir/tests/lib.sh"
set -e
cd "$srcdir"

model=criteria/example-district.yaml
mkdir "$TMP/w"
cp "$model" "$TMP/w/model.yaml"
cp examples/yen-binh-2022.yaml "$TMP/w/data.yaml"
cp tests/cli/data/merge-districts.csv "$TMP/w/map.csv"
run_chiso evaluate -f json -o "$TMP/w/r.json" "$model" \
	examples/yen-bai-districts-2022.yaml
expect_rc 0
cp "$TMP/w/r.json" "$TMP/w/r2.json"
ln -s r.json "$TMP/w/link.json"
ln "$TMP/w/r.json" "$TMP/w/hard.json"
(cd "$TMP/w" && cksum model.yaml data.yaml map.csv r.json r2.json) \
	>"$TMP/sums"

# refused OUT INPUT ARGS...: chiso ARGS exits 2 saying that OUT is INPUT,
# and nothing in $TMP/w changed.
refused() {
	out=$1
	in=$2
	shift 2
	run_chiso "$@"
	expect_rc 2
	expect_err "chiso: refused: output $out is the input $in; write to another file"
	[ ! -s "$TMP/out" ] || fail "$*: something went to stdout"
	(cd "$TMP/w" && cksum model.yaml data.yaml map.csv r.json r2.json) \
		>"$TMP/sums.now"
	cmp -s "$TMP/sums" "$TMP/sums.now" || fail "$*: an input changed"
	[ -L "$TMP/w/link.json" ] || fail "$*: link.json is no longer a link"
	left=$(ls -A "$TMP/w" | grep '^\.' || true)
	[ -z "$left" ] || fail "$*: left behind: $left"
}

w=$TMP/w
# evaluate: the data file, the model, a --children file.
refused "$w/data.yaml" "$w/data.yaml" \
	evaluate -o "$w/data.yaml" "$w/model.yaml" "$w/data.yaml"
refused "$w/model.yaml" "$w/model.yaml" \
	evaluate -f json -o "$w/model.yaml" "$w/model.yaml" "$w/data.yaml"
refused "$w/r.json" "$w/r.json" \
	evaluate -f json -o "$w/r.json" --children "$w/r.json" \
	"$w/model.yaml" "$w/data.yaml"
# A results document re-scored into itself, under another spelling.
refused "$w/../w/r.json" "$w/r.json" \
	evaluate -f json -o "$w/../w/r.json" "$w/model.yaml" "$w/r.json"
# rank and report: by name, through a symbolic link, through a hard link.
refused "$w/r.json" "$w/r.json" rank -o "$w/r.json" "$w/r.json"
refused "$w/link.json" "$w/r.json" rank -o "$w/link.json" "$w/r.json"
refused "$w/hard.json" "$w/r.json" rank -f csv -o "$w/hard.json" "$w/r.json"
refused "$w/r2.json" "$w/r2.json" rank -o "$w/r2.json" "$w/r.json" "$w/r2.json"
refused "$w/r.json" "$w/r.json" rank -f xlsx -o "$w/r.json" "$w/r.json"
refused "$w/r.json" "$w/r.json" report -o "$w/r.json" "$w/r.json"
# compare (either side), gaps, merge (results and map).
refused "$w/r2.json" "$w/r2.json" compare -o "$w/r2.json" "$w/r.json" "$w/r2.json"
refused "$w/r.json" "$w/r.json" compare -o "$w/r.json" "$w/r.json" "$w/r2.json"
refused "$w/r.json" "$w/r.json" gaps -o "$w/r.json" "$w/r.json"
refused "$w/r.json" "$w/r.json" merge -m "$w/map.csv" -o "$w/r.json" "$w/r.json"
refused "$w/map.csv" "$w/map.csv" merge -m "$w/map.csv" -o "$w/map.csv" "$w/r.json"
# template, doc, diff: the model.
refused "$w/model.yaml" "$w/model.yaml" template -o "$w/model.yaml" "$w/model.yaml"
refused "$w/model.yaml" "$w/model.yaml" doc -o "$w/model.yaml" "$w/model.yaml"
refused "$w/model.yaml" "$w/model.yaml" \
	diff -o "$w/model.yaml" "$model" "$w/model.yaml"

# Relative names: the check compares files, not spellings.
(
	cd "$TMP/w"
	${CHISO_WRAPPER:-} "$CHISO" rank -o ./r.json r.json >"$TMP/out" 2>"$TMP/err"
) && fail "rank -o ./r.json r.json succeeded"
expect_err "chiso: refused: output ./r.json is the input r.json"

# An output that is not an input is still written, beside the inputs.
run_chiso rank -o "$w/ranking.txt" "$w/r.json"
expect_rc 0
grep -q "YB.YBI" "$w/ranking.txt" || fail "ranking not written"
exit 0
