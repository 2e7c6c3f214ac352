/*
 * out_target.c - what an output path names: links followed, descriptors
 * recognised, the refusals (see out_target.h).
 */
#include "util/out_target.h"

#include "util/std_out.h"
#include "util/strbuf.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The longest chain of symbolic links followed (as Linux's ELOOP). */
#define MAX_LINKS 40

/* Writes "PATH: strerror(errnum)" into err when err is usable. */
static void set_errno(char *err, size_t errsize, const char *path, int errnum)
{
	if (err && errsize > 0)
		snprintf(err, errsize, "%s: %s", path, strerror(errnum));
}

/* Writes "PATH: why" into err when err is usable. */
static void set_why(char *err, size_t errsize, const char *path,
                    const char *why)
{
	if (err && errsize > 0)
		snprintf(err, errsize, "%s: %s", path, why);
}

char *out_target_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* The last part of path (after its last '/'). Borrowed from path. */
static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* 1 when s is a non-empty run of digits, else 0. */
static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* 1 when dir is a folder of this process's descriptors: /dev/fd,
 * /proc/self/fd, /proc/thread-self/fd, or what resolves to
 * /proc/PID/fd or /proc/PID/task/TID/fd (PID ours); else 0. */
static int is_fd_dir(const char *dir)
{
	char own[64], *real;
	size_t n;
	int yes = 0;

	if (strcmp(dir, "/dev/fd") == 0 || strcmp(dir, "/proc/self/fd") == 0 ||
	    strcmp(dir, "/proc/thread-self/fd") == 0)
		return 1;
	real = realpath(dir, NULL);
	if (!real)
		return 0;
	snprintf(own, sizeof(own), "/proc/%ld/", (long)getpid());
	n = strlen(own);
	if (strncmp(real, own, n) == 0) {
		const char *rest = real + n;

		if (strcmp(rest, "fd") == 0) {
			yes = 1;
		} else if (strncmp(rest, "task/", 5) == 0) {
			rest += 5;
			while (*rest >= '0' && *rest <= '9')
				rest++;
			yes = rest > real + n + 5 && strcmp(rest, "/fd") == 0;
		}
	}
	free(real);
	return yes;
}

/* The descriptor of this process that path names ("/dev/stdout",
 * "/dev/fd/3", "/proc/self/fd/1", ...), or -1 when it names none. */
static int path_fd(const char *path)
{
	const char *base = base_of(path);
	char *dir;
	long fd;
	int yes;

	if (strcmp(path, "/dev/stdin") == 0)
		return 0;
	if (strcmp(path, "/dev/stdout") == 0)
		return std_out_fd();
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	if (!all_digits(base) || strlen(base) > 9)
		return -1;
	dir = out_target_dir(path);
	yes = is_fd_dir(dir);
	free(dir);
	if (!yes)
		return -1;
	fd = strtol(base, NULL, 10);
	if (fd == STDOUT_FILENO) /* chiso's standard output is elsewhere */
		return std_out_fd();
	return fd <= INT_MAX ? (int)fd : -1;
}

/*
 * 1 when file (whose lstat is st) is in a world-writable sticky
 * directory (such as /tmp) and belongs neither to us nor to the
 * directory's owner: someone else may have planted it there.
 */
static int planted(const char *file, const struct stat *st)
{
	char *dir = out_target_dir(file);
	struct stat ds;
	int yes;

	yes = stat(dir, &ds) == 0 && (ds.st_mode & S_ISVTX) &&
	      (ds.st_mode & S_IWOTH) && st->st_uid != geteuid() &&
	      st->st_uid != ds.st_uid;
	free(dir);
	return yes;
}

/* Where symbolic link link leads: its target, taken relative to the
 * link's directory. Caller frees; NULL with errno set. */
static char *follow(const char *link)
{
	char buf[PATH_MAX];
	const char *slash = strrchr(link, '/');
	ssize_t n = readlink(link, buf, sizeof(buf));
	strbuf sb = STRBUF_INIT;

	if (n < 0)
		return NULL;
	if ((size_t)n >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	buf[n] = '\0';
	if (buf[0] != '/' && slash)
		strbuf_add(&sb, link, (size_t)(slash - link) + 1);
	strbuf_puts(&sb, buf);
	return strbuf_detach(&sb);
}

/* Sets t's kind from what file (lstat st) is, or refuses it. Returns 0,
 * or -1 with err set. */
static int classify(const char *path, out_target *t, const struct stat *st,
                    char *err, size_t errsize)
{
	t->st = *st;
	if (S_ISREG(st->st_mode)) {
		t->kind = OUT_REPLACE;
	} else if (S_ISCHR(st->st_mode) || S_ISFIFO(st->st_mode)) {
		t->kind = OUT_NODE;
	} else if (S_ISDIR(st->st_mode)) {
		set_errno(err, errsize, path, EISDIR);
		return -1;
	} else if (S_ISBLK(st->st_mode)) {
		set_why(err, errsize, path,
		        "a block device: chiso writes files, not disks; give "
		        "a file name");
		return -1;
	} else {
		set_why(err, errsize, path,
		        "a socket (or another special file) that cannot be "
		        "written like a file; give a file name");
		return -1;
	}
	return 0;
}

/* Follows the links from path to what it names, and says what that is. */
int out_target_find(const char *path, out_target *t, char *err, size_t errsize)
{
	char *cur, *next;
	struct stat st;
	const char *base;
	int links;

	memset(t, 0, sizeof(*t));
	t->fd = -1;
	if (!path || !*path) {
		set_errno(err, errsize, path ? path : "(null)", ENOENT);
		return -1;
	}
	cur = xstrdup(path);
	for (links = 0;; links++) {
		t->fd = path_fd(cur);
		if (t->fd >= 0) {
			t->kind = OUT_FD;
			t->file = cur;
			return 0;
		}
		if (lstat(cur, &st) < 0) {
			if (errno != ENOENT)
				goto err_errno;
			break; /* nothing there: a new file */
		}
		if (planted(cur, &st)) {
			if (err && errsize > 0)
				snprintf(err, errsize,
				         "%s: refused: %s belongs to another "
				         "user in a shared directory "
				         "(world-writable, sticky); write to "
				         "another path",
				         path, cur);
			goto err_free;
		}
		if (!S_ISLNK(st.st_mode)) {
			if (classify(path, t, &st, err, errsize) < 0)
				goto err_free;
			t->file = cur;
			return 0;
		}
		if (links == MAX_LINKS) {
			errno = ELOOP;
			goto err_errno;
		}
		next = follow(cur);
		if (!next)
			goto err_errno;
		free(cur);
		cur = next;
	}
	base = base_of(cur);
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		errno = EISDIR;
		goto err_errno;
	}
	t->kind = OUT_NEW;
	t->file = cur;
	return 0;

err_errno:
	set_errno(err, errsize, path, errno);
err_free:
	free(cur);
	t->fd = -1;
	return -1;
}

void out_target_free(out_target *t)
{
	free(t->file);
	t->file = NULL;
}
