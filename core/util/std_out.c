/*
 * std_out.c - chiso's standard output on a descriptor of its own
 * (std_out.h).
 */
#include "util/std_out.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int out_fd = STDOUT_FILENO;

int std_out_separate(void)
{
	int fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);

	if (fd < 0)
		return -1;
	fflush(stdout);
	if (dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		close(fd);
		return -1;
	}
	out_fd = fd;
	return 0;
}

int std_out_fd(void)
{
	return out_fd;
}
