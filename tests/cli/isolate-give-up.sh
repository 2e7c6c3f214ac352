# isolate-give-up.sh - an isolated indicator whose plugin crashes or
# hangs on N units in a row (--max-lost N, default 3) is not run again
# that run: the rest of the units get status error at once, with a note
# saying why, instead of a time limit each (a plugin hanging on every
# unit would cost units x timeout: 29 hours at national scale). A unit
# the plugin answers starts the count again.
. "$srcdir/tests/lib.sh"
plugin_dir "$TEST_PLUGIN_DIR/crash.so" crash
cat >"$TMP/model.yaml" <<'MODEL'
model: { id: give-up, version: "1", title: "A plugin that keeps failing" }
inputs:
  x: { type: integer, min: 0 }
  ok: { type: boolean }
indices:
  - id: "1"
    name: "All"
    points: 20
    children:
      - { id: "1.1", name: "Hangs", points: 10, method: crash, params: { mode: hang, input: x } }
      - { id: "1.2", name: "Fine", points: 10, method: boolean, params: { input: ok } }
MODEL
units() {
	echo "units:"
	i=0
	for x in "$@"; do
		i=$((i + 1))
		echo "  - { unit: { code: U$i }, values: { x: $x, ok: true } }"
	done
}

# Six units that all hang: three time limits, then three at once.
units 1 1 1 1 1 1 >"$TMP/hang6.yaml"
run_chiso evaluate --isolate --timeout 0.2 -f json -P "$TMP/p" \
	"$TMP/model.yaml" "$TMP/hang6.yaml"
expect_rc 1
for u in U1 U2 U3; do
	expect_err "unit $u: indicator 1.1 (method crash): plugin 'crash' did not answer within 200 ms (isolated; stopped)"
done
for u in U4 U5 U6; do
	expect_err "unit $u: indicator 1.1 (method crash): plugin 'crash' crashed or did not answer on 3 units in a row; not run again this run (isolated; --max-lost)"
done
n=$(grep -c "did not answer within 200 ms" "$TMP/err")
[ "$n" -eq 3 ] || fail "$n time limits spent, expected 3"
# The other indicator is scored on every unit.
n=$(grep -o '"id": "1.2", "points": 10' "$TMP/out" | wc -l)
[ "$n" -eq 6 ] || fail "1.2 scored on $n units, expected 6"

# --max-lost 2: a unit answered starts the count again (U2 has x 0: the
# plugin answers), so U1 and U3, U4 cost a time limit each, then U5 none.
units 1 0 1 1 1 >"$TMP/mixed.yaml"
run_chiso evaluate --isolate --timeout 0.2 --max-lost 2 -P "$TMP/p" \
	"$TMP/model.yaml" "$TMP/mixed.yaml"
expect_rc 1
for u in U1 U3 U4; do
	expect_err "unit $u: indicator 1.1 (method crash): plugin 'crash' did not answer within 200 ms"
done
expect_err "unit U5: indicator 1.1 (method crash): plugin 'crash' crashed or did not answer on 2 units in a row; not run again this run"
if grep -q "unit U2: indicator 1.1" "$TMP/err"; then
	fail "U2, which the plugin answers, was not computed"
fi

# --max-lost 1: the first loss is the last computation.
run_chiso evaluate --isolate --timeout 0.2 --max-lost 1 -P "$TMP/p" \
	"$TMP/model.yaml" "$TMP/mixed.yaml"
expect_rc 1
n=$(grep -c "did not answer within 200 ms" "$TMP/err")
[ "$n" -eq 1 ] || fail "--max-lost 1 spent $n time limits, expected 1"

run_chiso evaluate --isolate --max-lost 0 -P "$TMP/p" "$TMP/model.yaml" \
	"$TMP/mixed.yaml"
expect_rc 2
expect_err "--max-lost"
exit 0
