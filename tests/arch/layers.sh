# layers.sh - the folders of core/ depend one way, top to bottom
# (docs/architecture.md): a file may include the headers of its own folder
# and of the folders below it, never of a folder above it or beside it.
# Includes of core headers name their folder ("model/model.h"), so the
# direction can be read off the #include lines alone.
#
# Also refused: a .c or .h file directly in core/, a folder that is not a
# layer, a bare ("strbuf.h") or relative ("../x.h") include of a core
# header, which would hide the direction.
#
#   sh tests/arch/layers.sh [CORE]   checks CORE (default: core/ beside
#                                    this script's tests/); prints each
#                                    violation as FILE:LINE: reason
# Under make check it checks the source tree, then plants an upward, a
# sideways and a bare include in copies of it and fails unless each is
# caught.
set -u

# The folders, bottom first; folders on one line are siblings: at the same
# level, and independent of each other.
LAYERS='include
util
read
plugin
model
eval
results
publish modeldoc kit
cli'

# check_tree CORE: prints every violation under CORE; returns 1 if any.
check_tree() {
	tree=$1
	# "name folder" of every private header, for bare includes.
	find "$tree" -mindepth 2 -name '*.h' ! -path "$tree/include/*" |
		sed "s#^$tree/##" | awk -F/ '{ print $NF, $1 }' >"$tmp/headers"
	find "$tree" -name '*.[ch]' | LC_ALL=C sort >"$tmp/files"
	# shellcheck disable=SC2046
	LC_ALL=C awk -v layers="$LAYERS" -v core="$tree" '
	BEGIN {
		n = split(layers, lines, "\n")
		for (i = 1; i <= n; i++) {
			k = split(lines[i], names, " ")
			for (j = 1; j <= k; j++)
				level[names[j]] = i
		}
	}
	FILENAME ~ /\/headers$/ { folder_of[$1] = $2; next }
	FNR == 1 {
		rel = substr(FILENAME, length(core) + 2)
		here = rel
		sub(/\/.*/, "", here)
		if (rel !~ /\//) {
			printf "core/%s: a file directly in core/; move it to the folder of its job\n", rel
			bad = 1
		} else if (!(here in level)) {
			printf "core/%s: core/%s/ is not a layer (add it to tests/arch/layers.sh and docs/architecture.md)\n", rel, here
			bad = 1
		}
	}
	/^[ \t]*#[ \t]*include[ \t]*"/ {
		inc = $0
		sub(/^[^"]*"/, "", inc)
		sub(/".*/, "", inc)
		if (inc ~ /(^|\/)\.\.?\//) {
			printf "core/%s:%d: #include \"%s\": name the folder from core/, not a relative path\n", rel, FNR, inc
			bad = 1
			next
		}
		if (inc !~ /\//) {
			if (inc in folder_of) {
				printf "core/%s:%d: #include \"%s\": name its folder: \"%s/%s\"\n", rel, FNR, inc, folder_of[inc], inc
				bad = 1
			}
			next
		}
		there = inc
		sub(/\/.*/, "", there)
		if (!(there in level) || !(here in level) || there == here)
			next
		if (level[there] > level[here]) {
			printf "core/%s:%d: #include \"%s\": %s/ is above %s/; a lower folder never includes a higher one\n", rel, FNR, inc, there, here
			bad = 1
		} else if (level[there] == level[here]) {
			printf "core/%s:%d: #include \"%s\": %s/ and %s/ are siblings and stay independent\n", rel, FNR, inc, there, here
			bad = 1
		}
	}
	END { exit bad }
	' "$tmp/headers" $(cat "$tmp/files")
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/chiso-layers.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
top=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
core=${1:-$top/core}

check_tree "$core" || exit 1
[ -n "${srcdir:-}" ] || exit 0

# plant FILE LINE: copies core/, appends LINE to FILE in the copy, and
# fails unless the check refuses the copy.
plant() {
	rm -rf "$tmp/core"
	cp -R "$core" "$tmp/core"
	echo "$2" >>"$tmp/core/$1"
	if check_tree "$tmp/core" >"$tmp/out"; then
		echo "FAIL: planted '$2' in core/$1 was not caught" >&2
		exit 1
	fi
	grep -q "core/$1:" "$tmp/out" || {
		cat "$tmp/out" >&2
		echo "FAIL: planted '$2': the message does not name core/$1" >&2
		exit 1
	}
}
plant util/strbuf.c '#include "model/model.h"'
plant model/model.h '#include "eval/batch.h"'
plant publish/rank.c '#include "kit/plugin_test.h"'
plant eval/eval.c '#include "strbuf.h"'
plant eval/eval.c '#include "../util/strbuf.h"'
rm -rf "$tmp/core"
cp -R "$core" "$tmp/core"
echo '/* stray */' >"$tmp/core/stray.c"
if check_tree "$tmp/core" >/dev/null; then
	echo "FAIL: a .c file directly in core/ was not caught" >&2
	exit 1
fi
exit 0
