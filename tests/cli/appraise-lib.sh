# appraise-lib.sh - shared by tests/cli/appraise*.sh and verify.sh
# (sourced after tests/lib.sh): the model and appraisal files of the
# worked example (examples/appraisal/), and its self-assessed results
# written to $TMP/self.json.
M="$srcdir/docs/examples/commune-model.yaml"
EX="$srcdir/examples/appraisal"

run_chiso evaluate -f json -o "$TMP/self.json" "$M" \
	"$srcdir/docs/examples/commune-data.yaml"
expect_rc 0
