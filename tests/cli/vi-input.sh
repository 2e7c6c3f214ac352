# vi-input.sh - data written in Vietnamese (issue 11, point 4): yes/no
# as có/không/đúng/sai in any case, with or without diacritics, and a
# choice by its label (choice_labels) or its name, without regard to
# case and diacritics, evaluate exactly as their English equivalents in
# YAML, JSON and CSV (the workbook: vi-input-xlsx.sh); a near miss is
# refused with a suggestion; the plugin kit's case files read the same.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
d=tests/cli/data/vi-input
model=$d/model.yaml

run_chiso evaluate "$model" "$d/en.yaml"
expect_rc 0
cp "$TMP/out" "$TMP/en.table"
run_chiso evaluate -f json "$model" "$d/en.yaml"
expect_rc 0
cp "$TMP/out" "$TMP/en.json"
# the English table, as it must stay: 20, 5, 0 and 15 points
grep -q "20.0000 / 20" "$TMP/en.table" || fail "X1 should score 20"

for f in vi.yaml vi.json vi.csv; do
	run_chiso evaluate "$model" "$d/$f"
	expect_rc 0
	if ! cmp -s "$TMP/out" "$TMP/en.table"; then
		diff "$TMP/en.table" "$TMP/out" >&2
		fail "$f does not evaluate as en.yaml"
	fi
	run_chiso evaluate -f json "$model" "$d/$f"
	expect_rc 0
	# the results document names the data file nowhere: byte for byte
	cmp -s "$TMP/out" "$TMP/en.json" ||
		fail "$f's results document differs from en.yaml's"
done

# A near miss: refused, with the closest name or label suggested.
run_chiso evaluate "$model" "$d/bad.yaml"
expect_rc 1
expect_err "field portal_dt_section: expected true or false, not 'cò'"
expect_err "field committee_chair: 'Cấp phòng' is not a choice; did you mean 'Cấp phó'? (choices: head (Người đứng đầu), deputy (Cấp phó), none (Chưa có))"

# A quoted English word stays a mistake (only Vietnamese words may be
# quoted: JSON has no other way to write them).
printf 'units:\n  - unit: { code: "X1", name: "X", level: commune, period: "2024" }\n    values: { portal_dt_section: "true", committee_chair: head }\n' >"$TMP/q.yaml"
run_chiso evaluate "$model" "$TMP/q.yaml"
expect_rc 1
expect_err "expected true or false, not the quoted text \"true\"; remove the quotes"

# choice_labels: only known choices, never two that read alike.
sed 's/deputy: "Cấp phó"/deputy: "người đứng đầu"/' "$model" >"$TMP/clash.yaml"
run_chiso validate "$TMP/clash.yaml"
expect_rc 2
expect_err "choices 'head' and 'deputy' of input 'committee_chair' read alike without case and diacritics"
sed 's/none: "Chưa có" }/none: "Chưa có", vice: "Phó" }/' "$model" >"$TMP/unknown.yaml"
run_chiso validate "$TMP/unknown.yaml"
expect_rc 2
expect_err "choice_labels: 'vice' is not a choice of input 'committee_chair'"

# The plugin kit's case files: the same words and labels.
cat >"$TMP/bool.cases.yaml" <<'CASES'
inputs:
  has_portal: { type: boolean }
points: 10
cases:
  - name: "có"
    params: { input: has_portal }
    values: { has_portal: có }
    expect: { fraction: 1, note: "yes" }
  - name: "Không"
    params: { input: has_portal }
    values: { has_portal: Không }
    expect: { fraction: 0, note: "no" }
  - name: "khong"
    params: { input: has_portal }
    values: { has_portal: khong }
    expect: { fraction: 0, note: "no" }
CASES
run_chiso plugin test "$PLUGIN_DIR/boolean.so" "$TMP/bool.cases.yaml"
expect_rc 0
cat >"$TMP/choice.cases.yaml" <<'CASES'
inputs:
  chair: { type: choice, choices: [head, deputy, none], choice_labels: { head: "Người đứng đầu", deputy: "Cấp phó", none: "Chưa có" } }
points: 10
cases:
  - name: "a choice by its label, without diacritics"
    params: { input: chair, scores: { head: 1, deputy: 0.5, none: 0 } }
    values: { chair: cap pho }
    expect: { fraction: 0.5, note: "deputy -> 0.5" }
  - name: "a choice by its name in capitals"
    params: { input: chair, scores: { head: 1, deputy: 0.5, none: 0 } }
    values: { chair: HEAD }
    expect: { fraction: 1, note: "head -> 1" }
CASES
run_chiso plugin test "$PLUGIN_DIR/choice.so" "$TMP/choice.cases.yaml"
expect_rc 0
echo "PASS"
