/*
 * test_atomic_file.c - unit tests for core/util/atomic_file.c.
 */
#include "util/atomic_file.h"
#include "cutest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* Removes the scratch directory and everything one level below it. */
static void remove_dir(void)
{
	struct dirent *de;
	char path[512];
	DIR *d;

	if (!dir[0])
		return;
	d = opendir(dir);
	if (d) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			if (unlink(path) < 0)
				rmdir(path);
		}
		closedir(d);
	}
	rmdir(dir);
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

/* Counts the entries of the scratch directory named ".<name>.XXXXXX". */
static int count_temps(const char *name)
{
	struct dirent *de;
	size_t nlen = strlen(name);
	int count = 0;
	DIR *d = opendir(dir);

	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL) {
		/* ".<name>.<pid>.XXXXXX" */
		if (de->d_name[0] == '.' &&
		    strncmp(de->d_name + 1, name, nlen) == 0 &&
		    de->d_name[1 + nlen] == '.' &&
		    strspn(de->d_name + 2 + nlen, "0123456789") > 0 &&
		    strlen(strchr(de->d_name + 2 + nlen, '.')) == 7)
			count++;
	}
	closedir(d);
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

/* A commit whose rename fails (target is a directory) leaves no
 * temporary file and reports the target. */
static void test_commit_rename_fails(void)
{
	char path[512], err[600] = "";
	struct stat st;
	atomic_file *af;

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "sub");
	CU_ASSERT_FATAL(mkdir(path, 0777) == 0);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fputs("data", atomic_file_stream(af));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), -1);
	CU_ASSERT(err_is(err, path, EISDIR));
	CU_ASSERT_EQUAL(count_temps("sub"), 0);
	CU_ASSERT_EQUAL(stat(path, &st), 0);
	CU_ASSERT(S_ISDIR(st.st_mode));
	remove_dir();
}

/* Failed writes (disk full) make commit fail, keep the old file and
 * remove the temporary file. */
static void test_commit_write_fails(void)
{
	char path[512], err[600] = "", big[8192];
	atomic_file *af;
	FILE *fp;
	int full, i;

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "scores.txt");
	CU_ASSERT_FATAL(write_plain(path, "previous") == 0);
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fp = atomic_file_stream(af);
	/* Point the stream's descriptor at /dev/full (or, failing that, a
	 * read-only /dev/null) so every write fails. */
	full = open("/dev/full", O_WRONLY);
	if (full < 0)
		full = open("/dev/null", O_RDONLY);
	CU_ASSERT_FATAL(full >= 0);
	CU_ASSERT_FATAL(dup2(full, fileno(fp)) >= 0);
	close(full);
	memset(big, 'x', sizeof(big));
	for (i = 0; i < 4; i++)
		fwrite(big, 1, sizeof(big), fp);
	CU_ASSERT(ferror(fp));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(strncmp(err, path, strlen(path)), 0);
	CU_ASSERT_EQUAL(strncmp(err + strlen(path), ": ", 2), 0);
	CU_ASSERT(holds(path, "previous"));
	CU_ASSERT_EQUAL(count_temps("scores.txt"), 0);
	remove_dir();
}

/* Same failure but caught at the final flush, not by ferror. */
static void test_commit_flush_fails(void)
{
	char path[512], err[600] = "";
	atomic_file *af;
	FILE *fp;
	int full;

	CU_ASSERT_FATAL(make_dir() == 0);
	in_dir(path, "small.txt");
	af = atomic_file_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(af);
	fp = atomic_file_stream(af);
	full = open("/dev/full", O_WRONLY);
	CU_ASSERT_FATAL(full >= 0);
	CU_ASSERT_FATAL(dup2(full, fileno(fp)) >= 0);
	close(full);
	fputs("tiny", fp);
	CU_ASSERT(!ferror(fp));
	CU_ASSERT_EQUAL(atomic_file_commit(af, err, sizeof(err)), -1);
	CU_ASSERT(err_is(err, path, ENOSPC));
	CU_ASSERT_EQUAL(access(path, F_OK), -1);
	CU_ASSERT_EQUAL(count_temps("small.txt"), 0);
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
        {"commit_rename_fails", test_commit_rename_fails},
        {"commit_write_fails", test_commit_write_fails},
        {"commit_flush_fails", test_commit_flush_fails},
        {"relative_name", test_relative_name},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("atomic_file", tests)
