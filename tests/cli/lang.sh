# lang.sh - the language of messages (issue 11): from the locale as GNU
# gettext reads it, or --lang vi|en on any command, Vietnamese even where
# no Vietnamese locale is generated (this test's machine has only C,
# C.UTF-8 and POSIX); the catalog read from the build tree.
. "$srcdir/tests/lib.sh"

# run_env VAR=VALUE... -- ARGS...: run_chiso with only those of the
# locale variables set.
run_env() {
	envs=
	while [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	shift
	set +e
	# shellcheck disable=SC2086
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG $envs \
		${CHISO_WRAPPER:-} "$CHISO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	set -e
}

vi_hint="Chạy 'chiso --help' để xem danh sách các lệnh."
en_hint="Run 'chiso --help' for the list of commands."

# English by default, and under C/POSIX whatever LANGUAGE says.
for e in LC_ALL=C LANG=POSIX "LC_ALL=C LANGUAGE=vi" LANGUAGE=vi \
	LANG=C.UTF-8 LANG=en_US.UTF-8; do
	# shellcheck disable=SC2086
	run_env $e -- frobnicate
	expect_rc 2
	expect_err "$en_hint"
done

# --lang vi under C, POSIX, C.UTF-8 or an English locale.
for e in LC_ALL=C LANG=POSIX LANG=C.UTF-8 LANG=en_US.UTF-8 \
	"LC_ALL=C.UTF-8 LANGUAGE=en"; do
	# shellcheck disable=SC2086
	run_env $e -- --lang vi frobnicate
	expect_rc 2
	expect_err "$vi_hint"
done

# The locale asks for Vietnamese: LANG=vi_VN.UTF-8 (not generated here),
# LC_MESSAGES before LANG, LANGUAGE under C.UTF-8.
for e in LANG=vi_VN.UTF-8 "LANG=C.UTF-8 LC_MESSAGES=vi_VN.UTF-8" \
	"LANG=C.UTF-8 LANGUAGE=vi" "LANG=en_US.UTF-8 LANGUAGE=vi_VN:en"; do
	# shellcheck disable=SC2086
	run_env $e -- frobnicate
	expect_rc 2
	expect_err "$vi_hint"
done

# --lang en wins over the locale; the last --lang wins; --lang=LANG.
run_env LANG=vi_VN.UTF-8 -- --lang en frobnicate
expect_err "$en_hint"
run_env LC_ALL=C -- --lang en --lang vi frobnicate
expect_err "$vi_hint"
run_env LC_ALL=C -- --lang=vi frobnicate
expect_err "$vi_hint"

# After the command name too, and where an option goes.
cd "$srcdir"
run_env LC_ALL=C -- validate --lang vi criteria/example-district.yaml
expect_rc 0
run_env LC_ALL=C -- validate criteria/example-district.yaml --lang=en
expect_rc 0

# Bad values: a usage error of the command named, exit 2.
run_env LC_ALL=C -- evaluate --lang fr a b
expect_rc 2
expect_err "chiso evaluate: unknown language 'fr': use vi or en"
expect_err "Run 'chiso evaluate --help' for usage."
run_env LC_ALL=C -- --lang
expect_rc 2
expect_err "chiso: --lang needs a value: vi or en"
run_env LC_ALL=C -- --lang de frobnicate
expect_rc 2
expect_err "chiso: unknown language 'de': use vi or en"

# After "--", --lang is an argument like any other (here a file name).
run_env LC_ALL=C -- validate -- --lang
expect_rc 2
expect_err "--lang"

# The Vietnamese text is UTF-8 even when LC_CTYPE is C (no '?'), the C
# library's messages too (strerror, translated where libc-l10n is).
run_env LC_ALL=C -- --lang vi frobnicate
if grep -q '?' "$TMP/err"; then
	cat "$TMP/err" >&2
	fail "Vietnamese messages under LC_ALL=C lost their letters"
fi
run_env LC_ALL=C -- --lang vi validate "$TMP/no-such-model.yaml"
expect_rc 2
if grep -q '?' "$TMP/err"; then
	cat "$TMP/err" >&2
	fail "the C library's messages under LC_ALL=C lost their letters"
fi
echo "PASS"
