# regress.sh - every input that once made a fuzz target crash, leak or
# hang (tests/fuzz/regressions/TARGET/*) run through the normal chiso as
# the command that reads such a file would: chiso must exit 0, 1 or 2,
# never die of a signal, and print no sanitizer report (with
# --enable-asan/--enable-ubsan builds, or CHISO_WRAPPER=valgrind). Run by
# make check; see tests/fuzz/README.
#
# The files are the fuzzers' raw inputs, so that the fuzz programs replay
# them as they are. They are decoded as the targets do:
#   model/    the model's text; JSON when it starts with '{', else YAML:
#             chiso validate
#   data/     first byte sel = byte mod 12 (= (byte - '0') mod 12) chooses
#             the format (sel % 3: YAML, JSON, JSON Lines) and the model
#             (sel / 3: criteria/example-district.yaml,
#             tests/bad/data-model.yaml, tests/cli/data/commune-model.yaml,
#             tests/cli/data/district-rollup.yaml, evaluated with
#             --children, the communes' results); the rest is the file:
#             chiso evaluate -f json, then rank, gaps and compare on its
#             output
#   csv/      first byte chooses the model as for data/; the rest is a
#             CSV batch: the same commands
#   xlsx/     the same, the rest an .xlsx workbook
#   results/  a results document: chiso rank (every format), gaps and
#             compare (the document against itself)
#   merge/    first byte sel = byte mod 2 chooses the results (0 the
#             example provinces 2022 and 2023, 1 Yên Bình's communes
#             2023, scored by their models); the rest is a merger map:
#             chiso merge, then the commands that read results on its
#             output
. "$srcdir/tests/lib.sh"

regdir=$srcdir/tests/fuzz/regressions
models="criteria/example-district.yaml tests/bad/data-model.yaml
tests/cli/data/commune-model.yaml tests/cli/data/district-rollup.yaml"
n=0

# ok WHAT: the last run_chiso exited 0, 1 or 2 and printed no sanitizer
# report.
ok() {
	case "$rc" in
	0 | 1 | 2) ;;
	*)
		cat "$TMP/err" >&2
		fail "$1: chiso exited $rc (a crash or a signal)"
		;;
	esac
	if grep -E -q 'Sanitizer|runtime error:|Invalid read|Invalid write' \
		"$TMP/err"; then
		cat "$TMP/err" >&2
		fail "$1: a sanitizer report"
	fi
}

# byte FILE: the first byte of FILE, as a number (0 when empty).
byte() {
	b=$(od -An -tu1 -N1 "$1" | tr -d ' \n')
	echo "${b:-0}"
}

# model_of SEL: the model file for a data or csv selector.
model_of() {
	# shellcheck disable=SC2086
	printf '%s\n' $models | sed -n "$(($1 / 3 + 1))p"
}

# results_cmds WHAT FILE: the commands that read a results document.
results_cmds() {
	for fmt in table csv json md html; do
		run_chiso rank -f "$fmt" "$2"
		ok "$1 (rank -f $fmt)"
	done
	run_chiso rank --group-by parent "$2"
	ok "$1 (rank --group-by parent)"
	run_chiso gaps "$2"
	ok "$1 (gaps)"
	run_chiso compare "$2" "$2"
	ok "$1 (compare)"
}

# data_cmds WHAT MODEL FILE: evaluate, then read the results back. The
# roll-up model's "children" indicators read the communes' results, as
# the fuzz targets give them (tests/cli/cross-unit.sh).
data_cmds() {
	rm -f "$TMP/r.json"
	case "$2" in
	*district-rollup*)
		if [ ! -f "$TMP/communes.json" ]; then
			run_chiso evaluate -f json -o "$TMP/communes.json" \
				"$srcdir/tests/cli/data/commune-model.yaml" \
				"$srcdir/tests/cli/data/communes.json"
			ok "communes results"
		fi
		run_chiso evaluate --children "$TMP/communes.json" -f json \
			-o "$TMP/r.json" "$srcdir/$2" "$3"
		;;
	*)
		run_chiso evaluate -f json -o "$TMP/r.json" "$srcdir/$2" "$3"
		;;
	esac
	ok "$1 (evaluate)"
	if [ -f "$TMP/r.json" ]; then
		results_cmds "$1" "$TMP/r.json"
	fi
}

for f in "$regdir"/model/*; do
	[ -f "$f" ] || continue
	case $(byte "$f") in
	123) in=$TMP/model.json ;;
	*) in=$TMP/model.yaml ;;
	esac
	cp "$f" "$in"
	run_chiso validate "$in"
	ok "$f"
	n=$((n + 1))
done

for f in "$regdir"/data/*; do
	[ -f "$f" ] || continue
	sel=$(($(byte "$f") % 12))
	case $((sel % 3)) in
	0) in=$TMP/data.yaml ;;
	1) in=$TMP/data.json ;;
	*) in=$TMP/data.jsonl ;;
	esac
	tail -c +2 "$f" >"$in"
	data_cmds "$f" "$(model_of "$sel")" "$in"
	n=$((n + 1))
done

# csv/ and xlsx/: the folder's name is the data file's extension.
for f in "$regdir"/csv/* "$regdir"/xlsx/*; do
	[ -f "$f" ] || continue
	ext=${f%/*}
	ext=${ext##*/}
	sel=$(($(byte "$f") % 12))
	tail -c +2 "$f" >"$TMP/data.$ext"
	data_cmds "$f" "$(model_of "$sel")" "$TMP/data.$ext"
	n=$((n + 1))
done

for f in "$regdir"/results/*; do
	[ -f "$f" ] || continue
	cp "$f" "$TMP/results.json"
	results_cmds "$f" "$TMP/results.json"
	n=$((n + 1))
done

# merge_results SEL: sets $results to the results a merge map of
# selector SEL applies to (made once).
merge_results() {
	results=$TMP/merge-$1.json
	if [ ! -f "$results" ]; then
		if [ "$1" = 0 ]; then
			run_chiso evaluate -f json -o "$results" \
				"$srcdir/criteria/vn-dti-province-2022.yaml" \
				"$srcdir/examples/dti-provinces-2022.yaml" \
				"$srcdir/examples/dti-provinces-2023.yaml"
		else
			run_chiso evaluate -f json -o "$results" \
				"$srcdir/criteria/vn-commune-2023.yaml" \
				"$srcdir/examples/yen-binh-communes-2023.yaml"
		fi
		ok "merge results $1"
	fi
}

for f in "$regdir"/merge/*; do
	[ -f "$f" ] || continue
	sel=$(($(byte "$f") % 2))
	tail -c +2 "$f" >"$TMP/map.csv"
	merge_results "$sel"
	rm -f "$TMP/merged.json"
	run_chiso merge -m "$TMP/map.csv" -o "$TMP/merged.json" "$results"
	ok "$f (merge)"
	if [ -f "$TMP/merged.json" ]; then
		results_cmds "$f" "$TMP/merged.json"
	fi
	n=$((n + 1))
done

echo "$n fuzz regression inputs: no crash"
exit 0
