/*
 * cmd_merge.c - "chiso merge" (being written).
 */
#include "cli.h"

int cmd_merge(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("merge: not yet available");
	return EXIT_FAILURE2;
}
