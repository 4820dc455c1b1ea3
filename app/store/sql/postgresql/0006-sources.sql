-- 0006 (PostgreSQL): where lists come from; see ../0006-sources.sql.
-- enabled and custom stay integer flags (0/1): the store's SQL is shared.
CREATE TABLE IF NOT EXISTS list_source (
  id             text    PRIMARY KEY,
  label          text    NOT NULL,
  url            text,              -- download address; NULL for a file-only custom source
  info_url       text,              -- the agency's page about the list
  format         text,              -- importer format name; NULL = detect from content
  enabled        bigint  NOT NULL DEFAULT 1,
  custom         bigint  NOT NULL DEFAULT 0,
  position       bigint  NOT NULL DEFAULT 100,
  etag           text,              -- validators of the last successful download …
  last_modified  text,
  validator_url  text,              -- … and the address they belong to
  last_checked   text,              -- last update attempt (ISO 8601 UTC)
  last_success   text,              -- last attempt that confirmed or replaced the data
  last_error     text               -- message of the last failed attempt, NULL after a success
);

INSERT INTO list_source (id, label, url, info_url, format, position) VALUES
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
   'https://www.bis.gov/denied-persons-list', 'dpl', 40)
  ON CONFLICT DO NOTHING;
