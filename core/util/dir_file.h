/*
 * dir_file.h - a file named by a path relative to a directory (the
 * evidence files of an appraisal): the name is refused when it is
 * absolute or has a ".." part, and the file when, its symbolic links
 * followed, it is not inside the directory, or is not a regular file.
 */
#ifndef CHISO_DIR_FILE_H
#define CHISO_DIR_FILE_H

#include "util/strbuf.h"

/*
 * The SHA-256 (hex) of the file name inside dir. Returns 0, or -1 with
 * why it cannot be in why: "is absolute", "leaves the directory
 * (..)", "is not in DIR", "resolves outside DIR through a symbolic link", "is not a regular
 * file", "cannot be read: ...".
 */
int dir_file_hash(const char *dir, const char *name, char sha[65], strbuf *why);

#endif
