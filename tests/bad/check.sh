# check.sh - runs one malformed-input case: FILE with FILE.expect beside it.
# The .expect file holds lines "exit: N" and "stderr: TEXT" (TEXT must
# appear in stderr, any number of such lines). Files under tests/bad/model
# are checked with "chiso validate FILE"; files under tests/bad/data with
# "chiso evaluate tests/bad/data-model.yaml FILE"; results documents that
# do not add up, under tests/bad/results, with "chiso rank FILE" (and
# every other command that reads results in tests/cli/results-lies.sh);
# criteria tables, under tests/bad/criteria, with "chiso import-criteria";
# appraisal files, under tests/bad/appraisal, with "chiso appraise" of
# tests/bad/appraisal-self.yaml evaluated under tests/bad/data-model.yaml.
# Run by make check.
set -u
case_file=$1
. "$srcdir/tests/lib.sh"
expect_file="$case_file.expect"
[ -f "$expect_file" ] || fail "missing $expect_file"

case "$case_file" in
*/bad/model/*) run_chiso validate "$case_file" ;;
*/bad/data/*) run_chiso evaluate -f json -o "$TMP/results.json" \
	"$srcdir/tests/bad/data-model.yaml" "$case_file" ;;
*/bad/results/*) run_chiso rank "$case_file" ;;
*/bad/appraisal/*)
	run_chiso evaluate -f json -o "$TMP/self.json" \
		"$srcdir/tests/bad/data-model.yaml" \
		"$srcdir/tests/bad/appraisal-self.yaml"
	expect_rc 0
	run_chiso appraise -o "$TMP/results.json" \
		"$srcdir/tests/bad/data-model.yaml" "$TMP/self.json" \
		"$case_file" ;;
*/bad/criteria/*) run_chiso import-criteria -o "$TMP/results.json" \
	"$case_file" ;;
*) fail "no rule for $case_file" ;;
esac

want_exit=$(sed -n 's/^exit: *//p' "$expect_file")
[ -n "$want_exit" ] || fail "$expect_file has no 'exit:' line"
expect_rc "$want_exit"
n=0
while IFS= read -r line; do
	case "$line" in
	stderr:*)
		expect_err "${line#stderr: }"
		n=$((n + 1))
		;;
	esac
done <"$expect_file"
[ "$n" -gt 0 ] || fail "$expect_file has no 'stderr:' line"
# Exit 2 means nothing may be written.
if [ "$want_exit" -eq 2 ] && [ -e "$TMP/results.json" ]; then
	fail "exit 2 but an output file was written"
fi
exit 0
