# plausible-numbers.sh - numbers as people type them (issue 10): a value
# in (0, 1] in an input measured in % is warned of as a likely fraction,
# at its cell, with what to write (0,85 in a ';' CSV too, where it used to
# become 0.85 % silently); "85%" and "85 %" are read as 85 in a % input;
# thousands separators (points, commas, spaces, no-break spaces) are
# named with the number to write; and each piece of advice fits the input
# it is given: no "write decimals with a point" for a whole number, no
# percent advice outside % inputs.
. "$srcdir/tests/lib.sh"
set -e

cat >"$TMP/m.yaml" <<'MODEL'
model: { id: plaus, version: "1", title: "Plausible numbers", precision: 4 }
inputs:
  pct: { type: number, min: 0, max: 100, unit: "%", label: "Tỷ lệ" }
  count: { type: integer, min: 0, unit: "người" }
  amount: { type: number, min: 0 }
indices:
  - id: "1"
    name: "G"
    points: 30
    children:
      - { id: "1.1", name: "P", points: 10, method: target, params: { input: pct, op: ">=", value: 80, partial: linear } }
      - { id: "1.2", name: "C", points: 10, method: target, params: { input: count, op: ">=", value: 10 } }
      - { id: "1.3", name: "A", points: 10, method: target, params: { input: amount, op: ">=", value: 10 } }
MODEL

printf 'code;name;pct;count;amount\nA;An;0,85;5;1\nB;Bình;85%%;5;1\nC;Cà;85 %%;5;1\nD;Dê;1;5;1\n' >"$TMP/semi.csv"
run_chiso evaluate -f json -o "$TMP/r.json" "$TMP/m.yaml" "$TMP/semi.csv"
expect_rc 0
expect_err "semi.csv:2:3: warning: unit A: field pct: 0.85 in an input measured in % (Tỷ lệ) looks like a fraction; if it means 85 %, write 85"
expect_err "semi.csv:5:3: warning: unit D: field pct: 1 in an input measured in % (Tỷ lệ) looks like a fraction; if it means 100 %, write 100"
[ "$(grep -c 'looks like a fraction' "$TMP/err")" -eq 2 ] ||
	fail "85% and 85 % were warned of as fractions"
for u in B C; do
	grep -q "\"code\": \"$u\".*" "$TMP/r.json" || fail "unit $u not scored"
done
[ "$(grep -c '"pct": 85' "$TMP/r.json")" -eq 2 ] ||
	fail "85% and 85 % were not read as 85"

# refusals, each with advice that fits its input
nbsp=$(printf '\302\240')
{
	echo "code,name,pct,count,amount"
	echo "E,e,50,1.234.567,1"
	echo "F,f,50,\"1,234,567\",1"
	echo "G,g,50,12${nbsp}345,1"
	echo "H,h,50,\"83,99\",1"
	echo "I,i,50,5,\"83,99\""
	echo "J,j,50,5,85%"
	echo "K,k,50,5%,1"
	echo "L,l,50,5,12 345.5"
} >"$TMP/bad.csv"
run_chiso evaluate --check-only "$TMP/m.yaml" "$TMP/bad.csv"
expect_rc 1
expect_err "bad.csv:2:4: unit E: field count: expected a whole number, not '1.234.567': it holds thousands separators; write 1234567"
expect_err "bad.csv:3:4: unit F: field count: expected a whole number, not '1,234,567': it holds thousands separators; write 1234567"
expect_err "bad.csv:4:4: unit G: field count: expected a whole number, not '12${nbsp}345': it holds thousands separators; write 12345"
expect_err "bad.csv:5:4: unit H: field count: expected a whole number, not '83,99'"
if grep 'unit H' "$TMP/err" | grep -q 'decimals'; then
	fail "a whole number was advised to write decimals"
fi
expect_err "bad.csv:6:5: unit I: field amount: expected a number, not '83,99' (write decimals with a point: 83.99)"
expect_err "bad.csv:7:5: unit J: field amount: expected a number, not '85%': a percent sign is read only in an input whose unit is %, and this one's is not given; write the number alone"
expect_err "bad.csv:8:4: unit K: field count: expected a whole number, not '5%': a percent sign is read only in an input whose unit is %, and this one's is người; write the number alone"
expect_err "bad.csv:9:5: unit L: field amount: expected a number, not '12 345.5'"
expect_out "8 units read, 8 invalid"
