# usage.sh - usage errors exit 2 with a message and a pointer to --help.
. "$srcdir/tests/lib.sh"
set -e

model="$srcdir/tests/bad/data-model.yaml"

run_chiso evaluate "$model"
expect_rc 2
expect_err "chiso evaluate: give a MODEL and at least one DATA file"
expect_err "Run 'chiso evaluate --help' for usage."

run_chiso evaluate -f xml "$model" "$srcdir/tests/bad/data/mixed-units.yaml"
expect_rc 2
expect_err "chiso evaluate: unknown format 'xml': use table, json, csv or xlsx"

run_chiso validate
expect_rc 2
expect_err "chiso validate: give at least one MODEL"

run_chiso plugins extra
expect_rc 2
expect_err "chiso plugins: unexpected argument 'extra'"

run_chiso validate "$TMP/absent.yaml"
expect_rc 2
expect_err "$TMP/absent.yaml: cannot open: No such file or directory"

run_chiso validate "$TMP"
expect_rc 2
expect_err "$TMP: is a directory, not a file"

run_chiso frobnicate
expect_rc 2
expect_err "frobnicate"
exit 0
