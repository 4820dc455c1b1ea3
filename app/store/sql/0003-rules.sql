-- 0003-rules: rule packs (issue 4).
-- Every validated pack that was ever installed, with its JSON as imported.
-- Exactly one pack is active; a pack only becomes active after it passed
-- validation, so a broken pack never replaces a working one.
CREATE TABLE rule_pack (
  id          INTEGER PRIMARY KEY,
  pack_id     TEXT    NOT NULL,
  version     TEXT    NOT NULL,
  published   TEXT    NOT NULL,
  title       TEXT    NOT NULL,
  sha256      TEXT    NOT NULL UNIQUE,
  origin      TEXT    NOT NULL,           -- 'bundled' or the imported file's name
  imported_at TEXT    NOT NULL,
  active      INTEGER NOT NULL DEFAULT 0,
  json        TEXT    NOT NULL
);
CREATE UNIQUE INDEX rule_pack_one_active ON rule_pack (active) WHERE active = 1;
