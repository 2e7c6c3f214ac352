# man-pages.sh - the manual pages (issue 11): docs/chiso.1 (English) and
# docs/vi/chiso.1 (Vietnamese, installed as $(mandir)/vi/man1/chiso.1)
# format without a warning under groff -man -ww (skipped without groff),
# and each names, as an item of its list of commands, every command that
# "chiso --help" lists.
. "$srcdir/tests/lib.sh"
set -e
pages="$srcdir/docs/chiso.1 $srcdir/docs/vi/chiso.1"

# The commands of "chiso --help": the first word of each line of its
# "Commands:" list.
run_chiso --help
expect_rc 0
sed -n '/^Commands:/,/^$/p' "$TMP/out" |
	sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' >"$TMP/commands"
[ "$(wc -l <"$TMP/commands")" -ge 17 ] ||
	fail "chiso --help lists only $(wc -l <"$TMP/commands") commands"

for page in $pages; do
	[ -f "$page" ] || fail "$page is missing"
	# The first word of the line after each .TP, its font macro,
	# quotes and escapes removed.
	awk 'prev == ".TP" || prev == ".TQ" { print } { prev = $0 }' "$page" |
		sed -e 's/^\.[A-Z]* *//' -e 's/"//g' -e 's/\\-/-/g' \
			-e 's/\\f[RIBP]//g' |
		awk '{ print $1 }' | sort -u >"$TMP/items"
	while read -r c; do
		grep -q -x -F -- "$c" "$TMP/items" ||
			fail "$page has no item for the command '$c'"
	done <"$TMP/commands"
done

if ! command -v groff >/dev/null 2>&1 || ! command -v preconv >/dev/null 2>&1
then
	echo "SKIP: no groff (apt-get install groff) to check the pages' markup"
	exit 77
fi
for page in $pages; do
	preconv "$page" | groff -man -Tutf8 -ww -z 2>"$TMP/warn" ||
		fail "groff failed on $page"
	if [ -s "$TMP/warn" ]; then
		cat "$TMP/warn" >&2
		fail "groff warns about $page"
	fi
done
# The Vietnamese page is in Vietnamese: its section headings.
for h in "TÊN" "MÔ TẢ" "CÁC LỆNH" "TÙY CHỌN" "MÃ THOÁT"; do
	grep -q -x -F ".SH $h" "$srcdir/docs/vi/chiso.1" ||
		fail "docs/vi/chiso.1 has no section $h"
done
echo "PASS"
