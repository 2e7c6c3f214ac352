# output-kept-on-error.sh - exit 2 means nothing is written: an existing
# -o file is left as it was when the model or a data file is bad, even
# when the other data files are valid.
. "$srcdir/tests/lib.sh"
set -e

model="$srcdir/tests/bad/data-model.yaml"
cat >"$TMP/unit.yaml" <<'YAML'
unit: { code: "OK", name: "A valid unit", level: district }
values:
  steering_meetings: 4
YAML
echo "previous results" >"$TMP/results.json"

# A valid file and a file-level error in the next one.
run_chiso evaluate -f json -o "$TMP/results.json" "$model" "$TMP/unit.yaml" \
	"$srcdir/tests/bad/data/unknown-data-key.yaml"
expect_rc 2
expect_err "unknown-data-key.yaml:2:1: unknown key 'valeus' in a data file"
expect_err "chiso: nothing written: fix the data file errors above"
[ "$(cat "$TMP/results.json")" = "previous results" ] ||
	fail "results.json was overwritten although chiso exited 2"

# A data file that does not exist.
run_chiso evaluate -f json -o "$TMP/results.json" "$model" "$TMP/unit.yaml" \
	"$TMP/absent.yaml"
expect_rc 2
expect_err "$TMP/absent.yaml: cannot open: No such file or directory"
[ "$(cat "$TMP/results.json")" = "previous results" ] ||
	fail "results.json was overwritten (missing data file)"

# A bad model.
run_chiso evaluate -f json -o "$TMP/results.json" \
	"$srcdir/tests/bad/model/points-sum.yaml" "$TMP/unit.yaml"
expect_rc 2
expect_err "points-sum.yaml:11:13: points of '1' are 30 but its children add up to 25"
[ "$(cat "$TMP/results.json")" = "previous results" ] ||
	fail "results.json was overwritten (bad model)"
leftover=$(find "$TMP" -name '.chiso-tmp.*' -print)
[ -z "$leftover" ] || fail "temporary files left behind: $leftover"

# Sanity: with valid input the file is replaced.
run_chiso evaluate -f json -o "$TMP/results.json" "$model" "$TMP/unit.yaml"
expect_rc 0
grep -F -q '"code": "OK"' "$TMP/results.json" || fail "results.json not written"
exit 0
