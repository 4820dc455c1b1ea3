# clr_without_fatal_warnings.py — imported first by the AT-SPI driver scripts
# that must not run with G_DEBUG=fatal-warnings.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The suite's G_DEBUG=fatal-warnings is for the app; libatspi in a driver
# warns harmlessly ("GetItems … /org/a11y/atspi/cache"), so the driver runs
# again without it. GLib reads G_DEBUG when it loads: import this before gi
# (and so before clr_atspi).

import os
import sys

if "fatal" in os.environ.get("G_DEBUG", ""):
    env = dict(os.environ)
    env.pop("G_DEBUG")
    os.execve(sys.executable, [sys.executable] + sys.argv, env)
