# plugin-test-apart.sh - "chiso plugin test" runs each case in a process
# of its own with a time limit: with tests/plugins/crash.so, a case that
# segfaults and one that loops fail with the signal and the time limit,
# the cases around them still run and pass, and the summary line comes,
# written to a pipe or file as to a terminal (under script(1), when
# there is one).
. "$srcdir/tests/lib.sh"
plugin_dir "$TEST_PLUGIN_DIR/crash.so" crash
cat >"$TMP/crash.cases.yaml" <<'YAML'
inputs:
  x: { type: number }
points: 10
cases:
  - name: "before"
    params: { mode: ok, input: x }
    values: { x: 1 }
    expect: { status: ok, fraction: 1 }
  - name: "segfault"
    params: { mode: segv, input: x }
    values: { x: 1 }
    expect: { status: ok, fraction: 1 }
  - name: "endless loop"
    params: { mode: hang, input: x }
    values: { x: 1 }
    expect: { status: ok, fraction: 1 }
  - name: "abort"
    params: { mode: abort, input: x }
    values: { x: 1 }
    expect: { status: ok, fraction: 1 }
  - name: "after"
    params: { mode: ok, input: x }
    values: { x: 0 }
    expect: { status: ok, fraction: 0 }
YAML

check_output() {
	grep -q '^ok   before$' "$1" || fail "$2: the case before did not pass"
	grep -q '^FAIL segfault: crashed: SIGSEGV (segmentation fault) (the case ran in a process of its own; the other cases go on)' "$1" ||
		fail "$2: the segfault is not a failed case"
	grep -q '^FAIL endless loop: did not finish within 1000 ms (stopped; a loop?), the other cases go on' "$1" ||
		fail "$2: the loop is not a failed case"
	grep -q '^FAIL abort: crashed: SIGABRT (abort)' "$1" ||
		fail "$2: the abort is not a failed case"
	grep -q '^ok   after$' "$1" || fail "$2: the case after did not pass"
	tail -n 1 "$1" | grep -q '^2 passed, 3 failed' ||
		fail "$2: no summary line at the end"
}

# To a file (as to a pipe: fully buffered).
run_chiso plugin test --timeout 1 "$TMP/p/crash.so" "$TMP/crash.cases.yaml"
expect_rc 1
check_output "$TMP/out" "to a file"

# Through a pipe, for a reader that sees lines as they come.
set +e
${CHISO_WRAPPER:-} "$CHISO" plugin test --timeout 1 "$TMP/p/crash.so" \
	"$TMP/crash.cases.yaml" 2>"$TMP/err" | cat >"$TMP/piped"
set -e
check_output "$TMP/piped" "through a pipe"

# On a terminal.
if command -v script >/dev/null 2>&1 &&
	script -qec true /dev/null >/dev/null 2>&1; then
	script -qec "$CHISO plugin test --timeout 1 $TMP/p/crash.so $TMP/crash.cases.yaml" \
		/dev/null </dev/null | tr -d '\r' >"$TMP/tty"
	check_output "$TMP/tty" "on a terminal"
fi

# The time limit is checked like evaluate's.
run_chiso plugin test --timeout 0 "$TMP/p/crash.so" "$TMP/crash.cases.yaml"
expect_rc 2
expect_err "--timeout takes seconds (> 0, at most 86400), not '0'"
exit 0
