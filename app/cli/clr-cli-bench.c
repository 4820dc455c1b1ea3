/* clr-cli-bench.c — clearance-cli bench [--csl FILE]… [--queries N] [--scan N] [--batch N]
 *
 * Imports list files into a scratch database (or uses --db), builds the
 * matcher and measures it: import time, index build time, single-name
 * latency (median, p90, p99, max), batch throughput on 1 and 2 threads,
 * peak RSS, the same queries by a naive full scan over every name, and the
 * whole screen --batch (1 thread, hits recorded for review) on N rows.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "clr-cli.h"
#include "clr-clock.h"
#include "clr-json.h"
#include "clr-matcher.h"
#include "clr-store-rules.h"
#include "clr-store-lists.h"
#include "clr-store-screening.h"

/* Real, legitimate companies and common personal names: none is listed. */
static const char *const negatives[] = {
  "Apple Inc.", "Toyota Motor Corporation", "Samsung Electronics Co., Ltd.", "Siemens AG",
  "Nestle S.A.", "Volkswagen AG", "Sony Group Corporation", "Unilever PLC", "Maersk Line",
  "Robert Bosch GmbH", "Hitachi Ltd", "Panasonic Holdings", "BASF SE", "Philips Electronics",
  "Schneider Electric SE", "Microsoft Corporation", "Intel Corporation", "Dell Technologies",
  "John Smith", "Maria Garcia", "James Johnson", "Anna Schmidt", "Pierre Martin",
  "Wang Fang", "Li Na", "Yuki Tanaka", "Olivia Brown", "Lucas Silva",
};

typedef struct
{
  GPtrArray *queries;
  ClrMatcher *matcher;
  double      threshold;
  gint        next;
} ThroughputData;

static double
now_seconds (void)
{
  return clr_clock_seconds (CLOCK_MONOTONIC);
}

/* CPU time of this thread: a latency the machine's other load cannot inflate. */
static double
thread_cpu_seconds (void)
{
  return clr_clock_seconds (CLOCK_THREAD_CPUTIME_ID);
}

/* CPU time of the whole process (all threads): the neighbour table is built
 * on every core. */
static double
process_cpu_seconds (void)
{
  return clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint idx;

  if (sorted->len == 0)
    return 0;
  idx = (guint) ceil (p * sorted->len) - 1;
  return g_array_index (sorted, double, MIN (idx, sorted->len - 1));
}

/* One perturbation of a listed name, chosen by @kind: the name itself,
 * a transposed letter, a dropped token, reversed word order, lower case. */
static char *
perturb (const char *name,
         guint       kind,
         GRand      *rand)
{
  g_auto(GStrv) words = g_strsplit_set (name, " ", -1);
  guint n = g_strv_length (words);

  switch (kind % 5)
    {
    case 1:
      {
        /* Swap two adjacent letters inside the longest word. */
        guint longest = 0;
        for (guint i = 1; i < n; i++)
          if (strlen (words[i]) > strlen (words[longest]))
            longest = i;
        if (n > 0 && strlen (words[longest]) >= 5)
          {
            char *w = words[longest];
            guint at = 1 + g_rand_int_range (rand, 0, strlen (w) - 3);
            char tmp = w[at];
            w[at] = w[at + 1];
            w[at + 1] = tmp;
          }
        return g_strjoinv (" ", words);
      }
    case 2:
      if (n > 2)
        {
          g_free (words[n - 1]);
          words[n - 1] = NULL;
        }
      return g_strjoinv (" ", words);
    case 3:
      {
        GString *out = g_string_new (NULL);
        for (guint i = n; i > 0; i--)
          {
            if (out->len)
              g_string_append_c (out, ' ');
            g_string_append (out, words[i - 1]);
          }
        return g_string_free (out, FALSE);
      }
    case 4:
      return g_utf8_strdown (name, -1);
    default:
      return g_strdup (name);
    }
}

static gboolean
collect_names (gint64    entry_id,
               ClrEntry *entry,
               gpointer  user_data)
{
  GPtrArray *names = user_data;

  if (entry->name != NULL && *entry->name != '\0')
    g_ptr_array_add (names, g_strdup (entry->name));
  return TRUE;
}

static gpointer
throughput_worker (gpointer user_data)
{
  ThroughputData *data = user_data;
  gint i;

  while ((i = g_atomic_int_add (&data->next, 1)) < (gint) data->queries->len)
    {
      GPtrArray *hits = clr_matcher_screen (data->matcher, g_ptr_array_index (data->queries, i),
                                            NULL, data->threshold, 10);
      g_ptr_array_unref (hits);
    }
  return NULL;
}

static double
throughput (ClrMatcher *matcher,
            GPtrArray  *queries,
            double      threshold,
            guint       n_threads)
{
  ThroughputData data = { queries, matcher, threshold, 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  double start = now_seconds (), secs;

  for (guint t = 0; t < n_threads; t++)
    g_ptr_array_add (threads, g_thread_new ("bench", throughput_worker, &data));
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  secs = now_seconds () - start;
  return secs > 0 ? queries->len / secs : 0;
}

static void
print_latency_row (const char *label,
                   GArray     *samples_ms)
{
  g_array_sort (samples_ms, cmp_double);
  g_print ("  %-28s %8.4f %8.4f %8.4f %8.3f %7u\n", label,
           percentile (samples_ms, 0.5), percentile (samples_ms, 0.9),
           percentile (samples_ms, 0.99), percentile (samples_ms, 1.0), samples_ms->len);
}

/* ---- bench --evaluate ---------------------------------------------------- */

/* A shipment for the benchmark: 2 parties (the end user with an ultimate
 * parent, and a consignee), one item; every third end user is a listed name
 * (perturbed), the others real unlisted companies. */
static JsonNode *
bench_shipment (guint       i,
                GPtrArray  *names,
                GRand      *rand)
{
  static const char *const dests[] = { "CN", "DE", "AE", "RU", "NL", "JP", "SG", "MY", "IN", "GB" };
  static const char *const items[] = {
    "{\"eccn\":\"3A090.a\",\"quantity\":8,\"tpp\":15832,\"performance_density\":19.6,"
      "\"memory_bandwidth_gbps\":3350,\"datacenter\":true}",
    "{\"eccn\":\"EAR99\",\"quantity\":10}", "{\"eccn\":\"5A992.c\",\"quantity\":100}",
    "{\"eccn\":\"4A994\",\"quantity\":2}",
  };
  const char *dest = dests[g_rand_int_range (rand, 0, G_N_ELEMENTS (dests))];
  g_autofree char *end_user = i % 3 == 0 && names->len > 0
                              ? perturb (g_ptr_array_index (names, g_rand_int_range (rand, 0, names->len)), i, rand)
                              : g_strdup (negatives[g_rand_int_range (rand, 0, G_N_ELEMENTS (negatives))]);
  const char *parent = negatives[g_rand_int_range (rand, 0, G_N_ELEMENTS (negatives))];
  const char *consignee = negatives[g_rand_int_range (rand, 0, G_N_ELEMENTS (negatives))];
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) item = json_from_string (items[g_rand_int_range (rand, 0, G_N_ELEMENTS (items))], NULL);

  json_builder_begin_object (b);
  clr_json_add_string (b, "reference", "bench");
  clr_json_add_string (b, "date", "2025-06-01");
  clr_json_add_string (b, "destination", dest);
  clr_json_add_string (b, "exported_from", "US");
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  json_builder_add_value (b, g_steal_pointer (&item));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "parties");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  clr_json_add_string (b, "role", "end_user");
  clr_json_add_string (b, "name", end_user);
  clr_json_add_string (b, "country", dest);
  clr_json_add_string (b, "headquarters_country", dest);
  json_builder_set_member_name (b, "ultimate_parent");
  json_builder_begin_object (b);
  clr_json_add_string (b, "name", parent);
  clr_json_add_string (b, "headquarters_country", "US");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  clr_json_add_string (b, "role", "ultimate_consignee");
  clr_json_add_string (b, "name", consignee);
  clr_json_add_string (b, "country", dest);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Evaluates @n shipments on this thread; returns CPU seconds (wall in @wall). */
static gboolean
bench_evaluate_run (ClrStore    *store,
                    ClrRulePack *pack,
                    GPtrArray   *shipments,
                    gboolean     record,
                    double      *cpu,
                    double      *wall,
                    GError     **error)
{
  ClrStoreEvaluation how = { NULL, CLR_POSTURE_ENFORCEMENT, CLR_EVALUATE_NONE, record };
  double c0 = thread_cpu_seconds (), w0 = now_seconds ();

  for (guint i = 0; i < shipments->len; i++)
    {
      g_autoptr(JsonNode) r = clr_store_evaluate_with_pack (store, pack, g_ptr_array_index (shipments, i), &how, error);

      if (r == NULL)
        return FALSE;
    }
  *cpu = thread_cpu_seconds () - c0;
  *wall = now_seconds () - w0;
  return TRUE;
}

/* What `evaluate FILE` costs from the store opened to the result, against
 * one-name `screen`; then `evaluate --batch` throughput on this thread, with
 * and without the matcher's neighbour table. */
static int
bench_evaluate (ClrStore *store,
                int       n_shipments,
                gboolean  record)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shipments = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) pack = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(ClrMatcher) one = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  ClrStoreEvaluation how = { NULL, CLR_POSTURE_ENFORCEMENT, CLR_EVALUATE_NONE, record };
  double t0, c0, pack_ms, first_ms, first_cpu_ms, screen_ms, screen_cpu_ms, old_ms, old_cpu_ms;

  clr_store_foreach_current_entry (store, NULL, collect_names, names, NULL);
  if (names->len == 0)
    {
      clr_cli_error (_("no lists loaded: give list files to import, or a --db with lists"));
      return CLR_EXIT_USER;
    }
  for (int i = 0; i < n_shipments; i++)
    g_ptr_array_add (shipments, bench_shipment (i, names, rand));
  g_print (_("Clearance evaluate benchmark (%u listed names; %d shipments of 2 parties + 1 parent, "
             "1 item; hits %s)\n"), names->len, n_shipments,
           record ? _("recorded in the review queue") : _("not recorded (--db given)"));

  /* 0. the app's path (the shipment page's Evaluate): clr_store_evaluate_shipment
   * twice in a fresh store state; the second must reuse the cached pack and matcher */
  {
    g_autoptr(ClrMatcher) warm = NULL;
    double app_ms[2], warm_ms;

    /* what the app does at start, in the background */
    t0 = now_seconds ();
    warm = clr_store_get_shared_matcher (store, &error);
    if (warm == NULL)
      return clr_cli_fail (error);
    warm_ms = (now_seconds () - t0) * 1000;
    for (int k = 0; k < 2; k++)
      {
        g_autoptr(JsonNode) r = NULL;

        t0 = now_seconds ();
        r = clr_store_evaluate_shipment (store, g_ptr_array_index (shipments, k), NULL, NULL, FALSE, &error);
        if (r == NULL)
          return clr_cli_fail (error);
        app_ms[k] = (now_seconds () - t0) * 1000;
      }
    g_print (_("  app start, shared matcher (background):   %8.1f ms wall\n"), warm_ms);
    g_print (_("  app Evaluate after it, first / second:    %8.1f ms %8.1f ms wall\n"), app_ms[0], app_ms[1]);
  }

  /* 1. one `evaluate FILE`: rule pack, matcher without neighbour table, one shipment */
  t0 = now_seconds ();
  c0 = process_cpu_seconds ();
  pack = clr_store_load_rule_pack (store, &error);
  if (pack == NULL)
    return clr_cli_fail (error);
  pack_ms = (now_seconds () - t0) * 1000;
  clr_store_set_few_screening_queries (store, TRUE);
  first = clr_store_evaluate_with_pack (store, pack, g_ptr_array_index (shipments, 0), &how, &error);
  if (first == NULL)
    return clr_cli_fail (error);
  first_ms = (now_seconds () - t0) * 1000;
  first_cpu_ms = (process_cpu_seconds () - c0) * 1000;

  /* 2. one-name `screen`: matcher without neighbour table, one name */
  t0 = now_seconds ();
  c0 = process_cpu_seconds ();
  one = clr_store_load_matcher_for_one_query (store, &error);
  if (one == NULL)
    return clr_cli_fail (error);
  hits = clr_matcher_screen (one, "Huawei Technologies", NULL, clr_matcher_get_default_threshold (), 10);
  screen_ms = (now_seconds () - t0) * 1000;
  screen_cpu_ms = (process_cpu_seconds () - c0) * 1000;

  /* 3. `evaluate FILE` as it was: the full matcher (neighbour table) for one shipment */
  clr_store_set_few_screening_queries (store, FALSE);
  t0 = now_seconds ();
  c0 = process_cpu_seconds ();
  {
    g_autoptr(JsonNode) r = clr_store_evaluate_with_pack (store, pack, g_ptr_array_index (shipments, 0), &how, &error);
    if (r == NULL)
      return clr_cli_fail (error);
  }
  old_ms = (now_seconds () - t0) * 1000;
  old_cpu_ms = (process_cpu_seconds () - c0) * 1000;

  g_print (_("  one evaluate, from the open store:        %8.1f ms wall %8.1f ms CPU (rule pack %.1f ms)\n"),
           first_ms, first_cpu_ms, pack_ms);
  g_print (_("  one-name screen, from the open store:     %8.1f ms wall %8.1f ms CPU\n"), screen_ms, screen_cpu_ms);
  g_print (_("  one evaluate with the neighbour table:    %8.1f ms wall %8.1f ms CPU (the table is built on "
             "every core)\n"), old_ms, old_cpu_ms);

  /* 4. batch: the matcher is built once (above, with the neighbour table) */
  for (int mode = 0; mode < 2; mode++)
    {
      double cpu = 0, wall = 0;

      if (mode == 1)
        {
          clr_store_set_few_screening_queries (store, TRUE);
          {
            g_autoptr(JsonNode) r = clr_store_evaluate_with_pack (store, pack, g_ptr_array_index (shipments, 0), &how, &error);
            if (r == NULL)
              return clr_cli_fail (error);
          }
        }
      if (!bench_evaluate_run (store, pack, shipments, record, &cpu, &wall, &error))
        return clr_cli_fail (error);
      g_print (_("  batch, matcher %-24s %8.0f shipments/s CPU %8.0f shipments/s wall (%.2f ms per shipment CPU)\n"),
               mode == 0 ? _("with neighbour table:") : _("without neighbour table:"),
               cpu > 0 ? shipments->len / cpu : 0, wall > 0 ? shipments->len / wall : 0,
               cpu * 1000 / shipments->len);
    }
  return CLR_EXIT_OK;
}

int
clr_cli_cmd_bench (ClrCliContext  *ctx,
                   int             argc,
                   char          **argv)
{
  g_auto(GStrv) csl_files = NULL;
  int n_queries = 5000;
  int n_scan = 300;
  int n_batch = 20000;
  double threshold = -1;
  gboolean evaluate = FALSE;
  int n_shipments = 1000;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClrMatcher) matcher = NULL;
  g_autoptr(GArray) lat = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lat_pos = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lat_neg = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lat_scan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lat_same = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lat_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lat_warm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  double t0, import_secs = 0, load_secs;
  guint agree = 0, scan_hits = 0, index_found = 0;
  GOptionEntry entries[] = {
    { "csl", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &csl_files, N_("A list file to import first (repeatable; any format import reads)"), N_("FILE") },
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, N_("Number of timed queries (default 5000)"), N_("N") },
    { "scan", 0, 0, G_OPTION_ARG_INT, &n_scan, N_("Queries also run by a naive full scan (default 300)"), N_("N") },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, N_("Threshold (default: the matcher’s)"), N_("X") },
    { "batch", 0, 0, G_OPTION_ARG_INT, &n_batch, N_("Rows of the timed screen --batch run with recording (default 20000, 0: none)"), N_("N") },
    { "evaluate", 0, 0, G_OPTION_ARG_NONE, &evaluate, N_("Measure evaluate instead: one shipment's start against one-name screen, and --batch throughput"), NULL },
    { "shipments", 0, 0, G_OPTION_ARG_INT, &n_shipments, N_("With --evaluate: shipments in the batch (default 1000)"), N_("N") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("[FILE…]"),
                              _("Measure import, index build, screening latency and throughput, "
                                "and compare with a naive full scan. Without --db the files are "
                                "imported into a scratch database that is removed afterwards."), entries))
    return CLR_EXIT_USAGE;
  if (threshold < 0)
    threshold = clr_matcher_get_default_threshold ();
  n_queries = MAX (n_queries, 10);
  n_scan = CLAMP (n_scan, 0, n_queries);

  for (char **f = csl_files; f != NULL && *f != NULL; f++)
    g_ptr_array_add (files, *f);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, argv[i]);

  if (ctx->db_path == NULL)
    {
      tmpdir = g_dir_make_tmp ("clearance-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        {
          clr_cli_error ("%s", error->message);
          return CLR_EXIT_INTERNAL;
        }
      ctx->db_path = g_build_filename (tmpdir, "bench.db", NULL);
    }
  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  g_print (_("Clearance screening benchmark\n"));
  for (guint i = 0; i < files->len; i++)
    {
      g_auto(ClrListImportResult) result = { 0, };
      double secs;

      clr_list_import_result_init (&result);
      t0 = now_seconds ();
      /* Only the scratch database skips the shrinking-list guard. */
      if (!clr_store_import_list_file (store, g_ptr_array_index (files, i), CLR_LIST_FORMAT_AUTO,
                                       NULL, tmpdir != NULL, NULL, NULL, &result, NULL, &error))
        {
          clr_cli_error ("%s", error->message);
          exit_code = clr_cli_exit_code_for_error (error);
          goto out;
        }
      secs = now_seconds () - t0;
      import_secs += secs;
      g_print (_("  import %-40s %8.3f s  (%" PRIu64 " records, %" PRIu64 " names%s)\n"),
               (const char *) g_ptr_array_index (files, i), secs, result.records, result.names,
               result.unchanged ? _(", unchanged") : "");
    }

  if (evaluate)
    {
      exit_code = bench_evaluate (store, MAX (n_shipments, 10), tmpdir != NULL);
      goto out;
    }
  t0 = now_seconds ();
  matcher = clr_store_load_matcher (store, &error);
  if (matcher == NULL)
    {
      clr_cli_error ("%s", error->message);
      exit_code = clr_cli_exit_code_for_error (error);
      goto out;
    }
  load_secs = now_seconds () - t0;
  if (clr_matcher_get_n_entries (matcher) == 0)
    {
      clr_cli_error (_("no lists loaded: give list files to import, or a --db with lists"));
      exit_code = CLR_EXIT_USER;
      goto out;
    }
  g_print (_("  entries %u, names indexed %u (incl. aliases and parenthesised forms)\n"),
           clr_matcher_get_n_entries (matcher), clr_matcher_get_n_names (matcher));
  g_print (_("  load entries from the store + build index: %.3f s (index build alone %.3f s, "
             "of which the listed words' fuzzy-neighbour table %.3f s on up to %u threads)\n"),
           load_secs, clr_matcher_get_build_seconds (matcher), clr_matcher_get_neighbour_seconds (matcher),
           MIN (g_get_num_processors (), 8));

  /* Query set: listed names with perturbations (4 in 5), and negatives. */
  clr_store_foreach_current_entry (store, NULL, collect_names, names, NULL);
  for (int i = 0; i < n_queries; i++)
    {
      if (i % 5 == 4)
        {
          const char *neg = negatives[(i / 5) % G_N_ELEMENTS (negatives)];
          g_ptr_array_add (queries, g_strdup (neg));
        }
      else
        {
          const char *name = g_ptr_array_index (names, g_rand_int_range (rand, 0, names->len));
          g_ptr_array_add (queries, perturb (name, i, rand));
        }
    }
  /* Single-name latency, with the full scan on the first n_scan queries. */
  for (guint i = 0; i < queries->len; i++)
    {
      const char *q = g_ptr_array_index (queries, i);
      g_autoptr(GPtrArray) hits = NULL;
      double ms, wall_ms, c0;

      t0 = now_seconds ();
      c0 = thread_cpu_seconds ();
      hits = clr_matcher_screen (matcher, q, NULL, threshold, 10);
      ms = (thread_cpu_seconds () - c0) * 1000;
      wall_ms = (now_seconds () - t0) * 1000;
      g_array_append_val (lat, ms);
      g_array_append_val (lat_wall, wall_ms);
      if (i % 5 == 4)
        g_array_append_val (lat_neg, ms);
      else
        g_array_append_val (lat_pos, ms);

      if ((int) i < n_scan)
        {
          g_autoptr(GPtrArray) full = NULL;
          double scan_ms;

          c0 = thread_cpu_seconds ();
          full = clr_matcher_screen_full_scan (matcher, q, NULL, threshold, 10);
          scan_ms = (thread_cpu_seconds () - c0) * 1000;
          g_array_append_val (lat_scan, scan_ms);
          g_array_append_val (lat_same, ms);
          for (guint k = 0; k < full->len; k++)
            {
              ClrHit *f = g_ptr_array_index (full, k);
              scan_hits++;
              for (guint m = 0; m < hits->len; m++)
                {
                  ClrHit *h = g_ptr_array_index (hits, m);
                  if (h->entry_id == f->entry_id && fabs (h->score - f->score) < 1e-6)
                    {
                      index_found++;
                      break;
                    }
                }
            }
          if (full->len == hits->len)
            {
              gboolean same = TRUE;
              for (guint k = 0; k < full->len && same; k++)
                same = ((ClrHit *) g_ptr_array_index (full, k))->entry_id ==
                       ((ClrHit *) g_ptr_array_index (hits, k))->entry_id;
              agree += same;
            }
        }
    }

  /* The same queries again: caches warm. */
  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      double c0 = thread_cpu_seconds (), ms;

      hits = clr_matcher_screen (matcher, g_ptr_array_index (queries, i), NULL, threshold, 10);
      ms = (thread_cpu_seconds () - c0) * 1000;
      g_array_append_val (lat_warm, ms);
    }

  g_print ("\n  %-28s %8s %8s %8s %8s %7s\n", _("latency (CPU ms per name)"),
           _("median"), _("p90"), _("p99"), _("max"), _("queries"));
  print_latency_row (_("indexed, first pass"), lat);
  print_latency_row (_("indexed, first pass, wall"), lat_wall);
  print_latency_row (_("indexed, second pass"), lat_warm);
  print_latency_row (_("indexed, listed variants"), lat_pos);
  print_latency_row (_("indexed, negatives"), lat_neg);
  if (n_scan > 0)
    {
      print_latency_row (_("indexed, scan subset"), lat_same);
      print_latency_row (_("naive full scan, same"), lat_scan);
      g_print (_("\n  full scan vs index on %d queries: identical hit lists %u (%.1f %%), "
                 "full-scan hits found by the index %u of %u (%.2f %%)\n"),
               n_scan, agree, 100.0 * agree / n_scan, index_found, scan_hits,
               scan_hits ? 100.0 * index_found / scan_hits : 100.0);
    }

  g_print (_("\n  batch throughput: 1 thread %.0f names/s, 2 threads %.0f names/s\n"),
           throughput (matcher, queries, threshold, 1), throughput (matcher, queries, threshold, 2));

  g_print (_("  import total %.3f s; peak RSS %.1f MB; threshold %.2f\n"),
           import_secs, peak_rss_mb (), threshold);

  /* The whole `screen --batch --jobs 1 --csv` on a CSV file: read, screen,
   * record every hit in the review queue, print. Scratch database only:
   * recording would add review items to a real one. */
  if (tmpdir != NULL && n_batch > 0)
    {
      g_autofree char *csv_path = g_build_filename (tmpdir, "batch.csv", NULL);
      g_autoptr(GString) csv = g_string_new ("id,name\n");
      ClrCliBatchStats stats = { 0, };
      ClrCliBatchOptions options = { threshold, 10, CLR_CLI_BATCH_CSV, 1, NULL, &stats };
      FILE *sink = fopen ("/dev/null", "w");
      int rc;

      for (int i = 0; i < n_batch; i++)
        {
          /* a transposed letter may have split a UTF-8 sequence */
          g_autofree char *q = g_utf8_make_valid (g_ptr_array_index (queries, i % queries->len), -1);

          g_string_append_printf (csv, "%d,\"", i);
          for (const char *p = q; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (csv, '"');
              g_string_append_c (csv, *p);
            }
          if (i >= (int) queries->len)
            g_string_append_printf (csv, " %d", i / (int) queries->len);
          g_string_append (csv, "\"\n");
        }
      if (!g_file_set_contents (csv_path, csv->str, csv->len, &error) || sink == NULL)
        {
          clr_cli_error ("%s", error != NULL ? error->message : "/dev/null");
          exit_code = CLR_EXIT_INTERNAL;
          if (sink != NULL)
            fclose (sink);
          goto out;
        }
      options.out = sink;
      rc = clr_cli_screen_batch (store, matcher, csv_path, &options);
      fclose (sink);
      g_unlink (csv_path);
      if (rc != CLR_EXIT_OK)
        {
          exit_code = rc;
          goto out;
        }
      g_print (_("  screen --batch --jobs 1 --csv, %u names, %u hits recorded for review:\n"
                 "    %.3f s CPU = %.0f names/s on one core (wall %.3f s = %.0f names/s)\n"
                 "    screen %.3f s CPU, record %.3f s CPU; wall: read %.3f s, screen %.3f s, record %.3f s, "
                 "print %.3f s\n"),
               stats.names, stats.hits, stats.total_cpu, stats.total_cpu > 0 ? stats.names / stats.total_cpu : 0.0,
               stats.total_seconds, stats.total_seconds > 0 ? stats.names / stats.total_seconds : 0.0,
               stats.screen_cpu, stats.record_cpu, stats.read_seconds, stats.screen_seconds,
               stats.record_seconds, stats.print_seconds);
      g_print (_("  peak RSS after the batch %.1f MB\n"), peak_rss_mb ());
    }
  else if (n_batch > 0)
    g_print (_("  screen --batch with recording: not measured on --db (it would add review items)\n"));

out:
  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (ctx->db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (ctx->db_path, "-shm", NULL);

      g_clear_object (&ctx->store);
      g_unlink (ctx->db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return exit_code;
}
