#!/usr/bin/env python3
# check-glossary.py — translations use the terms of po/GLOSSARY.md.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-glossary.py SOURCE_ROOT [LANG…]
# Reads the table under "## Terms (checked)" of po/GLOSSARY.md (columns:
# English | de | zh_CN | note). For each language of po/LINGUAS (or the ones
# named), every translated, non-fuzzy message whose English text contains a
# term (as a word, any case, also plural) must contain one of the term's
# renderings (alternatives separated by " / "). Exit 1 lists each message that
# does not, with the term it misses.

import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_check  # noqa: E402

COLUMNS = {"de": 1, "zh_CN": 2}


def read_terms(root):
    terms = []
    in_table = False
    with open(os.path.join(root, "po", "GLOSSARY.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                in_table = line.strip() == "## Terms (checked)"
                continue
            if not in_table or not line.startswith("|") or line.startswith("|---"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] == "English":
                continue
            terms.append(cells)
    return terms


def unquote(s):
    return bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def parse_po(path):
    """(msgid, msgstr list, fuzzy) for each entry; a small reader so the test
    needs no python module beyond the standard library."""
    entries = []
    cur = None
    field = None

    def flush():
        if cur and cur.get("msgid"):
            entries.append(cur)

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("#~"):
                continue
            if line.startswith("#,"):
                flush()
                cur = {"flags": line, "msgstr": {}}
                field = None
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
            if m:
                key = m.group(1)
                if key in ("msgctxt", "msgid") and (cur is None or "msgid" in cur and key == "msgctxt"
                                                     or key == "msgid" and "msgid" in cur):
                    flush()
                    flags = cur.get("flags", "") if cur and "msgid" not in cur else ""
                    cur = {"flags": flags, "msgstr": {}}
                if key.startswith("msgstr"):
                    field = ("msgstr", int(m.group(2) or 0))
                    cur["msgstr"][field[1]] = unquote(m.group(3))
                else:
                    field = (key, None)
                    cur[key] = unquote(m.group(3))
                continue
            m = re.match(r'^"(.*)"$', line)
            if m and cur is not None and field is not None:
                if field[0] == "msgstr":
                    cur["msgstr"][field[1]] += unquote(m.group(1))
                else:
                    cur[field[0]] += unquote(m.group(1))
    flush()
    return entries


def plain(text):
    text = re.sub(r"\(_[A-Za-z0-9]\)", "", text)
    return text.replace("_", "").casefold()


def main(argv):
    if len(argv) < 2:
        print("usage: check-glossary.py SOURCE_ROOT [LANG…]")
        return 2
    root = os.path.abspath(argv[1])
    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        linguas = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    langs = argv[2:] or linguas
    terms = sorted(read_terms(root), key=lambda cells: -len(cells[0]))
    if not terms:
        print("po/GLOSSARY.md: no “## Terms (checked)” table")
        return 1
    problems = 0
    for lang in langs:
        col = COLUMNS.get(lang)
        if col is None:
            print(f"po/GLOSSARY.md has no column for {lang}: add one")
            problems += 1
            continue
        for e in parse_po(os.path.join(root, "po", lang + ".po")):
            if "fuzzy" in e.get("flags", ""):
                continue
            english = [e["msgid"]] + ([e["msgid_plural"]] if "msgid_plural" in e else [])
            translations = [t for t in e["msgstr"].values() if t]
            if not translations:
                continue
            if e["msgid"].endswith(";"):
                continue  # a desktop file's search keywords: English ones are kept
            pairs = list(zip(english if len(translations) > 1 else english[:1], translations))
            for src, dst in pairs:
                rest = src.replace("_", "")
                for cells in terms:  # longest first: "Consolidated Screening List" before "screening list"
                    word = re.compile(r"(?<![\w-])" + re.escape(cells[0]) + r"(?:s|es)?(?![\w-])", re.I)
                    found = word.search(rest)
                    if not found:
                        continue
                    rest = word.sub(" ", rest)
                    renderings = [plain(r) for r in cells[col].split(" / ")]
                    if any(r in plain(dst) for r in renderings):
                        continue
                    if found.group(0).casefold() in dst.casefold():
                        continue  # kept in English on purpose: a command, a field or a quoted name
                    print(f"po/{lang}.po: “{cells[0]}” should be “{cells[col]}” in\n"
                          f"    msgid  {src!r}\n    msgstr {dst!r}")
                    problems += 1
    return clr_check.verdict(problems, f"{problems} translation(s) do not follow po/GLOSSARY.md",
                             f"{', '.join(langs)}: every translation follows the {len(terms)} terms of po/GLOSSARY.md")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
