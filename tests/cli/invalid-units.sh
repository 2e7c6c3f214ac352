# invalid-units.sh - units with bad data are reported with unit and field
# and marked invalid; the valid units are still scored and written;
# exit 1.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
cat >"$TMP/units.yaml" <<'DATA'
units:
  - unit: { code: "A", name: "Đơn vị A", period: "2022" }
    values: { officials_total: 10, officials_with_pc: 5 }
  - unit: { code: "B", period: "2022" }
    values: { officials_total: 10, officials_with_pc: 12 }
  - unit: { code: "C", period: "2022" }
    values: { officials_total: "ten", portal_dt_sektion: true }
DATA
run_chiso evaluate -f json -o "$TMP/r.json" criteria/example-district.yaml \
	"$TMP/units.yaml"
expect_rc 1
expect_err "units.yaml:5:55: unit B: field officials_with_pc: 12 is above its maximum officials_total = 10"
expect_err "units.yaml:7:32: unit C: field officials_total: expected a number, not the quoted text \"ten\"; remove the quotes"
expect_err "unit C: field portal_dt_sektion: not an input of model vn-district-example; did you mean 'portal_dt_section'?"
expect_err "2 of 3 units invalid"
grep -c '"status": "invalid"' "$TMP/r.json" | grep -q '^2$' ||
	fail "expected 2 invalid units in the results"
grep -F -q '"code": "A", "name": "Đơn vị A"' "$TMP/r.json" ||
	fail "unit A missing from the results"
grep -F -q '"points": 2.5,' "$TMP/r.json" || fail "unit A not scored"

# --check-only reads and checks, reports the same problems, writes nothing.
run_chiso evaluate --check-only -o "$TMP/none.json" \
	criteria/example-district.yaml "$TMP/units.yaml"
expect_rc 1
expect_out "3 units read, 2 invalid"
expect_err "unit C: field portal_dt_sektion"
[ ! -e "$TMP/none.json" ] || fail "--check-only wrote an output file"
