#!/bin/sh
# Generates ./configure and the Makefile templates from configure.ac and
# Makefile.am. Run once after a fresh clone, then ./configure && make.
set -e
cd "$(dirname "$0")"
mkdir -p build-aux m4
# gettext's po/Makefile.in.in and macros (configure.ac's
# AM_GNU_GETTEXT_VERSION), from Debian's autopoint package.
if ! command -v autopoint >/dev/null 2>&1; then
	echo "autogen.sh: autopoint not found: install autopoint (and gettext)" >&2
	exit 1
fi
autopoint --force
autoreconf --install --force --warnings=all
