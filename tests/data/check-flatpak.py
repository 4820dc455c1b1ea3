#!/usr/bin/env python3
# check-flatpak.py — offline checks of the flatpak manifest beyond JSON syntax.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak.py MANIFEST EXPECTED_APP_ID
# flatpak-builder cannot build offline here (no runtimes), so this checks what
# a build would rely on: the id and command, a "dir" source that really is this
# project, the development profile, tests run during the build, and finish-args
# limited to what the app needs (the file chooser goes through the portal).

import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_check  # noqa: E402

ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
    "--share=network",      # list downloads (libsoup)
}


def main():
    manifest_path, expected_id = sys.argv[1], sys.argv[2]
    problems = []

    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"{manifest_path}: {e}", file=sys.stderr)
        return 1

    def check(cond, message):
        if not cond:
            problems.append(f"{manifest_path}: {message}")

    check(manifest.get("id") == expected_id,
          f"id is {manifest.get('id')!r}, expected {expected_id!r}")
    check(manifest.get("command") == "clearance",
          f"command is {manifest.get('command')!r}, expected 'clearance'")
    check(manifest.get("runtime") == "org.gnome.Platform", "runtime must be org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk", "sdk must be org.gnome.Sdk")
    check(isinstance(manifest.get("runtime-version"), str), "runtime-version must be a string")

    finish_args = manifest.get("finish-args", [])
    check(isinstance(finish_args, list), "finish-args must be a list")
    for arg in finish_args if isinstance(finish_args, list) else []:
        check(arg in ALLOWED_FINISH_ARGS,
              f"finish-arg {arg!r} is not needed (the file chooser uses the portal)")
    for required in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11"):
        check(required in finish_args, f"finish-args lacks {required}")

    modules = manifest.get("modules", [])
    main_modules = [m for m in modules if isinstance(m, dict) and m.get("name") == "clearance"]
    check(len(main_modules) == 1, "there must be exactly one module named 'clearance'")
    if main_modules:
        module = main_modules[0]
        check(module is modules[-1], "the clearance module must be built last")
        check(module.get("buildsystem") == "meson", "buildsystem must be meson")
        check(module.get("run-tests") is True, "run-tests must be true")
        check("-Dprofile=development" in module.get("config-opts", []),
              "config-opts must select -Dprofile=development for the .Devel id")
        sources = module.get("sources", [])
        dirs = [s for s in sources if isinstance(s, dict) and s.get("type") == "dir"]
        check(len(dirs) == 1, "the module must build the working tree (one source of type dir)")
        if dirs:
            root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(manifest_path)),
                                                 dirs[0].get("path", "")))
            meson_build = os.path.join(root, "meson.build")
            ok = os.path.isfile(meson_build)
            if ok:
                with open(meson_build, encoding="utf-8") as f:
                    ok = "project('clearance'" in f.read()
            check(ok, f"the dir source {dirs[0].get('path')!r} does not point at the project root")

    # Chinese names need a Chinese face (Noto Sans CJK, the Debian package
    # fonts-noto-cjk): the GNOME runtime has no CJK font.
    fonts = [m for m in modules if isinstance(m, dict) and m.get("name") == "fonts-noto-cjk"]
    check(len(fonts) == 1, "there must be a module 'fonts-noto-cjk' (Chinese names in the app and the PDF)")
    if fonts:
        srcs = fonts[0].get("sources", [])
        check(all(isinstance(s, dict) and s.get("url", "").startswith("https://")
                  and len(s.get("sha256", "")) == 64 for s in srcs) and srcs,
              "the fonts-noto-cjk module needs https sources with a sha256")
        check(any("/app/share/fonts" in c for c in fonts[0].get("build-commands", [])),
              "the fonts-noto-cjk module must install into /app/share/fonts")

    return clr_check.report(problems, f"# {manifest_path}: ok")


if __name__ == "__main__":
    sys.exit(main())
