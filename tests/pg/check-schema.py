#!/usr/bin/python3
# check-schema.py — the PostgreSQL migrations give the schema the SQLite ones do,
# and the team roles (data/postgresql/clearance-roles.sql) grant what they say
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-schema.py [SOURCE_ROOT]
#
# Starts a private cluster (tests/pg/clr-pg-cluster.sh), applies
# app/store/sql/postgresql/*.sql in order (each in one transaction, as psql
# -1), and compares the result with a fresh SQLite database migrated by
# app/store/sql/*.sql: tables, columns (order, type, NOT NULL, default,
# identity), primary keys, indexes (unique, columns, order, partial
# predicate), foreign keys and triggers. Then runs the same statements on
# both engines (CHECK constraints, unique indexes, foreign keys, the audit
# trail's append-only triggers) and expects the same outcome, and checks
# the roles script. Exit 0 when all holds, 1 otherwise, 77 (skipped) when
# no PostgreSQL server is installed.

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), '..', '..'))
SQL_DIR = os.path.join(ROOT, 'app', 'store', 'sql')
PG_DIR = os.path.join(SQL_DIR, 'postgresql')
ROLES = os.path.join(ROOT, 'data', 'postgresql', 'clearance-roles.sql')
CLUSTER = os.path.join(ROOT, 'tests', 'pg', 'clr-pg-cluster.sh')
SEP = '\t'

# SQLite triggers PostgreSQL does not need, and PostgreSQL's own.
SQLITE_ONLY_TRIGGERS = {'audit_log_no_replace'}   # a taken id fails on the primary key
PG_ONLY_TRIGGERS = {'audit_log_no_truncate'}      # TRUNCATE fires no row trigger
TYPES = {'INTEGER': 'bigint', 'BIGINT': 'bigint', 'TEXT': 'text', 'REAL': 'double precision'}
ON_DELETE = {'a': 'NO ACTION', 'c': 'CASCADE', 'r': 'RESTRICT', 'n': 'SET NULL', 'd': 'SET DEFAULT'}

failures = []


def check(ok, what):
    print(('ok   ' if ok else 'FAIL ') + what)
    if not ok:
        failures.append(what)
    return ok


def migrations(folder):
    return sorted(f for f in os.listdir(folder) if re.match(r'^\d{4}-.*\.sql$', f))


class Server:
    def __init__(self, uri):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(uri).query)
        self.host = query['host'][0]
        self.superuser = query['user'][0]

    def uri(self, db='postgres', user=None):
        return 'postgresql:///%s?host=%s&user=%s' % (db, urllib.parse.quote(self.host),
                                                      user or self.superuser)

    def run(self, sql=None, db='postgres', user=None, file=None, single=False):
        """(ok, rows text, SQLSTATE or None, error text)"""
        args = ['psql', '-X', '-q', '-At', '-F', SEP, '-v', 'ON_ERROR_STOP=1',
                '-v', 'VERBOSITY=verbose', '-d', self.uri(db, user)]
        if single:
            args.append('-1')
        args += ['-f', file] if file else ['-c', sql]
        proc = subprocess.run(args, capture_output=True, text=True,
                              env=dict(os.environ, PGCONNECT_TIMEOUT='10'))
        state = re.search(r'ERROR:\s+([0-9A-Z]{5}):', proc.stderr)
        return (proc.returncode == 0, proc.stdout.rstrip('\n'),
                state.group(1) if state else None, proc.stderr.strip())

    def rows(self, sql, db='postgres'):
        ok, out, _, err = self.run(sql, db)
        if not ok:
            raise RuntimeError('%s: %s' % (sql, err))
        return [line.split(SEP) for line in out.splitlines()] if out else []


# ---------------------------------------------------------------- schema

def norm_default(value):
    if value is None or value == '':
        return None
    value = re.sub(r'::(text|bigint|integer|double precision)\b', '', value)
    return value.strip('()')


def norm_pred(pred):
    pred = re.sub(r'::[a-z ]+', '', pred or '').lower()
    return re.sub(r'[\s()"]', '', pred)


def sqlite_schema(db):
    schema = {}
    for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite_%'"):
        info = db.execute('PRAGMA table_info(%s)' % name).fetchall()
        pk = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        rowid_alias = len(pk) == 1 and any(r[1] == pk[0] and r[2] == 'INTEGER' for r in info) \
            and 'WITHOUT ROWID' not in sql.upper()
        columns = [(r[1], TYPES[r[2]], bool(r[3] or r[5]), norm_default(r[4]),
                    rowid_alias and r[1] == pk[0]) for r in info]
        indexes, named = [], {}
        if rowid_alias:
            indexes.append((True, tuple(pk), ''))
        for _, iname, unique, origin, partial in db.execute('PRAGMA index_list(%s)' % name):
            cols = tuple(r[2] + (' DESC' if r[3] else '')
                         for r in db.execute('PRAGMA index_xinfo(%s)' % iname) if r[5])
            pred = ''
            if partial:
                isql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (iname,)).fetchone()[0]
                pred = re.search(r'\bWHERE\b(.*)$', isql, re.S | re.I).group(1)
            sig = (bool(unique), cols, norm_pred(pred))
            indexes.append(sig)
            if origin == 'c':
                named[iname] = sig
        fks = {}
        for fid, _, table, frm, to, _, on_delete, _ in db.execute('PRAGMA foreign_key_list(%s)' % name):
            f = fks.setdefault(fid, [[], table, [], on_delete])
            f[0].append(frm)
            f[2].append(to)
        schema[name] = {'columns': columns, 'pk': pk, 'indexes': sorted(indexes), 'named': named,
                        'fks': sorted((tuple(f[0]), f[1], tuple(f[2]), f[3]) for f in fks.values())}
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return schema, triggers


def pg_schema(server, db='postgres'):
    schema = {}
    for table, col, dtype, nullable, default, identity in server.rows(
            "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, ''), "
            "is_identity FROM information_schema.columns WHERE table_schema = 'public' "
            "ORDER BY table_name, ordinal_position", db):
        t = schema.setdefault(table, {'columns': [], 'pk': [], 'indexes': [], 'named': {}, 'fks': []})
        t['columns'].append((col, dtype, nullable == 'NO', norm_default(default), identity == 'YES'))
    for table, col in server.rows(
            "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc "
            "JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name) "
            "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public' "
            "ORDER BY tc.table_name, kcu.ordinal_position", db):
        schema[table]['pk'].append(col)
    for table, iname, unique, definition, pred in server.rows(
            "SELECT t.relname, i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid), "
            "coalesce(pg_get_expr(ix.indpred, ix.indrelid), '') FROM pg_index ix "
            "JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid "
            "WHERE t.relnamespace = 'public'::regnamespace", db):
        cols = re.search(r'USING \w+ \((.*?)\)(?: WHERE|$)', definition).group(1)
        sig = (unique == 't', tuple(c.strip().replace('"', '') for c in cols.split(',')), norm_pred(pred))
        schema[table]['indexes'].append(sig)
        schema[table]['named'][iname] = sig
    for table, ref, deltype, frm, to in server.rows(
            "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text, c.confdeltype, "
            "(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(num, n) "
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num), "
            "(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(num, n) "
            " JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num) "
            "FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace", db):
        schema[table]['fks'].append((tuple(frm.split(',')), ref, tuple(to.split(',')), ON_DELETE[deltype]))
    for t in schema.values():
        t['indexes'].sort()
        t['fks'].sort()
    triggers = {r[0] for r in server.rows(
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
        "AND tgrelid::regclass::text NOT LIKE 'pg_%'", db)}
    return schema, triggers


def compare_schemas(lite, pg):
    lite_tables, lite_triggers = lite
    pg_tables, pg_triggers = pg
    check(sorted(lite_tables) == sorted(pg_tables),
          'the same tables: %s' % ', '.join(sorted(lite_tables)))
    for name in sorted(lite_tables):
        a, b = lite_tables[name], pg_tables.get(name)
        if b is None:
            continue
        for what in ('columns', 'pk', 'indexes', 'fks'):
            if not check(a[what] == b[what], '%s: the same %s' % (name, what)):
                print('     only sqlite:     %s\n     only postgresql: %s'
                      % ([x for x in a[what] if x not in b[what]], [x for x in b[what] if x not in a[what]]))
        for iname, sig in sorted(a['named'].items()):
            check(b['named'].get(iname) == sig, '%s: index %s %s' % (name, iname, sig))
    check(lite_triggers - SQLITE_ONLY_TRIGGERS == pg_triggers - PG_ONLY_TRIGGERS,
          'the same triggers: %s + %s'
          % (', '.join(sorted(pg_triggers - PG_ONLY_TRIGGERS)), ', '.join(sorted(PG_ONLY_TRIGGERS))))


# ---------------------------------------------------------------- behaviour

REVIEW_ITEM = ("INSERT INTO review_items (party_key, party_country, party_name, origin, list_code, "
               "entry_key, status, reason, first_seen_at, last_seen_at) VALUES ")
AUDIT = ('INSERT INTO audit_log (id, at, "user", display_name, action, subject_type, subject_id, '
         "prev_hash, hash) VALUES ")
APPEND_ONLY = 'the audit trail is append-only: entries cannot be '

# (what, SQL for both or (SQLite, PostgreSQL), expected): None = succeeds;
# 'constraint' = refused by a constraint; 'rows:…' = succeeds with these
# rows ('|' between columns, newline between rows); 're:…' = one value
# matching; anything else = refused with this message.
CASES = [
    ('created_at in ISO 8601 UTC', "SELECT value FROM meta WHERE key = 'created_at'",
     r're:^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'),
    ('no audit head before the first entry', "SELECT count(*) FROM meta WHERE key = 'audit_head'", 'rows:0'),
    ('the built-in sources', 'SELECT id, enabled, custom FROM list_source ORDER BY position',
     'rows:csl|1|0\nofac-sdn|1|0\nofac-nonsdn|1|0\nbis-dpl|1|0'),
    ('a list version with its id',
     "INSERT INTO list_version (id, source, file_name, sha256, imported_at) VALUES (1, 'csl', 'a', 'h1', 'x')",
     None),
    ('a second current version of a source',
     "INSERT INTO list_version (id, source, file_name, sha256, imported_at) VALUES (2, 'csl', 'b', 'h2', 'x')",
     'constraint'),
    ('two previous versions of a source',
     "INSERT INTO list_version (id, source, file_name, sha256, imported_at, status) VALUES "
     "(2, 'csl', 'b', 'h2', 'x', 'previous'), (3, 'csl', 'c', 'h3', 'x', 'previous')", None),
    ('a current version of another source',
     "INSERT INTO list_version (id, source, file_name, sha256, imported_at) VALUES (4, 'dpl', 'd', 'h4', 'x')",
     None),
    ('an unknown version status',
     "INSERT INTO list_version (id, source, file_name, sha256, imported_at, status) "
     "VALUES (5, 'x', 'e', 'h5', 'x', 'bogus')", 'constraint'),
    ('list version defaults', 'SELECT record_count, warnings_json, pruned, fetched_without_tls '
     'FROM list_version WHERE id = 1', 'rows:0|[]|0|0'),
    ('an entry of a version',
     "INSERT INTO list_entry (version_id, entry_key, name_key, list_code, name, content_hash, data) "
     "VALUES (1, 'k', 'n', 'SDN', 'N', 'c', '{}')", None),
    ('an entry of no version',
     "INSERT INTO list_entry (version_id, entry_key, name_key, list_code, name, content_hash, data) "
     "VALUES (99, 'k', 'n', 'SDN', 'N', 'c', '{}')", 'constraint'),
    ('a list count', "INSERT INTO list_count (version_id, list_code, records, names) VALUES (1, 'SDN', 1, 2)",
     None),
    ('a list count twice', "INSERT INTO list_count (version_id, list_code, records, names) VALUES (1, 'SDN', 1, 2)",
     'constraint'),
    ('removing a version removes its entries and counts',
     'DELETE FROM list_version WHERE id = 1', None),
    ('… gone', 'SELECT (SELECT count(*) FROM list_entry) + (SELECT count(*) FROM list_count)', 'rows:0'),
    ('an active rule pack',
     "INSERT INTO rule_pack (pack_id, version, published, title, sha256, origin, imported_at, active, json) "
     "VALUES ('p', '1', 'x', 't', 's1', 'bundled', 'x', 1, '{}')", None),
    ('a second active rule pack',
     "INSERT INTO rule_pack (pack_id, version, published, title, sha256, origin, imported_at, active, json) "
     "VALUES ('p', '2', 'x', 't', 's2', 'bundled', 'x', 1, '{}')", 'constraint'),
    ('an inactive rule pack',
     "INSERT INTO rule_pack (pack_id, version, published, title, sha256, origin, imported_at, json) "
     "VALUES ('p', '2', 'x', 't', 's2', 'bundled', 'x', '{}')", None),
    ('a rule pack stored twice',
     "INSERT INTO rule_pack (pack_id, version, published, title, sha256, origin, imported_at, json) "
     "VALUES ('p', '3', 'x', 't', 's2', 'file', 'x', '{}')", 'constraint'),
    ('a case gets id 1', "INSERT INTO cases (shipment, created_at, updated_at) VALUES ('{}', 'x', 'x') "
     'RETURNING id, status, revision', 'rows:1|open|1'),
    ('a deleted case', "INSERT INTO cases (shipment, created_at, updated_at, status) VALUES ('{}', 'x', 'x', 'gone')",
     'constraint'),
    ('a review item', REVIEW_ITEM + "('p', '', 'P', 'screen', 'SDN', 'e', 'open', NULL, 'x', 'x') RETURNING id",
     'rows:1'),
    ('the same item twice', REVIEW_ITEM + "('p', '', 'P', 'screen', 'SDN', 'e', 'open', NULL, 'x', 'x')",
     'constraint'),
    ('the same party in another country', REVIEW_ITEM + "('p', 'DE', 'P', 'screen', 'SDN', 'e', 'match', "
     "'other', 'x', 'x')", None),
    ('an unknown review status', REVIEW_ITEM + "('q', '', 'Q', 'screen', 'SDN', 'e', 'maybe', NULL, 'x', 'x')",
     'constraint'),
    ('an unknown reason', REVIEW_ITEM + "('q', '', 'Q', 'screen', 'SDN', 'e', 'no_match', 'whim', 'x', 'x')",
     'constraint'),
    ('a decision', "UPDATE review_items SET status = 'no_match', reason = 'different-entity' WHERE id = 1", None),
    ('a decision with an unknown reason', "UPDATE review_items SET reason = 'whim' WHERE id = 1", 'constraint'),
    ('review item defaults', 'SELECT entry_row, entry_removed, reopened, entry_snapshot IS NULL '
     'FROM review_items WHERE id = 1', ('rows:0|0|0|1', 'rows:0|0|0|t')),
    ('a sighting', "INSERT INTO review_sightings (item_id, seen_at) VALUES (1, 'x')", None),
    ('a sighting twice', "INSERT INTO review_sightings (item_id, seen_at) VALUES (1, 'x')", 'constraint'),
    ('a sighting of no item', "INSERT INTO review_sightings (item_id, seen_at) VALUES (99, 'x')", 'constraint'),
    ('a screened party', "INSERT INTO screened_parties (party_key, name, origin, first_screened_at, "
     "last_screened_at) VALUES ('p', 'P', 'screen', 'x', 'x')", None),
    ('a screened party twice', "INSERT INTO screened_parties (party_key, name, origin, first_screened_at, "
     "last_screened_at) VALUES ('p', 'P', 'batch', 'x', 'x')", 'constraint'),
    ('a snapshot, ignored the second time',
     "INSERT INTO review_entry_snapshots (hash, json) VALUES ('h', '{}'), ('h', '{}') ON CONFLICT DO NOTHING",
     None),
    ('… once', 'SELECT count(*) FROM review_entry_snapshots', 'rows:1'),
    ('re-screen state', "INSERT INTO rescreen_state (source, version_id, at) VALUES ('csl', 1, 'x')", None),
    ('re-screen state upserted', "INSERT INTO rescreen_state (source, version_id, at) VALUES ('csl', 2, 'y') "
     "ON CONFLICT (source) DO UPDATE SET version_id = excluded.version_id", None),
    ('… once', 'SELECT source, version_id FROM rescreen_state', 'rows:csl|2'),
    ('audit entries', AUDIT + "(1, 'x', 'u', 'U', 'a', 's', '1', 'p0', 'h1'), (2, 'x', 'u', 'U', 'a', 's', '1', "
     "'h1', 'h2')", None),
    ('changing an audit entry', "UPDATE audit_log SET display_name = 'M' WHERE id = 1", APPEND_ONLY + 'changed'),
    ('deleting an audit entry', 'DELETE FROM audit_log WHERE id = 2', APPEND_ONLY + 'deleted'),
    ('emptying the audit trail', ('DELETE FROM audit_log', 'TRUNCATE audit_log'), APPEND_ONLY + 'deleted'),
    ('an audit entry with a taken id', AUDIT + "(2, 'x', 'u', 'U', 'a', 's', '1', 'h1', 'h9')", 'constraint'),
    ('replacing an audit entry',
     (AUDIT.replace('INSERT', 'INSERT OR REPLACE') + "(2, 'x', 'u', 'U', 'a', 's', '1', 'h1', 'h9')",
      AUDIT + "(2, 'x', 'u', 'U', 'a', 's', '1', 'h1', 'h9') ON CONFLICT (id) DO UPDATE SET hash = excluded.hash"),
     APPEND_ONLY),
    ('… still the two entries', 'SELECT id, hash FROM audit_log ORDER BY id', 'rows:1|h1\n2|h2'),
    ('the audit case index skips case 0', AUDIT.replace('hash)', 'hash, case_id)') +
     "(3, 'x', 'u', 'U', 'a', 's', '1', 'h2', 'h3', 7)", None),
]


def outcome_sqlite(db, sql):
    try:
        rows = db.execute(sql).fetchall()
    except sqlite3.IntegrityError as e:
        return ('constraint', str(e))
    except sqlite3.Error as e:
        return ('error', str(e))
    return ('ok', '\n'.join('|'.join(str(v) for v in r) for r in rows))


def outcome_pg(server, sql):
    ok, out, state, err = server.run(sql)
    if ok:
        return ('ok', out.replace(SEP, '|'))
    return ('constraint' if state and state.startswith('23') else 'error', err)


def expected(outcome, want):
    kind, text = outcome
    if want is None:
        return kind == 'ok'
    if want.startswith('rows:'):
        return kind == 'ok' and text == want[5:]
    if want.startswith('re:'):
        return kind == 'ok' and re.match(want[3:], text) is not None
    if want == 'constraint':
        return kind == 'constraint'
    return kind == 'constraint' and want in text


def run_cases(lite, server):
    for what, sql, want in CASES:
        lite_sql, pg_sql = sql if isinstance(sql, tuple) else (sql, sql)
        lite_want, pg_want = want if isinstance(want, tuple) else (want, want)
        a, b = outcome_sqlite(lite, lite_sql), outcome_pg(server, pg_sql)
        if not check(expected(a, lite_want) and expected(b, pg_want), '%s (%s)' % (what, str(want).replace('\n', ' / '))):
            print('     sqlite:     %s\n     postgresql: %s' % (a, b))


def check_sequences(server, lite_schema):
    identity = sorted(t for t, info in lite_schema.items() if any(c[4] for c in info['columns']))
    names = server.rows('SELECT %s' % ', '.join("pg_get_serial_sequence('%s', 'id')" % t for t in identity))[0]
    check(names == ['public.%s_id_seq' % t for t in identity],
          'identity sequences are TABLE_id_seq: %s' % ', '.join(names))
    # What `db copy` does: rows with their ids, then the sequence past them.
    ok, out, _, err = server.run(
        "INSERT INTO cases (id, shipment, created_at, updated_at) VALUES (41, '{}', 'x', 'x'); "
        "SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases)); "
        "INSERT INTO cases (shipment, created_at, updated_at) VALUES ('{}', 'x', 'x') RETURNING id")
    check(ok and out.splitlines()[-1] == '42', 'explicit ids, setval, then the next id (%s)' % (out or err).replace('\n', ' '))


def check_upgrade(server):
    """0007 on a database with audit entries: its head goes into meta."""
    lite = sqlite3.connect(':memory:', isolation_level=None)
    server.run('CREATE DATABASE upgrade')
    files = migrations(SQL_DIR)
    for i, name in enumerate(files):
        if name.startswith('0007'):
            lite.execute(AUDIT + "(1, 'x', 'u', 'U', 'a', 's', '1', 'p0', 'h1'), "
                         "(2, 'x', 'u', 'U', 'a', 's', '1', 'h1', 'h2')")
            server.run(AUDIT + "(1, 'x', 'u', 'U', 'a', 's', '1', 'p0', 'h1'), "
                       "(2, 'x', 'u', 'U', 'a', 's', '1', 'h1', 'h2')", 'upgrade')
        lite.executescript(open(os.path.join(SQL_DIR, name)).read())
        server.run(db='upgrade', file=os.path.join(PG_DIR, name), single=True)
    sql = "SELECT value FROM meta WHERE key = 'audit_head'"
    a = lite.execute(sql).fetchall()
    b = server.rows(sql, 'upgrade')
    check(a == [('2 h2',)] and b == [['2 h2']], "0007 keeps the existing trail's head: %s / %s" % (a, b))


# ---------------------------------------------------------------- roles

def denied(result):
    return not result[0] and result[2] == '42501'


def check_roles(server, tables):
    for run in (1, 2):
        ok, _, _, err = server.run(file=ROLES)
        check(ok, 'the roles script runs (time %d)%s' % (run, '' if ok else ': ' + err))
    roles = server.rows("SELECT rolname, rolcanlogin, rolcreaterole FROM pg_roles "
                        "WHERE rolname LIKE 'clearance\\_%' AND rolname <> 'clearance_test' ORDER BY 1")
    check(roles == [['clearance_admin', 'f', 't'], ['clearance_approver', 'f', 'f'],
                    ['clearance_reviewer', 'f', 'f']], 'three group roles, only the admin creates roles')
    owners = server.rows("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    check(owners == [[t, 'clearance_admin'] for t in sorted(tables)],
          'every table belongs to clearance_admin after the script')
    unreadable = [t for t in sorted(tables)
                  if server.rows("SELECT has_table_privilege('clearance_reviewer', '%s', 'SELECT')" % t)[0][0] != 't']
    check(not unreadable, 'a reviewer reads every table %s' % unreadable)

    server.run('CREATE ROLE check_reviewer LOGIN IN ROLE clearance_reviewer; '
               'CREATE ROLE check_approver LOGIN IN ROLE clearance_approver; '
               'CREATE ROLE check_admin LOGIN IN ROLE clearance_admin; '
               "ALTER ROLE check_admin SET role = 'clearance_admin'; CREATE ROLE check_outsider LOGIN")

    def as_(user, sql, db='postgres'):
        return server.run(sql, db, user)

    item = REVIEW_ITEM + "('r%s', '', 'R', 'screen', 'SDN', 'e', 'open', NULL, 'x', 'x') RETURNING id"
    entry = ("INSERT INTO list_entry (version_id, entry_key, name_key, list_code, name, content_hash, data) "
             "VALUES (4, 'k', 'n', 'DPL', 'N', 'c', '{}')")
    r = 'check_reviewer'
    check(as_(r, item % 1)[0], 'a reviewer records a review item (its id from the sequence)')
    check(as_(r, "UPDATE review_items SET status = 'match', reason = 'other' WHERE party_key = 'r1'")[0],
          'a reviewer decides it')
    check(as_(r, "INSERT INTO review_sightings (item_id, seen_at) VALUES (1, 'y') "
                 "ON CONFLICT (item_id, case_id) DO UPDATE SET seen_at = excluded.seen_at")[0],
          'a reviewer records a sighting')
    check(as_(r, "INSERT INTO cases (shipment, created_at, updated_at) VALUES ('{}', 'x', 'x'); "
                 "UPDATE cases SET revision = revision + 1 WHERE id = 1")[0], 'a reviewer saves cases')
    check(as_(r, AUDIT + "(10, 'x', 'u', 'U', 'a', 's', '1', 'h3', 'h10')")[0], 'a reviewer appends to the audit trail')
    check(as_(r, "INSERT INTO meta (key, value) VALUES ('audit_head', '10 h10') "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value")[0], "a reviewer keeps meta's audit head")
    for what, sql in (('turn off', "UPDATE meta SET value = '0' WHERE key = 'four_eyes'"),
                      ('lower', "INSERT INTO meta (key, value) VALUES ('four_eyes_min_score', '0.1') "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                      ('delete', "DELETE FROM meta WHERE key = 'four_eyes_lists'"),
                      ('rename', "UPDATE meta SET key = 'old_four_eyes' WHERE key = 'four_eyes'")):
        result = as_(r, sql)
        check(denied(result) and 'changed by members of clearance_admin' in result[3],
              'a reviewer may not %s the four-eyes setting' % what)
    check(as_(r, "INSERT INTO rescreen_runs (at, summary) VALUES ('x', '{}'); INSERT INTO rescreen_state "
                 "(source, version_id, at) VALUES ('csl', 3, 'x') ON CONFLICT (source) DO UPDATE SET at = 'z'")[0],
          'a reviewer re-screens')
    check(as_(r, 'SELECT count(*) FROM list_entry')[0], 'a reviewer reads the lists')
    for what, sql in (('change', "UPDATE audit_log SET hash = 'x'"), ('delete', 'DELETE FROM audit_log'),
                      ('truncate', 'TRUNCATE audit_log')):
        check(denied(as_(r, sql)), 'a reviewer may not %s the audit trail' % what)
    check(denied(as_(r, entry)), 'a reviewer may not import list entries')
    check(denied(as_(r, "UPDATE list_source SET enabled = 0")), 'a reviewer may not change sources')
    check(denied(as_(r, "UPDATE rule_pack SET active = 0")), 'a reviewer may not change rule packs')
    check(denied(as_(r, 'DELETE FROM cases')), 'a reviewer may not delete cases')
    check(denied(as_(r, 'CREATE TABLE t (x int)')), 'a reviewer may not create tables')
    check(not as_(r, 'CREATE ROLE check_sneaky LOGIN')[0], 'a reviewer may not create users')
    check(as_(r, "SELECT pg_has_role(session_user, 'clearance_approver', 'USAGE')")[1] == 'f',
          'a reviewer is not an approver')

    a = 'check_approver'
    check(as_(a, item % 2)[0], 'an approver records a review item')
    check(as_(a, "SELECT pg_has_role(session_user, 'clearance_approver', 'USAGE')")[1] == 't',
          'an approver is one')
    check(denied(as_(a, 'DELETE FROM audit_log')), 'an approver may not delete audit entries')
    check(denied(as_(a, entry)), 'an approver may not import list entries')

    # The administrator's own database: the script before and after the
    # migrations, which the administrator runs.
    server.run('CREATE DATABASE team')
    ok, _, _, err = server.run(db='team', file=ROLES)
    check(ok and 'not migrated yet' in err, 'the roles script on an empty database names what is missing')
    for name in migrations(PG_DIR):
        ok, _, _, err = server.run(db='team', user='check_admin', file=os.path.join(PG_DIR, name), single=True)
        check(ok, 'the administrator applies %s%s' % (name, '' if ok else ': ' + err))
    owners = {o for _, o in server.rows("SELECT tablename, tableowner FROM pg_tables "
                                        "WHERE schemaname = 'public'", 'team')}
    check(owners == {'clearance_admin'}, 'the tables the administrator creates belong to clearance_admin')
    check(server.run(db='team', file=ROLES)[0], 'the roles script after the migrations')
    d = 'check_admin'
    check(as_(d, "INSERT INTO list_version (source, file_name, sha256, imported_at) "
                 "VALUES ('dpl', 'd', 'h', 'x') RETURNING id", 'team')[1] == '1', 'the administrator imports a version')
    check(as_(d, entry.replace('(4,', '(1,'), 'team')[0], '… and its entries')
    check(APPEND_ONLY + 'deleted' in as_(d, 'TRUNCATE audit_log', 'team')[3],
          'the triggers hold for the owner too')
    check(as_(d, "UPDATE meta SET value = '1' WHERE key = 'four_eyes' RETURNING value", 'team')[1] == '1',
          'the administrator changes the four-eyes setting')
    check(as_(d, "SELECT pg_has_role(session_user, 'clearance_approver', 'USAGE'), current_user", 'team')[1]
          == 'f\tclearance_admin', 'the administrator acts as clearance_admin and is not an approver')
    check(as_(d, 'CREATE ROLE check_new LOGIN IN ROLE clearance_reviewer', 'team')[0],
          'the administrator creates a reviewer')
    check(as_('check_new', item % 3, 'team')[0], 'the new reviewer records a review item')
    check(denied(as_('check_new', entry.replace('(4,', '(1,'), 'team')), '… and may not import list entries')
    ok, _, _, err = as_('check_outsider', 'SELECT 1', 'team')
    check(not ok and 'permission denied for database' in err, 'a role outside the team may not connect')


def main():
    if shutil.which('psql') is None:
        print('psql is not installed: skipped')
        return 77
    folder = tempfile.mkdtemp(prefix='clr-pg-schema-', dir='/tmp')
    try:
        start = subprocess.run([CLUSTER, 'start', folder], capture_output=True, text=True)
        if start.returncode == 77:
            print(start.stderr.strip() + ': skipped')
            return 77
        if start.returncode != 0:
            print('could not start a test cluster: ' + start.stderr)
            return 1
        server = Server(start.stdout.strip())

        lite = sqlite3.connect(':memory:', isolation_level=None)
        lite.execute('PRAGMA foreign_keys = ON')
        check(set(migrations(PG_DIR)) <= set(migrations(SQL_DIR)),
              'every PostgreSQL file replaces a migration of the same name: %s' % ', '.join(migrations(PG_DIR)))
        listed = re.findall(r'<file>sql/postgresql/([^<]+)</file>',
                            open(os.path.join(ROOT, 'app', 'store', 'clr-store.gresource.xml')).read())
        check(listed == migrations(PG_DIR), 'clr-store.gresource.xml lists every sql/postgresql/ file')
        for name in migrations(SQL_DIR):
            lite.executescript(open(os.path.join(SQL_DIR, name)).read())
        # What the store applies on a server: the PostgreSQL file where there
        # is one, else the portable migration.
        for name in migrations(SQL_DIR):
            own = os.path.join(PG_DIR, name)
            path = own if os.path.exists(own) else os.path.join(SQL_DIR, name)
            ok, _, _, err = server.run(file=path, single=True)
            check(ok, 'psql -1 applies %s%s' % (name, '' if ok else ': ' + err))

        lite_schema = sqlite_schema(lite)
        compare_schemas(lite_schema, pg_schema(server))
        run_cases(lite, server)
        check_sequences(server, lite_schema[0])
        check_upgrade(server)
        check_roles(server, lite_schema[0].keys())
    finally:
        subprocess.run([CLUSTER, 'stop', folder], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)

    print('%d failed' % len(failures) if failures else 'all passed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
