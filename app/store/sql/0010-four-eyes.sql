-- 0010-four-eyes: four-eyes release, a team setting (issue 18 §3).
--
-- Clearing a potential match ("not a match") at or above a score, or on one
-- of the lists that always need it, waits for a second, different
-- reviewer's approval. The item keeps the first reviewer's decision
-- (status 'no_match', decided_by*, decided_hash) and is "awaiting approval"
-- while approval_required <> 0 and approved_at IS NULL; the approval records
-- who gave it (display name and user), when, and the entry's content hash
-- it was given on.
ALTER TABLE review_items ADD COLUMN approval_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_items ADD COLUMN approved_by TEXT;
ALTER TABLE review_items ADD COLUMN approved_by_user TEXT;
ALTER TABLE review_items ADD COLUMN approved_at TEXT;
ALTER TABLE review_items ADD COLUMN approved_hash TEXT;

-- The team setting (one per database): off until a team turns it on; the
-- minimum score; the list codes whose hits always need it (the importers'
-- codes for the Denied Persons List and OFAC's SDN list).
INSERT INTO meta (key, value) VALUES ('four_eyes', '0') ON CONFLICT (key) DO NOTHING;
INSERT INTO meta (key, value) VALUES ('four_eyes_min_score', '0.9') ON CONFLICT (key) DO NOTHING;
INSERT INTO meta (key, value) VALUES ('four_eyes_lists', 'DPL,SDN') ON CONFLICT (key) DO NOTHING;
