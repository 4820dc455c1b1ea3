-- 0006: where lists come from. Built-in sources carry the agencies' official
-- download addresses (data, not code: a changed address is a new migration or
-- a user override); users add custom sources (their own CSV in the CSL layout)
-- and can disable any source (it is then neither updated nor screened).
CREATE TABLE IF NOT EXISTS list_source (
  id             TEXT    PRIMARY KEY,
  label          TEXT    NOT NULL,
  url            TEXT,              -- download address; NULL for a file-only custom source
  info_url       TEXT,              -- the agency's page about the list
  format         TEXT,              -- importer format name; NULL = detect from content
  enabled        INTEGER NOT NULL DEFAULT 1,
  custom         INTEGER NOT NULL DEFAULT 0,
  position       INTEGER NOT NULL DEFAULT 100,
  etag           TEXT,              -- validators of the last successful download …
  last_modified  TEXT,
  validator_url  TEXT,              -- … and the address they belong to
  last_checked   TEXT,              -- last update attempt (ISO 8601 UTC)
  last_success   TEXT,              -- last attempt that confirmed or replaced the data
  last_error     TEXT               -- message of the last failed attempt, NULL after a success
);

INSERT OR IGNORE INTO list_source (id, label, url, info_url, format, position) VALUES
  ('csl', 'Consolidated Screening List (trade.gov)',
   'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv',
   'https://www.trade.gov/consolidated-screening-list', 'csl-csv', 10),
  ('ofac-sdn', 'OFAC Specially Designated Nationals (SDN) List',
   'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML',
   'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
   'ofac-xml', 20),
  ('ofac-nonsdn', 'OFAC Consolidated Sanctions List (non-SDN)',
   'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML',
   'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists', 'ofac-xml', 30),
  ('bis-dpl', 'BIS Denied Persons List',
   'https://www.bis.doc.gov/dpl/dpl.txt',
   'https://www.bis.gov/denied-persons-list', 'dpl', 40);
