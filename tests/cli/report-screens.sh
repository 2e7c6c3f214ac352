# report-screens.sh - the HTML report of the provincial model (9 main
# indices and 3 views, 6 provinces) laid out by headless Chromium on a
# wide screen (1400 px) and on a phone (420 px), measured through
# tests/cli/browser_measure.py (the DevTools protocol, not pixels):
#  - at 1400 px the page is not wider than the window, the ranking table
#    fits its box (no column behind a scroll bar) and every index column
#    is headed by its id and its name;
#  - at 420 px the page does not scroll sideways (no element reaches past
#    the right edge unless inside a box that scrolls), the title block is
#    within the window, and the ranking table scrolls inside its own box
#    with the unit's name still in view when scrolled to the end.
# The grouped report of the 9 Yên Bái districts is measured at 420 px too,
# and the provincial report printed (print stylesheet, 703 px: A4 with
# 12 mm margins) has its ranking table within the page.
# Skipped (77) without python3 or Chromium. Set CHISO_REPORT_SHOTS=DIR to
# keep the screenshots (DIR/province-1400.png, province-420.png,
# districts-420.png, print-703.png); the measures are in the test's log.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

run_chiso evaluate -f json -o "$TMP/p.json" \
	criteria/vn-dti-province-2022.yaml examples/dti-provinces-2022.yaml
expect_rc 0
run_chiso report -o "$TMP/province.html" "$TMP/p.json"
expect_rc 0
run_chiso evaluate -f json -o "$TMP/d.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml
expect_rc 0
run_chiso report --group-by parent -o "$TMP/districts.html" "$TMP/d.json"
expect_rc 0

PY=
for py in ${PYTHON:-} python3 /usr/bin/python3; do
	if command -v "$py" >/dev/null 2>&1; then
		PY=$py
		break
	fi
done
if [ -z "$PY" ]; then
	echo "SKIP: no python3"
	exit 77
fi
need_chromium

# measure NAME WIDTH [--print]: lays out $TMP/NAME.html in a window
# WIDTH x 900 (for print: the print stylesheet; NAME print is the
# provincial report); the measures in $TMP/NAME-WIDTH.txt (and the log),
# a screenshot beside.
measure() {
	out=$TMP/$1-$2
	html=$1
	[ "$1" = print ] && html=province
	set +e
	# shellcheck disable=SC2086 # no word at all without --print
	"$PY" "$srcdir/tests/cli/browser_measure.py" ${3:-} "$browser" \
		"file://$TMP/$html.html" "$2" 900 "$out.png" >"$out.txt" \
		2>"$out.err"
	mrc=$?
	set -e
	echo "--- $1 at $2 px"
	cat "$out.txt"
	if [ "$mrc" -ne 0 ]; then
		cat "$out.err" >&2
		fail "$1 at $2 px: browser_measure.py exited with $mrc"
	fi
	[ "$(head -c 4 "$out.png" | od -An -c | tr -d ' ')" = '211PNG' ] ||
		fail "$1 at $2 px: the screenshot is not a PNG"
	if [ -n "${CHISO_REPORT_SHOTS:-}" ]; then
		cp "$out.png" "$CHISO_REPORT_SHOTS/$1-$2.png"
	fi
}

# value NAME WIDTH KEY: the measure KEY of the last measure NAME WIDTH.
value() {
	sed -n "s/^$3 //p" "$TMP/$1-$2.txt"
}

# at_most NAME WIDTH KEY MAX: measure KEY is a number not above MAX.
at_most() {
	v=$(value "$1" "$2" "$3")
	case $v in
	'' | *[!0-9-]*) fail "$1 at $2 px: $3 is '$v', not a number" ;;
	esac
	[ "$v" -le "$4" ] || fail "$1 at $2 px: $3 is $v, more than $4"
}

# is NAME WIDTH KEY WANT: measure KEY is exactly WANT.
is() {
	v=$(value "$1" "$2" "$3")
	[ "$v" = "$4" ] || fail "$1 at $2 px: $3 is '$v', not '$4'"
}

# The wide screen: nothing clipped, every index named in its header.
measure province 1400
is province 1400 inner_width 1400
at_most province 1400 page_width 1400
is province 1400 offenders 0
is province 1400 ranking_tables 1
at_most province 1400 ranking_overflow 0
at_most province 1400 header_right 1400
heads=$(value province 1400 headers)
for col in '1 Nhận thức số' '2 Thể chế số' '3 Hạ tầng số' '4 Nhân lực số' \
	'5 An toàn thông tin mạng' \
	'6 Đô thị thông minh (thu thập, không tính điểm)' \
	'7 Hoạt động chính quyền số' '8 Hoạt động kinh tế số' \
	'9 Hoạt động xã hội số' 'CQS Chính quyền số' 'KTS Kinh tế số' \
	'XHS Xã hội số'; do
	case " | $heads | " in
	*" | $col ["*) ;;
	*) fail "province at 1400 px: no header '$col' in: $heads" ;;
	esac
done

# The phone: the page stays in the window, the table scrolls in its box.
for name in province districts; do
	measure "$name" 420
	is "$name" 420 inner_width 420
	at_most "$name" 420 page_width 420
	is "$name" 420 offenders 0
	at_most "$name" 420 header_right 420
	at_most "$name" 420 header_overflow 0
	is "$name" 420 sticky_name 1
done
is province 420 ranking_tables 1
is districts 420 ranking_tables 1
v=$(value province 420 ranking_overflow)
[ "$v" -gt 0 ] ||
	fail "province at 420 px: the ranking table does not scroll ($v)"

# Printed on A4: the whole ranking table on the page.
measure print 703 --print
at_most print 703 page_width 703
is print 703 offenders 0
at_most print 703 ranking_overflow 0
exit 0
