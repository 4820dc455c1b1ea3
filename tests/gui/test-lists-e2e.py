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

# The helpers beside this script; no bytecode left in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_without_fatal_warnings  # noqa: E402,F401 (runs this script again without them)
from clr_atspi import (KEY_ESCAPE, Atspi, app_env, click, do_action, find_app,  # noqa: E402
                       import_with_chooser, log, press_keys, screenshot, toplevel,
                       wait_for, watch)
import clr_atspi  # noqa: E402

ADDED = "Beijing Zhipu Huazhang Technology Co., Ltd."

# The other pages' subtrees are large and every query is a D-Bus round trip.
SKIP_PANELS = {"Shipment", "Review"}


def shown(root, role=None, name=None, description=None, endswith=None):
    return clr_atspi.shown(root, role, name, description, endswith, skip_panels=SKIP_PANELS)


def label_text(root, description):
    return clr_atspi.label_text(root, description, skip_panels=SKIP_PANELS)


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

    # The local server speaks plain http: allowed as for an intranet mirror.
    app_proc = subprocess.Popen([binary, "--db", db], env=dict(app_env(), CLEARANCE_ALLOW_HTTP="1"))
    watch(app_proc)
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
        import_with_chooser(app, page, v1)

        wait_for(lambda: "Imported “csl-v1.csv” as csl: 8 records" in label_text(page, "lists-status"),
                 "the import to finish")
        wait_for(lambda: [l for l in shown(page, "label")
                          if "8 records" in (l.get_name() or "") and "Current" in (l.get_name() or "")],
                 "the counts on the CSL row")
        log("imported v1")
        screenshot(os.path.join(artifacts, "lists-e2e-imported.png"))

        # A custom source on the local server.
        shutil.copy(v1, os.path.join(served, "list.csv"))
        # Escape closes a dialog: open Add Source, Escape, open it again.
        do_action(shown(page, "push button", endswith="Add Source…")[0])
        wait_for(lambda: toplevel(app, "Add a List Source"), "the Add Source dialog")
        time.sleep(0.3)
        press_keys([KEY_ESCAPE])
        wait_for(lambda: toplevel(app, "Add a List Source") is None, "Escape to close the dialog")
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
        # Escape closes the entry window, as it closes dialogs.
        press_keys([KEY_ESCAPE])
        wait_for(lambda: toplevel(app, ADDED) is None, "Escape to close the entry window")
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

        clr_atspi.quit_app(app_proc)
        return clr_atspi.passed()
    finally:
        server.close()
        clr_atspi.clean_up(app_proc, tmp)


if __name__ == "__main__":
    sys.exit(main())
