/* clr-rescreen-bench.c — the re-screening benchmark: a scratch store, generated
 * cases, an initial screening and decisions, then a list update re-screened
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "clr-clock.h"
#include "clr-json.h"
#include "clr-rescreen-bench.h"
#include "clr-store-cases.h"
#include "clr-store-lists.h"
#include "clr-store-review.h"

void
clr_rescreen_bench_result_clear (ClrRescreenBenchResult *result)
{
  g_clear_pointer (&result->summary, clr_rescreen_summary_free);
}

static gboolean
collect_bench_names (gint64    entry_id,
                     ClrEntry *entry,
                     gpointer  user_data)
{
  GPtrArray *names = user_data;

  if (entry->name != NULL && *entry->name != '\0' && g_utf8_strlen (entry->name, -1) < 80)
    g_ptr_array_add (names, g_strdup (entry->name));
  return TRUE;
}

/* Clean company names: a word pool, none of it listed. */
static char *
clean_name (guint i)
{
  static const char * const first[] = {
    "Northwind", "Bluewater", "Silverline", "Greenfield", "Redwood", "Lakeside", "Summit", "Harbor",
    "Pinecrest", "Goldleaf", "Riverbend", "Stonebridge", "Clearview", "Brightstar", "Oakridge", "Westgate",
  };
  static const char * const second[] = {
    "Data", "Logistics", "Components", "Systems", "Computing", "Trading", "Electronics", "Networks",
    "Imaging", "Devices", "Cloud", "Analytics", "Robotics", "Optics", "Power", "Semiconductor",
  };
  static const char * const form[] = { "GmbH", "Ltd.", "Inc.", "B.V.", "S.A.", "Pte. Ltd.", "LLC", "AB" };

  return g_strdup_printf ("%s %s %u %s", first[i % G_N_ELEMENTS (first)],
                          second[(i / G_N_ELEMENTS (first)) % G_N_ELEMENTS (second)], i / 7,
                          form[(i / 3) % G_N_ELEMENTS (form)]);
}

/* A listed name as a customer might type it: unchanged, lower case, one
 * letter swapped, or the last word dropped. */
static char *
typed_name (const char *name,
            guint       kind)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);

  switch (kind % 4)
    {
    case 1:
      return g_utf8_strdown (name, -1);
    case 2:
      {
        char *copy = g_strdup (name);
        gsize len = strlen (copy);

        if (len > 6 && g_ascii_isalpha (copy[3]) && g_ascii_isalpha (copy[4]))
          {
            char c = copy[3];
            copy[3] = copy[4];
            copy[4] = c;
          }
        return copy;
      }
    case 3:
      if (n > 2)
        {
          g_free (words[n - 1]);
          words[n - 1] = NULL;
        }
      return g_strjoinv (" ", words);
    default:
      return g_strdup (name);
    }
}

static double
bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

gboolean
clr_rescreen_bench (const char              *old_list,
                    const char              *new_list,
                    guint                    n_parties,
                    const char              *db_path,
                    ClrRescreenBenchResult  *result,
                    GError                 **error)
{
  g_autoptr(ClrStore) store = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClrRescreenSummary) initial = NULL;
  g_autoptr(GPtrArray) open_items = NULL;
  ClrListImportResult import;
  ClrReviewFilter filter;
  guint per_case = 5;
  double start, cpu_start;

  g_return_val_if_fail (old_list != NULL && new_list != NULL && db_path != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s exists: the benchmark needs a new, scratch database"), db_path);
      return FALSE;
    }

  store = clr_store_new (db_path);
  if (!clr_store_open (store, error))
    return FALSE;

  start = bench_now ();
  clr_list_import_result_init (&import);
  if (!clr_store_import_list_file (store, old_list, CLR_LIST_FORMAT_AUTO, "csl", TRUE, NULL, NULL,
                                   &import, NULL, error))
    {
      clr_list_import_result_clear (&import);
      return FALSE;
    }
  clr_list_import_result_clear (&import);
  result->import_old_seconds = bench_now () - start;

  if (!clr_store_foreach_current_entry (store, NULL, collect_bench_names, names, error))
    return FALSE;
  if (names->len == 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, _("%s holds no entries"), old_list);
      return FALSE;
    }

  /* The parties: one in five a listed name as typed, the rest clean. */
  for (guint c = 0; c * per_case < n_parties; c++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) shipment = NULL;
      g_autofree char *reference = g_strdup_printf ("BENCH-%05u", c);

      json_builder_begin_object (builder);
      clr_json_add_string (builder, "reference", reference);
      clr_json_add_string (builder, "date", "2022-06-01");
      clr_json_add_string (builder, "destination", "CN");
      json_builder_set_member_name (builder, "parties");
      json_builder_begin_array (builder);
      for (guint p = 0; p < per_case && c * per_case + p < n_parties; p++)
        {
          guint i = c * per_case + p;
          g_autofree char *name = NULL;

          if (i % 5 == 0)
            name = typed_name (g_ptr_array_index (names, (i * 7919u) % names->len), i / 5);
          else
            name = clean_name (i);
          json_builder_begin_object (builder);
          clr_json_add_string (builder, "role", p == 0 ? "end_user" : "ultimate_consignee");
          clr_json_add_string (builder, "name", name);
          json_builder_end_object (builder);
          result->parties++;
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      shipment = json_builder_get_root (builder);
      if (clr_store_create_case (store, shipment, error) == 0)
        return FALSE;
      result->cases++;
    }

  /* Every party against the whole old list, once. */
  start = bench_now ();
  initial = clr_rescreen_run (store, NULL, NULL, NULL, error);
  if (initial == NULL)
    return FALSE;
  result->initial_screen_seconds = bench_now () - start;

  /* A reviewer decided some of the hits. */
  clr_review_filter_init (&filter);
  filter.status = CLR_REVIEW_STATUS_OPEN;
  filter.limit = 500;
  open_items = clr_store_review_list (store, &filter, error);
  if (open_items == NULL)
    return FALSE;
  for (guint i = 0; i < open_items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (open_items, i);

      if (!clr_store_review_decide (store, item->id,
                                    i % 3 == 0 ? CLR_REVIEW_STATUS_MATCH : CLR_REVIEW_STATUS_NO_MATCH,
                                    i % 3 == 0 ? CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS
                                               : CLR_REVIEW_REASON_DIFFERENT_ENTITY,
                                    NULL, "bench", error))
        return FALSE;
      result->decisions++;
    }

  start = bench_now ();
  clr_list_import_result_init (&import);
  if (!clr_store_import_list_file (store, new_list, CLR_LIST_FORMAT_AUTO, "csl", TRUE, NULL, NULL,
                                   &import, NULL, error))
    {
      clr_list_import_result_clear (&import);
      return FALSE;
    }
  clr_list_import_result_clear (&import);
  result->import_new_seconds = bench_now () - start;

  /* The figure. */
  start = bench_now ();
  cpu_start = clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID);
  result->summary = clr_rescreen_run (store, NULL, NULL, NULL, error);
  if (result->summary == NULL)
    return FALSE;
  result->rescreen_seconds = bench_now () - start;
  result->rescreen_cpu_seconds = clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - cpu_start;

  return TRUE;
}
