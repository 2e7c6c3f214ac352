/*
 * i18n.h - chiso's messages in the run's language, English or
 * Vietnamese (GNU gettext, text domain "chiso", catalogs in po/).
 *
 * Mark a message with _("...") where it is used, N_("...") where it is
 * only stored (a table of strings, translated later with _(s)), and
 * P_("one", "many", n) where a count chooses the form. po/Makevars
 * extracts exactly these three. English is the default: until
 * i18n_init() chooses Vietnamese (and in programs that never call it,
 * such as the unit tests), every mark returns its English text.
 *
 * Returned strings are borrowed: the text itself, or the catalog's,
 * valid for the whole run.
 */
#ifndef CHISO_I18N_H
#define CHISO_I18N_H

/* The languages of the interface. */
typedef enum { I18N_EN = 0, I18N_VI = 1 } i18n_lang;

/* "vi" or "en" into *out. Returns 0, or -1 for any other name. */
int i18n_parse(const char *name, i18n_lang *out);

/*
 * The language the environment asks for, as GNU gettext reads it: the
 * locale of messages is the first of lc_all, lc_messages, lang that is
 * set and not empty; when it is unset, "C" or "POSIX", English
 * (gettext ignores LANGUAGE there too); else the first entry of the
 * colon-separated list language that is Vietnamese or English, else the
 * locale's own language. Vietnamese is any name starting "vi" followed
 * by nothing, '_', '.' or '@'. Arguments may be NULL.
 */
i18n_lang i18n_env_lang(const char *language, const char *lc_all,
                        const char *lc_messages, const char *lang);

/* i18n_env_lang() of this process's environment. */
i18n_lang i18n_env_current(void);

/*
 * Makes lang the language of every later message. Vietnamese needs no
 * Vietnamese system locale: when the locale of messages is C or POSIX
 * (a fresh Debian has no vi_VN), it becomes C.UTF-8, where glibc reads
 * LANGUAGE, and LANGUAGE is set to "vi" (so processes chiso starts
 * speak it too); the catalog is read as UTF-8 whatever LC_CTYPE is,
 * from the build tree when chiso runs uninstalled, else from
 * $(localedir). Returns 0, or -1 (English stays) when the system has
 * neither gettext nor a C.UTF-8 locale.
 */
int i18n_init(i18n_lang lang);

/* The language chosen by i18n_init() (English before it). */
i18n_lang i18n_current(void);

/* Its code, "vi" or "en" (a static string): what results documents
 * record as the language of their notes, and plugins are told (plugin
 * ABI 1.4). */
const char *i18n_current_code(void);

/* msgid in the current language. */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));

/* singular or plural, chosen by n as the current language's rule says. */
const char *i18n_ngettext(const char *singular, const char *plural,
                          unsigned long n) __attribute__((format_arg(1)))
__attribute__((format_arg(2)));

#define _(s)        i18n_gettext(s)
#define N_(s)       (s)
#define P_(s, p, n) i18n_ngettext(s, p, n)

#endif
