# independent-model.sh - a model written only from docs/model-format.md
# evaluates as computed by hand:
#   X1: 1.1 700/1000 = 0.7 of target 0.8 -> 0.875 x 20 = 17.5;
#       1.2 1700/2000 = 0.85 x 20 = 17; group 1 = 34.5 / 40;
#       2.1 0/0 -> na (drops out: group 2 has 10 available);
#       2.2 3 meetings -> band 2 -> 0.5 x 10 = 5; group 2 = 5 / 10;
#       3.1 yes -> 10; 3.2 3 of 5 -> 0.6 x 20 = 12; group 3 = 22 / 30;
#       total 61.5 / 80 = 0.76875 -> 0.7688 (half away from zero).
#   X2: 20 + 18 = 38 / 40; 50/200 = 0.25 x 20 = 5, 4 -> 10: 15 / 30;
#       0 + 20 = 20 / 30; total 73 / 100 = 0.7300.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate tests/cli/data/commune-model.yaml tests/cli/data/communes.json
expect_rc 0
expect_out_re "^ +Total +61.5000 / 80  0.7688$"
expect_out_re "^ +Total +73.0000 / 100  0.7300$"
expect_out_re "^2 +Chính quyền số +5.0000 / 10  0.5000  ok$"
expect_out_re "^2.1 +Hồ sơ trực tuyến +0.0000 / 0  0.0000  na  +0/0: denominator is 0, not applicable$"
expect_same tests/cli/expected/communes.table
