# inject-lib.sh - shared by tests/cli/inject-*.sh (sourced after
# tests/lib.sh, in $srcdir): results documents of the hostile units of
# tests/cli/data/inject-*.yaml, and checks that an output holds no raw
# control character, no live spreadsheet formula and no raw HTML.

IM=tests/cli/data/inject-model.yaml

# inject_results: writes $TMP/self.json and $TMP/appraised.json (the
# units as chiso read them: formulas, HTML, U+202E), then the same with
# control characters planted as an old or hand-edited results document
# could hold them (JSON "\u001b" escapes): $TMP/esc-self.json,
# $TMP/esc-appraised.json, and $TMP/esc-2024.json (esc-self as period
# 2024 under model version "2" + ESC[2J, for compare of years).
inject_results() {
	run_chiso evaluate -f json -o "$TMP/self.json" "$IM" \
		tests/cli/data/inject-self.yaml
	expect_rc 1 # BADUNIT is invalid
	run_chiso evaluate -f json -o "$TMP/appraised.json" "$IM" \
		tests/cli/data/inject-appraised.yaml
	expect_rc 1
	for f in self appraised; do
		sed -e 's/ESCCODE/\\u001b[2JX/g' \
			-e 's|ESCNAME|\\u001b]8;;http://evil.example/\\u0007click\\u001b]8;;\\u0007\\n# Heading|g' \
			-e 's/ESCPARENT/P\\u009b31m/g' \
			-e 's/ESCREF/r\\u001b[31mred\\u007f/g' \
			-e 's/LONGNAME/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\\u001b[2J and more/g' \
			-e 's/BADUNIT/BAD\\u001b[2JUNIT/g' \
			-e 's/"note": "/"note": "\\u001b[5m/g' \
			-e 's/"hint": "/"hint": "\\u009b5m/g' \
			-e 's/"name": "Chair"/"name": "Ch\\u001b[2Jair"/' \
			"$TMP/$f.json" >"$TMP/esc-$f.json"
	done
	sed -e 's/"period": "2023"/"period": "2024"/g' \
		-e 's/"version": "1"/"version": "2\\u001b[2J"/' \
		"$TMP/esc-self.json" >"$TMP/esc-2024.json"
	grep -q 'u001b\[2JX' "$TMP/esc-self.json" ||
		fail "the control characters were not planted"
}

# no_ctrl FILE [csv]: FILE holds no control character but line breaks
# (in a CSV, CR only before LF), and no raw bidi control (but a CSV,
# which keeps them: a spreadsheet confines one to its cell).
no_ctrl() {
	bidi='|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]'
	[ "${2:-}" = csv ] && bidi=
	if LC_ALL=C grep -n -a -P \
		"[\\x00-\\x09\\x0b-\\x0c\\x0e-\\x1f\\x7f]|\\xc2[\\x80-\\x9f]$bidi" \
		"$1" >"$TMP/bad"; then
		od -c "$TMP/bad" | head -20 >&2
		fail "$1 holds a raw control character"
	fi
	if [ "${2:-}" = csv ]; then
		if LC_ALL=C grep -a -P '\r(?!$)' "$1" >/dev/null; then
			fail "$1 holds a CR inside a record"
		fi
	elif LC_ALL=C grep -a -q -P '\r' "$1"; then
		fail "$1 holds a CR"
	fi
}

# no_formula FILE: no cell of the CSV FILE (records end in CRLF) starts
# with =, +, -, @, TAB or CR unless it is a number.
no_formula() {
	awk 'BEGIN { RS = "\r\n" }
	function check(v) {
		if (v ~ /^[-+=@\t\r]/ && v !~ /^[-+]?[0-9]+(\.[0-9]+)?$/) {
			print "record " NR ": " v
			bad = 1
		}
	}
	{
		cell = ""; inq = 0; s = $0
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (inq) {
				if (c == "\"") {
					if (substr(s, i + 1, 1) == "\"") {
						cell = cell c; i++
					} else
						inq = 0
				} else
					cell = cell c
			} else if (c == "\"")
				inq = 1
			else if (c == ",") {
				check(cell); cell = ""
			} else
				cell = cell c
		}
		check(cell)
	}
	END { exit bad }' "$1" >"$TMP/bad" || {
		cat "$TMP/bad" >&2
		fail "$1 holds a live formula"
	}
}

# no_html FILE: the Markdown FILE holds no raw HTML tag, no link or
# image (an unescaped '[' or ']'), and no heading made by a line break
# inside a text.
no_html() {
	if grep -n -P '(^|[^\\])<[A-Za-z/!?]' "$1" >"$TMP/bad" ||
		grep -n -P '(^|[^\\])[][]' "$1" >>"$TMP/bad" ||
		grep -n -P '^#+ Heading' "$1" >>"$TMP/bad"; then
		cat "$TMP/bad" >&2
		fail "$1 holds raw HTML, a link or a planted heading"
	fi
}
