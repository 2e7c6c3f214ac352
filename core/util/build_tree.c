/*
 * build_tree.c - the running program compared with the build directory.
 */
#include "util/build_tree.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Compares /proc/self/exe's directory with the build directory. */
static int check(void)
{
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	if (!realpath(CHISO_BUILD_DIR, build))
		return 0;
	return strcmp(exe, build) == 0;
}

int build_tree_running(void)
{
	static int known, running;

	if (!known) {
		running = check();
		known = 1;
	}
	return running;
}
