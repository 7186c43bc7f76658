#!/bin/sh
# Takes the README's screenshots of the application: docs/screenshots/board-ko.png (Korean)
# and board-en.png (English), the Korean sample with its reservation aggregate selected.
# Runs the application of BUILDDIR (built here if needed) under Xvfb and drives it with
# xdotool, with the translations of that build.
#   build-aux/screenshots.sh [BUILDDIR]
set -eu
cd "$(dirname "$0")/.."

for tool in xvfb-run xdotool import; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install xvfb xdotool imagemagick" >&2; exit 1; }
done

builddir=${1:-build-screenshots}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" -Dtests=false
ninja -C "$builddir" >/dev/null
builddir=$(cd "$builddir" && pwd)

config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT

# One run: start the app on the sample, fill the screen, show the whole board, zoom in three
# times (sticky names show from about 50 %), scroll to the top left, select the 예약
# aggregate, take the picture.
shoot() {
  output=$1
  cat > "$config/run.sh" <<SCRIPT
#!/bin/sh
"$builddir/app/stormcut" data/samples/public-facility-reservation.xml 2>/dev/null &
pid=\$!
sleep 3
xdotool search --name Stormcut windowsize %@ 1440 900; sleep 1
xdotool mousemove 565 850 click 1; sleep 0.5
xdotool key ctrl+9; sleep 1
xdotool key ctrl+plus; sleep 0.5; xdotool key ctrl+plus; sleep 0.5; xdotool key ctrl+plus; sleep 1
xdotool mousemove 900 760 click 6 click 6 click 6 click 6 click 6 click 6 click 4; sleep 1
xdotool mousemove 554 515 click 1; sleep 0.5
xdotool mousemove 90 700; sleep 1
import -window root "$output"
kill \$pid
SCRIPT
  XDG_CONFIG_HOME="$config" STORMCUT_LOCALEDIR="$builddir/po" GSETTINGS_SCHEMA_DIR="$builddir/data" \
  GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
    xvfb-run -a -s '-screen 0 1440x900x24' sh "$config/run.sh"
}

mkdir -p docs/screenshots
LANG=ko_KR.UTF-8 LC_ALL=ko_KR.UTF-8 LANGUAGE=ko shoot docs/screenshots/board-ko.png
LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= shoot docs/screenshots/board-en.png
echo "Wrote docs/screenshots/board-ko.png and docs/screenshots/board-en.png"
