/*
 * plugin_loader.c - the search path, and each plugin file checked
 * (trusted_open.c), read for its exports (elf_symbols.c), loaded through
 * the checked descriptor, and its descriptor checked.
 */
#include "plugin/plugin_loader.h"

#include "plugin/elf_symbols.h"
#include "plugin/plugin_dirs.h" /* generated: CHISO_PLUGINS_DIR */
#include "plugin/trusted_open.h"
#include "read/schema.h"
#include "util/build_tree.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/suggest.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define NAME_MAX_LEN 64

/* The largest file read for its symbols (a plugin is a few KiB). */
#define PLUGIN_FILE_MAX (256u << 20)

struct plugin_registry {
	const chiso_host_api *host;
	char **dirs;
	size_t ndirs;
	plugin_info **loaded;
	size_t nloaded, cap;
};

/* An empty registry serving its plugins with host. */
plugin_registry *plugin_registry_new(const chiso_host_api *host)
{
	plugin_registry *reg = xcalloc(1, sizeof(plugin_registry));

	reg->host = host;
	return reg;
}

const chiso_host_api *plugin_registry_host(const plugin_registry *reg)
{
	return reg->host;
}

/* Adds a directory to the end of the search path. */
void plugin_registry_add_dir(plugin_registry *reg, const char *dir)
{
	reg->dirs = xrealloc(reg->dirs, (reg->ndirs + 1) * sizeof(char *));
	reg->dirs[reg->ndirs++] = xstrdup(dir);
}

/* The build tree's plugins or the installed ones. */
const char *plugin_default_dir(void)
{
	static const char *dir;

	if (!dir)
		dir = build_tree_running() ? CHISO_BUILD_DIR "/plugins/.libs"
		                           : CHISO_PLUGINS_DIR;
	return dir;
}

/* CHISO_PLUGIN_PATH, then the default directory. */
void plugin_registry_add_defaults(plugin_registry *reg)
{
	const char *env = getenv("CHISO_PLUGIN_PATH");

	if (env && *env) {
		char *copy = xstrdup(env), *save = NULL, *tok;

		for (tok = strtok_r(copy, ":", &save); tok;
		     tok = strtok_r(NULL, ":", &save))
			plugin_registry_add_dir(reg, tok);
		free(copy);
	}
	plugin_registry_add_dir(reg, plugin_default_dir());
}

/* Accessors for the search path. */
size_t plugin_registry_ndirs(const plugin_registry *reg)
{
	return reg->ndirs;
}

const char *plugin_registry_dir(const plugin_registry *reg, size_t i)
{
	return i < reg->ndirs ? reg->dirs[i] : NULL;
}

/* The descriptor checks of plugin.h, in the order a reader expects. */
static int check_descriptor(const char *path, const chiso_plugin *d,
                            const char *expect_name, strbuf *err)
{
	uint32_t major, minor;

	if (!d) {
		strbuf_printf(err,
		              _("%s: refused: chiso_plugin_entry() returned "
		                "NULL"),
		              path);
		return -1;
	}
	if (d->magic != CHISO_PLUGIN_MAGIC) {
		strbuf_printf(err,
		              _("%s: refused: bad magic 0x%08x: not a chiso "
		                "plugin descriptor"),
		              path, (unsigned)d->magic);
		return -1;
	}
	major = CHISO_ABI_MAJOR_OF(d->abi_version);
	minor = CHISO_ABI_MINOR_OF(d->abi_version);
	if (major != CHISO_ABI_MAJOR) {
		strbuf_printf(err,
		              _("%s: refused: built for plugin ABI %u.%u, this "
		                "chiso speaks ABI %u.%u; rebuild the plugin "
		                "against this chiso's <chiso/plugin.h>"),
		              path, (unsigned)major, (unsigned)minor,
		              CHISO_ABI_MAJOR, CHISO_ABI_MINOR);
		return -1;
	}
	if (minor > CHISO_ABI_MINOR) {
		strbuf_printf(
		        err,
		        _("%s: refused: built for plugin ABI %u.%u, newer "
		          "than this chiso's %u.%u; upgrade chiso"),
		        path, (unsigned)major, (unsigned)minor, CHISO_ABI_MAJOR,
		        CHISO_ABI_MINOR);
		return -1;
	}
	if (d->struct_size < CHISO_PLUGIN_SIZE_1_0) {
		strbuf_printf(
		        err,
		        _("%s: refused: descriptor of %u bytes is smaller "
		          "than the ABI 1.0 layout (%zu)"),
		        path, (unsigned)d->struct_size,
		        (size_t)CHISO_PLUGIN_SIZE_1_0);
		return -1;
	}
	if (!d->name || !d->version || !d->summary || !d->prepare ||
	    !d->compute) {
		strbuf_printf(err, _("%s: refused: the descriptor lacks %s"),
		              path,
		              !d->name      ? _("a name")
		              : !d->version ? _("a version")
		              : !d->summary ? _("a summary")
		              : !d->prepare ? _("a prepare callback")
		                            : _("a compute callback"));
		return -1;
	}
	if (strlen(d->name) > NAME_MAX_LEN ||
	    schema_check_chars(d->name, "_") < 0) {
		strbuf_printf(
		        err,
		        _("%s: refused: plugin name must match [a-z0-9_]+ "
		          "(at most %d bytes)"),
		        path, NAME_MAX_LEN);
		return -1;
	}
	if (expect_name && strcmp(d->name, expect_name) != 0) {
		strbuf_printf(
		        err,
		        _("%s: refused: the descriptor names method '%s'; "
		          "the file must be called %s.so"),
		        path, d->name, d->name);
		return -1;
	}
	return 0;
}

/* Reads the ELF symbols of the open file: 0 when it exports the entry
 * symbol, else -1 with the reason. Nothing of the file runs. */
static int check_exports(int fd, const char *path, strbuf *err)
{
	strbuf why = STRBUF_INIT;
	struct stat st;
	void *map;
	int r;

	if (fstat(fd, &st) < 0) {
		strbuf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (st.st_size <= 0 || (uintmax_t)st.st_size > PLUGIN_FILE_MAX) {
		strbuf_printf(err, _("%s: refused: %s: not a chiso plugin"),
		              path,
		              st.st_size <= 0 ? _("an empty file")
		                              : _("larger than 256 MiB"));
		return -1;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED) {
		strbuf_printf(err, _("%s: cannot read: %s"), path,
		              strerror(errno));
		return -1;
	}
	r = elf_exports(map, (size_t)st.st_size, CHISO_PLUGIN_ENTRY_SYMBOL,
	                &why);
	munmap(map, (size_t)st.st_size);
	if (r == 0)
		strbuf_printf(err,
		              _("%s: refused: no %s symbol: not a chiso plugin "
		                "(define it with CHISO_PLUGIN_DEFINE)"),
		              path, CHISO_PLUGIN_ENTRY_SYMBOL);
	else if (r < 0)
		strbuf_printf(
		        err,
		        _("%s: refused: not a shared object chiso can load: "
		          "%s"),
		        path, strbuf_str(&why));
	strbuf_release(&why);
	return r == 1 ? 0 : -1;
}

/* Trust checks on the descriptor, its exports, dlopen, entry, descriptor. */
plugin_info *plugin_load_file(const char *path, const char *expect_name,
                              strbuf *err)
{
	int fd;

	if (!strchr(path, '/')) {
		strbuf_printf(
		        err,
		        _("%s: refused: give a path with a '/', e.g. ./%s"),
		        path, path);
		return NULL;
	}
	fd = trusted_open(path, err);
	if (fd < 0)
		return NULL;
	return plugin_load_fd(fd, path, expect_name, err);
}

/* The SHA-256 (hex) of the file open on fd, read from its start with
 * pread (the descriptor's offset is left alone). Returns 0, or -1 after
 * an error in err. */
static int file_sha256(int fd, const char *path, char hex[65], strbuf *err)
{
	if (sha256_fd(fd, hex) == 0)
		return 0;
	strbuf_printf(err, _("%s: cannot read: %s"), path, strerror(errno));
	return -1;
}

/* dlopen of /proc/self/fd/N loads the very file fd is open on. */
plugin_info *plugin_load_fd(int fd, const char *path, const char *expect_name,
                            strbuf *err)
{
	char self[64], sha256[65];
	void *handle, *sym;
	chiso_plugin_entry_fn entry;
	const chiso_plugin *desc;
	plugin_info *pi;

	if (check_exports(fd, path, err) < 0 ||
	    file_sha256(fd, path, sha256, err) < 0)
		goto fail_fd;
	snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
	if (access(self, F_OK) < 0) {
		strbuf_printf(
		        err,
		        _("%s: refused: cannot load it through its checked "
		          "descriptor (%s: %s); chiso needs /proc mounted"),
		        path, self, strerror(errno));
		goto fail_fd;
	}
	handle = dlopen(self, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		const char *why = dlerror();

		strbuf_printf(err, _("%s: refused: cannot load: %s"), path,
		              why ? why : _("unknown dlopen error"));
		goto fail_fd;
	}
	dlerror();
	sym = dlsym(handle, CHISO_PLUGIN_ENTRY_SYMBOL);
	if (!sym) {
		strbuf_printf(err,
		              _("%s: refused: no %s symbol: not a chiso plugin "
		                "(define it with CHISO_PLUGIN_DEFINE)"),
		              path, CHISO_PLUGIN_ENTRY_SYMBOL);
		goto fail_close;
	}
	/* POSIX: a dlsym result may be converted to a function pointer. */
	memcpy(&entry, &sym, sizeof(entry));
	desc = entry();
	if (check_descriptor(path, desc, expect_name, err) < 0)
		goto fail_close;
	pi = xcalloc(1, sizeof(*pi));
	pi->name = xstrdup(desc->name);
	pi->path = xstrdup(path);
	pi->handle = handle;
	pi->desc = desc;
	pi->fd = fd;
	memcpy(pi->sha256, sha256, sizeof(pi->sha256));
	return pi;

fail_close:
	dlclose(handle);
fail_fd:
	close(fd);
	return NULL;
}

/* Unloads and frees. */
void plugin_info_free(plugin_info *pi)
{
	if (!pi)
		return;
	if (pi->handle)
		dlclose(pi->handle);
	if (pi->fd >= 0)
		close(pi->fd);
	free(pi->name);
	free(pi->path);
	free(pi);
}

/* "<dir>/<name>.so" in a new string (caller frees). */
static char *plugin_path(const char *dir, const char *name)
{
	strbuf sb = STRBUF_INIT;

	strbuf_printf(&sb, "%s/%s.so", dir, name);
	return strbuf_detach(&sb);
}

/* Lists the search path into err for "not found" messages. */
static void describe_path(const plugin_registry *reg, strbuf *err)
{
	size_t i;

	for (i = 0; i < reg->ndirs; i++)
		strbuf_printf(err, "%s%s", i ? ", " : "", reg->dirs[i]);
}

/* qsort comparator for names. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the "*.so" names of one directory, sorted. Caller frees. */
static char **list_so(const char *dir, size_t *n)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t count = 0;

	*n = 0;
	if (!dp)
		return NULL;
	for (de = readdir(dp); de; de = readdir(dp)) {
		size_t len = strlen(de->d_name);

		if (len < 4 || strcmp(de->d_name + len - 3, ".so") != 0)
			continue;
		names = xrealloc(names, (count + 1) * sizeof(*names));
		names[count++] = xstrndup(de->d_name, len - 3);
	}
	closedir(dp);
	if (count > 1)
		qsort(names, count, sizeof(*names), cmp_str);
	*n = count;
	return names;
}

/* Appends "; did you mean 'x'?" when a plugin in the path is close. */
static void suggest_method(const plugin_registry *reg, const char *name,
                           strbuf *err)
{
	char **all = NULL;
	size_t nall = 0, d, i, n;
	const char *near;

	for (d = 0; d < reg->ndirs; d++) {
		char **names = list_so(reg->dirs[d], &n);

		all = xrealloc(all, (nall + n + 1) * sizeof(*all));
		for (i = 0; i < n; i++)
			all[nall++] = names[i];
		free(names);
	}
	near = suggest_closest(name, (const char *const *)all, nall);
	if (near)
		strbuf_printf(err, _("; did you mean '%s'?"), near);
	for (i = 0; i < nall; i++)
		free(all[i]);
	free(all);
}

/* Cached lookup, then a search of the path. */
const plugin_info *plugin_registry_get(plugin_registry *reg, const char *name,
                                       strbuf *err)
{
	struct stat st;
	plugin_info *pi;
	size_t i;

	for (i = 0; i < reg->nloaded; i++)
		if (strcmp(reg->loaded[i]->name, name) == 0)
			return reg->loaded[i];
	if (strlen(name) > NAME_MAX_LEN || schema_check_chars(name, "_") < 0) {
		strbuf_printf(
		        err,
		        _("method name '%s' is not valid: use [a-z0-9_]+, "
		          "the name of a plugin file without .so"),
		        name);
		return NULL;
	}
	for (i = 0; i < reg->ndirs; i++) {
		char *path = plugin_path(reg->dirs[i], name);

		if (lstat(path, &st) == 0) {
			pi = plugin_load_file(path, name, err);
			free(path);
			if (!pi)
				return NULL;
			if (reg->nloaded == reg->cap) {
				reg->cap = reg->cap ? reg->cap * 2 : 8;
				reg->loaded = xrealloc(
				        reg->loaded,
				        reg->cap * sizeof(*reg->loaded));
			}
			reg->loaded[reg->nloaded++] = pi;
			return pi;
		}
		free(path);
	}
	strbuf_printf(err, _("no plugin '%s'"), name);
	suggest_method(reg, name, err);
	strbuf_printf(err, _(" (looked for %s.so in: "), name);
	describe_path(reg, err);
	strbuf_puts(err, _("); run 'chiso plugins' to list the methods found"));
	return NULL;
}

/* Has an earlier directory a file of this name? */
static int shadowed_by_earlier(const plugin_registry *reg, size_t dir,
                               const char *name)
{
	struct stat st;
	size_t i;
	int found = 0;

	for (i = 0; i < dir && !found; i++) {
		char *path = plugin_path(reg->dirs[i], name);

		found = lstat(path, &st) == 0;
		free(path);
	}
	return found;
}

/* Loads (through the registry) every file found, reporting each. */
void plugin_registry_scan(plugin_registry *reg,
                          void (*fn)(void *arg, const char *path,
                                     const plugin_info *pi, const char *refusal,
                                     int shadowed),
                          void *arg)
{
	size_t d, i, n;

	for (d = 0; d < reg->ndirs; d++) {
		char **names = list_so(reg->dirs[d], &n);

		for (i = 0; i < n; i++) {
			char *path = plugin_path(reg->dirs[d], names[i]);
			strbuf err = STRBUF_INIT;

			if (shadowed_by_earlier(reg, d, names[i])) {
				fn(arg, path, NULL, NULL, 1);
			} else {
				const plugin_info *pi = plugin_registry_get(
				        reg, names[i], &err);

				fn(arg, path, pi, pi ? NULL : strbuf_str(&err),
				   0);
			}
			strbuf_release(&err);
			free(path);
			free(names[i]);
		}
		free(names);
	}
}

/* Unloads every plugin, then frees the path. */
void plugin_registry_free(plugin_registry *reg)
{
	size_t i;

	if (!reg)
		return;
	for (i = 0; i < reg->nloaded; i++)
		plugin_info_free(reg->loaded[i]);
	free(reg->loaded);
	for (i = 0; i < reg->ndirs; i++)
		free(reg->dirs[i]);
	free(reg->dirs);
	free(reg);
}
