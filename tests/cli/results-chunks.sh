# results-chunks.sh - results documents are read in pieces of a fixed
# size (read/json_stream.h; 1 MiB, CHISO_READ_CHUNK for tests): however
# the pieces fall, what rank, gaps and merge make of a document, and what
# they say of it, is the same as when it is read in one piece. Each
# document below is read with pieces of 4 to 13 bytes (so that a boundary
# falls inside every token, UTF-8 sequence and escape) and of 64 and 4096
# bytes, and compared with the default: good documents (evaluate's and
# merge's, a file whose units come before its model, which is read after
# coming back to them, also from a pipe, and from standard input), and
# every lying document of tests/bad/results.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

run_chiso evaluate -f json -o "$TMP/districts.json" \
	criteria/example-district.yaml examples/yen-bai-districts-2022.yaml
expect_rc 0
run_chiso evaluate -f json -o "$TMP/dti.json" \
	criteria/vn-dti-province-2022.yaml examples/dti-provinces-2022.yaml
expect_rc 0
run_chiso merge --map tests/cli/data/merge-districts.csv \
	-o "$TMP/merged.json" "$TMP/districts.json"
expect_rc 0

# units-first.json: the top level of districts.json with "units" first
awk '
/^  "units": \[$/ { units = 1 }
NR == 1 { next }
units && /^}$/ { next }
units { u[++nu] = $0; next }
{ h[++nh] = $0 }
END {
	print "{"
	for (i = 1; i <= nu; i++)
		print u[i] (i == nu ? "," : "")
	sub(/,$/, "", h[nh])
	for (i = 1; i <= nh; i++)
		print h[i]
	print "}"
}' "$TMP/districts.json" >"$TMP/units-first.json"
head -n 3 "$TMP/units-first.json" | grep -q '"units"' ||
	fail "units-first.json does not start with its units"


# chunk SIZE: the pieces' size for the next runs ("": the default).
chunk() {
	if [ -n "$1" ]; then
		CHISO_READ_CHUNK=$1
		export CHISO_READ_CHUNK
	else
		unset CHISO_READ_CHUNK
	fi
}

# outputs FILE COMMANDS: what each command (rank, gaps, merge; a lying
# document only rank) makes of FILE, from the file, standard input and a
# pipe: outputs, messages and exit codes, into $TMP/got.
outputs() {
	file=$1 cmds=$2
	: >"$TMP/got"
	for cmd in $cmds; do
		case $cmd in
		rank) run_chiso rank -f json "$file" ;;
		gaps) run_chiso gaps -f json "$file" ;;
		merge) run_chiso merge -m "$TMP/map.csv" -o - "$file" ;;
		esac
		{
			echo "== $cmd: $rc"
			grep -v '"generator"' "$TMP/out" || :
			cat "$TMP/err"
		} >>"$TMP/got"
	done
	[ "$cmds" != rank ] || return 0
	run_chiso rank -f json - <"$file"
	{
		echo "== rank of standard input: $rc"
		cat "$TMP/out" "$TMP/err"
	} >>"$TMP/got"
	set +e
	# shellcheck disable=SC2086
	cat "$file" | ${CHISO_WRAPPER:-} "$CHISO" rank -f json - \
		>"$TMP/out" 2>"$TMP/err"
	rc=$?
	set -e
	{
		echo "== rank of a pipe: $rc"
		cat "$TMP/out" "$TMP/err"
	} >>"$TMP/got"
}

# compare FILE COMMANDS SIZES...: FILE read in pieces of each size reads
# as in one piece.
compare() {
	f=$1 what=$2
	shift 2
	# merge's map: the document's first unit into Z
	code=$(grep -o '"unit": {"code": "[^"]*"' "$f" | head -n 1 |
		sed 's/.*"code": "//; s/"$//')
	printf 'code,name,old_code\nZ,Z,%s\n' "$code" >"$TMP/map.csv"
	chunk ""
	outputs "$f" "$what"
	mv "$TMP/got" "$TMP/want"
	grep -q '^== rank: [02]$' "$TMP/want" ||
		fail "$f: rank failed: $(head -n 5 "$TMP/want")"
	# a good document reads well every way
	if [ "$what" != rank ] && grep '^== ' "$TMP/want" | grep -v ': 0$'; then
		cat "$TMP/want" >&2
		fail "$f: does not read well every way"
	fi
	for size in "$@"; do
		chunk "$size"
		outputs "$f" "$what"
		diff -u "$TMP/want" "$TMP/got" >&2 ||
			fail "$f read in pieces of $size bytes differs"
	done
	chunk ""
}

# wrapped (lib.sh): the good documents in one size, and every fourth
# lying document in one size each, in turn (results-lies.sh has every
# lie under the wrapper)
good_sizes="4 5 6 7 9 13 64" lie_sizes="4 5 7 13"
wrapped && good_sizes=13
for f in "$TMP/districts.json" "$TMP/dti.json" "$TMP/merged.json" \
	"$TMP/units-first.json"; do
	# shellcheck disable=SC2086
	compare "$f" "rank gaps merge" $good_sizes
done
n=0
for f in tests/bad/results/*.json; do
	n=$((n + 1))
	if wrapped; then
		[ $((n % 4)) -eq 0 ] || continue
		set -- 4 5 7 13
		shift $((n / 4 % 4))
		lie_sizes=$1
	fi
	# shellcheck disable=SC2086
	compare "$f" rank $lie_sizes
done
[ "$n" -ge 35 ] || fail "only $n lying documents"

# The document whose units come first ranks as the one it was made from.
run_chiso rank -f json "$TMP/districts.json"
expect_rc 0
cp "$TMP/out" "$TMP/want"
run_chiso rank -f json "$TMP/units-first.json"
expect_rc 0
diff -u "$TMP/want" "$TMP/out" >&2 || fail "units-first.json ranks otherwise"
exit 0
