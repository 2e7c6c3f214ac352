/*
 * cmd_diff.c - "chiso diff" (being written).
 */
#include "cli.h"

int cmd_diff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("diff: not yet available");
	return EXIT_FAILURE2;
}
