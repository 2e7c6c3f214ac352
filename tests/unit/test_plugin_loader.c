/*
 * test_plugin_loader.c - unit tests for core/plugin/plugin_loader.c and
 * trusted_open.c: loading the built-in plugins, and every refusal (ABI,
 * magic, entry symbol, trust checks on the file, its directory and the
 * directories above it, symlinks, names); the file checked is the file
 * loaded, whatever is renamed in between.
 *
 * The trust tests copy a plugin into a private temporary directory
 * before changing modes, and remove it afterwards.
 */
#include "fixtures.h"
#include "cutest.h"
#include "eval/host.h"
#include "plugin/trusted_open.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const builtins[] = {"bands", "boolean", "choice", "fraction",
                                       "parts", "points",  "ratio",  "target"};

#define NBUILTINS (sizeof(builtins) / sizeof(builtins[0]))

/* "dir/name.so" into buf. */
static const char *so_path(char *buf, size_t size, const char *dir,
                           const char *name)
{
	snprintf(buf, size, "%s/%s.so", dir, name);
	return buf;
}

/* Loads name through a registry searching only dir; returns 1 when it
 * was refused with a reason containing every one of the NULL-ended
 * texts. */
static int refused(const char *dir, const char *name, ...)
{
	plugin_registry *reg = plugin_registry_new(&host_api);
	strbuf err = STRBUF_INIT;
	const plugin_info *pi;
	const char *want;
	va_list ap;
	int ok;

	plugin_registry_add_dir(reg, dir);
	pi = plugin_registry_get(reg, name, &err);
	ok = pi == NULL && err.len > 0;
	va_start(ap, name);
	while ((want = va_arg(ap, const char *)) != NULL)
		if (!strstr(strbuf_str(&err), want)) {
			fprintf(stderr, "\nmissing '%s' in '%s'\n", want,
			        strbuf_str(&err));
			ok = 0;
		}
	va_end(ap);
	strbuf_release(&err);
	plugin_registry_free(reg);
	return ok;
}

/* A private directory holding a copy of the built-in src as dst.so,
 * with the directory at dir_mode and the file at file_mode. Returns the
 * directory (free, then fixture_rmtree), or NULL. */
static char *dir_with_copy(const char *src, const char *dst, unsigned dir_mode,
                           unsigned file_mode)
{
	char from[4096], to[4096];
	char *dir = fixture_tmpdir();

	if (!dir)
		return NULL;
	so_path(from, sizeof(from), fixture_plugin_dir(), src);
	so_path(to, sizeof(to), dir, dst);
	if (fixture_copy_file(from, to, file_mode) != 0 ||
	    chmod(dir, (mode_t)dir_mode) != 0) {
		fixture_rmtree(dir);
		free(dir);
		return NULL;
	}
	return dir;
}

static void drop_dir(char *dir)
{
	if (!dir)
		return;
	chmod(dir, 0700);
	fixture_rmtree(dir);
	free(dir);
}

/* Every built-in loads by name, with a sound descriptor; loading is
 * cached. */
static void test_builtins_load(void)
{
	plugin_registry *reg = fixture_registry();
	char path[4096];
	size_t i;

	CU_ASSERT_EQUAL(plugin_registry_ndirs(reg), 1);
	CU_ASSERT_STRING_EQUAL(plugin_registry_dir(reg, 0),
	                       fixture_plugin_dir());
	CU_ASSERT_PTR_NULL(plugin_registry_dir(reg, 1));
	for (i = 0; i < NBUILTINS; i++) {
		strbuf err = STRBUF_INIT;
		const plugin_info *pi =
		        plugin_registry_get(reg, builtins[i], &err);

		CU_ASSERT_PTR_NOT_NULL(pi);
		if (!pi) {
			fprintf(stderr, "\n%s: %s\n", builtins[i],
			        strbuf_str(&err));
			strbuf_release(&err);
			continue;
		}
		CU_ASSERT_EQUAL(err.len, 0);
		CU_ASSERT_STRING_EQUAL(pi->name, builtins[i]);
		CU_ASSERT_STRING_EQUAL(pi->path, so_path(path, sizeof(path),
		                                         fixture_plugin_dir(),
		                                         builtins[i]));
		CU_ASSERT_PTR_NOT_NULL(pi->handle);
		CU_ASSERT_PTR_NOT_NULL_FATAL(pi->desc);
		CU_ASSERT_EQUAL(pi->desc->magic, CHISO_PLUGIN_MAGIC);
		CU_ASSERT_EQUAL(pi->desc->abi_version, CHISO_ABI_CURRENT);
		CU_ASSERT(pi->desc->struct_size >= CHISO_PLUGIN_SIZE_1_0);
		CU_ASSERT_STRING_EQUAL(pi->desc->name, builtins[i]);
		CU_ASSERT_STRING_EQUAL(pi->desc->version, "1.1");
		CU_ASSERT_PTR_NOT_NULL(pi->desc->summary);
		CU_ASSERT_PTR_NOT_NULL(pi->desc->params_doc);
		CU_ASSERT_PTR_NOT_NULL(pi->desc->prepare);
		CU_ASSERT_PTR_NOT_NULL(pi->desc->compute);
		CU_ASSERT_PTR_NOT_NULL(pi->desc->release);
		/* the second look-up returns the same plugin */
		CU_ASSERT_PTR_EQUAL(plugin_registry_get(reg, builtins[i], &err),
		                    pi);
		strbuf_release(&err);
	}
	plugin_registry_free(reg);
}

/* plugin_load_file loads one file; the expected name is checked. */
static void test_load_file(void)
{
	char path[4096];
	strbuf err = STRBUF_INIT;
	plugin_info *pi;

	so_path(path, sizeof(path), fixture_plugin_dir(), "bands");
	pi = plugin_load_file(path, "bands", &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pi);
	CU_ASSERT_STRING_EQUAL(pi->name, "bands");
	CU_ASSERT_STRING_EQUAL(pi->path, path);
	plugin_info_free(pi);
	/* no expected name: any valid plugin */
	pi = plugin_load_file(path, NULL, &err);
	CU_ASSERT_PTR_NOT_NULL(pi);
	plugin_info_free(pi);
	plugin_info_free(NULL);
	/* the wrong expected name */
	pi = plugin_load_file(path, "ratio", &err);
	CU_ASSERT_PTR_NULL(pi);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err),
	                              "refused: the descriptor names method "
	                              "'bands'; the file must be called "
	                              "bands.so"));
	strbuf_reset(&err);
	/* a bare name is refused before any look-up */
	pi = plugin_load_file("ratio.so", NULL, &err);
	CU_ASSERT_PTR_NULL(pi);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&err),
	                       "ratio.so: refused: give a path with a '/', "
	                       "e.g. ./ratio.so");
	strbuf_reset(&err);
	/* not a shared object */
	pi = plugin_load_file("/dev/null", NULL, &err);
	CU_ASSERT_PTR_NULL(pi);
	CU_ASSERT_STRING_EQUAL(strbuf_str(&err),
	                       "/dev/null: refused: not a regular file");
	strbuf_release(&err);
}

/* Each built-in .so exports exactly one dynamic symbol, the entry. */
static void test_one_exported_symbol(void)
{
	size_t i;

	for (i = 0; i < NBUILTINS; i++) {
		char cmd[4300], line[512], path[4096];
		unsigned count = 0, entry = 0;
		FILE *p;

		snprintf(cmd, sizeof(cmd), "nm -D --defined-only '%s' 2>&1",
		         so_path(path, sizeof(path), fixture_plugin_dir(),
		                 builtins[i]));
		p = popen(cmd, "r");
		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		while (fgets(line, sizeof(line), p)) {
			count++;
			if (strstr(line, " T chiso_plugin_entry\n"))
				entry++;
		}
		CU_ASSERT_EQUAL(pclose(p), 0);
		CU_ASSERT_EQUAL(count, 1);
		CU_ASSERT_EQUAL(entry, 1);
		if (count != 1 || entry != 1)
			fprintf(stderr, "\n%s: %u symbols\n", builtins[i],
			        count);
	}
}

/* The test-only plugins built wrong are refused with their reason. */
static void test_bad_descriptors(void)
{
	const char *dir = fixture_test_plugin_dir();

	CU_ASSERT(refused(dir, "abi_major", "abi_major.so: refused: ",
	                  "built for plugin ABI 2.0, this chiso speaks ABI "
	                  "1.4",
	                  NULL));
	CU_ASSERT(refused(dir, "abi_minor", "abi_minor.so: refused: ",
	                  "built for plugin ABI 1.99, newer than this "
	                  "chiso's 1.4",
	                  NULL));
	CU_ASSERT(refused(dir, "bad_magic", "bad_magic.so: refused: ",
	                  "bad magic 0x12345678", NULL));
	CU_ASSERT(refused(dir, "no_entry", "no_entry.so: refused: ",
	                  "no chiso_plugin_entry symbol", NULL));
	/* the misbehaving one loads: its faults are at compute time */
	{
		plugin_registry *reg = plugin_registry_new(&host_api);
		strbuf err = STRBUF_INIT;

		plugin_registry_add_dir(reg, dir);
		CU_ASSERT_PTR_NOT_NULL(
		        plugin_registry_get(reg, "misbehave", &err));
		strbuf_release(&err);
		plugin_registry_free(reg);
	}
}

/* A group- or world-writable plugin file is refused before dlopen. */
static void test_writable_file(void)
{
	char *dir = dir_with_copy("ratio", "ratio", 0755, 0755);
	char path[4096], want[4200];

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	so_path(path, sizeof(path), dir, "ratio");
	/* as copied: accepted */
	CU_ASSERT(!refused(dir, "ratio", NULL));
	CU_ASSERT_EQUAL_FATAL(chmod(path, 0664), 0);
	snprintf(want, sizeof(want), "fix with: chmod go-w %s", path);
	CU_ASSERT(refused(dir, "ratio", path,
	                  ": refused: the file is group- or world-writable "
	                  "(mode 0664)",
	                  want, NULL));
	CU_ASSERT_EQUAL(chmod(path, 0646), 0);
	CU_ASSERT(refused(dir, "ratio", "group- or world-writable (mode 0646)",
	                  NULL));
	drop_dir(dir);
}

/* A group-writable directory is refused too; the fix names it. */
static void test_writable_dir(void)
{
	char *dir = dir_with_copy("ratio", "ratio", 0775, 0755);
	char path[4096], want[4200];

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	so_path(path, sizeof(path), dir, "ratio");
	snprintf(want, sizeof(want), "fix with: chmod go-w %s", dir);
	CU_ASSERT(refused(dir, "ratio", path,
	                  ": refused: its directory is group- or "
	                  "world-writable (mode 0775)",
	                  NULL));
	/* the hint must fix the directory, not the file */
	{
		plugin_registry *reg = plugin_registry_new(&host_api);
		strbuf err = STRBUF_INIT;
		const char *msg;

		plugin_registry_add_dir(reg, dir);
		CU_ASSERT_PTR_NULL(plugin_registry_get(reg, "ratio", &err));
		msg = strbuf_str(&err);
		CU_ASSERT(strlen(msg) >= strlen(want) &&
		          strcmp(msg + strlen(msg) - strlen(want), want) == 0);
		strbuf_release(&err);
		plugin_registry_free(reg);
	}
	/* a sticky world-writable directory like /tmp is refused too */
	CU_ASSERT_EQUAL(chmod(dir, 01777), 0);
	CU_ASSERT(refused(dir, "ratio",
	                  "its directory is group- or "
	                  "world-writable (mode 1777)",
	                  NULL));
	/* trusted_open directly */
	{
		strbuf err = STRBUF_INIT;
		int fd;

		CU_ASSERT_EQUAL(trusted_open(path, &err), -1);
		CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "(mode 1777)"));
		strbuf_reset(&err);
		CU_ASSERT_EQUAL(chmod(dir, 0755), 0);
		fd = trusted_open(path, &err);
		CU_ASSERT(fd >= 0);
		CU_ASSERT_EQUAL(err.len, 0);
		if (fd >= 0)
			close(fd);
		strbuf_release(&err);
	}
	drop_dir(dir);
}

/* A file owned by another user (not root) is refused. Needs root to
 * give the file away; skipped otherwise. */
static void test_foreign_owner(void)
{
	char *dir;
	char path[4096];

	if (geteuid() != 0)
		return;
	dir = dir_with_copy("ratio", "ratio", 0755, 0755);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	so_path(path, sizeof(path), dir, "ratio");
	CU_ASSERT_EQUAL_FATAL(chown(path, 4242, 4242), 0);
	CU_ASSERT(refused(dir, "ratio", path,
	                  ": refused: the file is owned by uid 4242, not by "
	                  "root or by you",
	                  NULL));
	CU_ASSERT_EQUAL(chown(path, 0, 0), 0);
	CU_ASSERT_EQUAL_FATAL(chown(dir, 4242, 4242), 0);
	CU_ASSERT(refused(dir, "ratio",
	                  ": refused: its directory is owned by uid 4242",
	                  NULL));
	CU_ASSERT_EQUAL(chown(dir, 0, 0), 0);
	drop_dir(dir);
}

/* A symbolic link is refused, even to a good plugin. */
static void test_symlink(void)
{
	char *dir = fixture_tmpdir();
	char target[4096], link_path[4096];

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	CU_ASSERT_EQUAL(chmod(dir, 0755), 0);
	so_path(target, sizeof(target), fixture_plugin_dir(), "ratio");
	so_path(link_path, sizeof(link_path), dir, "ratio");
	CU_ASSERT_EQUAL_FATAL(symlink(target, link_path), 0);
	CU_ASSERT(refused(dir, "ratio", link_path,
	                  ": refused: the plugin is a symbolic link; install "
	                  "the file itself",
	                  NULL));
	drop_dir(dir);
}

/* A directory above the plugin's that others may write to is refused,
 * unless it is a root-owned sticky directory (as /tmp) and the next
 * component belongs to root or the user. */
static void test_ancestors(void)
{
	char *top = fixture_tmpdir();
	char mid[1024], sub[1024], from[4096], to[4096];

	CU_ASSERT_PTR_NOT_NULL_FATAL(top);
	snprintf(mid, sizeof(mid), "%s/mid", top);
	snprintf(sub, sizeof(sub), "%s/mid/plugins", top);
	CU_ASSERT_EQUAL_FATAL(mkdir(mid, 0755), 0);
	CU_ASSERT_EQUAL_FATAL(mkdir(sub, 0755), 0);
	so_path(from, sizeof(from), fixture_plugin_dir(), "ratio");
	so_path(to, sizeof(to), sub, "ratio");
	CU_ASSERT_EQUAL_FATAL(fixture_copy_file(from, to, 0755), 0);
	CU_ASSERT_EQUAL(chmod(top, 0755), 0);
	CU_ASSERT(!refused(sub, "ratio", NULL));
	/* world-writable, not sticky: anyone could rename mid */
	CU_ASSERT_EQUAL(chmod(mid, 0777), 0);
	CU_ASSERT(refused(sub, "ratio", to, ": refused: directory ", mid,
	                  " is group- or world-writable (mode 0777), so "
	                  "others could replace plugins; fix with: chmod go-w",
	                  NULL));
	/* group-writable is no better */
	CU_ASSERT_EQUAL(chmod(mid, 0775), 0);
	CU_ASSERT(refused(sub, "ratio", "(mode 0775)", NULL));
	/* sticky and owned by root, the next component ours: safe */
	CU_ASSERT_EQUAL(chmod(mid, 01777), 0);
	if (geteuid() == 0) {
		CU_ASSERT(!refused(sub, "ratio", NULL));
		/* ... but not when the next component is someone else's */
		CU_ASSERT_EQUAL(chown(sub, 4242, 4242), 0);
		CU_ASSERT(refused(sub, "ratio",
		                  "its directory is owned by uid 4242", NULL));
		CU_ASSERT_EQUAL(chown(sub, 0, 0), 0);
		/* nor when the sticky directory is not root's */
		CU_ASSERT_EQUAL(chown(mid, 4242, 4242), 0);
		CU_ASSERT(refused(sub, "ratio", "owned by uid 4242", NULL));
		CU_ASSERT_EQUAL(chown(mid, 0, 0), 0);
	}
	CU_ASSERT_EQUAL(chmod(mid, 0755), 0);
	drop_dir(top);
}

/* The loader loads the file it checked: after trusted_open(), the
 * directory is swapped for another holding a different plugin of the
 * same file name (the race of a local attacker renaming directories);
 * the plugin loaded through the descriptor is still the checked one. A
 * load by path, as before, would take the swapped-in file. */
static void test_same_descriptor(void)
{
	char *top = fixture_tmpdir();
	char good[1024], evil[1024], old[1024], from[4096], to[4096];
	strbuf err = STRBUF_INIT;
	plugin_info *pi;
	int fd;

	CU_ASSERT_PTR_NOT_NULL_FATAL(top);
	CU_ASSERT_EQUAL(chmod(top, 0755), 0);
	snprintf(good, sizeof(good), "%s/plugins", top);
	snprintf(evil, sizeof(evil), "%s/evil", top);
	snprintf(old, sizeof(old), "%s/checked", top);
	CU_ASSERT_EQUAL_FATAL(mkdir(good, 0755), 0);
	CU_ASSERT_EQUAL_FATAL(mkdir(evil, 0755), 0);
	so_path(from, sizeof(from), fixture_plugin_dir(), "ratio");
	so_path(to, sizeof(to), good, "ratio");
	CU_ASSERT_EQUAL_FATAL(fixture_copy_file(from, to, 0755), 0);
	/* the impostor: bands under the name ratio.so */
	so_path(from, sizeof(from), fixture_plugin_dir(), "bands");
	so_path(to, sizeof(to), evil, "ratio");
	CU_ASSERT_EQUAL_FATAL(fixture_copy_file(from, to, 0755), 0);

	so_path(to, sizeof(to), good, "ratio");
	fd = trusted_open(to, &err);
	CU_ASSERT_FATAL(fd >= 0);
	/* the swap, between the checks and the load */
	CU_ASSERT_EQUAL_FATAL(rename(good, old), 0);
	CU_ASSERT_EQUAL_FATAL(rename(evil, good), 0);
	pi = plugin_load_fd(fd, to, "ratio", &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pi);
	CU_ASSERT_STRING_EQUAL(pi->desc->name, "ratio");
	CU_ASSERT_EQUAL(err.len, 0);
	plugin_info_free(pi);
	/* loaded by path now, the impostor is found (and refused by name) */
	pi = plugin_load_file(to, "ratio", &err);
	CU_ASSERT_PTR_NULL(pi);
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "names method "
	                                                "'bands'"));
	strbuf_release(&err);
	drop_dir(top);
}

/* A plugin directory named through a symbolic link is judged by what the
 * link resolves to: a directory of someone else's is refused. */
static void test_linked_dir(void)
{
	char *top = fixture_tmpdir();
	char real[1024], link_path[1024], from[4096], to[4096];

	CU_ASSERT_PTR_NOT_NULL_FATAL(top);
	CU_ASSERT_EQUAL(chmod(top, 0755), 0);
	snprintf(real, sizeof(real), "%s/real", top);
	snprintf(link_path, sizeof(link_path), "%s/link", top);
	CU_ASSERT_EQUAL_FATAL(mkdir(real, 0755), 0);
	CU_ASSERT_EQUAL_FATAL(symlink(real, link_path), 0);
	so_path(from, sizeof(from), fixture_plugin_dir(), "ratio");
	so_path(to, sizeof(to), real, "ratio");
	CU_ASSERT_EQUAL_FATAL(fixture_copy_file(from, to, 0755), 0);
	CU_ASSERT(!refused(link_path, "ratio", NULL));
	if (geteuid() == 0) {
		CU_ASSERT_EQUAL(chown(real, 4242, 4242), 0);
		CU_ASSERT(refused(link_path, "ratio",
		                  "its directory is owned by uid 4242", NULL));
		CU_ASSERT_EQUAL(chown(real, 0, 0), 0);
	}
	drop_dir(top);
}

/* Method names must be [a-z0-9_]+, at most 64 bytes. */
static void test_bad_names(void)
{
	static const char *const bad[] = {
	        "Ratio", "ra-tio", "../ratio", "ratio.so", "", "r atio",
	        /* 65 bytes: one more than a method name may have */
	        ("a234567890123456789012345678901234567890123456789012345678901"
	         "2345")};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[256];

		snprintf(want, sizeof(want), "method name '%s' is not valid",
		         bad[i]);
		CU_ASSERT(refused(fixture_plugin_dir(), bad[i], want,
		                  "use [a-z0-9_]+", NULL));
	}
}

/* The descriptor must carry the file's name. */
static void test_name_mismatch(void)
{
	char *dir = dir_with_copy("ratio", "other", 0755, 0755);
	char path[4096];

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	so_path(path, sizeof(path), dir, "other");
	CU_ASSERT(refused(dir, "other", path,
	                  ": refused: the descriptor names method 'ratio'; "
	                  "the file must be called ratio.so",
	                  NULL));
	drop_dir(dir);
}

/* Not found: the message lists every directory searched. */
static void test_not_found(void)
{
	plugin_registry *reg = fixture_registry();
	strbuf err = STRBUF_INIT;
	char want[4400];

	plugin_registry_add_dir(reg, "/nonexistent/dir");
	CU_ASSERT_EQUAL(plugin_registry_ndirs(reg), 2);
	CU_ASSERT_PTR_NULL(plugin_registry_get(reg, "zzzz", &err));
	snprintf(want, sizeof(want),
	         "no plugin 'zzzz' (looked for zzzz.so in: %s, "
	         "/nonexistent/dir)",
	         fixture_plugin_dir());
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), want));
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "chiso plugins"));
	strbuf_release(&err);
	/* an empty search path */
	plugin_registry_free(reg);
	reg = plugin_registry_new(&host_api);
	CU_ASSERT_PTR_NULL(plugin_registry_get(reg, "ratio", &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err),
	                              "no plugin 'ratio' (looked for "
	                              "ratio.so in: )"));
	strbuf_release(&err);
	plugin_registry_free(reg);
}

/* The first directory holding the file wins; a refused file there is
 * not skipped for a later one. */
static void test_search_order(void)
{
	char *dir = dir_with_copy("ratio", "ratio", 0755, 0755);
	plugin_registry *reg = plugin_registry_new(&host_api);
	strbuf err = STRBUF_INIT;
	const plugin_info *pi;
	char path[4096];

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	so_path(path, sizeof(path), dir, "ratio");
	plugin_registry_add_dir(reg, dir);
	plugin_registry_add_dir(reg, fixture_plugin_dir());
	pi = plugin_registry_get(reg, "ratio", &err);
	CU_ASSERT_PTR_NOT_NULL(pi);
	if (pi)
		CU_ASSERT_STRING_EQUAL(pi->path, path);
	/* bands is only in the second */
	pi = plugin_registry_get(reg, "bands", &err);
	CU_ASSERT_PTR_NOT_NULL(pi);
	if (pi)
		CU_ASSERT_STRING_EQUAL(pi->path,
		                       so_path(path, sizeof(path),
		                               fixture_plugin_dir(), "bands"));
	plugin_registry_free(reg);
	/* a refused copy in the first directory is not bypassed */
	CU_ASSERT_EQUAL(chmod(dir, 0777), 0);
	reg = plugin_registry_new(&host_api);
	plugin_registry_add_dir(reg, dir);
	plugin_registry_add_dir(reg, fixture_plugin_dir());
	CU_ASSERT_PTR_NULL(plugin_registry_get(reg, "ratio", &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(strbuf_str(&err), "(mode 0777)"));
	strbuf_release(&err);
	plugin_registry_free(reg);
	drop_dir(dir);
}

/* CHISO_PLUGIN_PATH entries come first, then the default directory. */
static void test_defaults(void)
{
	plugin_registry *reg = plugin_registry_new(&host_api);
	const char *old = getenv("CHISO_PLUGIN_PATH");
	char *saved = old ? strdup(old) : NULL;

	setenv("CHISO_PLUGIN_PATH", "/p/one::/p/two", 1);
	plugin_registry_add_defaults(reg);
	CU_ASSERT_EQUAL_FATAL(plugin_registry_ndirs(reg), 3);
	CU_ASSERT_STRING_EQUAL(plugin_registry_dir(reg, 0), "/p/one");
	CU_ASSERT_STRING_EQUAL(plugin_registry_dir(reg, 1), "/p/two");
	CU_ASSERT_STRING_EQUAL(plugin_registry_dir(reg, 2),
	                       plugin_default_dir());
	CU_ASSERT_PTR_NOT_NULL(plugin_default_dir());
	plugin_registry_free(reg);
	if (saved) {
		setenv("CHISO_PLUGIN_PATH", saved, 1);
		free(saved);
	} else {
		unsetenv("CHISO_PLUGIN_PATH");
	}
}

struct scan_seen {
	unsigned calls, loaded, refused, shadowed;
	int saw_other_refusal;
};

static void scan_cb(void *arg, const char *path, const plugin_info *pi,
                    const char *refusal, int shadowed)
{
	struct scan_seen *s = arg;

	s->calls++;
	if (shadowed) {
		s->shadowed++;
		return;
	}
	if (pi) {
		s->loaded++;
	} else {
		s->refused++;
		if (strstr(path, "/other.so") && refusal &&
		    strstr(refusal, "names method 'ratio'"))
			s->saw_other_refusal = 1;
	}
}

/* plugin_registry_scan reports every .so, shadowed ones marked. */
static void test_scan(void)
{
	char *dir = dir_with_copy("ratio", "other", 0755, 0755);
	char from[4096], to[4096];
	plugin_registry *reg = plugin_registry_new(&host_api);
	struct scan_seen seen = {0};

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	/* a copy of bands too, shadowing the built-in one */
	so_path(from, sizeof(from), fixture_plugin_dir(), "bands");
	so_path(to, sizeof(to), dir, "bands");
	CU_ASSERT_EQUAL_FATAL(fixture_copy_file(from, to, 0755), 0);
	plugin_registry_add_dir(reg, dir);
	plugin_registry_add_dir(reg, fixture_plugin_dir());
	plugin_registry_scan(reg, scan_cb, &seen);
	/* 2 in dir + 10 built-ins, of which bands is shadowed */
	CU_ASSERT_EQUAL(seen.calls, 12);
	CU_ASSERT_EQUAL(seen.shadowed, 1);
	CU_ASSERT_EQUAL(seen.refused, 1);
	CU_ASSERT_EQUAL(seen.loaded, 10);
	CU_ASSERT(seen.saw_other_refusal);
	plugin_registry_free(reg);
	drop_dir(dir);
}

static CU_TestInfo tests[] = {
        {"built-ins load", test_builtins_load},
        {"plugin_load_file", test_load_file},
        {"one exported symbol", test_one_exported_symbol},
        {"bad descriptors refused", test_bad_descriptors},
        {"writable file refused", test_writable_file},
        {"writable directory refused", test_writable_dir},
        {"foreign owner refused", test_foreign_owner},
        {"symlink refused", test_symlink},
        {"directories above checked", test_ancestors},
        {"the checked file is the loaded file", test_same_descriptor},
        {"linked plugin directory", test_linked_dir},
        {"bad names refused", test_bad_names},
        {"name mismatch refused", test_name_mismatch},
        {"not found", test_not_found},
        {"search order", test_search_order},
        {"defaults", test_defaults},
        {"scan", test_scan},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("plugin_loader", tests)
