/*
 * out_target.h - what an output path names, found before anything is
 * written: a file to create or replace (symbolic links followed to the
 * file they name), a device or FIFO to write into, or one of this
 * process's descriptors (/dev/stdout, /dev/fd/N, /proc/self/fd/N); or a
 * refusal (a directory, a block device, a socket, a loop of links, or
 * something of another user in a world-writable sticky directory). Used
 * by atomic_file.c, which says how each is written.
 *
 * Ownership: an out_target owns its file string; out_target_free()
 * frees it.
 */
#ifndef CHISO_OUT_TARGET_H
#define CHISO_OUT_TARGET_H

#include <stddef.h>
#include <sys/stat.h>

typedef enum {
	OUT_NEW,     /* nothing there yet: create a regular file */
	OUT_REPLACE, /* a regular file: replace it */
	OUT_NODE,    /* a character device or a FIFO: write into it */
	OUT_FD       /* a descriptor of this process: write through it */
} out_target_kind;

typedef struct out_target {
	out_target_kind kind;
	char *file; /* the path to create, replace or open, links followed */
	struct stat st; /* its lstat (OUT_REPLACE, OUT_NODE) */
	int fd;         /* OUT_FD: the descriptor */
} out_target;

/*
 * Finds what path names. Returns 0 with *t filled (free it with
 * out_target_free), or -1 with "PATH: reason" in err (of size errsize)
 * and nothing to free.
 */
int out_target_find(const char *path, out_target *t, char *err, size_t errsize);

/* Frees t's strings. */
void out_target_free(out_target *t);

/* The directory part of path: "." for a bare name, "/" for "/x". Caller
 * frees. */
char *out_target_dir(const char *path);

#endif
