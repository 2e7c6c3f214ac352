/*
 * build_tree.h - is this chiso the one in its build tree (run
 * uninstalled, as make check does)? Then it reads its plugins and its
 * message catalogs from the build tree, not from where they install.
 */
#ifndef CHISO_BUILD_TREE_H
#define CHISO_BUILD_TREE_H

/*
 * 1 when the running program (/proc/self/exe) sits directly in the
 * build directory compiled in (CHISO_BUILD_DIR), else 0. Computed once.
 */
int build_tree_running(void);

#endif
