/*
 * cmd_doc.c - "chiso doc" (being written).
 */
#include "cli.h"

int cmd_doc(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("doc: not yet available");
	return EXIT_FAILURE2;
}
