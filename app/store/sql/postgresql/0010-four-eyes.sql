-- 0010-four-eyes (PostgreSQL): four-eyes release; see ../0009-four-eyes.sql.
-- (Only the column types differ: SQLite's INTEGER is bigint here.)
ALTER TABLE review_items ADD COLUMN approval_required bigint NOT NULL DEFAULT 0;
ALTER TABLE review_items ADD COLUMN approved_by text;
ALTER TABLE review_items ADD COLUMN approved_by_user text;
ALTER TABLE review_items ADD COLUMN approved_at text;
ALTER TABLE review_items ADD COLUMN approved_hash text;

INSERT INTO meta (key, value) VALUES ('four_eyes', '0') ON CONFLICT (key) DO NOTHING;
INSERT INTO meta (key, value) VALUES ('four_eyes_min_score', '0.9') ON CONFLICT (key) DO NOTHING;
INSERT INTO meta (key, value) VALUES ('four_eyes_lists', 'DPL,SDN') ON CONFLICT (key) DO NOTHING;
