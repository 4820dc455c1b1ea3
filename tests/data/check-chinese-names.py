#!/usr/bin/env python3
# check-chinese-names.py — data/matching/chinese-names.json is well formed and names real entries
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-chinese-names.py FILE [SHARED_DATA]
# Checks the schema (format "clearance-chinese-names", version 1, legal_forms, names with
# zh, zh_aliases, en, list, source, source_url), that no Chinese name appears twice (as zh
# or alias), that every name is written in Han script, and that there are at least 300
# rows. With SHARED_DATA (the ../shared/data folder) present, also checks that every `en`
# is the primary name or an alias, exactly as published, of an entry of `list` in the
# 2026-07-31 CSL; without it that part is skipped (and said so).

import csv
import io
import json
import lzma
import os
import re
import sys

LISTS = {"EL", "MEU", "UVL", "NS-CMIC", "SDN", "DPL", "DTC", "ISN", "SSI", "NS-MBS", "PLC", "CAP"}
CSL = os.path.join("csl", "2026-07-31_compact", "consolidated-rebuilt.csv.xz")
CSL_CODES = {"CMIC": "NS-CMIC", "NS-MBS List": "NS-MBS"}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3007]")
ALLOWED = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\u3007()（）A-Za-z0-9·]+$")
MIN_ROWS = 300


def fail(errors, where, msg):
    errors.append(f"{where}: {msg}")


def check_schema(path, doc, errors):
    if not isinstance(doc, dict):
        fail(errors, path, "top level is not an object")
        return []
    if doc.get("format") != "clearance-chinese-names":
        fail(errors, path, f"format is {doc.get('format')!r}, expected 'clearance-chinese-names'")
    if doc.get("version") != 1:
        fail(errors, path, f"version is {doc.get('version')!r}, expected 1")
    forms = doc.get("legal_forms")
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and HAN.search(f) for f in forms):
        fail(errors, path, "legal_forms must be a non-empty list of Chinese strings")
    names = doc.get("names")
    if not isinstance(names, list):
        fail(errors, path, "names must be a list")
        return []
    allowed_keys = {"zh", "zh_aliases", "en", "list", "source", "source_url"}
    seen = {}
    for i, row in enumerate(names):
        where = f"{path}: names[{i}]"
        if not isinstance(row, dict):
            fail(errors, where, "not an object")
            continue
        extra = set(row) - allowed_keys
        if extra:
            fail(errors, where, f"unknown field(s) {sorted(extra)}")
        for key in ("zh", "en", "list", "source", "source_url"):
            if not isinstance(row.get(key), str) or not row.get(key).strip():
                fail(errors, where, f"field {key!r} missing or empty")
        aliases = row.get("zh_aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            fail(errors, where, "zh_aliases must be a list of non-empty strings")
            aliases = []
        for z in [row.get("zh")] + aliases:
            if not isinstance(z, str):
                continue
            if not HAN.search(z) or not ALLOWED.match(z):
                fail(errors, where, f"{z!r} is not a Chinese name (Han script, digits, Latin letters, parentheses)")
            if z in seen:
                fail(errors, where, f"Chinese name {z!r} also in names[{seen[z]}]")
            seen[z] = i
        if row.get("list") not in LISTS:
            fail(errors, where, f"list {row.get('list')!r} is not a known list code")
        url = row.get("source_url")
        if isinstance(url, str) and not re.match(r"^https?://[^\s/]+\.[^\s]+$", url):
            fail(errors, where, f"source_url {url!r} is not an http(s) address")
    if len(names) < MIN_ROWS:
        fail(errors, path, f"{len(names)} rows, at least {MIN_ROWS} expected")
    return names


def check_against_csl(path, names, shared, errors):
    src = os.path.join(shared, CSL)
    if not os.path.exists(src):
        print(f"# {CSL} not under {shared}: entry names not checked")
        return
    published = {}
    with lzma.open(src, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            m = re.search(r"\(([^)]*)\)", r["source"])
            code = CSL_CODES.get(m.group(1), m.group(1)) if m else r["source"]
            s = published.setdefault(code, set())
            s.add(r["name"].strip())
            for a in (r["alt_names"] or "").split(";"):
                if a.strip():
                    s.add(a.strip())
    for i, row in enumerate(names):
        if not isinstance(row, dict):
            continue
        en, lst = row.get("en"), row.get("list")
        if en not in published.get(lst, ()):
            fail(errors, f"{path}: names[{i}]", f"en {en!r} is no name or alias of a {lst} entry in the 2026 CSL")
    print(f"# {len(names)} rows checked against {CSL}")


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    path = sys.argv[1]
    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 1
    names = check_schema(path, doc, errors)
    if len(sys.argv) == 3:
        check_against_csl(path, names, sys.argv[2], errors)
    for e in errors:
        print(e, file=sys.stderr)
    if not errors:
        print(f"# {path}: {len(names)} rows, {sum(len(r.get('zh_aliases', [])) for r in names)} aliases: ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
