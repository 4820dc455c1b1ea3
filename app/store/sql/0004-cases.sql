-- 0004-cases: shipment cases (issue 5)
-- A case holds the shipment JSON document the form edits and `evaluate` reads,
-- and the last result document. Summary columns are derived on every save.
-- Cases are never deleted: they are archived.
CREATE TABLE IF NOT EXISTS cases (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  reference     TEXT,
  destination   TEXT,
  ship_date     TEXT,
  party_names   TEXT,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'archived')),
  shipment      TEXT NOT NULL,
  revision      INTEGER NOT NULL DEFAULT 1,
  result        TEXT,
  verdict       TEXT,
  evaluated_at  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_recent ON cases (updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS cases_status ON cases (status);
