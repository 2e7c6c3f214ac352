/*
 * atomic_file.c - write an output completely or not at all: a regular
 * file via a temporary file renamed over it, a device, FIFO or descriptor
 * directly; what the path names is found by util/out_target.c.
 */
#define _GNU_SOURCE /* fopencookie: a stream that keeps its write's errno */

#include "util/atomic_file.h"
#include "util/out_target.h"
#include "util/strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary files' prefix: only names starting so are ever removed
 * as a dead writer's leftovers. */
#define TEMP_PREFIX ".chiso-tmp."
/* At most this many bytes of the target's name go into the temporary
 * file's name (which must stay under NAME_MAX). */
#define TEMP_NAME_MAX 200
/* The stream's buffer. */
#define STREAM_BUFFER 65536

struct atomic_file {
	FILE *fp;    /* the stream handed out, NULL once closed */
	int fd;      /* what the stream writes to, -1 once closed */
	int werr;    /* errno of the first failed write, or 0 */
	int discard; /* 1: drop what is written (abort) */
	char *path;  /* the target as given, for messages */
	char *file;  /* the file renamed over; NULL when written directly */
	char *tmp;   /* the temporary file's name; NULL when direct */
	char *dir;   /* the directory of file and tmp, for fsync */
	mode_t mode; /* a temporary file's mode once complete */
	gid_t gid;   /* and its group, when keep_gid */
	int keep_gid;
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
	free(af->file);
	free(af->tmp);
	free(af->dir);
	free(af);
}

/*
 * The pid in a temporary file's name ".chiso-tmp.<name>.<pid>.XXXXXX"
 * (XXXXXX: six letters or digits, as mkstemp makes them), or 0 when
 * name is not one.
 */
static long temp_pid(const char *name)
{
	size_t plen = strlen(TEMP_PREFIX), len = strlen(name), i;
	const char *p;
	long pid = 0;

	if (strncmp(name, TEMP_PREFIX, plen) != 0 || len < plen + 1 + 2 + 7)
		return 0;
	p = name + len - 7;
	if (*p != '.')
		return 0;
	for (i = 1; i < 7; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		      (p[i] >= 'A' && p[i] <= 'Z') ||
		      (p[i] >= '0' && p[i] <= '9')))
			return 0;
	while (p > name + plen && p[-1] >= '0' && p[-1] <= '9')
		p--;
	/* p: the pid's first digit, after a '.' that ends a name. */
	if (p[0] == '.' || p[-1] != '.' || p - 1 <= name + plen)
		return 0;
	for (; *p != '.'; p++) {
		if (pid > 99999999)
			return 0;
		pid = pid * 10 + (*p - '0');
	}
	return pid;
}

/*
 * Removes, in dir, the temporary files of writers that were killed before
 * they could clean up (SIGKILL, power loss): names of the form
 * ".chiso-tmp.<name>.<pid>.XXXXXX" that are regular files of the current
 * user and whose pid is no longer a process. Best effort: errors are
 * ignored.
 */
static void remove_stale(const char *dir)
{
	struct dirent *de;
	struct stat st;
	DIR *dp = opendir(dir);
	long pid;

	if (!dp)
		return;
	for (de = readdir(dp); de; de = readdir(dp)) {
		pid = temp_pid(de->d_name);
		if (pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* alive, or not ours to judge */
		if (fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) <
		            0 ||
		    !S_ISREG(st.st_mode) || st.st_uid != geteuid())
			continue;
		unlinkat(dirfd(dp), de->d_name, 0);
	}
	closedir(dp);
}

/* The stream's write: writes all of buf to af->fd and returns how much
 * was written; on failure keeps the first errno in af->werr and writes
 * nothing more (a short count makes the stream's error flag set). */
static ssize_t stream_write(void *cookie, const char *buf, size_t n)
{
	atomic_file *af = cookie;
	size_t done = 0;
	ssize_t w;

	if (af->werr || af->discard)
		return 0;
	while (done < n) {
		w = write(af->fd, buf + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			af->werr = w < 0 ? errno : EIO;
			break;
		}
		done += (size_t)w;
	}
	return (ssize_t)done;
}

/* Makes af->fp, a stream writing to af->fd. Returns 0, or an errno. */
static int open_stream(atomic_file *af)
{
	cookie_io_functions_t io = {NULL, stream_write, NULL, NULL};

	af->fp = fopencookie(af, "w", io);
	if (!af->fp)
		return errno ? errno : ENOMEM;
	setvbuf(af->fp, NULL, _IOFBF, STREAM_BUFFER);
	return 0;
}

/* A new handle for target path (copied); fd -1, no stream yet. */
static atomic_file *new_af(const char *path)
{
	atomic_file *af = xcalloc(1, sizeof(*af));

	af->fd = -1;
	af->path = xstrdup(path);
	return af;
}

/*
 * Creates the temporary file beside t->file (mode 0600 while it is
 * written); notes the mode and group it gets when complete: t's when it
 * replaces a file, else 0666 & ~umask. Returns 0, or an errno.
 */
static int open_temp(atomic_file *af, const out_target *t)
{
	const char *slash = strrchr(t->file, '/');
	const char *base = slash ? slash + 1 : t->file;
	size_t blen = strlen(base);
	strbuf sb = STRBUF_INIT;

	af->file = xstrdup(t->file);
	af->dir = out_target_dir(t->file);
	af->mode = 0666 & ~current_umask();
	if (t->kind == OUT_REPLACE) {
		af->mode = t->st.st_mode & 07777;
		af->gid = t->st.st_gid;
		af->keep_gid = 1;
	}
	remove_stale(af->dir);
	if (blen > TEMP_NAME_MAX) {
		blen = TEMP_NAME_MAX;
		while (blen > 0 && ((unsigned char)base[blen] & 0xC0) == 0x80)
			blen--; /* not in the middle of a UTF-8 character */
	}
	strbuf_add(&sb, t->file, (size_t)(base - t->file));
	strbuf_puts(&sb, TEMP_PREFIX);
	strbuf_add(&sb, base, blen);
	strbuf_printf(&sb, ".%ld.XXXXXX", (long)getpid());
	af->tmp = strbuf_detach(&sb);

	af->fd = mkstemp(af->tmp);
	if (af->fd < 0) {
		free(af->tmp);
		af->tmp = NULL; /* nothing to remove */
		return errno;
	}
	return 0;
}

/* Gives a complete temporary file its group (where we may: a member of
 * it, or root) and then its mode (a change of owner or group may clear
 * set-id bits). Returns 0, or an errno. */
static int set_mode(atomic_file *af)
{
	if (af->keep_gid && fchown(af->fd, (uid_t)-1, af->gid) < 0 &&
	    errno != EPERM)
		return errno;
	if (fchmod(af->fd, af->mode) < 0)
		return errno;
	return 0;
}

/* Opens the device or FIFO t->file for writing, never creating,
 * truncating or following a link; it must still be one once open.
 * Returns 0, or an errno (-1: it changed meanwhile). */
static int open_node(atomic_file *af, const out_target *t)
{
	struct stat st;

	af->fd = open(t->file, O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
	if (af->fd < 0)
		return errno;
	if (fstat(af->fd, &st) < 0)
		return errno;
	if (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode))
		return -1;
	return 0;
}

/* Duplicates descriptor fd, which must be open for writing, into
 * af->fd. Returns 0, or an errno. */
static int open_dup(atomic_file *af, int fd)
{
	int flags = fcntl(fd, F_GETFL);

	if (flags < 0)
		return errno;
	if ((flags & O_ACCMODE) == O_RDONLY)
		return EBADF;
	af->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	return af->fd < 0 ? errno : 0;
}

/* Closes and removes what af opened (before it is handed out, so
 * nothing was written), frees af and returns NULL. */
static atomic_file *fail_open(atomic_file *af)
{
	atomic_file_abort(af);
	return NULL;
}

/* Opens path for writing by what it names (see atomic_file.h). Returns
 * the handle (freed by commit or abort) or NULL with err set. */
atomic_file *atomic_file_open(const char *path, char *err, size_t errsize)
{
	out_target t;
	atomic_file *af;
	int errnum;

	if (out_target_find(path, &t, err, errsize) < 0)
		return NULL;
	af = new_af(path);
	switch (t.kind) {
	case OUT_FD:
		errnum = open_dup(af, t.fd);
		break;
	case OUT_NODE:
		errnum = open_node(af, &t);
		break;
	default: /* OUT_NEW, OUT_REPLACE */
		errnum = open_temp(af, &t);
		break;
	}
	if (errnum == 0)
		errnum = open_stream(af);
	out_target_free(&t);
	if (errnum == -1 && err && errsize > 0)
		snprintf(err, errsize,
		         "%s: changed while being opened; try again", path);
	else if (errnum)
		set_error(err, errsize, path, errnum);
	return errnum ? fail_open(af) : af;
}

/* Opens a duplicate of descriptor fd, called name in messages. */
atomic_file *atomic_file_open_fd(int fd, const char *name, char *err,
                                 size_t errsize)
{
	atomic_file *af = new_af(name);
	int errnum = open_dup(af, fd);

	if (errnum == 0)
		errnum = open_stream(af);
	if (errnum) {
		set_error(err, errsize, name, errnum);
		return fail_open(af);
	}
	return af;
}

/* The temporary file's name, or NULL when written directly. */
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

/* Flushes and closes the stream and the descriptor (a temporary file
 * first gets its mode and is fsynced). Returns 0, or the errno of the
 * first step that failed: a write's own, not EIO. */
static int close_out(atomic_file *af)
{
	int errnum = 0;

	if (fflush(af->fp) != 0 || ferror(af->fp))
		errnum = af->werr ? af->werr : EIO;
	fclose(af->fp);
	af->fp = NULL;
	if (!errnum && af->tmp)
		errnum = set_mode(af);
	if (!errnum && af->tmp && fsync(af->fd) < 0)
		errnum = errno;
	if (close(af->fd) < 0 && !errnum && errno != EINTR)
		errnum = errno;
	af->fd = -1;
	return errnum;
}

/* Flushes and closes; renames a temporary file over the target and
 * fsyncs the directory; frees af. Returns 0, or -1 with err set and the
 * temporary file removed. */
int atomic_file_commit(atomic_file *af, char *err, size_t errsize)
{
	int errnum;

	if (!af) {
		set_error(err, errsize, "(null)", EINVAL);
		return -1;
	}
	errnum = close_out(af);
	if (errnum)
		goto err_unlink;
	if (!af->tmp) {
		free_af(af);
		return 0;
	}
	if (rename(af->tmp, af->file) < 0) {
		errnum = errno;
		goto err_unlink;
	}
	errnum = sync_dir(af->dir);
	if (errnum)
		goto err_free;
	free_af(af);
	return 0;

err_unlink:
	if (af->tmp)
		unlink(af->tmp);
err_free:
	set_error(err, errsize, af->path, errnum);
	free_af(af);
	return -1;
}

/* Drops what is buffered, closes, removes the temporary file and frees
 * af (NULL is fine). */
void atomic_file_abort(atomic_file *af)
{
	if (!af)
		return;
	af->discard = 1;
	if (af->fp)
		fclose(af->fp);
	if (af->fd >= 0)
		close(af->fd);
	if (af->tmp)
		unlink(af->tmp);
	free_af(af);
}
