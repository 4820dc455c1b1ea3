-- 0009-review-snapshots: the listed entry a review item was recorded against,
-- kept once per distinct snapshot instead of copied into every item (issue 13).
--
-- review_items.entry_snapshot names a row here by the SHA-256 of its JSON
-- text; an item's snapshot is entry_json when set, else this row's json.
-- A batch hits the same few thousand entries tens of thousands of times.
CREATE TABLE IF NOT EXISTS review_entry_snapshots (
  hash  TEXT PRIMARY KEY,
  json  TEXT NOT NULL
) WITHOUT ROWID;
ALTER TABLE review_items ADD COLUMN entry_snapshot TEXT;
