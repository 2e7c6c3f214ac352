# csv-batch.sh - a 700-row CSV batch as a spreadsheet exports it (BOM,
# CRLF, Vietnamese names with commas and doubled quotes, Vietnamese
# yes/no words, empty cells) with one bad row: that row is reported as
# "units.csv:ROW:COL: unit CODE: field NAME: ..." and is the only invalid
# unit. The same batch with ';' and decimal commas (Excel in Vietnamese
# settings) gives the very same results. The example CSV evaluates.
. "$srcdir/tests/lib.sh"
model="$srcdir/criteria/example-district.yaml"

# gen SEP: the batch on stdout; unit VN.437 (row 438) has the text "bốn"
# in steering_meetings (column 7). Numbers of number inputs are written
# with a decimal comma when SEP is ';'.
gen() {
	printf '\357\273\277'
	awk -v sep="$1" 'function num(s) {
		if (sep == ";")
			sub(/\./, ",", s)
		return s
	}
	function row(f, n, i, line) {
		line = f[1]
		for (i = 2; i <= n; i++)
			line = line sep f[i]
		printf "%s\r\n", line
	}
	BEGIN {
		n = split("code name level parent period stage " \
		    "steering_meetings committee_chair communes_total " \
		    "communes_committee dt_plan_issued dt_directives " \
		    "plan_targets_total plan_targets_met officials_total " \
		    "officials_with_pc villages_total villages_wifi " \
		    "communes_4g households_fibre_pct dossiers_total " \
		    "dossiers_online portal_dt_section security_monitoring " \
		    "antimalware digital_skills_score smartphone_adult_pct " \
		    "initiative_points report_ref", h, " ")
		row(h, n)
		split("head deputy none", chair, " ")
		split("self appraised final", stage, " ")
		for (i = 1; i <= 700; i++) {
			f[1] = sprintf("VN.%03d", i)
			f[2] = sprintf("\"Huyện Số %d, tỉnh \"\"Thử\"\"\"", i)
			f[3] = "district"
			f[4] = "VN"
			f[5] = "2023"
			f[6] = stage[i % 3 + 1]
			f[7] = i == 437 ? "bốn" : i % 5
			f[8] = chair[i % 3 + 1]
			f[9] = 10 + i % 20
			f[10] = f[9] - i % 3
			f[11] = i % 2 ? "có" : "Không"
			f[12] = i % 7 == 0 ? "" : i % 4
			f[13] = 20
			f[14] = i % 21
			f[15] = 100 + i % 50
			f[16] = f[15] - i % 7
			f[17] = 50 + i % 30
			f[18] = int(f[17] * (i % 10) / 10)
			f[19] = f[9] - i % 2
			f[20] = num(sprintf("%d.%d", 50 + i % 50, i % 10))
			f[21] = 1000 + i
			f[22] = (i * 7) % 1000
			f[23] = i % 4 == 0 ? "" : "x"
			f[24] = i % 3 ? "true" : "false"
			f[25] = i % 2
			f[26] = num(sprintf("0.%02d", i % 100))
			f[27] = num(sprintf("%d.%d", 60 + i % 40, i % 10))
			f[28] = i % 5 == 0 ? "" : num(sprintf("%d.5", i % 5))
			f[29] = sprintf("\"BC-%d/2023, bản \"\"chính\"\"\"", i)
			row(f, 29)
		}
	}'
}

mkdir "$TMP/comma" "$TMP/semi"
gen , >"$TMP/comma/units.csv"
gen ';' >"$TMP/semi/units.csv"
[ "$(wc -l <"$TMP/comma/units.csv")" -eq 701 ] || fail "generator broken"
grep -F -q 'Huyện Số 12, tỉnh ""Thử""' "$TMP/comma/units.csv" ||
	fail "generator lost the quoted names"
grep -F -q ';82,2;' "$TMP/semi/units.csv" ||
	fail "generator wrote no decimal commas"

for v in comma semi; do
	cd "$TMP/$v"
	run_chiso evaluate -f json -o r.json "$model" units.csv
	expect_rc 1
	# exactly one problem, named exactly: row, column, unit, field
	# (the generator leaves some cells empty: warned, not problems)
	[ "$(grep -v ': warning: ' "$TMP/err" | grep -c 'units.csv')" -eq 1 ] || {
		cat "$TMP/err" >&2
		fail "$v: expected exactly one problem"
	}
	grep -F -x -q "units.csv:438:7: unit VN.437: field steering_meetings: expected a whole number, not 'bốn'" "$TMP/err" || {
		cat "$TMP/err" >&2
		fail "$v: the bad row is not named exactly"
	}
	expect_err "1 of 700 units invalid"
	[ "$(grep -c '^      "status": "ok",$' r.json)" -eq 699 ] ||
		fail "$v: expected 699 units with status ok"
	[ "$(grep -c '^      "status": "invalid",$' r.json)" -eq 1 ] ||
		fail "$v: expected 1 invalid unit"
	grep -F -q '"code": "VN.012", "name": "Huyện Số 12, tỉnh \"Thử\""' \
		r.json || fail "$v: name of VN.012 not read exactly"
	grep -F -q '"report_ref": "BC-12/2023, bản \"chính\""' r.json ||
		fail "$v: report_ref of VN.012 not read exactly"
	# VN.013: fibre 63.3 (with ';' written 63,3), plan issued ("có")
	grep -F -q '"households_fibre_pct": 63.3,' r.json ||
		fail "$v: households_fibre_pct of VN.013 misread"
done
cmp -s "$TMP/comma/r.json" "$TMP/semi/r.json" || {
	diff "$TMP/comma/r.json" "$TMP/semi/r.json" | head -20 >&2
	fail "';' with decimal commas scores differently from ','"
}

# The example batch: 9 districts of Yên Bái, all valid.
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/ex.json" "$model" \
	examples/districts-2023.csv
expect_rc 0
[ "$(grep -c '^      "status": "ok",$' "$TMP/ex.json")" -eq 9 ] ||
	fail "examples/districts-2023.csv: expected 9 units with status ok"
grep -F -q '"code": "YB.MCC", "name": "Huyện Mù Cang Chải"' "$TMP/ex.json" ||
	fail "examples/districts-2023.csv: Mù Cang Chải missing"

# The rest of the 700 is ranked; the bad row is listed apart.
run_chiso rank "$TMP/comma/r.json"
expect_rc 0
expect_out "699 units ranked"
expect_out "Not ranked: VN.437"
