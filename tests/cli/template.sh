# template.sh - "chiso template" writes a blank data file listing every
# input with its label, type, bounds and users; once the unit code is
# filled in, evaluate reads it back (every value missing: total 0).
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso template criteria/example-district.yaml
expect_rc 0
expect_same tests/cli/expected/example-district.template.yaml
sed 's/^  code: ""/  code: "T1"/' "$TMP/out" >"$TMP/t.yaml"
run_chiso evaluate criteria/example-district.yaml "$TMP/t.yaml"
expect_rc 0
expect_out "Total"
expect_out_re "^ +Total +0.0000 / 100  0.0000$"
expect_out "missing input steering_meetings"
# Unfilled, the template is refused with a message that says why.
cp "$TMP/t.yaml" "$TMP/keep.yaml"
sed 's/^  code: "T1"/  code: ""/' "$TMP/keep.yaml" >"$TMP/blank.yaml"
run_chiso evaluate criteria/example-district.yaml "$TMP/blank.yaml"
expect_rc 2
expect_err "unit.code must not be empty"
# JSON flavour: help in each value's comment; also evaluates.
run_chiso template --format json -o "$TMP/t.json" \
	criteria/example-district.yaml
expect_rc 0
grep -F -q '"comment": "Số cuộc họp Ban chỉ đạo CĐS trong năm (cuộc); integer, min 0; used by 1.1"' "$TMP/t.json" ||
	fail "JSON template lacks the help of steering_meetings"
sed 's/"code": ""/"code": "T2"/' "$TMP/t.json" >"$TMP/t2.json"
run_chiso evaluate criteria/example-district.yaml "$TMP/t2.json"
expect_rc 0
expect_out "T2"
