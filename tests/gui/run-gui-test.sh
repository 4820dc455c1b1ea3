#!/bin/sh
# run-gui-test.sh — runs a GUI test on a private Xvfb inside a private D-Bus session.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `xvfb-run -a` races when several tests start at once and hands one of them
# a display it cannot open; this claims a display through Xvfb's own lock.
# X must be the outer layer (../shared/docs/uitest.md §3.1): the AT-SPI
# registry is D-Bus activated and needs DISPLAY. Without Xvfb or
# dbus-run-session the test runs as it is and skips itself (exit 77, or a TAP
# "1..0 # SKIP") when it finds no display.
if ! command -v Xvfb >/dev/null 2>&1 || ! command -v dbus-run-session >/dev/null 2>&1; then
  exec "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clearance-xvfb-XXXXXX") || exit 99

# -noreset: an X server resets when its last client disconnects and refuses
# connections meanwhile, so a test starting its app right after a short-lived
# client (xdpyinfo below, a helper) would be told "cannot open display".
#
# Claim a display number the X way (Xvfb's lock file, created atomically):
# if another server holds it, this Xvfb exits at once and the next number is
# tried. Numbers start at a random point below xvfb-run's 99 to stay clear of it.
start_xvfb () {
  n=$1
  : >"$tmp/display"
  Xvfb ":$n" -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset 3>"$tmp/display" 2>"$tmp/xvfb.log" &
  xvfb=$!
  i=0
  while [ ! -s "$tmp/display" ] && [ "$i" -lt 400 ]; do
    kill -0 "$xvfb" 2>/dev/null || return 1
    sleep 0.05
    i=$((i + 1))
  done
  [ -s "$tmp/display" ] || { kill "$xvfb" 2>/dev/null; return 1; }
  # A client must really get in (another server's failed start can take the
  # socket away); checked when xdpyinfo (x11-utils) is there.
  if command -v xdpyinfo >/dev/null 2>&1; then
    i=0
    until DISPLAY=":$(cat "$tmp/display")" xdpyinfo >/dev/null 2>&1; do
      i=$((i + 1))
      if [ "$i" -ge 20 ]; then
        kill "$xvfb" 2>/dev/null
        return 1
      fi
      sleep 0.1
    done
  fi
}

n=$(( ($$ % 70) + 20 ))
tries=0
until start_xvfb "$n"; do
  tries=$((tries + 1))
  n=$((n + 1))
  if [ "$tries" -ge 20 ]; then
    echo "run-gui-test.sh: no Xvfb display could be started:" >&2
    cat "$tmp/xvfb.log" >&2
    rm -rf "$tmp"
    unset DISPLAY WAYLAND_DISPLAY
    exec "$@"
  fi
done

DISPLAY=":$(cat "$tmp/display")"
export DISPLAY
unset WAYLAND_DISPLAY

dbus-run-session -- "$@"
rc=$?

if ! kill -0 "$xvfb" 2>/dev/null; then
  echo "run-gui-test.sh: Xvfb $DISPLAY died during the test:" >&2
  cat "$tmp/xvfb.log" >&2
elif [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ] && [ -s "$tmp/xvfb.log" ]; then
  echo "run-gui-test.sh: Xvfb $DISPLAY said:" >&2
  cat "$tmp/xvfb.log" >&2
fi
kill "$xvfb" 2>/dev/null
wait "$xvfb" 2>/dev/null
rm -rf "$tmp"
exit "$rc"
