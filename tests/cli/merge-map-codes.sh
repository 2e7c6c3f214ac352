# merge-map-codes.sh - a merger map may not give a merged unit the code of
# a predecessor: a unit mapped to itself, two units swapped, or a chain
# (A into B while B merges into C) is refused at the map's row, exit 2,
# nothing written. Before, such maps were accepted, and compare then
# matched the swapped units with each other: YB.TTA's new values were
# YB.MCC's, as if Trạm Tấu had gained 0.0594.
. "$srcdir/tests/lib.sh"
cd "$srcdir"
run_chiso evaluate -f json -o "$TMP/r.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml
expect_rc 0

# refused MAP TEXT: the map of printf's TEXT is refused, nothing written.
refused() {
	printf "$2" >"$TMP/$1.csv"
	run_chiso merge --map "$TMP/$1.csv" -o "$TMP/$1.json" "$TMP/r.json"
	expect_rc 2
	[ ! -e "$TMP/$1.json" ] || fail "$1: refused, but written"
}

refused swap 'code,name,old_code\nYB.TTA,Trạm Tấu,YB.MCC\nYB.MCC,Mù Cang Chải,YB.TTA\n'
expect_err "swap.csv:2:1: the new code 'YB.TTA' is an old_code too (row 3 merges YB.TTA into YB.MCC); a merged unit needs a code no predecessor has, or compare would take it for that predecessor"
expect_err "swap.csv:3:1: the new code 'YB.MCC' is an old_code too (row 2 merges YB.MCC into YB.TTA)"
refused self 'code,name,old_code\nYB.TTA,Trạm Tấu,YB.TTA\n'
expect_err "self.csv:2:1: the row maps 'YB.TTA' to itself; a merged unit needs a code no predecessor has"
# A unit absorbing another under its own code maps itself too.
refused absorb 'code,name,old_code\nYB.TTA,Trạm Tấu,YB.TTA\nYB.TTA,Trạm Tấu,YB.MCC\n'
expect_err "absorb.csv:2:1: the row maps 'YB.TTA' to itself"
expect_err "absorb.csv:3:1: the new code 'YB.TTA' is an old_code too (row 2 merges YB.TTA into YB.TTA)"
refused chain 'code,name,old_code\nYB.N1,N1,YB.TTA\nYB.TTA,T,YB.MCC\n'
expect_err "chain.csv:3:1: the new code 'YB.TTA' is an old_code too (row 2 merges YB.TTA into YB.N1)"
# Columns in another order: the place is the code's column.
refused order 'old_code,name,code\nYB.MCC,M,YB.TTA\nYB.TTA,T,YB.MCC\n'
expect_err "order.csv:2:3: the new code 'YB.TTA' is an old_code too (row 3 merges YB.TTA into YB.MCC)"

# A map whose new codes are all new still merges, and compare sees the
# merged unit appear and its predecessors go.
printf 'code,name,old_code\nYB.N1,N1,YB.TTA\nYB.N1,N1,YB.MCC\n' >"$TMP/ok.csv"
run_chiso merge --map "$TMP/ok.csv" -o "$TMP/ok.json" "$TMP/r.json"
expect_rc 0
run_chiso compare "$TMP/r.json" "$TMP/ok.json"
expect_rc 0
expect_out "Appeared (new only): YB.N1"
expect_out "Disappeared (base only): YB.MCC, YB.TTA"
