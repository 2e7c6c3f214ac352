# data-mixed.sh - a file of three units, the second invalid: exit 1, and
# the results written with -o hold all three, the valid ones scored with
# status "ok", the invalid one with status "invalid", no points and its
# problem (file:line:col, unit and field).
. "$srcdir/tests/lib.sh"
set -e

data="$srcdir/tests/bad/data/mixed-units.yaml"
run_chiso evaluate -f json -o "$TMP/results.json" \
	"$srcdir/tests/bad/data-model.yaml" "$data"
expect_rc 1
expect_err "mixed-units.yaml:5:73: unit M2: field committee_chair: 'chair' is not a choice (choices: head, deputy, none)"
expect_err "chiso: 1 of 3 units invalid or with a failed indicator"
[ -s "$TMP/results.json" ] || fail "exit 1 but no results were written"
[ ! -s "$TMP/out" ] || fail "results written with -o also went to stdout"

# Each unit's code and status, in order ("status" alone on its line is a
# unit's; the nodes' are inline).
awk '
/"unit": \{"code": "/ {
	code = $0
	sub(/.*"unit": \{"code": "/, "", code)
	sub(/".*/, "", code)
}
/^ *"status": "[a-z]*",?$/ {
	st = $0
	sub(/^ *"status": "/, "", st)
	sub(/".*/, "", st)
	print code, st
}' "$TMP/results.json" >"$TMP/statuses"
printf 'M1 ok\nM2 invalid\nM3 ok\n' >"$TMP/want"
diff -u "$TMP/want" "$TMP/statuses" >&2 || fail "unit statuses differ"

# The problem is recorded with the invalid unit, the valid units have none.
grep -F -q "mixed-units.yaml:5:73: unit M2: field committee_chair: 'chair' is not a choice (choices: head, deputy, none)\"" \
	"$TMP/results.json" || fail "M2's problem is not in the results"
[ "$(grep -c '"problems": \[\]' "$TMP/results.json")" -eq 2 ] ||
	fail "the two valid units should have no problems"
# The valid units are scored (M1: 5 + 5 + 5 = 15, M3: 2.5).
grep -F -q '"points": 15,' "$TMP/results.json" || fail "M1 not scored 15"
grep -F -q '"points": 2.5,' "$TMP/results.json" || fail "M3 not scored 2.5"
exit 0
