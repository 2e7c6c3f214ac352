/*
 * elf_symbols.h - does a shared object export a symbol? Read from the
 * file's bytes, before anything loads it: dlopen runs a library's
 * constructors, so chiso asks this of every file it is shown and loads
 * only those that export chiso_plugin_entry (a file that is not a plugin
 * never runs in chiso).
 *
 * The reader takes the ELF class and byte order of this machine (a file
 * of another kind could not be loaded anyway), a shared object (ET_DYN),
 * and its dynamic symbol table (.dynsym and the string table it links
 * to): a symbol is exported when it is defined (not undefined, not
 * absolute), global or weak, a function, and of default visibility.
 * Every offset and size is checked against the buffer; counts are
 * bounded (ELF_MAX_SECTIONS, ELF_MAX_SYMBOLS) so that a hostile file
 * costs at most a pass over its own bytes.
 */
#ifndef CHISO_ELF_SYMBOLS_H
#define CHISO_ELF_SYMBOLS_H

#include "util/strbuf.h"

#include <stddef.h>

#define ELF_MAX_SECTIONS 65535u
#define ELF_MAX_SYMBOLS  4000000u

/*
 * Looks for symbol among the exported functions of the ELF image
 * buf[0..len). Returns 1 when it is exported; 0 when the image is a valid
 * shared object without it; -1 when the bytes are not a shared object of
 * this machine, or malformed. On 0 and -1 the reason is appended to why
 * ("not an ELF file", "section 7 extends past the end of the file", ...).
 */
int elf_exports(const unsigned char *buf, size_t len, const char *symbol,
                strbuf *why);

#endif
