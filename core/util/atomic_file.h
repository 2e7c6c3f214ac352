/*
 * atomic_file.h - write a file completely or not at all.
 *
 * Output goes to a temporary file "<dir>/.<name>.<pid>.XXXXXX" in the target's
 * directory; atomic_file_commit() flushes, fsyncs and renames it over the
 * target (then fsyncs the directory); atomic_file_abort() removes it. So a
 * reader never sees a half-written file and a failed run leaves the
 * previous file intact. A writer killed outright (SIGKILL) cannot clean
 * up; the next atomic_file_open() of the same target removes temporary
 * files whose writer process is gone.
 */
#ifndef CHISO_ATOMIC_FILE_H
#define CHISO_ATOMIC_FILE_H

#include <stdio.h>

typedef struct atomic_file atomic_file;

/*
 * Opens a temporary file beside path for writing. Returns the handle
 * (free it with atomic_file_commit or atomic_file_abort), or NULL with a
 * message "PATH: reason" written into err (of size errsize).
 */
atomic_file *atomic_file_open(const char *path, char *err, size_t errsize);

/* The temporary file's path, for writers that open the file themselves
 * (e.g. a library that takes a file name). Borrowed, valid until commit
 * or abort. */
const char *atomic_file_temp_path(const atomic_file *af);

/* The stream to write to. Borrowed, valid until commit or abort. */
FILE *atomic_file_stream(atomic_file *af);

/*
 * Flushes, fsyncs, closes and renames the temporary file over the
 * target, and frees af. If any write failed (ferror) or any step fails,
 * removes the temporary file, writes "PATH: reason" into err and returns
 * -1; returns 0 on success. The new file gets mode 0666 & ~umask.
 */
int atomic_file_commit(atomic_file *af, char *err, size_t errsize);

/* Closes and removes the temporary file and frees af. af may be NULL. */
void atomic_file_abort(atomic_file *af);

#endif
