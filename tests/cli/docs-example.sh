# docs-example.sh - the worked example in docs/model-format.md is real:
# the output shown there after "$ chiso evaluate docs/examples/..." is
# exactly what chiso prints. Fails when the docs fall out of date.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
awk '
	/^\$ chiso evaluate docs\/examples\/commune-model.yaml/ { on = 1; next }
	on && (/^```/ || /^\$ /) { exit }
	on { print }
' docs/model-format.md >"$TMP/expected"
[ -s "$TMP/expected" ] || fail "no example output found in docs/model-format.md"
run_chiso evaluate docs/examples/commune-model.yaml docs/examples/commune-data.yaml
expect_rc 0
expect_same "$TMP/expected"
