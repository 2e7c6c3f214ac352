# sigkill.sh - chiso killed outright (SIGKILL) while writing a large
# result leaves the previous file at that path intact; the temporary file
# it could not remove is cleaned up by the next run that writes there.
. "$srcdir/tests/lib.sh"
command -v awk >/dev/null 2>&1 || exit 77
sh "$srcdir/bench/gen-units.sh" 40000 >"$TMP/units.yaml"
mkdir "$TMP/res"
echo "previous results" >"$TMP/res/r.json"
"$CHISO" evaluate -f json -o "$TMP/res/r.json" \
	"$srcdir/criteria/example-district.yaml" "$TMP/units.yaml" \
	>/dev/null 2>&1 &
pid=$!
# Wait until the temporary file exists and is being written, then kill.
i=0
while :; do
	tmp=$(ls -A "$TMP/res" | grep '^\.chiso-tmp\.r\.json\.' || true)
	if [ -n "$tmp" ] && [ -s "$TMP/res/$tmp" ]; then
		break
	fi
	i=$((i + 1))
	if [ "$i" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid" 2>/dev/null
		fail "never saw the temporary file being written"
	fi
	sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
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
