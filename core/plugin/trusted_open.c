/*
 * trusted_open.c - a plugin file opened through a checked walk from "/".
 */
#include "plugin/trusted_open.h"
#include "util/i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Adds a reason the plugin at path is refused: the first as "PATH:
 * refused: REASON", the next ones after it as "; also REASON", so that
 * every reason is said at once. */
static void refuse(strbuf *err, const char *path, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void refuse(strbuf *err, const char *path, const char *fmt, ...)
{
	va_list ap;

	if (err->len)
		strbuf_puts(err, _("; also "));
	else
		strbuf_printf(err, _("%s: refused: "), path);
	va_start(ap, fmt);
	strbuf_vprintf(err, fmt, ap);
	va_end(ap);
}

/* Before a message that cannot wait for the others (the file cannot be
 * opened): after the reasons already given. */
static void also(strbuf *err)
{
	if (err->len)
		strbuf_puts(err, _("; also "));
}

/* Owned by root or by the user running chiso? */
static int owner_ok(const struct stat *st)
{
	return st->st_uid == 0 || st->st_uid == geteuid();
}

/* Writable by the group or by others? */
static int others_write(const struct stat *st)
{
	return (st->st_mode & (S_IWGRP | S_IWOTH)) != 0;
}

/* Owned by root or the user: a directory on the way (or, last, the
 * plugin's own directory, as its messages say). */
static int check_owner(const char *path, const char *dir, const struct stat *st,
                       int last, strbuf *err)
{
	if (owner_ok(st))
		return 0;
	if (last)
		refuse(err, path,
		       _("its directory is owned by uid %u, not by root or by "
		         "you"),
		       (unsigned)st->st_uid);
	else
		refuse(err, path,
		       _("directory %s is owned by uid %u, not by root or by "
		         "you"),
		       dir, (unsigned)st->st_uid);
	return -1;
}

/* Who may write to a directory on the way, given its next component. */
static int check_ancestor(const char *path, const char *dir,
                          const struct stat *st, const char *next,
                          const struct stat *next_st, strbuf *err)
{
	if (!others_write(st))
		return 0;
	/* A root-owned sticky directory (/tmp): others cannot rename or
	 * remove an entry they do not own. */
	if ((st->st_mode & S_ISVTX) && st->st_uid == 0 && owner_ok(next_st))
		return 0;
	refuse(err, path,
	       _("directory %s is group- or world-writable (mode %04o), so "
	         "others could replace %s; fix with: chmod go-w %s"),
	       dir, (unsigned)(st->st_mode & 07777), next, dir);
	return -1;
}

/* The plugin's own directory: no one else may write to it at all. */
static int check_plugin_dir(const char *path, const char *dir,
                            const struct stat *st, strbuf *err)
{
	if (check_owner(path, dir, st, 1, err) < 0)
		return -1;
	if (others_write(st)) {
		refuse(err, path,
		       _("its directory is group- or world-writable (mode "
		         "%04o); fix with: chmod go-w %s"),
		       (unsigned)(st->st_mode & 07777), dir);
		return -1;
	}
	return 0;
}

/* The file itself, as opened. */
static int check_file(const char *path, const struct stat *st, strbuf *err)
{
	int rc = 0;

	if (!S_ISREG(st->st_mode)) {
		refuse(err, path, _("not a regular file"));
		return -1;
	}
	if (!owner_ok(st)) {
		refuse(err, path,
		       _("the file is owned by uid %u, not by root or by you"),
		       (unsigned)st->st_uid);
		rc = -1;
	}
	if (others_write(st)) {
		refuse(err, path,
		       _("the file is group- or world-writable (mode %04o); "
		         "fix "
		         "with: chmod go-w %s"),
		       (unsigned)(st->st_mode & 07777), path);
		rc = -1;
	}
	return rc;
}

/* Opens the resolved directory dir one component at a time from "/",
 * checking each. Returns its descriptor, or -1 when the walk cannot go
 * on (a component changed, or cannot be opened). *bad is set when a
 * directory failed a check; the walk goes on, so that every reason is
 * said at once. */
static int walk(const char *path, const char *dir, strbuf *err, int *bad)
{
	strbuf at = STRBUF_INIT;   /* the directory fd is, for messages */
	strbuf full = STRBUF_INIT; /* the next one */
	struct stat st, next_st;
	const char *p = dir;
	int fd, next;

	fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		also(err);
		strbuf_printf(err, _("%s: cannot open /: %s"), path,
		              strerror(errno));
		goto fail;
	}
	if (check_owner(path, "/", &st, 0, err) < 0)
		*bad = 1;
	strbuf_puts(&at, "/");
	while (*p) {
		size_t n;
		char comp[NAME_MAX + 1];

		while (*p == '/')
			p++;
		n = strcspn(p, "/");
		if (n == 0)
			break;
		if (n > NAME_MAX) {
			also(err);
			strbuf_printf(err,
			              _("%s: a directory name is too long"),
			              path);
			goto fail;
		}
		memcpy(comp, p, n);
		comp[n] = '\0';
		p += n;
		next = openat(fd, comp,
		              O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0) {
			const char *sep = at.len > 1 ? "/" : "";

			also(err);
			if (errno == ELOOP || errno == ENOTDIR)
				strbuf_printf(
				        err,
				        _("%s: refused: %s%s%s changed "
				          "while it was checked (it is now "
				          "a symbolic link or not a "
				          "directory)"),
				        path, strbuf_str(&at), sep, comp);
			else
				strbuf_printf(err,
				              _("%s: cannot open %s%s%s: %s"),
				              path, strbuf_str(&at), sep, comp,
				              strerror(errno));
			goto fail;
		}
		if (fstat(next, &next_st) < 0) {
			also(err);
			strbuf_printf(err, "%s: %s", path, strerror(errno));
			close(next);
			goto fail;
		}
		p += strspn(p, "/");
		strbuf_reset(&full);
		strbuf_printf(&full, "%s%s%s", strbuf_str(&at),
		              at.len > 1 ? "/" : "", comp);
		if (check_owner(path, strbuf_str(&full), &next_st, *p == '\0',
		                err) < 0)
			*bad = 1;
		if (check_ancestor(path, strbuf_str(&at), &st, comp, &next_st,
		                   err) < 0)
			*bad = 1;
		close(fd);
		fd = next;
		st = next_st;
		strbuf_reset(&at);
		strbuf_puts(&at, strbuf_str(&full));
	}
	if (check_plugin_dir(path, strbuf_str(&at), &st, err) < 0)
		*bad = 1;
	strbuf_release(&at);
	strbuf_release(&full);
	return fd;

fail:
	if (fd >= 0)
		close(fd);
	strbuf_release(&at);
	strbuf_release(&full);
	return -1;
}

int trusted_open(const char *path, strbuf *err)
{
	const char *slash = strrchr(path, '/');
	char *dir, *resolved;
	struct stat st;
	int dfd, fd, bad = 0;

	dir = slash == path ? xstrdup("/")
	                    : xstrndup(path, (size_t)(slash - path));
	resolved = realpath(dir, NULL);
	if (!resolved) {
		also(err);
		strbuf_printf(err, "%s: %s: %s", path, dir, strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	dfd = walk(path, resolved, err, &bad);
	free(resolved);
	if (dfd < 0)
		return -1;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	fd = openat(dfd, slash + 1,
	            O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	close(dfd);
	if (fd < 0) {
		also(err);
		if (errno == ELOOP)
			strbuf_printf(err,
			              _("%s: refused: the plugin is a symbolic "
			                "link; install the file itself"),
			              path);
		else
			strbuf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		also(err);
		strbuf_printf(err, "%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (check_file(path, &st, err) < 0 || bad) {
		close(fd);
		return -1;
	}
	return fd;
}
