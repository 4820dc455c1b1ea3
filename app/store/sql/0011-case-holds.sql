-- 0011-case-holds: which program has a case open for editing (issue 18 §4).
-- Portable SQL: the same file on SQLite and PostgreSQL.
--
-- A hold is a lease of the program instance (a ClrStore) that edits the
-- case: renewed while the case is open, given up when it is closed, and
-- free to take once expires_at (ISO 8601 UTC, which sorts as text) has
-- passed, so a program that was killed holds nothing for long. While
-- another instance holds a case, its saves are refused.
CREATE TABLE IF NOT EXISTS case_holds (
  case_id       BIGINT NOT NULL PRIMARY KEY REFERENCES cases (id),
  holder        TEXT   NOT NULL,   -- the program instance (a random id)
  held_by       TEXT   NOT NULL,   -- display name
  held_by_user  TEXT   NOT NULL,   -- the user (database role on a server)
  held_since    TEXT   NOT NULL,
  expires_at    TEXT   NOT NULL
);
