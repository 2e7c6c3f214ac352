# stdout-lost.sh - a command whose standard output cannot be written
# (here /dev/full: every write fails with "No space left on device")
# says so and exits 2, whatever the command, help and version included.
. "$srcdir/tests/lib.sh"
[ -c /dev/full ] || exit 77
cd "$srcdir"
model=criteria/example-district.yaml
data=examples/yen-binh-2022.yaml
run_chiso evaluate -f json -o "$TMP/r.json" "$model" \
	examples/yen-bai-districts-2022.yaml
expect_rc 0

# full ARGS...: chiso ARGS >/dev/full exits 2 with the message.
full() {
	set +e
	# shellcheck disable=SC2086
	${CHISO_WRAPPER:-} "$CHISO" "$@" >/dev/full 2>"$TMP/err"
	rc=$?
	set -e
	if [ "$rc" -eq 99 ] && [ -n "${CHISO_WRAPPER:-}" ]; then
		cat "$TMP/err" >&2
		fail "the wrapper ($CHISO_WRAPPER) reported errors"
	fi
	[ "$rc" -eq 2 ] || {
		cat "$TMP/err" >&2
		fail "chiso $* >/dev/full: exit code $rc, expected 2"
	}
	expect_err "chiso: cannot write standard output: No space left on device"
	[ "$(grep -c 'cannot write standard output' "$TMP/err")" = 1 ] ||
		fail "chiso $* >/dev/full: the message is not said exactly once"
}

full plugins -P "$PLUGIN_DIR"
full validate "$model"
full --help
full -V
full help
full help rank
full evaluate --help
full plugin --help
full plugin check "$PLUGIN_DIR/ratio.so"
full plugin test "$PLUGIN_DIR/ratio.so" plugins/tests/ratio.cases.yaml
full evaluate --check-only "$model" "$data"
full evaluate "$model" "$data"
full evaluate -f json "$model" examples/yen-bai-districts-2022.yaml
full evaluate -o - "$model" "$data"
full template "$model"
full rank "$TMP/r.json"
full report "$TMP/r.json"
full gaps "$TMP/r.json"
full compare "$TMP/r.json" "$TMP/r.json"
full doc "$model"
full diff "$model" "$model"
# Printed output of lengths a little past 4 and 8 KiB, 20 bytes apart:
# the write that fails may then be one of a full buffer, not the last,
# and glibc's own stdout drops that write's errno ("a write failed").
# chiso plugins lists 20 search directories whose names grow by one
# byte per step.
dirs() {
	pad=$(printf "%0${1}d" 0)
	k=1
	while [ "$k" -le 20 ]; do
		printf ' -P %s/%s%s' "$TMP" "$pad" "$k"
		k=$((k + 1))
	done
}
# shellcheck disable=SC2046
n0=$("$CHISO" plugins $(dirs 0) | wc -c)
for target in 4096 8192; do
	i=$(((target - n0) / 20))
	[ "$i" -ge 0 ] || i=0
	last=$((i + 16))
	while [ "$i" -le "$last" ]; do
		# shellcheck disable=SC2046
		full plugins $(dirs "$i")
		i=$((i + 1))
	done
done
run_chiso evaluate -f json -o /dev/null "$model" "$data"
expect_rc 0
exit 0
