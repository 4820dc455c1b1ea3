#!/usr/bin/python3
# screenshots.py — drives the real `clearance` over AT-SPI under a private X server
# and writes PNGs of the Shipment page's main states into data/screenshots/.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage (see tools/screenshots.sh, which provides Xvfb and D-Bus):
#   screenshots.py CLEARANCE_BINARY CLEARANCE_CLI OUTPUT_DIR
# Reuses the helpers of tests/gui/test-shipment-atspi.py.

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "shipment_atspi", os.path.join(HERE, "..", "tests", "gui", "test-shipment-atspi.py"))
t = importlib.util.module_from_spec(spec)
spec.loader.exec_module(t)
Atspi = t.Atspi


def start(binary, db, width, height, dark=False):
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env["GSK_RENDERER"] = "cairo"
    env["GDK_BACKEND"] = "x11"
    config = tempfile.mkdtemp(prefix="clearance-shots-config-")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write(f"[dev/clearance/Clearance]\nwindow-width={width}\nwindow-height={height}\n"
                "last-page='shipment'\n")
    env["XDG_CONFIG_HOME"] = config
    env["GSETTINGS_BACKEND"] = "keyfile"
    if dark:
        env["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
    proc = subprocess.Popen([binary, "--db", db], env=env)
    t.app_proc = proc
    app = t.wait_for(lambda: t.find_app(proc.pid), "the app")
    window = t.wait_for(lambda: t.find(app, "frame", "Clearance"), "the window")
    page = t.wait_for(lambda: t.find(window, "panel", "Shipment", visible=False), "the page")
    panel = t.wait_for(lambda: t.find(page, "panel", "Shipment form", visible=False), "the form")
    result = t.wait_for(lambda: t.find(page, "panel", "Result", visible=False), "the result")
    t.wait_for(lambda: (t.find(panel, "text", "Exported from", visible=False).get_description()
                        or "").startswith("United States"), "the rule pack")
    return proc, config, page, panel, result


def stop(proc, config):
    proc.terminate()
    proc.wait(timeout=15)
    shutil.rmtree(config, ignore_errors=True)


def shot(out, name, width, height):
    Atspi.generate_mouse_event(1399, 999, "abs")   # no tooltip under the pointer
    time.sleep(0.6)                       # let the last frame paint
    # No window manager: the window sits at 0,0 (its CSD shadow to the right and below).
    subprocess.run(["import", "-window", "root", "-crop", f"{width + 16}x{height + 16}+0+0",
                    "+repage", os.path.join(out, name)], check=True, timeout=30)
    print(f"wrote {os.path.join(out, name)}")


def main():
    binary, cli, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="clearance-shots-")
    db = os.path.join(tmp, "clearance.db")
    csl = os.path.join(tmp, "csl.csv")
    with open(csl, "w", encoding="utf-8") as f:
        f.write(t.CSL_FIXTURE)
    subprocess.run([cli, "--db", db, "import", csl], check=True, stdout=subprocess.DEVNULL)
    W, H = 1280, 800
    try:
        proc, config, page, panel, result = start(binary, db, W, H)
        form = t.Form(panel)
        shot(out, "shipment-new.png", W, H)
        form.set("Reference", "PO-2025-0142")
        form.set("Export date", "2025-06-01")
        form.set("Destination", "PRC")
        form.set("Description", "NVIDIA H100 SXM5 80GB")
        form.set("ECCN", "3A090.a")
        time.sleep(0.2)
        form.refresh()
        form.set("Total processing performance (TPP)", "15832")
        t.press_toggle(panel, "Data center design: yes")
        form.set("Quantity", "8")
        form.set("Unit value", "30000")
        form.set("Name", "Shanghai Cloud Compute Co., Ltd.")
        form.set("Country", "CN")
        form.set("Headquarters country", "CN")
        # The officer answers every end-use question (unanswered ones are missing facts).
        for question in ("Military end use", "Military-intelligence end use", "Supercomputer",
                         "Advanced-node IC development or production",
                         "Weapons of mass destruction (nuclear, chemical, biological, missile)"):
            t.press_toggle(panel, question + ": no")
        t.evaluate(result)
        t.wait_verdict(result, want="License required")
        shot(out, "shipment-license-required.png", W, H)

        form.set("Total processing performance (TPP)", "")
        form.set("ECCN", "EAR99")
        form.set("Description", "Rack power distribution unit")
        form.set("Name", "Huawei Technologies Co., Ltd.")
        time.sleep(0.5)
        shot(out, "shipment-stale.png", W, H)
        t.evaluate(result)
        t.wait_verdict(result)
        shot(out, "shipment-entity-list.png", W, H)
        stop(proc, config)

        # Narrow (phone) width: the case reopens; the form first, the result after Evaluate.
        NW, NH = 360, 720
        proc, config, page, panel, result = start(binary, db, NW, NH)
        shot(out, "shipment-narrow-form.png", NW, NH)
        buttons = [b for b in t.find_all(page, "push button")
                   if (b.get_name() or "").replace("_", "").split(" ")[0] == "Evaluate"
                   and t.showing(b)]
        t.do_action(buttons[0], "click")
        t.wait_verdict(result)
        shot(out, "shipment-narrow-result.png", NW, NH)
        stop(proc, config)

        # Dark style.
        proc, config, page, panel, result = start(binary, db, W, H, dark=True)
        t.evaluate(result)
        t.wait_verdict(result)
        shot(out, "shipment-dark.png", W, H)
        stop(proc, config)
        return 0
    finally:
        if t.app_proc is not None and t.app_proc.poll() is None:
            t.app_proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
