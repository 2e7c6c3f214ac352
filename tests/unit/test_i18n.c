/*
 * test_i18n.c - unit tests for core/util/i18n.c: the language the
 * environment asks for, as GNU gettext reads it, and --lang's names.
 */
#include "util/i18n.h"
#include "cutest.h"

#include <stddef.h>

/* C and POSIX are English, whatever LANGUAGE says (gettext ignores it
 * there); an unset locale is C. */
static void test_c_locale(void)
{
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, NULL, NULL, NULL), I18N_EN);
	CU_ASSERT_EQUAL(i18n_env_lang("vi", NULL, NULL, NULL), I18N_EN);
	CU_ASSERT_EQUAL(i18n_env_lang("vi", "C", NULL, NULL), I18N_EN);
	CU_ASSERT_EQUAL(i18n_env_lang("vi", NULL, NULL, "POSIX"), I18N_EN);
	CU_ASSERT_EQUAL(i18n_env_lang("vi", "", "", ""), I18N_EN);
}

/* LC_ALL before LC_MESSAGES before LANG; empty ones skipped. */
static void test_precedence(void)
{
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, NULL, NULL, "vi_VN.UTF-8"),
	                I18N_VI);
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, "", "", "vi_VN.UTF-8"), I18N_VI);
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, "C", NULL, "vi_VN.UTF-8"), I18N_EN);
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, NULL, "vi_VN", "en_US.UTF-8"),
	                I18N_VI);
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, "en_GB.UTF-8", "vi_VN", NULL),
	                I18N_EN);
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, NULL, NULL, "vi"), I18N_VI);
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, NULL, NULL, "vi@tcvn"), I18N_VI);
	/* a language whose code only starts with "vi" is not Vietnamese */
	CU_ASSERT_EQUAL(i18n_env_lang(NULL, NULL, NULL, "vix_XX"), I18N_EN);
}

/* Under any other locale (C.UTF-8 included), LANGUAGE's first entry
 * that is Vietnamese or English wins. */
static void test_language_list(void)
{
	CU_ASSERT_EQUAL(i18n_env_lang("vi", NULL, NULL, "C.UTF-8"), I18N_VI);
	CU_ASSERT_EQUAL(i18n_env_lang("en", NULL, NULL, "vi_VN.UTF-8"),
	                I18N_EN);
	CU_ASSERT_EQUAL(i18n_env_lang("fr:vi_VN:en", NULL, NULL, "C.UTF-8"),
	                I18N_VI);
	CU_ASSERT_EQUAL(i18n_env_lang("fr:en:vi", NULL, NULL, "vi_VN"),
	                I18N_EN);
	CU_ASSERT_EQUAL(i18n_env_lang("fr:de", NULL, NULL, "vi_VN"), I18N_VI);
	CU_ASSERT_EQUAL(i18n_env_lang("", NULL, NULL, "vi_VN"), I18N_VI);
	CU_ASSERT_EQUAL(i18n_env_lang("::vi", NULL, NULL, "C.utf8"), I18N_VI);
}

/* --lang takes vi and en only. */
static void test_parse(void)
{
	i18n_lang l = I18N_EN;

	CU_ASSERT_EQUAL(i18n_parse("vi", &l), 0);
	CU_ASSERT_EQUAL(l, I18N_VI);
	CU_ASSERT_EQUAL(i18n_parse("en", &l), 0);
	CU_ASSERT_EQUAL(l, I18N_EN);
	CU_ASSERT_EQUAL(i18n_parse("fr", &l), -1);
	CU_ASSERT_EQUAL(i18n_parse("VI", &l), -1);
	CU_ASSERT_EQUAL(i18n_parse("", &l), -1);
}

/* Without i18n_init(), every mark is its English text. */
static void test_default_english(void)
{
	CU_ASSERT_EQUAL(i18n_current(), I18N_EN);
	CU_ASSERT_STRING_EQUAL(
	        _("Run 'chiso --help' for the list of "
	          "commands.\n"),
	        "Run 'chiso --help' for the list of commands.\n");
	CU_ASSERT_STRING_EQUAL(P_("%zu unit", "%zu units", 1), "%zu unit");
	CU_ASSERT_STRING_EQUAL(P_("%zu unit", "%zu units", 2), "%zu units");
	CU_ASSERT_STRING_EQUAL(N_("x"), "x");
}

static CU_TestInfo tests[] = {{"C and POSIX are English", test_c_locale},
                              {"LC_ALL, LC_MESSAGES, LANG", test_precedence},
                              {"LANGUAGE", test_language_list},
                              {"--lang names", test_parse},
                              {"English by default", test_default_english},
                              CU_TEST_INFO_NULL};

CUTEST_MAIN("i18n", tests)
