/*
 * elf_symbols.c - the exported functions of a shared object, read from its
 * bytes with every offset checked.
 */
#include "plugin/elf_symbols.h"
#include "util/i18n.h"

#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <string.h>

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NATIVE_DATA ELFDATA2LSB
#else
#define NATIVE_DATA ELFDATA2MSB
#endif

#if __SIZEOF_POINTER__ == 8
#define NATIVE_CLASS ELFCLASS64
#define SYM_BIND     ELF64_ST_BIND
#define SYM_TYPE     ELF64_ST_TYPE
#define SYM_VIS      ELF64_ST_VISIBILITY
#else
#define NATIVE_CLASS ELFCLASS32
#define SYM_BIND     ELF32_ST_BIND
#define SYM_TYPE     ELF32_ST_TYPE
#define SYM_VIS      ELF32_ST_VISIBILITY
#endif

/* 1 when [off, off + size) lies within len bytes (no overflow). */
static int within(uint64_t off, uint64_t size, size_t len)
{
	return off <= len && size <= len - off;
}

/* Section i of the table at shoff; 0, or -1 with the reason. */
static int section(const unsigned char *buf, size_t len, uint64_t shoff,
                   size_t i, ElfW(Shdr) * sh, strbuf *why)
{
	uint64_t at = shoff + (uint64_t)i * sizeof(*sh);

	if (!within(at, sizeof(*sh), len)) {
		strbuf_printf(why,
		              _("section header %zu lies past the end of "
		                "the file"),
		              i);
		return -1;
	}
	memcpy(sh, buf + at, sizeof(*sh));
	if (sh->sh_type != SHT_NOBITS &&
	    !within(sh->sh_offset, sh->sh_size, len)) {
		strbuf_printf(why,
		              _("section %zu extends past the end of the "
		                "file"),
		              i);
		return -1;
	}
	return 0;
}

/* Checks the file header: this machine's class and byte order, a shared
 * object with section headers. Sets *shoff and *shnum. */
static int check_header(const unsigned char *buf, size_t len, uint64_t *shoff,
                        size_t *shnum, strbuf *why)
{
	ElfW(Ehdr) eh;
	ElfW(Shdr) first;

	if (len < SELFMAG || memcmp(buf, ELFMAG, SELFMAG) != 0) {
		strbuf_puts(why, _("not an ELF file"));
		return -1;
	}
	if (len < sizeof(eh)) {
		strbuf_puts(why, _("the ELF header is cut short"));
		return -1;
	}
	memcpy(&eh, buf, sizeof(eh));
	if (eh.e_ident[EI_CLASS] != NATIVE_CLASS ||
	    eh.e_ident[EI_DATA] != NATIVE_DATA) {
		strbuf_puts(why, _("an ELF file for another kind of machine "
		                   "(word size or byte order)"));
		return -1;
	}
	if (eh.e_type != ET_DYN) {
		strbuf_puts(why, _("not a shared object (an executable, object "
		                   "file or core dump?)"));
		return -1;
	}
	if (eh.e_shoff == 0) {
		strbuf_puts(why, _("the shared object has no section headers: "
		                   "what it exports cannot be read"));
		return -1;
	}
	if (eh.e_shentsize != sizeof(ElfW(Shdr))) {
		strbuf_printf(why, _("section headers of %u bytes, not %zu"),
		              (unsigned)eh.e_shentsize, sizeof(ElfW(Shdr)));
		return -1;
	}
	*shoff = eh.e_shoff;
	*shnum = eh.e_shnum;
	if (*shnum == 0) {
		/* More than SHN_LORESERVE sections: the count is in the
		 * size of section 0. */
		if (section(buf, len, *shoff, 0, &first, why) < 0)
			return -1;
		if (first.sh_size > ELF_MAX_SECTIONS) {
			strbuf_printf(why, _("more than %u sections"),
			              ELF_MAX_SECTIONS);
			return -1;
		}
		*shnum = (size_t)first.sh_size;
	}
	return 0;
}

/* Is s a function other objects can call: defined, global or weak, of
 * default or protected visibility? */
static int exported(const ElfW(Sym) * s)
{
	unsigned bind = SYM_BIND(s->st_info), type = SYM_TYPE(s->st_info);
	unsigned vis = SYM_VIS(s->st_other);

	return s->st_shndx != SHN_UNDEF && s->st_shndx != SHN_ABS &&
	       (bind == STB_GLOBAL || bind == STB_WEAK) &&
	       (type == STT_FUNC || type == STT_GNU_IFUNC) &&
	       (vis == STV_DEFAULT || vis == STV_PROTECTED);
}

/* Looks for symbol in the dynamic symbol table sym (section index i). */
static int search_dynsym(const unsigned char *buf, size_t len, uint64_t shoff,
                         size_t shnum, size_t i, const ElfW(Shdr) * sym,
                         const char *symbol, strbuf *why)
{
	ElfW(Shdr) str;
	ElfW(Sym) s;
	uint64_t n, k;
	size_t want = strlen(symbol);

	if (sym->sh_entsize != sizeof(ElfW(Sym))) {
		strbuf_printf(why,
		              _("symbol entries of %llu bytes in section %zu"),
		              (unsigned long long)sym->sh_entsize, i);
		return -1;
	}
	if (sym->sh_link == 0 || sym->sh_link >= shnum) {
		strbuf_printf(why, _("section %zu names no string table"), i);
		return -1;
	}
	if (section(buf, len, shoff, sym->sh_link, &str, why) < 0)
		return -1;
	if (str.sh_type != SHT_STRTAB) {
		strbuf_printf(why,
		              _("section %zu links to section %u, which is "
		                "not a string table"),
		              i, (unsigned)sym->sh_link);
		return -1;
	}
	n = sym->sh_size / sizeof(ElfW(Sym));
	if (n > ELF_MAX_SYMBOLS) {
		strbuf_printf(why, _("more than %u dynamic symbols"),
		              ELF_MAX_SYMBOLS);
		return -1;
	}
	for (k = 0; k < n; k++) {
		const char *name;

		memcpy(&s, buf + sym->sh_offset + k * sizeof(s), sizeof(s));
		if (s.st_name >= str.sh_size)
			continue;
		name = (const char *)buf + str.sh_offset + s.st_name;
		if (str.sh_size - s.st_name <= want ||
		    memcmp(name, symbol, want + 1) != 0)
			continue;
		if (exported(&s))
			return 1;
	}
	return 0;
}

int elf_exports(const unsigned char *buf, size_t len, const char *symbol,
                strbuf *why)
{
	uint64_t shoff;
	size_t shnum, i;
	int found_table = 0;

	if (check_header(buf, len, &shoff, &shnum, why) < 0)
		return -1;
	if (shnum > ELF_MAX_SECTIONS) {
		strbuf_printf(why, _("more than %u sections"),
		              ELF_MAX_SECTIONS);
		return -1;
	}
	if (!within(shoff, (uint64_t)shnum * sizeof(ElfW(Shdr)), len)) {
		strbuf_puts(why, _("the section header table lies past the end "
		                   "of the file (cut short?)"));
		return -1;
	}
	for (i = 0; i < shnum; i++) {
		ElfW(Shdr) sh;
		int r;

		if (section(buf, len, shoff, i, &sh, why) < 0)
			return -1;
		if (sh.sh_type != SHT_DYNSYM)
			continue;
		found_table = 1;
		r = search_dynsym(buf, len, shoff, shnum, i, &sh, symbol, why);
		if (r != 0)
			return r;
	}
	if (!found_table)
		strbuf_puts(why, _("the shared object has no dynamic symbol "
		                   "table"));
	else
		strbuf_printf(why, _("it does not export %s"), symbol);
	return 0;
}
