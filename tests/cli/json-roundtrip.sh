# json-roundtrip.sh - a results document is valid input to evaluate:
# re-scoring it under the same model gives the same table, and writing
# it again gives the same document.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/r1.json" criteria/example-district.yaml \
	examples/yen-binh-2022.yaml
expect_rc 0
[ -s "$TMP/r1.json" ] || fail "-o wrote nothing"
run_chiso evaluate criteria/example-district.yaml "$TMP/r1.json"
expect_rc 0
expect_same tests/cli/expected/yen-binh-2022.table
run_chiso evaluate -f json -o "$TMP/r2.json" criteria/example-district.yaml \
	"$TMP/r1.json"
expect_rc 0
cmp "$TMP/r1.json" "$TMP/r2.json" || fail "round trip changed the document"
