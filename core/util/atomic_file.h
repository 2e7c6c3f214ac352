/*
 * atomic_file.h - write an output file completely or not at all, and
 * never destroy what the output path names.
 *
 * What the path names decides how it is written:
 *
 * - A regular file, or nothing yet: the output goes to a temporary file
 *   "<dir>/.chiso-tmp.<name>.<pid>.XXXXXX" in the same directory;
 *   atomic_file_commit() flushes, fsyncs and renames it over the target
 *   (then fsyncs the directory); atomic_file_abort() removes it. So a
 *   reader never sees a half-written file and a failed run leaves the
 *   previous file intact. A replaced file keeps its mode and, where
 *   possible, its group; a new file gets 0666 & ~umask.
 * - A symbolic link is followed: the file it names (at the end of a
 *   chain of links) is replaced as above in its own directory, and the
 *   link stays a link. A dangling link creates the file it names.
 * - A path naming one of this process's descriptors (/dev/stdout,
 *   /dev/stderr, /dev/fd/N, /proc/self/fd/N, or a link to one) is written
 *   through that descriptor: never renamed over, not atomic.
 * - A character device or a FIFO is opened for writing (without
 *   creating or truncating) and written directly: not atomic, and the
 *   node stays what it was (-o /dev/null works, -o /dev/full fails with
 *   "No space left on device").
 * - A directory, a block device or a socket is refused; so is anything
 *   (a link, a FIFO, a device, a file) that belongs to another user in a
 *   world-writable sticky directory such as /tmp, as the kernel's
 *   protected_symlinks and protected_fifos do for open(): a link planted
 *   there could otherwise send the output onto any file.
 *
 * A writer killed outright (SIGKILL) cannot clean up: every
 * atomic_file_open() removes, in the directory it writes in, temporary
 * files of that form that belong to the current user and whose writer
 * process is gone.
 *
 * Errors are "PATH: reason", the reason being strerror() of the call that
 * failed (a failed write keeps its own errno: "No space left on device",
 * "File too large"), or a sentence for the refusals above.
 */
#ifndef CHISO_ATOMIC_FILE_H
#define CHISO_ATOMIC_FILE_H

#include <stdio.h>

typedef struct atomic_file atomic_file;

/*
 * Opens path for writing as described above. Returns the handle (free it
 * with atomic_file_commit or atomic_file_abort), or NULL with a message
 * "PATH: reason" written into err (of size errsize).
 */
atomic_file *atomic_file_open(const char *path, char *err, size_t errsize);

/*
 * Opens descriptor fd (e.g. STDOUT_FILENO) for writing through a
 * duplicate of it; name stands for it in messages ("standard output").
 * Returns the handle, or NULL with "NAME: reason" in err.
 */
atomic_file *atomic_file_open_fd(int fd, const char *name, char *err,
                                 size_t errsize);

/* The temporary file's path, for writers that open the file themselves
 * (e.g. a library that takes a file name); NULL when the output is
 * written directly (a device, a FIFO, a descriptor), which such writers
 * cannot use. Borrowed, valid until commit or abort. */
const char *atomic_file_temp_path(const atomic_file *af);

/* The stream to write to. Borrowed, valid until commit or abort. */
FILE *atomic_file_stream(atomic_file *af);

/*
 * Flushes the stream; for a temporary file, fsyncs, closes and renames
 * it over the target; for a direct output, closes it. Frees af. If any
 * write failed or any step fails, removes the temporary file, writes
 * "PATH: reason" into err and returns -1; returns 0 on success.
 */
int atomic_file_commit(atomic_file *af, char *err, size_t errsize);

/* Discards what is still buffered, closes and removes the temporary file
 * (a direct output is only closed) and frees af. af may be NULL. */
void atomic_file_abort(atomic_file *af);

#endif
