# inject-text.sh - text tables and diagnostics show control characters
# and bidi controls as <U+XXXX>, whatever a results document holds
# (ESC[2J, an OSC 8 link, C1 CSI, DEL, U+202E), and cut long cells after
# escaping, never inside an escape.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
. tests/cli/inject-lib.sh
inject_results

# Tables of every command that reads results documents.
for args in "rank" "rank --group-by parent" "gaps" \
	"compare $TMP/esc-self.json" "compare --mode years $TMP/esc-2024.json"; do
	# shellcheck disable=SC2086
	set -- $args
	cmd=$1
	shift
	run_chiso "$cmd" "$@" "$TMP/esc-self.json"
	[ "$rc" -eq 0 ] || { cat "$TMP/err" >&2; fail "$args: exit $rc"; }
	no_ctrl "$TMP/out"
	no_ctrl "$TMP/err"
	cp "$TMP/out" "$TMP/out-$cmd"
done
run_chiso compare "$TMP/esc-self.json" "$TMP/esc-appraised.json"
expect_rc 0
no_ctrl "$TMP/out"
expect_out "<U+001B>[2JX"
expect_out "r<U+001B>[31mred<U+007F>"
run_chiso compare "$TMP/esc-self.json" "$TMP/esc-2024.json"
expect_rc 0
no_ctrl "$TMP/out"
expect_out "inject-test 2<U+001B>[2J"

run_chiso rank "$TMP/esc-self.json"
expect_rc 0
no_ctrl "$TMP/out"
# The code and the OSC 8 link escaped, then cut to 40 columns.
expect_out "  <U+001B>[2JX  "
expect_out "  <U+001B>]8;;http://evil.example/…  "
expect_out "Tên <U+202E>cod.exe"
# A name cut at 40 columns: 38 letters, then the escape does not fit.
expect_out_re "  AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…  "
# The problem of the invalid unit, from the results document.
expect_out "Not ranked: BAD<U+001B>[2JUNIT Invalid: invalid:"
run_chiso rank --group-by parent "$TMP/esc-self.json"
expect_rc 0
no_ctrl "$TMP/out"
expect_out "P<U+009B>31m"

# gaps: the whole name in its heading, with the line break; notes and
# hints.
cp "$TMP/out-gaps" "$TMP/out"
expect_out "<U+001B>[2JX <U+001B>]8;;http://evil.example/<U+0007>click<U+001B>]8;;<U+0007><U+000A># Heading · period 2023 · stage self: 15.0000 / 20"
expect_out "Ch<U+001B>[2Jair"
run_chiso gaps --unit "+1" "$TMP/esc-self.json"
expect_rc 0
no_ctrl "$TMP/out"
expect_out "<U+001B>[5m"
expect_out "<U+009B>5m"

# evaluate's table shows a results document's units re-scored: the
# problems of the invalid one name its code escaped.
run_chiso evaluate tests/cli/data/inject-model.yaml tests/cli/data/inject-self.yaml
expect_rc 1
no_ctrl "$TMP/out"
no_ctrl "$TMP/err"
expect_out "Tên <U+202E>cod.exe (BIDI)"

# Diagnostics on stderr: a code from the command line and a problem from
# the results document.
run_chiso gaps --unit "$(printf 'BAD\033[2JUNIT')" "$TMP/esc-self.json"
expect_rc 2
no_ctrl "$TMP/err"
expect_err "chiso gaps: unit 'BAD<U+001B>[2JUNIT' is invalid (not scored): "
run_chiso gaps --unit "$(printf 'X\033]8;;http://e/\007\342\200\256')" "$TMP/esc-self.json"
expect_rc 2
no_ctrl "$TMP/err"
expect_err "no unit 'X<U+001B>]8;;http://e/<U+0007><U+202E>' in the results"
run_chiso compare -f csv "$TMP/esc-self.json" "$TMP/esc-2024.json"
expect_rc 0
no_ctrl "$TMP/err"
expect_err "2<U+001B>[2J"
run_chiso rank --by "$(printf '\033[2J')" "$TMP/esc-self.json"
expect_rc 2
no_ctrl "$TMP/err"
expect_err "<U+001B>[2J"
run_chiso "$(printf 'x\033[2J')"
expect_rc 2
no_ctrl "$TMP/err"
expect_err "unknown command 'x<U+001B>[2J'"
exit 0
