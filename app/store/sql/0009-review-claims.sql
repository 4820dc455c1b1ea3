-- 0009-review-claims: a reviewer's claim on a review item, for a limited
-- time, so that two people on one team database do not work on the same hit
-- (issue 18). Portable SQL: the same file on SQLite and PostgreSQL.
--
-- One row per claimed item; a claim whose expires_at (ISO 8601 UTC, which
-- sorts as text) has passed is free to take. A decision ends its claim.
CREATE TABLE IF NOT EXISTS review_claims (
  item_id          BIGINT NOT NULL PRIMARY KEY REFERENCES review_items (id),
  claimed_by       TEXT   NOT NULL,   -- display name
  claimed_by_user  TEXT   NOT NULL,   -- the user (database role on a server)
  claimed_at       TEXT   NOT NULL,
  expires_at       TEXT   NOT NULL
);
