# output-special.sh - -o onto something that is not a plain file never
# replaces it: a character device or a FIFO is written directly (the node
# stays what it was), a path naming an open descriptor (/dev/stdout,
# /dev/fd/N, /proc/self/fd/N, or a link to one) writes through that
# descriptor, a symbolic link to a file keeps being a link while the file
# it points to is replaced, a directory is refused; a replaced file keeps
# its mode and group.
. "$srcdir/tests/lib.sh"
set -e
cd "$srcdir"
model=criteria/example-district.yaml
data=examples/yen-binh-2022.yaml

# A file of mode 600 stays 600 (and keeps its group), whatever the umask.
echo previous >"$TMP/private.txt"
chmod 600 "$TMP/private.txt"
if [ "$(id -u)" = 0 ]; then
	chgrp 4242 "$TMP/private.txt"
fi
group=$(stat -c %g "$TMP/private.txt")
umask 022
run_chiso evaluate -o "$TMP/private.txt" "$model" "$data"
expect_rc 0
grep -q "YB.YBI" "$TMP/private.txt" || fail "private.txt not written"
[ "$(stat -c %a "$TMP/private.txt")" = 600 ] ||
	fail "mode became $(stat -c %a "$TMP/private.txt"), not 600"
[ "$(stat -c %g "$TMP/private.txt")" = "$group" ] ||
	fail "group became $(stat -c %g "$TMP/private.txt"), not $group"
# A new file gets 0666 & ~umask.
umask 027
run_chiso evaluate -o "$TMP/new.txt" "$model" "$data"
expect_rc 0
umask 022
[ "$(stat -c %a "$TMP/new.txt")" = 640 ] ||
	fail "a new file has mode $(stat -c %a "$TMP/new.txt"), not 640"

# A symbolic link to a file: the file it names is replaced (in its own
# directory), the link stays a link.
mkdir "$TMP/real" "$TMP/links"
echo previous >"$TMP/real/r.txt"
ln -s ../real/r.txt "$TMP/links/r.txt"
ln -s "$TMP/links/r.txt" "$TMP/links/chain.txt"
run_chiso evaluate -o "$TMP/links/chain.txt" "$model" "$data"
expect_rc 0
[ -L "$TMP/links/r.txt" ] && [ -L "$TMP/links/chain.txt" ] ||
	fail "a symbolic link was replaced by a file"
[ "$(readlink "$TMP/links/r.txt")" = ../real/r.txt ] ||
	fail "the link points elsewhere now"
grep -q "YB.YBI" "$TMP/real/r.txt" || fail "the linked file was not written"
[ "$(ls -A "$TMP/links" | tr '\n' ' ')" = "chain.txt r.txt " ] ||
	fail "left in links/: $(ls -A "$TMP/links")"
[ "$(ls -A "$TMP/real")" = r.txt ] || fail "left in real/: $(ls -A "$TMP/real")"
# A dangling link creates the file it names; the link stays.
ln -s ../real/new.txt "$TMP/links/new.txt"
run_chiso evaluate -o "$TMP/links/new.txt" "$model" "$data"
expect_rc 0
[ -L "$TMP/links/new.txt" ] || fail "a dangling link was replaced"
grep -q "YB.YBI" "$TMP/real/new.txt" || fail "the file named by the link is missing"

# A link to an open descriptor writes through it: here standard output,
# redirected to a file (renaming over the link, or over the file, would
# lose the output or the redirection).
ln -s /proc/self/fd/1 "$TMP/stdout-link"
run_chiso evaluate -o "$TMP/stdout-link" "$model" "$data"
expect_rc 0
[ -L "$TMP/stdout-link" ] || fail "the link to /proc/self/fd/1 was replaced"
expect_out "YB.YBI"

# A FIFO is written into, and stays a FIFO.
mkfifo "$TMP/fifo"
cat "$TMP/fifo" >"$TMP/from-fifo" &
reader=$!
run_chiso evaluate -o "$TMP/fifo" "$model" "$data"
expect_rc 0
wait "$reader"
[ -p "$TMP/fifo" ] || fail "the FIFO was replaced"
grep -q "YB.YBI" "$TMP/from-fifo" || fail "nothing came out of the FIFO"

# Character devices: our own copies of null and full when we may make
# device nodes (root), so that nothing in /dev is at risk.
if mknod "$TMP/null" c 1 3 2>/dev/null && mknod "$TMP/full" c 1 7; then
	null=$TMP/null full=$TMP/full
	run_chiso evaluate -o "$null" "$model" "$data"
	expect_rc 0
	[ -c "$null" ] || fail "-o onto a copy of /dev/null replaced it"
	run_chiso evaluate -f json -o "$full" "$model" "$data"
	expect_rc 2
	expect_err "chiso: cannot write $full: No space left on device"
	[ -c "$full" ] || fail "-o onto a copy of /dev/full replaced it"
	[ "$(ls -A "$TMP" | grep '^\.' || true)" = "" ] ||
		fail "left in $TMP: $(ls -A "$TMP" | grep '^\.')"
fi

# A directory is refused up front.
mkdir "$TMP/dir"
run_chiso evaluate -o "$TMP/dir" "$model" "$data"
expect_rc 2
expect_err "chiso: cannot write $TMP/dir: Is a directory"
[ -z "$(ls -A "$TMP/dir")" ] || fail "something was written into the directory"

# The real device files and descriptor names (safe only with the fix
# above in place: each test before this point fails first without it).
# A device that is not one to begin with (another program replaced it)
# is left out, and the same node must be there afterwards.
if [ -c /dev/null ]; then
	before=$(stat -c %i /dev/null)
	run_chiso evaluate -o /dev/null "$model" "$data"
	expect_rc 0
	[ -c /dev/null ] && [ "$(stat -c %i /dev/null)" = "$before" ] ||
		fail "/dev/null is no longer the device it was"
else
	echo "note: /dev/null is not a character device here; not tried" >&2
fi
if [ -c /dev/full ]; then
	before=$(stat -c %i /dev/full)
	run_chiso evaluate -o /dev/full "$model" "$data"
	expect_rc 2
	expect_err "chiso: cannot write /dev/full: No space left on device"
	[ -c /dev/full ] && [ "$(stat -c %i /dev/full)" = "$before" ] ||
		fail "/dev/full is no longer the device it was"
else
	echo "note: /dev/full is not a character device here; not tried" >&2
fi
for name in /dev/stdout /proc/self/fd/1 /dev/fd/1; do
	run_chiso evaluate -o "$name" "$model" "$data"
	expect_rc 0
	expect_out "YB.YBI"
	grep -q "YB.YBI" "$TMP/out" || fail "-o $name: nothing on stdout"
done
[ -L /dev/stdout ] || [ -c /dev/stdout ] || fail "/dev/stdout was replaced"
# Through descriptor 3, opened by the shell on a file.
run_chiso_fd3() {
	set +e
	${CHISO_WRAPPER:-} "$CHISO" "$@" >"$TMP/out" 2>"$TMP/err" 3>"$TMP/fd3"
	rc=$?
	set -e
}
run_chiso_fd3 evaluate -o /dev/fd/3 "$model" "$data"
expect_rc 0
grep -q "YB.YBI" "$TMP/fd3" || fail "-o /dev/fd/3: nothing in the file"
run_chiso evaluate -o /dev/fd/9 "$model" "$data"
expect_rc 2
expect_err "chiso: cannot write /dev/fd/9: Bad file descriptor"
exit 0
