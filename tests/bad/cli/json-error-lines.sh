# json-error-lines.sh - a JSON syntax error is reported on one line,
# FILE:LINE:COL: message, even when the text near the error holds line
# breaks (they must not be copied raw into the message).
. "$srcdir/tests/lib.sh"
set -e

# Every line of stderr names the file or is chiso's own summary.
one_line_each() {
	if grep -v -e "^$1:" -e '^chiso: ' "$TMP/err" >"$TMP/stray"; then
		echo "--- stderr" >&2
		cat "$TMP/err" >&2
		fail "stderr has lines that are neither '$1:...' nor 'chiso: ...'"
	fi
}

# A trailing comma before a closing brace on the next line.
data="$srcdir/tests/bad/data/data-json-syntax.json"
run_chiso evaluate -f json -o "$TMP/results.json" \
	"$srcdir/tests/bad/data-model.yaml" "$data"
expect_rc 2
one_line_each "$data"
expect_err "data-json-syntax.json:"
expect_err "invalid JSON"
[ ! -e "$TMP/results.json" ] || fail "exit 2 but results were written"

# A model cut short after an opening brace and a newline: only white
# space is left, so this is the end of the file.
printf '{\n  "model": {"id": "cut", "version": "1", "title": "t"},\n  "inputs": {\n' \
	>"$TMP/cut.json"
run_chiso validate "$TMP/cut.json"
expect_rc 2
one_line_each "$TMP/cut.json"
expect_err "$TMP/cut.json:"
expect_err "invalid JSON: unexpected end of file"
exit 0
