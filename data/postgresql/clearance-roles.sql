-- clearance-roles.sql — the team's roles on a Clearance PostgreSQL database
--
-- Copyright 2026 The Clearance authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Three group roles (NOLOGIN: people log in as their own role and are
-- granted one of these):
--   clearance_reviewer  reads everything; records screening hits, decides
--                       review items, saves cases, re-screens, appends to the
--                       audit trail (INSERT only: no UPDATE, DELETE or
--                       TRUNCATE on audit_log) and keeps meta's audit head
--                       (not meta's team settings: a trigger keeps those
--                       to clearance_admin).
--   clearance_approver  a reviewer who may give the four-eyes approval. The
--                       same table rights for now: the app asks
--                       pg_has_role(session_user, 'clearance_approver', 'USAGE').
--   clearance_admin     owns the tables: runs migrations, imports lists
--                       (list_version, list_entry, list_count, list_source),
--                       installs rule packs, creates users (CREATEROLE).
--
-- Run it with psql as a superuser, or as the database's owner when that
-- role may create roles and is a member of clearance_admin:
--   psql -v ON_ERROR_STOP=1 -d clearance -f clearance-roles.sql
-- It is safe to run again, and must be run again after a migration that
-- adds a table: it grants on the tables that exist (and gives them to
-- clearance_admin when someone else created them); missing ones are named
-- in a NOTICE.
--
-- A person's login role (\password sets the password without it showing
-- in the shell's history or the server's log):
--   CREATE ROLE alice LOGIN;
--   GRANT clearance_reviewer TO alice;      -- or clearance_approver
--   \password alice
-- An administrator acts as clearance_admin in every session, so that the
-- tables the migrations create belong to the group and CREATEROLE applies:
--   CREATE ROLE carol LOGIN;
--   GRANT clearance_admin TO carol;
--   ALTER ROLE carol SET role = 'clearance_admin';
--   \password carol
-- (PostgreSQL 16 and later: clearance_admin also needs
--  GRANT clearance_reviewer, clearance_approver TO clearance_admin
--    WITH ADMIN OPTION, INHERIT FALSE, SET FALSE;
--  to grant those roles to the users it creates.)

BEGIN;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clearance_reviewer') THEN
    CREATE ROLE clearance_reviewer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clearance_approver') THEN
    CREATE ROLE clearance_approver NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clearance_admin') THEN
    CREATE ROLE clearance_admin NOLOGIN CREATEROLE;
  END IF;
  -- An approver is a reviewer (membership is inherited).
  IF NOT pg_has_role ('clearance_approver', 'clearance_reviewer', 'MEMBER') THEN
    GRANT clearance_reviewer TO clearance_approver;
  END IF;
END
$$;
-- Whatever they were made with before.
ALTER ROLE clearance_reviewer NOLOGIN NOCREATEROLE NOCREATEDB;
ALTER ROLE clearance_approver NOLOGIN NOCREATEROLE NOCREATEDB;
ALTER ROLE clearance_admin NOLOGIN CREATEROLE NOCREATEDB;

-- Only the team connects; the administrator creates tables.
DO $$
BEGIN
  EXECUTE format ('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database ());
  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO clearance_reviewer, clearance_admin',
                  current_database ());
END
$$;
GRANT USAGE, CREATE ON SCHEMA public TO clearance_admin;
GRANT USAGE ON SCHEMA public TO clearance_reviewer;

-- Tables the administrator creates later are readable by the team (the
-- write grants below need the tables: run this script again).
ALTER DEFAULT PRIVILEGES FOR ROLE clearance_admin IN SCHEMA public
  GRANT SELECT ON TABLES TO clearance_reviewer;

-- The keys of meta that only clearance_admin's members change (superusers
-- too: pg_has_role is true for them).
CREATE OR REPLACE FUNCTION public.meta_team_settings_admin_only () RETURNS trigger
LANGUAGE plpgsql AS $f$
DECLARE
  changed text := CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END;
BEGIN
  IF (changed IN ('four_eyes', 'four_eyes_min_score', 'four_eyes_lists')
      OR (TG_OP = 'UPDATE' AND OLD.key IN ('four_eyes', 'four_eyes_min_score', 'four_eyes_lists')))
     AND NOT pg_has_role (session_user, 'clearance_admin', 'USAGE') THEN
    RAISE EXCEPTION 'the team setting % is changed by members of clearance_admin only', changed
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$f$;
ALTER FUNCTION public.meta_team_settings_admin_only () OWNER TO clearance_admin;

-- Every table of the schema (app/store/sql/), with what a reviewer may do
-- beyond reading it and whether its id sequence is needed for that.
DO $$
DECLARE
  t record;
  missing text[] := '{}';
BEGIN
  FOR t IN
    SELECT * FROM (VALUES
      -- the audit head (audit_head) and re-screening's in-progress marker
      ('meta',                   'INSERT, UPDATE, DELETE', false),
      ('list_version',           NULL,                     false),
      ('list_count',             NULL,                     false),
      ('list_entry',             NULL,                     false),
      ('list_source',            NULL,                     false),
      ('rule_pack',              NULL,                     false),
      ('cases',                  'INSERT, UPDATE',         true),
      ('review_items',           'INSERT, UPDATE',         true),
      ('review_sightings',       'INSERT, UPDATE',         false),
      ('screened_parties',       'INSERT, UPDATE',         true),
      ('review_entry_snapshots', 'INSERT',                 false),
      ('rescreen_state',         'INSERT, UPDATE',         false),
      ('rescreen_runs',          'INSERT',                 true),
      -- a reviewer's claim on a hit (0009): taken, renewed, given up
      ('review_claims',          'INSERT, UPDATE, DELETE', false),
      -- the program editing a case (0011): taken, renewed, given up
      ('case_holds',             'INSERT, UPDATE, DELETE', false),
      -- append only: the triggers refuse changes even to the owner
      ('audit_log',              'INSERT',                 true)
    ) AS v (name, writes, sequence)
  LOOP
    IF to_regclass (format ('public.%I', t.name)) IS NULL THEN
      missing := missing || t.name;
      CONTINUE;
    END IF;
    IF (SELECT tableowner FROM pg_tables
        WHERE schemaname = 'public' AND tablename = t.name) <> 'clearance_admin' THEN
      EXECUTE format ('ALTER TABLE public.%I OWNER TO clearance_admin', t.name);
    END IF;
    EXECUTE format ('REVOKE ALL ON TABLE public.%I FROM PUBLIC, clearance_reviewer, clearance_approver',
                    t.name);
    EXECUTE format ('GRANT SELECT ON TABLE public.%I TO clearance_reviewer', t.name);
    IF t.writes IS NOT NULL THEN
      EXECUTE format ('GRANT %s ON TABLE public.%I TO clearance_reviewer', t.writes, t.name);
    END IF;
    IF t.sequence THEN
      EXECUTE format ('GRANT USAGE ON SEQUENCE %s TO clearance_reviewer',
                      pg_get_serial_sequence (format ('public.%I', t.name), 'id'));
    END IF;
  END LOOP;

  IF to_regprocedure ('public.audit_log_append_only()') IS NOT NULL THEN
    ALTER FUNCTION public.audit_log_append_only () OWNER TO clearance_admin;
  END IF;

  -- Reviewers write meta (the audit head), but its team settings (the
  -- four-eyes release of migration 0010) are the administrators': the
  -- server refuses anyone else's change, whatever program makes it.
  IF to_regclass ('public.meta') IS NOT NULL THEN
    DROP TRIGGER IF EXISTS meta_team_settings ON public.meta;
    CREATE TRIGGER meta_team_settings BEFORE INSERT OR UPDATE OR DELETE ON public.meta
      FOR EACH ROW EXECUTE FUNCTION public.meta_team_settings_admin_only ();
  END IF;

  IF cardinality (missing) > 0 THEN
    RAISE NOTICE 'not migrated yet: %; run this script again after the first connection as clearance_admin',
      array_to_string (missing, ', ');
  END IF;
END
$$;

-- Anything else in the schema (such as where the store keeps the schema
-- version) is readable.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO clearance_reviewer;

COMMIT;
