-- 0007-integrity: how a list version arrived, and an audit trail that
-- INSERT OR REPLACE cannot rewrite (issue 16).

-- 1 when the file was downloaded over plain http (update --allow-http):
-- shown as "fetched without TLS" in lists, the Lists page and reports.
ALTER TABLE list_version ADD COLUMN fetched_without_tls INTEGER NOT NULL DEFAULT 0;

-- INSERT OR REPLACE deletes the conflicting row without firing DELETE
-- triggers (unless recursive_triggers is on): refuse any insert whose id is
-- taken, before the conflict is resolved.
CREATE TRIGGER IF NOT EXISTS audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
  SELECT RAISE (ABORT, 'the audit trail is append-only: entries cannot be replaced');
END;

-- The audit trail's head (newest entry: "SEQ HASH") is also kept in meta,
-- updated with every entry; a database from before starts from its
-- current newest entry.
INSERT OR REPLACE INTO meta (key, value)
  SELECT 'audit_head', id || ' ' || hash FROM audit_log ORDER BY id DESC LIMIT 1;
