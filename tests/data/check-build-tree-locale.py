#!/usr/bin/env python3
# check-build-tree-locale.py — binaries run from the build tree speak the
# build tree's translations (po/LANG/LC_MESSAGES/clearance.mo compiled by
# meson), not whatever an installed Clearance left in /usr/share/locale.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-build-tree-locale.py BINARY EXPECTED_DE EXPECTED_ZH [ARG…]
# Runs BINARY ARG… under de_DE.UTF-8 and zh_CN.UTF-8 and expects the given
# text in its output. Exit 77 (skip) when those locales are not generated
# (tools/install-deps.sh generates them).

import os
import subprocess
import sys


def main(argv):
    binary, expected = argv[1], {"de_DE.UTF-8": argv[2], "zh_CN.UTF-8": argv[3]}
    args = argv[4:]
    available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    available = {a.lower().replace("-", "") for a in available}
    failed = 0
    ran = 0
    for loc, text in expected.items():
        if loc.lower().replace("-", "") not in available:
            print(f"# {loc} is not generated here; skipped")
            continue
        env = {k: v for k, v in os.environ.items()
               if k not in ("LANGUAGE", "LANG", "CLEARANCE_LOCALEDIR") and not k.startswith("LC_")}
        env["LC_ALL"] = loc
        out = subprocess.run([binary] + args, capture_output=True, text=True, env=env)
        both = out.stdout + out.stderr
        ran += 1
        if text in both:
            print(f"ok - {os.path.basename(binary)} under {loc} says “{text}”")
        else:
            print(f"not ok - {os.path.basename(binary)} under {loc} does not say “{text}”:\n{both[:600]}")
            failed += 1
    if ran == 0:
        return 77
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
