#!/bin/sh
# screenshots.sh — writes the Shipment page's screenshots into data/screenshots/.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/screenshots.sh [BUILD_DIR]   (default: _build)
# Needs Xvfb, dbus-run-session, ImageMagick's import and python3-gi with Atspi.
# Starts its own X server (-displayfd picks a free display, -noreset keeps it up
# between the app's runs) inside a private D-Bus session.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/_build}
out=$root/data/screenshots
tmp=$(mktemp -d "${TMPDIR:-/tmp}/clearance-shots-XXXXXX")
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$tmp"' EXIT

Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp -noreset 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
i=0
while [ ! -s "$tmp/display" ] && [ "$i" -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
DISPLAY=":$(cat "$tmp/display")"
export DISPLAY
unset WAYLAND_DISPLAY

dbus-run-session -- /usr/bin/python3 "$root/tools/screenshots.py" \
  "$build/app/gui/clearance" "$build/app/cli/clearance-cli" "$out"
