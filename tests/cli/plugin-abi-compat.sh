# plugin-abi-compat.sh - a plugin built for plugin ABI 1.0 (descriptor of
# the 1.0 size, no hint) keeps loading and scoring under this chiso's
# newer minor ABI.
. "$srcdir/tests/lib.sh"
plugin_dir "$TEST_PLUGIN_DIR/abi_old.so" abi_old
method_model "$TMP/model.yaml" abi_old abi-compat
printf 'unit: { code: "U" }\nvalues: { plan_issued: true }\n' >"$TMP/d.yaml"
run_chiso plugins -P "$TMP/p"
expect_out "abi_old 1.0 (ABI 1.0)"
run_chiso evaluate -P "$TMP/p" "$TMP/model.yaml" "$TMP/d.yaml"
expect_rc 0
expect_out "1.0 plugin: yes"
expect_out_re "^ +Total +10.0000 / 10  1.0000$"
