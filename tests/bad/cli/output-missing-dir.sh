# output-missing-dir.sh - -o into a directory that does not exist (or
# onto a directory) fails with exit 2 and a message naming the path, and
# leaves no file and no temporary file behind.
. "$srcdir/tests/lib.sh"
set -e

model="$srcdir/tests/bad/data-model.yaml"
cat >"$TMP/unit.yaml" <<'YAML'
unit: { code: "OK", name: "A valid unit", level: district }
values:
  steering_meetings: 4
  plan_issued: true
YAML

run_chiso evaluate -f json -o "$TMP/nodir/results.json" "$model" "$TMP/unit.yaml"
expect_rc 2
expect_err "$TMP/nodir/results.json: No such file or directory"
[ ! -e "$TMP/nodir" ] || fail "$TMP/nodir was created"
[ ! -s "$TMP/out" ] || fail "results went to stdout instead"

# The same with units that are invalid: still 2 (nothing written), not 1.
run_chiso evaluate -f json -o "$TMP/nodir/results.json" "$model" \
	"$srcdir/tests/bad/data/mixed-units.yaml"
expect_rc 2
expect_err "$TMP/nodir/results.json: No such file or directory"

# -o naming an existing directory.
mkdir "$TMP/out.d"
run_chiso evaluate -o "$TMP/out.d" "$model" "$TMP/unit.yaml"
expect_rc 2
expect_err "$TMP/out.d: Is a directory"
[ -z "$(ls -A "$TMP/out.d")" ] || fail "something was written into $TMP/out.d"
leftover=$(find "$TMP" -name '.chiso-tmp.*' -print)
[ -z "$leftover" ] || fail "temporary files left behind: $leftover"
exit 0
