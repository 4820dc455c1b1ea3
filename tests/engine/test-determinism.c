/* test-determinism.c — scores are a pure function of the query and the list content
 *
 * The same list is loaded in its original order, reversed and shuffled; every
 * query must give the same hits with the same scores (issue 13: "Jinpinh Chen"
 * scored 0.301 or 0.929 depending on which of "Jin Ping Li" and "Jinping Chen"
 * was loaded first). The synthetic list of tests/engine/data/eval (3,400
 * entries, 3,405 queries, from tools/gen-eval-corpus.py) always runs; the real
 * 2026 CSL from $CLEARANCE_SHARED_DATA runs when present.
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
#include "clr-test.h"

#define QUERY_THRESHOLD 0.5

static char *
read_data (const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "engine", "data", "eval", file, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Entries of determinism-list.tsv: id, type, name, aliases (";"-separated). */
static GPtrArray *
load_synthetic_list (void)
{
  g_autofree char *contents = read_data ("determinism-list.tsv");
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_entry_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      ClrEntry *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) != 4)
        g_error ("determinism-list.tsv:%u: %u columns, expected 4", i + 1, g_strv_length (f));
      e = clr_entry_new ();
      e->list_code = g_strdup ("SDN");
      e->entry_id = g_strdup (f[0]);
      e->entity_type = g_strdup (f[1]);
      e->name = g_strdup (f[2]);
      if (*f[3] != '\0')
        {
          g_auto(GStrv) aliases = g_strsplit (f[3], ";", -1);
          for (guint k = 0; aliases[k] != NULL; k++)
            clr_entry_add_alias (e, g_strstrip (aliases[k]));
        }
      g_ptr_array_add (entries, e);
    }
  return entries;
}

static GPtrArray *
load_queries (void)
{
  g_autofree char *contents = read_data ("determinism-queries.tsv");
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      g_ptr_array_add (queries, g_strdup (lines[i]));
  return queries;
}

/* A matcher over @entries in the order given by @order (indices). Each entry
 * keeps its own key (its position in @entries + 1), whatever the order. */
static ClrMatcher *
build (GPtrArray *entries,
       GArray    *order)
{
  ClrMatcher *matcher = clr_matcher_new ();

  for (guint i = 0; i < order->len; i++)
    {
      guint k = g_array_index (order, guint, i);
      clr_matcher_add_entry (matcher, k + 1, g_ptr_array_index (entries, k));
    }
  clr_matcher_build (matcher);
  return matcher;
}

/* The hits of one query, as text independent of the order hits with equal
 * scores are returned in: "key score" lines sorted by score, then key. */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
canonical_hits (ClrMatcher *matcher,
                const char *query)
{
  g_autoptr(GPtrArray) hits = clr_matcher_screen (matcher, query, NULL, QUERY_THRESHOLD, 0);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      ClrHit *hit = g_ptr_array_index (hits, i);
      /* Scores descending (as 1 − score), 12 decimals: identical, not merely close. */
      g_ptr_array_add (lines, g_strdup_printf ("%.12f %" G_GINT64_FORMAT " %.12f %s",
                                               1.0 - hit->score, hit->entry_id, hit->name_score,
                                               hit->matched_name ? hit->matched_name : ""));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* Screens every query against the list in original, reversed and shuffled
 * (with @two_shuffles, two seeds) orders and asserts identical answers. */
/* A copy of @order shuffled with @rand (Fisher–Yates). */
static GArray *
shuffled_copy (GArray *order,
               GRand  *rand)
{
  GArray *shuffled = g_array_copy (order);

  for (guint i = shuffled->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint t = g_array_index (shuffled, guint, i - 1);

      g_array_index (shuffled, guint, i - 1) = g_array_index (shuffled, guint, j);
      g_array_index (shuffled, guint, j) = t;
    }
  return shuffled;
}

static void
check_orders (GPtrArray  *entries,
              GPtrArray  *queries,
              gboolean    two_shuffles,
              const char *what)
{
  g_autoptr(GArray) original = g_array_sized_new (FALSE, FALSE, sizeof (guint), entries->len);
  g_autoptr(GArray) reversed = g_array_sized_new (FALSE, FALSE, sizeof (guint), entries->len);
  g_autoptr(GArray) shuffled = NULL;
  g_autoptr(GArray) shuffled2 = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(ClrMatcher) m_orig = NULL;
  g_autoptr(ClrMatcher) m_rev = NULL;
  g_autoptr(ClrMatcher) m_shuf = NULL;
  g_autoptr(ClrMatcher) m_shuf2 = NULL;
  guint differing = 0, with_hits = 0, n_hits = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      guint r = entries->len - 1 - i;
      g_array_append_val (original, i);
      g_array_append_val (reversed, r);
    }
  shuffled = shuffled_copy (original, rand);
  shuffled2 = shuffled_copy (original, rand);

  m_orig = build (entries, original);
  m_rev = build (entries, reversed);
  m_shuf = build (entries, shuffled);
  m_shuf2 = two_shuffles ? build (entries, shuffled2) : g_object_ref (m_shuf);

  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = g_ptr_array_index (queries, q);
      g_autofree char *a = canonical_hits (m_orig, query);
      g_autofree char *b = canonical_hits (m_rev, query);
      g_autofree char *c = canonical_hits (m_shuf, query);
      g_autofree char *d = canonical_hits (m_shuf2, query);

      if (*a != '\0')
        with_hits++;
      for (const char *p = a; *p; p++)
        n_hits += *p == '\n';
      if (strcmp (a, b) != 0 || strcmp (a, c) != 0 || strcmp (a, d) != 0)
        {
          if (differing < 10)
            g_test_message ("%s: “%s” depends on load order:\noriginal:\n%sreversed:\n%sshuffled:\n%s"
                            "shuffled (2):\n%s", what, query, a, b, c, d);
          differing++;
        }
    }
  g_test_message ("%s: %u entries, %u queries (%u with hits ≥ %.2f, %u hits), %u depend on load order",
                  what, entries->len, queries->len, with_hits, QUERY_THRESHOLD, n_hits, differing);
  g_assert_cmpuint (queries->len, >=, 3000);
  g_assert_cmpuint (with_hits, >=, queries->len / 2);
  g_assert_cmpuint (differing, ==, 0);
}

/* The case of the issue: a two-entry list, both orders. */
static void
test_jinping (void)
{
  const char *names[] = { "Jin Ping Li", "Jinping Chen" };
  double scores[2] = { 0, 0 };

  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(ClrMatcher) matcher = clr_matcher_new ();
      g_autoptr(GPtrArray) hits = NULL;

      for (guint i = 0; i < 2; i++)
        {
          guint k = order == 0 ? i : 1 - i;
          g_autoptr(ClrEntry) e = clr_entry_new ();
          e->list_code = g_strdup ("SDN");
          e->entity_type = g_strdup ("individual");
          e->name = g_strdup (names[k]);
          clr_matcher_add_entry (matcher, k + 1, e);
        }
      clr_matcher_build (matcher);
      hits = clr_matcher_screen (matcher, "Jinpinh Chen", NULL, 0.0, 0);
      for (guint i = 0; i < hits->len; i++)
        {
          ClrHit *hit = g_ptr_array_index (hits, i);
          if (hit->entry_id == 2)
            scores[order] = hit->score;
        }
      g_test_message ("“Jinpinh Chen” → “Jinping Chen” with “%s” loaded first: %.3f",
                      names[order == 0 ? 0 : 1], scores[order]);
    }
  g_assert_cmpfloat (scores[0], ==, scores[1]);
  /* One letter off in a seven-letter given name, surname exact: a hit. */
  g_assert_cmpfloat (scores[0], >=, clr_matcher_get_default_threshold ());
}

static void
test_synthetic (void)
{
  g_autoptr(GPtrArray) entries = load_synthetic_list ();
  g_autoptr(GPtrArray) queries = load_queries ();

  g_assert_cmpuint (entries->len, >=, 3000);
  check_orders (entries, queries, TRUE, "synthetic list");
}

static gboolean
collect_entry (ClrEntry  *entry,
               gpointer   user_data,
               GError   **error)
{
  g_ptr_array_add (user_data, clr_entry_ref (entry));
  return TRUE;
}

/* The real 2026 CSL; the queries are every tenth listed name, as published
 * and with its longest word's second and third letters swapped, plus the
 * synthetic queries. */
static void
test_csl_2026 (void)
{
  const char *root = g_getenv ("CLEARANCE_SHARED_DATA");
  g_autofree char *src = NULL;
  g_autofree char *out = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_entry_unref);
  g_autoptr(GPtrArray) queries = load_queries ();
  const char *argv[] = { "xz", "-dc", NULL, NULL };
  g_autofree char *xz = g_find_program_in_path ("xz");
  int status = 0;
  int fd;

  if (root != NULL)
    src = g_build_filename (root, "csl", "2026-07-31_compact", "consolidated-rebuilt.csv.xz", NULL);
  if (src == NULL || !g_file_test (src, G_FILE_TEST_EXISTS) || xz == NULL)
    {
      g_test_skip ("CLEARANCE_SHARED_DATA/csl/2026-07-31_compact (or xz) not available");
      return;
    }
  argv[2] = src;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  fd = g_file_open_tmp ("clearance-determinism-XXXXXX.csv", &tmp, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (tmp, out, -1, &error);
  g_assert_no_error (error);
  clr_importer_run (tmp, CLR_LIST_FORMAT_AUTO, collect_entry, entries, NULL, NULL, info, NULL, &error);
  g_assert_no_error (error);
  g_unlink (tmp);

  for (guint i = 0; i < entries->len; i += 10)
    {
      ClrEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *swapped = NULL;
      char *longest = NULL;
      gsize best = 0;

      if (e->name == NULL || *e->name == '\0')
        continue;
      g_ptr_array_add (queries, g_strdup (e->name));
      swapped = g_strdup (e->name);
      for (char *p = swapped; *p;)
        {
          char *w = p;
          while (*p && g_ascii_isalpha (*p))
            p++;
          if ((gsize) (p - w) > best)
            {
              best = p - w;
              longest = w;
            }
          while (*p && !g_ascii_isalpha (*p))
            p++;
        }
      if (longest != NULL && best >= 4)
        {
          char t = longest[1];
          longest[1] = longest[2];
          longest[2] = t;
          g_ptr_array_add (queries, g_steal_pointer (&swapped));
        }
    }
  check_orders (entries, queries, FALSE, "CSL 2026-07-31");
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/matcher/determinism/jinping", test_jinping),
  CLR_TEST_FUNC ("/matcher/determinism/synthetic", test_synthetic),
  CLR_TEST_FUNC ("/matcher/determinism/csl-2026", test_csl_2026),
};

/* Every target is reported, not only the first one missed. */
CLR_TEST_MAIN_WITH (clr_test_main, NULL, CLR_TEST_TABLE_FUNCS_NONFATAL (tests))
