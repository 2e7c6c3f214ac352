# sensitivity.sh - chiso sensitivity: a flip computed by hand (the share
# of runs with the flip within 0.01 of the exact probability at 100,000
# runs), the missing-data flip, the same bytes for the same seed (on any
# number of threads) and others for another seed, nominal ranks equal to
# chiso rank's (ties, views, groups), the formats, merged results, the
# report's intervals, and the refusals (runs, --vary, --missing, another
# model, --by, too many runs).
. "$srcdir/tests/lib.sh"
cd "$srcdir"
model=tests/cli/data/sens-flip-model.yaml
run_chiso evaluate -f json -o "$TMP/flip.json" "$model" \
	tests/cli/data/sens-flip-data.yaml
expect_rc 0

# share X Y FILE: the keeps_place of unit X in the JSON of chiso
# sensitivity in FILE (one unit per line, as it writes).
keeps() {
	sed -n "s/.*\"code\": \"$1\".*\"keeps_place\": \([0-9.e-]*\),.*/\1/p" "$2"
}

# --- the flip ----------------------------------------------------------
# A and B have 100 points each; X earns 1.0 of A and 0.2 of B, Y 0.4 of
# A and 0.9 of B. With A's points times a and B's times b, X ranks above
# Y exactly when 100a + 20b > 40a + 90b, i.e. a/b > 7/6 (nominally Y
# 0.65 is first, X 0.60 second). a and b are independent and uniform on
# [0.8, 1.2]: with a = 0.8 + 0.4u, b = 0.8 + 0.4v (u, v uniform on
# [0, 1]), a/b > 7/6 <=> u > 7v/6 + 1/3, a triangle of legs 2/3 and 4/7:
# P(flip) = 4/21 = 0.190476. Y keeps its place in the other runs.
run_chiso sensitivity --runs 100000 --seed 1 --vary main=20% -f json \
	-o "$TMP/s.json" "$model" "$TMP/flip.json"
expect_rc 0
ky=$(keeps Y "$TMP/s.json")
kx=$(keeps X "$TMP/s.json")
[ -n "$ky" ] && [ "$kx" = 1 ] || fail "keeps_place: Y '$ky', X '$kx'"
awk -v k="$ky" 'BEGIN { d = (1 - k) - 4 / 21; exit !(d < 0.01 && d > -0.01) }' ||
	fail "the flip happened in a share $ky of runs kept by Y; 1 - 4/21 = 0.809524 expected within 0.01"
grep -q '"code": "Y", "name": "Unit Y", "rank": 1, "value": 0.65, "median_rank": 1, "p05": 1, "p95": 2,' \
	"$TMP/s.json" || fail "Y: rank 1, median 1, interval 1-2"
grep -q '"classes": 47,' "$TMP/s.json" || fail "47 classes at 100,000 runs"
# The flip by the policy: under zero X is 0.55 and Y 0.65, under exclude
# X is 0.7333 (its missing indicator's 50 points drop): half the runs.
run_chiso evaluate -f json -o "$TMP/miss.json" "$model" \
	tests/cli/data/sens-missing-data.yaml
expect_rc 0
run_chiso sensitivity --runs 10000 --missing zero,exclude -f json \
	-o "$TMP/m.json" "$model" "$TMP/miss.json"
expect_rc 0
ky=$(keeps Y "$TMP/m.json")
awk -v k="$ky" 'BEGIN { exit !(k > 0.49 && k < 0.51) }' ||
	fail "the policy flip: Y keeps its place in $ky of runs, 1/2 expected"
grep -q '{"kind": "missing", "id": null, "name": "zero or exclude", "index": 1}' \
	"$TMP/m.json" || fail "the policy explains all the shifts"
run_chiso sensitivity --missing zero,exclude "$model" "$TMP/flip.json"
expect_rc 0
expect_err "chiso sensitivity: warning: --missing changes nothing here"

# --- same seed, same bytes; another seed, other runs -------------------
run_chiso evaluate -f json -o "$TMP/r.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml
expect_rc 0
district=criteria/example-district.yaml
for t in 1 2 3; do
	run_chiso sensitivity --threads $t --seed 42 --runs 999 \
		--vary main=20%,indicators=10% -f json -o "$TMP/t$t.json" \
		"$district" "$TMP/r.json"
	expect_rc 0
done
cmp "$TMP/t1.json" "$TMP/t2.json" || fail "1 and 2 threads differ"
cmp "$TMP/t1.json" "$TMP/t3.json" || fail "1 and 3 threads differ"
run_chiso sensitivity --seed 42 --runs 999 --vary main=20%,indicators=10% \
	-f json -o "$TMP/again.json" "$district" "$TMP/r.json"
cmp "$TMP/t1.json" "$TMP/again.json" || fail "the same seed gave other bytes"
run_chiso sensitivity --seed 43 --runs 999 --vary main=20%,indicators=10% \
	-f json -o "$TMP/other.json" "$district" "$TMP/r.json"
expect_rc 0
if cmp -s "$TMP/t1.json" "$TMP/other.json"; then
	fail "seeds 42 and 43 gave the same runs"
fi
grep -q '"seed": 43,' "$TMP/other.json" || fail "the seed is not recorded"

# The example, as a table and as JSON: fixed bytes (the generator, the
# sums and the rounding are the same on every machine).
run_chiso sensitivity "$district" "$TMP/r.json"
expect_rc 0
expect_same tests/cli/expected/sensitivity-2022.table
run_chiso sensitivity -f json --vary main=30%,indicators=20% --runs 500 --seed 7 \
	"$district" "$TMP/r.json"
expect_rc 0
sed 's/"generator": "chiso [^"]*"/"generator": "chiso VERSION"/' "$TMP/out" \
	>"$TMP/out.norm" && mv "$TMP/out.norm" "$TMP/out"
expect_same tests/cli/expected/sensitivity-2022.json

# --- nominal ranks are chiso rank's --------------------------------------
# ranks CSV: the first two columns (rank, code) of the ranked rows.
ranks() {
	awk -F, 'NR > 1 && $1 != "" { print $1 "," $2 }' "$1"
}
check_nominal() {
	run_chiso rank -f csv -o "$TMP/rank.csv" "$@"
	expect_rc 0
	run_chiso sensitivity --runs 50 -f csv -o "$TMP/sens.csv" "$sens_model" "$@"
	expect_rc 0
	ranks "$TMP/rank.csv" >"$TMP/a"
	ranks "$TMP/sens.csv" >"$TMP/b"
	diff -u "$TMP/a" "$TMP/b" >&2 || fail "nominal ranks differ from chiso rank $*"
}
sens_model=$district
check_nominal "$TMP/r.json" # 5, 5, 7
grep -q '^5,YB.LYE,' "$TMP/sens.csv" && grep -q '^5,YB.VYE,' "$TMP/sens.csv" &&
	grep -q '^7,YB.VCH,' "$TMP/sens.csv" || fail "the tie 5, 5, 7"
check_nominal --by CQS "$TMP/r.json"
check_nominal --by 4 "$TMP/r.json"
run_chiso evaluate -f json -o "$TMP/c.json" tests/cli/data/commune-model.yaml \
	tests/cli/data/communes.json
sens_model=tests/cli/data/commune-model.yaml
check_nominal --group-by parent "$TMP/c.json"
head -n 1 "$TMP/sens.csv" | grep -q ',mean_shift,group' || fail "CSV: a group column"

# --- formats -----------------------------------------------------------
run_chiso sensitivity -o "$TMP/s.md" "$model" "$TMP/flip.json"
expect_rc 0
grep -q '^# Sensitivity of the ranking by Total' "$TMP/s.md" || fail "-o .md"
grep -q '^| Rank | Code | Name |' "$TMP/s.md" || fail "Markdown table"
run_chiso sensitivity -o "$TMP/s.csv" --bom "$model" "$TMP/flip.json"
expect_rc 0
[ "$(head -c 3 "$TMP/s.csv" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] ||
	fail "--bom"
grep -q 'rank,code,name,value,median_rank,p05,p95,best,worst,max_shift,keeps_place,holds_rank,mean_shift' \
	"$TMP/s.csv" || fail "CSV header"
run_chiso sensitivity -o "$TMP/s.html" --title "Độ nhạy <thử>" "$model" \
	"$TMP/flip.json"
expect_rc 0
grep -q '<title>Độ nhạy &lt;thử&gt;</title>' "$TMP/s.html" || fail "HTML title"
grep -q 'Content-Security-Policy' "$TMP/s.html" || fail "HTML CSP"
[ "$(grep -c '<svg' "$TMP/s.html")" = "$(grep -c '</svg>' "$TMP/s.html")" ] ||
	fail "HTML: unbalanced svg"
grep -q '<script' "$TMP/s.html" && fail "HTML: a script"
run_chiso sensitivity -o "$TMP/s.xlsx" "$model" "$TMP/flip.json"
expect_rc 2
expect_err "chiso sensitivity: cannot write $TMP/s.xlsx as an Excel workbook"
[ ! -e "$TMP/s.xlsx" ] || fail "xlsx written"

# --- the report draws the intervals ------------------------------------
run_chiso sensitivity -f json -o "$TMP/s22.json" "$district" "$TMP/r.json"
expect_rc 0
run_chiso report --sensitivity "$TMP/s22.json" -o "$TMP/rep.html" "$TMP/r.json"
expect_rc 0
grep -q 'Độ nhạy của thứ hạng' "$TMP/rep.html" || fail "no intervals section"
grep -q 'Thị xã Nghĩa Lộ: hạng 1; trung vị 1;' "$TMP/rep.html" ||
	fail "no interval of YB.TXNL"
run_chiso report --sensitivity "$TMP/s22.json" --by CQS -o "$TMP/rep2.html" \
	"$TMP/r.json"
expect_rc 2
expect_err "s22.json: analyses the ranking by total (grouped: none), but the report ranks by CQS (grouped: none); give the report --by total"
run_chiso report --sensitivity "$TMP/s.json" -o "$TMP/rep2.html" "$TMP/r.json"
expect_rc 2
expect_err "s.json: analyses results of model sens-flip 1"
run_chiso report --sensitivity "$TMP/r.json" -o "$TMP/rep2.html" "$TMP/r.json"
expect_rc 2
expect_err "r.json: not a sensitivity analysis"
[ ! -e "$TMP/rep2.html" ] || fail "refused, but the report was written"
run_chiso rank --sensitivity "$TMP/s22.json" "$TMP/r.json"
expect_rc 2
expect_err "chiso rank: --sensitivity draws rank intervals in the HTML report"

# --- merged results: the main indices only -------------------------------
run_chiso merge --map tests/cli/data/merge-districts.csv -o "$TMP/mg.json" \
	"$TMP/r.json"
expect_rc 0
run_chiso sensitivity "$district" "$TMP/mg.json"
expect_rc 0
expect_out "6 units ranked"
run_chiso sensitivity --vary indicators=10% "$district" "$TMP/mg.json"
expect_rc 2
expect_err "was made by chiso merge: the results hold only its main indices, so --vary indicators cannot be computed for it"
run_chiso sensitivity --by CQS "$district" "$TMP/mg.json"
expect_rc 2
expect_err "the results do not list the nodes of view CQS (written by chiso merge)"

# --- too many runs for the memory allowed ----------------------------------
sh bench/gen-units.sh 1400 >"$TMP/units.yaml"
run_chiso evaluate -f json -o "$TMP/big.json" "$district" "$TMP/units.yaml"
expect_rc 0
run_chiso sensitivity --runs 100000 -o "$TMP/big.txt" "$district" "$TMP/big.json"
expect_rc 2
expect_err "chiso: --runs 100000: the runs' ranks of 1400 units (and their factors) would take 539 MiB, more than the 512 MiB chiso sensitivity allows; use --runs 95038 or fewer"
[ ! -e "$TMP/big.txt" ] || fail "refused, but written"
exit 0
