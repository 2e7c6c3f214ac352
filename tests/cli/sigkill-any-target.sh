# sigkill-any-target.sh - the temporary file of a run killed outright
# (SIGKILL) is removed by the next run that writes in the same directory,
# whatever file that run writes; files that only look like chiso's are
# left alone.
. "$srcdir/tests/lib.sh"
command -v awk >/dev/null 2>&1 || exit 77
sh "$srcdir/bench/gen-units.sh" 40000 >"$TMP/units.yaml"
mkdir "$TMP/res"
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
		fail "never saw the temporary file .chiso-tmp.r.json.* being written"
	fi
	sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[ -e "$TMP/res/$tmp" ] || fail "the killed run's temporary file is gone"
[ ! -e "$TMP/res/r.json" ] || fail "a killed run created r.json"

# Look-alikes that are not a dead chiso's temporary file: another
# program's (no chiso-tmp prefix), a live process's (our own pid), a name
# that does not end as mkstemp's, a directory.
touch "$TMP/res/.r.json.$pid.abcdef" "$TMP/res/.chiso-tmp.x.$$.abcdef" \
	"$TMP/res/.chiso-tmp.x.$pid.abc" "$TMP/res/.chiso-tmp.x.$pid.abcdef~"
mkdir "$TMP/res/.chiso-tmp.d.$pid.abcdef"
# Another user's file (when we may give it away).
if [ "$(id -u)" = 0 ]; then
	touch "$TMP/res/.chiso-tmp.y.$pid.ghijkl"
	chown 4242 "$TMP/res/.chiso-tmp.y.$pid.ghijkl"
fi

# The next run writes another file in that directory.
run_chiso template -o "$TMP/res/blank.yaml" \
	"$srcdir/criteria/example-district.yaml"
expect_rc 0
[ ! -e "$TMP/res/$tmp" ] ||
	fail "the dead run's temporary file $tmp is still there"
for f in ".r.json.$pid.abcdef" ".chiso-tmp.x.$$.abcdef" \
	".chiso-tmp.x.$pid.abc" ".chiso-tmp.x.$pid.abcdef~" \
	".chiso-tmp.d.$pid.abcdef"; do
	[ -e "$TMP/res/$f" ] || fail "$f was removed, but it is not chiso's"
done
if [ "$(id -u)" = 0 ]; then
	[ -e "$TMP/res/.chiso-tmp.y.$pid.ghijkl" ] ||
		fail "another user's temporary file was removed"
fi
grep -q "steering_meetings" "$TMP/res/blank.yaml" || fail "blank.yaml not written"
exit 0
