#!/usr/bin/python3
# test-review-e2e.py — end to end over AT-SPI: the Review page of the real `clearance`.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-review-e2e.py CLEARANCE_BINARY CLEARANCE_CLI DATA_DIR ARTIFACTS_DIR
# Run under run-gui-test.sh (Xvfb outside a private D-Bus session). Exits 77
# (skip) without a display or without python3-gi's Atspi.
#
# Steps: load the CSL fixture v1 and save a case whose end user is a Huawei
# variant ("HUAWEI TECHNOLOGIES CO., LIMITED") with `clearance-cli evaluate
# --save`; open Review in the app: the hit is queued and compared side by
# side; choose the reason "Different entity", write a note, Not a Match;
# `clearance-cli evaluate --case ID` no longer has the Entity List finding;
# import the changed fixture v2 (Huawei's entry changed) through the Lists
# page's file chooser → the decision is reopened and the Review page shows
# what changed. Screenshots go to ARTIFACTS_DIR.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
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
PARTY = "HUAWEI TECHNOLOGIES CO., LIMITED"

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
SKIP_PANELS = {"Shipment"}


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


def cli(cli_path, db, *args):
    r = subprocess.run([cli_path, "--db", db, *args], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, f"clearance-cli {' '.join(args)} failed ({r.returncode}): {r.stderr}"
    return r.stdout


def el_findings(cli_path, db, case_id):
    result = json.loads(cli(cli_path, db, "evaluate", "--case", str(case_id), "--json"))
    return [f for f in result["findings"] if f.get("list") == "EL"]


def import_with_chooser(app, page, path):
    do_action(wait_for(lambda: shown(page, "push button", endswith="Import File…"),
                       "the Import File button")[0])
    chooser = wait_for(lambda: toplevel(app, "Import a List File"), "the file chooser")
    time.sleep(0.5)
    press_keys([KEY_CONTROL_L, KEY_L])
    location = wait_for(lambda: [t for t in shown(chooser, "text")
                                 if Atspi.Accessible.get_editable_text_iface(t) is not None],
                        "the location entry")[0]
    Atspi.EditableText.set_text_contents(location, path)
    time.sleep(0.3)
    do_action(wait_for(lambda: shown(chooser, "push button", endswith="Import"), "the Import button")[0])


def main():
    binary, cli_path, data_dir, artifacts = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    os.makedirs(artifacts, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="clearance-review-e2e-")
    db = os.path.join(tmp, "clearance.db")

    cli(cli_path, db, "import", os.path.join(data_dir, "csl-v1.csv"))
    saved = cli(cli_path, db, "evaluate", "--save", os.path.join(data_dir, "huawei-variant.json"))
    case_id = int(re.search(r"^Case: (\d+)$", saved, re.M).group(1))
    assert el_findings(cli_path, db, case_id), "the Huawei variant has no Entity List finding to review"
    log(f"case {case_id} saved")

    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env["G_DEBUG"] = "fatal-criticals"
    env["GSK_RENDERER"] = env.get("GSK_RENDERER", "cairo")
    env["GDK_BACKEND"] = "x11"
    env["CLEARANCE_REVIEWER"] = "Mei Test"
    env.pop("CLEARANCE_DB", None)

    global app_proc
    app_proc = subprocess.Popen([binary, "--db", db], env=env)
    try:
        app = wait_for(lambda: find_app(app_proc.pid), "the app on the accessibility bus")
        window = wait_for(lambda: toplevel(app, "Clearance"), "the main window")
        do_action(wait_for(lambda: shown(window, "page tab", "Review"), "the Review tab")[0])
        page = wait_for(lambda: shown(window, "panel", "Review"), "the Review page")[0]
        log("review page")

        # The hit is queued and shown side by side.
        queue = wait_for(lambda: shown(page, "list", "Review queue"), "the queue")[0]
        wait_for(lambda: shown(queue, "label", PARTY), "the Huawei variant in the queue")
        wait_for(lambda: label_text(page, "review-title").startswith(PARTY + " ↔ Huawei Technologies"),
                 "the comparison")
        party = label_text(page, "party-details")
        assert PARTY in party and "CN" in party, party
        assert "Score 100 %" in label_text(page, "review-score"), label_text(page, "review-score")
        time.sleep(0.3)
        screenshot(os.path.join(artifacts, "review-e2e-open.png"))

        # Reason, note, Not a Match.
        reason = shown(page, "combo box", "Reason")[0]
        click(reason)
        choice = wait_for(lambda: [l for l in shown(app, "label", "Different entity")], "the reason list")[0]
        click(choice)
        wait_for(lambda: [l for l in shown(reason, "label", "Different entity")], "the chosen reason")
        note = shown(page, "text", "Note")[0]
        Atspi.EditableText.set_text_contents(note, "Local reseller, not the listed Huawei")
        do_action(shown(page, "push button", endswith="Not a Match")[0])
        wait_for(lambda: label_text(page, "decision-feedback") == "Decision saved: Not a match",
                 "the decision to be saved")
        log("decided")
        time.sleep(0.3)
        screenshot(os.path.join(artifacts, "review-e2e-decided.png"))

        # Re-evaluating the case: the Entity List finding is gone.
        assert el_findings(cli_path, db, case_id) == [], "the Entity List finding is still there"
        listed = cli(cli_path, db, "review", "list", "--status", "no-match")
        assert PARTY in listed, listed
        log("re-evaluated")

        # The listed entry changes in a list update: the decision is reopened.
        do_action(shown(window, "page tab", "Lists")[0])
        lists = wait_for(lambda: shown(window, "panel", "Lists"), "the Lists page")[0]
        import_with_chooser(app, lists, os.path.join(data_dir, "csl-v2.csv"))
        wait_for(lambda: "1 decision reopened" in label_text(lists, "lists-status"),
                 "the import and re-screen to reopen the decision", timeout=40)
        log("v2 imported")

        do_action(shown(window, "page tab", "Review")[0])
        page = wait_for(lambda: shown(window, "panel", "Review"), "the Review page")[0]
        wait_for(lambda: "Changed in the listed entry: addresses" in label_text(page, "reopened-diff"),
                 "the reopened decision with what changed")
        assert "Not a match" in label_text(page, "reopened-diff")
        assert label_text(page, "review-status").startswith("Open")
        time.sleep(0.3)
        screenshot(os.path.join(artifacts, "review-e2e-reopened.png"))
        assert el_findings(cli_path, db, case_id), "a reopened hit counts again"
        log("reopened")

        app_proc.terminate()
        app_proc.wait(timeout=15)
        print("# PASS")
        return 0
    finally:
        if app_proc.poll() is None:
            app_proc.kill()
            app_proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
