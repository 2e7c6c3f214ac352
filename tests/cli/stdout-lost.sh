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
run_chiso evaluate -f json -o /dev/null "$model" "$data"
expect_rc 0
exit 0
