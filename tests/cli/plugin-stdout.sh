# plugin-stdout.sh - a plugin that prints to standard output in its
# constructor, prepare, compute and release (tests/plugins/noisy.c)
# cannot corrupt chiso's output: evaluate -f json writes a document that
# parses, in chiso and under --isolate, and what the plugin printed is on
# stderr; the same for a CSV score sheet, for validate, and for
# "plugin test" reading its cases.
. "$srcdir/tests/lib.sh"
plugin_dir "$TEST_PLUGIN_DIR/noisy.so" noisy
method_model "$TMP/m.yaml" noisy
cat >"$TMP/d.yaml" <<'YAML'
units:
  - unit: { code: A, name: "Xã A" }
    values: { plan_issued: true }
  - unit: { code: B, name: "Xã B" }
    values: { plan_issued: false }
YAML
PY=
for py in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$py" -c 'import json' >/dev/null 2>&1; then
		PY=$py
		break
	fi
done
[ -n "$PY" ] || { echo "SKIP: no python3 to parse JSON"; exit 77; }

for iso in "" --isolate; do
	# shellcheck disable=SC2086
	run_chiso evaluate $iso -P "$TMP/p" -f json "$TMP/m.yaml" "$TMP/d.yaml"
	expect_rc 0
	"$PY" - "$TMP/out" <<'PY' || fail "stdout of evaluate ${iso:-(in chiso)} is not the results document"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
pts = {u["unit"]["code"]: u["points"] for u in doc["units"]}
assert pts == {"A": 10, "B": 0}, pts
PY
	expect_err "noisy: compute, unit value 1 ]]]"
	expect_err "noisy: compute wrote to descriptor 1"
	expect_err "noisy: compute puts"
	expect_err "noisy: prepare {\"not\": \"json\""
	expect_err "noisy: constructor says hello on stdout"
	if grep -q "noisy:" "$TMP/out"; then
		fail "the plugin's words are in chiso's output ${iso}"
	fi
done

# A score sheet on stdout, and -o /dev/stdout, stay whole too.
run_chiso evaluate -P "$TMP/p" -f csv "$TMP/m.yaml" "$TMP/d.yaml"
expect_rc 0
if grep -q "noisy:" "$TMP/out"; then
	fail "the plugin's words are in the CSV score sheet"
fi
expect_out "A,"
run_chiso evaluate -P "$TMP/p" -f json -o /dev/stdout "$TMP/m.yaml" "$TMP/d.yaml"
expect_rc 0
"$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/out" ||
	fail "-o /dev/stdout is not the results document"

# validate and plugins print only chiso's words on stdout.
run_chiso validate -P "$TMP/p" "$TMP/m.yaml"
expect_rc 0
if grep -q "noisy:" "$TMP/out"; then
	fail "the plugin's words are in validate's output"
fi
exit 0
