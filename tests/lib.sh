# lib.sh - shared by chiso's shell tests. Source it first:
#   . "$srcdir/tests/lib.sh"
# The harness (Makefile.am's AM_TESTS_ENVIRONMENT) sets CHISO, srcdir,
# builddir, PLUGIN_DIR, TEST_PLUGIN_DIR and optionally CHISO_WRAPPER (e.g.
# "valgrind --error-exitcode=99 --leak-check=full").

set -u
: "${CHISO:?run through make check}"
: "${srcdir:?run through make check}"

# A private scratch directory, removed on exit.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/chiso-test.XXXXXX") || exit 99
chmod 755 "$TMP"
trap 'rm -rf "$TMP"' EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run_chiso ARGS...: runs chiso; stdout in $TMP/out, stderr in $TMP/err,
# the exit code in $rc.
run_chiso() {
	set +e
	# shellcheck disable=SC2086
	${CHISO_WRAPPER:-} "$CHISO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	set -e
	if [ "$rc" -eq 99 ] && [ -n "${CHISO_WRAPPER:-}" ]; then
		cat "$TMP/err" >&2
		fail "the wrapper ($CHISO_WRAPPER) reported errors"
	fi
}

# wrapped: true when chiso runs under a wrapper (valgrind, make
# check-valgrind), where each run costs seconds. A test that repeats one
# check over many inputs (every lying document through six commands,
# every read size) then checks a sample that still reaches each path
# once; the full product runs unwrapped and under the sanitizers.
wrapped() {
	[ -n "${CHISO_WRAPPER:-}" ]
}

# expect_rc N: the last run_chiso exited with N.
expect_rc() {
	if [ "$rc" -ne "$1" ]; then
		echo "--- stdout" >&2; cat "$TMP/out" >&2
		echo "--- stderr" >&2; cat "$TMP/err" >&2
		fail "exit code $rc, expected $1"
	fi
}

# expect_err TEXT: stderr contains TEXT (fixed string).
expect_err() {
	grep -F -q -- "$1" "$TMP/err" || {
		echo "--- stderr" >&2; cat "$TMP/err" >&2
		fail "stderr lacks: $1"
	}
}

# expect_out TEXT: stdout contains TEXT (fixed string).
expect_out() {
	grep -F -q -- "$1" "$TMP/out" || {
		echo "--- stdout" >&2; cat "$TMP/out" >&2
		fail "stdout lacks: $1"
	}
}

# expect_same EXPECTED_FILE: stdout equals the file exactly.
expect_same() {
	diff -u "$1" "$TMP/out" >&2 || fail "output differs from $1"
}

# expect_out_re REGEX: some line of stdout matches the extended regex.
expect_out_re() {
	grep -E -q -- "$1" "$TMP/out" || {
		echo "--- stdout" >&2; cat "$TMP/out" >&2
		fail "stdout has no line matching: $1"
	}
}

# need_openpyxl: sets PY to a python3 with openpyxl ($PYTHON, python3
# from PATH, or the system's: the Debian package installs for
# /usr/bin/python3 only), or skips the test (exit 77).
need_openpyxl() {
	PY=
	for py in ${PYTHON:-} python3 /usr/bin/python3; do
		if "$py" -c 'import openpyxl' >/dev/null 2>&1; then
			PY=$py
			return 0
		fi
	done
	echo "SKIP: no python3 with openpyxl (apt-get install python3-openpyxl)"
	exit 77
}

# skip_without_xlsx: after run_chiso of an xlsx output, skips the test
# (exit 77) when it failed because chiso was built without libxlsxwriter.
skip_without_xlsx() {
	if [ "$rc" -ne 0 ] && grep -F -q "xlsx output is not available" "$TMP/err"
	then
		echo "SKIP: chiso was built without libxlsxwriter"
		exit 77
	fi
}

# need_chromium: sets browser to a Chromium (or Chrome) to render with,
# or skips the test (exit 77).
need_chromium() {
	browser=
	for b in /usr/bin/chromium $(command -v chromium chromium-browser \
		google-chrome 2>/dev/null); do
		if [ -x "$b" ]; then
			browser=$b
			return 0
		fi
	done
	echo "SKIP: no chromium, chromium-browser or google-chrome found"
	exit 77
}

# kill_mid_write FILE: chiso evaluate writes a large result (40,000 units)
# to FILE; once its temporary file (.chiso-tmp.NAME.* beside FILE) is
# being written, the run is killed outright (SIGKILL). Sets pid to the
# killed run's and tmp to its temporary file's name.
kill_mid_write() {
	command -v awk >/dev/null 2>&1 || exit 77
	kdir=$(dirname "$1")
	kprefix=".chiso-tmp.$(basename "$1")."
	[ -s "$TMP/units.yaml" ] ||
		sh "$srcdir/bench/gen-units.sh" 40000 >"$TMP/units.yaml"
	"$CHISO" evaluate -f json -o "$1" \
		"$srcdir/criteria/example-district.yaml" "$TMP/units.yaml" \
		>/dev/null 2>&1 &
	pid=$!
	i=0
	while :; do
		tmp=$(ls -A "$kdir" |
			awk -v p="$kprefix" 'index($0, p) == 1 { print; exit }')
		if [ -n "$tmp" ] && [ -s "$kdir/$tmp" ]; then
			break
		fi
		i=$((i + 1))
		if [ "$i" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
			kill -9 "$pid" 2>/dev/null
			fail "never saw the temporary file $kprefix* being written"
		fi
		sleep 0.05
	done
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
}

# method_model FILE METHOD [ID]: writes a one-indicator model whose
# indicator (at line 11, column 13 of FILE: "method: METHOD") reads the
# boolean input plan_issued.
method_model() {
	cat >"$1" <<MODEL
model:
  id: ${3:-plugin-test}
  version: "1"
  title: "A model using method $2"
inputs:
  plan_issued: { type: boolean }
indices:
  - id: "1"
    name: "Plan"
    points: 10
    method: $2
    params: { input: plan_issued }
MODEL
}

# plugin_dir SO NAME: makes the private plugin directory $TMP/p (mode
# 755) holding a copy of SO as NAME.so (mode 644).
plugin_dir() {
	[ -f "$1" ] || fail "$1 is not built (make check builds it)"
	mkdir -p "$TMP/p"
	chmod 755 "$TMP/p"
	cp "$1" "$TMP/p/$2.so"
	chmod 644 "$TMP/p/$2.so"
}
