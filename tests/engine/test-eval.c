/* test-eval.c — recall and false positives of the matcher on real lists
 *
 * Reads the real CSL copies from $CLEARANCE_SHARED_DATA (skips without
 * them), screens the evaluation set in tests/engine/data/eval and asserts, at
 * the default threshold, recall ≥ 0.98 and ≤ 3 % of negatives flagged. The
 * recall / false-positive curve over thresholds is printed as TAP comments.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "clr-importer.h"
#include "clr-matcher.h"

typedef struct
{
  char *query;
  char *country;
  char *expected;
  char *kind;
  char *sets;
} Case;

static void
case_clear (gpointer data)
{
  Case *c = data;
  g_free (c->query);
  g_free (c->country);
  g_free (c->expected);
  g_free (c->kind);
  g_free (c->sets);
}

static GArray *
load_cases (const char *file,
            guint       n_columns)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "engine", "data", "eval", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *cases = g_array_new (FALSE, TRUE, sizeof (Case));

  g_array_set_clear_func (cases, case_clear);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      Case c = { 0, };

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) != n_columns)
        g_error ("%s:%u: %u columns, expected %u", file, i + 1, g_strv_length (f), n_columns);
      c.query = g_strdup (f[0]);
      c.country = *f[1] ? g_strdup (f[1]) : NULL;
      if (n_columns == 5)
        {
          c.expected = g_strdup (f[2]);
          c.kind = g_strdup (f[3]);
          c.sets = g_strdup (f[4]);
        }
      else
        c.kind = g_strdup (f[2]);
      g_array_append_val (cases, c);
    }
  return cases;
}

/* Letters and digits only, lower case: "Co., Ltd.," = "co ltd". */
static char *
loose (const char *s)
{
  g_autofree char *down = g_utf8_strdown (s, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = down; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
hit_is (ClrHit     *hit,
        const char *expected)
{
  g_autofree char *want = loose (expected);
  g_autofree char *name = loose (hit->entry->name ? hit->entry->name : "");

  if (strcmp (want, name) == 0)
    return TRUE;
  for (guint i = 0; i < hit->entry->aliases->len; i++)
    {
      g_autofree char *alias = loose (g_ptr_array_index (hit->entry->aliases, i));
      if (strcmp (want, alias) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
add_entry (ClrEntry  *entry,
           gpointer   user_data,
           GError   **error)
{
  guint *counter = g_object_get_data (user_data, "counter");
  GPtrArray *entries = g_object_get_data (user_data, "entries");

  clr_matcher_add_entry (user_data, ++(*counter), entry);
  if (entry->name != NULL && *entry->name != '\0')
    g_ptr_array_add (entries, clr_entry_ref (entry));
  return TRUE;
}

/* Decompresses @src with @argv (gzip -dc / xz -dc) to a temporary file. */
static char *
decompress (const char *src,
            const char *tool)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  int status = 0;
  int fd;
  const char *argv[] = { tool, "-dc", src, NULL };
  gsize len;

  g_autofree char *program = g_find_program_in_path (tool);

  if (program == NULL)
    return NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    return NULL;
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  fd = g_file_open_tmp ("clearance-eval-XXXXXX.csv", &tmp, &error);
  g_assert_no_error (error);
  close (fd);
  len = strlen (out);
  g_file_set_contents (tmp, out, len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&tmp);
}

static ClrMatcher *
load_matcher (const char *relative,
              const char *tool)
{
  const char *root = g_getenv ("CLEARANCE_SHARED_DATA");
  g_autofree char *src = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  ClrMatcher *matcher;
  guint *counter = g_new0 (guint, 1);

  if (root == NULL)
    {
      g_free (counter);
      return NULL;
    }
  src = g_build_filename (root, relative, NULL);
  if (!g_file_test (src, G_FILE_TEST_EXISTS))
    {
      g_free (counter);
      return NULL;
    }
  csv = decompress (src, tool);
  if (csv == NULL)
    {
      g_free (counter);
      return NULL;
    }
  matcher = clr_matcher_new ();
  g_object_set_data_full (G_OBJECT (matcher), "counter", counter, g_free);
  g_object_set_data_full (G_OBJECT (matcher), "entries",
                          g_ptr_array_new_with_free_func ((GDestroyNotify) clr_entry_unref),
                          (GDestroyNotify) g_ptr_array_unref);
  clr_importer_run (csv, CLR_LIST_FORMAT_AUTO, add_entry, matcher, NULL, NULL, info, NULL, &error);
  g_assert_no_error (error);
  g_unlink (csv);
  clr_matcher_build (matcher);
  g_test_message ("%s: %u entries, %u names, index built in %.2f s", relative,
                  clr_matcher_get_n_entries (matcher), clr_matcher_get_n_names (matcher),
                  clr_matcher_get_build_seconds (matcher));
  return matcher;
}

/* Every listed primary name, screened as it is published, must find its own
 * entry at the default threshold: the index may never lose an exact name. */
static void
check_self_recall (ClrMatcher *matcher,
                   GPtrArray  *entries)
{
  double def = clr_matcher_get_default_threshold ();
  guint found = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      ClrEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) hits = clr_matcher_screen (matcher, e->name, NULL, def, 0);
      gboolean ok = FALSE;

      for (guint k = 0; k < hits->len && !ok; k++)
        ok = ((ClrHit *) g_ptr_array_index (hits, k))->entry == e;
      if (ok)
        found++;
      else
        g_test_message ("listed name not found: “%s”", e->name);
    }
  g_test_message ("listed names finding their own entry: %u of %u", found, entries->len);
  g_assert_cmpuint (found, ==, entries->len);
}

static const double thresholds[] = { 0.60, 0.65, 0.70, 0.75, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.95 };

static void
evaluate (ClrMatcher *matcher,
          const char *set)
{
  g_autoptr(GArray) positives = load_cases ("positives.tsv", 5);
  g_autoptr(GArray) negatives = load_cases ("negatives.tsv", 3);
  double lowest = thresholds[0];
  double def = clr_matcher_get_default_threshold ();
  guint found[G_N_ELEMENTS (thresholds)] = { 0, };
  guint flagged[G_N_ELEMENTS (thresholds)] = { 0, };
  guint n_pos = 0, n_neg = negatives->len;
  guint found_def = 0, flagged_def = 0;

  /* Positives: the expected entry's best score (0 when not found). */
  for (guint i = 0; i < positives->len; i++)
    {
      Case *c = &g_array_index (positives, Case, i);
      g_autoptr(GPtrArray) hits = NULL;
      double best = 0;

      if (strcmp (c->sets, "both") != 0 && strcmp (c->sets, set) != 0)
        continue;
      n_pos++;
      hits = clr_matcher_screen (matcher, c->query, c->country, lowest, 0);
      for (guint k = 0; k < hits->len; k++)
        {
          ClrHit *hit = g_ptr_array_index (hits, k);
          if (hit_is (hit, c->expected) && hit->score > best)
            best = hit->score;
        }
      for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
        found[t] += best >= thresholds[t] - 1e-9;
      if (best >= def - 1e-9)
        found_def++;
      else
        g_test_message ("missed (%s, best %.3f): “%s” → %s", c->kind, best, c->query, c->expected);
    }

  /* Negatives: flagged when anything scores at or above the threshold. */
  for (guint i = 0; i < negatives->len; i++)
    {
      Case *c = &g_array_index (negatives, Case, i);
      g_autoptr(GPtrArray) hits = clr_matcher_screen (matcher, c->query, c->country, lowest, 1);
      double best = hits->len > 0 ? ((ClrHit *) g_ptr_array_index (hits, 0))->score : 0;

      for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
        flagged[t] += best >= thresholds[t] - 1e-9;
      if (best >= def - 1e-9)
        {
          ClrHit *hit = g_ptr_array_index (hits, 0);
          flagged_def++;
          g_test_message ("flagged negative (%s): “%s” → %.3f %s (%s)", c->kind, c->query,
                          best, hit->entry->name, hit->explanation);
        }
    }

  g_test_message ("%s: %u positives, %u negatives", set, n_pos, n_neg);
  g_test_message ("threshold  recall  negatives flagged");
  for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
    g_test_message ("  %.2f     %.3f   %.3f (%u)", thresholds[t],
                    (double) found[t] / n_pos, (double) flagged[t] / n_neg, flagged[t]);

  g_assert_cmpuint (n_pos, >=, 100);
  g_assert_cmpfloat ((double) found_def / n_pos, >=, 0.98);
  g_assert_cmpfloat ((double) flagged_def / n_neg, <=, 0.03);
}

static void
test_eval_csl_2022 (void)
{
  g_autoptr(ClrMatcher) matcher = load_matcher ("csl/2022-05-16/consolidated.csv.gz", "gzip");

  if (matcher == NULL)
    {
      g_test_skip ("CLEARANCE_SHARED_DATA/csl/2022-05-16 (or gzip) not available");
      return;
    }
  evaluate (matcher, "2022");
  check_self_recall (matcher, g_object_get_data (G_OBJECT (matcher), "entries"));
}

static void
test_eval_csl_2026 (void)
{
  g_autoptr(ClrMatcher) matcher = load_matcher ("csl/2026-07-31_compact/consolidated-rebuilt.csv.xz", "xz");

  if (matcher == NULL)
    {
      g_test_skip ("CLEARANCE_SHARED_DATA/csl/2026-07-31_compact (or xz) not available");
      return;
    }
  evaluate (matcher, "2026");
  check_self_recall (matcher, g_object_get_data (G_OBJECT (matcher), "entries"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matcher/eval/csl-2022", test_eval_csl_2022);
  g_test_add_func ("/matcher/eval/csl-2026", test_eval_csl_2026);

  return g_test_run ();
}
