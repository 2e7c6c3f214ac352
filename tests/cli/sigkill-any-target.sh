# sigkill-any-target.sh - the temporary file of a run killed outright
# (SIGKILL) is removed by the next run that writes in the same directory,
# whatever file that run writes; files that only look like chiso's are
# left alone.
. "$srcdir/tests/lib.sh"
mkdir "$TMP/res"
kill_mid_write "$TMP/res/r.json"
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
