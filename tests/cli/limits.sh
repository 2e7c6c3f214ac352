# limits.sh - every limit of docs/model-format.md ("Limits"), at the limit
# (accepted) and one past it (refused, the message naming the limit and how
# to raise it when an option can).
. "$srcdir/tests/lib.sh"
command -v awk >/dev/null 2>&1 || exit 77
set -e
model="$srcdir/criteria/example-district.yaml"
data="$srcdir/examples/yen-binh-2022.yaml"

# pad FILE SIZE: appends a YAML comment so that FILE has exactly SIZE bytes.
pad() {
	have=$(wc -c <"$1")
	need=$(($2 - have - 2))
	[ "$need" -ge 0 ] || fail "$1 is already over $2 bytes"
	{
		printf '#'
		head -c "$need" /dev/zero | tr '\0' 'x'
		printf '\n'
	} >>"$1"
	[ "$(wc -c <"$1")" -eq "$2" ] || fail "padding $1 to $2 bytes"
}

# small_model FILE [TITLE]: a one-indicator model (36 nodes, see "nodes"
# below) whose input "filler" takes the choices of $TMP/choices.
small_model() {
	{
		printf 'model:\n  id: limits\n  version: "1"\n  title: "%s"\n' \
			"${2:-Limits}"
		printf 'inputs:\n  plan_issued: { type: boolean }\n'
		printf '  filler: { type: choice, choices: [%s] }\n' \
			"$(cat "$TMP/choices")"
		printf 'indices:\n  - id: "1"\n    name: "Plan"\n'
		printf '    points: 10\n    method: boolean\n'
		printf '    params: { input: plan_issued }\n'
	} >"$1"
}

# --- file size: a data file, raised with --max-file-mb (default 1024) ---
cp "$data" "$TMP/at.yaml"
pad "$TMP/at.yaml" 1048576
run_chiso evaluate --max-file-mb 1 "$model" "$TMP/at.yaml"
expect_rc 0
cp "$TMP/at.yaml" "$TMP/past.yaml"
printf '\n' >>"$TMP/past.yaml"
run_chiso evaluate --max-file-mb 1 "$model" "$TMP/past.yaml"
expect_rc 2
expect_err "past.yaml: file too large (1048577 bytes): the limit for a data file is 1 MiB (1048576 bytes); raise it with --max-file-mb N (N in MiB), or split the file"
# The default holds without the option, and the option is checked.
run_chiso evaluate "$model" "$TMP/past.yaml"
expect_rc 0
run_chiso evaluate --max-file-mb 0 "$model" "$data"
expect_rc 2
expect_err "--max-file-mb takes a whole number from 1 to 65536, not '0'"
run_chiso evaluate --help
expect_out "--max-file-mb N    read data and results files of up to N MiB"
expect_out "(default 1024)"

# A results file read back (rank, compare, gaps, merge) has the same limit.
run_chiso evaluate -f json -o "$TMP/r.json" "$model" "$data"
expect_rc 0
size=$(wc -c <"$TMP/r.json")
run_chiso rank --max-file-mb 1 "$TMP/r.json"
expect_rc 0
head -c 1048577 /dev/zero | tr '\0' ' ' >>"$TMP/r.json"
run_chiso rank --max-file-mb 1 "$TMP/r.json"
expect_rc 2
expect_err "the limit for a results file is 1 MiB (1048576 bytes); raise it with --max-file-mb N"
[ "$size" -gt 0 ] || fail "empty results"

# --- file size: a model file, 16 MiB, fixed --------------------------------
cp "$srcdir/criteria/example-district.yaml" "$TMP/m16.yaml"
pad "$TMP/m16.yaml" 16777216
run_chiso validate "$TMP/m16.yaml"
expect_rc 0
printf '\n' >>"$TMP/m16.yaml"
run_chiso validate "$TMP/m16.yaml"
expect_rc 2
expect_err "m16.yaml: file too large (16777217 bytes): the limit for a model file is 16 MiB (16777216 bytes), a fixed limit"

# --- nesting depth: 64 mappings and lists ----------------------------------
# A chain of 31 groups, each the only child of the one above, ending in an
# indicator: the root mapping is level 1, "indices" 2, the k-th node's
# mapping 2k+1, and the indicator's params mapping (k = 31) is level 64.
deep_model() {
	awk -v past="$1" 'BEGIN {
		print "model: { id: deep, version: \"1\", title: \"Deep\" }"
		print "inputs: { plan_issued: { type: boolean } }"
		print "indices:"
		for (k = 1; k <= 31; k++) {
			ind = ""
			for (i = 1; i < k; i++) ind = ind "    "
			printf "%s  - id: \"n%d\"\n", ind, k
			printf "%s    name: \"Level %d\"\n", ind, k
			printf "%s    points: 10\n", ind
			if (k < 31) {
				printf "%s    children:\n", ind
				continue
			}
			printf "%s    method: boolean\n", ind
			# Past the limit, the input is a list: level 65.
			printf "%s    params: { input: %s }\n", ind,
				past ? "[plan_issued]" : "plan_issued"
		}
	}'
}
deep_model 0 >"$TMP/deep-at.yaml"
run_chiso validate "$TMP/deep-at.yaml"
expect_rc 0
deep_model 1 >"$TMP/deep-past.yaml"
run_chiso validate "$TMP/deep-past.yaml"
expect_rc 2
expect_err "deep-past.yaml:128:142: "
expect_err "nesting deeper than 64 levels of mappings and lists (a fixed limit)"

# --- nodes: 500,000 values, mappings and lists in a model file -------------
# small_model has 36 nodes besides its choices, one node each.
awk 'BEGIN { for (i = 1; i <= 499964; i++) printf "%sc%d", (i > 1 ? ", " : ""), i }' \
	>"$TMP/choices"
small_model "$TMP/nodes-at.yaml"
run_chiso validate "$TMP/nodes-at.yaml"
expect_rc 0
printf ', c0' >>"$TMP/choices"
small_model "$TMP/nodes-past.yaml"
run_chiso validate "$TMP/nodes-past.yaml"
expect_rc 2
expect_err "too many values, mappings and lists: the limit for a model file is 500000 (a fixed limit); split the file"

# --- one value: 64 KiB -------------------------------------------------------
long=$(head -c 65536 /dev/zero | tr '\0' 'v')
printf 'c1' >"$TMP/choices"
small_model "$TMP/scalar-at.yaml" "$long"
run_chiso validate "$TMP/scalar-at.yaml"
expect_rc 0
small_model "$TMP/scalar-past.yaml" "${long}v"
run_chiso validate "$TMP/scalar-past.yaml"
expect_rc 2
expect_err "scalar-past.yaml:4:10: value too long: 65537 bytes, the limit is 65536 bytes (64 KiB) per value (a fixed limit)"
# A CSV cell too.
{
	printf 'code,period,report_ref\n'
	printf 'A,2023,%s\n' "$long"
} >"$TMP/cell-at.csv"
run_chiso evaluate --check-only "$model" "$TMP/cell-at.csv"
expect_out "1 unit read"
[ "$rc" -ne 2 ] || fail "a 64 KiB cell was refused"
{
	printf 'code,period,report_ref\n'
	printf 'A,2023,%sv\n' "$long"
} >"$TMP/cell-past.csv"
run_chiso evaluate --check-only "$model" "$TMP/cell-past.csv"
expect_rc 2
expect_err "cell-past.csv:2:3: value too long: 65537 bytes, the limit is 65536 bytes (64 KiB) per value (a fixed limit)"

# --- units per run: --max-units (default 100000) ----------------------------
sh "$srcdir/bench/gen-units.sh" 3 >"$TMP/units3.yaml"
run_chiso evaluate --max-units 3 "$model" "$TMP/units3.yaml"
expect_rc 0
run_chiso evaluate --max-units 2 "$model" "$TMP/units3.yaml"
expect_rc 2
expect_err "units3.yaml:6:5: too many units: the limit is 2 per run; raise it with --max-units N, or evaluate the files in parts"
expect_err "nothing written"
run_chiso evaluate --help
expect_out "--max-units N      take at most N units in one run (default"
expect_out "100000)"

# --- indicators per model: 10,000 ----------------------------------------
# n main indices of one indicator each, one point apiece.
indicators() {
	awk -v n="$1" 'BEGIN {
		print "model: { id: wide, version: \"1\", title: \"Wide\" }"
		print "inputs: { plan_issued: { type: boolean } }"
		print "indices:"
		for (i = 1; i <= n; i++)
			printf "  - { id: \"i%d\", name: \"I%d\", points: 1, method: boolean, params: { input: plan_issued } }\n", i, i
	}'
}
indicators 10000 >"$TMP/wide-at.yaml"
run_chiso validate "$TMP/wide-at.yaml"
expect_rc 0
indicators 10001 >"$TMP/wide-past.yaml"
run_chiso validate "$TMP/wide-past.yaml"
expect_rc 2
expect_err "wide-past.yaml:10004:5: too many indicators: the limit is 10000 per model (a fixed limit)"

# --- inputs per model: 10,000 ------------------------------------------------
# n inputs (the last the boolean the indicator reads). Inputs are looked
# up by hash while the model loads: a model at the limit loads in a
# fraction of a second (no time is asserted here; see the commit).
inputs() {
	awk -v n="$1" 'BEGIN {
		print "model: { id: many, version: \"1\", title: \"Many inputs\" }"
		print "inputs:"
		for (i = 1; i < n; i++)
			printf "  x%d: { type: integer, min: 0 }\n", i
		print "  plan_issued: { type: boolean }"
		print "indices:"
		print "  - { id: \"1\", name: \"P\", points: 1, method: boolean, params: { input: plan_issued } }"
	}'
}
inputs 10000 >"$TMP/inputs-at.yaml"
run_chiso validate "$TMP/inputs-at.yaml"
expect_rc 0
expect_out "10000 inputs"
inputs 10001 >"$TMP/inputs-past.yaml"
run_chiso validate "$TMP/inputs-past.yaml"
expect_rc 2
expect_err "inputs-past.yaml:10003:3: too many inputs: the limit is 10000 per model (a fixed limit)"

# --- a plugin's note and hint: 255 bytes each ------------------------------
plugin_dir "$TEST_PLUGIN_DIR/misbehave.so" misbehave
for mode in note255 note300; do
	cat >"$TMP/note-$mode.yaml" <<MODEL
model: { id: notes, version: "1", title: "Notes" }
inputs: { plan_issued: { type: boolean } }
indices:
  - { id: "1", name: "N", points: 10, method: misbehave, params: { mode: $mode } }
MODEL
	printf 'unit: { code: A, period: "2023" }\nvalues: { plan_issued: true }\n' \
		>"$TMP/one.yaml"
	run_chiso evaluate -P "$TMP/p" -f json "$TMP/note-$mode.yaml" "$TMP/one.yaml"
	expect_rc 0
	expect_out "\"note\": \"$(head -c 255 /dev/zero | tr '\0' 'n')\""
	expect_out "\"hint\": \"$(head -c 255 /dev/zero | tr '\0' 'h')\""
	grep -q "$(head -c 256 /dev/zero | tr '\0' 'n')" "$TMP/out" &&
		fail "$mode: a note longer than 255 bytes was kept"
	grep -q "$(head -c 256 /dev/zero | tr '\0' 'h')" "$TMP/out" &&
		fail "$mode: a hint longer than 255 bytes was kept"
done
exit 0
