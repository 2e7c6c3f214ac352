/*
 * fuzz_batch.h - the hooks of the shared data fuzz target (fuzz_batch.c):
 * each target program defines these two.
 */
#ifndef CHISO_FUZZ_BATCH_H
#define CHISO_FUZZ_BATCH_H

/* The target's name, for its messages. */
extern const char fuzz_batch_name[];

/* The path the data is read under for selector sel (its extension
 * chooses the format). Static string. */
const char *fuzz_batch_path(unsigned sel);

#endif
