# rank.sh - official rankings: competition ranking on published values
# ("5, 5, 7" for the two districts with the same data), per-index and
# per-view ranks, classes, groups, every text format, and refusals.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/r22.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml
expect_rc 0
cp "$TMP/r22.json" "$TMP/r.json"

run_chiso rank "$TMP/r.json"
expect_rc 0
expect_same tests/cli/expected/rank-2022.table
expect_out_re "^ +5  YB.LYE "
expect_out_re "^ +5  YB.VYE "
expect_out_re "^ +7  YB.VCH "

run_chiso rank -f md "$TMP/r.json"
expect_rc 0
expect_same tests/cli/expected/rank-2022.md
run_chiso rank -f json "$TMP/r.json"
expect_rc 0
sed 's/"generator": "chiso [^"]*"/"generator": "chiso VERSION"/' "$TMP/out" \
	>"$TMP/out.norm" && mv "$TMP/out.norm" "$TMP/out"
expect_same tests/cli/expected/rank-2022.json

# CSV for spreadsheets: the fixed first columns, a BOM on request.
run_chiso rank -f csv "$TMP/r.json"
expect_rc 0
head -n 1 "$TMP/out" | grep -q '^rank,code,name,value,points,max,class,' ||
	fail "CSV header: $(head -n 1 "$TMP/out")"
expect_out '5,YB.LYE,Huyện Lục Yên,0.7420,74.1953,100,'
run_chiso rank -f csv --bom -o "$TMP/r.csv" "$TMP/r.json"
expect_rc 0
[ "$(head -c 3 "$TMP/r.csv" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] ||
	fail "--bom did not start the file with a UTF-8 BOM"

# By a main index, by a view; a typo is refused with a suggestion.
run_chiso rank --by 4 "$TMP/r.json"
expect_rc 0
expect_out "Ranking by Hoạt động chính quyền số (4)"
run_chiso rank --by CQS "$TMP/r.json"
expect_rc 0
expect_out_re "^ +1  YB.TXNL +Thị xã Nghĩa Lộ +0.9812 "
run_chiso rank --by CSQ "$TMP/r.json"
expect_rc 2
expect_err "--by 'CSQ' is neither a node nor a view of model vn-district-example; did you mean 'CQS'?"

# Within parents: the communes of the test model have parent H1.
run_chiso evaluate -f json -o "$TMP/c.json" tests/cli/data/commune-model.yaml \
	tests/cli/data/communes.json
expect_rc 0
run_chiso rank --group-by parent "$TMP/c.json"
expect_rc 0
expect_out "H1 (H1)"
run_chiso rank --group-by parent "$TMP/r.json" "$TMP/c.json" \
	--allow-mixed-models
expect_rc 0
expect_out "YB (YB)"
expect_out "H1 (H1)"

# Different models are refused unless allowed, naming the files.
run_chiso rank "$TMP/r.json" "$TMP/c.json"
expect_rc 2
expect_err "the results come from different models: $TMP/r.json (vn-district-example 2023"
expect_err "$TMP/c.json (test-commune 1"
expect_err "--allow-mixed-models"

# The same units in two years are refused with what the files hold;
# --period picks one; the same file twice is a unit twice.
run_chiso evaluate -f json -o "$TMP/r23.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2023-self.yaml
run_chiso rank "$TMP/r.json" "$TMP/r23.json"
expect_rc 2
expect_err "$TMP/r.json, $TMP/r23.json: hold 2 periods (2022: 9 units, 2023: 9 units) and 2 stages (self: 9 units, final: 9 units); pick one with --period 2022 or --period 2023, and one with --stage self or --stage final"
run_chiso rank --period 2023 "$TMP/r.json" "$TMP/r23.json"
expect_rc 0
expect_out "9 units ranked"
run_chiso rank "$TMP/r.json" "$TMP/r.json"
expect_rc 2
expect_err "appears twice"

# Invalid units are listed apart, not ranked.
printf 'units:\n  - unit: { code: "BAD" }\n    values: { officials_total: "x" }\n' \
	>"$TMP/bad.yaml"
run_chiso evaluate -f json -o "$TMP/b.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml "$TMP/bad.yaml"
expect_rc 1
run_chiso rank "$TMP/b.json"
expect_rc 0
expect_out "9 units ranked"
expect_out "Not ranked: BAD : invalid:"

# xlsx needs a file; a missing results file is an error.
run_chiso rank -f xlsx "$TMP/r.json"
expect_rc 2
expect_err "--format xlsx needs -o FILE.xlsx"
run_chiso rank "$TMP/nope.json"
expect_rc 2
expect_err "nope.json: cannot open"

# report writes HTML only; --bom is for CSV.
run_chiso report -f table "$TMP/r.json"
expect_rc 2
expect_err "a report is HTML"
run_chiso rank --bom "$TMP/r.json"
expect_rc 2
expect_err "--bom is for --format csv"
# The CSV lists unranked units too, with their status.
run_chiso rank -f csv "$TMP/b.json"
expect_rc 0
expect_out_re '^,BAD,,(,)+invalid'
