# isolate-hostile.sh - under --isolate, a plugin that misbehaves on
# purpose costs only its own indicators and leaves nothing behind:
#   forge   writes well-formed answers claiming full points to its reply
#           pipe: they are refused (each answer names its unit and
#           indicator; nothing beyond the answers asked for), its
#           indicators of those units are errors saying so, and the other
#           plugins' indicators, computed by their own workers, are exact;
#   fork    forks a process that leaves the worker's process group: it is
#           killed when chiso is done (chiso is a subreaper);
#   killpg  signals its own process group: only its worker dies, not the
#           user's pipeline (workers have process groups of their own).
. "$srcdir/tests/lib.sh"
plugin_dir "$TEST_PLUGIN_DIR/crash.so" crash

# escapees: the pids of processes named chiso-escapee.
escapees() {
	for f in /proc/[0-9]*/comm; do
		if [ "$(cat "$f" 2>/dev/null)" = chiso-escapee ]; then
			basename "$(dirname "$f")"
		fi
	done
}
cleanup() {
	for p in $(escapees); do kill -9 "$p" 2>/dev/null; done
	rm -rf "$TMP"
}
trap cleanup EXIT

# model FILE MODE: a forging/forking/killing indicator beside two honest
# ones (ratio and boolean).
model() {
	cat >"$1" <<MODEL
model: { id: hostile, version: "1", title: "A plugin that misbehaves" }
inputs:
  x: { type: integer, min: 0 }
  a: { type: integer, min: 0 }
  b: { type: integer, min: 1 }
  ok: { type: boolean }
indices:
  - id: "1"
    name: "All"
    points: 30
    children:
      - { id: "1.1", name: "Hostile", points: 10, method: crash, params: { mode: $2, input: x } }
      - { id: "1.2", name: "Share", points: 10, method: ratio, params: { numerator: a, denominator: b } }
      - { id: "1.3", name: "Flag", points: 10, method: boolean, params: { input: ok } }
MODEL
}
cat >"$TMP/units.yaml" <<'DATA'
units:
  - { unit: { code: U0 }, values: { x: 1, a: 1, b: 4, ok: false } }
  - { unit: { code: U1 }, values: { x: 0, a: 3, b: 4, ok: true } }
  - { unit: { code: U2 }, values: { x: 1, a: 0, b: 4, ok: false } }
DATA

# points CODE ID: the points of indicator ID of unit CODE in the table.
points() {
	awk -v unit="$1" -v id="$2" '
		/^[^ ]+ \(.*\) · / { on = $1 == unit; next }
		on && $1 == id { for (i = 2; i <= NF; i++) if ($i == "/") { print $(i - 1); exit } }
	' "$TMP/out"
}

# 1. forged answers
model "$TMP/forge.yaml" forge
run_chiso evaluate --isolate --timeout 5 -P "$TMP/p" "$TMP/forge.yaml" \
	"$TMP/units.yaml"
expect_rc 1
expect_err "unit U0: indicator 1.1 (method crash): plugin 'crash' broke the isolation protocol:"
expect_err "unit U2: indicator 1.1 (method crash): plugin 'crash' broke the isolation protocol:"
expect_err "(isolated; its answers for this unit are discarded)"
for want in "U0 1.2 2.5000" "U0 1.3 0.0000" "U1 1.1 0.0000" "U1 1.2 7.5000" \
	"U1 1.3 10.0000" "U2 1.2 0.0000" "U2 1.3 0.0000"; do
	set -- $want
	got=$(points "$1" "$2")
	[ "$got" = "$3" ] || {
		cat "$TMP/out" >&2
		fail "forged answers: $1 indicator $2 has $got points, not $3"
	}
done
if grep -E "method (ratio|boolean)" "$TMP/err"; then
	fail "an honest plugin was blamed"
fi

# 2. a forked process that leaves the group
model "$TMP/fork.yaml" fork
run_chiso evaluate --isolate --timeout 5 -P "$TMP/p" "$TMP/fork.yaml" \
	"$TMP/units.yaml"
expect_rc 0
[ "$(points U0 1.1)" = 5.0000 ] || fail "fork: U0 1.1 not 5.0000"
[ "$(points U1 1.3)" = 10.0000 ] || fail "fork: U1 1.3 not 10.0000"
left=$(escapees)
[ -z "$left" ] || fail "processes a plugin forked outlived chiso: $left"

# 3. kill(0, SIGTERM): chiso runs in a session of its own here, so that a
# chiso that let it through kills its shell, not the test harness.
model "$TMP/killpg.yaml" killpg
setsid -w sh -c '${CHISO_WRAPPER:-} "$1" evaluate --isolate --timeout 5 \
	-P "$2/p" "$2/killpg.yaml" "$2/units.yaml" >"$2/out" 2>"$2/err"
	echo $? >"$2/rc"' sh "$CHISO" "$TMP" </dev/null
[ -f "$TMP/rc" ] || fail "kill(0, SIGTERM) in a plugin killed chiso's caller"
rc=$(cat "$TMP/rc")
expect_rc 1
expect_err "unit U0: indicator 1.1 (method crash): plugin 'crash' crashed: SIGTERM (isolated; the run goes on)"
[ "$(points U1 1.2)" = 7.5000 ] || fail "killpg: U1 1.2 not 7.5000"
[ "$(points U2 1.3)" = 0.0000 ] || fail "killpg: U2 1.3 not 0.0000"
exit 0
