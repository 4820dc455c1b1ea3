/* test-matcher.c — scoring, explanations, index and threads, on small lists
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-matcher.h"

typedef struct
{
  const char *list;
  const char *type;
  const char *name;
  const char *aliases;   /* "; "-separated */
  const char *country;
} Row;

/* Real list entries (CSL) and, to give word frequencies, ordinary ones. */
static const Row rows[] = {
  { "EL", NULL, "Huawei Technologies Co., Ltd.", "Huawei", "CN" },
  { "EL", NULL, "Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision", "CN" },
  { "SSI", "entity", "GAZPROM TELEKOM, OOO", NULL, "RU" },
  { "SDN", "entity", "11420 CORP.", NULL, "VE" },
  { "SDN", "entity", "EMMA LLC", NULL, "AE" },
  { "EL", NULL, "Semiconductor Manufacturing International Corporation (SMIC)", NULL, "CN" },
  { "SDN", "individual", "DERIPASKA, Oleg Vladimirovich", NULL, "RU" },
  { "SDN", "entity", "KOREA RYONBONG GENERAL CORPORATION", NULL, "KP" },
  { "EL", NULL, "Beijing Trading Co., Ltd.", NULL, "CN" },
  { "EL", NULL, "Shanghai Technology Co., Ltd.", NULL, "CN" },
  { "EL", NULL, "Global Trading Company", NULL, "AE" },
  { "EL", NULL, "Shenzhen Electronics Trading Co., Ltd.", NULL, "CN" },
  { "EL", NULL, "Dubai Technology Trading LLC", NULL, "AE" },
  { "EL", NULL, "Moscow Technology Group", NULL, "RU" },
  { "UVL", NULL, "Al Naser Trading FZE", NULL, "AE" },
  { "DPL", NULL, "John Michael Doe", NULL, "US" },
};

static ClrEntry *
make_entry (const Row *row,
            guint      index)
{
  ClrEntry *e = clr_entry_new ();

  e->list_code = g_strdup (row->list);
  e->list_name = g_strdup_printf ("%s list", row->list);
  e->entry_id = g_strdup_printf ("id-%u", index);
  e->entity_type = g_strdup (row->type);
  e->name = g_strdup (row->name);
  e->federal_register = g_strdup ("84 FR 22961");
  if (row->aliases != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (row->aliases, "; ", -1);
      for (char **p = parts; *p; p++)
        clr_entry_add_alias (e, *p);
    }
  clr_entry_add_country (e, row->country);
  return e;
}

static ClrMatcher *
make_matcher (void)
{
  ClrMatcher *m = clr_matcher_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ClrEntry) e = make_entry (&rows[i], i);
      clr_matcher_add_entry (m, 100 + i, e);
    }
  clr_matcher_build (m);
  return m;
}

static ClrHit *
top (GPtrArray *hits)
{
  g_assert_cmpuint (hits->len, >, 0);
  return g_ptr_array_index (hits, 0);
}

static double
best_score_for (ClrMatcher *m,
                const char *query,
                const char *country,
                const char *name)
{
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, query, country, 0.0, 0);

  for (guint i = 0; i < hits->len; i++)
    {
      ClrHit *hit = g_ptr_array_index (hits, i);
      if (g_strcmp0 (hit->entry->name, name) == 0)
        return hit->score;
    }
  return 0;
}

static void
test_exact_and_variants (void)
{
  g_autoptr(ClrMatcher) m = make_matcher ();
  double t = clr_matcher_get_default_threshold ();
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, "Huawei Technologies Co., Ltd.", NULL, t, 10);
  ClrHit *hit = top (hits);

  g_assert_cmpuint (clr_matcher_get_n_entries (m), ==, G_N_ELEMENTS (rows));
  g_assert_cmpstr (hit->entry->name, ==, "Huawei Technologies Co., Ltd.");
  g_assert_cmpfloat (hit->score, ==, 1.0);
  g_assert_cmpint (hit->entry_id, ==, 100);
  g_assert_cmpstr (hit->matched_name, ==, "Huawei Technologies Co., Ltd.");

  /* Legal form, typo, Han, pinyin, abbreviation: all found, above the threshold. */
  g_assert_cmpfloat (best_score_for (m, "HUAWEI TECHNOLOGIES COMPANY LIMITED", NULL, "Huawei Technologies Co., Ltd."), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "华为技术有限公司", NULL, "Huawei Technologies Co., Ltd."), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Huawei Jishu Youxian Gongsi", NULL, "Huawei Technologies Co., Ltd."), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Huawie Technologies", NULL, "Huawei Technologies Co., Ltd."), >=, t);
  g_assert_cmpfloat (best_score_for (m, "Huawie Technologies", NULL, "Huawei Technologies Co., Ltd."), <, 1.0);
  g_assert_cmpfloat (best_score_for (m, "ООО «Газпром телеком»", NULL, "GAZPROM TELEKOM, OOO"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Hik Vision", NULL, "Hangzhou Hikvision Digital Technology Co., Ltd."), >=, t);
  g_assert_cmpfloat (best_score_for (m, "SMIC", NULL, "Semiconductor Manufacturing International Corporation (SMIC)"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Semiconductor Manufacturing Intl Corp", NULL, "Semiconductor Manufacturing International Corporation (SMIC)"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Oleg Deripaska", NULL, "DERIPASKA, Oleg Vladimirovich"), >=, t);
  g_assert_cmpfloat (best_score_for (m, "Korea Ryongbong General Corp", NULL, "KOREA RYONBONG GENERAL CORPORATION"), >=, t);
}

static void
test_generic_words_score_low (void)
{
  g_autoptr(ClrMatcher) m = make_matcher ();
  double t = clr_matcher_get_default_threshold ();
  g_autoptr(GPtrArray) generic = clr_matcher_screen (m, "Trading Technology Co., Ltd.", NULL, t, 0);
  g_autoptr(GPtrArray) corp = clr_matcher_screen (m, "BELLETECH CORP", NULL, t, 0);
  g_autoptr(GPtrArray) emma = clr_matcher_screen (m, "Emma Daniels", NULL, t, 0);
  g_autoptr(GPtrArray) smith = clr_matcher_screen (m, "John Smith", NULL, t, 0);

  /* Only generic words and legal forms in common: no hit. */
  g_assert_cmpuint (generic->len, ==, 0);
  /* watchman#483 and #338: a legal form or a first name alone is no hit. */
  g_assert_cmpuint (corp->len, ==, 0);
  g_assert_cmpuint (emma->len, ==, 0);
  g_assert_cmpuint (smith->len, ==, 0);
  g_assert_cmpfloat (best_score_for (m, "BELLETECH CORP", NULL, "11420 CORP."), <, 0.5);
}

static void
test_country (void)
{
  g_autoptr(ClrMatcher) m = make_matcher ();
  double none = best_score_for (m, "Huawie Technologies", NULL, "Huawei Technologies Co., Ltd.");
  double same = best_score_for (m, "Huawie Technologies", "CN", "Huawei Technologies Co., Ltd.");
  double other = best_score_for (m, "Huawie Technologies", "FR", "Huawei Technologies Co., Ltd.");
  g_autoptr(GPtrArray) exact = clr_matcher_screen (m, "Huawei Technologies Co., Ltd.", "FR",
                                                   clr_matcher_get_default_threshold (), 1);

  g_assert_cmpfloat (same, >, none);
  g_assert_cmpfloat (other, <, none);
  /* A different country never hides an exact name hit. */
  g_assert_cmpfloat (top (exact)->score, ==, 1.0);
  g_assert_nonnull (strstr (top (exact)->explanation, "FR"));
}

static void
test_explanation_and_json (void)
{
  g_autoptr(ClrMatcher) m = make_matcher ();
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, "Huawie Technologies", "CN", 0.5, 1);
  ClrHit *hit = top (hits);
  g_autoptr(JsonNode) node = clr_hit_to_json (hit);
  JsonObject *obj = json_node_get_object (node);
  const ClrTokenMatch *first = g_ptr_array_index (hit->token_matches, 0);
  const char *members[] = { "score", "list", "list_name", "entry_id", "name", "matched_name",
                            "countries", "license_requirement", "license_policy",
                            "federal_register", "explanation", "entry_row", "content_hash" };
  g_autofree char *hash = clr_entry_content_hash (hit->entry);

  /* The reviewer sees which word matched which, how closely and how much it weighed. */
  g_assert_nonnull (strstr (hit->explanation, "huawie≈huawei"));
  g_assert_nonnull (strstr (hit->explanation, "tech=tech"));
  g_assert_cmpstr (first->query_token, ==, "huawie");
  g_assert_cmpstr (first->entry_token, ==, "huawei");
  g_assert_cmpfloat (first->similarity, >, 0.8);
  g_assert_cmpfloat (first->similarity, <, 1.0);
  g_assert_cmpfloat (first->weight, >, 0.5);   /* the distinctive word carries the score */

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (obj, members[i]));
  g_assert_cmpstr (json_object_get_string_member (obj, "list"), ==, "EL");
  g_assert_cmpstr (json_object_get_string_member (obj, "entry_id"), ==, "id-0");
  g_assert_cmpint (json_object_get_int_member (obj, "entry_row"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (obj, "content_hash"), ==, hash);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (obj, "countries"), 0), ==, "CN");
  g_assert_cmpfloat (json_object_get_double_member (obj, "score"), >, 0.8);
}

static char *
generated_text (const ClrHit *hit)
{
  g_autoptr(JsonNode) node = clr_hit_to_json (hit);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* The batch recorder stores clr_hit_to_json_text(): the same text json-glib
 * writes for clr_hit_to_json(), whatever the names hold. */
static void
test_json_text (void)
{
  g_autoptr(ClrMatcher) m = make_matcher ();
  const char *queries[] = { "Huawie Technologies", "John Michael Doe", "Rosneft", "Bank Melli Iran" };
  g_autoptr(ClrEntry) e = clr_entry_new ();
  g_autoptr(ClrHit) odd = NULL;
  guint compared = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) hits = clr_matcher_screen (m, queries[q], "CN", 0.3, 0);

      for (guint i = 0; i < hits->len; i++)
        {
          ClrHit *hit = g_ptr_array_index (hits, i);
          g_autofree char *expected = generated_text (hit);
          g_autofree char *text = clr_hit_to_json_text (hit, NULL);
          g_autofree char *hash = clr_entry_content_hash (hit->entry);
          g_autofree char *with_hash = clr_hit_to_json_text (hit, hash);

          g_assert_cmpstr (text, ==, expected);
          g_assert_cmpstr (with_hash, ==, expected);
          compared++;
        }
    }
  g_assert_cmpuint (compared, >=, 2);

  /* Quotes, backslashes, control characters, non-ASCII, missing fields. */
  e->list_code = g_strdup ("SDN");
  e->name = g_strdup ("The \"Quoted\" \\ Co.\n\tLtd\x01 \xc3\x9cml\xc3\xa4ut / \xe4\xb8\xad");
  clr_entry_add_country (e, "DE");
  odd = clr_hit_new (7, e);
  odd->score = 0.123456;
  odd->name_score = 1.0 / 3.0;
  odd->country_adjust = -0.05;
  odd->matched_name = g_strdup ("x\x1f\"y\"");
  clr_hit_add_token_match (odd, "quoted", NULL, 0, 0.25);
  clr_hit_add_token_match (odd, "co", "co", 1, 1e-7);
  {
    g_autofree char *expected = generated_text (odd);
    g_autofree char *text = clr_hit_to_json_text (odd, NULL);

    g_assert_cmpstr (text, ==, expected);
  }
}

static void
test_threshold_limit_order (void)
{
  g_autoptr(ClrMatcher) m = make_matcher ();
  g_autoptr(GPtrArray) all = clr_matcher_screen (m, "Beijing Shanghai Trading Technology", NULL, 0.1, 0);
  g_autoptr(GPtrArray) two = clr_matcher_screen (m, "Beijing Shanghai Trading Technology", NULL, 0.1, 2);
  g_autoptr(GPtrArray) high = clr_matcher_screen (m, "Beijing Shanghai Trading Technology", NULL, 0.99, 0);

  g_assert_cmpuint (all->len, >, 2);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpuint (high->len, ==, 0);
  for (guint i = 0; i + 1 < all->len; i++)
    g_assert_cmpfloat (((ClrHit *) all->pdata[i])->score, >=, ((ClrHit *) all->pdata[i + 1])->score);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpfloat (((ClrHit *) all->pdata[i])->score, >=, 0.1);
}

static const char *queries[] = {
  "Huawei", "Huawie Tech", "Hikvision Digital", "Gazprom", "SMIC", "Deripaska",
  "Trading", "Global Trading", "Al Naser", "Naser Trading FZCO", "Korea General",
  "Moscow Tech Group", "John Doe", "11420", "Shenzhen Electronic",
};

static void
test_index_equals_full_scan (void)
{
  g_autoptr(ClrMatcher) m = make_matcher ();

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (double t = 0.3; t < 1.0; t += 0.2)
      {
        g_autoptr(GPtrArray) a = clr_matcher_screen (m, queries[q], NULL, t, 0);
        g_autoptr(GPtrArray) b = clr_matcher_screen_full_scan (m, queries[q], NULL, t, 0);

        g_assert_cmpuint (a->len, ==, b->len);
        for (guint i = 0; i < a->len; i++)
          {
            ClrHit *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
            g_assert_cmpint (x->entry_id, ==, y->entry_id);
            g_assert_cmpfloat_with_epsilon (x->score, y->score, 1e-9);
          }
      }
}

typedef struct
{
  ClrMatcher *matcher;
  GPtrArray  *expected;   /* char *: top entry name per query, or "" */
  gboolean    ok;
} ThreadData;

static char *
top_name (ClrMatcher *m,
          const char *query)
{
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, query, NULL, 0.5, 1);
  if (hits->len == 0)
    return g_strdup ("");
  return g_strdup_printf ("%s %.6f", ((ClrHit *) hits->pdata[0])->entry->name,
                          ((ClrHit *) hits->pdata[0])->score);
}

static gpointer
thread_func (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint round = 0; round < 50; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autofree char *got = top_name (data->matcher, queries[q]);
        if (g_strcmp0 (got, g_ptr_array_index (data->expected, q)) != 0)
          data->ok = FALSE;
      }
  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(ClrMatcher) m = make_matcher ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  ThreadData data[4];
  GThread *threads[4];

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    g_ptr_array_add (expected, top_name (m, queries[q]));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i].matcher = m;
      data[i].expected = expected;
      data[i].ok = TRUE;
      threads[i] = g_thread_new ("screen", thread_func, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      g_assert_true (data[i].ok);
    }
}

/* Words made of a few syllables: many pairs one or two edits apart, as in
 * real lists ("Huawei" / "Huawie"), and enough of them (over 4,096) that
 * the neighbour table is built on several threads. */
static char *
syllable_word (GRand *rand)
{
  static const char *const syl[] = { "ka", "ro", "mi", "tel", "san", "vor", "lin", "dex", "pra", "gon", "u", "ei" };
  GString *w = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 3, 5);

  for (guint i = 0; i < n; i++)
    g_string_append (w, syl[g_rand_int_range (rand, 0, G_N_ELEMENTS (syl))]);
  return g_string_free (w, FALSE);
}

static void
assert_same_hits (ClrMatcher *m,
                  const char *query)
{
  g_autoptr(GPtrArray) a = clr_matcher_screen (m, query, NULL, 0.5, 0);
  g_autoptr(GPtrArray) b = clr_matcher_screen_full_scan (m, query, NULL, 0.5, 0);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      ClrHit *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_assert_cmpint (x->entry_id, ==, y->entry_id);
      g_assert_cmpfloat_with_epsilon (x->score, y->score, 1e-9);
    }
}

static void
test_neighbour_table (gconstpointer data)
{
  gboolean table = GPOINTER_TO_INT (data);
  g_autoptr(ClrMatcher) m = clr_matcher_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (4096);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint with_misspelling = 0;

  for (guint i = 0; i < 4000; i++)
    {
      g_autoptr(ClrEntry) e = clr_entry_new ();
      g_autofree char *a = syllable_word (rand);
      g_autofree char *b = syllable_word (rand);

      e->list_code = g_strdup ("EL");
      e->list_name = g_strdup ("Entity List");
      e->entry_id = g_strdup_printf ("syn-%u", i);
      e->name = g_strdup_printf ("%s %s", a, b);
      g_ptr_array_add (names, g_strdup (e->name));
      clr_matcher_add_entry (m, 1000 + i, e);
    }
  clr_matcher_set_neighbour_table (m, table);
  clr_matcher_build (m);
  g_assert_true (clr_matcher_is_built (m));
  g_assert_cmpfloat (clr_matcher_get_neighbour_seconds (m), >=, 0);

  /* A listed word finds every listed word within the fuzzy bound, exactly
   * as comparing it with every name does: no pair lost by the self-join,
   * whichever thread or side found it. */
  for (guint i = 0; i < 120; i++)
    {
      const char *name = g_ptr_array_index (names, g_rand_int_range (rand, 0, names->len));
      g_auto(GStrv) words = g_strsplit (name, " ", 2);
      g_autoptr(GPtrArray) hits = clr_matcher_screen (m, words[0], NULL, 0.5, 0);

      assert_same_hits (m, words[0]);
      assert_same_hits (m, name);
      for (guint k = 0; k < hits->len; k++)
        if (((ClrHit *) g_ptr_array_index (hits, k))->score < 1.0)
          with_misspelling++;
    }
  /* The words are close enough that fuzzy hits really were exercised. */
  g_assert_cmpuint (with_misspelling, >, 100);
}

static void
test_empty_and_odd_input (void)
{
  g_autoptr(ClrMatcher) empty = clr_matcher_new ();
  g_autoptr(ClrMatcher) m = make_matcher ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) blank = NULL;
  g_autoptr(GPtrArray) junk = NULL;
  g_autoptr(GPtrArray) huge = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);

  clr_matcher_build (empty);
  none = clr_matcher_screen (empty, "Huawei", NULL, 0.0, 0);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (clr_matcher_get_n_entries (empty), ==, 0);

  blank = clr_matcher_screen (m, "  ,;. ", NULL, 0.0, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  junk = clr_matcher_screen (m, "Hua\xffwei \xfe\xfe", NULL, 0.0, 0);
  g_assert_nonnull (junk);
  /* A 64 KiB name is screened (on its first words), never a crash. */
  while (long_name->len < 65536)
    g_string_append (long_name, "Huawei Technologies ");
  huge = clr_matcher_screen (m, long_name->str, NULL, 0.5, 0);
  g_assert_nonnull (huge);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matcher/exact-and-variants", test_exact_and_variants);
  g_test_add_func ("/matcher/generic-words-score-low", test_generic_words_score_low);
  g_test_add_func ("/matcher/country", test_country);
  g_test_add_func ("/matcher/explanation-and-json", test_explanation_and_json);
  g_test_add_func ("/matcher/json-text", test_json_text);
  g_test_add_func ("/matcher/threshold-limit-order", test_threshold_limit_order);
  g_test_add_func ("/matcher/index-equals-full-scan", test_index_equals_full_scan);
  g_test_add_func ("/matcher/threads", test_threads);
  g_test_add_data_func ("/matcher/neighbour-table", GINT_TO_POINTER (TRUE), test_neighbour_table);
  g_test_add_data_func ("/matcher/no-neighbour-table", GINT_TO_POINTER (FALSE), test_neighbour_table);
  g_test_add_func ("/matcher/empty-and-odd-input", test_empty_and_odd_input);

  return g_test_run ();
}
