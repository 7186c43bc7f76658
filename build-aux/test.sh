#!/bin/sh
# Installs what is missing, builds Stormcut without warnings and runs every test suite
# (the GUI suite under Xvfb).  This is what CI runs.
set -eu
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh

builddir=${STORMCUT_BUILDDIR:-_build}
if [ -f "$builddir/build.ninja" ]; then
  meson configure "$builddir" -Dwerror=true
else
  meson setup "$builddir" -Dwerror=true
fi
ninja -C "$builddir"
meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
