# plugin-kit.sh - "chiso plugin check": a built-in plugin passes every
# loader check and its descriptor is printed; the faulty test plugins
# (another ABI major or a newer minor, bad magic, no entry symbol) and
# untrusted or misnamed files are refused with exit 2 and the reason;
# "chiso plugin --help" teaches both subcommands; usage errors exit 2.
. "$srcdir/tests/lib.sh"
set -e

# The ABI this chiso speaks, e.g. "1.1".
abi=$("$CHISO" --version | sed -n 's/.*plugin ABI \([0-9]*\.[0-9]*\).*/\1/p')
[ -n "$abi" ] || fail "chiso --version names no plugin ABI"

run_chiso plugin --help
expect_rc 0
expect_out "Usage: chiso plugin check FILE.so"
expect_out "chiso plugin test [-v] FILE.so CASES.yaml"
expect_out "CASES.yaml (unknown keys are errors):"
expect_out "expect: { prepare_error: \"missing required param\" }"
expect_out "Examples:"
run_chiso help plugin
expect_rc 0
expect_out "Usage: chiso plugin check FILE.so"
run_chiso plugin check --help
expect_rc 0
expect_out "Subcommands:"

# A built-in plugin: every check passes, the descriptor is shown.
run_chiso plugin check "$PLUGIN_DIR/ratio.so"
expect_rc 0
expect_out "$PLUGIN_DIR/ratio.so: ok: chiso loads this plugin"
expect_out "  name         ratio"
expect_out_re "^  version      [0-9]+\.[0-9]+$"
expect_out_re "^  ABI          [0-9]+\.[0-9]+ \(this chiso: $abi\)$"
expect_out_re "^  struct size  [0-9]+ bytes \(ABI 1\.0 layout: [0-9]+\)$"
expect_out "  summary      ratio of two numeric inputs against a target"
expect_out "  required     prepare, compute"
expect_out_re "^  optional     release: yes, finish: no, describe: no$"
expect_out "  params:"
expect_out "    numerator: numeric input id, the count on top"
expect_out "    zero_denominator: na, zero or full"

# A bare file name is looked for in the current directory.
plugin_dir "$PLUGIN_DIR/boolean.so" boolean
(cd "$TMP/p" && "$CHISO" plugin check boolean.so) >"$TMP/out" 2>"$TMP/err" ||
	fail "chiso plugin check boolean.so failed: $(cat "$TMP/err")"
expect_out "./boolean.so: ok: chiso loads this plugin"

# The faulty test plugins, each in a 0755 directory under its own name.
check_refused() { # NAME TEXT: the plugin NAME is refused with TEXT
	so="$TEST_PLUGIN_DIR/$1.so"
	[ -f "$so" ] || fail "$so is not built (make check builds it)"
	plugin_dir "$so" "$1"
	run_chiso plugin check "$TMP/p/$1.so"
	expect_rc 2
	expect_err "$TMP/p/$1.so: refused: $2"
	[ ! -s "$TMP/out" ] || fail "$1: a refused plugin printed a descriptor"
}
check_refused abi_major "built for plugin ABI 2.0, this chiso speaks ABI $abi; rebuild the plugin against this chiso's <chiso/plugin.h>"
check_refused abi_minor "built for plugin ABI 1.99, newer than this chiso's $abi; upgrade chiso"
check_refused bad_magic "bad magic 0x"
check_refused no_entry "no chiso_plugin_entry symbol: not a chiso plugin (define it with CHISO_PLUGIN_DEFINE)"

# Trust: a group-writable copy of a genuine plugin is refused.
plugin_dir "$PLUGIN_DIR/ratio.so" ratio
chmod 664 "$TMP/p/ratio.so"
run_chiso plugin check "$TMP/p/ratio.so"
expect_rc 2
expect_err "$TMP/p/ratio.so: refused: the file is group- or world-writable (mode 0664); fix with: chmod go-w $TMP/p/ratio.so"
chmod 644 "$TMP/p/ratio.so"

# ... so is one in a world-writable directory, and a symbolic link.
chmod 777 "$TMP/p"
run_chiso plugin check "$TMP/p/ratio.so"
expect_rc 2
expect_err "refused: its directory is group- or world-writable (mode 0777); fix with: chmod go-w $TMP/p"
chmod 755 "$TMP/p"
ln -s "$TMP/p/ratio.so" "$TMP/p/link.so"
run_chiso plugin check "$TMP/p/link.so"
expect_rc 2
expect_err "$TMP/p/link.so: refused: the plugin is a symbolic link; install the file itself"

# The name must be the file's: chiso finds method NAME as NAME.so.
cp "$PLUGIN_DIR/ratio.so" "$TMP/p/rate.so"
chmod 644 "$TMP/p/rate.so"
run_chiso plugin check "$TMP/p/rate.so"
expect_rc 2
expect_err "$TMP/p/rate.so: refused: the descriptor names method 'ratio'; the file must be called ratio.so"
cp "$PLUGIN_DIR/ratio.so" "$TMP/p/ratio.plugin"
chmod 644 "$TMP/p/ratio.plugin"
run_chiso plugin check "$TMP/p/ratio.plugin"
expect_rc 2
expect_err "$TMP/p/ratio.plugin: refused: chiso finds the plugin of method 'ratio' as ratio.so; rename the file"
run_chiso plugin check "$TMP/p/nowhere.so"
expect_rc 2
expect_err "$TMP/p/nowhere.so: No such file or directory"

# "plugin test" refuses a refused plugin before running any case.
printf 'inputs: {}\ncases: [{name: a, expect: {}}]\n' >"$TMP/c.yaml"
run_chiso plugin test "$TMP/p/abi_major.so" "$TMP/c.yaml"
expect_rc 2
expect_err "$TMP/p/abi_major.so: refused: built for plugin ABI 2.0"

# Usage errors.
run_chiso plugin
expect_rc 2
expect_err "chiso plugin: give a subcommand: check or test"
expect_err "Run 'chiso plugin --help' for usage."
run_chiso plugin frob
expect_rc 2
expect_err "unknown subcommand 'frob'; use check or test"
run_chiso plugin check
expect_rc 2
expect_err "check takes one FILE.so"
run_chiso plugin check a.so b.so
expect_rc 2
expect_err "check takes one FILE.so"
run_chiso plugin check -v "$PLUGIN_DIR/ratio.so"
expect_rc 2
expect_err "bad option"
run_chiso plugin test --bogus a.so c.yaml
expect_rc 2
expect_err "bad option"

# docs/plugin-guide.md shows the example's files whole: the code blocks
# marked "<!-- file: PATH -->", joined, are exactly those files.
guide="$srcdir/docs/plugin-guide.md"
for f in per100.c Makefile per100-model.yaml per100-data.yaml \
	per100.cases.yaml; do
	path=examples/plugins/per100/$f
	awk -v want="$path" '
		$0 == "<!-- file: " want " -->" { armed = 1; next }
		armed && /^```/ && !on { on = 1; next }
		on && /^```$/ { on = 0; armed = 0; next }
		on { print }
	' "$guide" >"$TMP/guide-$f"
	[ -s "$TMP/guide-$f" ] || fail "docs/plugin-guide.md shows no $path"
	diff -u "$srcdir/$path" "$TMP/guide-$f" >&2 ||
		fail "docs/plugin-guide.md's $path differs from the file"
done
exit 0
