# csv-options.sh - every CSV output (evaluate, rank, compare, gaps,
# template) takes --separator ';' and --bom the same way: ';' between
# fields and a decimal comma in numbers (as Excel in Vietnamese settings
# reads them, and as chiso's CSV reader reads ';' files), text such as
# notes left as it is; a UTF-8 BOM first with --bom; a separator other
# than ',' or ';', or a CSV option without CSV, refused (exit 2).
. "$srcdir/tests/lib.sh"
cd "$srcdir"

model=criteria/example-district.yaml
d22=examples/yen-bai-districts-2022.yaml
d23=examples/yen-bai-districts-2023-appraised.yaml
run_chiso evaluate -o "$TMP/r22.json" "$model" "$d22"
expect_rc 0
run_chiso evaluate -o "$TMP/r23.json" "$model" "$d23"
expect_rc 0

# check NAME HEADER ROW ARGS...: chiso ARGS --separator ';' --bom writes
# a BOM, then HEADER as its first line, and a line starting with ROW.
check() {
	name=$1 header=$2 row=$3
	shift 3
	run_chiso "$@" --separator ';' --bom
	expect_rc 0
	[ "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
		fail "$name: no UTF-8 BOM"
	first=$(head -1 "$TMP/out" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//')
	case $first in
	"$header"*) ;;
	*) fail "$name: header is $first" ;;
	esac
	grep -F -q -- "$row" "$TMP/out" || {
		head -3 "$TMP/out" >&2
		fail "$name: no row with $row"
	}
	# without --bom: no BOM; ',' by default with decimal points
	run_chiso "$@"
	expect_rc 0
	[ "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" != efbbbf ] ||
		fail "$name: a BOM without --bom"
}

check "evaluate" \
	"code;name;level;parent;period;stage;status;points;max;value;class;1 " \
	"YB.TPYB;Thành phố Yên Bái;district;YB;2022;final;ok;96,2742;100;0,9627;Đạt chuyển đổi số;30,0000;20,0000;" \
	evaluate -f csv "$model" "$d22"
expect_out "YB.TPYB,Thành phố Yên Bái,district,YB,2022,final,ok,96.2742,100,0.9627,"
check "rank" "rank;code;name;value;points;max;class;" \
	"1;YB.TXNL;Thị xã Nghĩa Lộ;0,9665;96,6509;100;;0,9944;3;" \
	rank -f csv "$TMP/r22.json"
check "compare" "code;name;status;value_base;value_new;change;" \
	"YB.TXNL;Thị xã Nghĩa Lộ;both;0,9665;0,9887;+0,0222;96,6509;98,8684;1;1;0;" \
	compare -f csv "$TMP/r22.json" "$TMP/r23.json"
# gaps: numbers with a comma, the notes (text) as the plugin wrote them
check "gaps" "code;name;period;stage;indicator;indicator_name;points;max;to_gain;note;hint" \
	"YB.TPYB;Thành phố Yên Bái;2023;appraised;4.1;Hồ sơ dịch vụ công trực tuyến toàn trình (đủ điểm từ 50%);8,8000;10;1,2000;7172/16300 = 0.44 (target 0.5);" \
	gaps -f csv "$TMP/r23.json"
check "template" "code;name;level;parent;period;stage;steering_meetings;" "" \
	template -f csv "$model"

# A ';' score sheet is what a Vietnamese Excel saves: chiso's own CSV
# reader takes "96,2742" as 96.2742 with ';' (csv_input.h).
run_chiso evaluate -f csv --separator ';' "$model" "$d22"
expect_rc 0
grep -q '^YB.YBI;Huyện Yên Bình;district;YB;2022;final;ok;[0-9]*,[0-9]\{4\};' \
	"$TMP/out" || fail "evaluate --separator ';': no decimal comma"

# refusals, the same for every command
for args in "evaluate $model $d22" "rank $TMP/r22.json" \
	"gaps $TMP/r22.json" "compare $TMP/r22.json $TMP/r23.json" \
	"template $model"; do
	cmd=${args%% *}
	# shellcheck disable=SC2086
	run_chiso $args -f csv --separator '|'
	expect_rc 2
	expect_err "chiso $cmd: unknown separator '|': use ',' or ';'"
	# shellcheck disable=SC2086
	run_chiso $args -f json --separator ';'
	expect_rc 2
	expect_err "chiso $cmd: --separator is for --format csv"
	# shellcheck disable=SC2086
	run_chiso $args -f json --bom
	expect_rc 2
	expect_err "chiso $cmd: --bom is for --format csv"
done
# -o picks CSV, so the CSV options go with it without -f
run_chiso rank --bom --separator ';' -o "$TMP/r.csv" "$TMP/r22.json"
expect_rc 0
LC_ALL=C grep -q '^.\{3\}rank;code;' "$TMP/r.csv" || fail "rank -o r.csv --bom --separator"
exit 0
