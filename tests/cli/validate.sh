# validate.sh - every bundled model validates; the summary names the
# model, its size and its hash.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
for m in criteria/*.yaml; do
	run_chiso validate "$m"
	expect_rc 0
	expect_out "$m: ok:"
done
run_chiso validate criteria/example-district.yaml
expect_out "vn-district-example 2023, 23 inputs, 5 index nodes, 16 indicators, 100 points, sha256 "
run_chiso validate -q criteria/example-district.yaml
expect_rc 0
[ ! -s "$TMP/out" ] || fail "-q printed something"
