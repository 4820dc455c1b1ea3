#!/usr/bin/python3
# test-shipment-atspi.py — end to end on the Shipment page: start the real
# `clearance`, fill shipments over AT-SPI like a person with a screen reader,
# evaluate, and read the verdicts and findings off the screen.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-shipment-atspi.py CLEARANCE_BINARY CLEARANCE_CLI [ARTIFACTS_DIR]
# Run under run-gui-test.sh (Xvfb outside a private D-Bus session). Exits 77
# (skip) without a display or without python3-gi's Atspi. Prints TAP-style
# progress lines; the exit status is the verdict.
#
# Scenarios (issue 5):
#  1. NVIDIA H100-class GPUs (3A090.a, TPP 15832) for a Shanghai cloud company:
#     "License required" with a §742.6 citation.
#  2. The end user changed to "Huawei Technologies Co., Ltd." on an EAR99 item:
#     the result turns stale, then shows the Entity List finding (a one-entry CSL
#     fixture with Huawei is imported with clearance-cli first). The party row's
#     Review button opens that hit on the Review page; "Not a match" there makes
#     the Shipment result stale.
#  3. A Vietnam shipment evaluated for 2025-06-01, then with the export date
#     changed to 2023-06-01: the verdict changes (3A090.a to Viet Nam needed no
#     license before the 2023-11-17 rule).

import os
import shutil
import subprocess
import sys
import tempfile
import time

# The suite's G_DEBUG=fatal-warnings is for the app; libatspi in this driver warns
# harmlessly (no /org/a11y/atspi/cache in GTK 4.8). Set before GLib loads.
os.environ["G_DEBUG"] = "gc-friendly"

# The helpers beside this script; no bytecode left in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clr_atspi import (Atspi, GLib, app_env, children, do_action, find_app, nodes_under,  # noqa: E402
                       text_of, watch)
import clr_atspi  # noqa: E402

# One CSL record: Huawei on the Entity List, as trade.gov publishes it.
CSL_FIXTURE = (
    '"_id","source","entity_number","type","programs","name","title","addresses",'
    '"federal_register_notice","start_date","end_date","standard_order","license_requirement",'
    '"license_policy","call_sign","vessel_type","gross_tonnage","gross_registered_tonnage",'
    '"vessel_flag","vessel_owner","remarks","source_list_url","alt_names","citizenships",'
    '"dates_of_birth","nationalities","places_of_birth","source_information_url","ids"\n'
    '"745cb4e6009eb475b24ec78a9248b7f50a7575572552d9ecfece72c8","Entity List (EL) - Bureau of '
    'Industry and Security","","","","Huawei Technologies Co., Ltd. (Huawei)","","Bantian Huawei '
    'Base, Longgang District, Shenzhen, CN","84 FR 22961; 85 FR 51603","2019-05-21","","",'
    '"For all items subject to the EAR. (See §744.11 of the EAR)","Presumption of denial.","","",'
    '"","","","","","https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/'
    'entity-list","Huawei","","","","","https://www.bis.doc.gov/index.php/policy-guidance/'
    'lists-of-parties-of-concern/entity-list",""\n'
)

step = 0

# libatspi's default reply timeout (0.8 s) is short for an app under AddressSanitizer.
Atspi.set_timeout(10000, 30000)


def ok(what):
    global step
    step += 1
    print(f"ok {step} - {what}", flush=True)


def wait_for(fn, what, timeout=20.0, interval=0.05):
    return clr_atspi.wait_for(fn, what, timeout, interval)


def find_all(root, role=None, name=None, description=None):
    def matches(acc):
        try:
            return ((role is None or acc.get_role_name() == role)
                    and (name is None or (acc.get_name() or "").replace("_", "") == name)
                    and (description is None or acc.get_description() == description))
        except GLib.Error:
            return False
    return [acc for acc in nodes_under(root) if matches(acc)]


def showing(acc):
    try:
        states = acc.get_state_set()
        return states.contains(Atspi.StateType.VISIBLE) and \
            Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW).width > 0
    except GLib.Error:
        return False


def find(root, role=None, name=None, description=None, visible=True):
    """Depth-first, stopping at the first match: every node costs D-Bus round trips."""
    stack = [root]
    while stack:
        acc = stack.pop()
        try:
            if ((role is None or acc.get_role_name() == role)
                    and (name is None or (acc.get_name() or "").replace("_", "") == name)
                    and (description is None or acc.get_description() == description)
                    and (not visible or showing(acc))):
                return acc
            stack.extend(reversed(list(children(acc))))
        except GLib.Error:
            continue
    return None


def all_label_texts(root):
    texts = []
    for acc in find_all(root, "label"):
        try:
            texts.append(text_of(acc))
        except GLib.Error:
            pass
    return texts


def text_fields(root):
    """Every entry under @root by name, in one pass (each node costs D-Bus round trips)."""
    out = {}
    for acc in find_all(root, "text"):
        out.setdefault((acc.get_name() or "").replace("_", ""), []).append(acc)
    return out


class Form:
    def __init__(self, panel):
        self.panel = panel
        self.refresh()

    def refresh(self):
        self.fields = text_fields(self.panel)

    def field(self, name, index=0):
        found = self.fields.get(name, [])
        if len(found) <= index:
            self.refresh()
            found = self.fields.get(name, [])
        assert len(found) > index, f"no field {name!r} (#{index}); fields: {sorted(self.fields)}"
        return found[index]

    def set(self, name, value, index=0):
        acc = self.field(name, index)
        Atspi.EditableText.set_text_contents(acc, value)
        wait_for(lambda: text_of(acc) == value, f"{name!r} to read {value!r}")

    def set_eccn(self, eccn, index=0):
        """Sets the ECCN, then reads the fields again: the ECCN decides which
        item facts (TPP, data-center design) the form asks for."""
        self.set("ECCN", eccn, index)
        time.sleep(0.2)
        self.refresh()

    def set_h100_facts(self):
        """An H100-class item: 3A090.a, TPP 15832, a data-center design."""
        self.set_eccn("3A090.a")
        self.set("Total processing performance (TPP)", "15832")
        press_toggle(self.panel, "Data center design: yes")


def press_toggle(panel, name):
    # GTK 4.8 may append the visible label to the accessible name.
    # GTK 4.8 exposes a GtkToggleButton as a push button with the "pressed" state.
    def on(b):
        states = b.get_state_set()
        return states.contains(Atspi.StateType.PRESSED) or states.contains(Atspi.StateType.CHECKED)
    for b in find_all(panel):
        if b.get_role_name() in ("toggle button", "push button") \
                and (b.get_name() or "").startswith(name):
            if not on(b):
                do_action(b, "click")
            wait_for(lambda: on(b), f"{name!r} on")
            return
    seen = [(b.get_role_name(), b.get_name()) for b in find_all(panel)
            if "ata center" in (b.get_name() or "")]
    raise AssertionError(f"no toggle {name!r}: {seen}")


def evaluate_button(result):
    # GTK 4.8 names a mnemonic button "Evaluate Evaluate" (label + its child label).
    for b in find_all(result, "push button"):
        if (b.get_name() or "").replace("_", "").split(" ")[0] == "Evaluate":
            return b
    return None


def evaluate(result):
    button = wait_for(lambda: evaluate_button(result), "the Evaluate button")
    wait_for(lambda: button.get_state_set().contains(Atspi.StateType.SENSITIVE),
             "Evaluate to be enabled")
    do_action(button, "click")


def labels_by_description(result):
    out = {}
    for acc in find_all(result, "label"):
        try:
            d = acc.get_description()
        except GLib.Error:
            continue                # a row replaced by the new result meanwhile
        if d:
            out[d] = acc
    return out


def wait_verdict(result, want=None, unlike=None):
    labels = labels_by_description(result)
    verdict = labels["verdict"]

    def stale_shown():
        return find(result, "label", description="stale") is not None

    def check():
        v = text_of(verdict)
        if v == "Not evaluated yet" or stale_shown():
            return None
        if want is not None and v != want:
            return None
        if unlike is not None and v == unlike:
            return None
        return v
    try:
        return wait_for(check, f"the verdict {want or ('other than ' + str(unlike))!r}")
    except AssertionError as e:
        error = find(result, "label", description="evaluation-error")
        raise AssertionError(f"{e}; the pane shows {text_of(verdict)!r}, stale={stale_shown()}, "
                             f"problem={text_of(error) if error is not None else None!r}")


def context_of(result):
    return text_of(labels_by_description(result)["verdict-context"])


def screenshot(artifacts, name):
    if artifacts and shutil.which("import"):
        subprocess.run(["import", "-window", "root", os.path.join(artifacts, name)],
                       check=False, timeout=30)


def main():
    binary, cli = sys.argv[1], sys.argv[2]
    artifacts = sys.argv[3] if len(sys.argv) > 3 else None
    if artifacts:
        os.makedirs(artifacts, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="clearance-shipment-atspi-")
    db = os.path.join(tmp, "clearance.db")
    csl = os.path.join(tmp, "csl-huawei.csv")
    with open(csl, "w", encoding="utf-8") as f:
        f.write(CSL_FIXTURE)
    print("1..11", flush=True)

    env = app_env(GSETTINGS_BACKEND="memory")   # the last page shown elsewhere is not ours

    subprocess.run([cli, "--db", db, "import", csl], check=True, env=env,
                   stdout=subprocess.DEVNULL, timeout=60)
    ok("CSL fixture with Huawei imported with clearance-cli")

    # Xvfb without -noreset regenerates when its last client leaves; a client that
    # connects just then is refused ("cannot open display"). Start again then.
    for attempt in range(3):
        app_proc = subprocess.Popen([binary, "--db", db], env=env)
        try:
            app_proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            break
        print(f"# clearance exited at start (status {app_proc.returncode}), starting it again",
              flush=True)
        time.sleep(0.5)
    watch(app_proc)
    try:
        app = wait_for(lambda: find_app(app_proc.pid), "the app on the accessibility bus")
        window = wait_for(lambda: find(app, "frame", "Clearance"), "the main window")
        # Show the Shipment page with the view switcher, as a person would.
        def shipment_tab():
            for tab in find_all(window, "page tab", "Shipment"):
                if Atspi.Component.get_extents(tab, Atspi.CoordType.WINDOW).width > 0:
                    return tab
            return None
        tab = wait_for(shipment_tab, "the Shipment tab")
        if not tab.get_state_set().contains(Atspi.StateType.SELECTED):
            do_action(tab, "click")
        page = wait_for(lambda: find(window, "panel", "Shipment", visible=False), "the Shipment page")
        panel = wait_for(lambda: find(page, "panel", "Shipment form", visible=False), "the form")
        result = wait_for(lambda: find(page, "panel", "Result", visible=False), "the result pane")
        # The rule pack is loaded once "Exported from" describes its country.
        wait_for(lambda: (find(panel, "text", "Exported from", visible=False).get_description()
                          or "").startswith("United States"), "the rule pack's countries")
        form = Form(panel)

        # 1. H100-class GPUs for a Shanghai cloud company.
        form.set("Reference", "PO-H100-SH")
        form.set("Export date", "2025-06-01")
        form.set("Destination", "PRC")
        assert "China" in (form.field("Destination").get_description() or ""), \
            "the alias PRC does not resolve to China"
        form.set("Description", "NVIDIA H100 SXM5 80GB")
        form.set_h100_facts()
        form.set("Quantity", "8")
        form.set("Name", "Shanghai Cloud Compute Co., Ltd.")
        form.set("Country", "CN")
        form.set("Headquarters country", "China")
        evaluate(result)
        v = wait_verdict(result, want="License required")
        texts = all_label_texts(result)
        assert any("742.6" in t for t in texts), \
            f"no §742.6 citation on screen: {[t for t in texts if 'CFR' in t]}"
        context = context_of(result)
        assert "2025-06-01" in context and "enforcement" in context, context
        ok(f"H100 to a Shanghai cloud company: {v}, cited 15 CFR 742.6 ({context})")
        screenshot(artifacts, "shipment-license-required.png")

        # 2. End user changed to Huawei on an EAR99 item.
        form.set_eccn("EAR99")
        assert "Total processing performance (TPP)" in form.fields, \
            "the TPP given for the H100 was hidden when the ECCN changed"
        form.set("Total processing performance (TPP)", "")
        wait_for(lambda: (form.refresh(), "Total processing performance (TPP)" not in form.fields)[1],
                 "the empty TPP field to go for EAR99")
        ok("the TPP field is asked for the advanced-computing ECCN only, and a given TPP is never hidden")
        form.set("Name", "Huawei Technologies Co., Ltd.")
        wait_for(lambda: find(result, "label", description="stale"), "the stale marker")
        ok("editing the form marks the result stale")
        evaluate(result)
        wait_for(lambda: any("Entity List" in t for t in all_label_texts(result)),
                 "the Entity List finding")
        wait_verdict(result)
        texts = all_label_texts(result)
        assert any("744.11" in t for t in texts), "the Entity List finding does not cite 744.11"
        ok(f"Huawei as end user: {text_of(labels_by_description(result)['verdict'])} "
           "with the Entity List finding (15 CFR 744.11)")
        screenshot(artifacts, "shipment-entity-list.png")

        # 2b. The party row's Review button: the Review page with this hit selected;
        #     "Not a match" there, and back on Shipment the result is out of date.
        review_button = wait_for(lambda: clr_atspi.shown(panel, "push button", endswith="Review"),
                                 "the Review button of the party's screening hit")[0]
        do_action(review_button)
        review = wait_for(lambda: clr_atspi.shown(window, "panel", "Review"), "the Review page")[0]
        wait_for(lambda: clr_atspi.label_text(review, "review-title")
                 .startswith("Huawei Technologies Co., Ltd. ↔ Huawei Technologies"),
                 "the party's hit selected on the Review page")
        assert "Huawei Technologies Co., Ltd." in clr_atspi.label_text(review, "party-details")
        ok("Review on the party row opens the Review page with that hit selected")
        reason = clr_atspi.shown(review, "combo box", "Reason")[0]
        clr_atspi.click(reason)
        choice = wait_for(lambda: clr_atspi.shown(app, "label", "Different entity"), "the reason list")[0]
        clr_atspi.click(choice)
        wait_for(lambda: clr_atspi.shown(reason, "label", "Different entity"), "the chosen reason")
        do_action(clr_atspi.shown(review, "push button", endswith="Not a Match")[0])
        wait_for(lambda: clr_atspi.label_text(review, "decision-feedback") == "Decision saved: Not a match",
                 "the decision to be saved")
        do_action(shipment_tab())
        wait_for(lambda: find(result, "label", description="stale"),
                 "the stale marker after the decision")
        ok("a Not a match decision marks the case's result out of date")

        # 3. A Vietnam shipment, then the date moved back to 2023-06-01.
        form.set("Reference", "PO-H100-VN")
        form.set("Destination", "Vietnam")
        form.set_h100_facts()
        form.set("Name", "Saigon Data Center JSC")
        form.set("Country", "VN")
        form.set("Headquarters country", "VN")
        evaluate(result)
        before = wait_verdict(result, want="License required")
        ok(f"Vietnam on 2025-06-01: {before}")
        form.set("Export date", "2023-06-01")
        evaluate(result)
        after = wait_verdict(result, unlike=before)
        context = context_of(result)
        assert "2023-06-01" in context, context
        ok(f"Vietnam on 2023-06-01: {after} (was {before})")
        screenshot(artifacts, "shipment-vietnam-2023.png")

        # The case list shows the case with its last verdict.
        cases = find(page, "list", "Recent cases", visible=False)
        assert cases is not None, "no case list"
        wait_for(lambda: any("PO-H100-VN" in (item.get_name() or "")
                             for item in find_all(cases, "list item")),
                 "the case in the case list")
        ok("the case list shows the saved case")

        clr_atspi.quit_app(app_proc)
        ok("clearance closed")
        return 0
    except AssertionError:
        screenshot(artifacts, "shipment-failure.png")
        raise
    finally:
        clr_atspi.clean_up(app_proc, tmp)


if __name__ == "__main__":
    clr_atspi.tap_main(main, lambda: step)
