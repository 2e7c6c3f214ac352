# catalog.sh - every marked message of the sources has its Vietnamese
# translation, none fuzzy, none missing, none left over (issue 11):
#   1. every source file with a mark (_, N_, P_ of util/i18n.h; T_, TP_,
#      TN_ of plugins/builtin_i18n.h) is listed
#      in po/POTFILES.in, and every listed file exists;
#   2. the messages extracted now (xgettext with po/Makevars' options,
#      into a fresh .pot) are all translated in po/vi.po (msgcmp: a
#      message missing, untranslated or fuzzy fails);
#   3. msgfmt --check --statistics: formats agree with their msgids, and
#      the statistics say only "N translated messages".
. "$srcdir/tests/lib.sh"
set -e
for t in xgettext msgcmp msgfmt; do
	command -v "$t" >/dev/null 2>&1 || {
		echo "SKIP: no $t (apt-get install gettext)"
		exit 77
	}
done
cd "$srcdir"

# 1. POTFILES.in lists exactly the files with marks.
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | sort >"$TMP/listed"
while read -r f; do
	[ -f "$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done <"$TMP/listed"
grep -l -E '(^|[^A-Za-z0-9_])((_|N_|P_)\("|(T_|TP_|TN_)\()' -r core plugins \
	--include='*.c' --include='*.h' |
	grep -v -E '^(core/util/i18n\.[ch]|plugins/builtin_i18n\.h)$' |
	sort >"$TMP/marked" || :
missing=$(comm -23 "$TMP/marked" "$TMP/listed")
[ -z "$missing" ] || fail "files with marked messages not in po/POTFILES.in: $missing"

# 2. Every message extracted now is translated in vi.po.
opts=$(sed -n 's/^XGETTEXT_OPTIONS[[:space:]]*=//p' po/Makevars)
[ -n "$opts" ] || fail "no XGETTEXT_OPTIONS in po/Makevars"
# shellcheck disable=SC2086
xgettext $opts --force-po --language=C --default-domain=chiso \
	--files-from="$TMP/listed" -o "$TMP/chiso.pot" ||
	fail "xgettext failed"
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
	po=po/$lang.po
	[ -f "$po" ] || fail "po/LINGUAS names $lang, but $po does not exist"
	if ! msgcmp "$po" "$TMP/chiso.pot" 2>"$TMP/cmp"; then
		cat "$TMP/cmp" >&2
		fail "$po lacks translations of marked messages (or has them fuzzy): make -C po update-po, translate, remove the fuzzy marks"
	fi
	# 3. Formats checked; only translated messages counted.
	msgfmt --check --statistics -o /dev/null "$po" 2>"$TMP/stats" || {
		cat "$TMP/stats" >&2
		fail "msgfmt --check $po failed"
	}
	if grep -E -q 'fuzzy|untranslated' "$TMP/stats"; then
		cat "$TMP/stats" >&2
		fail "$po has fuzzy or untranslated messages"
	fi
	# No translation of a message the sources no longer have.
	msgattrib --only-obsolete "$po" >"$TMP/obsolete" 2>/dev/null || :
	if grep -q '^#~ msgid' "$TMP/obsolete"; then
		fail "$po keeps obsolete (#~) messages: remove them"
	fi
	echo "$po: $(cat "$TMP/stats")"
done
