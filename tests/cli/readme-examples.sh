# readme-examples.sh - the outputs shown in README.md are real: every
# line of each example block (but "...") is a line chiso prints for the
# command above it. Fails when the README falls out of date.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

# check_block CMD...: runs chiso, then checks the lines in $TMP/want.
check_block() {
	run_chiso "$@"
	sed -e "s|$TMP|/tmp|g" "$TMP/out" >"$TMP/got"
	while IFS= read -r line; do
		[ "$line" = "..." ] && continue
		grep -Fxq -- "$line" "$TMP/got" || {
			echo "--- chiso $*" >&2
			cat "$TMP/got" >&2
			fail "README line not in the output: $line"
		}
	done <"$TMP/want"
}

# The first-run example: the lines of "What you see".
awk '/^## What you see/ { on = 1; next }
     on && /^```$/ { if (inblock) exit; inblock = 1; next }
     on && inblock { print }' README.md >"$TMP/want"
[ -s "$TMP/want" ] || fail "no 'What you see' block in README.md"
check_block evaluate criteria/example-district.yaml examples/yen-binh-2022.yaml

# The walkthrough's results, then each "$ ./chiso ..." block.
for f in 2022 2023-self 2023-appraised; do
	run_chiso evaluate -f json -o "$TMP/r$f.json" \
		criteria/example-district.yaml "examples/yen-bai-districts-$f.yaml"
	expect_rc 0
done
n=0
grep -n '^\$ \./chiso ' README.md | while IFS= read -r hit; do
	lineno=${hit%%:*}
	cmd=${hit#*:\$ ./chiso }
	awk -v from="$lineno" 'NR > from && /^```$/ { exit } NR > from { print }' \
		README.md >"$TMP/want"
	# shellcheck disable=SC2086
	set -- $(echo "$cmd" | sed "s|/tmp/|$TMP/|g")
	case "$1" in
	report) continue ;; # writes a file; shown without output
	esac
	check_block "$@"
	n=$((n + 1))
	echo "checked: chiso $cmd"
done
