/*
 * rank_xlsx.c - xlsx output (stub: being written).
 */
#include "rank_xlsx.h"

#include <stdio.h>

int rank_xlsx_available(void)
{
	return 0;
}

int rank_xlsx_write(const rank_table *t, const char *path, char *err,
                    size_t errsize)
{
	(void)t;
	snprintf(err, errsize, "%s: xlsx output is not available yet", path);
	return -1;
}
