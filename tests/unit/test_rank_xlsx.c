/*
 * test_rank_xlsx.c - unit tests for core/publish/rank_xlsx.c: the 2022
 * Yên Bái ranking written as a workbook (a zip with the expected sheets), no
 * temporary file left behind on success or failure, errors that name the
 * path, grouped rankings with sheet names to clean up, units not ranked,
 * and the message of a chiso built without libxlsxwriter. The contents
 * of the sheets are checked by tests/cli/rank-xlsx.sh with a reader.
 */
#include "config.h"

#include "fixtures.h"
#include "cutest.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "publish/rank.h"
#include "publish/rank_xlsx.h"
#include "read/results_set.h"
#include "results/results_json.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DATA "examples/yen-bai-districts-2022.yaml"

#define NO_XLSX                                                                \
	"xlsx output is not available: this chiso was built without "          \
	"libxlsxwriter (install libxlsxwriter-dev and rebuild)"

/* A unit whose data is bad: read as invalid, so not ranked. */
#define BAD_UNIT                                                                     \
	"  - unit: { code: \"YB.BAD\", name: \"Huyện Lỗi Dữ Liệu\", level: " \
	"district, parent: \"YB\", period: \"2022\" }\n"                             \
	"    stage: final\n"                                                         \
	"    values: { steering_meetings: \"nhiều\" }\n"

/* A scratch directory, the results of the example data and the set read
 * back from them. */
struct fx {
	char *dir;
	char results[512];
	rs_set set;
	diag d;
	int ok;
};

/* Evaluates the example model on DATA (plus extra YAML, appended to the
 * units list) and writes the results document to f->results. */
static int write_results(struct fx *f, const char *extra)
{
	plugin_registry *reg = fixture_registry();
	chiso_model *m = fixture_example_model(reg, &f->d);
	size_t len = 0;
	char *text = fixture_read_source(DATA, &len);
	char *all = NULL;
	batch b;
	FILE *fp;
	int rc = -1;

	if (!m || !text)
		goto out;
	all = malloc(len + strlen(extra) + 1);
	if (!all)
		goto out;
	memcpy(all, text, len);
	strcpy(all + len, extra);
	batch_init(&b, m);
	if (data_load_buffer(&b, DATA, all, strlen(all), &f->d) < 0)
		goto out_batch;
	eval_batch(&b);
	fp = fopen(f->results, "w");
	if (!fp)
		goto out_batch;
	results_json_write(&b, fp);
	rc = fclose(fp) == 0 ? 0 : -1;
out_batch:
	batch_free(&b);
out:
	if (rc < 0)
		fixture_diag_dump(&f->d);
	free(all);
	free(text);
	model_free(m);
	plugin_registry_free(reg);
	return rc;
}

/* Makes the scratch directory and reads the results back into f->set. */
static void fx_open(struct fx *f, const char *extra)
{
	memset(f, 0, sizeof(*f));
	rs_init(&f->set);
	f->dir = fixture_tmpdir();
	if (!f->dir)
		return;
	snprintf(f->results, sizeof(f->results), "%s/r.json", f->dir);
	if (write_results(f, extra) < 0)
		return;
	if (rs_read_file(&f->set, f->results, &f->d) < 0) {
		fixture_diag_dump(&f->d);
		return;
	}
	f->ok = 1;
}

/* Frees the set and removes the scratch directory. */
static void fx_close(struct fx *f)
{
	rs_free(&f->set);
	diag_free(&f->d);
	if (f->dir)
		fixture_rmtree(f->dir);
	free(f->dir);
}

/* Ranks f->set with grouping g and --by `by`; 0 or -1. */
static int fx_rank(struct fx *f, rank_table *t, rank_grouping g, const char *by)
{
	rank_opts o = {by, g, 0};

	if (rank_build(t, &f->set, &o, &f->d) < 0) {
		fixture_diag_dump(&f->d);
		return -1;
	}
	return 0;
}

/* "<dir>/name" into buf (of size 512). */
static char *in_dir(const struct fx *f, char *buf, const char *name)
{
	snprintf(buf, 512, "%s/%s", f->dir, name);
	return buf;
}

/* The names in dir other than . and .., sorted, joined by spaces. */
static void listing(const char *dir, char *out, size_t size)
{
	char names[16][256];
	struct dirent *de;
	size_t n = 0, i, j;
	DIR *dp = opendir(dir);

	out[0] = '\0';
	if (!dp) {
		snprintf(out, size, "(cannot open %s)", dir);
		return;
	}
	while ((de = readdir(dp)) != NULL && n < 16) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(names[n++], sizeof(names[0]), "%s", de->d_name);
	}
	closedir(dp);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char tmp[256];

			memcpy(tmp, names[j], sizeof(tmp));
			memcpy(names[j], names[j - 1], sizeof(tmp));
			memcpy(names[j - 1], tmp, sizeof(tmp));
		}
	for (i = 0; i < n; i++) {
		if (i)
			strncat(out, " ", size - strlen(out) - 1);
		strncat(out, names[i], size - strlen(out) - 1);
	}
}

/* 1 when the scratch directory holds exactly the names `want` (sorted,
 * space-separated): no temporary file left. */
static int dir_is(const struct fx *f, const char *want)
{
	char got[4096];

	listing(f->dir, got, sizeof(got));
	if (strcmp(got, want) != 0)
		fprintf(stderr, "\n%s holds \"%s\", want \"%s\"\n", f->dir, got,
		        want);
	return strcmp(got, want) == 0;
}

/* The whole file at path (caller frees), its size in *len; NULL when it
 * cannot be read. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0)
		goto out;
	size = ftell(fp);
	if (size < 0 || fseek(fp, 0, SEEK_SET) != 0)
		goto out;
	buf = malloc((size_t)size + 1);
	if (buf && fread(buf, 1, (size_t)size, fp) != (size_t)size) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		*len = (size_t)size;
out:
	fclose(fp);
	return buf;
}

/* 1 when buf[0..len) contains the bytes of s. */
static int has_bytes(const char *buf, size_t len, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(buf + i, s, n) == 0)
			return 1;
	return 0;
}

/*
 * The number of worksheets in the workbook at path, read from the zip's
 * member names (stored uncompressed): "xl/worksheets/sheetN.xml". -1
 * when the file is not a zip.
 */
static int sheet_count(const char *path)
{
	char name[64];
	size_t len = 0;
	char *buf = slurp(path, &len);
	int n = 0;

	if (!buf)
		return -1;
	if (len < 4 || memcmp(buf, "PK\003\004", 4) != 0) {
		free(buf);
		return -1;
	}
	for (;;) {
		snprintf(name, sizeof(name), "xl/worksheets/sheet%d.xml",
		         n + 1);
		if (!has_bytes(buf, len, name))
			break;
		n++;
	}
	free(buf);
	return n;
}

/* When chiso has no libxlsxwriter: the write fails with the message
 * saying so and creates nothing. */
static void expect_unavailable(struct fx *f, const rank_table *t)
{
	char path[512], err[512] = "";

	CU_ASSERT_EQUAL(rank_xlsx_write(t, in_dir(f, path, "rank.xlsx"), err,
	                                sizeof(err)),
	                -1);
	CU_ASSERT_STRING_EQUAL(err, NO_XLSX);
	CU_ASSERT(dir_is(f, "r.json"));
}

/* The 2022 ranking: a zip with the Ranking and Model sheets, nothing
 * else left in the directory; written again over itself. */
static void test_write_2022(void)
{
	char path[512], err[512] = "";
	struct fx f;
	rank_table t;

	fx_open(&f, "");
	CU_ASSERT_FATAL(f.ok);
	CU_ASSERT_EQUAL_FATAL(f.set.nunits, 9);
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_NONE, NULL), 0);
	if (!rank_xlsx_available()) {
		expect_unavailable(&f, &t);
		goto out;
	}
	in_dir(&f, path, "rank.xlsx");
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(err, "");
	CU_ASSERT_EQUAL(sheet_count(path), 2);
	CU_ASSERT(dir_is(&f, "r.json rank.xlsx"));
	/* again, over the file just written */
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sheet_count(path), 2);
	CU_ASSERT(dir_is(&f, "r.json rank.xlsx"));
out:
	rank_free(&t);
	fx_close(&f);
}

/* A previous file (not a workbook) is replaced whole. */
static void test_replaces_file(void)
{
	char path[512], err[512] = "";
	struct fx f;
	rank_table t;
	FILE *fp;

	fx_open(&f, "");
	CU_ASSERT_FATAL(f.ok);
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_NONE, NULL), 0);
	if (!rank_xlsx_available()) {
		expect_unavailable(&f, &t);
		goto out;
	}
	fp = fopen(in_dir(&f, path, "rank.xlsx"), "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	fputs("previous", fp);
	fclose(fp);
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sheet_count(path), 2);
	CU_ASSERT(dir_is(&f, "r.json rank.xlsx"));
out:
	rank_free(&t);
	fx_close(&f);
}

/* Into a directory that does not exist: "PATH: reason", nothing
 * created. */
static void test_missing_dir(void)
{
	char path[512], err[512] = "", want[600];
	struct fx f;
	rank_table t;

	fx_open(&f, "");
	CU_ASSERT_FATAL(f.ok);
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_NONE, NULL), 0);
	in_dir(&f, path, "no-such-dir/rank.xlsx");
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), -1);
	if (rank_xlsx_available()) {
		snprintf(want, sizeof(want), "%s: No such file or directory",
		         path);
		CU_ASSERT_STRING_EQUAL(err, want);
	} else {
		CU_ASSERT_STRING_EQUAL(err, NO_XLSX);
	}
	CU_ASSERT(dir_is(&f, "r.json"));
	rank_free(&t);
	fx_close(&f);
}

/* Over a directory: refused before anything is written; the message
 * names the path and no temporary file is left. */
static void test_target_is_dir(void)
{
	char path[512], err[512] = "", want[600];
	struct fx f;
	rank_table t;

	fx_open(&f, "");
	CU_ASSERT_FATAL(f.ok);
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_NONE, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(mkdir(in_dir(&f, path, "sub"), 0700), 0);
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), -1);
	if (rank_xlsx_available()) {
		snprintf(want, sizeof(want), "%s: ", path);
		CU_ASSERT_NSTRING_EQUAL(err, want, strlen(want));
		CU_ASSERT_PTR_NOT_NULL(strstr(err, "directory"));
	} else {
		CU_ASSERT_STRING_EQUAL(err, NO_XLSX);
	}
	CU_ASSERT(dir_is(&f, "r.json sub"));
	rmdir(path);
	rank_free(&t);
	fx_close(&f);
}

/* Onto something that is not a file (a device, here /dev/null): refused,
 * since libxlsxwriter writes only to a file it opens by name; the device
 * stays a device. */
static void test_target_not_file(void)
{
	char err[512] = "";
	struct stat st;
	struct fx f;
	rank_table t;

	fx_open(&f, "");
	CU_ASSERT_FATAL(f.ok);
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_NONE, NULL), 0);
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, "/dev/null", err, sizeof(err)), -1);
	if (rank_xlsx_available()) {
		CU_ASSERT_STRING_EQUAL(err, "/dev/null: not a file: an xlsx "
		                            "workbook is written to a file; "
		                            "give -o FILE.xlsx");
	} else {
		CU_ASSERT_STRING_EQUAL(err, NO_XLSX);
	}
	CU_ASSERT(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
	rank_free(&t);
	fx_close(&f);
}

/* Grouped by parent: one sheet per group; titles too long, with
 * characters Excel refuses, the same twice, or a reserved name still
 * give valid sheets (libxlsxwriter refuses an invalid name). */
static void test_grouped(void)
{
	static const char *const parents[] = {"P1", "P2", "P3", "P4"};
	static const char *const titles[] = {
	        "Huyện [thử]: một tên rất dài * để cắt bớt ở 31 ký tự",
	        "Huyện [thử]: một tên rất dài * để cắt bớt ở 31 ký tự", "Model",
	        "'Nhóm/khối?'"};
	char path[512], err[512] = "";
	struct fx f;
	rank_table t;
	size_t u, g;

	fx_open(&f, "");
	CU_ASSERT_FATAL(f.ok);
	/* all in one parent: one group, one sheet */
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_PARENT, NULL), 0);
	CU_ASSERT_EQUAL(t.ngroups, 1);
	if (!rank_xlsx_available()) {
		expect_unavailable(&f, &t);
		goto out;
	}
	in_dir(&f, path, "rank.xlsx");
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sheet_count(path), 2);
	rank_free(&t);
	/* four parents, titled to test the sheet names */
	for (u = 0; u < f.set.nunits; u++)
		f.set.units[u].parent = parents[u % 4];
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_PARENT, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(t.ngroups, 4);
	for (g = 0; g < t.ngroups; g++)
		t.groups[g].title = titles[g];
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), 0);
	if (err[0])
		fprintf(stderr, "\n%s\n", err);
	CU_ASSERT_EQUAL(sheet_count(path), 5);
	CU_ASSERT(dir_is(&f, "r.json rank.xlsx"));
	rank_free(&t);
	/* by level: every district in one group */
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_LEVEL, "CQS"), 0);
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sheet_count(path), 2);
out:
	rank_free(&t);
	fx_close(&f);
}

/* A unit not ranked adds the "Not ranked" sheet; with every unit not
 * ranked the ranking sheet has its header only. */
static void test_unranked(void)
{
	char path[512], err[512] = "";
	struct fx f;
	rank_table t;
	size_t u;

	fx_open(&f, BAD_UNIT);
	CU_ASSERT_FATAL(f.ok);
	CU_ASSERT_EQUAL_FATAL(f.set.nunits, 10);
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_NONE, NULL), 0);
	CU_ASSERT_EQUAL(t.nrows, 9);
	CU_ASSERT_EQUAL(t.nunranked, 1);
	if (!rank_xlsx_available()) {
		expect_unavailable(&f, &t);
		goto out;
	}
	in_dir(&f, path, "rank.xlsx");
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sheet_count(path), 3);
	rank_free(&t);
	for (u = 0; u < f.set.nunits; u++)
		f.set.units[u].status = RS_INVALID;
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_NONE, NULL), 0);
	CU_ASSERT_EQUAL(t.nrows, 0);
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sheet_count(path), 3);
	CU_ASSERT(dir_is(&f, "r.json rank.xlsx"));
out:
	rank_free(&t);
	fx_close(&f);
}

/* A text longer than a cell may hold (32,767 characters) fails the
 * write with libxlsxwriter's reason; no file, no temporary file. */
static void test_text_too_long(void)
{
	char path[512], err[512] = "", want[600];
	size_t n = 40000;
	char *name = malloc(n + 1);
	struct fx f;
	rank_table t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(name);
	memset(name, 'x', n);
	name[n] = '\0';
	fx_open(&f, "");
	CU_ASSERT_FATAL(f.ok);
	f.set.units[3].name = name;
	CU_ASSERT_EQUAL_FATAL(fx_rank(&f, &t, GROUP_NONE, NULL), 0);
	if (!rank_xlsx_available()) {
		expect_unavailable(&f, &t);
		goto out;
	}
	in_dir(&f, path, "rank.xlsx");
	CU_ASSERT_EQUAL(rank_xlsx_write(&t, path, err, sizeof(err)), -1);
	snprintf(want, sizeof(want), "%s: ", path);
	CU_ASSERT_NSTRING_EQUAL(err, want, strlen(want));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "32,767"));
	CU_ASSERT(dir_is(&f, "r.json"));
out:
	rank_free(&t);
	fx_close(&f);
	free(name);
}

/* Availability matches the build. */
static void test_available(void)
{
#ifdef HAVE_XLSXWRITER
	CU_ASSERT_EQUAL(rank_xlsx_available(), 1);
#else
	CU_ASSERT_EQUAL(rank_xlsx_available(), 0);
#endif
}

static CU_TestInfo tests[] = {
        {"available as built", test_available},
        {"the 2022 ranking", test_write_2022},
        {"replaces a file", test_replaces_file},
        {"missing directory", test_missing_dir},
        {"target is a directory", test_target_is_dir},
        {"target is not a file", test_target_not_file},
        {"grouped, sheet names", test_grouped},
        {"units not ranked", test_unranked},
        {"text too long for a cell", test_text_too_long},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("rank_xlsx", tests)
