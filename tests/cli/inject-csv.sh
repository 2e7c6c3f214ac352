# inject-csv.sh - CSV outputs (rank, compare, gaps, template) defuse
# spreadsheet formulas: a text cell starting with =, +, -, @, TAB or CR
# gets a leading ' (OWASP's advice), numbers stay numbers ("-0.5000",
# rank change "-2"), control characters are escaped; --no-formula-guard
# turns the guard off for pipelines.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
. tests/cli/inject-lib.sh
inject_results

# check_csv: the last output is CSV with no live formula and no control
# character but its line breaks.
check_csv() {
	no_formula "$TMP/out"
	no_ctrl "$TMP/out" csv
}

for doc in self esc-self; do
	run_chiso rank -f csv "$TMP/$doc.json"
	expect_rc 0
	check_csv
	run_chiso rank -f csv --group-by parent --by 2 "$TMP/$doc.json"
	expect_rc 0
	check_csv
	run_chiso gaps -f csv "$TMP/$doc.json"
	expect_rc 0
	check_csv
	run_chiso compare -f csv "$TMP/$doc.json" "$TMP/esc-appraised.json"
	expect_rc 0
	check_csv
	run_chiso compare -f csv --mode years "$TMP/$doc.json" \
		"$TMP/esc-appraised.json"
	expect_rc 0
	check_csv
done

run_chiso rank -f csv --group-by parent "$TMP/self.json"
expect_rc 0
expect_out "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,1.0000,20.0000,20,'=1+1 <i>class</i>,'@SUM(A1),1.0000,1,"
expect_out "1,'-1+2,<script>alert(1)</script>,0.2500,5.0000,20,,'=1+1,"
expect_out ",'@SUM(A1),<img src=x onerror=alert(1)>,0.6250,12.5000,20,'=1+1 <i>class</i>,'-2,"
# Rank changes and changes are numbers: no quote.
run_chiso compare -f csv --mode years "$TMP/self.json" "$TMP/appraised.json"
expect_rc 0
expect_out "'+1,[x](javascript:alert(1)),both,0.7500,0.0000,-0.7500,15.0000,0.0000,3,5,-2,-0.5000,-1.0000,-0.5000"
expect_out "'-1+2,<script>alert(1)</script>,both,0.2500,0.2500,0.0000,5.0000,5.0000,7,1,+6,"
run_chiso compare -f csv "$TMP/self.json" "$TMP/appraised.json"
expect_rc 0
expect_out "'+1,2,Plan,10.0000,0.0000,-10.0000,1,0,no,"
# The escaped document: a control character is shown, a line break in a
# name is kept inside its quoted cell.
run_chiso gaps -f csv "$TMP/esc-self.json"
expect_rc 0
expect_out "<U+001B>[2JX,\"<U+001B>]8;;http://evil.example/<U+0007>click<U+001B>]8;;<U+0007>"
expect_out "'@SUM(A1),<img src=x onerror=alert(1)>,2023,self,1.1,"

# template: the model's labels.
run_chiso template -f csv --labels "$IM"
expect_rc 0
check_csv
expect_out ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1 plan issued,'-1+2 report number,'@SUM(A1)"
run_chiso template -f csv --labels --separator ';' "$IM"
expect_rc 0
expect_out ";\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";'+1 plan issued;'-1+2 report number;'@SUM(A1)"

# --no-formula-guard: the text as it is (control characters still shown).
run_chiso rank -f csv --no-formula-guard --group-by parent "$TMP/esc-self.json"
expect_rc 0
no_ctrl "$TMP/out" csv
expect_out "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+1,1.0000,20.0000,20,=1+1 <i>class</i>,@SUM(A1),"
run_chiso compare -f csv --no-formula-guard "$TMP/self.json" "$TMP/appraised.json"
expect_rc 0
expect_out "+1,[x](javascript:alert(1)),2,Plan,"
run_chiso gaps -f csv --no-formula-guard "$TMP/self.json"
expect_rc 0
expect_out "-1+2,<script>alert(1)</script>,2023,self,2,Plan,"
run_chiso template -f csv --labels --no-formula-guard "$IM"
expect_rc 0
expect_out ",+1 plan issued,-1+2 report number,@SUM(A1)"

# The option goes with CSV only, and every CSV command documents it.
for cmd in rank compare gaps template; do
	if [ "$cmd" = template ]; then
		run_chiso "$cmd" --no-formula-guard "$IM"
	else
		run_chiso "$cmd" --no-formula-guard "$TMP/self.json" \
			"$TMP/appraised.json"
	fi
	expect_rc 2
	expect_err "--no-formula-guard is for --format csv"
	run_chiso "$cmd" --help
	expect_rc 0
	expect_out "--no-formula-guard"
done
exit 0
