# group-writable.sh - a plugin file others may write is refused, even
# a genuine one: the message names the file, the mode and the fix. chiso
# checks the mode bits, so this holds for root too. Every reason of one
# plugin is given at once (directories on the way, its own directory,
# the file); "chiso plugins" names a search directory that does not
# exist.
. "$srcdir/tests/lib.sh"
set -e

mkdir "$TMP/p"
chmod 755 "$TMP/p"
cp "$PLUGIN_DIR/ratio.so" "$TMP/p/ratio.so"
chmod 664 "$TMP/p/ratio.so"
cat >"$TMP/model.yaml" <<'YAML'
model:
  id: group-writable
  version: "1"
  title: "ratio from a group-writable file"
inputs:
  officials_total: { type: integer, min: 0 }
  officials_with_pc: { type: integer, min: 0, max: officials_total }
indices:
  - id: "1"
    name: "Computers"
    points: 10
    method: ratio
    params: { numerator: officials_with_pc, denominator: officials_total }
YAML

run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "model.yaml:12:13: indicator 1: $TMP/p/ratio.so: refused: the file is group- or world-writable (mode 0664); fix with: chmod go-w $TMP/p/ratio.so"

# The same file world-writable (and not group-writable) is refused too.
chmod 646 "$TMP/p/ratio.so"
run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 2
expect_err "$TMP/p/ratio.so: refused: the file is group- or world-writable (mode 0646)"

# Every reason at once: a group-writable directory on the way, the
# plugin's own directory and the file itself, in one message.
mkdir -p "$TMP/gw/q"
chmod 775 "$TMP/gw"
chmod 775 "$TMP/gw/q"
cp "$PLUGIN_DIR/ratio.so" "$TMP/gw/q/ratio.so"
chmod 664 "$TMP/gw/q/ratio.so"
run_chiso validate -P "$TMP/gw/q" "$TMP/model.yaml"
expect_rc 2
expect_err "$TMP/gw/q/ratio.so: refused: directory $TMP/gw is group- or world-writable (mode 0775), so others could replace q; fix with: chmod go-w $TMP/gw; also its directory is group- or world-writable (mode 0775); fix with: chmod go-w $TMP/gw/q; also the file is group- or world-writable (mode 0664); fix with: chmod go-w $TMP/gw/q/ratio.so"

# chiso plugins names a search directory that does not exist.
run_chiso plugins -P "$TMP/nowhere"
expect_out "  $TMP/nowhere (does not exist: No such file or directory)"

# Fixed as the message says, the model validates.
chmod go-w "$TMP/p/ratio.so"
run_chiso validate -P "$TMP/p" "$TMP/model.yaml"
expect_rc 0
expect_out "model.yaml: ok: group-writable 1"
exit 0
