# output-disk-full.sh - a write that fails is reported with its reason
# (the errno of the failing write), not as "Input/output error": a full
# file system says "No space left on device" (a 32 KiB tmpfs, mounted in
# a private mount namespace when we may), a file size limit "File too
# large"; the previous file is kept and no temporary file is left.
. "$srcdir/tests/lib.sh"
set -e
cd "$srcdir"
model=criteria/example-district.yaml
data=examples/yen-bai-districts-2022.yaml
tested=0

# A full file system, for -o and for standard output.
mkdir "$TMP/small"
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
	unshare -m sh -c "mount -t tmpfs -o size=32k tmpfs '$TMP/small'" \
		2>/dev/null; then
	export TMP
	# shellcheck disable=SC2016
	unshare -m sh -c '
		mount -t tmpfs -o size=32k tmpfs "$TMP/small" || exit 99
		echo previous >"$TMP/small/r.json"
		${CHISO_WRAPPER:-} "$CHISO" evaluate -f json \
			-o "$TMP/small/r.json" "$1" "$2" \
			>"$TMP/out" 2>"$TMP/err"
		echo $? >"$TMP/rc"
		ls -A "$TMP/small" >"$TMP/left"
		cat "$TMP/small/r.json" >"$TMP/kept"
		rm -f "$TMP/small/r.json"
		${CHISO_WRAPPER:-} "$CHISO" evaluate -f json "$1" "$2" \
			>"$TMP/small/stdout.json" 2>"$TMP/err2"
		echo $? >"$TMP/rc2"
	' sh "$model" "$data"
	rc=$(cat "$TMP/rc")
	expect_rc 2
	expect_err "chiso: cannot write $TMP/small/r.json: No space left on device"
	[ "$(cat "$TMP/kept")" = previous ] || fail "the previous file changed"
	[ "$(cat "$TMP/left")" = r.json ] ||
		fail "left on the full file system: $(cat "$TMP/left")"
	rc=$(cat "$TMP/rc2")
	cp "$TMP/err2" "$TMP/err"
	expect_rc 2
	expect_err "chiso: cannot write standard output: No space left on device"
	tested=1
fi

# A file size limit (ulimit -f, in 512-byte blocks), SIGXFSZ ignored so
# that the write fails with EFBIG instead of killing chiso.
echo previous >"$TMP/r.json"
set +e
(
	trap '' XFSZ
	ulimit -f 16 || exit 77
	exec ${CHISO_WRAPPER:-} "$CHISO" evaluate -f json -o "$TMP/r.json" \
		"$model" "$data" >"$TMP/out" 2>"$TMP/err"
)
rc=$?
set -e
if [ "$rc" -ne 77 ]; then
	expect_rc 2
	expect_err "chiso: cannot write $TMP/r.json: File too large"
	[ "$(cat "$TMP/r.json")" = previous ] || fail "the previous file changed"
	[ -z "$(ls -A "$TMP" | grep '^\.' || true)" ] ||
		fail "left behind: $(ls -A "$TMP" | grep '^\.')"
	tested=1
fi
[ "$tested" = 1 ] || exit 77
exit 0
