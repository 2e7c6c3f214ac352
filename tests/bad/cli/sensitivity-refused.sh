# sensitivity-refused.sh - what chiso sensitivity refuses, each with its
# message (the file, the option and how to fix it) and exit status 2,
# leaving an existing -o file as it was: --runs 0 or past the cap, a bad
# --seed, --vary or --missing, --by naming nothing, a results file of
# another model (also one changed since), the model and the results
# swapped, a data file given as the model, too few arguments, --by a
# node of 0 points.
. "$srcdir/tests/lib.sh"
set -e
cd "$srcdir"
model=tests/cli/data/sens-flip-model.yaml
run_chiso evaluate -f json -o "$TMP/r.json" "$model" \
	tests/cli/data/sens-flip-data.yaml
expect_rc 0
echo "previous" >"$TMP/out.txt"

# refused CODE MESSAGE ARGS...: chiso sensitivity -o out.txt ARGS exits
# CODE with MESSAGE on stderr and out.txt untouched.
refused() {
	want=$1 msg=$2
	shift 2
	run_chiso sensitivity -o "$TMP/out.txt" "$@"
	expect_rc "$want"
	expect_err "$msg"
	[ "$(cat "$TMP/out.txt")" = "previous" ] ||
		fail "out.txt was written although chiso exited $want ($*)"
}

refused 2 "chiso sensitivity: --runs takes a whole number from 1 to 100000, not '0'" \
	--runs 0 "$model" "$TMP/r.json"
expect_err "Run 'chiso sensitivity --help' for usage."
refused 2 "--runs takes a whole number from 1 to 100000, not '100001'" \
	--runs 100001 "$model" "$TMP/r.json"
refused 2 "--runs takes a whole number from 1 to 100000, not '-5'" \
	--runs -5 "$model" "$TMP/r.json"
refused 2 "--seed takes a whole number from 0 to 9007199254740992, not '1.5'" \
	--seed 1.5 "$model" "$TMP/r.json"
refused 2 "--vary takes WHAT=P%: main=20% (the main indices' points), indicators=10% (the indicators' points) or both, comma-separated; not 'bogus'" \
	--vary bogus "$model" "$TMP/r.json"
refused 2 "--vary main=150%: factors would range over [-0.5, 2.5], but points must stay above 0; use at most 99%" \
	--vary main=150% "$model" "$TMP/r.json"
refused 2 "--vary main=100%: factors would range over [0, 2], but points must stay above 0; use at most 99%" \
	--vary main=100% "$model" "$TMP/r.json"
refused 2 "--vary main=0.2: write the spread as a percentage, e.g. main=20%" \
	--vary main=0.2 "$model" "$TMP/r.json"
refused 2 "--vary main=0%: the spread must be above 0%" \
	--vary main=0% "$model" "$TMP/r.json"
refused 2 "--vary: 'weights' is not what can vary: main (the main indices' points) or indicators (the indicators' points)" \
	--vary weights=20% "$model" "$TMP/r.json"
refused 2 "did you mean indicators?" --vary indicator=5% "$model" "$TMP/r.json"
refused 2 "--missing error: under that policy a unit that lacks a value is not scored at all" \
	--missing error "$model" "$TMP/r.json"
refused 2 "--missing takes zero, exclude or zero,exclude (the runs then draw one each), not 'all'" \
	--missing all "$model" "$TMP/r.json"
refused 2 "chiso: --by 'VX' is neither a node nor a view of model sens-flip; did you mean 'VA'?" \
	--by VX "$model" "$TMP/r.json"
refused 2 "chiso sensitivity: give the MODEL and at least one RESULTS file" \
	"$model"
refused 2 "chiso sensitivity: --group-by takes parent or level, not 'district'" \
	--group-by district "$model" "$TMP/r.json"

# Results of another model: named, with the model given and the fix.
refused 2 "$TMP/r.json: made with model sens-flip 1 (sha256 " \
	criteria/example-district.yaml "$TMP/r.json"
expect_err "not with the model given, criteria/example-district.yaml (vn-district-example 2023, sha256 5e2af642804c); give the model these results were made with, or score the data with this one first: chiso evaluate -f json -o results.json criteria/example-district.yaml DATA..."
# The same id and version, another file: the model changed since.
sed 's/title: "Two indices/title: "Changed: two indices/' "$model" >"$TMP/changed.yaml"
refused 2 ": the same id and version, but another file (changed since the results were made?)" \
	"$TMP/changed.yaml" "$TMP/r.json"
# Swapped, a data file as the model, a missing model.
refused 2 "$TMP/r.json: this is a results document, not a model; give the model file first and the results after it: chiso sensitivity MODEL $TMP/r.json" \
	"$TMP/r.json" "$model"
refused 2 "tests/cli/data/sens-flip-data.yaml: this is a data file (units with input values), not a model" \
	tests/cli/data/sens-flip-data.yaml "$TMP/r.json"
refused 2 "$TMP/absent.yaml: cannot open: No such file or directory" \
	"$TMP/absent.yaml" "$TMP/r.json"
# A node of 0 points: its value is a mean of fractions, not points.
run_chiso evaluate -f json -o "$TMP/dti.json" criteria/vn-dti-province-2022.yaml \
	examples/dti-provinces-2023.yaml
expect_rc 0
refused 2 "chiso: --by 6: node 6 has 0 points, so its value is not a share of points" \
	--by 6 criteria/vn-dti-province-2022.yaml "$TMP/dti.json"
# A data file given as results: named as such by the results reader.
refused 2 "sens-flip-data.yaml: this is a data file (units with input values), not a results document" \
	"$model" tests/cli/data/sens-flip-data.yaml
exit 0
