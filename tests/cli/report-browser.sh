# report-browser.sh - the HTML report of the 9 Yên Bái districts (2022)
# loads in headless Chromium without errors: no console message, no
# Content-Security-Policy refusal, no network request; the DOM holds the
# ranking table, the charts and the Vietnamese title exactly; a screenshot
# is made and is not blank. Skipped (77) when no Chromium is installed.
# Set CHISO_REPORT_SHOT=FILE to keep the screenshot.
. "$srcdir/tests/lib.sh"
cd "$srcdir"

TITLE_MODEL='Bộ chỉ số đánh giá chuyển đổi số cấp huyện (ví dụ)'
TITLE_GIVEN='Xếp hạng chuyển đổi số cấp huyện tỉnh Yên Bái năm 2022 <&>'
TITLE_ESC='Xếp hạng chuyển đổi số cấp huyện tỉnh Yên Bái năm 2022 &lt;&amp;&gt;'

run_chiso evaluate -f json -o "$TMP/r.json" criteria/example-district.yaml \
	examples/yen-bai-districts-2022.yaml
expect_rc 0
run_chiso report -o "$TMP/report.html" "$TMP/r.json"
expect_rc 0
run_chiso report --group-by parent --title "$TITLE_GIVEN" \
	-o "$TMP/grouped.html" "$TMP/r.json"
expect_rc 0

# The files themselves: HTML5, UTF-8, the policy, nothing external.
for f in "$TMP/report.html" "$TMP/grouped.html"; do
	[ "$(head -n 1 "$f")" = "<!DOCTYPE html>" ] || fail "$f: no doctype"
	grep -F -q '<meta charset="utf-8">' "$f" || fail "$f: no charset"
	grep -F -q "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"" \
		"$f" || fail "$f: no Content-Security-Policy"
	if grep -F -q '<script' "$f"; then fail "$f: has a script"; fi
	if grep -o -E 'https?://[^"]*' "$f" | grep -v -x -F \
		'http://www.w3.org/2000/svg' | grep -q .; then
		fail "$f: names an address other than the SVG namespace"
	fi
done
grep -F -q "<h1>$TITLE_MODEL</h1>" "$TMP/report.html" ||
	fail "report.html: the model's title is not the heading"
grep -F -q "<h1>$TITLE_ESC</h1>" "$TMP/grouped.html" ||
	fail "grouped.html: the given title is not the (escaped) heading"

# A Chromium to render with.
need_chromium
TIMEOUT=
if command -v timeout >/dev/null 2>&1; then
	TIMEOUT="timeout 120"
fi

# browse NAME ARGS...: runs headless Chromium (fresh profile, no network
# services) with ARGS; stdout in $TMP/NAME.out, stderr in $TMP/NAME.err.
browse() {
	name=$1
	shift
	set +e
	$TIMEOUT "$browser" --headless --no-sandbox --disable-gpu \
		--disable-dev-shm-usage --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run \
		--user-data-dir="$TMP/profile-$name" --enable-logging=stderr \
		--v=0 --virtual-time-budget=2000 "$@" \
		>"$TMP/$name.out" 2>"$TMP/$name.err"
	brc=$?
	set -e
	if [ "$brc" -ne 0 ]; then
		tail -n 20 "$TMP/$name.err" >&2
		fail "chromium exited with $brc ($name)"
	fi
	# Chromium logs much about dbus and the GPU; only the page matters.
	if grep -E 'CONSOLE|Refused to|Uncaught|net::ERR|file://' \
		"$TMP/$name.err" >"$TMP/$name.page"; then
		cat "$TMP/$name.page" >&2
		fail "the page logged errors ($name)"
	fi
}

# check_dom NAME HTML TITLE: the DOM Chromium built from HTML has the
# table, every chart and profile of the file, and the title exactly.
check_dom() {
	dom=$TMP/$1.out
	grep -F -q '<table class="ranking">' "$dom" ||
		fail "$1: no ranking table in the DOM"
	grep -F -q '<table class="heat">' "$dom" ||
		fail "$1: no heat map in the DOM"
	want=$(grep -o '<svg' "$2" | wc -l)
	got=$(grep -o '<svg' "$dom" | wc -l)
	closed=$(grep -o '</svg>' "$dom" | wc -l)
	if [ "$want" -eq 0 ] || [ "$got" -ne "$want" ] ||
		[ "$closed" -ne "$want" ]; then
		fail "$1: $got svg elements ($closed closed) in the DOM, $want in the file"
	fi
	got=$(grep -o '<article class="profile"' "$dom" | wc -l)
	[ "$got" -eq 9 ] || fail "$1: $got profiles in the DOM, not 9"
	grep -F -q "<title>$3</title>" "$dom" || fail "$1: title not exact"
	grep -F -q "<h1>$3</h1>" "$dom" || fail "$1: heading not exact"
	for name in 'Thành phố Yên Bái' 'Thị xã Nghĩa Lộ' 'Huyện Lục Yên' \
		'Huyện Văn Yên' 'Huyện Mù Cang Chải' 'Huyện Trấn Yên' \
		'Huyện Trạm Tấu' 'Huyện Văn Chấn' 'Huyện Yên Bình'; do
		grep -F -q "$name" "$dom" || fail "$1: $name missing"
	done
}

browse plain --dump-dom "file://$TMP/report.html"
check_dom plain "$TMP/report.html" "$TITLE_MODEL"
browse grouped --dump-dom "file://$TMP/grouped.html"
check_dom grouped "$TMP/grouped.html" "$TITLE_ESC"
grep -F -q '<h2>YB <span class="r">(9 đơn vị)</span></h2>' \
	"$TMP/grouped.out" || fail "grouped: no group heading"

# A screenshot: a PNG of a page with content (a blank page compresses to
# a few kilobytes).
browse shot --screenshot="$TMP/report.png" --window-size=1280,2000 \
	"file://$TMP/report.html"
[ -f "$TMP/report.png" ] || fail "no screenshot"
[ "$(head -c 4 "$TMP/report.png" | od -An -c | tr -d ' ')" = '211PNG' ] ||
	fail "the screenshot is not a PNG"
size=$(wc -c <"$TMP/report.png")
[ "$size" -gt 50000 ] || fail "the screenshot is only $size bytes"
if [ -n "${CHISO_REPORT_SHOT:-}" ]; then
	cp "$TMP/report.png" "$CHISO_REPORT_SHOT"
fi
exit 0
