# sigkill.sh - chiso killed outright (SIGKILL) while writing a large
# result leaves the previous file at that path intact; the temporary file
# it could not remove is cleaned up by the next run that writes there.
. "$srcdir/tests/lib.sh"
mkdir "$TMP/res"
echo "previous results" >"$TMP/res/r.json"
kill_mid_write "$TMP/res/r.json"
[ "$(cat "$TMP/res/r.json")" = "previous results" ] ||
	fail "the previous file was changed by a killed run"
ls -A "$TMP/res" | grep -q '^\.chiso-tmp\.r\.json\.' ||
	fail "expected the killed run's temporary file (to test the cleanup)"
# The next run writing there removes the dead writer's leftover.
run_chiso evaluate -f json -o "$TMP/res/r.json" \
	"$srcdir/criteria/example-district.yaml" \
	"$srcdir/examples/yen-binh-2022.yaml"
expect_rc 0
[ "$(ls -A "$TMP/res")" = "r.json" ] ||
	fail "leftovers after the next run: $(ls -A "$TMP/res")"
grep -q '"code": "YB.YBI"' "$TMP/res/r.json" || fail "new results not written"
