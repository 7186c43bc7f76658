#!/bin/sh
# Installs what Stormcut needs to build, run and test on Debian 12 (bookworm).
# Safe to run again: apt-get skips what is there.  Uses sudo when not run as root.
set -eu

packages="
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libsqlite3-dev libxml2-dev libgraphviz-dev check
  graphviz sqlite3 fonts-noto-cjk locales
  xvfb xauth desktop-file-utils appstream
"

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
else
  as_root="sudo"
fi

missing=""
for package in $packages; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $as_root apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q $missing
fi

# Graphviz finds its renderers through a plugin index (config6a on Debian 12) that the
# libgvc6 package writes with `dot -c`; write it if it is missing.
if ! ls /usr/lib/*/graphviz/config6* /usr/lib/graphviz/config6* >/dev/null 2>&1; then
  $as_root dot -c || true
fi

# A Korean locale for running the application and its tests in Korean.
if ! locale -a 2>/dev/null | grep -qi '^ko_KR\.utf-\?8$'; then
  $as_root sed -i 's/^# *ko_KR.UTF-8 UTF-8/ko_KR.UTF-8 UTF-8/' /etc/locale.gen
  $as_root locale-gen
fi
