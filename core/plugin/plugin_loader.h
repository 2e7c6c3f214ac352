/*
 * plugin_loader.h - finding, checking and loading method plugins.
 *
 * A method name from a model ([a-z0-9_]+) maps to "<dir>/<name>.so" in
 * the first directory of the search path that holds such a file:
 * --plugin-dir directories in the order given, then the entries of
 * CHISO_PLUGIN_PATH (colon-separated), then the default directory (the
 * build tree's plugins when chiso runs from its build tree, else the
 * installed $(pkglibdir)/plugins).
 *
 * Everything is checked before dlopen, because dlopen already runs
 * plugin code (its constructors): the file is opened through a checked
 * walk from "/" (trusted_open.h: every directory on the way and the file
 * owned by root or the user and writable by no one else; the file not a
 * symbolic link), its ELF symbols are read from that descriptor
 * (elf_symbols.h) and only a file that exports chiso_plugin_entry is
 * loaded, with dlopen(RTLD_NOW | RTLD_LOCAL) of /proc/self/fd/N: the
 * very file that was checked. Then the entry symbol and the descriptor
 * checks of plugin.h.
 *
 * These checks keep out files that are not plugins and files others could
 * have changed; they do not make a hostile plugin safe: its constructors
 * and prepare run in chiso (--isolate contains faulty computations, not
 * malicious code).
 *
 * Ownership: the registry owns every plugin_info it returns (borrowed,
 * valid until plugin_registry_free(), which dlcloses the plugins; free
 * every model prepared with them first).
 */
#ifndef CHISO_PLUGIN_LOADER_H
#define CHISO_PLUGIN_LOADER_H

#include "chiso/plugin.h"
#include "util/strbuf.h"

#include <stddef.h>

typedef struct plugin_info {
	char *name; /* the descriptor's name */
	char *path; /* the file it was loaded from */
	void *handle;
	const chiso_plugin *desc;
	int fd;          /* the descriptor it was checked and loaded through */
	char sha256[65]; /* of the file as loaded (hex): results record it */
} plugin_info;

typedef struct plugin_registry plugin_registry;

/* A registry with an empty search path, whose plugins are called with
 * the services table host (eval/host.h's host_api: the model loader
 * calls prepare and release with it, evaluation compute and finish).
 * host is borrowed and must outlive the registry. Free with
 * plugin_registry_free. */
plugin_registry *plugin_registry_new(const chiso_host_api *host);

/* The services table reg was made with. Borrowed. */
const chiso_host_api *plugin_registry_host(const plugin_registry *reg);

/* Appends dir to the search path (a copy is kept). */
void plugin_registry_add_dir(plugin_registry *reg, const char *dir);

/* Appends CHISO_PLUGIN_PATH's entries, then the default directory. */
void plugin_registry_add_defaults(plugin_registry *reg);

/* The search path, for messages and listings. Borrowed. */
size_t plugin_registry_ndirs(const plugin_registry *reg);
const char *plugin_registry_dir(const plugin_registry *reg, size_t i);

/*
 * The loaded plugin for a method name, loading it on first use. Returns
 * NULL with the reason in err (name refused, not found in the search
 * path, or refused by a check, naming the file).
 */
const plugin_info *plugin_registry_get(plugin_registry *reg, const char *name,
                                       strbuf *err);

/*
 * Checks and loads one file. expect_name, when not NULL, is the name the
 * descriptor must carry. Returns the plugin (caller frees with
 * plugin_info_free()), or NULL with "FILE: reason" in err.
 */
plugin_info *plugin_load_file(const char *path, const char *expect_name,
                              strbuf *err);

/* dlcloses pi, closes its descriptor and frees it; pi may be NULL. */
void plugin_info_free(plugin_info *pi);

/*
 * Loads the plugin open on fd (from trusted_open(); plugin_load_fd takes
 * it over: it is closed on failure, else kept until plugin_info_free),
 * named path in messages. The same checks after the trust checks as
 * plugin_load_file. Returns the plugin (caller frees with
 * plugin_info_free()), or NULL with "PATH: reason" in err.
 */
plugin_info *plugin_load_fd(int fd, const char *path, const char *expect_name,
                            strbuf *err);

/*
 * Calls fn for every "*.so" file in the search path, in directory order
 * then name order, with the loaded plugin or NULL and the refusal. Files
 * shadowed by an earlier directory are reported with shadowed = 1.
 */
void plugin_registry_scan(plugin_registry *reg,
                          void (*fn)(void *arg, const char *path,
                                     const plugin_info *pi, const char *refusal,
                                     int shadowed),
                          void *arg);

/* The default plugin directory of this chiso binary. Borrowed (static). */
const char *plugin_default_dir(void);

/* Frees the registry and dlcloses its plugins. reg may be NULL. */
void plugin_registry_free(plugin_registry *reg);

#endif
