#!/usr/bin/python3
# test-onhold-e2e.py — end to end over AT-SPI: potential matches put a shipment
# on hold, and a party's hits on one list family are grouped on the Review page.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-onhold-e2e.py CLEARANCE_BINARY CLEARANCE_CLI DATA_DIR ARTIFACTS_DIR
# DATA_DIR holds csl-families.csv (tests/cli/data): Huawei Technologies, its
# (Yangon) and (Bolivia) subsidiaries, its Beijing Research Institute affiliate
# and Huawei Marine on the Entity List,
# "AccoTest Technology Co., Ltd. (Hong Kong)" on the Entity List and "Harbour
# Compute Trading LLC" on the Denied Persons List. Run under run-gui-test.sh
# (Xvfb outside a private D-Bus session). Exits 77 (skip) without a display or
# without python3-gi's Atspi.
#
# Steps: the list and a batch of two names are recorded with clearance-cli
# (a Huawei subsidiary variant in Myanmar, and a "(Hong Kong)" company that is
# on no list); the app opens a shipment to Dubai whose end user and consignee
# are near (not exact) matches of the denied person:
#  1. the Shipment page's banner reads "Needs review · on hold until 2 potential
#     matches are decided" and the finding is the potential Denied Persons match;
#  2. the Review page shows the Huawei variant's three hits as one family, the
#     Yangon subsidiary first and the parent and its affiliate under it; the
#     sibling subsidiary in Bolivia is a different entity and has no hit;
#  3. the "(Hong Kong)" company has no hit in the queue (a bracketed place is a
#     qualifier, not a name: issue 13, point 1).

import json
import os
import subprocess
import sys
import tempfile
import time

# The helpers beside this script; no bytecode left in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_without_fatal_warnings  # noqa: E402,F401 (runs this script again without them)
from clr_atspi import (Atspi, GLib, app_env, children, do_action, find_app,  # noqa: E402
                       log, screenshot, text_of, toplevel, wait_for, watch)
import clr_atspi  # noqa: E402

YANGON = "Huawei Technologies (Yangon) Company Limited"
AFFILIATE = ("Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: "
             "Huawei Technologies Co., Ltd., Beijing Research Institute")
HONG_KONG = "Meridian Semiconductor (Hong Kong) Limited"
ON_HOLD = "Needs review · on hold until 2 potential matches are decided"

SHIPMENT = {
    "reference": "PO-DXB-88",
    "date": "2026-03-01",
    "destination": "AE",
    "exported_from": "US",
    "items": [{"description": "Office chairs", "eccn": "EAR99", "quantity": 10, "unit_value": 100}],
    "parties": [
        {"role": "end_user", "name": "Harbour Compute Trading Co", "country": "AE",
         "headquarters_country": "AE"},
        {"role": "ultimate_consignee", "name": "Harbor Compute Trading L.L.C.", "country": "AE"},
    ],
}

Atspi.set_timeout(10000, 30000)


def cli(cli_path, db, *args):
    r = subprocess.run([cli_path, "--db", db, *args], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, f"clearance-cli {' '.join(args)} failed ({r.returncode}): {r.stderr}"
    return r.stdout


def labels(root):
    """Every label's text under @root, in screen (depth-first) order."""
    out, stack = [], [root]
    while stack:
        acc = stack.pop()
        try:
            if acc.get_role_name() == "label":
                out.append(text_of(acc))
            stack.extend(reversed(list(children(acc))))
        except GLib.Error:
            continue
    return out


def main():
    binary, cli_path, data_dir, artifacts = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    os.makedirs(artifacts, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="clearance-onhold-e2e-")
    db = os.path.join(tmp, "clearance.db")
    batch = os.path.join(tmp, "customers.csv")
    shipment = os.path.join(tmp, "po-dxb-88.json")

    cli(cli_path, db, "import", os.path.join(data_dir, "csl-families.csv"))
    with open(batch, "w", encoding="utf-8") as f:
        f.write(f"id,name,country\n1,{YANGON},MM\n2,{HONG_KONG},HK\n")
    cli(cli_path, db, "screen", "--batch", batch)
    with open(shipment, "w", encoding="utf-8") as f:
        json.dump(SHIPMENT, f)
    log("list imported, batch screened")

    app_proc = subprocess.Popen([binary, "--db", db, shipment],
                                env=app_env(GSETTINGS_BACKEND="memory", CLEARANCE_REVIEWER="Mei Test"))
    watch(app_proc)
    try:
        app = wait_for(lambda: find_app(app_proc.pid), "the app on the accessibility bus")
        window = wait_for(lambda: toplevel(app, "Clearance"), "the main window")

        # 1. The shipment opened from the file: Evaluate → on hold.
        tab = wait_for(lambda: clr_atspi.shown(window, "page tab", "Shipment"), "the Shipment tab")[0]
        if not tab.get_state_set().contains(Atspi.StateType.SELECTED):
            do_action(tab)
        page = wait_for(lambda: clr_atspi.shown(window, "panel", "Shipment"), "the Shipment page")[0]
        result = wait_for(lambda: clr_atspi.shown(page, "panel", "Result"), "the result pane")[0]
        wait_for(lambda: [f for f in clr_atspi.shown(page, "text", "Reference")
                          if text_of(f) == "PO-DXB-88"], "the shipment file opened as a case", timeout=30)

        def evaluate_button():
            return [b for b in clr_atspi.shown(result, "push button")
                    if (b.get_name() or "").replace("_", "").split(" ")[0] == "Evaluate"
                    and b.get_state_set().contains(Atspi.StateType.SENSITIVE)]
        do_action(wait_for(evaluate_button, "the Evaluate button")[0])
        verdict = wait_for(lambda: [v for v in clr_atspi.shown(result, "label", description="verdict")
                                    if text_of(v) not in ("", "Not evaluated yet")],
                           "a verdict", timeout=40)[0]
        assert text_of(verdict) == ON_HOLD, f"the banner reads {text_of(verdict)!r}"
        texts = labels(result)
        assert any(t.startswith("Potential Denied Persons List match") for t in texts), \
            f"no potential Denied Persons finding: {[t for t in texts if 'Denied' in t]}"
        assert not any(t == "Prohibited" for t in texts), "a potential match reads Prohibited"
        log(f"on hold: {text_of(verdict)!r}")
        time.sleep(0.3)
        screenshot(os.path.join(artifacts, "onhold-e2e-shipment.png"))

        # 2. The Review page: the Huawei variant's hits are one family.
        do_action(wait_for(lambda: clr_atspi.shown(window, "page tab", "Review"), "the Review tab")[0])
        review = wait_for(lambda: clr_atspi.shown(window, "panel", "Review"), "the Review page")[0]
        queue = wait_for(lambda: clr_atspi.shown(review, "list", "Review queue"), "the queue")[0]
        rows = wait_for(lambda: [t for t in labels(queue) if "Huawei" in t or "family" in t
                                 or t.startswith("↳") or "Meridian" in t]
                        if any("family of 3" in t for t in labels(queue)) else None,
                        "the Huawei family in the queue", timeout=30)
        head = [i for i, t in enumerate(rows) if t == "EL · Huawei Technologies (Yangon) Co., Ltd. · family of 3"]
        members = [i for i, t in enumerate(rows) if t == f"↳ {YANGON}"]
        assert len(head) == 1, f"the family's first row is not the Yangon subsidiary: {rows}"
        assert len(members) == 2, f"the other two members are not under it: {rows}"
        assert head[0] < min(members), f"a member comes before its family's first row: {rows}"
        for other in ("EL · Huawei Technologies Co., Ltd. (Huawei)", f"EL · {AFFILIATE}"):
            assert other in rows and rows.index(other) > head[0], f"{other!r} is not in the family: {rows}"
        assert not any("Bolivia" in t for t in rows), f"the Bolivia subsidiary is a different entity: {rows}"
        assert not any("Huawei Marine" in t for t in rows), f"Huawei Marine is not of this family: {rows}"
        log("one Huawei family, the Yangon subsidiary first")
        time.sleep(0.3)
        screenshot(os.path.join(artifacts, "onhold-e2e-review-family.png"))

        # 3. The "(Hong Kong)" company has no hit (it is on no list).
        hk_rows = [t for t in labels(queue) if t.startswith(HONG_KONG) or t == f"↳ {HONG_KONG}"]
        assert not hk_rows, f"{HONG_KONG!r} has a hit in the queue (a bracketed place read as a name): {hk_rows}"
        log("the (Hong Kong) company has no hit")

        clr_atspi.quit_app(app_proc)
        return clr_atspi.passed()
    except AssertionError:
        screenshot(os.path.join(artifacts, "onhold-e2e-failure.png"))
        raise
    finally:
        clr_atspi.clean_up(app_proc, tmp)


if __name__ == "__main__":
    sys.exit(main())
