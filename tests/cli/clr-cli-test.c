/* clr-cli-test.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "clr-cli-test.h"

ClrCliRun *
clr_cli_run (const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CLEARANCE_CLI");
  ClrCliRun *run = g_new0 (ClrCliRun, 1);

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  proc = g_subprocess_newv ((const char * const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->exit_code = g_subprocess_get_exit_status (proc);

  if (g_test_verbose ())
    g_printerr ("# exit %d\n# stdout: %s\n# stderr: %s\n", run->exit_code, run->out, run->err);

  return run;
}

ClrCliRun *
clr_cli_run_valist (const char *first,
                    va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  return clr_cli_run ((const char * const *) args->pdata);
}

ClrCliRun *
clr_cli_run_va (const char *first,
                ...)
{
  ClrCliRun *run;
  va_list ap;

  va_start (ap, first);
  run = clr_cli_run_valist (first, ap);
  va_end (ap);
  return run;
}

void
clr_cli_assert_run (int                 exit_code,
                    const char * const *mentions,
                    const char         *first,
                    ...)
{
  g_autoptr(ClrCliRun) run = NULL;
  va_list ap;

  va_start (ap, first);
  run = clr_cli_run_valist (first, ap);
  va_end (ap);
  g_test_message ("%s … exit %d, stderr: %s", first, run->exit_code, run->err);
  g_assert_cmpint (run->exit_code, ==, exit_code);
  for (guint i = 0; mentions != NULL && mentions[i] != NULL; i++)
    g_assert_nonnull (strstr (run->err, mentions[i]));
}

static char *
run_out_valist (int         exit_code,
                const char *first,
                va_list     ap)
{
  g_autoptr(ClrCliRun) run = clr_cli_run_valist (first, ap);

  if (run->exit_code != exit_code)
    g_error ("exit %d, expected %d: %s", run->exit_code, exit_code, run->err);
  return g_steal_pointer (&run->out);
}

char *
clr_cli_run_out (int         exit_code,
                 const char *first,
                 ...)
{
  va_list ap;
  char *out;

  va_start (ap, first);
  out = run_out_valist (exit_code, first, ap);
  va_end (ap);
  return out;
}

void
clr_cli_assert_prints (const char * const *mentions,
                       const char         *first,
                       ...)
{
  g_autofree char *out = NULL;
  va_list ap;

  va_start (ap, first);
  out = run_out_valist (0, first, ap);
  va_end (ap);
  for (guint i = 0; mentions[i] != NULL; i++)
    if (strstr (out, mentions[i]) == NULL)
      g_error ("“%s” not in: %s", mentions[i], out);
}

JsonNode *
clr_cli_run_json (const char *first,
                  ...)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  va_list ap;

  va_start (ap, first);
  out = run_out_valist (0, first, ap);
  va_end (ap);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

void
clr_cli_run_free (ClrCliRun *run)
{
  if (run == NULL)
    return;
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

void
clr_cli_test_set_up (ClrCliTest    *t,
                     gconstpointer  data)
{
  t->dir = clr_test_tmpdir ("clearance-cli");
  t->db = clr_test_database_new (clr_test_engine (), t->dir, "clearance.db");
}

void
clr_cli_test_tear_down (ClrCliTest    *t,
                        gconstpointer  data)
{
  clr_test_database_drop (t->db);
  clr_test_rmtree (t->dir);
  g_clear_pointer (&t->dir, g_free);
  g_clear_pointer (&t->db, g_free);
}

void
clr_cli_test_import (const char *db,
                     const char *list)
{
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", db, "import", list, NULL);

  if (run->exit_code != 0)
    g_error ("import %s failed (%d): %s", list, run->exit_code, run->err);
}

void
clr_cli_test_import_data (const char *db,
                          const char *folder,
                          const char *name)
{
  g_autofree char *list = clr_test_data_file (folder, name);

  clr_cli_test_import (db, list);
}

JsonNode *
clr_cli_test_evaluate_save (const char *db,
                            const char *shipment,
                            gint64     *case_id)
{
  JsonNode *result = clr_cli_run_json ("--db", db, "evaluate", "--save", "--json", shipment, NULL);

  *case_id = json_object_get_int_member (json_node_get_object (result), "case_id");
  g_assert_cmpint (*case_id, >, 0);
  return result;
}

gint64
clr_cli_test_first_item (const char *db,
                         const char *status)
{
  g_autoptr(JsonNode) items = NULL;
  JsonArray *array;

  if (status != NULL)
    items = clr_cli_run_json ("--db", db, "review", "list", "--status", status, "--json", NULL);
  else
    items = clr_cli_run_json ("--db", db, "review", "list", "--json", NULL);
  array = json_node_get_array (items);
  if (json_array_get_length (array) == 0)
    return 0;
  return json_object_get_int_member (json_array_get_object_element (array, 0), "id");
}

char *
clr_cli_test_write (const char *dir,
                    const char *name,
                    const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}
