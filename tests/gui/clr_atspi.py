# clr_atspi.py — what the end-to-end GUI scripts share: driving the real
# `clearance` over AT-SPI (finding accessibles, waiting, clicking, typing,
# screenshots).
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Importing this module is the scripts' skip check: without a display or
# without python3-gi's Atspi it prints why and exits 77. A script that must
# change G_DEBUG for itself does so before importing it (GLib reads G_DEBUG
# when it loads).
#
# wait_for() fails at once when the app being driven has exited: a script
# names its process with watch() after starting it.

import contextlib
import os
import shutil
import subprocess
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

SKIP = 77

if not os.environ.get("DISPLAY"):
    print("no display: skipping")
    sys.exit(SKIP)

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:
    print(f"no AT-SPI bindings ({e}): skipping")
    sys.exit(SKIP)

START = time.monotonic()

# X keycodes of Xvfb's default (evdev) keymap. KeySynthType is not a flag set:
# holding a modifier needs PRESS/RELEASE of keycodes, not keysyms.
KEY_ESCAPE = 9
KEY_1, KEY_2, KEY_3 = 10, 11, 12
KEY_Q = 24
KEY_RETURN = 36
KEY_CONTROL_L = 37
KEY_L = 46
KEY_ALT_L = 64

_app_proc = None
_app_output = None


def log(message):
    print(f"# {time.monotonic() - START:6.2f}s {message}", flush=True)


def watch(proc, output=None):
    """The app's process, for wait_for(); @output, if given, returns what the
    app has said so far, to show when it exits unexpectedly."""
    global _app_proc, _app_output
    _app_proc, _app_output = proc, output


def app_env(**extra):
    """The environment the app runs in: accessible, criticals fatal, cairo on X11,
    no database but the one given on its command line; then @extra."""
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)                   # the in-process tests turn it off
    env.pop("CLEARANCE_DB", None)
    env["G_DEBUG"] = "fatal-criticals"
    env["GSK_RENDERER"] = env.get("GSK_RENDERER", "cairo")
    env["GDK_BACKEND"] = "x11"
    env.update(extra)
    return env


def stop(proc):
    """Kills @proc if it is still running (the scripts' cleanup)."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def quit_app(proc):
    """Asks the app to quit (SIGTERM) and waits for it to exit."""
    proc.terminate()
    proc.wait(timeout=15)


def passed():
    """The end of a script that passed: says so, and its exit status."""
    print("# PASS")
    return 0


def clean_up(proc, tmp):
    """The scripts' cleanup: kills @proc if it still runs, removes @tmp."""
    stop(proc)
    shutil.rmtree(tmp, ignore_errors=True)


def tap_main(main, last_step):
    """Exits with what @main returns; an AssertionError is the failed TAP step
    after @last_step () and a bail-out."""
    try:
        sys.exit(main())
    except AssertionError as e:
        print(f"not ok {last_step() + 1} - {e}", flush=True)
        print(f"Bail out! {e}", flush=True)
        sys.exit(1)


def wait_for(fn, what, timeout=20.0, step=0.1):
    """Calls @fn until it returns something true and returns that; fails when
    @timeout seconds pass or the watched app exits first."""
    end = time.monotonic() + timeout
    while True:
        if _app_proc is not None and _app_proc.poll() is not None:
            said = f"; it said:\n{_app_output()}" if _app_output is not None else ""
            raise AssertionError(f"clearance exited (status {_app_proc.returncode}) "
                                 f"while waiting for {what}{said}")
        try:
            r = fn()
            if r:
                return r
        except GLib.Error:
            pass                    # not on the bus yet, or the object went away
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(step)


def children(acc):
    for i in range(acc.get_child_count()):
        c = acc.get_child_at_index(i)
        if c is not None:
            yield c


def nodes_under(root, skip_panels=frozenset()):
    """Every node under @root, depth first, but not inside panels named in
    @skip_panels: other pages' subtrees are large and every query is a D-Bus
    round trip."""
    out, stack = [], [root]
    while stack:
        acc = stack.pop()
        try:
            if acc is not root and acc.get_role_name() == "panel" and acc.get_name() in skip_panels:
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


def shown(root, role=None, name=None, description=None, endswith=None, skip_panels=frozenset()):
    """Nodes on screen (with a size) matching role / name / description."""
    out = []
    for acc in nodes_under(root, skip_panels):
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


def label_text(root, description, skip_panels=frozenset()):
    """The text of the first label on screen under @root described @description, or ""."""
    labels = shown(root, "label", description=description, skip_panels=skip_panels)
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
    """Presses the keys in order and releases them in reverse, like a chord."""
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
    """The whole X screen, via ImageMagick's import; returns False without it."""
    if shutil.which("import") is None:
        print(f"# no ImageMagick import: no screenshot {path}")
        return False
    subprocess.run(["import", "-window", "root", path], check=True, timeout=30)
    print(f"# screenshot: {path}")
    return True


def import_with_chooser(app, page, path):
    """Lists page → Import File… → the file chooser: types @path into its
    location entry (Ctrl+L) and presses Import."""
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
    Atspi.EditableText.set_text_contents(location, path)
    time.sleep(0.3)
    do_action(wait_for(lambda: shown(chooser, "push button", endswith="Import"), "the Import button")[0])


# TAP for the scripts that report each step: tap_ok() per step, tap_run(main)
# turns a failed assertion into "not ok N" and "Bail out!".
_tap_step = 0


def tap_ok(what):
    global _tap_step
    _tap_step += 1
    print(f"ok {_tap_step} - {what}", flush=True)


def tap_run(main):
    try:
        sys.exit(main())
    except AssertionError as e:
        print(f"not ok {_tap_step + 1} - {e}", flush=True)
        print(f"Bail out! {e}", flush=True)
        sys.exit(1)


@contextlib.contextmanager
def running_app(argv, env, failure_png):
    """Starts the app (@argv), watches it and yields (process, accessible app,
    main window); a failed assertion inside takes a screenshot to
    @failure_png first. The app is killed on the way out if still running."""
    proc = subprocess.Popen(argv, env=env)
    watch(proc)
    try:
        app = wait_for(lambda: find_app(proc.pid), "the app on the accessibility bus")
        yield proc, app, wait_for(lambda: toplevel(app, "Clearance"), "the main window")
    except AssertionError:
        screenshot(failure_png)
        raise
    finally:
        stop(proc)
