/*
 * test_elf_symbols.c - unit tests for core/plugin/elf_symbols.c: the
 * built-in plugins export chiso_plugin_entry, libraries that are not
 * plugins do not, and damaged or foreign files are refused with a reason
 * (every cut of a real plugin, bytes changed in its headers), never read
 * past their end.
 */
#include "fixtures.h"
#include "cutest.h"
#include "plugin/elf_symbols.h"

#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTRY "chiso_plugin_entry"

/* The whole file at dir/name.so in a new buffer of exactly its size
 * (caller frees), so that a read past the end is caught by ASan. */
static unsigned char *read_so(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	unsigned char *buf;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s.so", dir, name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t)n);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* elf_exports on a copy of buf[0..len) of exactly that size; the reason
 * into why. */
static int exports_copy(const unsigned char *buf, size_t len, strbuf *why)
{
	unsigned char *copy = malloc(len ? len : 1);
	int r;

	if (len)
		memcpy(copy, buf, len);
	strbuf_reset(why);
	r = elf_exports(copy, len, ENTRY, why);
	free(copy);
	return r;
}

/* Every built-in plugin exports the entry, and only it is looked for. */
static void test_plugins_export(void)
{
	static const char *const names[] = {
	        "bands", "boolean", "children", "choice",   "fraction",
	        "parts", "points",  "ratio",    "relative", "target"};
	strbuf why = STRBUF_INIT;
	size_t i, len;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		unsigned char *so =
		        read_so(fixture_plugin_dir(), names[i], &len);

		CU_ASSERT_PTR_NOT_NULL_FATAL(so);
		CU_ASSERT_EQUAL(elf_exports(so, len, ENTRY, &why), 1);
		CU_ASSERT_EQUAL(why.len, 0);
		/* a name that is only a prefix of a symbol is not found */
		CU_ASSERT_EQUAL(elf_exports(so, len, "chiso_plugin", &why), 0);
		strbuf_reset(&why);
		/* nor is one the plugin uses but does not define */
		CU_ASSERT_EQUAL(elf_exports(so, len, "snprintf", &why), 0);
		CU_ASSERT_PTR_NOT_NULL(
		        strstr(strbuf_str(&why), "does not export snprintf"));
		strbuf_reset(&why);
		free(so);
	}
	strbuf_release(&why);
}

/* Shared objects that are not plugins: valid, without the entry. */
static void test_not_plugins(void)
{
	static const char *const names[] = {"no_entry", "ctor"};
	strbuf why = STRBUF_INIT;
	size_t i, len;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		unsigned char *so =
		        read_so(fixture_test_plugin_dir(), names[i], &len);

		CU_ASSERT_PTR_NOT_NULL_FATAL(so);
		CU_ASSERT_EQUAL(elf_exports(so, len, ENTRY, &why), 0);
		CU_ASSERT_STRING_EQUAL(strbuf_str(&why),
		                       "it does not export " ENTRY);
		strbuf_reset(&why);
		free(so);
	}
	strbuf_release(&why);
}

/* Not ELF, cut short, or for another machine: -1 with the reason. */
static void test_refusals(void)
{
	static const unsigned char text[] = "#!/bin/sh\necho hi\n";
	strbuf why = STRBUF_INIT;
	unsigned char *so, *bad;
	size_t len;
	ElfW(Ehdr) eh;

	CU_ASSERT_EQUAL(exports_copy(text, sizeof(text) - 1, &why), -1);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&why), "not an ELF file");
	CU_ASSERT_EQUAL(exports_copy(text, 0, &why), -1);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&why), "not an ELF file");

	so = read_so(fixture_plugin_dir(), "ratio", &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(so);
	CU_ASSERT_EQUAL(exports_copy(so, 10, &why), -1);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&why), "the ELF header is cut short");
	bad = malloc(len);
	memcpy(&eh, so, sizeof(eh));

	/* another word size */
	memcpy(bad, so, len);
	bad[EI_CLASS] = bad[EI_CLASS] == ELFCLASS64 ? ELFCLASS32 : ELFCLASS64;
	CU_ASSERT_EQUAL(exports_copy(bad, len, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&why), "another kind"));
	/* an executable, not a shared object */
	memcpy(bad, so, len);
	eh.e_type = ET_EXEC;
	memcpy(bad, &eh, sizeof(eh));
	CU_ASSERT_EQUAL(exports_copy(bad, len, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&why), "not a shared"));
	/* section headers past the end */
	memcpy(&eh, so, sizeof(eh));
	memcpy(bad, so, len);
	eh.e_shoff = len;
	memcpy(bad, &eh, sizeof(eh));
	CU_ASSERT_EQUAL(exports_copy(bad, len, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&why), "past the end"));
	/* an offset that wraps around */
	eh.e_shoff = (ElfW(Off)) - 8;
	memcpy(bad, &eh, sizeof(eh));
	CU_ASSERT_EQUAL(exports_copy(bad, len, &why), -1);
	/* no section headers */
	eh.e_shoff = 0;
	memcpy(bad, &eh, sizeof(eh));
	CU_ASSERT_EQUAL(exports_copy(bad, len, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&why), "no section headers"));
	free(bad);
	free(so);
	strbuf_release(&why);
}

/* Every cut of a real plugin and every byte of its headers flipped: a
 * result of -1, 0 or 1, never a read past the end (ASan) nor a crash. */
static void test_damage(void)
{
	strbuf why = STRBUF_INIT;
	unsigned char *so, *bad;
	size_t len, cut, i;
	ElfW(Ehdr) eh;
	int counts[3] = {0, 0, 0};

	so = read_so(fixture_plugin_dir(), "boolean", &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(so);
	for (cut = 0; cut < len; cut += cut < 4096 ? 1 : 61) {
		int r = exports_copy(so, cut, &why);

		CU_ASSERT(r >= -1 && r <= 1);
		counts[r + 1]++;
	}
	/* cut short, it cannot be read (the section table is at the end) */
	CU_ASSERT(counts[0] > 0);
	CU_ASSERT_EQUAL(counts[2], 0);
	memcpy(&eh, so, sizeof(eh));
	bad = malloc(len);
	for (i = 0; i < sizeof(eh); i++) {
		memcpy(bad, so, len);
		bad[i] ^= 0xff;
		CU_ASSERT(exports_copy(bad, len, &why) >= -1);
	}
	/* every byte of the section header table */
	for (i = 0; i < (size_t)eh.e_shnum * sizeof(ElfW(Shdr)) &&
	            eh.e_shoff + i < len;
	     i++) {
		memcpy(bad, so, len);
		bad[eh.e_shoff + i] ^= 0x5a;
		CU_ASSERT(exports_copy(bad, len, &why) >= -1);
	}
	free(bad);
	free(so);
	strbuf_release(&why);
}

static CU_TestInfo tests[] = {
        {"built-in plugins export the entry", test_plugins_export},
        {"libraries that are not plugins", test_not_plugins},
        {"refusals with their reason", test_refusals},
        {"damaged files", test_damage},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("elf_symbols", tests)
