# missing-policy.sh - model.missing: zero scores a missing input 0 (status
# missing), exclude drops it from the points available, error makes the
# unit invalid.
. "$srcdir/tests/lib.sh"
for policy in zero exclude error; do
	cat >"$TMP/m-$policy.yaml" <<MODEL
model: { id: t-missing, version: "1", title: "Missing $policy", missing: $policy }
inputs:
  a: { type: boolean }
  b: { type: boolean }
indices:
  - id: "1"
    name: "Group"
    points: 10
    children:
      - { id: "1.1", name: "A", points: 4, method: boolean, params: { input: a } }
      - { id: "1.2", name: "B", points: 6, method: boolean, params: { input: b } }
MODEL
done
printf 'unit: { code: "U" }\nvalues: { a: true, b: ~ }\n' >"$TMP/d.yaml"
run_chiso evaluate "$TMP/m-zero.yaml" "$TMP/d.yaml"
expect_rc 0
expect_out "0.0000 / 6  0.0000  missing  missing input b"
expect_out_re "^ +Total +4.0000 / 10  0.4000$"
run_chiso evaluate "$TMP/m-exclude.yaml" "$TMP/d.yaml"
expect_rc 0
expect_out_re "^ +Total +4.0000 / 4  1.0000$"
expect_out_re "^1.2 +B +0.0000 / 0  0.0000  missing  missing input b$"
run_chiso evaluate "$TMP/m-error.yaml" "$TMP/d.yaml"
expect_rc 1
expect_err "unit U: field b: missing, and model t-missing requires every input (missing: error)"
expect_out "INVALID: not evaluated"
# --check-only finds what missing: error makes invalid, without scoring.
run_chiso evaluate --check-only "$TMP/m-error.yaml" "$TMP/d.yaml"
expect_rc 1
expect_out "1 unit read, 1 invalid"
expect_err "unit U: field b: missing, and model t-missing requires every input"
