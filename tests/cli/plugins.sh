# plugins.sh - "chiso plugins" finds the build tree's ten built-in
# methods without make install; each .so exports exactly one symbol.
. "$srcdir/tests/lib.sh"
run_chiso plugins
expect_rc 0
for m in bands boolean choice fraction parts points ratio target; do
	expect_out "$m 1.1 (ABI 1.4)"
done
expect_out "relative 1.0 (ABI 1.4)"
expect_out "children 1.0 (ABI 1.4)"
expect_out "10 plugins loaded, 0 refused"
expect_out "params:"
command -v nm >/dev/null 2>&1 || exit 77
for so in "$PLUGIN_DIR"/*.so; do
	syms=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDBR]$/ {print $3}')
	[ "$syms" = "chiso_plugin_entry" ] ||
		fail "$so exports: $syms"
done
