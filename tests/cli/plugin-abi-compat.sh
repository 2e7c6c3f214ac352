# plugin-abi-compat.sh - plugins built for older minor ABIs keep loading
# and scoring under this chiso's ABI 1.4: a 1.0 plugin (descriptor of the
# 1.0 size, no hint), a 1.2 plugin (the 1.2 descriptor with a second
# phase; whatever lies after it, here a describe that aborts, is never
# read), and a plugin written in C++ with CHISO_PLUGIN_DEFINE.
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

# ABI 1.2: loads, computes, its finish runs; chiso doc does not call the
# describe beyond its descriptor's size (the plugin would abort).
plugin_dir "$TEST_PLUGIN_DIR/abi_12.so" abi_12
method_model "$TMP/m12.yaml" abi_12 abi-compat-12
run_chiso plugins -P "$TMP/p"
expect_out "abi_12 1.2 (ABI 1.2)"
run_chiso evaluate -P "$TMP/p" "$TMP/m12.yaml" "$TMP/d.yaml"
expect_rc 0
expect_out "1.2 plugin, finish: yes"
expect_out_re "^ +Total +10.0000 / 10  1.0000$"
run_chiso doc --lang en -P "$TMP/p" "$TMP/m12.yaml"
expect_rc 0
expect_out "Method \`abi_12\` (built for ABI 1.2 (tests only)): input = plan\\_issued"

# C++: the entry is exported unmangled, the descriptor is C++20's
# designated initializers, plugin_util.h compiles as C++.
plugin_dir "$TEST_PLUGIN_DIR/cxx_plugin.so" cxx_plugin
method_model "$TMP/mcxx.yaml" cxx_plugin abi-compat-cxx
run_chiso plugins -P "$TMP/p"
expect_out "cxx_plugin 1.0 (ABI 1.4)"
run_chiso evaluate -P "$TMP/p" "$TMP/mcxx.yaml" "$TMP/d.yaml"
expect_rc 0
expect_out "C++ plugin: yes"
expect_out_re "^ +Total +10.0000 / 10  1.0000$"
run_chiso evaluate --isolate -P "$TMP/p" "$TMP/mcxx.yaml" "$TMP/d.yaml"
expect_rc 0
expect_out "C++ plugin: yes"
run_chiso doc --lang en -P "$TMP/p" "$TMP/mcxx.yaml"
expect_out "Full points when yes (C++)"
