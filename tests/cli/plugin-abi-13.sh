# plugin-abi-13.sh - each service of plugin ABI 1.3, through the test
# plugin probe13 (tests/plugins/probe13.c): input_info (label, unit,
# bounds), bind_input_id (an input named by a map key, with errors placed
# at the map), unit_info, missing_hint, log (format, isolated workers,
# the per-indicator limit), alloc (bounded scratch memory), vwarn, and
# describe in chiso doc in both languages.
. "$srcdir/tests/lib.sh"
plugin_dir "$TEST_PLUGIN_DIR/probe13.so" probe13
model() { # model FILE PARAMS
	cat >"$1" <<MODEL
model:
  id: abi-13
  version: "1"
  title: "ABI 1.3 services"
inputs:
  x: { type: number, label: "Tỷ lệ X", unit: "%", min: 0, max: 100 }
  y: { type: number }
indices:
  - id: "1"
    name: "Probe"
    points: 10
    method: probe13
    params: $2
MODEL
}
model "$TMP/m.yaml" '{ input: x, extra: { y: key }, warn: true }'
cat >"$TMP/d.yaml" <<'DATA'
units:
  - unit: { code: "A", name: "Xã A", level: commune, parent: "P", period: "2024" }
    stage: self
    values: { x: 50, y: 3 }
  - unit: { code: "B", name: "Xã B", level: commune, parent: "P", period: "2024" }
    values: { y: 1 }
DATA
run_chiso plugins -P "$TMP/p"
expect_out "probe13 1.0 (ABI 1.4)"
run_chiso evaluate -f json -P "$TMP/p" "$TMP/m.yaml" "$TMP/d.yaml"
expect_rc 0
# unit_info; alloc: 16 blocks of 4000 bytes fit in CHISO_SCRATCH_MAX
# (65536), the 17th does not; bind_input_id: y read through the map key.
expect_out '"note": "unit A (Xã A), level commune, parent P, period 2024, stage self; scratch 16 blocks; extra 3"'
# missing_hint: added to the note chiso writes.
expect_out '"note": "missing input x; enter the probe'"'"'s value"'
# input_info, logged from prepare; log from compute; vwarn.
expect_err 'chiso: plugin probe13, indicator 1: info: input x: label "Tỷ lệ X", unit "%", min 0, max 100'
expect_err "chiso: plugin probe13, indicator 1: warning: computing A"
expect_err "m.yaml:13:50: warning: indicator 1 (method probe13): probe warning number 42"
[ "$(grep -c 'computing' "$TMP/err")" = 1 ] || fail "unit B was computed"

# An isolated worker's log reaches chiso's stderr.
run_chiso evaluate --isolate -f json -P "$TMP/p" "$TMP/m.yaml" "$TMP/d.yaml"
expect_rc 0
expect_err "chiso: plugin probe13, indicator 1: warning: computing A"
expect_out "scratch 16 blocks"

# At most CHISO_LOG_MAX (20) messages per indicator in a run (prepare's
# are counted apart), then one saying so.
model "$TMP/flood.yaml" '{ input: x, flood: 30 }'
run_chiso evaluate -P "$TMP/p" "$TMP/flood.yaml" "$TMP/d.yaml"
expect_rc 0
expect_err "chiso: plugin probe13, indicator 1: info: line 19"
expect_err "chiso: plugin probe13, indicator 1: info: more than 20 messages; the rest are not shown"
[ "$(grep -c 'indicator 1: info: \(line\|more\)' "$TMP/err")" = 21 ] ||
	fail "expected 20 messages and the limit's: $(cat "$TMP/err")"

# Control characters in a logged text are escaped like chiso's own.
# (the label goes through the log)
sed 's/label: "Tỷ lệ X"/label: "X\\u001b[31m"/' "$TMP/m.yaml" >"$TMP/esc.yaml"
run_chiso evaluate -P "$TMP/p" "$TMP/esc.yaml" "$TMP/d.yaml"
expect_rc 0
expect_err 'label "X<U+001B>[31m"'

# bind_input_id: an unknown id is reported at the map that names it,
# with a suggestion.
model "$TMP/bad.yaml" '{ input: x, extra: { yy: key } }'
run_chiso validate -P "$TMP/p" "$TMP/bad.yaml"
expect_rc 2
expect_err "bad.yaml:13:32: indicator 1 (method probe13): unknown input 'yy'; did you mean 'y'?"

# describe: the rule in words, in the language asked.
run_chiso doc -P "$TMP/p" "$TMP/m.yaml"
expect_rc 0
expect_out "Điểm theo tỷ lệ Tỷ lệ X / 100"
run_chiso doc --lang en -P "$TMP/p" "$TMP/m.yaml"
expect_out "Points in proportion to Tỷ lệ X / 100"
