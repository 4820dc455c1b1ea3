-- 0007-integrity (PostgreSQL): how a list version arrived, and the audit
-- trail's head in meta; see ../0007-integrity.sql.

-- 1 when the file was downloaded over plain http (update --allow-http).
ALTER TABLE list_version ADD COLUMN fetched_without_tls bigint NOT NULL DEFAULT 0;

-- SQLite's audit_log_no_replace trigger has no counterpart: PostgreSQL has
-- no INSERT OR REPLACE, an insert whose id is taken fails on the primary
-- key, and INSERT … ON CONFLICT (id) DO UPDATE runs audit_log_no_update
-- (0005). The file stays so that schema version 7 means the same on both.

-- The audit trail's head (newest entry: "SEQ HASH") is also kept in meta,
-- updated with every entry; a database from before starts from its
-- current newest entry.
INSERT INTO meta (key, value)
  SELECT 'audit_head', id || ' ' || hash FROM audit_log ORDER BY id DESC LIMIT 1
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
