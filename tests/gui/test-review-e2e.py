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
import subprocess
import sys
import tempfile
import time

# The helpers beside this script; no bytecode left in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_without_fatal_warnings  # noqa: E402,F401 (runs this script again without them)
from clr_atspi import (Atspi, app_env, click, do_action, find_app,  # noqa: E402
                       import_with_chooser, log, screenshot, toplevel, wait_for, watch)
import clr_atspi  # noqa: E402

PARTY = "HUAWEI TECHNOLOGIES CO., LIMITED"

# The other pages' subtrees are large and every query is a D-Bus round trip.
SKIP_PANELS = {"Shipment"}


def shown(root, role=None, name=None, description=None, endswith=None):
    return clr_atspi.shown(root, role, name, description, endswith, skip_panels=SKIP_PANELS)


def label_text(root, description):
    return clr_atspi.label_text(root, description, skip_panels=SKIP_PANELS)


def cli(cli_path, db, *args):
    r = subprocess.run([cli_path, "--db", db, *args], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, f"clearance-cli {' '.join(args)} failed ({r.returncode}): {r.stderr}"
    return r.stdout


def el_findings(cli_path, db, case_id):
    result = json.loads(cli(cli_path, db, "evaluate", "--case", str(case_id), "--json"))
    return [f for f in result["findings"] if f.get("list") == "EL"]


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

    app_proc = subprocess.Popen([binary, "--db", db], env=app_env(CLEARANCE_REVIEWER="Mei Test"))
    watch(app_proc)
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

        clr_atspi.quit_app(app_proc)
        return clr_atspi.passed()
    finally:
        clr_atspi.clean_up(app_proc, tmp)


if __name__ == "__main__":
    sys.exit(main())
