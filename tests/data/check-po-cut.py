#!/usr/bin/env python3
# check-po-cut.py — no translatable string is cut short by a macro.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po-cut.py SOURCE_ROOT
# xgettext stops a message at a macro it does not know, so
# _("Case %" G_GINT64_FORMAT) is extracted as "Case %": the catalogue can never
# hold the string the program looks up, and the message stays English. Inside
# _(), N_(), C_(), NC_(), ngettext and g_dngettext use the <inttypes.h> macros
# xgettext understands (PRId64, PRIu64 …) or %zu instead of G_GINT64_FORMAT,
# G_GUINT64_FORMAT, G_GSIZE_FORMAT. Scans the C files of po/POTFILES.in and
# fails (exit 1) naming each file:line.

import os
import re
import sys

LIT = r'"(?:[^"\\\n]|\\.)*"'
IDENT = r'[A-Za-z_][A-Za-z0-9_]*'
# A run of string literals and identifiers, as C concatenates them.
RUN = re.compile(r'(?:%s|%s)(?:\s*(?:%s|%s))*' % (LIT, IDENT, LIT, IDENT))
# What opens a message argument: the keyword call, or the comma before the
# next argument of ngettext / g_dngettext / C_.
OPEN = re.compile(r'(?:(?<![A-Za-z0-9_])(?:N?C?_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*'
                  r'(?:GETTEXT_PACKAGE\s*,\s*)?|"\s*,\s*)$')
# Comments, blanked to their newlines so line numbers stay right.
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*|%s|\'(?:[^\'\\\n]|\\.)*\'' % LIT, re.S)
KNOWN = re.compile(r'^PRI[diouxX](?:8|16|32|64|MAX|PTR|LEAST\d+|FAST\d+)$')


def main(argv):
    if len(argv) != 2:
        print("usage: check-po-cut.py SOURCE_ROOT")
        return 2
    root = os.path.abspath(argv[1])
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        files = [l.strip() for l in f if l.strip().endswith((".c", ".h")) and not l.startswith("#")]
    bad = 0
    for rel in files:
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            src = COMMENT.sub(lambda c: c.group(0) if c.group(0)[0] in "\"'" else
                              re.sub(r"[^\n]", " ", c.group(0)), f.read())
        for m in RUN.finditer(src):
            run = m.group(0)
            if not run.startswith('"') or not OPEN.search(src[max(0, m.start() - 80):m.start()]):
                continue
            idents = [t for t in re.findall(r'%s|(%s)' % (LIT, IDENT), run) if t]
            cut = [t for t in idents if not KNOWN.match(t)]
            if cut:
                line = src.count("\n", 0, m.start()) + 1
                print(f"{rel}:{line}: a translatable string contains {', '.join(cut)}: xgettext cuts "
                      "the message there (use PRId64/PRIu64 from <inttypes.h>, or %zu)")
                bad += 1
    if bad:
        return 1
    print(f"{len(files)} C files: no translatable string is cut short by a macro")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
