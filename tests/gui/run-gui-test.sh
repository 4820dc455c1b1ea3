#!/bin/sh
# run-gui-test.sh — runs a GUI test under Xvfb with a private D-Bus session.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# X must be the outer layer (../shared/docs/uitest.md §3.1): the AT-SPI
# registry is D-Bus activated and needs DISPLAY. Without xvfb-run or
# dbus-run-session the test runs as it is and skips itself (exit 77, or a
# TAP "1..0 # SKIP") when it finds no display.
if command -v xvfb-run >/dev/null 2>&1 && command -v dbus-run-session >/dev/null 2>&1; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- "$@"
fi
exec "$@"
