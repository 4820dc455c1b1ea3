-- 0008-review-snapshots (PostgreSQL): the listed entry a review item was
-- recorded against, kept once per distinct snapshot; see
-- ../0008-review-snapshots.sql. (SQLite's WITHOUT ROWID has no counterpart:
-- a PostgreSQL table is always a heap plus its primary-key index.)
CREATE TABLE IF NOT EXISTS review_entry_snapshots (
  hash  text PRIMARY KEY,
  json  text NOT NULL
);
ALTER TABLE review_items ADD COLUMN entry_snapshot text;
