/*
 * dir_file.c - a file inside a directory, by a relative name, and its
 * SHA-256: the name checked part by part, then the file resolved
 * (realpath) and required to be below the directory's own resolved
 * path, so that neither ".." nor a symbolic link leads out of it.
 */
#include "util/dir_file.h"

#include "util/i18n.h"
#include "util/sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 1 when name has a part "..". */
static int has_dotdot(const char *name)
{
	const char *p = name;

	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n;
		while (*p == '/')
			p++;
	}
	return 0;
}

/* The hash of the regular file at path. */
static int hash_file(const char *path, char sha[65], strbuf *why)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	int rc = -1;

	if (fd < 0) {
		strbuf_printf(why, _("cannot be read: %s"), strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		strbuf_puts(why, _("is not a regular file"));
	else if (sha256_fd(fd, sha) < 0)
		strbuf_printf(why, _("cannot be read: %s"), strerror(errno));
	else
		rc = 0;
	close(fd);
	return rc;
}

int dir_file_hash(const char *dir, const char *name, char sha[65], strbuf *why)
{
	char *rdir = NULL, *rfile = NULL;
	strbuf full = STRBUF_INIT;
	size_t n;
	int rc = -1;

	if (name[0] == '/') {
		strbuf_puts(why, _("is absolute: name a file inside the "
		                   "directory"));
		return -1;
	}
	if (has_dotdot(name)) {
		strbuf_puts(why, _("leaves the directory (..)"));
		return -1;
	}
	rdir = realpath(dir, NULL);
	if (!rdir) {
		strbuf_printf(why, _("cannot be looked for: %s: %s"), dir,
		              strerror(errno));
		return -1;
	}
	strbuf_printf(&full, "%s/%s", rdir, name);
	rfile = realpath(strbuf_str(&full), NULL);
	n = strlen(rdir);
	if (!rfile)
		strbuf_printf(why, _("is not in %s"), dir);
	else if (strncmp(rfile, rdir, n) != 0 ||
	         (rfile[n] != '/' && strcmp(rdir, "/") != 0))
		strbuf_printf(why,
		              _("resolves outside %s through a symbolic link"),
		              dir);
	else
		rc = hash_file(rfile, sha, why);
	free(rdir);
	free(rfile);
	strbuf_release(&full);
	return rc;
}
