/* test-matcher.c — scoring, explanations, index and threads, on small lists
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-chinese-names.h"
#include "clr-matcher.h"
#include "clr-matcher-private.h"
#include "clr-test.h"

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
  g_autoptr(GPtrArray) all = clr_matcher_screen (m, "Huawei Hikvision Gazprom Trading", NULL, 0.1, 0);
  g_autoptr(GPtrArray) two = clr_matcher_screen (m, "Huawei Hikvision Gazprom Trading", NULL, 0.1, 2);
  g_autoptr(GPtrArray) high = clr_matcher_screen (m, "Huawei Hikvision Gazprom Trading", NULL, 0.99, 0);

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


/* ---- issue 13: precision on the names exporters screen ------------------ */

static ClrMatcher *
matcher_of (const Row *list,
            guint      n)
{
  ClrMatcher *m = clr_matcher_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrEntry) e = make_entry (&list[i], i);
      clr_matcher_add_entry (m, 100 + i, e);
    }
  clr_matcher_build (m);
  return m;
}

/* Real 2026 CSL entries whose names carry places and generic words. */
static const Row qualified_rows[] = {
  { "EL", NULL, "AccoTest Technology Co., Ltd. (Hong Kong)", "Hong Kong", "HK" },
  { "SDN", "entity", "HONG KONG ELECTRONICS", NULL, "IR" },
  { "DPL", NULL, "INDUSTRIA HONG KONG LTD", NULL, "HK" },
  { "EL", NULL, "ACM Research (Shanghai)", "Shanghai", "CN" },
  { "SDN", "entity", "DUBAI TRADING COMPANY", NULL, "PK" },
  { "EL", NULL, "Nanjing University of Aeronautics and Astronautics", NULL, "CN" },
  { "EL", NULL, "Tianfu University, Zhongyuan Research Institute", NULL, "CN" },
  { "EL", NULL, "Huawei Technologies Co., Ltd.", "Huawei", "CN" },
  { "EL", NULL, "Huawei Technologies (Yangon) Co., Ltd.", NULL, "MM" },
  { "EL", NULL, "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Huawei Marine Networks Co., Ltd.", "Huawei Marine", "CN" },
  { "EL", NULL, "Beijing Academy of Artificial Intelligence", NULL, "CN" },
  { "SDN", "entity", "MAHAN AIR", NULL, "IR" },
  { "SDN", "individual", "HASHEMI, Mehdi", NULL, "IR" },
  { "SDN", "individual", "MUKULU, Jamil", NULL, "UG" },
  { "SDN", "individual", "PUTIN, Vladimir Vladimirovich", NULL, "RU" },
  { "SDN", "entity", "CIMEX", NULL, "CU" },
  { "SDN", "individual", "XU, Jun", NULL, "CN" },
  { "SDN", "individual", "AL-ABD, Mohammed Yusuf", NULL, "SY" },
  { "EL", NULL, "Semiconductor Manufacturing International Corporation (SMIC)", NULL, "CN" },
  { "NS-CMIC", "entity", "Semiconductor Manufacturing International Corporation", NULL, "CN" },
  { "EL", NULL, "Cambricon Technologies Corporation Limited", NULL, "CN" },
  { "EL", NULL, "Hangzhou Hikvision Digital Technology Co., Ltd.", NULL, "CN" },
  { "EL", NULL, "Sugon", NULL, "CN" },
  { "EL", NULL, "Moore Thread Intelligent Technology (Beijing) Co., Ltd.", NULL, "CN" },
  { "EL", NULL, "Lotus Pharmaceuticals Co., Ltd.", NULL, "CN" },
  { "SDN", "individual", "RANI, Indu", NULL, "MX" },
  { "SDN", "entity", "ATLAS KIAN QESHM", NULL, "IR" },
  { "SDN", "vessel", "SNOW", "RAINBOW", "IR" },
  { "SDN", "individual", "DENG, Wei", NULL, "CN" },
  { "SDN", "individual", "YELISEYEV, Ilya Vladimirovich", NULL, "RU" },
  { "SDN", "individual", "ATWA, Ali", NULL, "LB" },
  { "DPL", "individual", "KHALED KHALIL EL-AWAR", NULL, "LB" },
  { "EL", NULL, "Public Joint Stock Company Scientific Production Association Strela", NULL, "RU" },
  { "NS-CMIC", "entity", "CHINA NATIONAL NUCLEAR CORPORATION", NULL, "CN" },
};

static void
assert_no_hit (ClrMatcher *m,
               const char *query)
{
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, query, NULL, clr_matcher_get_default_threshold (), 0);

  if (hits->len > 0)
    g_error ("“%s” → %.3f %s (%s)", query, ((ClrHit *) hits->pdata[0])->score,
             ((ClrHit *) hits->pdata[0])->entry->name, ((ClrHit *) hits->pdata[0])->explanation);
}

static void
test_qualifiers_are_not_names (void)
{
  g_autoptr(ClrMatcher) m = matcher_of (qualified_rows, G_N_ELEMENTS (qualified_rows));
  double t = clr_matcher_get_default_threshold ();

  /* A bracketed place on either side is not a name of its own. */
  assert_no_hit (m, "Meridian Semiconductor (Hong Kong) Limited");
  assert_no_hit (m, "Lotus Tea House (Shanghai) Co., Ltd.");
  assert_no_hit (m, "Falcon Office Supplies (Dubai) LLC");
  assert_no_hit (m, "Shanghai Trading Co., Ltd.");
  /* Places and generic words in common are not a match. */
  assert_no_hit (m, "Nanjing University");
  assert_no_hit (m, "Zhongyuan University");
  /* A name made of qualifiers is still found when it is the whole name. */
  g_assert_cmpfloat (best_score_for (m, "Dubai Trading Company", NULL, "DUBAI TRADING COMPANY"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "AccoTest Technology (Hong Kong) Limited", NULL,
                                     "AccoTest Technology Co., Ltd. (Hong Kong)"), >=, t);
}

static void
test_both_sides_explained (void)
{
  g_autoptr(ClrMatcher) m = matcher_of (qualified_rows, G_N_ELEMENTS (qualified_rows));
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, "Zhongyuan Tianfu Research Trading", NULL, 0.3, 0);
  ClrHit *hit = top (hits);

  g_assert_cmpstr (hit->entry->name, ==, "Tianfu University, Zhongyuan Research Institute");
  /* Which words are missing, on which side. */
  g_assert_nonnull (strstr (hit->explanation, "not in the listed name: trdg"));
  g_assert_nonnull (strstr (hit->explanation, "listed words not in the query:"));
  g_assert_nonnull (strstr (hit->explanation, "univ"));
}

static void
test_entity_before_family (void)
{
  g_autoptr(ClrMatcher) m = matcher_of (qualified_rows, G_N_ELEMENTS (qualified_rows));
  double t = clr_matcher_get_default_threshold ();
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, "Huawei Technologies Co., Ltd.", NULL, t, 0);
  gboolean yangon = FALSE, marine = FALSE;

  g_assert_cmpuint (hits->len, >=, 3);
  g_assert_cmpstr (top (hits)->entry->name, ==, "Huawei Technologies Co., Ltd.");
  g_assert_cmpfloat (top (hits)->score, ==, 1.0);
  for (guint i = 1; i < hits->len; i++)
    {
      ClrHit *hit = g_ptr_array_index (hits, i);

      g_assert_cmpfloat (hit->score, <, 1.0);
      if (strstr (hit->entry->name, "Yangon") != NULL)
        yangon = TRUE;
      if (strstr (hit->entry->name, "Marine") != NULL)
        {
          marine = TRUE;
          g_assert_nonnull (strstr (hit->explanation, "parent"));
        }
    }
  /* The family is still found. */
  g_assert_true (yangon);
  g_assert_true (marine);
}

/* Real 2026 Entity List families: a parent and members whose listed names
 * add a bracketed place, an ordinal or a unit. */
static const Row family_rows[] = {
  { "EL", NULL, "Huawei Technologies Co., Ltd.", NULL, "CN" },
  { "EL", NULL, "Huawei Technologies (UK) Co., Ltd.", NULL, "GB" },
  { "EL", NULL, "China State Shipbuilding Corporation, Limited (CSSC) 12th Research Institute", NULL, "CN" },
  { "EL", NULL, "China State Shipbuilding Corporation, Limited (CSSC) 710th Research Institute", NULL, "CN" },
  { "EL", NULL, "Xinjiang Production and Construction Corps (XPCC)", NULL, "CN" },
  { "EL", NULL, "Xinjiang Production and Construction Corps (XPCC) Public Security Bureau", NULL, "CN" },
};

/* The query names a member exactly: the member ranks first, the listed
 * name without the query's place (or the rest) is still a hit, below it. */
static void
test_member_before_parent (void)
{
  g_autoptr(ClrMatcher) m = matcher_of (family_rows, G_N_ELEMENTS (family_rows));
  double t = clr_matcher_get_default_threshold ();
  g_autoptr(GPtrArray) uk = clr_matcher_screen (m, "Huawei Technologies (UK) Co., Ltd.", NULL, t, 0);
  g_autoptr(GPtrArray) xpcc = clr_matcher_screen (m, "Xinjiang Production and Construction Corps (XPCC) Public Security Bureau",
                                                  NULL, t, 0);
  double parent;

  g_assert_cmpuint (uk->len, ==, 2);
  g_assert_cmpstr (top (uk)->entry->name, ==, "Huawei Technologies (UK) Co., Ltd.");
  g_assert_cmpfloat (top (uk)->score, ==, 1.0);
  /* The parent: a hit, ranked second, and the explanation says why. */
  parent = best_score_for (m, "Huawei Technologies (UK) Co., Ltd.", NULL, "Huawei Technologies Co., Ltd.");
  g_assert_cmpfloat (parent, >=, t);
  g_assert_cmpfloat (parent, <, 1.0);
  g_assert_cmpstr (((ClrHit *) uk->pdata[1])->entry->name, ==, "Huawei Technologies Co., Ltd.");
  g_assert_nonnull (strstr (((ClrHit *) uk->pdata[1])->explanation, "matched on part of the party’s name"));

  g_assert_cmpuint (xpcc->len, >=, 2);
  g_assert_cmpstr (top (xpcc)->entry->name, ==, "Xinjiang Production and Construction Corps (XPCC) Public Security Bureau");
  g_assert_cmpfloat (top (xpcc)->score, ==, 1.0);
  parent = best_score_for (m, "Xinjiang Production and Construction Corps (XPCC) Public Security Bureau", NULL,
                           "Xinjiang Production and Construction Corps (XPCC)");
  g_assert_cmpfloat (parent, >=, t);
  g_assert_cmpfloat (parent, <, 1.0);

  /* The other direction is unchanged: the parent's exact name, parent first. */
  g_assert_cmpfloat (best_score_for (m, "Huawei Technologies Co., Ltd.", NULL, "Huawei Technologies Co., Ltd."), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Huawei Technologies Co., Ltd.", NULL, "Huawei Technologies (UK) Co., Ltd."), <, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Xinjiang Production and Construction Corps (XPCC)", NULL,
                                     "Xinjiang Production and Construction Corps (XPCC) Public Security Bureau"), <, 1.0);
}

/* An ordinal is a number that must match: the 710th institute is not the
 * 12th, however much of the name they share. */
static void
test_ordinal_differs (void)
{
  g_autoptr(ClrMatcher) m = matcher_of (family_rows, G_N_ELEMENTS (family_rows));
  const char *twelfth = "China State Shipbuilding Corporation, Limited (CSSC) 12th Research Institute";
  const char *query = "China State Shipbuilding Corporation, Limited (CSSC) 710th Research Institute";
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, query, NULL, clr_matcher_get_default_threshold (), 0);

  g_assert_cmpstr (top (hits)->entry->name, ==, query);
  g_assert_cmpfloat (top (hits)->score, ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, query, NULL, twelfth), <, 1.0);
  g_assert_cmpfloat (best_score_for (m, "China State Shipbuilding Corporation Limited 710th Research Institute", NULL,
                                     twelfth), <, 1.0);
  g_assert_cmpfloat (best_score_for (m, "CSSC 710th Research Institute", NULL, twelfth), <, 1.0);
  /* "12th" = "12": the same ordinal written either way is the same name. */
  g_assert_cmpfloat (best_score_for (m, "China State Shipbuilding Corporation, Limited (CSSC) 12 Research Institute", NULL,
                                     twelfth), ==, 1.0);
}

static void
test_recall_tables (void)
{
  g_autoptr(ClrMatcher) m = matcher_of (qualified_rows, G_N_ELEMENTS (qualified_rows));
  double t = clr_matcher_get_default_threshold ();

  g_assert_cmpfloat (best_score_for (m, "Academy of AI", NULL, "Beijing Academy of Artificial Intelligence"), >=, t);
  g_assert_cmpfloat (best_score_for (m, "Mahan Airlines", NULL, "MAHAN AIR"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Mahan Airways", NULL, "MAHAN AIR"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Mahdi Hashemi", NULL, "HASHEMI, Mehdi"), >=, t);
  g_assert_cmpfloat (best_score_for (m, "Muhammad Yousef Al-Abd", NULL, "AL-ABD, Mohammed Yusuf"), >=, t);
  g_assert_cmpfloat (best_score_for (m, "Mohamad Yusef Al Abd", NULL, "AL-ABD, Mohammed Yusuf"), >=, t);
  g_assert_cmpfloat (best_score_for (m, "Aly ATWA", NULL, "ATWA, Ali"), ==, 1.0);
  /* Honorifics and ranks weigh as stop words. */
  g_assert_cmpfloat (best_score_for (m, "Capt. Ilya Vladimirovich YELISEYEV", NULL, "YELISEYEV, Ilya Vladimirovich"), >=, t);
  /* A particle written glued ("ELAWAR" = "EL-AWAR"), a legal form abbreviated. */
  g_assert_cmpfloat (best_score_for (m, "KHALED KHALIL ELAWAR", NULL, "KHALED KHALIL EL-AWAR"), >=, t);
  g_assert_cmpfloat (best_score_for (m, "Public JSC Scientific Production Association Strela", NULL,
                                     "Public Joint Stock Company Scientific Production Association Strela"), ==, 1.0);
  /* An organisation's name is not a vessel's (or a person's) unless it is exactly that name. */
  assert_no_hit (m, "Rainbow Electronics (Ukraine) TOV");
  g_assert_cmpfloat (best_score_for (m, "Rainbow", NULL, "SNOW"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "M/V RAINBOW", NULL, "SNOW"), >=, t);
  {
    g_autoptr(GPtrArray) low = clr_matcher_screen (m, "Rainbow Electronics TOV", NULL, 0.3, 1);
    g_assert_nonnull (strstr (top (low)->explanation, "vessel"));
  }
}

static void
test_chinese_names (void)
{
  g_autoptr(ClrMatcher) m = matcher_of (qualified_rows, G_N_ELEMENTS (qualified_rows));
  double t = clr_matcher_get_default_threshold ();
  g_autoptr(GPtrArray) smic = clr_matcher_screen (m, "中芯国际", NULL, t, 0);
  g_autoptr(GPtrArray) near = clr_matcher_screen (m, "中芯国际集成电路製造有限公司", NULL, t, 0);
  gboolean el = FALSE, cmic = FALSE;

  for (guint i = 0; i < smic->len; i++)
    {
      ClrHit *hit = g_ptr_array_index (smic, i);

      g_assert_cmpfloat (hit->score, ==, 1.0);
      g_assert_nonnull (strstr (hit->explanation, "chinese-names.json row"));
      g_assert_nonnull (strstr (hit->explanation, "source:"));
      el = el || g_strcmp0 (hit->entry->list_code, "EL") == 0;
      cmic = cmic || g_strcmp0 (hit->entry->list_code, "NS-CMIC") == 0;
    }
  g_assert_true (el);
  /* The placeholder table also names the NS-CMIC entry; the full one may not. */
  if (clr_chinese_names_get_n_rows (clr_chinese_names_get_default ()) < 20)
    g_assert_true (cmic);
  /* One character off in a long name: found, below an exact match. */
  g_assert_cmpuint (near->len, >, 0);
  g_assert_cmpfloat (top (near)->score, <, 1.0);
  g_assert_cmpfloat (top (near)->score, >=, t);
  g_assert_cmpfloat (best_score_for (m, "中科寒武纪科技股份有限公司", NULL, "Cambricon Technologies Corporation Limited"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "海康威视", NULL, "Hangzhou Hikvision Digital Technology Co., Ltd."), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "曙光", NULL, "Sugon"), ==, 1.0);
  g_assert_cmpfloat (best_score_for (m, "摩尔线程", NULL, "Moore Thread Intelligent Technology (Beijing) Co., Ltd."), ==, 1.0);
  /* A short name one character off is not a match. */
  assert_no_hit (m, "海康威");
}

static void
test_short_words (void)
{
  g_autoptr(ClrMatcher) m = matcher_of (qualified_rows, G_N_ELEMENTS (qualified_rows));
  double t = clr_matcher_get_default_threshold ();

  /* One edit in a word of five letters or fewer earns partial credit. */
  g_assert_cmpfloat (best_score_for (m, "JAMLI MUKULU", NULL, "MUKULU, Jamil"), >=, t);
  g_assert_cmpfloat (best_score_for (m, "JAMLI MUKULU", NULL, "MUKULU, Jamil"), <, 1.0);
  g_assert_cmpfloat (best_score_for (m, "Vladimir Vladimirovich Pulin", NULL, "PUTIN, Vladimir Vladimirovich"), >=, t);
  /* One edit in a lone short word is not a hit on its own; two letters stay exact. */
  g_assert_cmpfloat (best_score_for (m, "Cemex", "CU", "CIMEX"), <, t);
  g_assert_cmpfloat (best_score_for (m, "Cemex", NULL, "CIMEX"), >, 0.5);
  g_assert_cmpfloat (best_score_for (m, "Xi Jun", NULL, "XU, Jun"), <, t);
  /* A short word's first letter must agree: Feng is not Deng. */
  g_assert_cmpfloat (best_score_for (m, "Feng Wei", NULL, "DENG, Wei"), <, t);
  /* A transposition inside four letters leaves no trigram in common: the
   * index still finds what the full scan finds. */
  g_assert_cmpfloat (best_score_for (m, "RNAI, Indu", NULL, "RANI, Indu"), >=, t);
  assert_same_hits (m, "RNAI, Indu");
  assert_same_hits (m, "ALTAS KIAN QESHM");
  assert_same_hits (m, "Jamli Mukulu");
  /* A typo in a word the tables rewrite (national → natl) is read as that
   * word, at a fuzzy match's similarity; listed words are never rewritten. */
  {
    g_autoptr(GPtrArray) hits = clr_matcher_screen (m, "CHINA NTAIONAL NUCLEAR CORPORATION", NULL, t, 0);

    g_assert_cmpstr (top (hits)->entry->name, ==, "CHINA NATIONAL NUCLEAR CORPORATION");
    g_assert_cmpfloat (top (hits)->score, <, 1.0);
    g_assert_nonnull (strstr (top (hits)->explanation, "ntaional≈natl"));
    assert_same_hits (m, "CHINA NTAIONAL NUCLEAR CORPORATION");
  }
}

static ClrMatcher *
matcher_in_order (GPtrArray *entries,
                  const guint *order)
{
  ClrMatcher *m = clr_matcher_new ();

  for (guint i = 0; i < entries->len; i++)
    clr_matcher_add_entry (m, 1 + order[i], g_ptr_array_index (entries, order[i]));
  clr_matcher_build (m);
  return m;
}

static char *
describe_hits (ClrMatcher *m,
               const char *query)
{
  g_autoptr(GPtrArray) hits = clr_matcher_screen (m, query, NULL, 0.5, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      ClrHit *hit = g_ptr_array_index (hits, i);
      g_string_append_printf (out, "%s|%.9f|%s|%s\n", hit->entry->entry_id, hit->score,
                              hit->matched_name, hit->explanation);
    }
  return g_string_free (out, FALSE);
}

static void
test_load_order (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_entry_unref);
  g_autoptr(GPtrArray) queries_ = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *forward = NULL, *reverse = NULL, *shuffled = NULL;
  g_autoptr(ClrMatcher) a = NULL;
  g_autoptr(ClrMatcher) b = NULL;
  g_autoptr(ClrMatcher) c = NULL;
  const Row jin[] = { { "SDN", "individual", "Jin Ping Li", NULL, "CN" },
                      { "SDN", "individual", "Jinping Chen", NULL, "CN" } };
  const Row nij[] = { { "SDN", "individual", "Jinping Chen", NULL, "CN" },
                      { "SDN", "individual", "Jin Ping Li", NULL, "CN" } };
  guint n;

  /* The glued form "jinping" of the first entry must not shadow the
   * second entry's word "jinping". */
  {
    g_autoptr(ClrMatcher) one = matcher_of (jin, 2);
    g_autoptr(ClrMatcher) two = matcher_of (nij, 2);
    double x = best_score_for (one, "Jinpinh Chen", NULL, "Jinping Chen");
    double y = best_score_for (two, "Jinpinh Chen", NULL, "Jinping Chen");

    g_assert_cmpfloat (x, >=, 0.9);
    g_assert_cmpfloat (x, ==, y);
  }

  /* Thousands of queries against one list loaded in three orders. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_ptr_array_add (entries, make_entry (&rows[i], i));
  for (guint i = 0; i < G_N_ELEMENTS (qualified_rows); i++)
    g_ptr_array_add (entries, make_entry (&qualified_rows[i], 100 + i));
  for (guint i = 0; i < 1500; i++)
    {
      ClrEntry *e = clr_entry_new ();
      g_autofree char *w1 = syllable_word (rand);
      g_autofree char *w2 = syllable_word (rand);
      g_autofree char *w3 = syllable_word (rand);

      e->list_code = g_strdup (i % 3 == 0 ? "SDN" : "EL");
      e->entry_id = g_strdup_printf ("syn-%u", i);
      e->entity_type = g_strdup (i % 2 ? "individual" : "entity");
      /* Words glued in one name and split in another, as in real lists. */
      if (i % 5 == 0)
        e->name = g_strdup_printf ("%s %s", w1, w2);
      else if (i % 5 == 1)
        e->name = g_strdup_printf ("%s%s %s", w1, w2, w3);
      else
        e->name = g_strdup_printf ("%s %s Trading Co., Ltd.", w1, w3);
      g_ptr_array_add (entries, e);
    }
  n = entries->len;
  forward = g_new (guint, n);
  reverse = g_new (guint, n);
  shuffled = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    forward[i] = reverse[n - 1 - i] = shuffled[i] = i;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1), tmp = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = tmp;
    }
  a = matcher_in_order (entries, forward);
  b = matcher_in_order (entries, reverse);
  c = matcher_in_order (entries, shuffled);

  for (guint q = 0; q < 2500; q++)
    {
      ClrEntry *e = g_ptr_array_index (entries, g_rand_int_range (rand, 0, n));
      g_autofree char *name = g_strdup (e->name);
      guint len = strlen (name);

      /* The name, or a letter changed, or a word dropped. */
      if (q % 3 == 1 && len > 4)
        name[g_rand_int_range (rand, 0, len)] = 'a' + g_rand_int_range (rand, 0, 26);
      else if (q % 3 == 2 && strchr (name, ' ') != NULL)
        *strrchr (name, ' ') = '\0';
      g_ptr_array_add (queries_, g_steal_pointer (&name));
    }
  for (guint q = 0; q < queries_->len; q++)
    {
      const char *query = g_ptr_array_index (queries_, q);
      g_autofree char *x = describe_hits (a, query);
      g_autofree char *y = describe_hits (b, query);
      g_autofree char *z = describe_hits (c, query);

      g_assert_cmpstr (x, ==, y);
      g_assert_cmpstr (x, ==, z);
    }
}

static void
test_scoring_keys (void)
{
  const char *root = g_getenv ("CLEARANCE_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "default_threshold", "query_share", "min_similarity", "country_match",
                         "country_mismatch", "max_candidates_scored", "chinese_name_exact",
                         "chinese_name_near", "family_member_factor", "class_weight", "short_word",
                         "query_word_missing", "review_bands" };
  gsize len;

  if (root == NULL)
    {
      g_test_skip ("CLEARANCE_SOURCE_ROOT is not set");
      return;
    }
  path = g_build_filename (root, "data", "matching", "scoring.json", NULL);
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = g_bytes_new (contents, len);
    g_assert_true (_clr_matcher_check_scoring (bytes, &error));
    g_assert_no_error (error);
  }
  /* Each key left out is an error naming it: no silent default. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autofree char *text = NULL;
      g_autoptr(GBytes) bytes = NULL;

      json_parser_load_from_data (parser, contents, len, &error);
      g_assert_no_error (error);
      json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), keys[i]);
      json_generator_set_root (gen, json_parser_get_root (parser));
      text = json_generator_to_data (gen, NULL);
      bytes = g_bytes_new (text, strlen (text));
      g_assert_false (_clr_matcher_check_scoring (bytes, &error));
      g_assert_nonnull (strstr (error->message, "scoring.json"));
      g_assert_nonnull (strstr (error->message, keys[i]));
      g_clear_error (&error);
    }
  {
    const char *partial = "{\"default_threshold\": 0.82, \"class_weight\": {\"normal\": 1}}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (partial, strlen (partial));
    g_assert_false (_clr_matcher_check_scoring (bytes, &error));
    g_assert_nonnull (strstr (error->message, "query_share"));
    g_clear_error (&error);
  }

  /* The Chinese-name table: errors name the file and the field. */
  {
    const char *bad = "{\"format\": \"clearance-chinese-names\", \"version\": 1, \"legal_forms\": [],"
                      " \"names\": [{\"zh\": \"中芯国际\", \"en\": \"SMIC\", \"list\": \"EL\"}]}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (bad, strlen (bad));
    ClrChineseNames *table = clr_chinese_names_new (bytes, clr_normalizer_get_default (), &error);

    g_assert_null (table);
    g_assert_nonnull (strstr (error->message, "chinese-names.json"));
    g_assert_nonnull (strstr (error->message, "names[0].source"));
    g_clear_error (&error);
  }
  g_assert_cmpuint (clr_chinese_names_get_n_rows (clr_chinese_names_get_default ()), >, 0);
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/matcher/exact-and-variants", test_exact_and_variants),
  CLR_TEST_FUNC ("/matcher/generic-words-score-low", test_generic_words_score_low),
  CLR_TEST_FUNC ("/matcher/country", test_country),
  CLR_TEST_FUNC ("/matcher/explanation-and-json", test_explanation_and_json),
  CLR_TEST_FUNC ("/matcher/json-text", test_json_text),
  CLR_TEST_FUNC ("/matcher/threshold-limit-order", test_threshold_limit_order),
  CLR_TEST_FUNC ("/matcher/index-equals-full-scan", test_index_equals_full_scan),
  CLR_TEST_FUNC ("/matcher/threads", test_threads),
  CLR_TEST_FUNC_DATA ("/matcher/neighbour-table", test_neighbour_table, GINT_TO_POINTER (TRUE)),
  CLR_TEST_FUNC_DATA ("/matcher/no-neighbour-table", test_neighbour_table, GINT_TO_POINTER (FALSE)),
  CLR_TEST_FUNC ("/matcher/empty-and-odd-input", test_empty_and_odd_input),
  CLR_TEST_FUNC ("/matcher/qualifiers-are-not-names", test_qualifiers_are_not_names),
  CLR_TEST_FUNC ("/matcher/both-sides-explained", test_both_sides_explained),
  CLR_TEST_FUNC ("/matcher/entity-before-family", test_entity_before_family),
  CLR_TEST_FUNC ("/matcher/recall-tables", test_recall_tables),
  CLR_TEST_FUNC ("/matcher/chinese-names", test_chinese_names),
  CLR_TEST_FUNC ("/matcher/short-words", test_short_words),
  CLR_TEST_FUNC ("/matcher/load-order", test_load_order),
  CLR_TEST_FUNC ("/matcher/scoring-keys", test_scoring_keys),
  CLR_TEST_FUNC ("/matcher/member-before-parent", test_member_before_parent),
  CLR_TEST_FUNC ("/matcher/ordinal-differs", test_ordinal_differs),
};

CLR_TEST_MAIN_FUNCS (tests)
