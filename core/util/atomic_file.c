/*
 * atomic_file.c - write a file completely or not at all, via a
 * temporary file renamed over the target.
 */
#include "util/atomic_file.h"
#include "util/strbuf.h"

#include <errno.h>
#include <signal.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct atomic_file {
	FILE *fp;   /* the temporary file, NULL once closed */
	char *path; /* the target */
	char *tmp;  /* the temporary file's name */
	char *dir;  /* the directory of both, for fsync */
};

/* Writes "PATH: strerror(errnum)" into err when err is usable. */
static void set_error(char *err, size_t errsize, const char *path, int errnum)
{
	if (err && errsize > 0)
		snprintf(err, errsize, "%s: %s", path, strerror(errnum));
}

/* Returns the process umask without changing it. */
static mode_t current_umask(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return mask;
}

/* Frees af and its strings (does not touch the files). */
static void free_af(atomic_file *af)
{
	free(af->path);
	free(af->tmp);
	free(af->dir);
	free(af);
}

/*
 * Removes "<dir>/.<base>.<pid>.XXXXXX" files left by a writer that was
 * killed before it could clean up (SIGKILL, power loss): those whose pid
 * is no longer a running process. Best effort: errors are ignored.
 */
static void remove_stale(const char *dir, const char *base)
{
	size_t blen = strlen(base);
	struct dirent *de;
	DIR *dp = opendir(dir);

	if (!dp)
		return;
	for (de = readdir(dp); de; de = readdir(dp)) {
		const char *p = de->d_name;
		char *end;
		long pid;
		strbuf path = STRBUF_INIT;

		if (p[0] != '.' || strncmp(p + 1, base, blen) != 0 ||
		    p[1 + blen] != '.')
			continue;
		pid = strtol(p + 2 + blen, &end, 10);
		if (end == p + 2 + blen || *end != '.' || strlen(end) != 7 ||
		    pid <= 0)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* alive, or not ours to judge */
		strbuf_printf(&path, "%s/%s", dir, p);
		unlink(strbuf_str(&path));
		strbuf_release(&path);
	}
	closedir(dp);
}

/* Creates "<dir>/.<name>.<pid>.XXXXXX" beside path, mode 0666 & ~umask.
 * Returns the handle (freed by commit or abort) or NULL with err set. */
atomic_file *atomic_file_open(const char *path, char *err, size_t errsize)
{
	const char *slash, *base;
	atomic_file *af;
	strbuf sb = STRBUF_INIT;
	int fd, errnum;

	if (!path || !*path) {
		set_error(err, errsize, path ? path : "(null)", ENOENT);
		return NULL;
	}
	slash = strrchr(path, '/');
	base = slash ? slash + 1 : path;
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		set_error(err, errsize, path, EISDIR);
		return NULL;
	}

	af = xcalloc(1, sizeof(*af));
	af->path = xstrdup(path);
	if (!slash)
		af->dir = xstrdup(".");
	else if (slash == path)
		af->dir = xstrdup("/");
	else
		af->dir = xstrndup(path, (size_t)(slash - path));
	remove_stale(af->dir, base);
	strbuf_add(&sb, path, (size_t)(base - path));
	strbuf_printf(&sb, ".%s.%ld.XXXXXX", base, (long)getpid());
	af->tmp = strbuf_detach(&sb);

	fd = mkstemp(af->tmp);
	if (fd < 0) {
		errnum = errno;
		goto err_free;
	}
	if (fchmod(fd, 0666 & ~current_umask()) < 0) {
		errnum = errno;
		goto err_close;
	}
	af->fp = fdopen(fd, "w");
	if (!af->fp) {
		errnum = errno;
		goto err_close;
	}
	return af;

err_close:
	close(fd);
	unlink(af->tmp);
err_free:
	set_error(err, errsize, path, errnum);
	free_af(af);
	return NULL;
}

/* The temporary file's name. */
const char *atomic_file_temp_path(const atomic_file *af)
{
	return af ? af->tmp : NULL;
}

/* Returns the stream to write to. Borrowed. */
FILE *atomic_file_stream(atomic_file *af)
{
	return af->fp;
}

/* fsyncs directory dir; returns 0 or an errno value. Filesystems that
 * cannot fsync a directory (EINVAL) count as success. */
static int sync_dir(const char *dir)
{
	int fd, errnum = 0;

	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return errno;
	if (fsync(fd) < 0 && errno != EINVAL)
		errnum = errno;
	close(fd);
	return errnum;
}

/* Flushes, fsyncs, closes and renames the temporary file over the
 * target, then fsyncs the directory; frees af. Returns 0, or -1 with
 * err set and the temporary file removed. */
int atomic_file_commit(atomic_file *af, char *err, size_t errsize)
{
	FILE *fp;
	int errnum;

	if (!af) {
		set_error(err, errsize, "(null)", EINVAL);
		return -1;
	}
	fp = af->fp;
	af->fp = NULL;
	if (ferror(fp)) {
		errnum = EIO;
		goto err_close;
	}
	if (fflush(fp) != 0 || fsync(fileno(fp)) < 0) {
		errnum = errno;
		goto err_close;
	}
	if (fclose(fp) != 0) {
		errnum = errno;
		goto err_unlink;
	}
	if (rename(af->tmp, af->path) < 0) {
		errnum = errno;
		goto err_unlink;
	}
	errnum = sync_dir(af->dir);
	if (errnum)
		goto err_free;
	free_af(af);
	return 0;

err_close:
	fclose(fp);
err_unlink:
	unlink(af->tmp);
err_free:
	set_error(err, errsize, af->path, errnum);
	free_af(af);
	return -1;
}

/* Closes and removes the temporary file and frees af (NULL is fine). */
void atomic_file_abort(atomic_file *af)
{
	if (!af)
		return;
	if (af->fp)
		fclose(af->fp);
	unlink(af->tmp);
	free_af(af);
}
