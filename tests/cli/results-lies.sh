# results-lies.sh - results documents that do not add up are refused by
# every command that reads results (rank, report, compare, gaps, merge,
# sensitivity, evaluate --children): exit 2, the message of the rule broken at its
# FILE:LINE:COL, nothing written; a document declaring far more than it
# holds is refused without the memory it declares; what chiso writes
# still reads back.
#
# The lying documents are tests/bad/results/*.json, one rule each (their
# .expect has the message; tests/bad/check.sh runs "chiso rank" on each).
# They are "chiso evaluate -f json" of this model on two units (U1: a
# true, b 0.5, c true; U2: a false, b 1, c false), and "chiso merge" of
# U1 and U2 into M, each changed in one place. Five more are
# unit-value-10.json's lie with a second problem, for the order in which
# a document read as a stream reports them: the units before the model
# (units-before-model.json: the lie, found once the model is read), the
# text cut after the lie (cut-after-a-lie.json) or a byte that is not
# UTF-8 after it (bad-byte-after-a-lie.json): the problem of the text,
# as when the whole text was checked first; an unsupported format after
# the units (format-after-units.json): the format; and "units" twice
# (duplicate-units.json, each true).
#
#   model: { id: lies, version: "1", title: "A small model for lying results", precision: 4 }
#   inputs: { a: { type: boolean }, b: { type: number, min: 0, max: 1 }, c: { type: boolean } }
#   indices:
#     - { id: "1", name: "A", points: 60, children: [
#         { id: "1.1", name: "A1", points: 40, method: boolean, params: { input: a }, kind: mandatory },
#         { id: "1.2", name: "A2", points: 20, method: fraction, params: { input: b }, kind: extended } ] }
#     - { id: "2", name: "B", points: 40, method: boolean, params: { input: c }, kind: extended }
#     - { id: "3", name: "Collected", points: 0, method: fraction, params: { input: b } }
#   views: [{ id: V, name: "A1 and B", nodes: ["1.1", "2"] }]
#   classes: [{ id: full, name: "Full", min_value: 0.9, mandatory: all },
#             { id: half, name: "Half", extended_min: 0.5 }]
. "$srcdir/tests/lib.sh"
cd "$srcdir"

printf 'code,name,old_code\nZ,Z,U1\n' >"$TMP/map.csv"
# refuse_by K LIE: the K-th command (0 to 5) reading LIE.
refuse_by() {
	case $1 in
	0) run_chiso report -o "$TMP/out.html" "$2" ;;
	1) run_chiso gaps "$2" ;;
	2) run_chiso sensitivity -o "$TMP/out.txt" \
		tests/cli/data/sens-flip-model.yaml "$2" ;;
	3) run_chiso compare -o "$TMP/out.txt" "$2" "$2" ;;
	4) run_chiso merge -m "$TMP/map.csv" -o "$TMP/out.json" "$2" ;;
	5) run_chiso evaluate --children "$2" -f json -o "$TMP/out.json" \
		tests/cli/data/district-rollup.yaml \
		tests/cli/data/districts-rollup.yaml ;;
	esac
}
n=0
for lie in tests/bad/results/*.json; do
	msg=$(sed -n 's/^stderr: //p' "$lie.expect")
	[ -n "$msg" ] || fail "$lie.expect has no message"
	for k in 0 1 2 3 4 5; do
		# wrapped: the lies take the commands in turn (lib.sh)
		if wrapped && [ $((n % 6)) -ne "$k" ]; then
			continue
		fi
		refuse_by "$k" "$lie"
		expect_rc 2
		expect_err "$msg"
	done
	for f in out.html out.txt out.json; do
		[ ! -e "$TMP/$f" ] || fail "$lie: refused, but $f was written"
	done
	n=$((n + 1))
done
[ "$n" -ge 30 ] || fail "only $n lying documents"

# --- a document declaring more than it holds ---------------------------
# 1.4 MB declaring a model of 10,000 nodes and 10,000 units that list
# none of them: each unit used to be given room for every node (5 GB in
# all, 8.4 GB of memory at its peak for rank). Now a unit that does not
# list every node of its model is refused before room is made for them,
# here under a limit of 256 MB of address space (not under valgrind or
# AddressSanitizer, which need more for themselves).
awk 'BEGIN {
	printf "{\"format\": 1, \"generator\": \"bomb\", \"model\": {\"id\": \"bomb\", \"version\": \"1\", \"title\": \"t\", \"sha256\": \"x\", \"precision\": 4, \"points\": 10000, \"nodes\": [\n"
	for (i = 0; i < 10000; i++)
		printf "{\"id\": \"n%05d\", \"points\": 1, \"parent\": null, \"method\": \"m\"}%s\n", i, i < 9999 ? "," : ""
	printf "], \"views\": [], \"classes\": []}, \"units\": [\n"
	for (i = 0; i < 10000; i++)
		printf "{\"unit\": {\"code\": \"u%05d\"}, \"status\": \"ok\", \"points\": 0, \"max\": 0, \"value\": 0}%s\n", i, i < 9999 ? "," : ""
	printf "]}\n"
}' >"$TMP/bomb.json"
size=$(wc -c <"$TMP/bomb.json")
[ "$size" -gt 1300000 ] && [ "$size" -lt 1500000 ] || fail "bomb of $size bytes"
# run_limited ARGS...: run_chiso, under a limit of 256 MB of address
# space when nothing else needs more.
run_limited() {
	if [ -n "${CHISO_WRAPPER:-}" ] || grep -q -a __asan_init "$CHISO"; then
		run_chiso "$@"
	else
		set +e
		(ulimit -v 262144 && exec "$CHISO" "$@") >"$TMP/out" 2>"$TMP/err"
		rc=$?
		set -e
	fi
}
run_limited rank "$TMP/bomb.json"
expect_rc 2
expect_err "bomb.json:10003:1: unit u00000: lists 0 nodes, but model bomb has 10000; a scored unit lists every node of its model, once"

# Merged units list only the main indices, but are held with every node
# of the model: 10,000 of them, of a model of one main index over 10,000
# indicators, may take one node slot per byte of the file. The file of
# 2.4 MB is refused at the merged unit that passes it (the 242nd).
awk 'BEGIN {
	printf "{\"format\": 1, \"generator\": \"bomb\", \"model\": {\"id\": \"bomb\", \"version\": \"1\", \"title\": \"t\", \"sha256\": \"x\", \"precision\": 4, \"points\": 10000, \"nodes\": [\n"
	printf "{\"id\": \"r\", \"points\": 10000, \"parent\": null},\n"
	for (i = 0; i < 10000; i++)
		printf "{\"id\": \"n%05d\", \"points\": 1, \"parent\": \"r\", \"method\": \"m\"}%s\n", i, i < 9999 ? "," : ""
	printf "], \"views\": [], \"classes\": []}, \"units\": [\n"
	for (i = 0; i < 10000; i++)
		printf "{\"unit\": {\"code\": \"u%05d\"}, \"status\": \"ok\", \"points\": 0, \"max\": 0, \"value\": 0, \"derived\": {\"from\": []}, \"nodes\": [{\"id\": \"r\", \"points\": 0, \"max\": 0, \"value\": 0, \"status\": \"na\"}]}%s\n", i, i < 9999 ? "," : ""
	printf "]}\n"
}' >"$TMP/merged-bomb.json"
run_limited rank "$TMP/merged-bomb.json"
expect_rc 2
expect_err "merged-bomb.json:10245:1: unit u00241: the merged units of this file would be held with 2420484 node and view slots, more than its 2420238 bytes can carry (a merged unit lists only the main indices but is held with every node of the model; the limit is one slot per byte of the file, fixed)"

# At the limit and one past it: 100 merged units of a model of 400 nodes
# are held with 100 x 401 = 40100 slots; the file padded with spaces to
# 40100 bytes is read, to 40099 bytes refused.
awk 'BEGIN {
	printf "{\"model\":{\"id\":\"m\",\"version\":\"1\",\"precision\":4,\"points\":399,\"nodes\":[{\"id\":\"r\",\"points\":399,\"parent\":null}"
	for (i = 0; i < 399; i++)
		printf ",{\"id\":\"%d\",\"points\":1,\"parent\":\"r\",\"method\":\"m\"}", i
	printf "]},\"units\":["
	for (i = 0; i < 100; i++)
		printf "%s{\"unit\":{\"code\":\"u%02d\"},\"status\":\"ok\",\"points\":0,\"max\":0,\"value\":0,\"derived\":{\"from\":[]},\"nodes\":[{\"id\":\"r\",\"points\":0,\"max\":0,\"value\":0,\"status\":\"na\"}]}", i ? "," : "", i
	printf "]}"
}' >"$TMP/slots.json"
pad() { # FILE BYTES: FILE padded with spaces to BYTES
	awk -v n="$2" '{ printf "%s", $0 } END { for (i = length($0); i < n; i++) printf " " }' "$1"
}
[ "$(wc -c <"$TMP/slots.json")" -lt 40099 ] || fail "slots.json is too long to pad"
pad "$TMP/slots.json" 40100 >"$TMP/slots-40100.json"
pad "$TMP/slots.json" 40099 >"$TMP/slots-40099.json"
run_chiso rank "$TMP/slots-40100.json"
expect_rc 0
expect_out "100 units ranked"
run_chiso rank "$TMP/slots-40099.json"
expect_rc 2
expect_err "slots-40099.json:1:35106: unit u99"
expect_err "unit u99: the merged units of this file would be held with 40100 node and view slots, more than its 40099 bytes can carry"

# --- what chiso writes still reads back --------------------------------
# Merged documents (and a merge of merged units), with every command.
run_chiso evaluate -f json -o "$TMP/c.json" criteria/vn-commune-2023.yaml \
	examples/yen-binh-communes-2023.yaml
expect_rc 0
run_chiso merge -m examples/merge-communes-2025.csv -o "$TMP/cm.json" \
	"$TMP/c.json"
expect_rc 0
printf 'code,name,old_code\nYB.YBI.M9,Chín,YB.YBI.M1\nYB.YBI.M9,Chín,YB.YBI.M2\nYB.YBI.M9,Chín,YB.YBI.03\n' \
	>"$TMP/again.csv"
run_chiso merge -m "$TMP/again.csv" -o "$TMP/cm2.json" "$TMP/cm.json"
expect_rc 0
for f in "$TMP/cm.json" "$TMP/cm2.json"; do
	run_chiso rank "$f"
	expect_rc 0
	run_chiso gaps "$f"
	expect_rc 0
	run_chiso report -o "$TMP/r.html" "$f"
	expect_rc 0
	run_chiso compare "$TMP/c.json" "$f"
	expect_rc 0
done
# Units with indicators in error (a plugin's NaN) and missing under
# missing: exclude, read back by every command.
plugin_dir "$TEST_PLUGIN_DIR/misbehave.so" misbehave
cat >"$TMP/m.yaml" <<'MODEL'
model: { id: failing, version: "1", title: "One method fails", missing: exclude }
inputs: { ok: { type: boolean } }
indices:
  - id: "1"
    name: "A"
    points: 20
    children:
      - { id: "1.1", name: "A1", points: 10, method: boolean, params: { input: ok } }
      - { id: "1.2", name: "A2", points: 10, method: misbehave, params: { mode: nan } }
  - { id: "2", name: "B", points: 0, method: boolean, params: { input: ok } }
classes: [{ id: c, name: C, mandatory: all }]
MODEL
printf 'units:\n  - { unit: { code: P }, values: { ok: true } }\n  - { unit: { code: Q }, values: {} }\n' \
	>"$TMP/u.yaml"
run_chiso evaluate -P "$TMP/p" -f json -o "$TMP/f.json" "$TMP/m.yaml" \
	"$TMP/u.yaml"
expect_rc 1
grep -q '"status": "missing"' "$TMP/f.json" || fail "no indicator missing"
grep -q '"status": "error"' "$TMP/f.json" || fail "no indicator in error"
for c in rank gaps; do
	run_chiso "$c" "$TMP/f.json"
	expect_rc 0
done
run_chiso compare "$TMP/f.json" "$TMP/f.json"
expect_rc 0
