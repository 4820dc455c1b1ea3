-- 0002: versioned restricted-party lists.
-- Every import of a source's file is one list_version; its entries are
-- list_entry rows (the ClrEntry as JSON plus the columns needed to find and
-- diff it). Per source exactly one version is 'current'; the one before it
-- is 'previous'; older ones are 'superseded' and may have their entries
-- pruned (pruned = 1) while the version row itself is kept as history.
CREATE TABLE IF NOT EXISTS list_version (
  id               INTEGER PRIMARY KEY,
  source           TEXT    NOT NULL,
  file_name        TEXT    NOT NULL,
  sha256           TEXT    NOT NULL,
  publication_date TEXT,
  imported_at      TEXT    NOT NULL,
  format           TEXT,
  record_count     INTEGER NOT NULL DEFAULT 0,
  name_count       INTEGER NOT NULL DEFAULT 0,
  warnings_json    TEXT    NOT NULL DEFAULT '[]',
  status           TEXT    NOT NULL DEFAULT 'current'
                   CHECK (status IN ('current', 'previous', 'superseded')),
  pruned           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS list_version_source ON list_version (source, id);
CREATE UNIQUE INDEX IF NOT EXISTS list_version_one_current ON list_version (source) WHERE status = 'current';

-- Records and names (primary + aliases) per list code within a version.
CREATE TABLE IF NOT EXISTS list_count (
  version_id INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
  list_code  TEXT    NOT NULL,
  list_name  TEXT,
  records    INTEGER NOT NULL,
  names      INTEGER NOT NULL,
  PRIMARY KEY (version_id, list_code)
);

CREATE TABLE IF NOT EXISTS list_entry (
  id           INTEGER PRIMARY KEY,
  version_id   INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
  entry_key    TEXT    NOT NULL,   -- clr_entry_dup_key(): entry id, or list + name
  name_key     TEXT    NOT NULL,   -- list + folded name, to pair entries across id changes
  list_code    TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  content_hash TEXT    NOT NULL,
  data         TEXT    NOT NULL    -- clr_entry_to_json()
);
CREATE INDEX IF NOT EXISTS list_entry_version_key ON list_entry (version_id, entry_key);
