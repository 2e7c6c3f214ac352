/*
 * test_atomic_file.c - unit tests for core/util/atomic_file.c.
 */
#include "util/atomic_file.h"
#include "cutest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

/* A fresh scratch directory for one test; "" if it could not be made. */
static char dir[64];

/* Makes the scratch directory; returns 0 or -1. */
static int make_dir(void)
{
	strcpy(dir, "/tmp/chiso-atomic-XXXXXX");
	if (!mkdtemp(dir)) {
		dir[0] = '\0';
		return -1;
	}
	return 0;
}

/* Removes one entry met by nftw (files first, then their directory). */
static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

/* Removes the scratch directory and everything below it. */
static void remove_dir(void)
{
	if (!dir[0])
		return;
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	dir[0] = '\0';
}

/* Writes "<dir>/name" into path (of size 512); returns path. */
static char *in_dir(char *path, const char *name)
{
	snprintf(path, 512, "%s/%s", dir, name);
	return path;
}

/* Writes text to path with plain stdio; returns 0 or -1. */
static int write_plain(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return -1;
	fputs(text, fp);
	return fclose(fp) == 0 ? 0 : -1;
}

/* Returns 1 if path holds exactly text, else 0. */
static int holds(const char *path, const char *text)
{
	char buf[256];
	size_t n;
	FILE *fp = fopen(path, "r");

	if (!fp)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return strcmp(buf, text) == 0;
}

/* Counts the entries of directory d (the scratch directory when NULL)
 * named ".chiso-tmp.<name>.<pid>.XXXXXX". */
static int count_temps_in(const char *d, const char *name)
{
	static const char prefix[] = ".chiso-tmp.";
	size_t plen = strlen(prefix), nlen = strlen(name);
	struct dirent *de;
	int count = 0;
	DIR *dp = opendir(d ? d : dir);

	if (!dp)
		return -1;
	while ((de = readdir(dp)) != NULL) {
		const char *p = de->d_name;

		if (strncmp(p, prefix, plen) == 0 &&
		    strncmp(p + plen, name, nlen) == 0 &&
		    p[plen + nlen] == '.' &&
		    strspn(p + plen + nlen + 1, "0123456789") > 0 &&
		    strlen(strchr(p + plen + nlen + 1, '.')) == 7)
			count++;
	}
	closedir(dp);
	return count;
}

/* Counts the scratch directory's temporary files of target name. */
static int count_temps(const char *name)
{
	return count_temps_in(NULL, name);
}

/* Counts the entries of the scratch directory. */
static int count_entries(void)
{
	struct dirent *de;
	int count = 0;
	DIR *dp = opendir(dir);

	if (!dp)
		return -1;
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			count++;
	closedir(dp);
	return count;
}

/* Returns 1 if err is "path: " followed by strerror(errnum). */
static int err_is(const char *err, const char *path, int errnum)
{
	char want[600];

	snprintf(want, sizeof(want), "%s: %s", path, strerror(errnum));
	if (strcmp(err, want) != 0)
		fprintf(stderr, "\nerr \"%s\", want \"%s\"\n", err, want);
	return strcmp(err, want) == 0;
}

/* A new file appears only on commit, with mode 0666 & ~umask. */
static void test_commit_new(void)
{
	char path[512], err[600] = "";
	struct stat st;
	atomic_file *af;
	mode_t old_mask;

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "out.txt");
	old_mask = umask(027);
	af = atomic_file_open(path, err, sizeof(err));
	umask(old_mask);
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	CU_ASSERT_EQUAL(count_temps("out.txt"), 1);
	CU_ASSERT_EQUAL(access(path, F_OK), -1);
	CU_ASSERT(fprintf(atomic_file_stream(af), "điểm %d\n", 42) > 0);
	old_mask = umask(027);
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	umask(old_mask);
	CU_ASSERT(holds(path, "điểm 42\n"));
	CU_ASSERT_EQUAL(count_temps("out.txt"), 0);
	CU_ASSERT_EQUAL(stat(path, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 07777, 0640);
	CU_ASSERT_EQUAL(umask(old_mask), old_mask); /* umask restored */
	remove_dir();
}

/* Commit replaces an existing file. */
static void test_commit_replaces(void)
{
	char path[512], err[600] = "";
	atomic_file *af;

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "model.json");
	CU_ASSERT_FATAL(write_plain(path, "old contents") == 0);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("new", atomic_file_stream(af));
	CU_ASSERT(holds(path, "old contents"));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	CU_ASSERT(holds(path, "new"));
	CU_ASSERT_EQUAL(count_temps("model.json"), 0);
	remove_dir();
}

/* Abort keeps the old file and leaves no temporary file. */
static void test_abort(void)
{
	char path[512], err[600] = "";
	atomic_file *af;

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "keep.csv");
	CU_ASSERT_FATAL(write_plain(path, "a,b\n1,2\n") == 0);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("half a fi", atomic_file_stream(af));
	fflush(atomic_file_stream(af));
	CU_ASSERT_EQUAL(count_temps("keep.csv"), 1);
	atomic_file_abort(af);
	CU_ASSERT(holds(path, "a,b\n1,2\n"));
	CU_ASSERT_EQUAL(count_temps("keep.csv"), 0);
	atomic_file_abort(NULL);
	remove_dir();
}

/* Opening in a missing directory fails with "PATH: reason". */
static void test_open_missing_dir(void)
{
	char path[512], err[600] = "";

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "nope/x.json");
	CU_ASSERT_PTR_NULL(atomic_file_open(path, err, sizeof(err)));
	CU_ASSERT(err_is(err, path, ENOENT));
	/* A short err buffer is truncated, not overrun. */
	memset(err, 'Z', sizeof(err));
	CU_ASSERT_PTR_NULL(atomic_file_open(path, err, 8));
	CU_ASSERT_EQUAL(strlen(err), 7);
	CU_ASSERT_EQUAL(strncmp(err, path, 7), 0);
	CU_ASSERT_PTR_NULL(atomic_file_open(path, NULL, 0));
	/* A path naming a directory ("dir/") is refused up front. */
	in_dir(path, "");
	CU_ASSERT_PTR_NULL(atomic_file_open(path, err, sizeof(err)));
	CU_ASSERT(err_is(err, path, EISDIR));
	remove_dir();
}

/* A directory is refused up front: no temporary file, nothing in it. */
static void test_open_directory(void)
{
	char path[512], err[600] = "";

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "sub");
	CU_ASSERT_FATAL(mkdir(path, 0777) == 0);
	CU_ASSERT_PTR_NULL(atomic_file_open(path, err, sizeof(err)));
	CU_ASSERT(err_is(err, path, EISDIR));
	CU_ASSERT_EQUAL(count_temps("sub"), 0);
	CU_ASSERT_EQUAL(count_entries(), 1);
	remove_dir();
}

/* A write that fails (here past a file size limit: EFBIG) fails the
 * commit with that write's reason, not "Input/output error"; the old
 * file is kept and the temporary file removed. */
static void test_commit_write_fails(void)
{
	char path[512], err[600] = "", big[8192];
	struct rlimit old, small;
	void (*old_handler)(int);
	atomic_file *af;
	FILE *fp;
	int i;

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "scores.txt");
	CU_ASSERT_FATAL(write_plain(path, "previous") == 0);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fp = atomic_file_stream(af);
	CU_ASSERT_FATAL(getrlimit(RLIMIT_FSIZE, &old) == 0);
	small = old;
	small.rlim_cur = 10000;
	old_handler = signal(SIGXFSZ, SIG_IGN);
	CU_ASSERT_FATAL(setrlimit(RLIMIT_FSIZE, &small) == 0);
	memset(big, 'x', sizeof(big));
	/* 256 KiB: the failing write is followed by more writes. */
	for (i = 0; i < 32; i++)
		fwrite(big, 1, sizeof(big), fp);
	fputs("tail", fp);
	CU_ASSERT(ferror(fp));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), -1);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, old_handler);
	CU_ASSERT(err_is(err, path, EFBIG));
	CU_ASSERT(holds(path, "previous"));
	CU_ASSERT_EQUAL(count_temps("scores.txt"), 0);
	remove_dir();
}

/* A character device is written directly, never replaced: /dev/full
 * fails with ENOSPC at the final flush or in the middle, and stays. */
static void test_device_full(void)
{
	char err[600] = "", big[8192];
	struct stat st;
	atomic_file *af;
	FILE *fp;
	int i;

	if (access("/dev/full", W_OK) != 0)
		return;
	af = atomic_file_open("/dev/full", err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	CU_ASSERT_PTR_NULL(atomic_file_temp_path(af));
	fputs("tiny", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), -1);
	CU_ASSERT(err_is(err, "/dev/full", ENOSPC));

	af = atomic_file_open("/dev/full", err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fp = atomic_file_stream(af);
	memset(big, 'x', sizeof(big));
	for (i = 0; i < 32; i++)
		fwrite(big, 1, sizeof(big), fp);
	CU_ASSERT(ferror(fp));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), -1);
	CU_ASSERT(err_is(err, "/dev/full", ENOSPC));
	CU_ASSERT_EQUAL(stat("/dev/full", &st), 0);
	CU_ASSERT(S_ISCHR(st.st_mode));

	af = atomic_file_open("/dev/null", err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("gone", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(stat("/dev/null", &st), 0);
	CU_ASSERT(S_ISCHR(st.st_mode));
}

/* A replaced file keeps its mode (not the umask's) and its group. */
static void test_keeps_mode(void)
{
	char path[512], err[600] = "";
	struct stat st;
	atomic_file *af;
	mode_t old_mask;
	gid_t gid = getegid();

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "private.txt");
	CU_ASSERT_FATAL(write_plain(path, "old") == 0);
	CU_ASSERT_FATAL(chmod(path, 0604) == 0);
	if (geteuid() == 0) {
		gid = 4242;
		CU_ASSERT_FATAL(chown(path, (uid_t)-1, gid) == 0);
	}
	old_mask = umask(022);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("new", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	umask(old_mask);
	CU_ASSERT(holds(path, "new"));
	CU_ASSERT_EQUAL(stat(path, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 07777, 0604);
	CU_ASSERT_EQUAL(st.st_gid, gid);
	remove_dir();
}

/* A link (a chain of two) to a file in another directory: that file is
 * replaced there, the links stay links; a dangling link creates the file
 * it names; a loop of links is refused. */
static void test_symlinks(void)
{
	char path[512], real[512], sub[512], link[512], err[600] = "";
	char buf[64];
	struct stat st;
	atomic_file *af;
	ssize_t n;

	CU_ASSERT_FATAL(make_dir() == 0);
	CU_ASSERT_FATAL(mkdir(in_dir(sub, "real"), 0755) == 0);
	CU_ASSERT_FATAL(write_plain(in_dir(real, "real/r.txt"), "old") == 0);
	CU_ASSERT_FATAL(symlink("real/r.txt", in_dir(link, "link")) == 0);
	CU_ASSERT_FATAL(symlink("link", in_dir(path, "chain")) == 0);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	CU_ASSERT_EQUAL(count_temps_in(sub, "r.txt"), 1);
	fputs("new", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	CU_ASSERT(holds(real, "new"));
	CU_ASSERT(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
	CU_ASSERT(lstat(path, &st) == 0 && S_ISLNK(st.st_mode));
	n = readlink(link, buf, sizeof(buf) - 1);
	CU_ASSERT(n == 10 && memcmp(buf, "real/r.txt", 10) == 0);
	CU_ASSERT_EQUAL(count_temps_in(sub, "r.txt"), 0);

	CU_ASSERT_FATAL(symlink("real/new.txt", in_dir(link, "dangling")) == 0);
	af = atomic_file_open(link, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("made", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	CU_ASSERT(holds(in_dir(real, "real/new.txt"), "made"));
	CU_ASSERT(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));

	CU_ASSERT_FATAL(symlink("loop", in_dir(link, "loop")) == 0);
	CU_ASSERT_PTR_NULL(atomic_file_open(link, err, sizeof(err)));
	CU_ASSERT(err_is(err, link, ELOOP));
	remove_dir();
}

/* A link planted by another user in a world-writable sticky directory
 * is not followed (root only: it takes giving the link away). */
static void test_planted_link(void)
{
	char shared[512], path[512], victim[512], err[600] = "";
	atomic_file *af;

	if (geteuid() != 0)
		return;
	CU_ASSERT_FATAL(make_dir() == 0);
	CU_ASSERT_FATAL(mkdir(in_dir(shared, "shared"), 0777) == 0);
	CU_ASSERT_FATAL(chmod(shared, 01777) == 0);
	CU_ASSERT_FATAL(write_plain(in_dir(victim, "victim"), "keep") == 0);
	CU_ASSERT_FATAL(symlink(victim, in_dir(path, "shared/out.txt")) == 0);
	CU_ASSERT_FATAL(lchown(path, 4242, 4242) == 0);
	CU_ASSERT_PTR_NULL(atomic_file_open(path, err, sizeof(err)));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "belongs to another user"));
	CU_ASSERT(holds(victim, "keep"));
	/* Our own link there is followed. */
	CU_ASSERT_FATAL(lchown(path, 0, 0) == 0);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("ours", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	CU_ASSERT(holds(victim, "ours"));
	remove_dir();
}

/* A path naming one of our descriptors writes through it: the file open
 * there gets the output, nothing is renamed; a closed or read-only
 * descriptor is refused (EBADF). */
static void test_descriptor_paths(void)
{
	char path[512], name[64], err[600] = "";
	atomic_file *af;
	int fd;

	CU_ASSERT_FATAL(make_dir() == 0);
	fd = open(in_dir(path, "fd.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CU_ASSERT_FATAL(fd >= 0);
	snprintf(name, sizeof(name), "/dev/fd/%d", fd);
	af = atomic_file_open(name, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	CU_ASSERT_PTR_NULL(atomic_file_temp_path(af));
	fputs("via /dev/fd", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	snprintf(name, sizeof(name), "/proc/self/fd/%d", fd);
	af = atomic_file_open(name, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs(" and /proc", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	close(fd);
	CU_ASSERT(holds(path, "via /dev/fd and /proc"));
	CU_ASSERT_EQUAL(count_entries(), 1);

	/* fd is closed now. */
	snprintf(name, sizeof(name), "/dev/fd/%d", fd);
	CU_ASSERT_PTR_NULL(atomic_file_open(name, err, sizeof(err)));
	CU_ASSERT(err_is(err, name, EBADF));
	fd = open(path, O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	snprintf(name, sizeof(name), "/dev/fd/%d", fd);
	CU_ASSERT_PTR_NULL(atomic_file_open(name, err, sizeof(err)));
	CU_ASSERT(err_is(err, name, EBADF));
	close(fd);
	remove_dir();
}

/* atomic_file_open_fd writes through a duplicate of the descriptor;
 * abort drops what was still buffered. */
static void test_open_fd(void)
{
	char err[600] = "", buf[64];
	atomic_file *af;
	int p[2];
	ssize_t n;

	CU_ASSERT_FATAL(pipe(p) == 0);
	af = atomic_file_open_fd(p[1], "the pipe", err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("dropped", atomic_file_stream(af));
	atomic_file_abort(af);
	af = atomic_file_open_fd(p[1], "the pipe", err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("kept", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	close(p[1]);
	n = read(p[0], buf, sizeof(buf));
	CU_ASSERT(n == 4 && memcmp(buf, "kept", 4) == 0);
	close(p[0]);
	CU_ASSERT_PTR_NULL(atomic_file_open_fd(p[1], "gone", err, sizeof(err)));
	CU_ASSERT(err_is(err, "gone", EBADF));
}

/* A FIFO is written into and stays a FIFO; a socket and a block device
 * are refused. */
static void test_fifo_socket_block(void)
{
	char path[512], err[600] = "", buf[64];
	struct sockaddr_un sa;
	struct stat st;
	atomic_file *af;
	int rd, s;
	ssize_t n;

	CU_ASSERT_FATAL(make_dir() == 0);
	CU_ASSERT_FATAL(mkfifo(in_dir(path, "fifo"), 0600) == 0);
	rd = open(path, O_RDONLY | O_NONBLOCK);
	CU_ASSERT_FATAL(rd >= 0);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("through", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	n = read(rd, buf, sizeof(buf));
	CU_ASSERT(n == 7 && memcmp(buf, "through", 7) == 0);
	close(rd);
	CU_ASSERT(lstat(path, &st) == 0 && S_ISFIFO(st.st_mode));

	s = socket(AF_UNIX, SOCK_STREAM, 0);
	CU_ASSERT_FATAL(s >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/sock", dir);
	CU_ASSERT_FATAL(bind(s, (struct sockaddr *)&sa, sizeof(sa)) == 0);
	CU_ASSERT_PTR_NULL(atomic_file_open(sa.sun_path, err, sizeof(err)));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "a socket"));
	close(s);
	if (mknod(in_dir(path, "disk"), S_IFBLK | 0600, makedev(7, 0)) == 0) {
		CU_ASSERT_PTR_NULL(atomic_file_open(path, err, sizeof(err)));
		CU_ASSERT_PTR_NOT_NULL(strstr(err, "a block device"));
		CU_ASSERT(lstat(path, &st) == 0 && S_ISBLK(st.st_mode));
	}
	CU_ASSERT_EQUAL(count_temps("fifo") + count_temps("disk"), 0);
	remove_dir();
}

/* A pid that is no longer a process: a child that has exited. */
static pid_t dead_pid(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return pid;
}

/* Opening any target removes the dead writers' temporary files in its
 * directory: ours only, of a dead pid, regular files, named as ours. */
static void test_stale_removed(void)
{
	/* Look-alikes: before and after the pid. */
	static const char *const kept[][2] = {
	        {".a.json.", ".abcdef"},            /* not chiso's prefix */
	        {".chiso-tmp.a.json.", ".abc"},     /* not mkstemp's end */
	        {".chiso-tmp.a.json.", ".abcdef~"}, /* an editor's backup */
	        {".chiso-tmp..", ".abcdef"},        /* no target name */
	};
	char path[512], name[256], err[600] = "";
	long dead = (long)dead_pid(), alive = (long)getppid();
	atomic_file *af;
	size_t i;

	CU_ASSERT_FATAL(dead > 0);
	CU_ASSERT_FATAL(make_dir() == 0);
	snprintf(name, sizeof(name), ".chiso-tmp.r.json.%ld.Ab12Cd", dead);
	CU_ASSERT_FATAL(write_plain(in_dir(path, name), "dead") == 0);
	snprintf(name, sizeof(name), ".chiso-tmp.2024.%ld.zzzzzz", dead);
	CU_ASSERT_FATAL(write_plain(in_dir(path, name), "dead") == 0);
	snprintf(name, sizeof(name), ".chiso-tmp.r.json.%ld.Ab12Cd", alive);
	CU_ASSERT_FATAL(write_plain(in_dir(path, name), "alive") == 0);
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
		snprintf(name, sizeof(name), "%s%ld%s", kept[i][0], dead,
		         kept[i][1]);
		CU_ASSERT_FATAL(write_plain(in_dir(path, name), "x") == 0);
	}
	snprintf(name, sizeof(name), ".chiso-tmp.d.%ld.abcdef", dead);
	CU_ASSERT_FATAL(mkdir(in_dir(path, name), 0700) == 0);
	if (geteuid() == 0) {
		snprintf(name, sizeof(name), ".chiso-tmp.u.%ld.abcdef", dead);
		CU_ASSERT_FATAL(write_plain(in_dir(path, name), "x") == 0);
		CU_ASSERT_FATAL(chown(path, 4242, 4242) == 0);
	}
	/* 2 dead temporary files of ours, 1 alive, 4 look-alikes, a
	 * directory, maybe another user's file. */
	CU_ASSERT_EQUAL(count_entries(), geteuid() == 0 ? 9 : 8);
	af = atomic_file_open(in_dir(path, "other.txt"), err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	atomic_file_abort(af);
	CU_ASSERT_EQUAL(count_entries(), geteuid() == 0 ? 7 : 6);
	CU_ASSERT_EQUAL(count_temps("r.json"), 1); /* the live one */
	CU_ASSERT_EQUAL(count_temps("2024"), 0);
	remove_dir();
}

/* A very long target name still gets a temporary file (its name is
 * shortened to stay under NAME_MAX). */
static void test_long_name(void)
{
	char path[512], name[256], err[600] = "";
	atomic_file *af;

	CU_ASSERT_FATAL(make_dir() == 0);
	memset(name, 'n', 250);
	strcpy(name + 250, ".txt");
	af = atomic_file_open(in_dir(path, name), err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("long", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	CU_ASSERT(holds(path, "long"));
	CU_ASSERT_EQUAL(count_entries(), 1);
	remove_dir();
}

/* A bare file name works relative to the current directory. */
static void test_relative_name(void)
{
	char path[512], err[600] = "";
	atomic_file *af;
	int cwd;

	CU_ASSERT_FATAL(make_dir() == 0);
	cwd = open(".", O_RDONLY);
	CU_ASSERT_FATAL(cwd >= 0);
	CU_ASSERT_FATAL(chdir(dir) == 0);
	af = atomic_file_open("rel.txt", err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL(af);
	if (af) {
		CU_ASSERT_EQUAL(count_temps("rel.txt"), 1);
		fputs("r", atomic_file_stream(af));
		CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), 0);
	}
	CU_ASSERT_EQUAL(fchdir(cwd), 0);
	close(cwd);
	CU_ASSERT(holds(in_dir(path, "rel.txt"), "r"));
	CU_ASSERT_EQUAL(count_temps("rel.txt"), 0);
	remove_dir();
}

static CU_TestInfo tests[] = {
        {"commit_new", test_commit_new},
        {"commit_replaces", test_commit_replaces},
        {"abort", test_abort},
        {"open_missing_dir", test_open_missing_dir},
        {"open_directory", test_open_directory},
        {"commit_write_fails", test_commit_write_fails},
        {"device_full", test_device_full},
        {"keeps_mode", test_keeps_mode},
        {"symlinks", test_symlinks},
        {"planted_link", test_planted_link},
        {"descriptor_paths", test_descriptor_paths},
        {"open_fd", test_open_fd},
        {"fifo_socket_block", test_fifo_socket_block},
        {"stale_removed", test_stale_removed},
        {"long_name", test_long_name},
        {"relative_name", test_relative_name},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("atomic_file", tests)
