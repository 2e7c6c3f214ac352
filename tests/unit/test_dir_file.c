/*
 * test_dir_file.c - unit tests for core/util/dir_file.c (a file inside a
 * directory by a relative name, and its SHA-256) and sha256_fd().
 */
#include "util/dir_file.h"
#include "util/sha256.h"
#include "cutest.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[64]; /* a scratch directory: root/ev is the directory */
static char ev[96];

/* Writes text to root/name. */
static void put(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, name);
	f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
}

/* Makes root, root/ev and root/ev/sub. */
static int setup(void)
{
	char path[256];

	snprintf(root, sizeof(root), "/tmp/chiso-dirfile.XXXXXX");
	if (!mkdtemp(root))
		return -1;
	snprintf(ev, sizeof(ev), "%s/ev", root);
	snprintf(path, sizeof(path), "%s/ev/sub", root);
	if (mkdir(ev, 0755) < 0 || mkdir(path, 0755) < 0)
		return -1;
	return 0;
}

/* Removes root and everything in it. */
static int teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* The hash of root/name, or why not, as a string. */
static const char *hash_of(const char *name, char sha[65])
{
	static strbuf why = STRBUF_INIT;

	strbuf_reset(&why);
	if (dir_file_hash(ev, name, sha, &why) == 0)
		return NULL;
	return strbuf_str(&why);
}

/* sha256_fd reads a file from its start, whatever the offset. */
static void test_sha256_fd(void)
{
	char path[256], a[65], b[65];
	int fd;

	put("ev/a.txt", "abc");
	snprintf(path, sizeof(path), "%s/ev/a.txt", root);
	fd = open(path, O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT(lseek(fd, 2, SEEK_SET) == 2);
	CU_ASSERT(sha256_fd(fd, a) == 0);
	close(fd);
	sha256_hex("abc", 3, b);
	CU_ASSERT_STRING_EQUAL(a, b);
}

/* Files inside, nested, and through a link that stays inside. */
static void test_inside(void)
{
	char sha[65], want[65], path[256], target[256];

	put("ev/a.txt", "abc");
	put("ev/sub/b.txt", "");
	sha256_hex("abc", 3, want);
	CU_ASSERT_PTR_NULL(hash_of("a.txt", sha));
	CU_ASSERT_STRING_EQUAL(sha, want);
	CU_ASSERT_PTR_NULL(hash_of("./sub//b.txt", sha));
	sha256_hex("", 0, want);
	CU_ASSERT_STRING_EQUAL(sha, want);
	snprintf(path, sizeof(path), "%s/ev/in-link", root);
	snprintf(target, sizeof(target), "%s/ev/a.txt", root);
	CU_ASSERT(symlink(target, path) == 0);
	CU_ASSERT_PTR_NULL(hash_of("in-link", sha));
}

/* Names and files that leave the directory, or are not files. */
static void test_refused(void)
{
	char sha[65], path[256], target[256];
	const char *why;

	put("secret.txt", "secret");
	why = hash_of("../secret.txt", sha);
	CU_ASSERT(why && strstr(why, "leaves the directory"));
	why = hash_of("sub/../../secret.txt", sha);
	CU_ASSERT(why && strstr(why, "leaves the directory"));
	why = hash_of("/etc/passwd", sha);
	CU_ASSERT(why && strstr(why, "is absolute"));
	why = hash_of("nope.txt", sha);
	CU_ASSERT(why && strstr(why, "is not in"));
	why = hash_of("sub", sha);
	CU_ASSERT(why && strstr(why, "not a regular file"));
	snprintf(path, sizeof(path), "%s/ev/out-link", root);
	snprintf(target, sizeof(target), "%s/secret.txt", root);
	CU_ASSERT(symlink(target, path) == 0);
	why = hash_of("out-link", sha);
	CU_ASSERT(why && strstr(why, "resolves outside"));
	/* A name that only starts like the directory's sibling. */
	snprintf(path, sizeof(path), "%s/ev2", root);
	CU_ASSERT(mkdir(path, 0755) == 0);
	put("ev2/x.txt", "x");
	snprintf(path, sizeof(path), "%s/ev/sib-link", root);
	snprintf(target, sizeof(target), "%s/ev2/x.txt", root);
	CU_ASSERT(symlink(target, path) == 0);
	why = hash_of("sib-link", sha);
	CU_ASSERT(why && strstr(why, "resolves outside"));
}

static CU_TestInfo tests[] = {
        {"sha256_fd", test_sha256_fd},
        {"inside", test_inside},
        {"refused", test_refused},
        CU_TEST_INFO_NULL,
};

/* The scratch directory around the suite (cutest.h has no fixtures). */
int main(void)
{
	int rc;

	if (setup() < 0)
		return 99;
	rc = cutest_run("dir_file", tests);
	if (teardown() < 0 && rc == 0)
		rc = 99;
	return rc;
}
