#!/usr/bin/python3
# harness.py — the crash-and-fault harness (issue 16 §6), run against the real
# clearance-cli ($CLEARANCE_CLI):
#
#   kill OP      kill -9 at random points during OP (import, update, evaluate,
#                decide, rescreen); after each kill: the next command opens the
#                database, `audit verify` passes, PRAGMA integrity_check is ok,
#                and the state is the old one or the new one, never partial
#   concurrency  two clearance-cli processes writing at once: nothing lost
#   bad-input    every refused input (issue 16 §2) and malformed list files:
#                exit 1, the file named, the database unchanged
#   fuzz         mutations of JSON and list inputs with a fixed seed: exit 0 or
#                1 only, never 3, never a signal
#
# --long runs the full trial counts (meson test --suite robustness-long);
# without it a short deterministic slice (suite robustness, ≤ 30 s each).
# Output is TAP; the last line before the plan sums the trials.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import http.server
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

CLI = os.environ.get("CLEARANCE_CLI")
SOURCE_ROOT = os.environ.get("CLEARANCE_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = 16

CSL_HEADER = ("_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
              "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
              "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
              "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
              "source_information_url,ids")
SOURCES = ["Entity List (EL) - Bureau of Industry and Security",
           "Specially Designated Nationals (SDN) - Treasury Department",
           "Denied Persons List (DPL) - Bureau of Industry and Security"]
SYLLABLES = ["zor", "vex", "ka", "lin", "dra", "mot", "su", "pel", "qua", "rin", "tek", "nova",
             "bri", "gal", "hex", "ion", "jas", "kor", "lum", "mar", "nex", "orb", "pyr", "tor"]
KINDS = ["Trading", "Electronics", "Machinery", "Logistics", "Technologies", "Industrial", "Shipping"]
FORMS = ["Co Ltd", "LLC", "GmbH", "JSC", "Limited", "Sdn Bhd", "SA"]
COUNTRIES = ["CN", "RU", "IR", "AE", "TR", "MY", "HK", "BY"]


# ---------------------------------------------------------------- TAP --

class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, good, description, detail=None):
        self.n += 1
        print(("ok %d - %s" if good else "not ok %d - %s") % (self.n, description), flush=True)
        if not good:
            self.failed += 1
            for line in str(detail or "").splitlines()[:20]:
                print("# " + line, flush=True)
        return good

    def note(self, text):
        print("# " + text, flush=True)

    def finish(self):
        print("1..%d" % self.n, flush=True)
        return 1 if self.failed else 0


# ------------------------------------------------------------ helpers --

def cli(db, *args, timeout=300, env=None):
    argv = [CLI] + (["--db", db] if db is not None else []) + list(args)
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def must(db, *args):
    rc, out, err = cli(db, *args)
    if rc != 0:
        raise RuntimeError("clearance-cli %s: exit %d: %s" % (" ".join(args), rc, err))
    return out


def copy_db(src, dst):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(dst + suffix):
            os.unlink(dst + suffix)
    s = sqlite3.connect(src)
    d = sqlite3.connect(dst)
    s.backup(d)
    d.close()
    s.close()


def integrity(db):
    c = sqlite3.connect(db, timeout=30)
    try:
        return c.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        c.close()


def query(db, sql, args=()):
    c = sqlite3.connect(db, timeout=30)
    try:
        return c.execute(sql, args).fetchall()
    finally:
        c.close()


def summary(db):
    """Every table and its row count: what "unchanged" means."""
    c = sqlite3.connect(db, timeout=30)
    try:
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: c.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0] for t in tables}
    finally:
        c.close()


def supports(command, option):
    rc, out, err = cli(None, command, "--help")
    return option in out


def company(rng, i):
    name = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return "%s %s %s %d" % (name, rng.choice(KINDS), rng.choice(FORMS), i)


def csl_row(rng, i, name, country):
    fields = [""] * 29
    fields[0] = "%040x" % (0xc1ea0000 + i)
    fields[1] = SOURCES[i % len(SOURCES)]
    fields[5] = name
    fields[7] = "%d Harbour Road, Port City, %s" % (i, country)
    fields[8] = "%d FR %d" % (80 + i % 10, 1000 + i)
    fields[9] = "2020-01-%02d" % (1 + i % 28)
    fields[22] = "%s Group; %s Holding" % (name.split()[0], name.split()[0])
    fields[23] = country
    return ",".join('"%s"' % f.replace('"', '""') if ("," in f or '"' in f) else f for f in fields)


def make_lists(n, rng):
    """v1 with n records; v2 drops 10 %, renames 10 % and adds 15 %."""
    rows = [(i, company(rng, i), rng.choice(COUNTRIES)) for i in range(n)]
    v1 = [CSL_HEADER] + [csl_row(rng, i, name, c) for i, name, c in rows]
    v2 = [CSL_HEADER]
    for i, name, c in rows:
        if i % 10 == 3:
            continue                                    # removed
        if i % 10 == 5:
            name = name.replace(" ", " New ", 1)        # renamed
        v2.append(csl_row(rng, i, name, c))
    for j in range(n, n + n * 15 // 100):
        v2.append(csl_row(rng, j, company(rng, j), rng.choice(COUNTRIES)))
    return rows, "\n".join(v1) + "\n", "\n".join(v2) + "\n"


def shipment(name, country, reference):
    return json.dumps({
        "schema_version": 1, "reference": reference, "date": "2025-10-01", "destination": country,
        "items": [{"description": "spare parts", "eccn": "EAR99", "quantity": 2}],
        "parties": [{"role": "end_user", "name": name, "country": country},
                    {"role": "purchaser", "name": "Muster Handels GmbH", "country": "DE"}],
    }, indent=1) + "\n"


class Server:
    """A local HTTP server (127.0.0.1) serving one list file for `update`."""

    def __init__(self, body):
        handler_body = body.encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(handler_body)))
                self.end_headers()
                try:
                    self.wfile.write(handler_body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = "http://127.0.0.1:%d/consolidated.csv" % self.httpd.server_address[1]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# ------------------------------------------------------------ fixture --

class World:
    """A temporary folder with the list files, shipments and template databases."""

    def __init__(self, n_records, n_cases):
        self.dir = tempfile.mkdtemp(prefix="clearance-robustness-")
        rng = random.Random(SEED)
        self.rows, v1, v2 = make_lists(n_records, rng)
        self.v1 = self.write("consolidated-v1.csv", v1)
        self.v2 = self.write("consolidated-v2.csv", v2)
        self.v2_text = v2
        self.shipments = []
        # Parties named as listed (hits), a fifth of them on entries v2 renames or drops.
        picks = [r for r in self.rows if r[0] % 10 in (3, 5)][: n_cases // 5] + \
                [r for r in self.rows if r[0] % 10 not in (3, 5)][: n_cases - n_cases // 5]
        for k, (i, name, country) in enumerate(picks):
            self.shipments.append(self.write("po-%03d.json" % k, shipment(name, country, "PO-%03d" % k)))
        self.base = os.path.join(self.dir, "base.db")
        must(self.base, "import", self.v1)
        for path in self.shipments[: n_cases // 2]:
            must(self.base, "evaluate", "--save", path)
        self._with_v2 = None

    @property
    def with_v2(self):
        """For rescreen: the queue decided, then v2 imported (it renames and drops some hits)."""
        if self._with_v2 is None:
            self._with_v2 = os.path.join(self.dir, "with-v2.db")
            copy_db(self.base, self._with_v2)
            for (item,) in query(self._with_v2, "SELECT id FROM review_items WHERE status = 'open'"):
                must(self._with_v2, "review", "decide", str(item), "--no-match", "--reason", "different-entity")
            must(self._with_v2, "import", self.v2)
        return self._with_v2

    def write(self, name, text, mode="w"):
        path = os.path.join(self.dir, name)
        with open(path, mode) as f:
            f.write(text)
        return path

    def path(self, name):
        return os.path.join(self.dir, name)

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


# --------------------------------------------------------------- kill --

def list_state(db):
    rows = query(db, "SELECT id, record_count FROM list_version WHERE source = 'csl' AND status = 'current'")
    versions = query(db, "SELECT count(*) FROM list_version WHERE source = 'csl'")[0][0]
    if not rows:
        return (versions, None, 0, 0)
    vid, records = rows[0]
    entries = query(db, "SELECT count(*) FROM list_entry WHERE version_id = ?", (vid,))[0][0]
    counts = query(db, "SELECT coalesce(sum(records), 0) FROM list_count WHERE version_id = ?", (vid,))[0][0]
    return (versions, records, entries, counts)


def case_state(db):
    cases = query(db, "SELECT count(*) FROM cases")[0][0]
    results = query(db, "SELECT count(*) FROM cases WHERE result IS NOT NULL")[0][0]
    return (cases, results)


def review_state(db, item):
    status = query(db, "SELECT status FROM review_items WHERE id = ?", (item,))
    decisions = query(db, "SELECT count(*) FROM audit_log WHERE action = 'review.decide'")[0][0]
    return (status[0][0] if status else None, decisions)


def queue_state(db):
    items = tuple(query(db, "SELECT id, status, entry_name FROM review_items ORDER BY id"))
    runs = query(db, "SELECT count(*) FROM rescreen_runs")[0][0]
    return (runs, items)


class KillOp:
    """One operation to interrupt: its template, its command and its state."""

    def __init__(self, world, name, server=None):
        self.world = world
        self.name = name
        self.template = world.base
        self.item = None
        if name == "import":
            self.args = ["import", world.v2]
            self.state = list_state
        elif name == "update":
            self.args = ["update", "--url", server.url, "csl"]
            if supports("update", "--allow-http"):
                self.args.insert(1, "--allow-http")
            self.state = list_state
        elif name == "evaluate":
            self.args = ["evaluate", "--save", world.shipments[-1]]
            self.state = case_state
        elif name == "decide":
            items = query(world.base, "SELECT id FROM review_items WHERE status = 'open' ORDER BY id")
            if not items:
                raise RuntimeError("the template has no open review item")
            self.item = items[0][0]
            self.args = ["review", "decide", str(self.item), "--no-match", "--reason", "different-entity",
                         "--reviewer", "Harness"]
            self.state = lambda db: review_state(db, self.item)
        elif name == "rescreen":
            self.template = world.with_v2
            self.args = ["rescreen"]
            self.state = queue_state
        else:
            raise ValueError(name)

    def reference(self):
        """The state before, the state after an uninterrupted run, and how long it takes."""
        db = self.world.path("reference-%s.db" % self.name)
        copy_db(self.template, db)
        old = self.state(db)
        t0 = time.monotonic()
        must(db, *self.args)
        duration = time.monotonic() - t0
        new = self.state(db)
        return old, new, duration


def kill_trials(tap, world, op_name, trials, rng, strict_save):
    server = Server(world.v2_text) if op_name == "update" else None
    try:
        op = KillOp(world, op_name, server)
        old, new, duration = op.reference()
        tap.note(("%s: old state %s, new state %s" % (op_name, old, new))[:400])
        tap.note("%s: an uninterrupted run takes %.2f s" % (op_name, duration))
        if not tap.ok(old != new, "%s changes the state it is checked on" % op_name, "old == new == %s" % (old,)):
            return 0, 0
        db = world.path("trial-%s.db" % op_name)
        survived = 0
        partial_saves = 0
        killed = 0
        for t in range(trials):
            copy_db(op.template, db)
            delay = rng.uniform(0.0, duration * 1.1)
            proc = subprocess.Popen([CLI, "--db", db] + op.args, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                killed += 1
            proc.wait()

            problems = []
            # The next process opens the database first, as a user's would.
            rc, out, err = cli(db, "audit", "verify")
            if rc != 0:
                problems.append("audit verify: exit %d: %s" % (rc, err.strip()))
            rc, out, err = cli(db, "info")
            if rc != 0:
                problems.append("info: exit %d: %s" % (rc, err.strip()))
            check = integrity(db)
            if check != "ok":
                problems.append("integrity_check: %s" % check)
            if op_name == "rescreen":
                # Resumable: finishing it gives what one uninterrupted run gives.
                rc, out, err = cli(db, "rescreen")
                if rc != 0:
                    problems.append("rescreen after the kill: exit %d: %s" % (rc, err.strip()))
            state = op.state(db)
            if op_name == "evaluate" and state == (new[0], old[1]):
                partial_saves += 1          # a case without its result: issue 16 §4
                if strict_save:
                    problems.append("a case was saved without its result: %s" % (state,))
            elif op_name == "rescreen" and state != new:
                problems.append("after the rerun, state %s is not the one run's %s" % (state, new))
            elif state not in (old, new):
                problems.append("state %s is neither the old %s nor the new %s" % (state, old, new))
            if not problems:
                survived += 1
            tap.ok(not problems, "%s: kill -9 after %.3f s (trial %d)" % (op_name, delay, t + 1),
                   "\n".join(problems))
        tap.note("%s: %d trials (%d killed while running), %d survived every check%s" %
                 (op_name, trials, killed, survived,
                  (", %d left a case without its result (issue 16 §4)" % partial_saves) if op_name == "evaluate" else ""))
        return trials, survived
    finally:
        if server is not None:
            server.close()


# -------------------------------------------------------- concurrency --

def concurrency(tap, world, rounds):
    db = world.path("concurrent.db")
    copy_db(world.base, db)
    before = query(db, "SELECT count(*) FROM cases")[0][0]
    results = {"import": [], "evaluate": [], "decide": [], "list": []}
    versions_before = query(db, "SELECT count(*) FROM list_version")[0][0]
    items = [r[0] for r in query(db, "SELECT id FROM review_items WHERE status = 'open' ORDER BY id")]

    def writer(kind):
        for k in range(rounds):
            path = world.shipments[k % len(world.shipments)]
            if kind == "import":
                args = ["case", "import", path]
            elif kind == "evaluate":
                args = ["evaluate", "--save", path]
            elif kind == "list":
                if k >= max(2, rounds // 4):
                    break
                args = ["import", world.v2 if k % 2 == 0 else world.v1]
            else:
                if k >= len(items):
                    break
                args = ["review", "decide", str(items[k]), "--no-match", "--reason", "name-coincidence"]
            rc, out, err = cli(db, *args)
            results[kind].append((rc, out, err))

    threads = [threading.Thread(target=writer, args=(kind,)) for kind in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    trials = sum(len(v) for v in results.values())
    busy = 0
    problems = []
    for kind, runs in results.items():
        for rc, out, err in runs:
            if rc == 0:
                continue
            if re.search(r"locked|busy|another Clearance", err):
                busy += 1
            else:
                problems.append("%s: exit %d: %s" % (kind, rc, err.strip()))
    ok_cases = sum(1 for rc, _, _ in results["import"] + results["evaluate"] if rc == 0)
    ok_decisions = sum(1 for rc, _, _ in results["decide"] if rc == 0)
    after = query(db, "SELECT count(*) FROM cases")[0][0]
    decided = query(db, "SELECT count(*) FROM audit_log WHERE action = 'review.decide'")[0][0]
    tap.ok(not problems, "concurrent writers: every failure is a clear busy message", "\n".join(problems))
    tap.ok(after == before + ok_cases, "concurrent writers: every saved case is there (%d + %d = %d)" %
           (before, ok_cases, after), "expected %d cases, found %d" % (before + ok_cases, after))
    ok_lists = sum(1 for rc, _, _ in results["list"] if rc == 0)
    versions = query(db, "SELECT count(*) FROM list_version")[0][0]
    tap.ok(versions == versions_before + ok_lists, "concurrent writers: every imported list version is there (%d)" %
           versions, "expected %d versions, found %d" % (versions_before + ok_lists, versions))
    tap.ok(decided == ok_decisions, "concurrent writers: every decision is in the audit trail (%d)" % ok_decisions,
           "%d decisions reported, %d in the trail" % (ok_decisions, decided))
    rc, out, err = cli(db, "audit", "verify")
    tap.ok(rc == 0, "concurrent writers: audit verify", err)
    tap.ok(integrity(db) == "ok", "concurrent writers: integrity_check")
    survived = trials - len(problems) - busy
    tap.note("concurrency: %d commands from 4 processes at once, %d succeeded, %d refused as busy, %d failed" %
             (trials, survived, busy, len(problems)))
    return trials, survived


# ---------------------------------------------------------- bad input --

def nested(levels):
    return "[" * levels + "]" * levels


def bad_inputs(world):
    """(name, command, file name, bytes, text the message must hold)."""
    good = json.loads(shipment("Beispiel AG", "DE", "PO-1"))

    def with_party(name):
        s = json.loads(json.dumps(good))
        s["parties"][1]["name"] = name
        return json.dumps(s, indent=1).encode()

    def with_item(key, raw):
        text = json.dumps(good, indent=1).replace('"quantity": 2', '"%s": %s' % (key, raw))
        return text.encode()

    header = CSL_HEADER.encode()
    first_row = open(world.v1, "rb").read().split(b"\n")[1]
    cases = []
    for command in (["evaluate"], ["case", "import"]):
        label = " ".join(command)
        cases += [
            (label + ": NUL in a name", command, "nul.json", with_party("A\u0000Huawei Technologies Co., Ltd."), "NUL"),
            (label + ": two documents", command, "two.json",
             json.dumps(good).encode() + b"\n" + json.dumps(good).encode(), "more than one JSON document"),
            (label + ": blank name", command, "blank.json", with_party("   "), "parties[1].name"),
            (label + ": punctuation name", command, "punct.json", with_party("-.-"), "parties[1].name"),
            (label + ": name over 4096 bytes", command, "long.json", with_party("A" * 5000), "parties[1].name"),
            (label + ": 2^64-1", command, "bigint.json", with_item("quantity", "18446744073709551615"),
             "items[0].quantity"),
            (label + ": schema_version \"1\"", command, "schema.json",
             json.dumps(good, indent=1).replace('"schema_version": 1', '"schema_version": "1"').encode(),
             "schema_version"),
            (label + ": 100,000 levels", command, "deep.json", with_item("quantity", nested(100000)),
             "deeper than 64"),
            (label + ": truncated", command, "cut.json", json.dumps(good).encode()[:-20], "not valid JSON"),
            (label + ": not UTF-8", command, "latin1.json", with_party("M\xfcller").replace(b"\\u00fc", b"\xfc"),
             "UTF-8"),
            (label + ": empty file", command, "empty.json", b"", "empty"),
        ]
    cases += [
        ("import: CSL JSON, 100,000 levels", ["import"], "csl-deep.json",
         b'{"results": [{"name": "x", "source": "' + SOURCES[0].encode() + b'", "alt_names": ' +
         nested(100000).encode() + b"}]}", "deeper than 64"),
        ("import: CSL JSON, NUL in a name", ["import"], "csl-nul.json",
         b'{"results": [\n{"name": "A\\u0000Huawei", "source": "' + SOURCES[0].encode() + b'"}]}', "NUL"),
        ("import: CSL JSON, 2^64-1", ["import"], "csl-int.json",
         b'{"results": [{"name": "Huawei", "source": "' + SOURCES[0].encode() + b'", "x": 18446744073709551615}]}',
         "does not fit"),
        ("import: CSL JSON, two documents", ["import"], "csl-two.json",
         b'{"results": []}\n{"results": []}', "after the end"),
        ("import: CSL JSON, truncated", ["import"], "csl-cut.json",
         b'{"results": [{"name": "Huawei", "source": "', "cut off"),
        ("import: rule pack, 100,000 levels", ["import"], "pack-deep.json",
         b'{"format": "clearance-rule-pack", "countries": ' + nested(100000).encode() + b"}", "deeper than 64"),
        ("import: rule pack, two documents", ["import"], "pack-two.json",
         b'{"format": "clearance-rule-pack"}\n{}', "more than one JSON document"),
        ("import: empty list", ["import"], "empty.csv", b"", "empty"),
        ("import: gzip data", ["import"], "list.csv.gz", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, "binary"),
        ("import: HTML page", ["import"], "list.csv",
         b"<!DOCTYPE html>\n<html><body>Service unavailable</body></html>\n", "list"),
        ("import: unknown CSV header", ["import"], "people.csv", b"first,last\nAda,Lovelace\n", "people.csv"),
        ("import: unclosed quote", ["import"], "quote.csv", header + b"\n" + first_row + b'\n"broken,\n',
         "quote.csv"),
        ("import: NUL byte in a CSV", ["import"], "nul.csv", header + b"\n" + first_row.replace(b",", b",\x00", 1),
         "nul.csv"),
        ("import: name over 4096 bytes", ["import"], "longname.csv",
         header + b"\n" + csl_row(random.Random(1), 99999, "N" * 5000, "CN").encode() + b"\n",
         "longname.csv"),
        ("import: truncated OFAC XML", ["import"], "sdn.xml",
         b'<?xml version="1.0"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">\n<sdnEntry><uid>1</uid>',
         "sdn.xml"),
        ("import: rows with too many fields", ["import"], "fields.csv",
         header + b"\n" + first_row + b",extra,extra\n", "fields.csv"),
    ]
    return cases


def bad_input(tap, world):
    db = world.path("bad-input.db")
    copy_db(world.base, db)
    trials = survived = 0
    for name, command, file_name, data, expect in bad_inputs(world):
        path = world.write(file_name, data, "wb")
        before = summary(db)
        rc, out, err = cli(db, *(command + [path]))
        after = summary(db)
        problems = []
        if rc != 1:
            problems.append("exit %d (expected 1)" % rc)
        if file_name not in err:
            problems.append("the message does not name %s" % file_name)
        if expect.lower() not in err.lower():
            problems.append("“%s” not in the message" % expect)
        if after != before:
            problems.append("the database changed: %s → %s" % (before, after))
        trials += 1
        if not problems:
            survived += 1
        tap.ok(not problems, "bad input: " + name, "\n".join(problems + ["stderr: " + err.strip()[:300]]))
    tap.note("bad input: %d files, %d refused cleanly" % (trials, survived))
    return trials, survived


# --------------------------------------------------------------- fuzz --

TOKENS = [b"\\u0000", b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"null", b"true", b"-",
          b"18446744073709551615", b"1e999", b"-0", b"0.0000001", b"\xff", b"\xc3", b"\x00", b"\n", b"\r",
          b'"schema_version": "1",', b'"name": "",', b"\xef\xbb\xbf", b"=cmd|' /C calc'!A0", b";", b"\t"]


def mutate(rng, data):
    data = bytearray(data)
    for _ in range(rng.choice([1, 1, 1, 2, 3, 6])):
        choice = rng.randrange(9)
        pos = rng.randrange(len(data) + 1)
        if choice == 0 and data:                      # flip a byte
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif choice == 1:                             # insert a token
            data[pos:pos] = rng.choice(TOKENS)
        elif choice == 2 and data:                    # delete a run
            del data[pos:pos + rng.randint(1, 64)]
        elif choice == 3 and data:                    # duplicate a run
            end = min(len(data), pos + rng.randint(1, 200))
            data[pos:pos] = data[pos:end]
        elif choice == 4:                             # truncate
            del data[pos:]
        elif choice == 5:                             # nest deeply
            n = rng.choice([10, 63, 64, 65, 1000, 100000])
            data[pos:pos] = b"[" * n + b"]" * n
        elif choice == 6 and data:                    # swap two runs
            a = rng.randrange(len(data))
            b = rng.randrange(len(data))
            a, b = min(a, b), max(a, b)
            data[a:b] = bytes(reversed(data[a:b]))
        elif choice == 7:                             # a long run
            data[pos:pos] = bytes([rng.choice(b"A,\"\\ 9")]) * rng.choice([100, 4097, 70000])
        else:                                         # a digit storm
            data[pos:pos] = str(rng.randrange(-10 ** 30, 10 ** 30)).encode()
    return bytes(data)


def fuzz(tap, world, trials, rng):
    db = world.path("fuzz.db")
    copy_db(world.base, db)
    seeds = []
    good = open(world.shipments[0], "rb").read()
    seeds.append(("shipment", ["evaluate"], "s.json", good))
    seeds.append(("shipment", ["case", "import"], "s.json", good))
    v1_lines = open(world.v1, "rb").read().split(b"\n")
    small_csv = b"\n".join(v1_lines[:40]) + b"\n"
    seeds.append(("CSL CSV", ["import"], "l.csv", small_csv))
    records = []
    for line in v1_lines[1:30]:
        if line:
            f = line.decode().split(",")
            records.append({"id": f[0], "source": SOURCES[0], "name": f[5], "alt_names": [f[5] + " Group"],
                            "addresses": [{"address": "1 Road", "city": "Port City", "country": "CN"}]})
    seeds.append(("CSL JSON", ["import"], "l.json", json.dumps({"total": len(records), "results": records},
                                                                indent=1).encode()))
    seeds.append(("OFAC XML", ["import"], "sdn.xml",
                  b'<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">\n'
                  b"<publshInformation><Publish_Date>01/02/2025</Publish_Date><Record_Count>1</Record_Count>"
                  b"</publshInformation>\n<sdnEntry><uid>36</uid><lastName>AEROCARIBBEAN AIRLINES</lastName>"
                  b"<sdnType>Entity</sdnType><programList><program>CUBA</program></programList>"
                  b"<akaList><aka><uid>12</uid><type>a.k.a.</type><category>strong</category>"
                  b"<lastName>AERO-CARIBBEAN</lastName></aka></akaList></sdnEntry>\n</sdnList>\n"))

    counts = {}
    bad = 0
    for t in range(trials):
        kind, command, file_name, seed = seeds[t % len(seeds)]
        data = mutate(rng, seed)
        path = world.write("fuzz-" + file_name, data, "wb")
        rc, out, err = cli(db, *(command + [path]), timeout=120)
        counts[rc] = counts.get(rc, 0) + 1
        good_exit = rc in (0, 1) and (rc == 0 or err.strip() != "")
        if not good_exit:
            bad += 1
            keep = world.path("crash-%d-%s" % (t, file_name))
            shutil.copy(path, keep)
            kept = os.path.join(os.environ.get("G_TEST_BUILDDIR", tempfile.gettempdir()),
                                "robustness-crash-%d-%s" % (t, file_name))
            shutil.copy(path, kept)
            tap.ok(False, "fuzz %s (%s) trial %d" % (kind, " ".join(command), t + 1),
                   "exit %d (signal %d); input kept as %s\n%s" % (rc, -rc if rc < 0 else 0, kept, err[-800:]))
    rc, out, err = cli(db, "audit", "verify")
    tap.ok(rc == 0, "fuzz: audit verify afterwards", err)
    tap.ok(integrity(db) == "ok", "fuzz: integrity_check afterwards")
    tap.ok(bad == 0, "fuzz: %d mutated inputs (seed %d), exit codes %s, never 3 or a signal" %
           (trials, SEED, dict(sorted(counts.items()))), "%d bad exits" % bad)
    tap.note("fuzz: %d trials, %d survived" % (trials, trials - bad))
    return trials, trials - bad


# --------------------------------------------------------------- main --

def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("part", choices=["kill", "concurrency", "bad-input", "fuzz", "all"])
    parser.add_argument("ops", nargs="*", help="for kill: import update evaluate decide rescreen")
    parser.add_argument("--long", action="store_true", help="the full trial counts")
    parser.add_argument("--trials", type=int, help="override the trial count")
    parser.add_argument("--strict-save", action="store_true",
                        help="kill: a case saved without its result fails (once evaluate --save is one transaction)")
    args = parser.parse_args()

    if not CLI or not os.access(CLI, os.X_OK):
        print("1..0 # SKIP CLEARANCE_CLI is not set")
        return 0

    tap = Tap()
    rng = random.Random(SEED)
    # Big enough lists that a kill lands inside the import; the other parts need fewer.
    if args.long:
        n_records = 20000 if args.part in ("kill", "all") else 5000
    else:
        n_records = 3000 if args.part in ("kill", "all") else 600
    world = World(n_records, 40 if args.long else 10)
    totals = [0, 0]
    try:
        parts = ["kill", "concurrency", "bad-input", "fuzz"] if args.part == "all" else [args.part]
        for part in parts:
            if part == "kill":
                ops = args.ops or ["import", "update", "evaluate", "decide", "rescreen"]
                for op in ops:
                    n = args.trials or (40 if args.long else 6)
                    t, s = kill_trials(tap, world, op, n, rng, args.strict_save)
                    totals[0] += t
                    totals[1] += s
            elif part == "concurrency":
                t, s = concurrency(tap, world, args.trials or (60 if args.long else 8))
            elif part == "bad-input":
                t, s = bad_input(tap, world)
            else:
                t, s = fuzz(tap, world, args.trials or (5000 if args.long else 200), rng)
            if part != "kill":
                totals[0] += t
                totals[1] += s
        tap.note("total: %d trials, %d survived (%s, %d list records)" %
                 (totals[0], totals[1], "long" if args.long else "short", n_records))
    finally:
        world.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
