/*
 * i18n.c - the language of messages: chosen, and gettext set up for it.
 */
#include "config.h"

#include "util/i18n.h"

#include "util/build_tree.h"
#include "util/locale_dir.h" /* generated: CHISO_LOCALEDIR */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#if ENABLE_NLS
#include <libintl.h>
#endif

static i18n_lang current = I18N_EN;

int i18n_parse(const char *name, i18n_lang *out)
{
	if (strcmp(name, "vi") == 0)
		*out = I18N_VI;
	else if (strcmp(name, "en") == 0)
		*out = I18N_EN;
	else
		return -1;
	return 0;
}

/* Does the locale or language name s (n bytes) start with the language
 * code code (two letters), alone or followed by _ . or @? */
static int names(const char *s, size_t n, const char *code)
{
	return n >= 2 && strncmp(s, code, 2) == 0 &&
	       (n == 2 || s[2] == '_' || s[2] == '.' || s[2] == '@');
}

/* The first of a, b, c that is set and not empty, or NULL. */
static const char *first_set(const char *a, const char *b, const char *c)
{
	if (a && *a)
		return a;
	if (b && *b)
		return b;
	if (c && *c)
		return c;
	return NULL;
}

i18n_lang i18n_env_lang(const char *language, const char *lc_all,
                        const char *lc_messages, const char *lang)
{
	const char *loc = first_set(lc_all, lc_messages, lang);
	const char *p, *end;

	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		return I18N_EN;
	for (p = language; p && *p; p = *end ? end + 1 : end) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		if (names(p, (size_t)(end - p), "vi"))
			return I18N_VI;
		if (names(p, (size_t)(end - p), "en"))
			return I18N_EN;
	}
	return names(loc, strlen(loc), "vi") ? I18N_VI : I18N_EN;
}

i18n_lang i18n_env_current(void)
{
	return i18n_env_lang(getenv("LANGUAGE"), getenv("LC_ALL"),
	                     getenv("LC_MESSAGES"), getenv("LANG"));
}

#if ENABLE_NLS
/* The locale of messages set from the environment, or C.UTF-8 where
 * that is C or POSIX (or fails: a vi_VN.UTF-8 asked for but not
 * generated). Returns 0, or -1 when not even C.UTF-8 exists. */
static int messages_locale(void)
{
	const char *cur = setlocale(LC_MESSAGES, "");

	if (cur && strcmp(cur, "C") != 0 && strcmp(cur, "POSIX") != 0)
		return 0;
	if (setlocale(LC_MESSAGES, "C.UTF-8") ||
	    setlocale(LC_MESSAGES, "C.utf8"))
		return 0;
	return -1;
}
#endif

int i18n_init(i18n_lang lang)
{
	current = I18N_EN;
	if (lang == I18N_EN)
		return 0;
#if ENABLE_NLS
	if (messages_locale() < 0)
		return -1;
	/* Under a locale other than C, LANGUAGE picks the catalog. */
	if (setenv("LANGUAGE", "vi", 1) < 0)
		return -1;
	if (!bindtextdomain(PACKAGE, build_tree_running() ? CHISO_BUILD_DIR
	                                     "/po/locale"
	                                                  : CHISO_LOCALEDIR) ||
	    !bind_textdomain_codeset(PACKAGE, "UTF-8"))
		return -1;
	/* The C library's own messages (strerror) too, where its
	 * Vietnamese catalog is installed (libc-l10n). */
	bind_textdomain_codeset("libc", "UTF-8");
	current = lang;
	return 0;
#else
	return -1;
#endif
}

i18n_lang i18n_current(void)
{
	return current;
}

const char *i18n_current_code(void)
{
	return current == I18N_VI ? "vi" : "en";
}

const char *i18n_gettext(const char *msgid)
{
#if ENABLE_NLS
	/* gettext("") is the catalog's header, never a message. */
	if (current != I18N_EN && *msgid)
		return dgettext(PACKAGE, msgid);
#endif
	return msgid;
}

const char *i18n_ngettext(const char *singular, const char *plural,
                          unsigned long n)
{
#if ENABLE_NLS
	if (current != I18N_EN)
		return dngettext(PACKAGE, singular, plural, n);
#endif
	return n == 1 ? singular : plural;
}
