#!/bin/sh
# run-gui-test.sh — runs a GUI test on a private Xvfb inside a private D-Bus session.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Xvfb picks a free display itself (-displayfd): `xvfb-run -a` races when
# several tests start at once and hands one of them a display it cannot open.
# X must be the outer layer (../shared/docs/uitest.md §3.1): the AT-SPI
# registry is D-Bus activated and needs DISPLAY. Without Xvfb or
# dbus-run-session the test runs as it is and skips itself (exit 77, or a TAP
# "1..0 # SKIP") when it finds no display.
if ! command -v Xvfb >/dev/null 2>&1 || ! command -v dbus-run-session >/dev/null 2>&1; then
  exec "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clearance-xvfb-XXXXXX") || exit 99
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!

i=0
while [ ! -s "$tmp/display" ] && [ "$i" -lt 400 ]; do
  if ! kill -0 "$xvfb" 2>/dev/null; then
    break
  fi
  sleep 0.05
  i=$((i + 1))
done

if [ ! -s "$tmp/display" ]; then
  echo "run-gui-test.sh: Xvfb did not start:" >&2
  cat "$tmp/xvfb.log" >&2
  kill "$xvfb" 2>/dev/null
  rm -rf "$tmp"
  unset DISPLAY WAYLAND_DISPLAY
  exec "$@"
fi

DISPLAY=":$(cat "$tmp/display")"
export DISPLAY
unset WAYLAND_DISPLAY

dbus-run-session -- "$@"
rc=$?

kill "$xvfb" 2>/dev/null
wait "$xvfb" 2>/dev/null
rm -rf "$tmp"
exit "$rc"
