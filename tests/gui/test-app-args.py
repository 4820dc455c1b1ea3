#!/usr/bin/python3
# test-app-args.py — the app's own command line, before any window: an empty
# --db path is refused (exit 1, a message naming --db) instead of opening a
# throw-away database whose decisions would vanish, and nothing is created
# where the default database lives. No display is needed: GApplication
# handles these options before GTK starts.
#
# Copyright 2026 The Clearance authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile


def main():
    app = sys.argv[1]
    print("1..2", flush=True)
    with tempfile.TemporaryDirectory(prefix="clearance-app-args-") as home:
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"), LANGUAGE="C", LC_ALL="C.UTF-8")
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        run = subprocess.run([app, "--db", ""], env=env, capture_output=True, text=True, timeout=60)
        if run.returncode != 1 or "--db: the path is empty" not in run.stderr:
            print(f"not ok 1 - --db \"\" refused (exit {run.returncode}, stderr {run.stderr!r})")
            return 1
        print("ok 1 - --db \"\" exits 1 and says the path is empty")
        made = [os.path.join(d, f) for d, _, files in os.walk(home) for f in files]
        if made:
            print(f"not ok 2 - nothing written, but found {made}")
            return 1
        print("ok 2 - no database was created")

        run = subprocess.run([app, "--version"], env=env, capture_output=True, text=True, timeout=60)
        if run.returncode != 0 or not run.stdout.startswith("clearance "):
            print(f"# --version: exit {run.returncode}, {run.stdout!r}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
