# results-kind.sh - a data file or a model given where a results document
# is expected (rank, report, compare, gaps, merge, evaluate --children)
# is named as such, with the evaluate command that makes results of it;
# exit 2, nothing written.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

model=criteria/example-district.yaml
data=examples/yen-binh-2022.yaml
run_chiso evaluate -o "$TMP/r.json" "$model" "$data"
expect_rc 0

data_msg() {
	echo "$1: this is a data file (units with input values), not a results document; score it first: chiso evaluate -f json -o results.json MODEL $1"
}
model_msg() {
	echo "$1: this is a model, not a results document; score data with it first: chiso evaluate -f json -o results.json $1 DATA..."
}

# JSON data: a list of units, one unit, units without a model
printf '[{"unit": {"code": "A"}, "values": {}}]\n' >"$TMP/list.json"
printf '{"unit": {"code": "A"}, "values": {}}\n' >"$TMP/one.json"
printf '{"units": [{"unit": {"code": "A"}, "values": {}}]}\n' \
	>"$TMP/units.json"
printf 'code,name\nA,a\n' >"$TMP/d.csv"
printf '{"unit": {"code": "A"}, "values": {}}\n' >"$TMP/d.jsonl"

for f in "$data" examples/yen-bai-districts-2022.yaml "$TMP/list.json" \
	"$TMP/one.json" "$TMP/units.json" "$TMP/d.csv" "$TMP/d.jsonl"; do
	run_chiso rank -o "$TMP/o.csv" "$f"
	expect_rc 2
	expect_err "$(data_msg "$f")"
	[ ! -e "$TMP/o.csv" ] || fail "rank $f wrote its output"
done
run_chiso rank "$model"
expect_rc 2
expect_err "$(model_msg "$model")"

# every reader of results says the same
run_chiso report "$data"
expect_rc 2
expect_err "$(data_msg "$data")"
run_chiso compare "$TMP/r.json" "$data"
expect_rc 2
expect_err "$(data_msg "$data")"
run_chiso gaps "$model"
expect_rc 2
expect_err "$(model_msg "$model")"
run_chiso merge -m tests/cli/data/merge-districts.csv "$data"
expect_rc 2
expect_err "$(data_msg "$data")"
run_chiso evaluate --children "$data" "$model" "$data"
expect_rc 2
expect_err "$(data_msg "$data")"

# a document that is neither keeps the reader's message
printf '{"hello": 1}\n' >"$TMP/other.json"
run_chiso rank "$TMP/other.json"
expect_rc 2
expect_err 'not a results document (it needs "model" and "units")'
exit 0
