# cycles.sh - no two modules of core/ need each other: a .c file that
# calls a function of another never has that other call back into it,
# directly or round a longer circle (docs/architecture.md). layers.sh
# reads the direction between folders off the #include lines; this reads
# the links between modules, within a folder too, off the built objects
# (nm: which object defines a symbol that another uses), and tsort finds
# any circle.
#
#   sh tests/arch/cycles.sh [BUILDDIR]   prints each circle; exit 1 if any
# Under make check it also adds a planted back edge (outcomes.c calling
# into eval.c, a circle that once existed) and fails unless it is caught.
set -u
top=${builddir:-${1:-.}}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/chiso-cycles.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# The core library's objects, one per module (libtool's PIC copies in
# .libs/ when there are any).
find "$top/core" -name 'libchiso_la-*.o' | LC_ALL=C sort >"$tmp/all"
if grep -q '/\.libs/' "$tmp/all"; then
	grep '/\.libs/' "$tmp/all" >"$tmp/objs"
else
	cp "$tmp/all" "$tmp/objs"
fi
if [ ! -s "$tmp/objs" ]; then
	echo "no objects of the core library under $top/core: build first" >&2
	exit 99
fi

# "module symbol D|U" for every defined or undefined global symbol.
while read -r o; do
	m=$(basename "$o" .o)
	m=${m#libchiso_la-}
	nm "$o" | awk -v m="$m" '
		NF == 3 && $2 ~ /^[TDBRC]$/ { print m, $3, "D" }
		NF == 2 && $1 == "U" { print m, $2, "U" }'
done <"$tmp/objs" >"$tmp/syms"

# "user definer symbol" for each use of another module's symbol.
awk '$3 == "D" { def[$2] = $1; next }
     { use[NR] = $1 " " $2 }
     END {
	for (i in use) {
		split(use[i], p, " ")
		if ((p[2] in def) && def[p[2]] != p[1])
			print p[1], def[p[2]], p[2]
	}
     }' "$tmp/syms" | LC_ALL=C sort -u >"$tmp/edges"

# loops EDGES: prints the circles in EDGES ("user definer symbol" lines),
# with the symbols between their modules; returns 1 if there is one.
loops() {
	awk '{ print $2, $1 }' "$1" | LC_ALL=C sort -u >"$tmp/pairs"
	if tsort "$tmp/pairs" >/dev/null 2>"$tmp/tsort"; then
		return 0
	fi
	sed -n 's/^tsort: //p' "$tmp/tsort" | grep -v 'input contains a loop' |
		LC_ALL=C sort -u >"$tmp/members"
	echo "modules of core/ that need each other (a circle):"
	while read -r m; do
		awk -v m="$m" -v list="$(tr '\n' ' ' <"$tmp/members")" '
			BEGIN { n = split(list, a, " "); for (i = 1; i <= n; i++) in_loop[a[i]] = 1 }
			$1 == m && ($2 in in_loop) { printf "  %s.c uses %s of %s.c\n", $1, $3, $2 }' "$1"
	done <"$tmp/members"
	return 1
}

loops "$tmp/edges" || exit 1
[ -n "${builddir:-}" ] || exit 0

# The self-test: a planted back edge must be caught.
cp "$tmp/edges" "$tmp/planted"
echo "outcomes eval eval_planted_back_edge" >>"$tmp/planted"
if loops "$tmp/planted" >"$tmp/out"; then
	echo "FAIL: a planted circle (outcomes.c -> eval.c) was not caught" >&2
	exit 1
fi
grep -q 'outcomes.c uses eval_planted_back_edge of eval.c' "$tmp/out" || {
	cat "$tmp/out" >&2
	echo "FAIL: the planted circle is not named" >&2
	exit 1
}
exit 0
