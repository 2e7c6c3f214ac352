# evaluate-json.sh - the results document of the example: exact numbers,
# model hash, plugins, nodes with method/inputs/raw/fraction/note, values
# with evidence.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate --format json criteria/example-district.yaml \
	examples/yen-binh-2022.yaml
expect_rc 0
cp "$TMP/out" "$TMP/raw.json"
# The plugin files' hashes depend on the build (compiler, flags): checked
# below against the files themselves, written as HASH in the expected.
sed -e "s/\"generator\": \"chiso [^\"]*\"/\"generator\": \"chiso VERSION\"/" \
	-e 's/\("abi": "[0-9.]*", "sha256": "\)[0-9a-f]\{64\}"/\1HASH"/' \
	"$TMP/out" >"$TMP/out.norm"
mv "$TMP/out.norm" "$TMP/out"
expect_same tests/cli/expected/yen-binh-2022.json
# Each plugin entry names the SHA-256 of the .so that computed it.
if command -v sha256sum >/dev/null 2>&1; then
	for so in "$PLUGIN_DIR"/*.so; do
		name=$(basename "$so" .so)
		grep -q "\"name\": \"$name\"" "$TMP/raw.json" || continue
		sum=$(sha256sum "$so" | cut -d' ' -f1)
		grep -q "{\"name\": \"$name\", .*\"sha256\": \"$sum\"}" \
			"$TMP/raw.json" ||
			fail "plugin $name: its entry does not record $sum"
	done
fi
# The hash is the model file's SHA-256.
if command -v sha256sum >/dev/null 2>&1; then
	sum=$(sha256sum criteria/example-district.yaml | cut -d' ' -f1)
	expect_out "\"sha256\": \"$sum\""
fi
