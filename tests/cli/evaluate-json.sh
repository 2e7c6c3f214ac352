# evaluate-json.sh - the results document of the example: exact numbers,
# model hash, plugins, nodes with method/inputs/raw/fraction/note, values
# with evidence.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate --format json criteria/example-district.yaml \
	examples/yen-binh-2022.yaml
expect_rc 0
sed -e "s/\"generator\": \"chiso [^\"]*\"/\"generator\": \"chiso VERSION\"/" \
	"$TMP/out" >"$TMP/out.norm"
mv "$TMP/out.norm" "$TMP/out"
expect_same tests/cli/expected/yen-binh-2022.json
# The hash is the model file's SHA-256.
if command -v sha256sum >/dev/null 2>&1; then
	sum=$(sha256sum criteria/example-district.yaml | cut -d' ' -f1)
	expect_out "\"sha256\": \"$sum\""
fi
