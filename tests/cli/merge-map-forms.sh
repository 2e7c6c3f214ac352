#!/bin/sh
# merge-map-forms.sh - the forms of a merger map a spreadsheet writes:
# without the optional name column (a merged unit then takes the name its
# predecessors share, else its code), ';' as separator (as a
# Vietnamese-locale Excel writes it), a UTF-8 BOM, and a name given on
# only one row of a unit. Each merges exactly as the map of
# examples/merge-provinces-2025.csv does; the refusals still hold.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/r.json" criteria/vn-dti-province-2022.yaml \
	examples/dti-provinces-2023.yaml
expect_rc 0

# merged MAP TEXT: merges with the map of printf's TEXT into $TMP/MAP.json
# and ranks it (stdout: the ranking).
merged() {
	printf "$2" >"$TMP/$1.csv"
	run_chiso merge --map "$TMP/$1.csv" -o "$TMP/$1.json" "$TMP/r.json"
	expect_rc 0
	run_chiso rank "$TMP/$1.json"
	expect_rc 0
}

# The reference: the map as documented, names given.
merged ref 'code,name,old_code\nLC25,Tỉnh Lào Cai,YB\nLC25,Tỉnh Lào Cai,LC\nTQ25,Tỉnh Tuyên Quang,HG\nTQ25,Tỉnh Tuyên Quang,TQ\n'
cp "$TMP/out" "$TMP/ref.txt"

# ';' as separator, with a BOM; columns in another order.
merged semi '\357\273\277old_code;name;code\nYB;Tỉnh Lào Cai;LC25\nLC;Tỉnh Lào Cai;LC25\nHG;"Tỉnh Tuyên Quang";TQ25\nTQ;Tỉnh Tuyên Quang;TQ25\n'
expect_same "$TMP/ref.txt"
# A BOM with ',' (CRLF lines, as Excel writes them).
merged bom '\357\273\277code,name,old_code\r\nLC25,Tỉnh Lào Cai,YB\r\nLC25,Tỉnh Lào Cai,LC\r\nTQ25,Tỉnh Tuyên Quang,HG\r\nTQ25,Tỉnh Tuyên Quang,TQ\r\n'
expect_same "$TMP/ref.txt"
# A name on one row of each unit holds for both.
merged once 'code;name;old_code\nLC25;;YB\nLC25;Tỉnh Lào Cai;LC\nTQ25;Tỉnh Tuyên Quang;HG\nTQ25;;TQ\n'
expect_same "$TMP/ref.txt"
# ';' in a quoted name of a ',' map stays in the name; the header decides.
merged quoted 'code,name,old_code\nLC25,"Tỉnh Lào Cai; mới",YB\nLC25,"Tỉnh Lào Cai; mới",LC\n'
expect_out_re "^ +1  LC25 +Tỉnh Lào Cai; mới +0.6059 "

# No name column: predecessors of different names give the code; a unit
# that only changes its code keeps its name.
merged noname 'code;old_code\nLC25;YB\nLC25;LC\nPT25;PT\n'
expect_out_re "^ +1  LC25 +LC25 +0.6059  605.9000/1000 "
expect_out_re "^ +2  PT25 +Tỉnh Phú Thọ +0.5444  544.4450/1000 "
grep -F -q '"code": "PT25", "name": "Tỉnh Phú Thọ"' "$TMP/noname.json" ||
	fail "PT25 lacks its predecessor's name"

# Refusals: a header without code or old_code; the codes rules of
# merge-map-codes.sh with ';' too.
printf 'code;name\nX;Y\n' >"$TMP/nocol.csv"
run_chiso merge --map "$TMP/nocol.csv" "$TMP/r.json"
expect_rc 2
expect_err "nocol.csv:1:1: the header must name the columns code and old_code"
printf 'code;old_code;what\nX;YB;1\n' >"$TMP/unknown.csv"
run_chiso merge --map "$TMP/unknown.csv" "$TMP/r.json"
expect_rc 2
expect_err "unknown.csv:1:3: unknown column 'what': a merge map has the columns code, old_code (and optionally name, parent, level)"
printf 'code;old_code\nYB;LC\nLC;YB\n' >"$TMP/swap.csv"
run_chiso merge --map "$TMP/swap.csv" -o "$TMP/swap.json" "$TMP/r.json"
expect_rc 2
expect_err "swap.csv:2:1: the new code 'YB' is an old_code too (row 3 merges YB into LC)"
[ ! -e "$TMP/swap.json" ] || fail "swap: refused, but written"
printf '\357\273\277code;old_code\nYB;YB\n' >"$TMP/self.csv"
run_chiso merge --map "$TMP/self.csv" "$TMP/r.json"
expect_rc 2
expect_err "self.csv:2:1: the row maps 'YB' to itself"
# Rows of one unit that give two names still disagree.
printf 'code;name;old_code\nX;Xa;YB\nX;Xb;LC\n' >"$TMP/names.csv"
run_chiso merge --map "$TMP/names.csv" "$TMP/r.json"
expect_rc 2
expect_err "names.csv:3:2: the rows of X disagree on its name"
