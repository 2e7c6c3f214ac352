/*
 * test_isolate.c - unit tests for core/eval/isolate.c: answers come back in
 * the order of the request with their notes and hints; a crash or a hang
 * in the middle of a unit's request costs that job only, and a new worker
 * takes the jobs after it; requests and answers larger than the pipe and
 * the parent's buffer; an empty request starts no worker; an answer the
 * worker was not asked for (another unit, another leaf, bytes after the
 * last answer) fails every job of the request.
 */
#include "cutest.h"
#include "eval/isolate.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Pipes open for writing before any worker (inherited: not ours). */
static unsigned char old_pipes[256];

static int write_pipe(int fd)
{
	struct stat st;
	int fl = fcntl(fd, F_GETFL);

	return fl >= 0 && (fl & O_ACCMODE) == O_WRONLY && fstat(fd, &st) == 0 &&
	       S_ISFIFO(st.st_mode);
}

/* In a worker: writes an answer for unit u, leaf k to the reply pipe. */
static void forge(size_t u, size_t k)
{
	isolate_reply rp;
	int fd;

	memset(&rp, 0, sizeof(rp));
	rp.unit = u;
	rp.leaf = k;
	rp.status = CHISO_STATUS_OK;
	rp.fraction = 1;
	for (fd = 3; fd < 256; fd++)
		if (!old_pipes[fd] && write_pipe(fd))
			if (write(fd, &rp, sizeof(rp)) < 0)
				return;
}

/* What the worker runs: leaf k answers fraction k / 1000 with a note and
 * a hint naming u and k, the note padded with arg's number of dots (at
 * most 199); leaf 901 segfaults, 902 aborts, 903 hangs; 904 first writes
 * an answer for unit 99 to the reply pipe, 905 an answer for itself (so
 * that its own comes after the request's last answer). */
static void compute(void *arg, size_t u, size_t k, chiso_outcome *out)
{
	size_t pad = arg ? *(const size_t *)arg : 0;
	char dots[200];

	if (k == 904)
		forge(99, k);
	if (k == 905)
		forge(u, k);
	if (k == 901)
		raise(SIGSEGV);
	if (k == 902)
		raise(SIGABRT);
	while (k == 903)
		pause();
	out->status = CHISO_STATUS_OK;
	out->fraction = (double)k / 1000;
	out->has_raw = 1;
	out->raw = (double)u;
	memset(dots, '.', pad);
	dots[pad] = '\0';
	snprintf(out->note, out->note_size, "unit %zu leaf %zu %s", u, k, dots);
	snprintf(out->hint, out->hint_size, "hint %zu", k);
}

/* n jobs for the leaves ks, with an outcome and buffers each. */
struct jobs {
	isolate_job job[400];
	chiso_outcome out[400];
	char note[400][CHISO_NOTE_MAX], hint[400][CHISO_NOTE_MAX];
};

static struct jobs J;

static void jobs_set(const size_t *ks, size_t n)
{
	size_t i;

	memset(&J, 0, sizeof(J));
	for (i = 0; i < n; i++) {
		J.out[i].struct_size = (uint32_t)sizeof(J.out[i]);
		J.out[i].note = J.note[i];
		J.out[i].note_size = CHISO_NOTE_MAX;
		J.out[i].hint = J.hint[i];
		J.out[i].hint_size = CHISO_NOTE_MAX;
		J.job[i].k = ks[i];
		J.job[i].plugin = "probe";
		J.job[i].out = &J.out[i];
	}
}

/* Job i was answered by the worker for leaf k of unit u. */
static int answered(size_t i, size_t u, size_t k)
{
	char note[64], hint[32];

	snprintf(note, sizeof(note), "unit %zu leaf %zu ", u, k);
	snprintf(hint, sizeof(hint), "hint %zu", k);
	return J.out[i].status == CHISO_STATUS_OK &&
	       J.out[i].fraction == (double)k / 1000 && J.out[i].has_raw &&
	       J.out[i].raw == (double)u &&
	       strncmp(J.note[i], note, strlen(note)) == 0 &&
	       strcmp(J.hint[i], hint) == 0;
}

static int failed_with(size_t i, const char *what)
{
	return J.out[i].status == CHISO_STATUS_ERROR &&
	       strstr(J.note[i], "plugin 'probe'") &&
	       strstr(J.note[i], what) != NULL;
}

static void test_order(void)
{
	static const size_t ks[] = {3, 1, 4, 1, 5};
	isolate *iso = isolate_new(compute, NULL, 5000);
	size_t i;

	jobs_set(ks, 5);
	isolate_unit(iso, 7, J.job, 5);
	for (i = 0; i < 5; i++)
		CU_ASSERT(answered(i, 7, ks[i]));
	/* The same worker takes the next unit. */
	jobs_set(ks, 2);
	isolate_unit(iso, 8, J.job, 2);
	CU_ASSERT(answered(0, 8, 3));
	CU_ASSERT(answered(1, 8, 1));
	CU_ASSERT_EQUAL(isolate_failures(iso), 0);
	isolate_free(iso);
}

static void test_crashes_mid_request(void)
{
	static const size_t ks[] = {10, 901, 902, 11, 901, 12};
	isolate *iso = isolate_new(compute, NULL, 5000);

	jobs_set(ks, 6);
	isolate_unit(iso, 2, J.job, 6);
	CU_ASSERT(answered(0, 2, 10));
	CU_ASSERT(failed_with(1, "crashed: SIGSEGV"));
	CU_ASSERT(failed_with(2, "crashed: SIGABRT"));
	CU_ASSERT(answered(3, 2, 11));
	CU_ASSERT(failed_with(4, "crashed: SIGSEGV"));
	CU_ASSERT(answered(5, 2, 12));
	CU_ASSERT_EQUAL(isolate_failures(iso), 3);
	isolate_free(iso);
}

static void test_hang(void)
{
	static const size_t ks[] = {903, 20, 903};
	isolate *iso = isolate_new(compute, NULL, 200);

	jobs_set(ks, 3);
	isolate_unit(iso, 0, J.job, 3);
	CU_ASSERT(failed_with(0, "did not answer within 200 ms"));
	CU_ASSERT(answered(1, 0, 20));
	CU_ASSERT(failed_with(2, "did not answer within 200 ms"));
	CU_ASSERT_EQUAL(isolate_failures(iso), 2);
	isolate_free(iso);
}

/* 400 jobs with long notes: more than one write of the request, and
 * answers (about 100 KB) beyond the parent's 64 KB buffer. */
static void test_large(void)
{
	size_t ks[400], i, pad = 180;
	isolate *iso = isolate_new(compute, &pad, 5000);
	int all = 1;

	for (i = 0; i < 400; i++)
		ks[i] = i % 300;
	ks[250] = 901;
	jobs_set(ks, 400);
	isolate_unit(iso, 3, J.job, 400);
	for (i = 0; i < 400; i++)
		if (i != 250 &&
		    !(answered(i, 3, ks[i]) && strlen(J.note[i]) > pad))
			all = 0;
	CU_ASSERT(all);
	CU_ASSERT(failed_with(250, "SIGSEGV"));
	CU_ASSERT_EQUAL(isolate_failures(iso), 1);
	isolate_free(iso);
}

static void test_empty(void)
{
	isolate *iso = isolate_new(compute, NULL, 1000);

	isolate_unit(iso, 0, J.job, 0);
	CU_ASSERT_EQUAL(isolate_failures(iso), 0);
	isolate_free(iso);
	isolate_free(NULL);
}

/* Answers nobody asked for: every job of the request fails, saying so,
 * and the next unit is computed by a new worker. */
static void test_protocol(void)
{
	static const size_t ks[] = {30, 904, 31};
	static const size_t own[] = {32, 905};
	isolate *iso;
	int fd;

	for (fd = 3; fd < 256; fd++)
		old_pipes[fd] = (unsigned char)write_pipe(fd);
	iso = isolate_new(compute, NULL, 5000);
	jobs_set(ks, 3);
	isolate_unit(iso, 4, J.job, 3);
	CU_ASSERT(failed_with(0, "broke the isolation protocol: an answer "
	                         "for unit #99, indicator #904 when unit #4, "
	                         "indicator #904 was asked for"));
	CU_ASSERT(failed_with(1, "broke the isolation protocol"));
	CU_ASSERT(failed_with(2, "its answers for this unit are discarded"));
	jobs_set(own, 2);
	isolate_unit(iso, 5, J.job, 2);
	CU_ASSERT(failed_with(0, "an answer for unit #5, indicator #905 after "
	                         "the request's last answer"));
	CU_ASSERT(failed_with(1, "broke the isolation protocol"));
	jobs_set(ks, 1);
	isolate_unit(iso, 6, J.job, 1);
	CU_ASSERT(answered(0, 6, 30));
	CU_ASSERT_EQUAL(isolate_failures(iso), 2);
	isolate_free(iso);
}

static CU_TestInfo tests[] = {
        {"answers_in_order", test_order},
        {"crashes_mid_request", test_crashes_mid_request},
        {"hang", test_hang},
        {"large", test_large},
        {"empty", test_empty},
        {"protocol", test_protocol},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("isolate", tests)
