/*
 * ctor.c - a shared object that is not a chiso plugin (no
 * chiso_plugin_entry) and has a constructor, which creates the file named
 * by CHISO_TEST_MARKER when it runs. chiso must never load it: "chiso
 * plugins", "plugin check" and a model naming it read its symbols and
 * refuse it first, so the marker is never created.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void ran(void)
{
	const char *marker = getenv("CHISO_TEST_MARKER");
	int fd;

	if (!marker)
		return;
	fd = open(marker, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0)
		close(fd);
}

int not_a_plugin_either(void);
int not_a_plugin_either(void)
{
	return 7;
}
