-- 0001 (PostgreSQL): the core of every Clearance database; see ../0001-core.sql.
-- Key/value facts about this database (created-at, app version that created it).
CREATE TABLE IF NOT EXISTS meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO meta (key, value)
  VALUES ('created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
  ON CONFLICT DO NOTHING;
