#!/bin/sh
# out-of-tree.sh - CI step: a plugin builds against an INSTALLED chiso
# with pkg-config alone, and that chiso evaluates a model using it.
#
#   sh tests/ci/out-of-tree.sh [SRCDIR]
#
# 1. Copies the source tree (the files git knows, tracked or new, not
#    ignored; without git, every file, then "make distclean") into a
#    temporary directory, so that the tree's own build is left alone.
# 2. There: autogen.sh when needed, ./configure --prefix=TMP/first and
#    the plugin loader's object built, then ./configure --prefix=TMP/stage,
#    make, make install: the installed chiso searches TMP/stage's plugin
#    directory and finds the built-in methods (a tree configured again
#    for another prefix once kept the old directory).
# 3. Copies examples/plugins/per100 OUTSIDE any source tree and builds it
#    with its Makefile, pkg-config finding chiso.pc in the stage alone;
#    checks that the compile line's only -I is the staged include
#    directory and that the <chiso/plugin.h> read is the staged one.
# 4. With the staged chiso: "plugin check", "plugin test" on the
#    example's cases (make check), "evaluate -P" of the example model and
#    the expected totals; then "make install" of the plugin into
#    $(pkg-config --variable=pluginsdir chiso) and the same evaluation
#    without -P.
#
# Prints "PASS: ..." and exits 0, or "FAIL: ..." with the log's tail and
# exits 1. KEEP=1 keeps the temporary directory; JOBS sets make -j.
set -u
umask 022

here=$(cd "$(dirname "$0")/../.." && pwd)
src=$(cd "${1:-$here}" && pwd)
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
start=$(date +%s)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/chiso-oot.XXXXXX") || exit 1
chmod 755 "$tmp"
stage=$tmp/stage
ex=$tmp/plugin/per100
log=$tmp/log
: >"$log"
if [ "${KEEP:-0}" = 1 ]; then
	echo "keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi
unset CHISO_PLUGIN_PATH

step() {
	echo "== $*"
}

die() {
	echo "--- last lines of the log ($log)"
	tail -n 40 "$log"
	echo "FAIL: out-of-tree plugin build: $*"
	exit 1
}

# run CMD...: runs a command with its output in the log.
run() {
	echo "\$ $*" >>"$log"
	"$@" >>"$log" 2>&1
}

# expect_line FILE REGEX WHAT: some line of FILE matches REGEX.
expect_line() {
	grep -E -q -- "$2" "$1" || {
		cat "$1" >>"$log"
		die "$3"
	}
}

# --- 1. a private copy of the source tree --------------------------------
step "copying the source tree $src"
mkdir "$tmp/src"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$src" && git ls-files -z --cached --others --exclude-standard |
		tar --null --ignore-failed-read -T - -cf -) |
		tar -C "$tmp/src" -xf - 2>>"$log" || die "cannot copy $src"
else
	tar -C "$src" --exclude=.git -cf - . | tar -C "$tmp/src" -xf - ||
		die "cannot copy $src"
	if [ -f "$tmp/src/config.status" ]; then
		(cd "$tmp/src" && run make distclean) ||
			die "make distclean failed in the copy"
	fi
fi

# --- 2. configure, build and install into the stage ------------------------
step "building chiso with --prefix=$stage"
cd "$tmp/src" || die "no copy"
if [ ! -x configure ]; then
	run ./autogen.sh || die "./autogen.sh failed"
fi
# First as someone who built once for the default prefix (the plugin
# loader's object is what knows the directory), then configured again:
# the installed chiso must search the directory it is installed for.
run ./configure --prefix="$tmp/first" || die "./configure failed"
run make core/plugin/libchiso_la-plugin_loader.lo ||
	die "make of the plugin loader failed"
run ./configure --prefix="$stage" || die "./configure failed"
run make -j"$jobs" || die "make failed"
run make install || die "make install failed"
[ -x "$stage/bin/chiso" ] || die "no $stage/bin/chiso after make install"
"$stage/bin/chiso" plugins >"$tmp/plugins.out" 2>&1
cat "$tmp/plugins.out" >>"$log"
expect_line "$tmp/plugins.out" "^  $stage/lib/chiso/plugins\$" \
	"the installed chiso does not search $stage/lib/chiso/plugins (built once for another prefix)"
expect_line "$tmp/plugins.out" '^ratio [0-9]' \
	"the installed chiso finds no built-in plugin (built once for another prefix)"
# The plugin directory holds plugins only (no libtool .la files), and the
# guide, the API reference and the guide's example are installed.
if ls "$stage/lib/chiso/plugins/"*.la >/dev/null 2>&1; then
	die ".la files were installed in $stage/lib/chiso/plugins"
fi
for f in plugin-guide.md plugin-api.md commands.md model-format.md \
	results-format.md examples/per100/per100.c examples/per100/Makefile; do
	[ -f "$stage/share/doc/chiso/$f" ] ||
		die "$stage/share/doc/chiso/$f is not installed"
done
[ -f "$stage/include/chiso/plugin.h" ] || die "<chiso/plugin.h> not installed"
[ -f "$stage/include/chiso/plugin_util.h" ] ||
	die "<chiso/plugin_util.h> not installed"
cd "$tmp" || die "no $tmp"

# pkg-config finds chiso in the stage only.
PKG_CONFIG_PATH=$(dirname "$(find "$stage" -name chiso.pc | head -n 1)")
export PKG_CONFIG_PATH
pkg-config --exists chiso || die "pkg-config finds no chiso.pc in $stage"
[ "$(pkg-config --variable=prefix chiso)" = "$stage" ] ||
	die "pkg-config's chiso is not the staged one"
chiso=$stage/bin/chiso
PATH=$stage/bin:$PATH
export PATH

# --- 3. the example plugin, outside the source tree ----------------------
step "building examples/plugins/per100 with pkg-config alone"
mkdir -p "$ex"
chmod 755 "$tmp/plugin" "$ex"
cp "$src/examples/plugins/per100/"* "$ex/" || die "no example to copy"
make -C "$ex" >"$tmp/build.out" 2>&1
rc=$?
cat "$tmp/build.out" >>"$log"
[ "$rc" -eq 0 ] || die "make in the example failed"
[ -f "$ex/per100.so" ] || die "no per100.so"
incs=$(grep -o -- '-I *[^ ]*' "$tmp/build.out" | sed 's/^-I *//' | sort -u)
[ -n "$incs" ] || die "no -I on the compile line"
for i in $incs; do
	case $i in
	"$stage"/*) ;;
	*) die "the compile line has -I$i, not only the staged include dir" ;;
	esac
done
if grep -F -q -- "$src" "$tmp/build.out"; then
	die "the example's build names the source tree $src"
fi
# The header the compiler reads is the staged one, not a system copy.
# shellcheck disable=SC2046
hdr=$(${CC:-cc} $(pkg-config --cflags chiso) -M "$ex/per100.c" |
	tr ' ' '\n' | grep 'chiso/plugin\.h$')
[ "$hdr" = "$stage/include/chiso/plugin.h" ] ||
	die "the compiler read $hdr, not $stage/include/chiso/plugin.h"

# --- 4. the staged chiso uses it -----------------------------------------
step "chiso plugin check and test (make check)"
"$chiso" plugin check "$ex/per100.so" >"$tmp/check.out" 2>&1 ||
	die "chiso plugin check refused per100.so: $(cat "$tmp/check.out")"
expect_line "$tmp/check.out" '^  name         per100$' "plugin check shows no name"
ncases=$(grep -c '^  - name:' "$ex/per100.cases.yaml")
make -C "$ex" check CHISO="$chiso" >"$tmp/test.out" 2>&1 ||
	die "make check (chiso plugin test) failed: $(grep FAIL "$tmp/test.out")"
expect_line "$tmp/test.out" "^$ncases passed, 0 failed$" \
	"chiso plugin test did not pass all $ncases cases"

step "chiso evaluate -P with the example model"
"$chiso" evaluate -P "$ex" "$ex/per100-model.yaml" "$ex/per100-data.yaml" \
	>"$tmp/eval.out" 2>&1 || die "chiso evaluate -P failed"
expect_line "$tmp/eval.out" '^ +Total +10\.0000 / 10  1\.0000$' \
	"X01's total is not 10.0000 / 10"
expect_line "$tmp/eval.out" '^ +Total +6\.4167 / 10  0\.6417$' \
	"X02's total is not 6.4167 / 10"
expect_line "$tmp/eval.out" '60 per 4800 inhabitants = 1\.25 per 100' \
	"the note of X02's indicator 1.1 is missing"

step "make install into \$(pkg-config --variable=pluginsdir chiso)"
make -C "$ex" install >>"$log" 2>&1 || die "make install of the plugin failed"
[ -f "$(pkg-config --variable=pluginsdir chiso)/per100.so" ] ||
	die "per100.so is not in the pluginsdir"
"$chiso" evaluate "$ex/per100-model.yaml" "$ex/per100-data.yaml" \
	>"$tmp/eval2.out" 2>&1 || die "chiso evaluate from the pluginsdir failed"
cmp -s "$tmp/eval.out" "$tmp/eval2.out" ||
	die "evaluating from the pluginsdir differs from -P"
"$chiso" plugins >"$tmp/plugins.out" 2>&1 || die "chiso plugins refused one"
expect_line "$tmp/plugins.out" '^per100 1\.0 ' "chiso plugins does not list per100"

echo "PASS: out-of-tree plugin build: per100 built with pkg-config alone" \
	"against $stage, $ncases cases passed, model evaluated" \
	"($(($(date +%s) - start)) s)"
exit 0
