/* test-independent.c — agreement with an independent review set
 *
 * tests/engine/data/shipments/independent/ holds shipments whose expected
 * verdicts were decided from the regulation text (eCFR 2026-07-23, 15 CFR
 * parts 734–746), not from the rule pack: one JSON file per class. Each case
 * is evaluated as `clearance-cli evaluate` does (screening against the small
 * CSL fixture beside them, then the rule pack) and its verdict compared.
 *
 * Agreement per class and overall is printed (TAP comments), and every
 * disagreement with the case id, the expected and the actual verdict and the
 * findings' rule ids. Disagreements are expected; known-disagreements.txt
 * lists them (id + reason). A class fails on any disagreement not listed AND
 * on any listed case that now agrees, so the list can only shrink honestly.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-evaluator.h"
#include "clr-test.h"
#include "clr-store.h"
#include "clr-store-lists.h"
#include "clr-store-rules.h"

static const char * const classes[] = {
  "advanced-computing",
  "license-exceptions",
  "country-chart",
  "entity-list",
  "meu-744-21",
  "embargoes",
  "gp10-prc-ics",
  "ear99-ordinary",
  "dated-changes",
  "end-use-red-flags",
};

static ClrStore *store;
static char *store_dir;
static GHashTable *known;       /* case id → reason */
static GHashTable *seen;        /* case ids of the set */
static guint total_cases, total_agree;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "engine", "data", "shipments", "independent", name, NULL);
}

static void
load_known (void)
{
  g_autofree char *path = data_path ("known-disagreements.txt");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *space;

      if (*line == '\0' || *line == '#')
        continue;
      space = strpbrk (line, " \t");
      if (space == NULL)
        g_error ("known-disagreements.txt:%u: “case-id reason” expected", i + 1);
      g_hash_table_insert (known, g_strndup (line, space - line), g_strdup (g_strchug ((char *) space)));
    }
}

/* The rule ids of the findings, "rule=outcome" joined by spaces. */
static char *
finding_ids (JsonObject *result)
{
  JsonArray *findings = json_object_get_array_member (result, "findings");
  GString *out = g_string_new (NULL);

  for (guint i = 0; findings != NULL && i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      g_string_append_printf (out, "%s%s=%s", out->len ? " " : "",
                              json_object_get_string_member_with_default (f, "rule", "?"),
                              json_object_get_string_member_with_default (f, "outcome", "?"));
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_citation (JsonObject *result,
              const char *citation)
{
  JsonArray *findings = json_object_get_array_member (result, "findings");
  JsonArray *exceptions = json_object_has_member (result, "license_exceptions") ?
                          json_object_get_array_member (result, "license_exceptions") : NULL;

  for (guint i = 0; findings != NULL && i < json_array_get_length (findings); i++)
    {
      const char *c = json_object_get_string_member_with_default (json_array_get_object_element (findings, i), "citation", "");
      if (strstr (c, citation) != NULL)
        return TRUE;
    }
  for (guint i = 0; exceptions != NULL && i < json_array_get_length (exceptions); i++)
    {
      const char *c = json_object_get_string_member_with_default (json_array_get_object_element (exceptions, i), "citation", "");
      if (strstr (c, citation) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_class (gconstpointer data)
{
  const char *cls = data;
  g_autofree char *file = g_strconcat (cls, ".json", NULL);
  g_autofree char *path = data_path (file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) unexpected = g_string_new (NULL);
  JsonArray *cases;
  guint agree = 0, cited = 0, n;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));
  n = json_array_get_length (cases);
  g_assert_cmpuint (n, >=, 8);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      const char *id = json_object_get_string_member (c, "id");
      JsonObject *expect = json_object_get_object_member (c, "expect");
      const char *want = json_object_get_string_member (expect, "verdict");
      JsonArray *cites = json_object_get_array_member (expect, "citations");
      g_autoptr(GError) eval_error = NULL;
      g_autoptr(JsonNode) result = NULL;
      g_autofree char *got = NULL;
      g_autofree char *ids = NULL;
      gboolean agrees, listed;

      g_assert_cmpint (clr_verdict_rank (want), >=, 0);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, g_strdup (id));

      /* The expected verdicts were decided reading an unstated end use as
       * "no" (the exporter knows of none): say so explicitly. */
      clr_test_answer_end_use_no (json_object_get_member (c, "shipment"));
      result = clr_store_evaluate_shipment (store, json_object_get_member (c, "shipment"), NULL,
                                            json_object_get_string_member_with_default (c, "posture", NULL),
                                            FALSE, &eval_error);
      if (result == NULL)
        {
          got = g_strdup_printf ("error (%s)", eval_error->message);
          ids = g_strdup ("");
        }
      else
        {
          JsonObject *r = json_node_get_object (result);
          gboolean all_cited = TRUE;

          got = g_strdup (json_object_get_string_member (r, "verdict"));
          ids = finding_ids (r);
          for (guint k = 0; cites != NULL && k < json_array_get_length (cites); k++)
            all_cited = all_cited && has_citation (r, json_array_get_string_element (cites, k));
          if (all_cited)
            cited++;
        }
      agrees = g_strcmp0 (got, want) == 0;
      listed = g_hash_table_contains (known, id);
      if (agrees)
        agree++;
      else
        g_test_message ("  %s: expected %s, got %s [%s]%s", id, want, got, ids,
                        listed ? "" : "  ← NEW disagreement");
      if (agrees && listed)
        g_string_append_printf (unexpected, " %s (listed, now agrees: remove it)", id);
      else if (!agrees && !listed)
        g_string_append_printf (unexpected, " %s (new)", id);
    }

  total_cases += n;
  total_agree += agree;
  g_test_message ("%s: %u of %u agree (%.0f %%); %u of %u with every expected citation",
                  cls, agree, n, 100.0 * agree / n, cited, n);
  if (unexpected->len > 0)
    {
      g_test_message ("%s: not as recorded in known-disagreements.txt:%s", cls, unexpected->str);
      g_test_fail ();
    }
}

static void
test_summary (void)
{
  GHashTableIter iter;
  gpointer key;

  g_test_message ("overall: %u of %u agree (%.1f %%)", total_agree, total_cases,
                  total_cases ? 100.0 * total_agree / total_cases : 0.0);
  g_assert_cmpuint (total_cases, >=, 150);
  /* every listed id names a case of the set */
  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      {
        g_test_message ("known-disagreements.txt names no case: %s", (const char *) key);
        g_test_fail ();
      }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csl = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  store_dir = g_dir_make_tmp ("clr-independent-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (store_dir, "c.db", NULL);
  store = clr_store_new (db);
  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
  csl = data_path ("csl-fixture.csv");
  clr_store_import_list_file (store, csl, CLR_LIST_FORMAT_AUTO, NULL, FALSE, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  load_known ();
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      g_autofree char *name = g_strdup_printf ("/independent/%s", classes[i]);
      g_test_add_data_func (name, classes[i], test_class);
    }
  g_test_add_func ("/independent/zz-summary", test_summary);

  ret = g_test_run ();

  g_clear_object (&store);
  {
    g_autoptr(GDir) dir = g_dir_open (store_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (store_dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (store_dir);
  g_free (store_dir);
  g_hash_table_unref (known);
  g_hash_table_unref (seen);
  return ret;
}
