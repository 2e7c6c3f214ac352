/*
 * trusted_open.h - opening a plugin file so that the file chiso checks is
 * the file it loads.
 *
 * Checking a path and then handing the same path to dlopen leaves a gap:
 * whoever can rename a directory on the path (or replace a symbolic link
 * in it) between the two can have another file loaded. So the check and
 * the load go through one descriptor:
 *
 *   1. the plugin's directory is resolved once (realpath), then walked
 *      from "/" one component at a time with openat(O_NOFOLLOW |
 *      O_DIRECTORY): a component that became a symbolic link meanwhile
 *      fails to open, and each directory opened is the one checked;
 *   2. every directory on the way must be owned by root or by the user
 *      running chiso, and writable by no one else, except a root-owned
 *      sticky directory (such as /tmp) whose next component belongs to
 *      root or the user (others can then neither rename nor remove it;
 *      OpenSSH's safe_path() rule);
 *   3. the plugin's own directory must be writable by no one else, sticky
 *      or not (anyone could add a plugin of a new name);
 *   4. the file is opened with O_NOFOLLOW relative to that directory and
 *      checked with fstat: a regular file, owned by root or the user,
 *      writable by no one else.
 *
 * The descriptor returned is what the loader reads (the ELF symbols) and
 * loads (dlopen of /proc/self/fd/N).
 */
#ifndef CHISO_TRUSTED_OPEN_H
#define CHISO_TRUSTED_OPEN_H

#include "util/strbuf.h"

/*
 * Opens the plugin file at path (which names a directory: it has a '/')
 * after the checks above. Returns a read-only descriptor (close-on-exec;
 * the caller closes it), or -1 with "PATH: reason" appended to err, the
 * reason saying which file or directory failed which check and how to
 * fix it.
 */
int trusted_open(const char *path, strbuf *err);

#endif
