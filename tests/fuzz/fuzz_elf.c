/*
 * fuzz_elf.c - libFuzzer target: bytes read as a shared object by
 * elf_exports(), which chiso runs on every file it is shown before any
 * dlopen (core/plugin/elf_symbols.c). The answer must be -1, 0 or 1, and
 * a reason is given whenever it is not 1. Built by "make fuzz" (configure
 * CC=clang --enable-fuzzing); see tests/fuzz/README.
 */
#include "plugin/elf_symbols.h"
#include "util/strbuf.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *copy = malloc(size ? size : 1);
	strbuf why = STRBUF_INIT;
	int r;

	/* an exact-size copy: a read past the end is caught */
	if (size)
		memcpy(copy, data, size);
	r = elf_exports(copy, size, "chiso_plugin_entry", &why);
	if (r < -1 || r > 1 || (r != 1 && why.len == 0))
		abort();
	strbuf_release(&why);
	free(copy);
	return 0;
}
