/*
 * cutest.h - the shared main() of chiso's CUnit test programs.
 *
 * A test file defines its tests and a table of them, then ends with
 *   CUTEST_MAIN("suite name", tests)
 * where tests is a CU_TestInfo array ending in CU_TEST_INFO_NULL.
 * The exit code comes from CU_get_number_of_failures() (CU_basic_run_tests
 * returns success even when assertions fail); 99 on a CUnit error, which
 * automake's harness reports as a hard error.
 */
#ifndef CHISO_CUTEST_H
#define CHISO_CUTEST_H

#include <CUnit/Basic.h>
#include <stdio.h>

static inline int cutest_run(const char *name, CU_TestInfo *tests)
{
	CU_SuiteInfo suites[] = {{(char *)name, NULL, NULL, NULL, NULL, tests},
	                         CU_SUITE_INFO_NULL};
	unsigned failures;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	if (CU_register_suites(suites) != CUE_SUCCESS) {
		fprintf(stderr, "CUnit: %s\n", CU_get_error_msg());
		CU_cleanup_registry();
		return 99;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	if (CU_basic_run_tests() != CUE_SUCCESS) {
		CU_cleanup_registry();
		return 99;
	}
	failures = CU_get_number_of_failures();
	CU_cleanup_registry();
	return failures == 0 ? 0 : 1;
}

#define CUTEST_MAIN(name, tests)                                               \
	int main(void)                                                         \
	{                                                                      \
		return cutest_run(name, tests);                                \
	}

#endif
