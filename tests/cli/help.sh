# help.sh - every command teaches with --help (exit 0); usage errors and
# unknown commands exit 2 with a hint.
. "$srcdir/tests/lib.sh"
run_chiso --help
expect_rc 0
expect_out "Usage: chiso COMMAND"
for c in evaluate validate template plugins rank report compare gaps \
	appraise verify \
	merge doc diff sensitivity; do
	run_chiso "$c" --help
	expect_rc 0
	expect_out "Usage: chiso $c"
	run_chiso help "$c"
	expect_rc 0
	expect_out "Usage: chiso $c"
done
run_chiso --version
expect_rc 0
expect_out "plugin ABI 1.4"
run_chiso
expect_rc 2
run_chiso frobnicate
expect_rc 2
expect_err "unknown command 'frobnicate'"
run_chiso evaluate criteria/example-district.yaml
expect_rc 2
expect_err "give a MODEL and at least one DATA file"
expect_err "chiso evaluate --help"
run_chiso evaluate --format xml a b
expect_rc 2
expect_err "unknown format 'xml'"
run_chiso validate --bogus x
expect_rc 2
run_chiso validate
expect_rc 2
