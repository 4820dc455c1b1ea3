#!/usr/bin/python3
# test-lists-e2e.py — end to end over AT-SPI: the Lists page of the real `clearance`.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-lists-e2e.py CLEARANCE_BINARY DATA_DIR ARTIFACTS_DIR
# Run under run-gui-test.sh (Xvfb outside a private D-Bus session). Exits 77
# (skip) without a display or without python3-gi's Atspi.
#
# Steps: start with an empty database; the Lists page says no lists are
# loaded; Import File… through the file chooser with the CSL fixture v1 → the
# counts; add a custom source whose address is a local HTTP server on
# 127.0.0.1 and download it (v1), then let the server serve the changed v2
# and download again → updated; What Changed lists the added entry (opened in
# its own window); Search finds it. Screenshots go to ARTIFACTS_DIR.

import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

SKIP = 77

if not os.environ.get("DISPLAY"):
    print("no display: skipping")
    sys.exit(SKIP)

# The suite's G_DEBUG=fatal-warnings is for the app; libatspi in this driver
# warns harmlessly ("GetItems … /org/a11y/atspi/cache"), so run without it.
if "fatal" in os.environ.get("G_DEBUG", ""):
    env = dict(os.environ)
    env.pop("G_DEBUG")
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:
    print(f"no AT-SPI bindings ({e}): skipping")
    sys.exit(SKIP)

app_proc = None
START = time.monotonic()
ADDED = "Beijing Zhipu Huazhang Technology Co., Ltd."

# X keycodes of Xvfb's default (evdev) keymap.
KEY_RETURN = 36
KEY_CONTROL_L = 37
KEY_L = 46


def log(message):
    print(f"# {time.monotonic() - START:6.2f}s {message}", flush=True)


def wait_for(fn, what, timeout=20.0, step=0.1):
    end = time.monotonic() + timeout
    while True:
        if app_proc is not None and app_proc.poll() is not None:
            raise AssertionError(f"clearance exited (status {app_proc.returncode}) "
                                 f"while waiting for {what}")
        try:
            r = fn()
            if r:
                return r
        except GLib.Error:
            pass
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(step)


def children(acc):
    for i in range(acc.get_child_count()):
        c = acc.get_child_at_index(i)
        if c is not None:
            yield c


# The other pages' subtrees are large and every query is a D-Bus round trip.
SKIP_PANELS = {"Shipment", "Review"}


def walk(root):
    out, stack = [], [root]
    while stack:
        acc = stack.pop()
        try:
            if acc is not root and acc.get_role_name() == "panel" and acc.get_name() in SKIP_PANELS:
                continue
            out.append(acc)
            stack.extend(reversed(list(children(acc))))
        except GLib.Error:
            continue
    return out


def width(acc):
    try:
        return Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW).width
    except GLib.Error:
        return 0


def shown(root, role=None, name=None, description=None, endswith=None):
    """Nodes on screen (with a size) matching role / name / description."""
    out = []
    for acc in walk(root):
        try:
            if role is not None and acc.get_role_name() != role:
                continue
            if name is not None and acc.get_name() != name:
                continue
            if endswith is not None and not (acc.get_name() or "").endswith(endswith):
                continue
            if description is not None and acc.get_description() != description:
                continue
            if width(acc) > 0:
                out.append(acc)
        except GLib.Error:
            continue
    return out


def text_of(acc):
    # GTK 4.8: get_text (0, -1) is "", ask for the length first.
    return Atspi.Text.get_text(acc, 0, Atspi.Text.get_character_count(acc))


def label_text(root, description):
    labels = shown(root, "label", description=description)
    return text_of(labels[0]) if labels else ""


def do_action(acc, action="click"):
    for i in range(Atspi.Action.get_n_actions(acc)):
        if Atspi.Action.get_action_name(acc, i) == action:
            return Atspi.Action.do_action(acc, i)
    raise AssertionError(f"{acc.get_role_name()} {acc.get_name()!r} has no action {action!r}")


def click(acc):
    # Window coordinates: no window manager, the window sits at 0,0.
    e = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(e.x + e.width // 2, e.y + e.height // 2, "b1c")


def press_keys(keycodes):
    for k in keycodes[:-1]:
        Atspi.generate_keyboard_event(k, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(keycodes[-1], None, Atspi.KeySynthType.PRESSRELEASE)
    for k in reversed(keycodes[:-1]):
        Atspi.generate_keyboard_event(k, None, Atspi.KeySynthType.RELEASE)


def find_app(pid):
    for a in children(Atspi.get_desktop(0)):
        if a.get_process_id() == pid:
            return a
    return None


def toplevel(app, name):
    for w in children(app):
        if w.get_name() == name:
            return w
    return None


def toplevels(app):
    return [(w.get_role_name(), w.get_name()) for w in children(app)]


def screenshot(path):
    if shutil.which("import") is None:
        print(f"# no ImageMagick import: no screenshot {path}")
        return
    subprocess.run(["import", "-window", "root", path], check=True, timeout=30)
    print(f"# screenshot: {path}")


class Server:
    """A list server on 127.0.0.1 serving one file, list.csv, from a folder."""

    def __init__(self, folder):
        handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=folder, **k)
        http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/list.csv"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


def main():
    binary, data_dir, artifacts = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(artifacts, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="clearance-lists-e2e-")
    db = os.path.join(tmp, "clearance.db")
    served = os.path.join(tmp, "served")
    os.makedirs(served)
    v1 = os.path.join(data_dir, "csl-v1.csv")
    v2 = os.path.join(data_dir, "csl-v2.csv")
    server = Server(served)

    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env["G_DEBUG"] = "fatal-criticals"
    env["GSK_RENDERER"] = env.get("GSK_RENDERER", "cairo")
    env["GDK_BACKEND"] = "x11"
    env.pop("CLEARANCE_DB", None)

    global app_proc
    app_proc = subprocess.Popen([binary, "--db", db], env=env)
    try:
        app = wait_for(lambda: find_app(app_proc.pid), "the app on the accessibility bus")
        window = wait_for(lambda: toplevel(app, "Clearance"), "the main window")
        log("main window")

        tab = wait_for(lambda: shown(window, "page tab", "Lists"), "the Lists tab")[0]
        do_action(tab)
        page = wait_for(lambda: shown(window, "panel", "Lists"), "the Lists page")[0]
        wait_for(lambda: shown(page, "label", "No Screening Lists Loaded"), "the empty state")
        log("empty state")
        screenshot(os.path.join(artifacts, "lists-e2e-empty.png"))

        # Import File… → the file chooser → type the path → Import.
        do_action(wait_for(lambda: shown(page, "push button", endswith="Import File…"),
                           "the Import File button")[0])
        try:
            chooser = wait_for(lambda: toplevel(app, "Import a List File"), "the file chooser")
        except AssertionError:
            print(f"# toplevels: {toplevels(app)}")
            raise
        log("file chooser")
        time.sleep(0.5)
        press_keys([KEY_CONTROL_L, KEY_L])
        location = wait_for(lambda: [t for t in shown(chooser, "text")
                                     if Atspi.Accessible.get_editable_text_iface(t) is not None],
                            "the location entry")[0]
        Atspi.EditableText.set_text_contents(location, v1)
        time.sleep(0.3)
        do_action(wait_for(lambda: shown(chooser, "push button", endswith="Import"), "the Import button")[0])

        wait_for(lambda: "Imported “csl-v1.csv” as csl: 8 records" in label_text(page, "lists-status"),
                 "the import to finish")
        wait_for(lambda: [l for l in shown(page, "label")
                          if "8 records" in (l.get_name() or "") and "Current" in (l.get_name() or "")],
                 "the counts on the CSL row")
        log("imported v1")
        screenshot(os.path.join(artifacts, "lists-e2e-imported.png"))

        # A custom source on the local server.
        shutil.copy(v1, os.path.join(served, "list.csv"))
        do_action(shown(page, "push button", endswith="Add Source…")[0])
        dialog = wait_for(lambda: toplevel(app, "Add a List Source"), "the Add Source dialog")
        fields = {t.get_name(): t for t in wait_for(lambda: shown(dialog, "text"), "the fields")}
        Atspi.EditableText.set_text_contents(fields["Short ID (a–z, 0–9, -)"], "mirror")
        Atspi.EditableText.set_text_contents(fields["Name"], "Company mirror")
        Atspi.EditableText.set_text_contents(fields["Download address (optional)"], server.url)
        do_action(shown(dialog, "push button", endswith="Add")[0])
        update = wait_for(lambda: shown(page, "push button", "Download the latest Company mirror"),
                          "the new source's download button")[0]
        log("source added")

        do_action(update)
        wait_for(lambda: "mirror: updated to 8 records" in label_text(page, "lists-status"),
                 "the first download")
        log("downloaded v1")

        # The server now has the changed list.
        shutil.copy(v2, os.path.join(served, "list.csv"))
        update = shown(page, "push button", "Download the latest Company mirror")[0]
        do_action(update)
        wait_for(lambda: "mirror: updated to 9 records" in label_text(page, "lists-status"),
                 "the update to v2")
        status = label_text(page, "lists-status")
        assert "1 added, 0 removed, 1 changed" in status, status
        log("updated to v2")

        # What Changed: the added entry, opened in its own window.
        do_action(wait_for(lambda: shown(page, None, "Changes"), "the Changes (what changed) tab")[0])
        wait_for(lambda: label_text(page, "changes-summary")
                 == "1 added · 0 removed · 1 changed (2 of 2 changes shown)", "the change counts")
        added = wait_for(lambda: shown(page, "label", ADDED), "the added entry in What Changed")[0]
        time.sleep(0.3)
        screenshot(os.path.join(artifacts, "lists-e2e-changes.png"))
        click(added)
        entry_window = wait_for(lambda: toplevel(app, ADDED), "the entry window")
        wait_for(lambda: label_text(entry_window, "entry-note") == "Added in this update.", "the note")
        wait_for(lambda: shown(entry_window, "label", "• Zhipu AI\n• Knowledge Atlas"), "its other names")
        time.sleep(0.3)
        screenshot(os.path.join(artifacts, "lists-e2e-entry.png"))
        do_action(entry_window, "window.close")
        wait_for(lambda: toplevel(app, ADDED) is None, "the entry window to close")
        log("what changed")

        # Search finds it, by an alias.
        do_action(shown(page, None, "Search")[0])
        search = wait_for(lambda: shown(page, "entry", "Search the lists"), "the search entry")[0]
        Atspi.EditableText.set_text_contents(search, "Zhipu AI")
        results = wait_for(lambda: shown(page, "list", "Search results"), "the results")[0]
        wait_for(lambda: shown(results, "label", ADDED), "the added entry in the results")
        time.sleep(0.3)
        screenshot(os.path.join(artifacts, "lists-e2e-search.png"))
        log("search")

        app_proc.terminate()
        app_proc.wait(timeout=15)
        print("# PASS")
        return 0
    finally:
        server.close()
        if app_proc.poll() is None:
            app_proc.kill()
            app_proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
