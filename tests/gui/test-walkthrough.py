#!/usr/bin/python3
# test-walkthrough.py — issue 17's walk through both jobs, end to end over
# AT-SPI, with no CLI, no JSON and no guessing: an H20/H200 shipment to a
# Beijing company with a Hong Kong intermediate consignee, then the review of
# its hits.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-walkthrough.py CLEARANCE_BINARY ARTIFACTS_DIR
# Run under run-gui-test.sh (Xvfb outside a private D-Bus session). Exits 77
# (skip) without a display or without python3-gi's Atspi. Prints TAP; the exit
# status is the verdict.
#
# The app starts on an empty database; everything is done in its windows:
#  1. the first-run banner's Load Lists → Lists → Import File… of a small list
#     written here (the Beijing end user on the Entity List, and a Dubai
#     "Harbour Link Electronics Limited" that the Hong Kong consignee resembles);
#  2. the Shipment form: the ECCN picker's model search finds "H20" and "H200",
#     the classification row says which 3A090 paragraph they meet, the ECCN is
#     picked from the same picker; destination China, a Beijing end user and a
#     Hong Kong intermediate consignee, every end-use question answered;
#  3. Evaluate: the verdict, the on-hold line and the findings with their
#     citations (15 CFR 742.6, 744.11), read off the result pane;
#  4. the result's Screening list opens each hit on the Review page: the
#     Beijing company is the listed entity (Match, "Confirmed by documents"),
#     the Hong Kong consignee is not the Dubai one (Not a Match, "Different
#     country"); the queue rows say so;
#  5. the Audit Log window (Ctrl+Shift+L) lists both decisions with their
#     reasons, notes and the reviewer's name ($CLEARANCE_REVIEWER, like every
#     other event of the session), and the import by the list's name; back on Shipment the result is stale because
#     of a review decision, and Evaluate again is no longer on hold.
# Drop-downs and pickers are driven with the keyboard: GTK 4.8 reports a
# popover's extents off its real place, so a mouse click there misses.

import os
import sys
import tempfile
import time

# The helpers beside this script; no bytecode left in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clr_without_fatal_warnings  # noqa: E402,F401 (runs this script again without them)
from clr_atspi import (Atspi, GLib, app_env, children, click, do_action,  # noqa: E402
                       import_with_chooser, log, press_keys, running_app, screenshot,
                       tap_run, text_of, toplevel)
import clr_atspi  # noqa: E402

BEIJING = "Beijing Example AI Technology Co., Ltd."
HONG_KONG = "Harbour Link Electronics (Hong Kong) Limited"
LISTED_HK = "Harbour Link Electronics Limited"

CSL_HEADER = (
    '"_id","source","entity_number","type","programs","name","title","addresses",'
    '"federal_register_notice","start_date","end_date","standard_order","license_requirement",'
    '"license_policy","call_sign","vessel_type","gross_tonnage","gross_registered_tonnage",'
    '"vessel_flag","vessel_owner","remarks","source_list_url","alt_names","citizenships",'
    '"dates_of_birth","nationalities","places_of_birth","source_information_url","ids"\n')
EL_URL = "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list"


def el_record(key, name, address, fr, alt=""):
    """One Entity List record as trade.gov's consolidated list publishes it."""
    fields = [key, "Entity List (EL) - Bureau of Industry and Security", "", "", "", name, "",
              address, fr, "2025-03-25", "", "",
              "For all items subject to the EAR. (See §744.11 of the EAR)",
              "Presumption of denial.", "", "", "", "", "", "", "", EL_URL, alt, "", "", "", "",
              EL_URL, ""]
    return ",".join(f'"{f}"' for f in fields) + "\n"


CSL_FIXTURE = (CSL_HEADER
               + el_record("walk-el-beijing-example-ai", BEIJING,
                           "No. 1 Zhongguancun Street, Haidian District, Beijing, CN",
                           "90 FR 12345", "Example AI Beijing")
               + el_record("walk-el-harbour-link", LISTED_HK,
                           "Office 12, Al Qusais Industrial Area, Dubai, AE", "90 FR 12346"))

KEY_UP, KEY_DOWN = 111, 116
KEY_I, KEY_SHIFT_L = 31, 50

# libatspi's default reply timeout (0.8 s) is short for an app under AddressSanitizer.
Atspi.set_timeout(10000, 30000)

SKIP_PANELS = {"Review", "Lists"}
ok = clr_atspi.tap_ok


def wait_for(fn, what, timeout=20.0):
    return clr_atspi.wait_for(fn, what, timeout, 0.05)


def shown(root, role=None, name=None, description=None, endswith=None, skip=SKIP_PANELS):
    return clr_atspi.shown(root, role, name, description, endswith, skip_panels=skip)


def first(root, role=None, name=None, description=None, endswith=None, skip=SKIP_PANELS):
    """The first node on screen under @root (depth first) that matches, or None;
    stops there: every node costs D-Bus round trips."""
    stack = [root]
    while stack:
        acc = stack.pop()
        try:
            r, n = acc.get_role_name(), acc.get_name() or ""
            if acc is not root and r == "panel" and n in skip:
                continue
            if ((role is None or r == role) and (name is None or n == name)
                    and (endswith is None or n.endswith(endswith))
                    and (description is None or acc.get_description() == description)
                    and clr_atspi.width(acc) > 0):
                return acc
            stack.extend(reversed(list(children(acc))))
        except GLib.Error:
            continue
    return None


def one(root, what, role=None, name=None, description=None, endswith=None, skip=SKIP_PANELS):
    return wait_for(lambda: first(root, role, name, description, endswith, skip), what)


def labels(root, skip=SKIP_PANELS):
    """Every label's text under @root, depth first (screen order)."""
    out = []
    for acc in clr_atspi.nodes_under(root, skip):
        try:
            if acc.get_role_name() == "label":
                out.append(text_of(acc))
        except GLib.Error:
            continue
    return out


def set_text(acc, value):
    Atspi.EditableText.set_text_contents(acc, value)
    wait_for(lambda: text_of(acc) == value, f"{acc.get_name()!r} to read {value!r}")


def field(root, name):
    """The first text field on screen named @name under @root."""
    return one(root, f"the field {name!r}", "text", name)


def fields(root):
    """Every text field on screen under @root by name, in one pass (each
    node costs D-Bus round trips)."""
    out = {}
    for acc in shown(root, "text"):
        out.setdefault(acc.get_name() or "", []).append(acc)
    return out


def sensitive(acc):
    return acc.get_state_set().contains(Atspi.StateType.SENSITIVE)


def extents(acc):
    return Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)


def scroll_to(acc, area):
    """Turns the mouse wheel over @area until @acc is inside it, as a person
    scrolls to a control before using it (a popover anchored off screen is
    placed on no monitor)."""
    for _ in range(60):
        box, e = extents(area), extents(acc)
        if e.y >= box.y and e.y + e.height <= box.y + box.height:
            return
        Atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2,
                                   "b5c" if e.y + e.height > box.y + box.height else "b4c")
        time.sleep(0.05)
    raise AssertionError(f"could not scroll to {acc.get_role_name()} {acc.get_name()!r}")


def pick(row, query, title, area):
    """Opens the picker of the field @row, searches @query and chooses the
    result titled @title with the keyboard (Down into the list, Down to the
    row, Return), as a person reading the results would. @area is the
    scrolled form. Returns the results' titles."""
    button = wait_for(lambda: [b for b in shown(row, "push button")
                               if (b.get_name() or "").startswith("Search")
                               and Atspi.Action.get_n_actions(b) > 0], f"{row.get_name()}'s picker")[0]
    scroll_to(button, area)
    do_action(button)
    search = wait_for(lambda: shown(row, "entry", "Search"), "the picker's search field")[0]
    Atspi.EditableText.set_text_contents(search, query)
    results = search.get_parent().get_parent()

    def rows():
        titles = []
        for item in shown(results, "list item"):
            texts = [text_of(l) for l in shown(item, "label")]
            titles.append(texts[0] if texts else "")
        return titles if title in titles else None
    titles = wait_for(rows, f"{title!r} among the picker's results for {query!r}")
    press_keys([KEY_DOWN])                   # into the list, on the first row
    for _ in range(titles.index(title)):
        press_keys([KEY_DOWN])
    time.sleep(0.1)
    press_keys([clr_atspi.KEY_RETURN])
    wait_for(lambda: button.get_state_set().contains(Atspi.StateType.FOCUSED), "the picker to close")
    return titles


REVIEW_SKIP = frozenset({"Shipment", "Lists"})


def rlabel(review, description):
    return clr_atspi.label_text(review, description, REVIEW_SKIP)


def choose(combo, choice, skip):
    """Opens the drop-down @combo and chooses @choice with the keyboard."""
    click(combo)
    # The open list has the keyboard focus on one choice (GTK 4.8 does not
    # update the focused state as it moves): count the steps from there.
    # (Its extents are not where it is drawn: no mouse clicks on it.)
    on = wait_for(lambda: [it for it in shown(combo, "list item", skip=skip)
                           if it.get_state_set().contains(Atspi.StateType.FOCUSED)], "the drop-down list")[0]
    choices = [labels(it)[0] for it in shown(on.get_parent(), "list item", skip=skip)]
    steps = choices.index(choice) - choices.index(labels(on)[0])
    for _ in range(abs(steps)):
        press_keys([KEY_DOWN if steps > 0 else KEY_UP])
    press_keys([clr_atspi.KEY_RETURN])


def decide(review, reason, button, note):
    """Chooses @reason with the keyboard, writes @note and presses @button."""
    choose(one(review, "the Reason", "combo box", "Reason", skip=REVIEW_SKIP), reason, REVIEW_SKIP)
    set_text(one(review, "the Note", "text", "Note", skip=REVIEW_SKIP), note)
    do_action(one(review, button, "push button", button, skip=REVIEW_SKIP))
    word = {"Match": "Match", "Not a Match": "Not a match"}[button]
    wait_for(lambda: rlabel(review, "decision-feedback") == f"Decision saved: {word}",
             f"the decision {word!r} to be saved")


def main():
    binary, artifacts = sys.argv[1], sys.argv[2]
    os.makedirs(artifacts, exist_ok=True)
    print("1..9", flush=True)
    with tempfile.TemporaryDirectory(prefix="clearance-walkthrough-") as tmp:
        csl = os.path.join(tmp, "consolidated-list.csv")
        with open(csl, "w", encoding="utf-8") as f:
            f.write(CSL_FIXTURE)
        env = app_env(GSETTINGS_BACKEND="memory", CLEARANCE_REVIEWER="Mei Walker")
        with running_app([binary, "--db", os.path.join(tmp, "clearance.db")], env,
                         os.path.join(artifacts, "walkthrough-failure.png")) as (proc, app, window):
            return walk(app, window, proc, csl, artifacts)


def walk(app, window, app_proc, csl, artifacts):
    # 1. First run: the banner's Load Lists, then Import File… on the Lists page.
    shipment = one(window, "the Shipment page", "panel", "Shipment")
    do_action(one(shipment, "the Load Lists button", "push button", "Load Lists"))
    lists = one(window, "the Lists page", "panel", "Lists", skip={"Shipment", "Review"})
    import_with_chooser(app, lists, csl)
    status = wait_for(lambda: [t for t in [clr_atspi.label_text(lists, "lists-status", {"Shipment", "Review"})]
                               if t.startswith("Imported")], "the list import", timeout=40)[0]
    assert "2 records" in status, status
    ok(f"list imported on the Lists page: {status.splitlines()[0]!r}")

    # 2. The shipment form.
    do_action(one(window, "the Shipment tab", "page tab", "Shipment", skip={"Shipment", "Review", "Lists"}))
    shipment = one(window, "the Shipment page", "panel", "Shipment")
    form = one(shipment, "the form", "panel", "Shipment form")
    result = one(shipment, "the result pane", "panel", "Result")
    general = one(form, "the General group", "list", "General")
    wait_for(lambda: (field(general, "Exported from").get_description() or "").startswith("United States"),
             "the rule pack's countries")
    set_text(field(general, "Reference"), "PO-BJ-0417")
    set_text(field(general, "Destination"), "CN")
    wait_for(lambda: "China" in (field(general, "Destination").get_description() or ""),
             "the destination named China")
    export_date = text_of(field(general, "Export date"))
    log("general")

    ok(f"a new case: reference, export date {export_date}, destination CN (China)")

    # Item 1: the H20, found in the ECCN picker by its model name, which fills
    # the model and its published parameters; then its ECCN from the same picker.
    items = one(form, "the items", "list", "Items")
    item = fields(items)
    set_text(item["Description"][0], "NVIDIA H20 96 GB accelerator")
    titles = pick(item["ECCN"][0], "H20", "NVIDIA H20", form)
    wait_for(lambda: text_of(item["Model"][0]) == "H20", "the model H20 in the item")
    pick(item["ECCN"][0], "3A991.p", "3A991.p", form)
    set_text(item["Quantity"][0], "8")
    item = fields(items)                # the ECCN shows its parameters
    assert text_of(item["Total processing performance (TPP)"][0]) == "2368", "not the H20's published TPP"
    one(items, "the H20's classification", "label", "meets neither — 3A991 / 4A994 / 5A992 may apply")
    # Item 2 (Ctrl+I): the H200.
    press_keys([clr_atspi.KEY_CONTROL_L, KEY_I])
    item = wait_for(lambda: (lambda f: f if len(f.get("Description", [])) > 1 else None)(fields(items)),
                    "the second item")
    set_text(item["Description"][1], "NVIDIA H200 SXM 141 GB")
    pick(item["ECCN"][1], "H200", "NVIDIA H200 SXM", form)
    wait_for(lambda: text_of(item["Model"][1]) == "H200 SXM", "the model H200 in the item")
    pick(item["ECCN"][1], "3A090.a", "3A090.a", form)
    set_text(item["Quantity"][1], "8")
    one(items, "the H200's classification", "label", "meets 3A090.a")
    headers = labels(items)
    for want in ("Item 1: NVIDIA H20 96 GB accelerator", "3A991.p · quantity 8",
                 "Item 2: NVIDIA H200 SXM 141 GB", "3A090.a · quantity 8"):
        assert want in headers, f"{want!r} not on the items: {headers}"
    ok(f"the picker's model search ({', '.join(titles)} for 'H20'): H20 meets neither 3A090 "
       "paragraph (3A991.p), H200 meets 3A090.a")
    log("items")

    # The parties: the Beijing end user (Party 1), then a Hong Kong intermediate consignee.
    parties = one(form, "the parties", "list", "Parties")
    party = fields(parties)
    set_text(party["Name"][0], BEIJING)
    set_text(party["Address"][0], "No. 1 Zhongguancun Street, Haidian District, Beijing")
    set_text(party["Country"][0], "CN")
    set_text(party["Headquarters country"][0], "CN")
    do_action(one(form, "Add Party", "push button", "Add Party"))
    role = wait_for(lambda: shown(parties, "combo box", "Role")[1:], "the second party")[0]
    scroll_to(role, form)
    choose(role, "Intermediate consignee", skip=SKIP_PANELS)
    header = one(parties, "Party 2", "list item", "Party 2")
    wait_for(lambda: any(t.startswith("Intermediate consignee") for t in labels(header)),
             "Party 2 to be the intermediate consignee")
    party = fields(parties)
    set_text(party["Name"][1], HONG_KONG)
    set_text(party["Country"][1], "HK")
    wait_for(lambda: "Hong Kong" in (party["Country"][1].get_description() or ""),
             "the consignee's country named Hong Kong")
    ok("Party 1 the Beijing end user, Party 2 the Hong Kong intermediate consignee")

    # Every end-use question answered No (an unanswered one is a missing fact).
    end_use = one(form, "the end-use questions", "list", "End Use")
    answers = shown(end_use, "push button", endswith=": no")
    assert len(answers) >= 5, [b.get_name() for b in answers]
    for b in answers:
        do_action(b)
    wait_for(lambda: all(b.get_state_set().contains(Atspi.StateType.PRESSED)
                         or b.get_state_set().contains(Atspi.StateType.CHECKED) for b in answers),
             "every end-use answer to read No")
    ok(f"{len(answers)} end-use questions answered No")
    log("form filled")
    screenshot(os.path.join(artifacts, "walkthrough-form.png"))

    # 3. Evaluate, and read the verdict and the findings.
    verdict = evaluate(result, "License required · on hold until 1 potential match is decided")
    context = clr_atspi.label_text(result, "verdict-context")
    assert f"as of {export_date}" in context and "enforcement" in context, context
    texts = labels(result)
    for want in ("Entity List match", "Potential Entity List match",
                 "3A090.a-class items to D:1, D:4, D:5 or Macau"):
        assert want in texts, f"no finding {want!r}: {texts}"
    for cite in ("15 CFR 742.6(a)(6)(iii)", "15 CFR 744.11"):
        assert any(cite in t for t in texts), f"no citation {cite!r} on screen"
    assert any(t.startswith("Caveat") and "H20" in t for t in texts), "no “is informed” caveat for the H20"
    ok(f"Evaluate: {verdict!r} ({context}), findings cite 15 CFR 742.6 and 744.11")
    screenshot(os.path.join(artifacts, "walkthrough-result.png"))

    # 4. The result's Screening list opens the Beijing hit on the Review page.
    open_hit(result, BEIJING, BEIJING)
    review = one(window, "the Review page", "panel", "Review", skip=REVIEW_SKIP)
    wait_for(lambda: rlabel(review, "review-title").startswith(f"{BEIJING} ↔ {BEIJING}"),
             "the Beijing hit on the Review page")
    assert rlabel(review, "review-score").startswith("Score 100 %"), rlabel(review, "review-score")
    decide(review, "Confirmed by documents", "Match", "Same name and Haidian address as the listed entry")
    screenshot(os.path.join(artifacts, "walkthrough-review.png"))
    # The Hong Kong consignee's hit, from the same list on the Shipment page.
    do_action(one(window, "the Shipment tab", "page tab", "Shipment", skip={"Shipment", "Review", "Lists"}))
    open_hit(result, HONG_KONG, LISTED_HK)
    wait_for(lambda: rlabel(review, "review-title").startswith(f"{HONG_KONG} ↔ {LISTED_HK}"),
             "the Hong Kong hit on the Review page")
    decide(review, "Different country", "Not a Match", "Hong Kong logistics company; the listed one is in Dubai")
    queue = one(review, "the queue", "list", "Review queue", skip=REVIEW_SKIP)
    rows = labels(queue, REVIEW_SKIP)
    for want in (f"{BEIJING} (CN) · End user · Case 1 · PO-BJ-0417", "Match · 100 %",
                 f"{HONG_KONG} (HK) · Intermediate consignee · Case 1 · PO-BJ-0417", "Not a match · 94 %"):
        assert want in rows, f"{want!r} not in the queue: {rows}"
    ok("Review: the Beijing company is a Match, the Hong Kong consignee Not a match")
    log("decided")

    # 5. The Audit Log window (Ctrl+Shift+L) shows both decisions, with reasons and reviewer.
    press_keys([clr_atspi.KEY_CONTROL_L, KEY_SHIFT_L, clr_atspi.KEY_L])
    audit = wait_for(lambda: toplevel(app, "Audit Log"), "the Audit Log window")
    events = wait_for(lambda: (lambda t: t if any(x.startswith("Not a match") for x in t) else None)(
        [text_of(l) for l in shown(audit, "label")]), "the decisions in the Audit Log")
    for want in ("Match — Confirmed by documents — note “Same name and Haidian address as the listed entry”",
                 f"Open → Match · {BEIJING} (CN) on EL entry “{BEIJING}”",
                 "Not a match — Different country — note “Hong Kong logistics company; the listed one is in Dubai”",
                 f"Open → Not a match · {HONG_KONG} (HK) on EL entry “{LISTED_HK}”",
                 "Evaluated — License required",
                 "List imported — Consolidated Screening List (trade.gov)"):
        assert want in events, f"{want!r} not in the Audit Log: {events}"
    decided_by = [t for t in events if t.startswith("Case 1 · PO-BJ-0417 ·")]
    assert decided_by and all(" · Mei Walker (" in t for t in decided_by), \
        f"an event of the case is not recorded under the reviewer's name: {decided_by}"
    ok("the Audit Log lists both decisions with their reasons, notes and the reviewer")
    screenshot(os.path.join(artifacts, "walkthrough-audit.png"))
    press_keys([clr_atspi.KEY_ESCAPE])
    wait_for(lambda: toplevel(app, "Audit Log") is None or clr_atspi.width(audit) == 0
             or not audit.get_state_set().contains(Atspi.StateType.VISIBLE), "the Audit Log to close")

    # Back on Shipment: the result is out of date; Evaluate again is no longer on hold.
    do_action(one(window, "the Shipment tab", "page tab", "Shipment", skip={"Shipment", "Review", "Lists"}))
    stale = text_of(one(result, "the stale line", "label", description="stale"))
    assert "review decision" in stale.lower(), stale
    verdict = evaluate(result, "License required")
    texts = labels(result)
    assert "Entity List match" in texts and "Potential Entity List match" not in texts, \
        [t for t in texts if "Entity List" in t]
    ok(f"after the review: {stale!r}; Evaluate again: {verdict!r}, the Entity List match stands")
    screenshot(os.path.join(artifacts, "walkthrough-after-review.png"))
    log("done")

    app_proc.terminate()
    app_proc.wait(timeout=15)
    return 0


def evaluate(result, want):
    """Presses Evaluate and waits for the verdict @want."""
    verdict = one(result, "the verdict", "label", description="verdict")
    button = one(result, "Evaluate", "push button", "Evaluate")
    wait_for(lambda: sensitive(button), "Evaluate to be enabled")
    do_action(button)
    try:
        wait_for(lambda: text_of(verdict) == want and first(result, "label", description="stale") is None,
                 f"the verdict {want!r}", timeout=60)
    except AssertionError as e:
        raise AssertionError(f"{e}; the pane shows {text_of(verdict)!r}") from None
    return want


def open_hit(result, party_name, listed_name):
    """Expands @party_name in the result's Screening list and opens its hit on @listed_name."""
    scroller = one(result, "the result's scroller", "scroll pane")
    screening = one(result, "the Screening list", "list", "Screening")
    party = one(screening, f"{party_name} in the Screening list", "list item", party_name)
    scroll_to(party, scroller)

    def hits():
        return [it for it in shown(screening, "list item", listed_name)
                if any(t.startswith("EL ·") for t in labels(it))]
    for attempt in range(3):            # a click during the page switch's transition misses
        if hits():
            break
        scroll_to(party, scroller)
        click(party)
        try:
            wait_for(hits, f"{party_name}'s hit", timeout=3)
        except AssertionError:
            if attempt == 2:
                raise
    hit = hits()[0]
    scroll_to(hit, scroller)
    click(hit)


if __name__ == "__main__":
    tap_run(main)
