# read-stream.sh - files are checked as they are read: a NUL byte, a byte
# that is not UTF-8 or the size limit is reported as soon as the read
# reaches it, with its place, so that a stream that never ends (a FIFO,
# a pipe, /dev/zero) is refused at once instead of being buffered up to
# the size limit (16 MiB for a model, 1 GiB for a data file). The
# writers below never stop: before these checks, each case ended at the
# size limit with "file too large" instead of the message expected.
. "$srcdir/tests/lib.sh"
command -v mkfifo >/dev/null 2>&1 || exit 77
set -e
model="$srcdir/criteria/example-district.yaml"
bad_model="$srcdir/tests/bad/data-model.yaml"

# --- /dev/zero as a model and as a data file: its first byte is a NUL ----
run_chiso validate /dev/zero
expect_rc 2
expect_err "/dev/zero:1:1: a NUL byte (0x00), which UTF-8 text never holds (is it a binary or UTF-16 file?); the file must be UTF-8 (save it as UTF-8 in your editor)"
run_chiso evaluate -o "$TMP/r.json" "$model" /dev/zero
expect_rc 2
expect_err "/dev/zero:1:1: a NUL byte (0x00)"
expect_err "nothing written"
[ ! -e "$TMP/r.json" ] || fail "a results file was written"

# --- FIFOs whose writer never stops --------------------------------------
# endless FIFO TEXT: writes TEXT (printf format) and then NUL bytes
# forever into FIFO, in the background; the writer ends when chiso closes
# the FIFO (SIGPIPE).
endless() {
	rm -f "$1"
	mkfifo "$1"
	{
		# shellcheck disable=SC2059
		printf "$2"
		cat /dev/zero
	} >"$1" 2>/dev/null &
}

# A byte that is not UTF-8, in the third line of a model.
endless "$TMP/m.yaml" 'model:\n  id: x\n  title: "\377'
run_chiso validate "$TMP/m.yaml"
wait
expect_rc 2
expect_err "m.yaml:3:11: invalid UTF-8 byte 0xFF; the file must be UTF-8 (save it as UTF-8 in your editor)"

# A NUL byte in a YAML data file, after a unit.
endless "$TMP/d.yaml" 'units:\n  - unit: { code: A }\n    values: { plan_issued: true }\n  - '
run_chiso evaluate "$model" "$TMP/d.yaml"
wait
expect_rc 2
expect_err "d.yaml:4:5: a NUL byte (0x00)"

# JSON Lines.
endless "$TMP/d.jsonl" '{"unit": {"code": "A"}}\n{"unit": '
run_chiso evaluate "$model" "$TMP/d.jsonl"
wait
expect_rc 2
expect_err "d.jsonl:2:10: a NUL byte (0x00)"

# CSV: the place is the cell's ROW:COLUMN, the advice Excel's.
endless "$TMP/d.csv" 'code,steering_meetings\n# "a comment"\nA,4\nB,'
run_chiso evaluate "$bad_model" "$TMP/d.csv"
wait
expect_rc 2
expect_err "d.csv:4:2: a NUL byte (0x00), which UTF-8 text never holds (is it a binary or UTF-16 file?); the file must be UTF-8 (in Excel, save as 'CSV UTF-8')"

# --- the size limit of a stream (standard input) --------------------------
set +e
yes '# a comment line' | ${CHISO_WRAPPER:-} "$CHISO" validate - >"$TMP/out" 2>"$TMP/err"
rc=$?
set -e
expect_rc 2
expect_err "<stdin>: file too large (more than 16777216 bytes): the limit for a model file is 16 MiB (16777216 bytes), a fixed limit"

# --- a FIFO that ends: read whole, as a file is --------------------------
rm -f "$TMP/ok.yaml"
mkfifo "$TMP/ok.yaml"
cat "$model" >"$TMP/ok.yaml" &
run_chiso validate "$TMP/ok.yaml"
wait
expect_rc 0
expect_out "ok: vn-district-example 2023"
# A character cut between two writes is joined, not refused:
# "Chỉ số" with the bytes of "ỉ" (E1 BB 89) split after the first.
rm -f "$TMP/split.yaml"
mkfifo "$TMP/split.yaml"
{
	printf 'model:\n  id: split\n  version: "1"\n  title: "Ch\341'
	sleep 1
	printf '\273\211 s\341\273\221"\n'
	printf 'inputs: { plan_issued: { type: boolean } }\nindices:\n'
	printf '  - { id: "1", name: "P", points: 1, method: boolean, params: { input: plan_issued } }\n'
} >"$TMP/split.yaml" &
run_chiso validate "$TMP/split.yaml"
wait
expect_rc 0
expect_out "ok: split 1"

# --- UTF-16, and a sequence cut by the end of the file -------------------
printf '\377\376m\000o\000' >"$TMP/u16.yaml"
run_chiso validate "$TMP/u16.yaml"
expect_rc 2
expect_err "u16.yaml: the file is UTF-16; it must be UTF-8 (save it as UTF-8 in your editor)"
printf 'model:\n  id: "x\303' >"$TMP/cut.yaml"
run_chiso validate "$TMP/cut.yaml"
expect_rc 2
expect_err "cut.yaml:2:9: invalid UTF-8 byte 0xC3"
exit 0
