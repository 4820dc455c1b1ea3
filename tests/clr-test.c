/* clr-test.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>

#include "clr-test.h"

char *
clr_test_tmpdir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
clr_test_rmtree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      clr_test_rmtree (child);
    }
  g_rmdir (path);
}

JsonNode *
clr_test_parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

char *
clr_test_data_file (const char *folder,
                    const char *name)
{
  return g_test_build_filename (G_TEST_DIST, folder, "data", name, NULL);
}

static void
gunzip (const char *from,
        const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) in_file = g_file_new_for_path (from);
  g_autoptr(GFile) out_file = g_file_new_for_path (to);
  g_autoptr(GInputStream) in = G_INPUT_STREAM (g_file_read (in_file, NULL, &error));
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) unpacked = NULL;

  g_assert_no_error (error);
  out = G_OUTPUT_STREAM (g_file_replace (out_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
  g_assert_no_error (error);
  unpacked = g_converter_input_stream_new (in, G_CONVERTER (decompressor));
  g_output_stream_splice (out, unpacked,
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  g_assert_no_error (error);
}

static gboolean
unxz (const char *from,
      const char *to)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xz = g_find_program_in_path ("xz");

  if (xz == NULL)
    return FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_stdout_file_path (launcher, to);
  process = g_subprocess_launcher_spawn (launcher, &error, xz, "-dc", from, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  return TRUE;
}

char *
clr_test_shared_file (const char *relative,
                      const char *tmpdir,
                      const char *unpacked_name)
{
  const char *root = g_getenv ("CLEARANCE_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("CLEARANCE_SHARED_DATA is not set or missing");
      return NULL;
    }
  path = g_build_filename (root, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf ("%s is missing", path);
      g_test_skip (message);
      return NULL;
    }

  if (!g_str_has_suffix (path, ".gz") && !g_str_has_suffix (path, ".xz"))
    {
      if (tmpdir == NULL || unpacked_name == NULL)
        return g_steal_pointer (&path);
      /* Copy next to the other files of a set. */
      target = g_build_filename (tmpdir, unpacked_name, NULL);
      {
        g_autofree char *data = NULL;
        gsize len = 0;

        g_assert_true (g_file_get_contents (path, &data, &len, NULL));
        g_assert_true (g_file_set_contents (target, data, (gssize) len, NULL));
      }
      return g_steal_pointer (&target);
    }

  g_assert_nonnull (tmpdir);
  g_assert_nonnull (unpacked_name);
  target = g_build_filename (tmpdir, unpacked_name, NULL);
  if (g_str_has_suffix (path, ".gz"))
    gunzip (path, target);
  else if (!unxz (path, target))
    {
      g_test_skip ("xz is not installed");
      return NULL;
    }
  return g_steal_pointer (&target);
}

void
clr_test_async_ready (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ClrTestAsync *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

GAsyncResult *
clr_test_async_wait (ClrTestAsync *wait)
{
  g_main_loop_run (wait->loop);
  return g_steal_pointer (&wait->result);
}

const char * const clr_test_end_use_questions[] = {
  "military", "military_intelligence", "supercomputer", "advanced_node_ic_production", "wmd", NULL
};

void
clr_test_answer_end_use_no (JsonNode *shipment)
{
  JsonObject *root = json_node_get_object (shipment);
  JsonObject *end_use;
  JsonObject *answers;
  JsonArray *categories;

  if (!json_object_has_member (root, "end_use") || JSON_NODE_HOLDS_NULL (json_object_get_member (root, "end_use")))
    json_object_set_object_member (root, "end_use", json_object_new ());
  end_use = json_object_get_object_member (root, "end_use");
  if (!json_object_has_member (end_use, "answers"))
    json_object_set_object_member (end_use, "answers", json_object_new ());
  answers = json_object_get_object_member (end_use, "answers");
  categories = json_object_has_member (end_use, "categories") ? json_object_get_array_member (end_use, "categories") : NULL;
  for (guint q = 0; clr_test_end_use_questions[q] != NULL; q++)
    {
      gboolean stated = json_object_has_member (answers, clr_test_end_use_questions[q]);

      for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
        stated |= g_strcmp0 (json_array_get_string_element (categories, i), clr_test_end_use_questions[q]) == 0;
      if (!stated)
        json_object_set_boolean_member (answers, clr_test_end_use_questions[q], FALSE);
    }
}

void
clr_test_add_cases (const ClrTestTable *table)
{
  for (gsize i = 0; i < table->n_cases; i++)
    {
      const ClrTestCase *c = &table->cases[i];

      if (c->plain)
        g_test_add_vtable (c->path, 0, c->data, NULL, c->func, NULL);
      else
        g_test_add_vtable (c->path, table->fixture_size, c->data, table->set_up, c->func, table->tear_down);
    }
}

int
clr_test_main (int                *argc,
               char             ***argv,
               const char         *reviewer,
               const ClrTestTable *table)
{
  const char *server = g_getenv ("CLEARANCE_TEST_PG");

  if (reviewer != NULL)
    g_setenv ("CLEARANCE_REVIEWER", reviewer, TRUE);
  if (!clr_test_engine_is_sqlite () && (server == NULL || *server == '\0'))
    {
      /* TAP: the whole program is skipped. */
      g_print ("1..0 # SKIP no PostgreSQL test server: set CLEARANCE_TEST_PG (tests/pg/clr-pg-run.sh does)\n");
      return 0;
    }
  g_test_init (argc, argv, NULL);
  if (table->nonfatal)
    g_test_set_nonfatal_assertions ();
  clr_test_add_cases (table);
  return g_test_run ();
}

void
clr_test_assert_error (GError     **error,
                       GQuark       domain,
                       gint         code,
                       const char  *mentions)
{
  g_assert_nonnull (error);
  if (*error == NULL)
    g_error ("expected error %s #%d, got none", g_quark_to_string (domain), code);
  if (!g_error_matches (*error, domain, code))
    g_error ("expected error %s #%d, got %s #%d: %s", g_quark_to_string (domain), code,
             g_quark_to_string ((*error)->domain), (*error)->code, (*error)->message);
  if (mentions != NULL && strstr ((*error)->message, mentions) == NULL)
    g_error ("expected the error to mention “%s”: %s", mentions, (*error)->message);
  g_clear_error (error);
}

gpointer
clr_test_find_by_string (GPtrArray  *array,
                         gsize       offset,
                         const char *value,
                         const char *what)
{
  for (guint i = 0; i < array->len; i++)
    {
      gpointer element = g_ptr_array_index (array, i);

      if (g_strcmp0 (G_STRUCT_MEMBER (const char *, element, offset), value) == 0)
        return element;
    }
  g_error ("no %s “%s”", what, value);
  return NULL;
}

/* A connection to @location (a postgresql:// address), asserted. */
static PGconn *
pg_connect (const char *location)
{
  PGconn *conn = PQconnectdb (location);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to the test PostgreSQL server: %s", PQerrorMessage (conn));
  return conn;
}

/* Runs @sql over a connection of its own to @location; the result (which
 * must have @expected status), for PQclear(). */
static PGresult *
pg_run (const char     *location,
        const char     *sql,
        ExecStatusType  expected)
{
  PGconn *conn = pg_connect (location);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != expected)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQfinish (conn);
  return result;
}

/* @server with the database @name in place of its own. */
static char *
pg_location (const char *server,
             const char *name)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/", name, NULL);

  uri = g_uri_parse (server, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                     g_uri_get_host (uri), g_uri_get_port (uri), path, g_uri_get_query (uri), NULL);
}

const char *
clr_test_engine (void)
{
  const char *engine = g_getenv ("CLEARANCE_TEST_ENGINE");

  return engine != NULL && *engine != '\0' ? engine : "sqlite";
}

gboolean
clr_test_engine_is_sqlite (void)
{
  return g_strcmp0 (clr_test_engine (), "sqlite") == 0;
}

char *
clr_test_pg_database_new (void)
{
  static guint counter;
  const char *server = g_getenv ("CLEARANCE_TEST_PG");
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;

  if (server == NULL || *server == '\0')
    {
      g_test_skip ("no PostgreSQL test server: set CLEARANCE_TEST_PG (tests/pg/clr-pg-run.sh does)");
      return NULL;
    }

  name = g_strdup_printf ("clr_test_%d_%u_%u", (int) getpid (), counter++, g_random_int_range (0, 1000000));
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  PQclear (pg_run (server, sql, PGRES_COMMAND_OK));
  return pg_location (server, name);
}

void
clr_test_pg_database_drop (const char *location)
{
  const char *server = g_getenv ("CLEARANCE_TEST_PG");
  g_autoptr(GUri) uri = NULL;
  g_autofree char *sql = NULL;

  if (location == NULL || server == NULL)
    return;
  uri = g_uri_parse (location, G_URI_FLAGS_ENCODED, NULL);
  g_assert_nonnull (uri);
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", g_uri_get_path (uri) + 1);
  PQclear (pg_run (server, sql, PGRES_COMMAND_OK));
}

char *
clr_test_database_as (const char *location,
                      const char *user)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) params = NULL;
  g_autofree char *sql = NULL;

  if (!g_str_has_prefix (location, "postgresql://"))
    return g_strdup (location);

  sql = g_strdup_printf ("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN "
                         "CREATE ROLE %s LOGIN SUPERUSER; END IF; END $$", user, user);
  PQclear (pg_run (location, sql, PGRES_COMMAND_OK));

  uri = g_uri_parse (location, G_URI_FLAGS_ENCODED, NULL);
  g_assert_nonnull (uri);
  params = g_strsplit (g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "", "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    if (*params[i] != '\0' && !g_str_has_prefix (params[i], "user="))
      g_string_append_printf (query, "%s&", params[i]);
  g_string_append_printf (query, "user=%s", user);
  return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), g_uri_get_path (uri), query->str, NULL);
}

char *
clr_test_database_user (const char *location)
{
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) params = NULL;
  const char *env = g_getenv ("CLEARANCE_USER");

  if (!g_str_has_prefix (location, "postgresql://"))
    return g_strdup (env != NULL && *env != '\0' ? env : g_get_user_name ());

  uri = g_uri_parse (location, G_URI_FLAGS_ENCODED, NULL);
  g_assert_nonnull (uri);
  if (g_uri_get_user (uri) != NULL)
    return g_strdup (g_uri_get_user (uri));
  params = g_strsplit (g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "", "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    if (g_str_has_prefix (params[i], "user="))
      return g_strdup (params[i] + 5);
  return g_strdup (g_get_user_name ());
}

char *
clr_test_database_new (const char *engine,
                       const char *dir,
                       const char *name)
{
  if (g_strcmp0 (engine, "postgresql") == 0)
    return clr_test_pg_database_new ();
  g_assert_cmpstr (engine, ==, "sqlite");
  return g_build_filename (dir, name, NULL);
}

void
clr_test_database_drop (const char *location)
{
  if (location != NULL && g_str_has_prefix (location, "postgresql://"))
    clr_test_pg_database_drop (location);
}

void
clr_test_sql_exec (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (g_str_has_prefix (path, "postgresql://"))
    {
      PQclear (pg_run (path, sql, PGRES_COMMAND_OK));
      return;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

char *
clr_test_sql_error (const char *path,
                    const char *sql)
{
  if (g_str_has_prefix (path, "postgresql://"))
    {
      PGconn *conn = pg_connect (path);
      PGresult *result = PQexec (conn, sql);
      char *message;

      g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
      message = g_strdup (PQerrorMessage (conn));
      PQclear (result);
      PQfinish (conn);
      return message;
    }
  else
    {
      sqlite3 *db = NULL;
      char *message = NULL;
      char *copy;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_busy_timeout (db, 5000);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), !=, SQLITE_OK);
      copy = g_strdup (message);
      sqlite3_free (message);
      sqlite3_close (db);
      return copy;
    }
}

GPtrArray *
clr_test_sql_strings (const char *path,
                      const char *sql)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  if (g_str_has_prefix (path, "postgresql://"))
    {
      PGresult *result = pg_run (path, sql, PGRES_TUPLES_OK);

      for (int i = 0; i < PQntuples (result); i++)
        g_ptr_array_add (strings, PQgetisnull (result, i, 0) ? NULL : g_strdup (PQgetvalue (result, i, 0)));
      PQclear (result);
    }
  else
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (strings, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  return strings;
}

void
clr_test_sql_drop_audit_guards (const char *path)
{
  if (g_str_has_prefix (path, "postgresql://"))
    clr_test_sql_exec (path, "ALTER TABLE audit_log DISABLE TRIGGER USER");
  else
    clr_test_sql_exec (path, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
                             "DROP TRIGGER IF EXISTS audit_log_no_replace");
}

gint64
clr_test_sql_int64 (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  if (g_str_has_prefix (path, "postgresql://"))
    {
      PGresult *result = pg_run (path, sql, PGRES_TUPLES_OK);

      g_assert_cmpint (PQntuples (result), >, 0);
      n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
      return n;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}
