# evaluate-table.sh - the README's first run: the example model on Yên
# Bình's data prints the expected table (tree, points to 4 decimals,
# Vietnamese names aligned) and exits 0.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate criteria/example-district.yaml examples/yen-binh-2022.yaml
expect_rc 0
expect_same tests/cli/expected/yen-binh-2022.table
