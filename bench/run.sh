#!/bin/sh
# run.sh - the national-scale benchmark (make bench): 10,600 units, as
# many as Vietnam's communes, through evaluate then rank, next to the
# time to merely read and check the same input (evaluate --check-only),
# and chiso sensitivity of the results (1000 runs: the main indices'
# points varied, then the indicators').
# Two models: the bundled example (16 indicators, YAML input) and a
# synthetic one of 100 indicators (the size of the provincial DTI; JSON
# Lines input). For each step: median wall and user time of RUNS runs
# (default 5), peak memory (max RSS) and the ratio of its wall and user
# time to --check-only's of the same run (with GNU time; wall time only
# without it). "evaluate --isolate" is the same evaluation with every
# computation in a worker process (the cost of isolating untrusted
# plugins: one request per unit through a pipe, one answer per
# indicator). For the 100-indicator model, rank's peak memory on results
# of twice as many units (the batch and 10,600 more, other codes), to
# show what memory follows: the units, not the size of the file.
# Then reading the example's units from an .xlsx workbook next to the
# same rows as CSV (evaluate --check-only; the workbook written once by
# bench/csv-to-xlsx.py, "n/a" without a python3 that has openpyxl).
# BENCH_ONLY=xlsx runs only that part.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
chiso=${CHISO:-$top/chiso}
runs=${RUNS:-5}
units=${UNITS:-10600}
out=${BENCH_OUT:-$top/bench/out}
mkdir -p "$out"
gnu_time=
[ -x /usr/bin/time ] && gnu_time=/usr/bin/time

# measure CMD...: runs CMD $runs times; sets wall and user (medians, in
# seconds; user "n/a" without GNU time) and peak (the largest max RSS,
# MiB).
measure() {
	i=0
	: >"$out/times"
	while [ "$i" -lt "$runs" ]; do
		s=$(date +%s.%N)
		if [ -n "$gnu_time" ]; then
			"$gnu_time" -o "$out/time1" -f '%U %M' "$@" \
				>/dev/null 2>"$out/stderr" || failed "$@"
		else
			"$@" >/dev/null 2>"$out/stderr" || failed "$@"
			echo "n/a 0" >"$out/time1"
		fi
		e=$(date +%s.%N)
		awk -v s="$s" -v e="$e" '{ print e - s, $1, $2 }' \
			"$out/time1" >>"$out/times"
		i=$((i + 1))
	done
	wall=$(median 1)
	user=$(median 2)
	peak=$(sort -n -k 3 "$out/times" | tail -n 1 |
		awk '{ printf "%.1f", $3 / 1024 }')
}

# failed CMD...: says which command failed, and how.
failed() {
	echo "bench: failed: $*" >&2
	tail -n 3 "$out/stderr" >&2
}

# median FIELD: the median of field FIELD of $out/times.
median() {
	sort -n -k "$1" "$out/times" | awk -v f="$1" '
		{ t[NR] = $f }
		END { v = t[int((NR + 1) / 2)]
		      if (v == "n/a") print v; else printf "%.2f", v }'
}

# ratio A B: A / B to two decimals ("n/a" when either is).
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "n/a" || b == "n/a" || b == 0) print "n/a"
		else printf "%.2f", a / b }'
}

# row LABEL CMD...: one line of the table, times also as ratios to the
# suite's --check-only (the first row, which sets base_wall and
# base_user).
row() {
	label=$1
	shift
	measure "$@"
	if [ -z "${base_wall:-}" ]; then
		base_wall=$wall
		base_user=$user
	fi
	printf "| %-34s | %8s s | %8s s | %10s MiB | %6s | %6s |\n" \
		"$label" "$wall" "$user" "$peak" \
		"$(ratio "$wall" "$base_wall")" "$(ratio "$user" "$base_user")"
}

# header TITLE: a table's title and head.
header() {
	echo
	echo "$1"
	echo
	echo "| step                               |  wall time |  user time |      peak memory | wall ÷ check | user ÷ check |"
	echo "|------------------------------------|-----------:|-----------:|-----------------:|-------:|-------:|"
	base_wall= base_user=
}

# suite NAME MODEL DATA
suite() {
	name=$1 model=$2 data=$3
	header "$name: $units units, $(stat -c %s "$data") bytes of input, median of $runs runs"
	row "read and check only (--check-only)" "$chiso" evaluate --check-only "$model" "$data"
	row "evaluate -f json -o results.json" "$chiso" evaluate -f json -o "$out/$name.json" "$model" "$data"
	printf "(results: %s bytes)\n" "$(stat -c %s "$out/$name.json")" >&2
	row "evaluate --isolate -f json" "$chiso" evaluate --isolate -f json -o "$out/$name-isolated.json" "$model" "$data"
	# The commands that read results.json (read/results_set.h), each a
	# row, timed as ratios to --check-only like the others: another
	# command that reads results (chiso sensitivity) adds its row here.
	row "rank results.json" "$chiso" rank -o "$out/$name.rank" "$out/$name.json"
	row "rank --group-by parent -f csv" "$chiso" rank --group-by parent -f csv -o "$out/$name.csv" "$out/$name.json"
	row "report (HTML) of results.json" "$chiso" report -o "$out/$name.html" "$out/$name.json"
	row "sensitivity --runs 1000 (main)" "$chiso" sensitivity --runs 1000 -o "$out/$name.sens" "$model" "$out/$name.json"
	row "sensitivity --vary indicators=20%" "$chiso" sensitivity --runs 1000 --vary indicators=20% -o "$out/$name.sens" "$model" "$out/$name.json"
}

# twice NAME MODEL: rank's peak memory on the results of NAME (made by
# suite) and on results of twice as many units.
twice() {
	name=$1 model=$2
	d2="$out/units-100-$((units * 2)).jsonl"
	[ -f "$d2" ] || sh "$top/bench/gen-units-100.sh" $((units * 2)) >"$d2"
	"$chiso" evaluate -f json -o "$out/$name-twice.json" "$model" "$d2" \
		>/dev/null 2>&1 || failed evaluate "$d2"
	echo
	echo "$name: rank's peak memory as the file grows (one run each)"
	echo
	echo "| results of   |      file bytes |      peak memory |"
	echo "|--------------|----------------:|-----------------:|"
	for f in "$out/$name.json" "$out/$name-twice.json"; do
		n=$(grep -c '"unit": {"code"' "$f" || :)
		keep_runs=$runs
		runs=1
		measure "$chiso" rank -o "$out/$name.rank" "$f"
		runs=$keep_runs
		printf "| %6s units | %15s | %10s MiB |\n" "$n" \
			"$(stat -c %s "$f")" "$peak"
	done
	rm -f "$out/$name-twice.json"
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
	header "workbook-16: $units units, CSV $(stat -c %s "$csv") bytes, .xlsx $( [ -f "$xlsx" ] && stat -c %s "$xlsx" || echo n/a) bytes, median of $runs runs"
	row "CSV: read and check only" "$chiso" evaluate --check-only "$model" "$csv"
	if [ -f "$xlsx" ]; then
		row ".xlsx: read and check only" "$chiso" evaluate --check-only "$model" "$xlsx"
	else
		printf "| %-34s | %10s | %10s | %16s | %6s | %6s |\n" \
			".xlsx: read and check only" n/a n/a n/a n/a n/a
	fi
}

echo "chiso benchmark ($("$chiso" --version)), $(nproc) cores, load $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo n/a)"
if [ "${BENCH_ONLY:-}" != xlsx ]; then
	ex="$out/example-$units.yaml"
	[ -f "$ex" ] || sh "$top/bench/gen-units.sh" "$units" >"$ex"
	m100="$out/model-100.yaml"
	[ -f "$m100" ] || sh "$top/bench/gen-model.sh" >"$m100"
	d100="$out/units-100-$units.jsonl"
	[ -f "$d100" ] || sh "$top/bench/gen-units-100.sh" "$units" >"$d100"
	suite example-16 "$top/criteria/example-district.yaml" "$ex"
	suite synthetic-100 "$m100" "$d100"
	twice synthetic-100 "$m100"
fi
workbook
