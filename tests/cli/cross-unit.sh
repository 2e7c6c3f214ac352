# cross-unit.sh - methods that need more than one unit (plugin ABI 1.2):
# "relative" (against the best, or within [lo, hi]; a zero range gives
# full points) and "children" (a district's indicator from its communes'
# results given with --children; a district without communes gets
# status missing). Checked by hand:
#   H1: bandwidth 40 of best 80 -> 0.5; in [0, 100] -> 0.4; incidents all
#   equal -> full points. Communes X1, X2 (parent H1): infrastructure 1 is
#   34.5/40 and 38/40 -> 0 of 2 at full points; 1.1 is 0.875 (1000
#   households) and 1 (500) -> weighted mean 1375/1500 = 0.9167; 3.2 is
#   0.6 and 1 -> min 0.6.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/communes.json" \
	tests/cli/data/commune-model.yaml tests/cli/data/communes.json
expect_rc 0
run_chiso evaluate --children "$TMP/communes.json" \
	tests/cli/data/district-rollup.yaml tests/cli/data/districts-rollup.yaml
expect_rc 0
expect_out "40 / best 80 -> 0.5"
expect_out "40 in [0, 100] -> 0.4"
expect_out "2: all 3 units equal, full points"
expect_out "0 of 2 children at full points on 1"
expect_out "mean of 2 children on 1.1: 0.9167 (weighted)"
expect_out "min of 2 children on 3.2: 0.6000"
expect_out_re "^ +Total +34.1667 / 60  0.5694$"
expect_out "missing  no child units in the children results"

# A weight input that no commune has (a typo) is refused when the model is
# loaded, at its place, with the closest input the communes have.
sed 's/weight: households/weight: housholds/' \
	tests/cli/data/district-rollup.yaml >"$TMP/typo.yaml"
run_chiso evaluate --children "$TMP/communes.json" "$TMP/typo.yaml" \
	tests/cli/data/districts-rollup.yaml
expect_rc 2
expect_err "typo.yaml:22:135: indicator 2.2 (method children): input 'housholds' is in none of the children's data ($TMP/communes.json); did you mean 'households'?"

# Relative within parents: each parent's best is its own.
cat >"$TMP/by-parent.yaml" <<'MODEL'
model: { id: by-parent, version: "1", title: "Relative within parents" }
inputs:
  x: { type: number, min: 0 }
indices:
  - { id: "1", name: "X", points: 10, method: relative, params: { input: x, group: parent } }
MODEL
cat >"$TMP/units.yaml" <<'DATA'
units:
  - { unit: { code: A1, parent: A }, values: { x: 10 } }
  - { unit: { code: A2, parent: A }, values: { x: 5 } }
  - { unit: { code: B1, parent: B }, values: { x: 2 } }
  - { unit: { code: B2, parent: B }, values: { x: 0 } }
DATA
run_chiso evaluate "$TMP/by-parent.yaml" "$TMP/units.yaml"
expect_rc 0
expect_out "5 / best 10 in A -> 0.5"
expect_out "2 / best 2 in B -> 1"
expect_out "0 / best 2 in B -> 0"

# A model that reads children validates without their results; to
# evaluate it they are needed.
run_chiso validate tests/cli/data/district-rollup.yaml
expect_rc 0
run_chiso evaluate tests/cli/data/district-rollup.yaml \
	tests/cli/data/districts-rollup.yaml
expect_rc 2
expect_err "this method reads the results of child units: give them with chiso evaluate --children RESULTS.json"

# Refusals: a children results file of another period; another model
# than params.model expects.
sed 's/period: "2023"/period: "2022"/' tests/cli/data/districts-rollup.yaml \
	>"$TMP/d2022.yaml"
run_chiso evaluate --children "$TMP/communes.json" \
	tests/cli/data/district-rollup.yaml "$TMP/d2022.yaml"
expect_rc 2
expect_err "children results for period '2023' (unit X1), but the data is for period '2022'"
sed 's/model: test-commune/model: vn-commune-2023/' \
	tests/cli/data/district-rollup.yaml >"$TMP/other-model.yaml"
run_chiso evaluate --children "$TMP/communes.json" "$TMP/other-model.yaml" \
	tests/cli/data/districts-rollup.yaml
expect_rc 2
expect_err "the children results are from model test-commune, not vn-commune-2023"
# The same communes twice (here: the same results file given twice, as a
# self-assessed and an appraised file of one period would be) would count
# each child twice: refused.
run_chiso evaluate --children "$TMP/communes.json" \
	--children "$TMP/communes.json" tests/cli/data/district-rollup.yaml \
	tests/cli/data/districts-rollup.yaml
expect_rc 2
expect_err "the children results hold unit X1 of period '2023' twice (stages 'final' and 'final'); give one result per child"
