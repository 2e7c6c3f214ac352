#!/bin/sh
# Generates ./configure and the Makefile templates from configure.ac and
# Makefile.am. Run once after a fresh clone, then ./configure && make.
set -e
cd "$(dirname "$0")"
mkdir -p build-aux m4
autoreconf --install --force --warnings=all
