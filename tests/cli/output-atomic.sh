# output-atomic.sh - -o replaces the file only when the run succeeds: a
# failing run leaves the previous file intact and no temporary file.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
mkdir "$TMP/o"
echo "previous" >"$TMP/o/r.json"
run_chiso evaluate -f json -o "$TMP/o/r.json" criteria/example-district.yaml \
	"$TMP/does-not-exist.yaml"
expect_rc 2
expect_err "does-not-exist.yaml: cannot open"
[ "$(cat "$TMP/o/r.json")" = "previous" ] || fail "previous file changed"
[ "$(ls -A "$TMP/o")" = "r.json" ] || fail "leftover: $(ls -A "$TMP/o")"
run_chiso evaluate -f json -o "$TMP/o/r.json" criteria/example-district.yaml \
	examples/yen-binh-2022.yaml
expect_rc 0
grep -q '"code": "YB.YBI"' "$TMP/o/r.json" || fail "-o did not write"
[ "$(ls -A "$TMP/o")" = "r.json" ] || fail "leftover: $(ls -A "$TMP/o")"
run_chiso template -o "$TMP/nodir/t.yaml" criteria/example-district.yaml
expect_rc 2
expect_err "nodir/t.yaml"
