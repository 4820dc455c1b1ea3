#!/usr/bin/env python3
# check-metainfo.py — the metainfo agrees with the project (beyond appstreamcli).
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-metainfo.py METAINFO APP_ID VERSION SOURCE_ROOT [--screenshots]
# Checks that the launchable is the desktop file of APP_ID, that the newest
# release is this version, that there is a content rating and the icons exist.
# With --screenshots, checks instead that every screenshot names a picture the
# project ships in data/screenshots/ (skipped, exit 77, while that folder does
# not exist).

import os
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_check  # noqa: E402


def version_key(v):
    return [int(p) if p.isdigit() else p for p in v.replace("-", ".").split(".")]


def check_screenshots(path, comp, root):
    shots_dir = os.path.join(root, "data", "screenshots")
    images = [s.findtext("image") or "" for s in comp.findall("screenshots/screenshot")]
    if not images:
        print(f"{path}: no <screenshot>", file=sys.stderr)
        return 1
    if not os.path.isdir(shots_dir):
        print("# data/screenshots/ does not exist yet: skipped")
        return 77
    missing = [u for u in images
               if not os.path.isfile(os.path.join(shots_dir, u.rsplit("/", 1)[-1]))]
    for url in missing:
        print(f"{path}: screenshot {url} has no picture data/screenshots/{url.rsplit('/', 1)[-1]}",
              file=sys.stderr)
    if missing:
        return 1
    print(f"# {len(images)} screenshots present in data/screenshots/")
    return 0


def main():
    path, app_id, version, root = sys.argv[1:5]
    screenshots_mode = "--screenshots" in sys.argv[5:]
    problems = []
    tree = ET.parse(path)
    comp = tree.getroot()

    def check(cond, message):
        if not cond:
            problems.append(f"{path}: {message}")

    if screenshots_mode:
        return check_screenshots(path, comp, root)

    check(comp.findtext("id") == app_id, f"<id> is {comp.findtext('id')!r}, expected {app_id!r}")
    launchable = comp.find("launchable[@type='desktop-id']")
    check(launchable is not None and launchable.text == f"{app_id}.desktop",
          f"<launchable type='desktop-id'> must be {app_id}.desktop")
    check(comp.find("content_rating") is not None, "no <content_rating>")

    releases = comp.findall("releases/release")
    check(len(releases) > 0, "no <release>")
    if releases:
        versions = [r.get("version", "") for r in releases]
        check(versions == sorted(versions, key=version_key, reverse=True),
              f"releases must be newest first: {versions}")
        check(versions[0] == version,
              f"the newest release is {versions[0]}, but meson.build says {version}")
        for r in releases:
            check(r.get("date") is not None, f"release {r.get('version')} has no date")

    icon_dir = os.path.join(root, "data", "icons", "hicolor")
    for rel in ("scalable/apps/dev.clearance.Clearance.svg",
                "scalable/apps/dev.clearance.Clearance.Devel.svg",
                "symbolic/apps/dev.clearance.Clearance-symbolic.svg"):
        check(os.path.isfile(os.path.join(icon_dir, rel)), f"icon {rel} is missing")

    return clr_check.report(problems, f"# {path}: ok")


if __name__ == "__main__":
    sys.exit(main())
