#!/usr/bin/env python3
# check-po-complete.py — every shipped catalogue is at least MIN % translated
# against the strings the sources have now.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po-complete.py SOURCE_ROOT [--min PERCENT] [LANG…]
# Extracts a fresh template from po/POTFILES.in with the same xgettext
# keywords as meson's i18n 'glib' preset, merges each language of po/LINGUAS
# (or the ones named) into it in a scratch folder — the .po files in the tree
# are not touched — and counts with msgfmt --statistics. Fuzzy entries count
# as untranslated. Exit 1 names each language below the minimum; exit 0
# prints every language's share.

import os
import re
import subprocess
import sys
import tempfile

GLIB_PRESET = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

STATS = re.compile(r"(\d+) translated message|(\d+) fuzzy translation|(\d+) untranslated message")


def linguas(root):
    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.lstrip().startswith("#")]


def counts(po_file):
    out = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, po_file],
                         capture_output=True, text=True, check=True).stderr
    translated = fuzzy = untranslated = 0
    for m in STATS.finditer(out):
        if m.group(1):
            translated = int(m.group(1))
        elif m.group(2):
            fuzzy = int(m.group(2))
        else:
            untranslated = int(m.group(3))
    return translated, fuzzy, untranslated


def main(argv):
    args = argv[1:]
    minimum = 95.0
    if "--min" in args:
        i = args.index("--min")
        minimum = float(args[i + 1])
        del args[i:i + 2]
    if not args:
        print(__doc__ or "usage: check-po-complete.py SOURCE_ROOT [--min PERCENT] [LANG…]")
        return 2
    root = os.path.abspath(args[0])
    langs = args[1:] or linguas(root)
    failed = []
    with tempfile.TemporaryDirectory(prefix="clearance-po-") as tmp:
        pot = os.path.join(tmp, "clearance.pot")
        subprocess.run(["xgettext", "--package-name=clearance", "-D", root,
                        "-f", os.path.join(root, "po", "POTFILES.in"), "-o", pot] + GLIB_PRESET,
                       check=True, capture_output=True)
        for lang in langs:
            src = os.path.join(root, "po", lang + ".po")
            if not os.path.exists(src):
                print(f"po/{lang}.po: listed in po/LINGUAS but missing")
                failed.append(lang)
                continue
            merged = os.path.join(tmp, lang + ".po")
            subprocess.run(["msgmerge", "--quiet", "-o", merged, src, pot], check=True)
            translated, fuzzy, untranslated = counts(merged)
            total = translated + fuzzy + untranslated
            share = 100.0 * translated / total if total else 0.0
            line = (f"po/{lang}.po: {translated} of {total} messages translated ({share:.1f} %), "
                    f"{fuzzy} fuzzy, {untranslated} untranslated")
            if share < minimum:
                print(f"{line} — below {minimum:g} %: run `meson compile -C BUILD clearance-update-po` "
                      f"and translate the new messages (docs/app.md)")
                failed.append(lang)
            else:
                print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
