#!/bin/sh
# run.sh - the national-scale benchmark (make bench): 10,600 units, as
# many as Vietnam's communes, through evaluate then rank, next to the
# time to merely read and check the same input (evaluate --check-only),
# and chiso sensitivity of the results (1000 runs: the main indices'
# points varied, then the indicators').
# Two models: the bundled example (16 indicators, YAML input) and a
# synthetic one of 100 indicators (the size of the provincial DTI; JSON
# Lines input). Median wall time of RUNS runs (default 5) and peak memory
# (max RSS, with GNU time when installed). "evaluate --isolate" is the same
# evaluation with every computation in a worker process (the cost of
# isolating untrusted plugins: one request per unit through a pipe, one
# answer per indicator). Then reading the example's units from an .xlsx
# workbook next to the same rows as CSV (evaluate --check-only; the
# workbook written once by bench/csv-to-xlsx.py, "n/a" without a python3
# that has openpyxl). BENCH_ONLY=xlsx runs only that part.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
chiso=${CHISO:-$top/chiso}
runs=${RUNS:-5}
units=${UNITS:-10600}
out=${BENCH_OUT:-$top/bench/out}
mkdir -p "$out"

# median CMD...: runs CMD $runs times, prints the median wall time (s).
median() {
	i=0
	: >"$out/times"
	while [ "$i" -lt "$runs" ]; do
		s=$(date +%s.%N)
		if ! "$@" >/dev/null 2>"$out/stderr"; then
			echo "bench: failed: $*" >&2
			tail -n 3 "$out/stderr" >&2
		fi
		e=$(date +%s.%N)
		awk -v s="$s" -v e="$e" "BEGIN { print e - s }" >>"$out/times"
		i=$((i + 1))
	done
	sort -n "$out/times" | awk '{ t[NR] = $1 } END { printf "%.3f s", t[int((NR + 1) / 2)] }'
}

# peak CMD...: max resident set size in MiB, or "n/a".
peak() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1 |
			awk '{ printf "%.1f MiB", $1 / 1024 }'
	else
		printf "n/a (install GNU time)"
	fi
}

# row LABEL CMD...: one line of the table.
row() {
	label=$1
	shift
	printf "| %-34s | %10s | %12s |\n" "$label" "$(median "$@")" "$(peak "$@")"
}

# suite NAME MODEL DATA
suite() {
	name=$1 model=$2 data=$3
	echo
	echo "$name: $units units, $(stat -c %s "$data") bytes of input, median of $runs runs"
	echo
	echo "| step                               |  wall time |  peak memory |"
	echo "|------------------------------------|-----------:|-------------:|"
	row "read and check only (--check-only)" "$chiso" evaluate --check-only "$model" "$data"
	row "evaluate -f json -o results.json" "$chiso" evaluate -f json -o "$out/$name.json" "$model" "$data"
	printf "(results: %s bytes)\n" "$(stat -c %s "$out/$name.json")" >&2
	row "evaluate --isolate -f json" "$chiso" evaluate --isolate -f json -o "$out/$name-isolated.json" "$model" "$data"
	row "rank results.json" "$chiso" rank -o "$out/$name.rank" "$out/$name.json"
	row "rank --group-by parent -f csv" "$chiso" rank --group-by parent -f csv -o "$out/$name.csv" "$out/$name.json"
	row "report (HTML) of results.json" "$chiso" report -o "$out/$name.html" "$out/$name.json"
	row "sensitivity --runs 1000 (main)" "$chiso" sensitivity --runs 1000 -o "$out/$name.sens" "$model" "$out/$name.json"
	row "sensitivity --vary indicators=20%" "$chiso" sensitivity --runs 1000 --vary indicators=20% -o "$out/$name.sens" "$model" "$out/$name.json"
}

# workbook: the example's units as CSV and as .xlsx, read and checked.
workbook() {
	csv="$out/example-$units.csv"
	xlsx="$out/example-$units.xlsx"
	model="$top/criteria/example-district.yaml"
	[ -f "$csv" ] || sh "$top/bench/gen-units.sh" "$units" csv >"$csv"
	if [ ! -f "$xlsx" ]; then
		for py in ${PYTHON:-} python3 /usr/bin/python3; do
			if "$py" -c 'import openpyxl' >/dev/null 2>&1; then
				"$py" "$top/bench/csv-to-xlsx.py" "$csv" "$xlsx"
				break
			fi
		done
	fi
	echo
	echo "workbook-16: $units units, CSV $(stat -c %s "$csv") bytes," \
		".xlsx $( [ -f "$xlsx" ] && stat -c %s "$xlsx" || echo n/a) bytes, median of $runs runs"
	echo
	echo "| step                               |  wall time |  peak memory |"
	echo "|------------------------------------|-----------:|-------------:|"
	row "CSV: read and check only" "$chiso" evaluate --check-only "$model" "$csv"
	if [ -f "$xlsx" ]; then
		row ".xlsx: read and check only" "$chiso" evaluate --check-only "$model" "$xlsx"
	else
		printf "| %-34s | %10s | %12s |\n" ".xlsx: read and check only" "n/a" "n/a"
	fi
}

echo "chiso benchmark ($("$chiso" --version))"
if [ "${BENCH_ONLY:-}" != xlsx ]; then
	ex="$out/example-$units.yaml"
	[ -f "$ex" ] || sh "$top/bench/gen-units.sh" "$units" >"$ex"
	m100="$out/model-100.yaml"
	[ -f "$m100" ] || sh "$top/bench/gen-model.sh" >"$m100"
	d100="$out/units-100-$units.jsonl"
	[ -f "$d100" ] || sh "$top/bench/gen-units-100.sh" "$units" >"$d100"
	suite example-16 "$top/criteria/example-district.yaml" "$ex"
	suite synthetic-100 "$m100" "$d100"
fi
workbook
