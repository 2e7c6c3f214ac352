# isolate.sh - with --isolate (or model.isolate), a plugin that crashes
# (SIGSEGV, abort) or loops forever costs only its indicator: status
# error naming the plugin and the signal or the time limit; the other
# indicators and units are scored; exit 1 says some indicators failed.
. "$srcdir/tests/lib.sh"
plugin_dir "$TEST_PLUGIN_DIR/crash.so" crash
cat >"$TMP/model.yaml" <<'MODEL'
model: { id: crashy, version: "1", title: "Plugins that crash" }
inputs:
  x: { type: integer, min: 0 }
  ok: { type: boolean }
indices:
  - id: "1"
    name: "All"
    points: 40
    children:
      - { id: "1.1", name: "Segfaults", points: 10, method: crash, params: { mode: segv, input: x } }
      - { id: "1.2", name: "Aborts", points: 10, method: crash, params: { mode: abort, input: x } }
      - { id: "1.3", name: "Hangs", points: 10, method: crash, params: { mode: hang, input: x } }
      - { id: "1.4", name: "Fine", points: 10, method: boolean, params: { input: ok } }
MODEL
cat >"$TMP/units.yaml" <<'DATA'
units:
  - { unit: { code: BAD }, values: { x: 1, ok: true } }
  - { unit: { code: GOOD }, values: { x: 0, ok: true } }
DATA
run_chiso evaluate --isolate --timeout 1 -P "$TMP/p" "$TMP/model.yaml" \
	"$TMP/units.yaml"
expect_rc 1
expect_err "unit BAD: indicator 1.1 (method crash): plugin 'crash' crashed: SIGSEGV (segmentation fault) (isolated; the run goes on)"
expect_err "unit BAD: indicator 1.2 (method crash): plugin 'crash' crashed: SIGABRT (abort) (isolated; the run goes on)"
expect_err "unit BAD: indicator 1.3 (method crash): plugin 'crash' did not answer within 1000 ms (isolated; stopped)"
expect_err "1 of 2 units invalid or with a failed indicator"
expect_out_re "^1.4 +Fine +10.0000 / 10  1.0000  ok +yes$"
expect_out_re "^ +Total +10.0000 / 40  0.2500$"
expect_out_re "^ +Total +10.0000 / 40  0.2500$"
# GOOD is scored normally, by the same (restarted) workers.
grep -A9 '^GOOD' "$TMP/out" | grep -q '1.1 .*0.0000 / 10  0.0000  ok' ||
	fail "unit GOOD not scored after the crashes"

# The model can ask for isolation of the methods it does not trust.
sed 's/title: "Plugins that crash" }/title: "Plugins that crash", isolate: [crash] }/' \
	"$TMP/model.yaml" >"$TMP/model-isolate.yaml"
run_chiso evaluate --timeout 1 -P "$TMP/p" "$TMP/model-isolate.yaml" \
	"$TMP/units.yaml"
expect_rc 1
expect_err "plugin 'crash' crashed: SIGSEGV"
# --timeout without isolation times nothing: a warning says so.
run_chiso evaluate --timeout 1 "$srcdir/criteria/example-district.yaml" \
	"$srcdir/examples/yen-binh-2022.yaml"
expect_rc 0
expect_err "warning: --timeout limits isolated computations only, and model vn-district-example isolates none: add --isolate (or model.isolate) to time them"
run_chiso evaluate --isolate --timeout 1 \
	"$srcdir/criteria/example-district.yaml" \
	"$srcdir/examples/yen-binh-2022.yaml"
expect_rc 0
grep -q "timeout" "$TMP/err" && fail "a warning about --timeout with --isolate"
run_chiso evaluate --timeout 0 "$TMP/model.yaml" "$TMP/units.yaml"
expect_rc 2
expect_err "--timeout takes seconds (> 0, at most 86400), not '0'"
