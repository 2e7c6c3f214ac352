/*
 * cmd_plugin.c - "chiso plugin" (being written).
 */
#include "cli.h"

int cmd_plugin(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("plugin: not yet available");
	return EXIT_FAILURE2;
}
