-- 0005-review: screening hits, review decisions and the audit trail (issue 6)

-- One row per (party identity, listed entry): the normalised party name and
-- country, and the entry's list + key. A decision on it is reused wherever
-- the same party meets the same entry, until the entry's content hash changes.
CREATE TABLE IF NOT EXISTS review_items (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  party_key        TEXT NOT NULL,
  party_country    TEXT NOT NULL DEFAULT '',
  party_name       TEXT NOT NULL,
  party_role       TEXT,
  party_json       TEXT,
  case_id          INTEGER,
  origin           TEXT NOT NULL,
  list_code        TEXT NOT NULL DEFAULT '',
  entry_key        TEXT NOT NULL,
  entry_row        INTEGER NOT NULL DEFAULT 0,
  content_hash     TEXT,
  entry_name       TEXT,
  entry_json       TEXT,
  entry_removed    INTEGER NOT NULL DEFAULT 0,
  score            REAL NOT NULL DEFAULT 0,
  matched_name     TEXT,
  explanation      TEXT,
  hit_json         TEXT,
  status           TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'match', 'no_match', 'escalated')),
  reason           TEXT CHECK (reason IS NULL OR reason IN ('different-entity', 'different-country',
                   'different-address', 'name-coincidence', 'confirmed-by-documents', 'other')),
  note             TEXT,
  decided_by       TEXT,
  decided_by_user  TEXT,
  decided_at       TEXT,
  decided_hash     TEXT,
  reopened         INTEGER NOT NULL DEFAULT 0,
  previous_status  TEXT,
  previous_reason  TEXT,
  previous_hash    TEXT,
  changed_fields   TEXT,
  first_seen_at    TEXT NOT NULL,
  last_seen_at     TEXT NOT NULL,
  UNIQUE (party_key, party_country, list_code, entry_key)
);
CREATE INDEX IF NOT EXISTS review_items_status ON review_items (status, last_seen_at DESC, score DESC);
CREATE INDEX IF NOT EXISTS review_items_case ON review_items (case_id);
CREATE INDEX IF NOT EXISTS review_items_entry ON review_items (list_code, entry_key);
CREATE INDEX IF NOT EXISTS review_items_row ON review_items (entry_row);

-- Where each item was met: one row per (item, case); case 0 = no case.
CREATE TABLE IF NOT EXISTS review_sightings (
  item_id   INTEGER NOT NULL REFERENCES review_items (id),
  case_id   INTEGER NOT NULL DEFAULT 0,
  role      TEXT,
  seen_at   TEXT NOT NULL,
  PRIMARY KEY (item_id, case_id)
);

-- Every party ever screened (from cases, batch screening, evaluate): what
-- re-screening runs against after a list update.
CREATE TABLE IF NOT EXISTS screened_parties (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  party_key          TEXT NOT NULL,
  party_country      TEXT NOT NULL DEFAULT '',
  name               TEXT NOT NULL,
  role               TEXT,
  case_id            INTEGER NOT NULL DEFAULT 0,
  origin             TEXT NOT NULL,
  party_json         TEXT,
  first_screened_at  TEXT NOT NULL,
  last_screened_at   TEXT NOT NULL,
  UNIQUE (party_key, party_country, case_id)
);

-- The list version of each source that parties were last re-screened
-- against: the next re-screen diffs the current version against it.
CREATE TABLE IF NOT EXISTS rescreen_state (
  source      TEXT PRIMARY KEY,
  version_id  INTEGER NOT NULL,
  at          TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rescreen_runs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  summary      TEXT NOT NULL
);

-- The audit trail: append-only and hash-chained. hash = SHA-256(prev_hash ||
-- canonical row content); the first prev_hash is 64 zeros.
CREATE TABLE IF NOT EXISTS audit_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  user          TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  action        TEXT NOT NULL,
  subject_type  TEXT NOT NULL,
  subject_id    TEXT NOT NULL,
  case_id       INTEGER NOT NULL DEFAULT 0,
  before        TEXT,
  after         TEXT,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_case ON audit_log (case_id) WHERE case_id <> 0;
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit trail is append-only: entries cannot be changed');
END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit trail is append-only: entries cannot be deleted');
END;
