#!/bin/sh
# Installs what is missing, builds Stormcut and opens the Korean sample model in the
# application.  The sample is imported once into a .stormcut document next to the build,
# so every edit you make is saved as you make it.
set -eu
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh

builddir=${STORMCUT_BUILDDIR:-_build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir"
ninja -C "$builddir"

document="$builddir/public-facility-reservation.stormcut"
if [ ! -f "$document" ]; then
  "$builddir/app/stormcut-cli" import data/samples/public-facility-reservation.xml -o "$document"
fi

# Use the build's schemas and translations without installing anything.
export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"
export STORMCUT_LOCALEDIR="$PWD/$builddir/po"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$builddir/app/stormcut" "$document"
else
  echo "No display found: showing the model with stormcut-cli instead."
  "$builddir/app/stormcut-cli" check "$document" || true
  exec "$builddir/app/stormcut-cli" list "$document"
fi
