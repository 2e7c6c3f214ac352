#!/bin/sh
# run.sh - runs every libFuzzer target of tests/fuzz for N seconds each and
# prints, per target, the executions, executions per second, corpus size
# and findings. Exits 1 when any target found a crash, a leak, a timeout
# or ran out of memory (its artifacts are kept and named), 2 on a usage
# or setup error, else 0. See tests/fuzz/README.
#
#   sh tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS defaults to 60; TARGETs (model, data, csv, xlsx, results,
# merge, elf, or fuzz_*) default to all seven. The environment may set:
#   FUZZ_BIN     directory of the built fuzz_* programs (default: the
#                directory of this script, i.e. an in-tree build)
#   FUZZ_CORPUS  directory of the seed corpora, one folder per target
#                (default: corpus/ beside this script); never written to
#   FUZZ_WORK    where each target's growing corpus, log and artifacts go
#                (default: a new directory under ${TMPDIR:-/tmp}, kept);
#                reuse one to go on from an earlier run's corpus
#   FUZZ_JOBS    targets run at the same time (default 1; one core each)
#   FUZZ_FLAGS   more libFuzzer flags, e.g. "-max_len=4096 -dict=FILE"
set -u

here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
case "$seconds" in
'' | *[!0-9]*)
	echo "run.sh: SECONDS must be a number, not '$seconds'" >&2
	exit 2
	;;
esac
bin=${FUZZ_BIN:-$here}
seeds=${FUZZ_CORPUS:-$here/corpus}
jobs=${FUZZ_JOBS:-1}
work=${FUZZ_WORK:-}
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/chiso-fuzz.XXXXXX") || exit 2
fi
mkdir -p "$work" || exit 2
# Stacks for UndefinedBehaviorSanitizer's reports too.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export UBSAN_OPTIONS

targets=
for t in "$@"; do
	targets="$targets ${t#fuzz_}"
done
[ -n "$targets" ] || targets="model data csv xlsx results merge elf"
targets=${targets# }
for t in $targets; do
	if [ ! -x "$bin/fuzz_$t" ]; then
		echo "run.sh: $bin/fuzz_$t is not built (configure CC=clang" \
			"--enable-fuzzing, then make fuzz; or set FUZZ_BIN)" >&2
		exit 2
	fi
done

# run_one TARGET: fuzzes one target; its log in $work/TARGET/log.
run_one() {
	t=$1
	dir=$work/$t
	mkdir -p "$dir/corpus" "$dir/artifacts"
	set -- "$dir/corpus"
	[ -d "$seeds/$t" ] && set -- "$@" "$seeds/$t"
	date +%s >"$dir/start"
	# shellcheck disable=SC2086
	"$bin/fuzz_$t" -max_total_time="$seconds" -max_len=65536 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$dir/artifacts/" ${FUZZ_FLAGS:-} "$@" \
		>"$dir/log" 2>&1
	echo $? >"$dir/rc"
	date +%s >"$dir/end"
}

echo "fuzzing $seconds s per target: $targets (work: $work)"
running=0
for t in $targets; do
	run_one "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

# final_stat NAME: libFuzzer's closing "stat::NAME: VALUE" of $dir/log.
final_stat() {
	sed -n "s/^stat::$1: *//p" "$dir/log" | tail -n 1
}

status=0
for t in $targets; do
	dir=$work/$t
	execs=$(final_stat number_of_executed_units)
	secs=$(($(cat "$dir/end") - $(cat "$dir/start")))
	rate=?
	[ -n "$execs" ] && [ "$secs" -gt 0 ] && rate=$((execs / secs))
	rss=$(final_stat peak_rss_mb)
	ncorpus=$(find "$dir/corpus" -type f | wc -l)
	rc=$(cat "$dir/rc" 2>/dev/null || echo 99)
	found=$(find "$dir/artifacts" -type f \( -name 'crash-*' \
		-o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) |
		sort)
	printf 'fuzz_%s: %s executions in %s s, %s/s, peak %s MB, corpus %s files, ' \
		"$t" "${execs:-?}" "$secs" "$rate" "${rss:-?}" "$ncorpus"
	if [ "$rc" -eq 0 ] && [ -z "$found" ]; then
		echo "no findings"
		continue
	fi
	status=1
	echo "FOUND (exit $rc):"
	for f in $found; do
		echo "  $f"
	done
	grep -E '^(==[0-9]+==ERROR|SUMMARY:|.*runtime error:|ALARM|.*deadly signal)' \
		"$dir/log" | head -n 5 | sed 's/^/  /'
	echo "  log: $dir/log"
done
exit $status
