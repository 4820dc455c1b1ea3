#!/usr/bin/env python3
# check-contrast.py — text in the app has a contrast of at least 4.5:1
# (WCAG 2.1 AA) in the light and the dark style.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-contrast.py SOURCE_ROOT [ADWAITA_LIBRARY]
# The colours come from where the app gets them: libadwaita's own stylesheets
# (named colours and palette, extracted from the installed library with
# `gresource`) overridden by the app's stylesheets (ui/style.css, and
# ui/style-dark.css for the dark style), then the app's page stylesheets
# (ui/*/*.css). Checked:
#  - every rule of the app's stylesheets that sets a text colour, a
#    background or an opacity: its text on its background, over each surface
#    it can sit on (window, view, card, popover);
#  - the libadwaita style classes the sources put on text (.warning, .error,
#    .success, .accent, .dim-label, .caption, a row's subtitle, a row with
#    .warning/.error): the same; a class used in the sources and not known to
#    this script fails, so new text styles get measured.
# Exit 1 lists each pair below 4.5:1 with its colours.

import glob
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_check  # noqa: E402

MIN = 4.5
ADW_CLASSES = ("warning", "error", "success", "accent", "dim-label", "caption",
               "caption-heading", "heading", "title-1", "title-2", "title-3", "title-4",
               "monospace", "numeric", "body")
TEXT_COLOUR_CLASSES = ("warning", "error", "success", "accent")


def extract(library, path):
    return subprocess.run(["gresource", "extract", library, path], capture_output=True,
                          text=True, check=True).stdout


def defines(css):
    return dict(re.findall(r"@define-color\s+([\w-]+)\s+([^;]+);", css))


def strip_comments(css):
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def rules(css):
    """(selector, {property: value}) of each plain rule."""
    out = []
    css = re.sub(r"@define-color[^;]*;", "", strip_comments(css))
    for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        props = {}
        for decl in body.split(";"):
            if ":" in decl:
                k, v = decl.split(":", 1)
                props[k.strip()] = v.strip()
        out.append((" ".join(sel.split()), props))
    return out


class Palette:
    def __init__(self, names):
        self.names = names

    def colour(self, expr, current=None, depth=0):
        """(r, g, b, a) with r, g, b in 0–255 and a in 0–1."""
        e = expr.strip()
        if depth > 20:
            raise ValueError(f"colour loop at {expr}")
        if e.startswith("@"):
            return self.colour(self.names[e[1:]], current, depth + 1)
        if e == "currentColor":
            if current is None:
                raise ValueError("currentColor without a text colour")
            return current
        if e == "white":
            return (255, 255, 255, 1.0)
        if e == "black":
            return (0, 0, 0, 1.0)
        if e == "transparent":
            return (0, 0, 0, 0.0)
        m = re.fullmatch(r"#([0-9a-fA-F]{6})", e)
        if m:
            h = m.group(1)
            return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), 1.0)
        m = re.fullmatch(r"#([0-9a-fA-F]{3})", e)
        if m:
            h = m.group(1)
            return tuple(int(c * 2, 16) for c in h) + (1.0,)
        m = re.fullmatch(r"rgba?\((.*)\)", e)
        if m:
            parts = [p.strip() for p in m.group(1).split(",")]
            a = float(parts[3]) if len(parts) > 3 else 1.0
            return (float(parts[0]), float(parts[1]), float(parts[2]), a)
        m = re.fullmatch(r"(alpha|mix|shade|lighter|darker)\((.*)\)", e)
        if m:
            fn, args = m.group(1), split_args(m.group(2))
            if fn == "alpha":
                c = self.colour(args[0], current, depth + 1)
                return c[:3] + (c[3] * float(args[1]),)
            if fn == "mix":
                a = self.colour(args[0], current, depth + 1)
                b = self.colour(args[1], current, depth + 1)
                f = float(args[2])
                return tuple(a[i] + (b[i] - a[i]) * f for i in range(4))
            raise ValueError(f"{fn}() is not supported by this check")
        raise ValueError(f"unknown colour {expr!r}")


def split_args(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    out.append(cur)
    return [a.strip() for a in out]


def over(top, bottom, opacity=1.0):
    """@top composited over the opaque @bottom."""
    a = top[3] * opacity
    return tuple(top[i] * a + bottom[i] * (1 - a) for i in range(3)) + (1.0,)


def luminance(c):
    def lin(v):
        v /= 255.0
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def hexa(c):
    return "#%02x%02x%02x" % tuple(round(v) for v in c[:3])


def main(argv):
    if len(argv) < 2:
        print("usage: check-contrast.py SOURCE_ROOT [ADWAITA_LIBRARY]")
        return 2
    root = os.path.abspath(argv[1])
    library = argv[2] if len(argv) > 2 else None
    if library is None:
        libdir = subprocess.run(["pkg-config", "--variable=libdir", "libadwaita-1"],
                                capture_output=True, text=True).stdout.strip()
        library = os.path.join(libdir, "libadwaita-1.so.0")
    if not os.path.exists(library):
        print(f"# {library} not found: skipped")
        return 77

    base = extract(library, "/org/gnome/Adwaita/styles/base.css")
    adw_opacity = {}
    for sel, props in rules(base):
        if "opacity" in props:
            for s in sel.split(","):
                adw_opacity[s.strip()] = float(props["opacity"])
    dim = adw_opacity.get(".dim-label", 0.55)
    subtitle = adw_opacity.get("row label.subtitle", 0.55)

    def read(path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    app_light = read(os.path.join(root, "ui", "style.css"))
    dark_path = os.path.join(root, "ui", "style-dark.css")
    app_dark = read(dark_path) if os.path.exists(dark_path) else ""
    page_css = {p: read(p) for p in sorted(glob.glob(os.path.join(root, "ui", "*", "*.css")))}
    app_rules = rules(app_light) + [r for css in page_css.values() for r in rules(css)]
    # The app may change the dimming (a rule setting opacity on .dim-label or
    # a row's subtitle, in general or inside a colour class).
    app_opacity = {}
    for sel, props in app_rules:
        if "opacity" in props:
            for s in sel.split(","):
                app_opacity[s.strip()] = float(props["opacity"])
    dim = app_opacity.get(".dim-label", dim)
    subtitle = app_opacity.get("row label.subtitle", subtitle)

    problems = []
    checked = 0
    for style in ("light", "dark"):
        names = defines(base)
        names.update(defines(extract(library, f"/org/gnome/Adwaita/styles/defaults-{style}.css")))
        names.update(defines(app_light))
        if style == "dark":
            names.update(defines(app_dark))
        for css in page_css.values():
            names.update(defines(css))
        pal = Palette(names)
        window = pal.colour("@window_bg_color")
        surfaces = {
            "window": (window, pal.colour("@window_fg_color")),
            "view": (over(pal.colour("@view_bg_color"), window), pal.colour("@view_fg_color")),
            "card": (over(pal.colour("@card_bg_color"), window), pal.colour("@card_fg_color")),
            "popover": (over(pal.colour("@popover_bg_color"), window), pal.colour("@popover_fg_color")),
        }

        def check(what, fg_expr, bg_expr=None, opacity=1.0, on=("window", "view", "card", "popover")):
            nonlocal checked
            for sname in on:
                sbg, sfg = surfaces[sname]
                fg = pal.colour(fg_expr, current=sfg) if fg_expr else sfg
                bg = over(pal.colour(bg_expr, current=fg), sbg) if bg_expr else sbg
                text = over(fg, bg, opacity)
                ratio = contrast(text, bg)
                checked += 1
                if ratio < MIN:
                    problems.append(f"{style}: {what} on {sname}: {hexa(text)} on {hexa(bg)} = "
                                    f"{ratio:.2f}:1 (needs {MIN}:1)")

        # Plain text and dimmed text.
        check("text", None)
        check(".dim-label text", None, opacity=dim)
        check("a row's subtitle", None, opacity=subtitle, on=("card", "view", "popover"))
        # libadwaita's colour classes on text, plain, dimmed and as a row's subtitle.
        for cls in TEXT_COLOUR_CLASSES:
            check(f".{cls} text", f"@{cls}_color")
            check(f".{cls} .dim-label text", f"@{cls}_color",
                  opacity=app_opacity.get(f".{cls} .dim-label", dim))
            check(f"row.{cls} subtitle", f"@{cls}_color",
                  opacity=app_opacity.get(f"row.{cls} label.subtitle", subtitle),
                  on=("card", "view", "popover"))
            check(f".{cls}-bg text (buttons, banners)", f"@{cls}_fg_color" if cls != "error" else "@error_fg_color",
                  f"@{cls}_bg_color")

        # Each rule of the app's stylesheets.
        for sel, props in app_rules:
            colour = props.get("color")
            background = props.get("background-color")
            opacity = props.get("opacity")
            if colour is None and background is None and opacity is None:
                continue
            if colour is None and background is None and sel in app_opacity and \
                    ("dim-label" in sel or "subtitle" in sel):
                continue  # the dimming rules, measured above
            if colour is None:
                last = sel.split(",")[0].split()[-1]
                for cls in TEXT_COLOUR_CLASSES:
                    if re.search(r"\." + cls + r"\b", last) and "-bg" not in last:
                        colour = f"@{cls}_color"
            op = float(opacity) if opacity is not None else 1.0
            try:
                check(f"“{sel}”", colour, background, op)
            except ValueError as e:
                problems.append(f"{style}: “{sel}”: {e}")

    # Every colour class the sources put on widgets is one this script knows.
    used = set()
    for path in glob.glob(os.path.join(root, "app", "gui", "**", "*.c"), recursive=True):
        used.update(re.findall(r'add_css_class\s*\([^,]+,\s*"([\w-]+)"\)', read(path)))
    for path in glob.glob(os.path.join(root, "ui", "**", "*.ui"), recursive=True):
        used.update(re.findall(r'<class name="([\w-]+)"', read(path)))
    own = set()
    for css in [app_light, app_dark] + list(page_css.values()):
        own.update(re.findall(r"\.([a-zA-Z][\w-]*)", strip_comments(css)))
    colourish = {c for c in used if re.search(r"warning|error|success|accent|dim|destructive|danger|amber", c)}
    unknown = sorted(c for c in colourish if c not in ADW_CLASSES and c not in own
                     and c not in ("suggested-action", "destructive-action"))
    for c in unknown:
        problems.append(f"style class “{c}” is used but its text contrast is not measured here")

    for p in problems:
        print(p)
    return clr_check.verdict(problems, f"{len(problems)} of {checked} text/background pairs below {MIN}:1",
                             f"{checked} text/background pairs in the light and dark styles: all ≥ {MIN}:1")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
