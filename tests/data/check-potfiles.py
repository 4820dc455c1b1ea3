#!/usr/bin/env python3
# check-potfiles.py — po/POTFILES.in lists exactly the files with translatable strings.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT
# Fails (exit 1) naming each source file that uses _(), N_(), C_(), NC_(),
# ngettext or translatable="yes" but is missing from POTFILES.in, each listed
# file that does not exist, and any line out of sorted order.

import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_check  # noqa: E402

SCAN_DIRS = ("app", "ui", "data")
C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|g_dngettext|g_dpgettext2?|ngettext)\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"', re.I)
# Data files whose strings are always translatable through po/.
DATA_SUFFIXES = (".desktop.in.in", ".desktop.in", ".metainfo.xml.in.in",
                 ".metainfo.xml.in", ".gschema.xml")


def strip_c_comments_and_strings(text):
    """Removes comments and string literals so `_(` in a comment is not counted."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(" ")
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def needs_translation(path):
    name = os.path.basename(path)
    if name.endswith(DATA_SUFFIXES):
        return True
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    if name.endswith((".c", ".h")):
        return C_MARKERS.search(strip_c_comments_and_strings(text)) is not None
    if name.endswith(".ui"):
        return UI_MARKER.search(text) is not None
    return False


def main():
    root = sys.argv[1]
    potfiles_path = os.path.join(root, "po", "POTFILES.in")
    with open(potfiles_path, encoding="utf-8") as f:
        raw = [line.rstrip("\n") for line in f]
    listed = [l.strip() for l in raw if l.strip() and not l.lstrip().startswith("#")]

    problems = []
    for lineno, entry in enumerate(raw, 1):
        e = entry.strip()
        if e and not e.startswith("#") and not os.path.exists(os.path.join(root, e)):
            problems.append(f"po/POTFILES.in:{lineno}: {e}: listed but does not exist")

    for a, b in zip(listed, listed[1:]):
        if a >= b:
            problems.append(f"po/POTFILES.in: “{b}” must come before “{a}” (keep it sorted, no duplicates)")

    found = []
    for top in SCAN_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if needs_translation(path):
                    found.append(rel)

    listed_set = set(listed)
    for rel in found:
        if rel not in listed_set:
            problems.append(f"{rel}: has translatable strings but is missing from po/POTFILES.in")

    print(f"# {len(found)} files with translatable strings, {len(listed)} listed")
    return clr_check.report(problems)


if __name__ == "__main__":
    sys.exit(main())
