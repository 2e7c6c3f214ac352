# models-all.sh - every published model in criteria/ validates cleanly
# (exit 0, nothing on stderr), and each model evaluates its examples: exit
# 0, every unit with status ok and, for the models of the issue "The
# published models in criteria/", no indicator missing or in error (their
# examples give every input).
. "$srcdir/tests/lib.sh"
cd "$srcdir"

for m in criteria/*.yaml; do
	run_chiso validate "$m"
	expect_rc 0
	expect_out "$m: ok:"
	[ ! -s "$TMP/err" ] || { cat "$TMP/err" >&2; fail "validate $m printed warnings"; }
done

# check_pair MODEL DATA UNITS [complete]: evaluates DATA with MODEL; exit
# 0, UNITS units ranked, each with status ok; with "complete", no
# indicator missing or in error either.
check_pair() {
	run_chiso evaluate -f json -o "$TMP/r.json" "$1" "$2"
	expect_rc 0
	# a complete pair prints nothing; the others only their missing
	# values (each a warning, and the summary)
	if [ "${4:-}" = complete ]; then
		[ ! -s "$TMP/err" ] || { cat "$TMP/err" >&2; fail "evaluate $1 $2 printed problems"; }
	elif grep -v -e ': warning: unit .*: field .*: \(missing\|empty\): ' \
		-e '^warning: [0-9]* required values\{0,1\} \(is\|are\) missing' \
		"$TMP/err" >"$TMP/other"; then
		cat "$TMP/other" >&2
		fail "evaluate $1 $2 printed problems"
	fi
	run_chiso rank -f csv "$TMP/r.json"
	expect_rc 0
	tr -d '\r' <"$TMP/out" >"$TMP/r.csv"
	n=$(tail -n +2 "$TMP/r.csv" | wc -l)
	[ "$n" -eq "$3" ] || fail "$2: $n units, expected $3"
	# the status column (a "missing" column may follow it)
	bad=$(awk -F, 'NR == 1 { m = $NF == "missing" }
		NR > 1 && (m ? $(NF - 1) : $NF) != "ok"' "$TMP/r.csv")
	[ -z "$bad" ] || fail "$2: units not ok: $bad"
	if [ "${4:-}" = complete ]; then
		if grep -E -q '"status": "(missing|error|invalid)"' "$TMP/r.json"; then
			fail "$2: some indicator is missing or failed under $1"
		fi
	fi
}

# The models of this issue, with their examples.
check_pair criteria/vn-dti-province-2022.yaml examples/dti-provinces-2022.yaml 6 complete
check_pair criteria/vn-dti-province-2022.yaml examples/dti-provinces-2023.yaml 6 complete
check_pair criteria/vn-district-2023.yaml examples/yen-bai-districts-dti-2022.yaml 9 complete
check_pair criteria/vn-district-2023.yaml examples/yen-bai-districts-dti-2023-self.yaml 9 complete
check_pair criteria/vn-district-2023.yaml examples/yen-bai-districts-dti-2023-appraised.yaml 9 complete
check_pair criteria/vn-commune-2023.yaml examples/yen-binh-communes-2023.yaml 24 complete
check_pair criteria/vn-plan-targets-2022.yaml examples/yen-binh-plan-2022.yaml 1 complete
check_pair criteria/vn-commune-targets-2023.yaml examples/yen-binh-communes-targets-2023.yaml 24 complete

# The example model and its examples.
check_pair criteria/example-district.yaml examples/yen-binh-2022.yaml 1
check_pair criteria/example-district.yaml examples/yen-bai-districts-2022.yaml 9
check_pair criteria/example-district.yaml examples/yen-bai-districts-2023-self.yaml 9
check_pair criteria/example-district.yaml examples/yen-bai-districts-2023-appraised.yaml 9
check_pair criteria/example-district.yaml examples/districts-2023.csv 9

# vn-district-2024 has no data of its own: the 2023 appraised results,
# re-scored under it. only_2g_pct is no longer an input (one warning, not
# an error) and villages_tech_team, new in 2024, is missing (indicator 8.6
# scores 0 under missing: zero); every unit is still ok.
run_chiso evaluate -f json -o "$TMP/r23.json" criteria/vn-district-2023.yaml \
	examples/yen-bai-districts-dti-2023-appraised.yaml
expect_rc 0
run_chiso evaluate -f json -o "$TMP/r24.json" criteria/vn-district-2024.yaml "$TMP/r23.json"
expect_rc 0
expect_err "field 'only_2g_pct' is not an input of model vn-district-2024 2024; ignored"
# and the new input is said missing, unit by unit, with its cost
expect_err "field villages_tech_team: missing: indicator 8.6 scores 0 (the model's missing: zero)"
expect_err "warning: 9 required values are missing in 9 of 9 units"
run_chiso rank -f csv "$TMP/r24.json"
expect_rc 0
tr -d '\r' <"$TMP/out" >"$TMP/r.csv"
[ "$(tail -n +2 "$TMP/r.csv" | wc -l)" -eq 9 ] || fail "2024 re-score: expected 9 units"
[ -z "$(awk -F, 'NR > 1 && $(NF - 1) != "ok"' "$TMP/r.csv")" ] || fail "2024 re-score: some unit not ok"
# each marked incomplete, missing the new input
[ "$(grep -c ',ok,villages_tech_team$' "$TMP/r.csv")" -eq 9 ] || fail "2024 re-score: units not marked incomplete"
