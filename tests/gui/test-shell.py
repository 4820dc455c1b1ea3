#!/usr/bin/python3
# test-shell.py — end to end: start the real `clearance`, drive it over AT-SPI
# like a person with a screen reader would, and save a screenshot.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-shell.py CLEARANCE_BINARY ARTIFACTS_DIR
# Run under run-gui-test.sh (Xvfb outside a private D-Bus session). Exits 77
# (skip) without a display or without python3-gi's Atspi.
#
# Steps: start with a temporary --db; find the main window and the three pages
# by accessible name; switch pages with the view switcher; open the main menu
# and the Keyboard Shortcuts, Preferences and Audit Log windows from it, checking
# every control has an accessible name (and the Audit Log's Verify Integrity);
# take screenshots; quit with Ctrl+Q and check
# the app exits cleanly and created its database.

import os
import re
import subprocess
import sys
import tempfile
import time

# The driver is not under test: libatspi's harmless warnings (no cache
# interface in GTK 4.8) must not abort it. GLib reads G_DEBUG when it loads.
os.environ.pop("G_DEBUG", None)

# The helpers beside this script; no bytecode left in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clr_atspi import (Atspi, GLib, KEY_1, KEY_2, KEY_3, KEY_ALT_L,  # noqa: E402
                       KEY_CONTROL_L, KEY_ESCAPE, KEY_Q, app_env, children, do_action,
                       find_app, log, press_keys, screenshot, watch)
import clr_atspi  # noqa: E402


app_log = None


def wait_for(fn, what, timeout=60.0, step=0.05):
    return clr_atspi.wait_for(fn, what, timeout, step)


def app_output():
    if app_log is None:
        return ""
    app_log.flush()
    app_log.seek(0)
    return app_log.read()


def find_toplevel(app, role, name):
    for w in children(app):
        if w.get_role_name() == role and w.get_name() == name:
            return w
    return None


def extents(acc):
    # Window coordinates: GTK 4.8 does not support screen coordinates.
    return Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)


def has_state(acc, state):
    return acc.get_state_set().contains(state)


# Roles of things a person operates; each needs an accessible name. (List
# items are containers: their rows' labels speak for them.)
CONTROL_ROLES = {"push button", "toggle button", "check box", "radio button", "text",
                 "password text", "spin button", "combo box", "menu item", "page tab",
                 "slider", "entry", "link"}


def badly_named(nodes):
    """Controls whose name a screen reader would say wrong: twice over
    ("Evaluate Evaluate", GTK 4.8 naming a mnemonic button from its label and
    its text) or with the mnemonic's underscore ("_Match")."""
    bad = []
    for r, n, _, path in nodes:
        if r not in CONTROL_ROLES or not n:
            continue
        words = n.replace("_", "").split()
        half = len(words) // 2
        doubled = len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]
        if doubled or re.search(r"(^|\s)_\w", n):
            bad.append(f"{r} {n!r} at {path}")
    return bad


def walk(root):
    """(role, name, accessible, path) for every node under root, in one pass;
    path is the child-index path, so subtrees can be selected by prefix."""
    out, stack = [], [(root, "")]
    while stack:
        acc, path = stack.pop()
        try:
            out.append((acc.get_role_name(), acc.get_name(), acc, path))
            n = acc.get_child_count()
            for i in reversed(range(n)):
                c = acc.get_child_at_index(i)
                if c is not None:
                    stack.append((c, f"{path}/{i}"))
        except GLib.Error:
            continue
    return out


def main():
    binary, artifacts = sys.argv[1], sys.argv[2]
    os.makedirs(artifacts, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="clearance-shell-test-")
    db = os.path.join(tmp, "clearance.db")

    env = app_env()

    global app_log
    app_log = open(os.path.join(artifacts, "shell-app.log"), "w+")
    app_proc = subprocess.Popen([binary, "--db", db], env=env, stdout=app_log, stderr=subprocess.STDOUT)
    # A display refusing the app is the test rig, not the app (seen before
    # run-gui-test.sh started Xvfb with -noreset): start it again, at most 3 times.
    for _ in range(3):
        try:
            app_proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            break
        if "cannot open display" not in app_output():
            break
        print("# the display refused the app; starting it again")
        app_log.seek(0)
        app_log.truncate()
        time.sleep(0.5)
        app_proc = subprocess.Popen([binary, "--db", db], env=env, stdout=app_log,
                                    stderr=subprocess.STDOUT)
    watch(app_proc, app_output)
    try:
        app = wait_for(lambda: find_app(app_proc.pid), "the app on the accessibility bus")
        log("app on the bus")
        window = wait_for(lambda: find_toplevel(app, "frame", "Clearance"), "the main window")
        log("main window")

        # Every query is a D-Bus round trip: walk the window once, look up after.
        def window_nodes():
            nodes = walk(window)
            names = {n for r, n, _, _ in nodes if r == "panel"}
            return nodes if {"Shipment", "Review", "Lists"} <= names else None

        nodes = wait_for(window_nodes, "the three pages in the main window")

        def lookup(role, name):
            return [acc for r, n, acc, _ in nodes if r == role and n == name]

        # The three pages, by accessible name (what each shows is the pages' own
        # business and tested with them).
        pages = {name: lookup("panel", name)[0] for name in ("Shipment", "Review", "Lists")}
        log("pages found")

        # Every control a person can operate has a name a screen reader can say.
        unnamed = [f"{r} at {path}" for r, n, _, path in nodes
                   if r in CONTROL_ROLES and not (n or "").strip()]
        assert not unnamed, "controls without an accessible name: " + ", ".join(unnamed)
        # … and says it once: one accessible name per control.
        bad = badly_named(nodes)
        assert not bad, "controls named twice or with a mnemonic underscore: " + ", ".join(bad)

        # Switch pages with the view switcher, as a person would. The header
        # holds a wide and a narrow switcher; only the one on screen has a size.
        tabs = {}
        for name in pages:
            shown = [t for t in lookup("page tab", name) if extents(t).width > 0]
            assert len(shown) == 1, f"expected one view switcher tab {name!r} on screen"
            tabs[name] = shown[0]

        for name in ("Lists", "Review", "Shipment"):
            do_action(tabs[name], "click")
            wait_for(lambda: has_state(tabs[name], Atspi.StateType.SELECTED),
                     f"the {name} tab to be selected")
            for other in tabs:
                if other != name:
                    assert not has_state(tabs[other], Atspi.StateType.SELECTED), \
                        f"the {other} tab is still selected after choosing {name}"
            wait_for(lambda: extents(pages[name]).width > 0, f"the {name} page on screen")
            if name == "Lists":
                time.sleep(0.3)
                screenshot(os.path.join(artifacts, "shell-lists.png"))
        # The same from the keyboard: Alt+3, Alt+2, Alt+1.
        for keycode, name in ((KEY_3, "Lists"), (KEY_2, "Review"), (KEY_1, "Shipment")):
            press_keys([KEY_ALT_L, keycode])
            wait_for(lambda: has_state(tabs[name], Atspi.StateType.SELECTED),
                     f"Alt+{keycode - KEY_1 + 1} to show the {name} page")
        log("pages switched")

        # Main menu → Keyboard Shortcuts.
        # GtkMenuButton shows as a named group around the real button; the
        # popover menu appears inside the group.
        menu_group = lookup("push button", "Main Menu")[0]
        menu_buttons = [b for b in lookup("push button", "Main Menu")
                        if Atspi.Action.get_n_actions(b) > 0]
        assert menu_buttons, "no Main Menu button"

        def open_from_main_menu(item, also=()):
            """Main Menu → @item (the menu must also hold @also): its window."""
            do_action(menu_buttons[0], "click")
            menu = wait_for(lambda: {n: acc for r, n, acc, _ in walk(menu_group) if r == "menu item"}
                            or None, "the main menu")
            for label in (item, *also):
                assert label in menu, f"no {label!r} in the main menu: {sorted(menu)}"
            do_action(menu[item], "click")
            return wait_for(lambda: find_toplevel(app, "frame", item), f"the {item} window")

        def look_and_close(window, title, artifact):
            """A screenshot of the open @window, then Escape closes it."""
            log(f"{title} window")
            time.sleep(0.3)
            screenshot(os.path.join(artifacts, artifact))
            press_keys([KEY_ESCAPE])
            wait_for(lambda: find_toplevel(app, "frame", title) is None
                     or not has_state(window, Atspi.StateType.VISIBLE),
                     f"the {title} window to close")

        shortcuts = open_from_main_menu("Keyboard Shortcuts", also=("Preferences", "About Clearance"))
        wait_for(lambda: {n for r, n, _, _ in walk(shortcuts) if r == "label"}
                          >= {"Quit", "Preferences", "Close Window", "Audit Log", "Shipment", "Review",
                              "Lists"}
                          and True, "the shortcuts in the shortcuts window")
        # Escape closes the shortcuts window.
        look_and_close(shortcuts, "Keyboard Shortcuts", "shell-shortcuts.png")

        # Main menu → Preferences: every control named, then Escape closes it.
        prefs = open_from_main_menu("Preferences")
        prefs_nodes = wait_for(lambda: (lambda ns: ns if any(r == "spin button" for r, _, _, _ in ns)
                                        else None)(walk(prefs)),
                               "the Preferences window's rows")
        unnamed = [f"{r} at {path}" for r, n, _, path in prefs_nodes
                   if r in CONTROL_ROLES and not (n or "").strip()]
        assert not unnamed, "Preferences controls without an accessible name: " + ", ".join(unnamed)
        bad = badly_named(prefs_nodes)
        assert not bad, "Preferences controls named twice or with an underscore: " + ", ".join(bad)
        # The spin buttons are named by their rows (labelled-by), once.
        spin_names = sorted(n for r, n, _, _ in prefs_nodes if r == "spin button")
        assert spin_names == ["Default Screening Threshold", "List Staleness Limit"], \
            f"unexpected spin button names: {spin_names}"
        look_and_close(prefs, "Preferences", "shell-preferences.png")

        # Main menu → Audit Log: every control named, Verify Integrity says the
        # trail is intact, then Escape closes the window.
        audit = open_from_main_menu("Audit Log")
        audit_nodes = wait_for(lambda: (lambda ns: ns if any(r == "push button" and n == "Verify Integrity"
                                                             for r, n, _, _ in ns) else None)(walk(audit)),
                               "the Audit Log window's controls")
        unnamed = [f"{r} at {path}" for r, n, _, path in audit_nodes
                   if r in CONTROL_ROLES and not (n or "").strip()]
        assert not unnamed, "Audit Log controls without an accessible name: " + ", ".join(unnamed)
        names = {n for r, n, _, _ in audit_nodes}
        for name in ("Filter by case", "Filter by party", "Filter by reviewer", "Export", "Audit events"):
            assert name in names, f"no {name!r} in the Audit Log window"
        verify = [acc for r, n, acc, _ in audit_nodes if r == "push button" and n == "Verify Integrity"]
        do_action(verify[0], "click")
        wait_for(lambda: any(r == "label" and (n or "").startswith("Intact:")
                             for r, n, _, _ in walk(audit)), "Verify Integrity to say the trail is intact")
        look_and_close(audit, "Audit Log", "shell-audit-log.png")

        # Ctrl+Q quits.
        press_keys([KEY_CONTROL_L, KEY_Q])
        rc = app_proc.wait(timeout=60)
        log("quit")
        assert rc == 0, f"clearance exited with status {rc}"
        assert os.path.isfile(db), "the database was not created at --db"
        return clr_atspi.passed()
    finally:
        clr_atspi.clean_up(app_proc, tmp)


if __name__ == "__main__":
    sys.exit(main())
