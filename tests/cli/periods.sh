#!/bin/sh
# periods.sh - results holding several periods or stages (two years
# scored in one run or merged by chiso merge; self and appraised data in
# one run): rank, report, compare and gaps take --period and --stage;
# without them the same units in several periods or stages are refused
# with what the results hold and the option that picks; compare of one
# such file compares its two periods or two stages; gaps names the period
# and stage of each unit.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
DTI=criteria/vn-dti-province-2022.yaml
DM=criteria/example-district.yaml
run_chiso evaluate -f json -o "$TMP/two.json" $DTI \
	examples/dti-provinces-2022.yaml examples/dti-provinces-2023.yaml
expect_rc 0
run_chiso evaluate -f json -o "$TMP/2022.json" $DTI examples/dti-provinces-2022.yaml
expect_rc 0
run_chiso evaluate -f json -o "$TMP/2023.json" $DTI examples/dti-provinces-2023.yaml
expect_rc 0
run_chiso evaluate -f json -o "$TMP/stages.json" $DM \
	examples/yen-bai-districts-2023-self.yaml \
	examples/yen-bai-districts-2023-appraised.yaml
expect_rc 0
run_chiso evaluate -f json -o "$TMP/self.json" $DM examples/yen-bai-districts-2023-self.yaml
expect_rc 0
run_chiso evaluate -f json -o "$TMP/appraised.json" $DM \
	examples/yen-bai-districts-2023-appraised.yaml
expect_rc 0

# same FILE: stdout equals FILE.
same() { expect_same "$1"; }

# --- rank and report ------------------------------------------------------
run_chiso rank "$TMP/two.json"
expect_rc 2
expect_err "$TMP/two.json: holds 2 periods (2022: 6 units, 2023: 6 units) and 1 stage (final); pick one with --period 2022 or --period 2023"
[ ! -s "$TMP/out" ] || fail "rank refused, but wrote"
for p in 2022 2023; do
	run_chiso rank "$TMP/$p.json"
	cp "$TMP/out" "$TMP/rank-$p.txt"
	run_chiso rank --period $p "$TMP/two.json"
	expect_rc 0
	same "$TMP/rank-$p.txt"
done
run_chiso rank -f csv "$TMP/2023.json"
cp "$TMP/out" "$TMP/rank-2023.csv"
run_chiso rank -f csv --period 2023 --stage final "$TMP/two.json"
expect_rc 0
same "$TMP/rank-2023.csv"
run_chiso rank --period 2021 "$TMP/two.json"
expect_rc 2
expect_err "$TMP/two.json: no unit of period '2021'; it holds 2 periods (2022: 6 units, 2023: 6 units); pick one with --period 2022 or --period 2023"
run_chiso rank --period 2O23 "$TMP/two.json"
expect_rc 2
expect_err "$TMP/two.json: no unit of period '2O23'; it holds 2 periods (2022: 6 units, 2023: 6 units); did you mean --period 2023?"
run_chiso rank --stage self "$TMP/two.json"
expect_rc 2
expect_err "$TMP/two.json: no unit of stage 'self'; it holds 1 stage (final); pick one with --stage final"

run_chiso rank "$TMP/stages.json"
expect_rc 2
expect_err "$TMP/stages.json: holds 1 period (2023) and 2 stages (self: 9 units, appraised: 9 units); pick one with --stage self or --stage appraised"
run_chiso rank "$TMP/appraised.json"
cp "$TMP/out" "$TMP/rank-appraised.txt"
run_chiso rank --stage appraised "$TMP/stages.json"
expect_rc 0
same "$TMP/rank-appraised.txt"
run_chiso rank --stage apraised "$TMP/stages.json"
expect_rc 2
expect_err "$TMP/stages.json: no unit of stage 'apraised'; it holds 2 stages (self: 9 units, appraised: 9 units); did you mean --stage appraised?"
# Both at once, over two files: what they hold together.
run_chiso rank "$TMP/two.json" "$TMP/stages.json" --allow-mixed-models
expect_rc 2
expect_err "$TMP/two.json, $TMP/stages.json: hold 2 periods (2022: 6 units, 2023: 24 units) and 3 stages (self: 9 units, appraised: 9 units, final: 12 units); pick one with --period 2022 or --period 2023, and one with --stage self, --stage appraised or --stage final"
# After a pick, what is still several.
run_chiso rank --period 2023 "$TMP/two.json" "$TMP/stages.json" --allow-mixed-models
expect_rc 2
expect_err "$TMP/two.json, $TMP/stages.json (--period 2023): hold 1 period (2023) and 3 stages (self: 9 units, appraised: 9 units, final: 6 units); pick one with --stage self, --stage appraised or --stage final"
run_chiso rank --period 2023 --stage final "$TMP/two.json" "$TMP/stages.json" --allow-mixed-models
expect_rc 0
expect_out "6 units ranked"
run_chiso rank --period 2023 "$TMP/stages.json" "$TMP/stages.json"
expect_rc 2
expect_err "$TMP/stages.json (--period 2023): holds 1 period (2023) and 2 stages (self: 18 units, appraised: 18 units); pick one with --stage self or --stage appraised"

# A model whose units are all left out by the pick is no mixing.
run_chiso rank --stage final "$TMP/two.json" "$TMP/appraised.json"
expect_rc 2
expect_err "$TMP/two.json (--stage final): holds 2 periods (2022: 6 units, 2023: 6 units) and 1 stage (final)"
run_chiso rank --period 2023 --stage appraised "$TMP/two.json" "$TMP/appraised.json"
expect_rc 0
expect_out "9 units ranked"
run_chiso rank --period 2022 "$TMP/two.json" "$TMP/appraised.json"
expect_rc 0
same "$TMP/rank-2022.txt"

run_chiso report "$TMP/two.json"
expect_rc 2
expect_err "$TMP/two.json: holds 2 periods (2022: 6 units, 2023: 6 units)"
run_chiso report -o "$TMP/r.html" --period 2022 "$TMP/two.json"
expect_rc 0
grep -q "Tỉnh Điện Biên" "$TMP/r.html" || fail "report --period: no unit"

# --- chiso merge of two years: one document, two periods ------------------
run_chiso merge -m examples/merge-provinces-2025.csv -o "$TMP/merged.json" "$TMP/two.json"
expect_rc 0
run_chiso rank "$TMP/merged.json"
expect_rc 2
expect_err "$TMP/merged.json: holds 2 periods (2022: 4 units, 2023: 4 units) and 1 stage (final); pick one with --period 2022 or --period 2023"
run_chiso rank --period 2023 "$TMP/merged.json"
expect_rc 0
expect_out "Merged: LC25 Tỉnh Lào Cai, from YB, LC"

# --- compare ----------------------------------------------------------------
# Two periods of one stage in one file: year over year, the earlier as BASE,
# as the two files compare (but for the file names in the heading).
run_chiso compare "$TMP/2022.json" "$TMP/2023.json"
tail -n +2 "$TMP/out" >"$TMP/cmp-files.txt"
run_chiso compare "$TMP/two.json"
expect_rc 0
expect_out "Year over year: 6 units in both · base period '2022' ($TMP/two.json) -> new period '2023' ($TMP/two.json)"
tail -n +2 "$TMP/out" >"$TMP/cmp-one.txt"
diff -u "$TMP/cmp-files.txt" "$TMP/cmp-one.txt" || fail "compare of one file differs"
run_chiso compare -f json "$TMP/merged.json"
expect_rc 0
expect_out '"base_period": "2022"'
# Two stages of one period: self vs appraised.
run_chiso compare "$TMP/self.json" "$TMP/appraised.json"
tail -n +2 "$TMP/out" >"$TMP/cmp-files.txt"
run_chiso compare "$TMP/stages.json"
expect_rc 0
expect_out "self vs appraised, period '2023': 9 units in both · base $TMP/stages.json -> new $TMP/stages.json"
tail -n +2 "$TMP/out" >"$TMP/cmp-one.txt"
diff -u "$TMP/cmp-files.txt" "$TMP/cmp-one.txt" || fail "compare of stages differs"
# One period and one stage: nothing to compare.
run_chiso compare "$TMP/2022.json"
expect_rc 2
expect_err "$TMP/2022.json: holds 1 period (2022) and 1 stage (final): nothing to compare within it; give BASE and NEW"
run_chiso compare --period 2022 "$TMP/two.json"
expect_rc 2
expect_err "$TMP/two.json (--period 2022): holds 1 period (2022) and 1 stage (final): nothing to compare within it; give BASE and NEW"
# Two years, each self and appraised: pick a stage (years) or a period
# (stages); only the picks that leave two are offered.
run_chiso evaluate -f json -o "$TMP/four.json" $DM \
	examples/yen-bai-districts-2022.yaml \
	examples/yen-bai-districts-2023-self.yaml \
	examples/yen-bai-districts-2023-appraised.yaml
expect_rc 0
run_chiso compare "$TMP/four.json"
expect_rc 2
expect_err "$TMP/four.json: holds 2 periods (2022: 9 units, 2023: 18 units) and 3 stages (self: 9 units, appraised: 9 units, final: 9 units); one file compares two periods of one stage or two stages of one period: pick with --period 2023"
run_chiso compare --period 2023 "$TMP/four.json"
expect_rc 0
expect_out "self vs appraised, period '2023': 9 units in both"
# Two files: each side must hold one period and one stage.
run_chiso compare "$TMP/2023.json" "$TMP/four.json"
expect_rc 2
expect_err "$TMP/four.json: holds 2 periods (2022: 9 units, 2023: 18 units) and 3 stages (self: 9 units, appraised: 9 units, final: 9 units); pick one with --period 2022 or --period 2023, and one with --stage self, --stage appraised or --stage final"
# Two files: --period and --stage pick on both sides.
run_chiso compare --stage appraised "$TMP/stages.json" "$TMP/four.json"
expect_rc 0
expect_out "Same period: 9 units in both · period '2023'"
run_chiso compare --period 2023 "$TMP/two.json" "$TMP/2023.json"
expect_rc 0
expect_out "Same period: 6 units in both · period '2023', base $TMP/two.json -> new $TMP/2023.json"
run_chiso compare --period 2022 "$TMP/two.json" "$TMP/2023.json"
expect_rc 2
expect_err "$TMP/2023.json: no unit of period '2022'; it holds 1 period (2023); pick one with --period 2023"

# --- gaps -------------------------------------------------------------------
# Each unit once per period and stage, which its heading says.
run_chiso gaps --unit YB.YBI "$TMP/stages.json"
expect_rc 0
expect_out "YB.YBI Huyện Yên Bình · period 2023 · stage self: 97.5875 / 100, value 0.9759; 2.4125 points to gain"
expect_out "YB.YBI Huyện Yên Bình · period 2023 · stage appraised: 94.7125 / 100, value 0.9471; 5.2875 points to gain"
[ "$(grep -c '^YB.YBI ' "$TMP/out")" = 2 ] || fail "gaps: YB.YBI not twice"
run_chiso gaps --unit YB.YBI --stage appraised "$TMP/stages.json"
expect_rc 0
[ "$(grep -c '^YB.YBI ' "$TMP/out")" = 1 ] || fail "gaps --stage: YB.YBI not once"
expect_out "stage appraised: 94.7125 / 100"
run_chiso gaps -f csv --period 2022 "$TMP/two.json"
expect_rc 0
head -n 1 "$TMP/out" | grep -q '^code,name,period,stage,indicator,' ||
	fail "gaps csv: no period and stage columns"
grep -q '^DB,Tỉnh Điện Biên,2022,final,' "$TMP/out" || fail "gaps csv: no DB of 2022"
! grep -q ',2023,final,' "$TMP/out" || fail "gaps csv --period 2022: a unit of 2023"
run_chiso gaps -f json --unit DB "$TMP/two.json"
expect_rc 0
expect_out '"period": "2022"'
expect_out '"period": "2023"'
expect_out '"stage": "final"'
run_chiso gaps --period 2024 "$TMP/two.json"
expect_rc 2
expect_err "$TMP/two.json: no unit of period '2024'; it holds 2 periods (2022: 6 units, 2023: 6 units); pick one with --period 2022 or --period 2023"
