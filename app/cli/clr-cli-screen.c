/* clr-cli-screen.c — clearance-cli screen [--country CC] [--threshold X] [--limit N] [--json] NAME
 *                    clearance-cli screen --batch FILE.csv [--json|--csv] [--jobs N]
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clr-cli.h"
#include "clr-clock.h"
#include "clr-csv-out.h"
#include "clr-engine-error.h"
#include "clr-json.h"
#include "clr-matcher.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"

#define DEFAULT_LIMIT 10
#define PROGRESS_MIN_ROWS 500

typedef struct
{
  char  *id;
  char  *name;
  char  *country;
  guint  line;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->id);
  g_free (row->name);
  g_free (row->country);
}

/* ---- CSV input (RFC 4180: quotes, doubled quotes, newlines in quotes) ---- */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} CsvReader;

/* Reads one record; returns NULL at the end. Sets @error on a broken quote. */
static GPtrArray *
csv_next_record (CsvReader   *r,
                 const char  *path,
                 guint       *record_line,
                 GError     **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;

  if (r->p >= r->end)
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);
  *record_line = r->line;

  while (TRUE)
    {
      if (r->p < r->end && *r->p == '"')
        {
          guint start_line = r->line;

          r->p++;
          while (TRUE)
            {
              if (r->p >= r->end)
                {
                  g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                               _("%s:%u: a quoted field is never closed"), path, start_line);
                  return NULL;
                }
              if (*r->p == '"')
                {
                  if (r->p + 1 < r->end && r->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      r->p += 2;
                      continue;
                    }
                  r->p++;
                  break;
                }
              if (*r->p == '\n')
                r->line++;
              g_string_append_c (field, *r->p++);
            }
          if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            {
              g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                           _("%s:%u: text after a closing quote in field %u"), path, r->line, fields->len + 1);
              return NULL;
            }
        }
      else
        {
          while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            g_string_append_c (field, *r->p++);
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (r->p >= r->end)
        break;
      if (*r->p == ',')
        {
          r->p++;
          continue;
        }
      /* End of record: LF or CRLF. */
      if (*r->p == '\r')
        r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->line++;
      break;
    }

  return g_steal_pointer (&fields);
}

static gboolean
is_blank_record (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *f = g_ptr_array_index (fields, i);
      for (; *f; f++)
        if (!g_ascii_isspace (*f))
          return FALSE;
    }
  return TRUE;
}

static gboolean
valid_country (const char *country)
{
  return country[0] != '\0' && g_ascii_isalpha (country[0]) &&
         g_ascii_isalpha (country[1]) && country[2] == '\0';
}

static GArray *
read_batch (const char  *path,
            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GPtrArray) header = NULL;
  CsvReader reader;
  int name_col = -1, country_col = -1, id_col = -1;
  guint line = 0;

  g_array_set_clear_func (rows, row_clear);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (!g_utf8_validate (contents, length, NULL))
    {
      const char *bad = NULL;
      guint bad_line = 1;

      g_utf8_validate (contents, length, &bad);
      for (const char *p = contents; p < bad; p++)
        if (*p == '\n')
          bad_line++;
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s:%u: not valid UTF-8 text"), path, bad_line);
      return NULL;
    }

  reader.p = contents;
  reader.end = contents + length;
  reader.line = 1;
  /* A UTF-8 byte-order mark is not part of the first column's name. */
  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    reader.p += 3;

  header = csv_next_record (&reader, path, &line, error);
  if (header == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                     _("%s: the file is empty; it needs a header line naming a “name” column"), path);
      return NULL;
    }
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *col = g_ascii_strdown (g_strstrip ((char *) g_ptr_array_index (header, i)), -1);

      if (strcmp (col, "name") == 0 && name_col < 0)
        name_col = i;
      else if (strcmp (col, "country") == 0 && country_col < 0)
        country_col = i;
      else if (strcmp (col, "id") == 0 && id_col < 0)
        id_col = i;
    }
  if (name_col < 0)
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s:1: the header has no “name” column (columns: name, and optionally country and id)"), path);
      return NULL;
    }

  while (TRUE)
    {
      g_autoptr(GPtrArray) fields = NULL;
      GError *local_error = NULL;
      Row row = { 0, };
      const char *country;

      fields = csv_next_record (&reader, path, &line, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (fields == NULL)
        break;
      if (is_blank_record (fields))
        continue;
      if (fields->len != header->len)
        {
          g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                       _("%s:%u: %u fields where the header has %u"), path, line, fields->len, header->len);
          return NULL;
        }
      row.line = line;
      row.name = g_strstrip (g_strdup (g_ptr_array_index (fields, name_col)));
      if (row.name[0] == '\0')
        {
          g_free (row.name);
          g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                       _("%s:%u: the “name” field is empty"), path, line);
          return NULL;
        }
      country = country_col >= 0 ? g_strstrip ((char *) g_ptr_array_index (fields, country_col)) : "";
      if (*country != '\0')
        {
          if (!valid_country (country))
            {
              g_free (row.name);
              g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_UNKNOWN_COUNTRY,
                           _("%s:%u: country “%s” is not a two-letter ISO 3166 code"), path, line, country);
              return NULL;
            }
          row.country = g_ascii_strup (country, -1);
        }
      row.id = id_col >= 0 ? g_strdup (g_ptr_array_index (fields, id_col)) : g_strdup_printf ("%u", line);
      g_array_append_val (rows, row);
    }

  return g_steal_pointer (&rows);
}

/* ---- output ------------------------------------------------------------- */

static JsonNode *
result_to_json (const char *id,
                const char *query,
                const char *country,
                double      threshold,
                GPtrArray  *hits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (id != NULL)
    clr_json_add_string (builder, "id", id);
  clr_json_add_string (builder, "query", query);
  clr_json_add_string (builder, "country", country);
  clr_json_add_double (builder, "threshold", threshold);
  json_builder_set_member_name (builder, "hits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    json_builder_add_value (builder, clr_hit_to_json (g_ptr_array_index (hits, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_hits_text (const char *query,
                 const char *country,
                 double      threshold,
                 GPtrArray  *hits)
{
  if (hits->len == 0)
    {
      g_print (_("No hits for “%s” at or above %.2f.\n"), query, threshold);
      return;
    }
  g_print (ngettext ("%u hit for “%s” at or above %.2f%s%s:\n",
                     "%u hits for “%s” at or above %.2f%s%s:\n", hits->len),
           hits->len, query, threshold, country ? _(", country ") : "", country ? country : "");
  for (guint i = 0; i < hits->len; i++)
    {
      ClrHit *hit = g_ptr_array_index (hits, i);
      ClrEntry *e = hit->entry;
      g_autofree char *key = e->entry_id && *e->entry_id ? g_strdup (e->entry_id) : clr_entry_dup_key (e);
      g_autofree char *countries = NULL;

      g_ptr_array_add (e->countries, NULL);
      countries = g_strjoinv (",", (char **) e->countries->pdata);
      g_ptr_array_set_size (e->countries, e->countries->len - 1);

      g_print ("\n%.3f  %-6s %s\n", hit->score, e->list_code ? e->list_code : "?", e->name ? e->name : "");
      if (g_strcmp0 (hit->matched_name, e->name) != 0)
        g_print ("       %s %s\n", _("matched alias:"), hit->matched_name);
      g_print ("       %s %s   %s %s\n", _("entry:"), key, _("countries:"), *countries ? countries : "—");
      if (e->federal_register && *e->federal_register)
        g_print ("       %s %s\n", _("Federal Register:"), e->federal_register);
      g_print ("       %s %s\n", _("why:"), hit->explanation);
    }
}

static void
print_hits_csv (FILE      *out,
                const Row *row,
                GPtrArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      ClrHit *hit = g_ptr_array_index (hits, i);
      ClrEntry *e = hit->entry;
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *key = e->entry_id && *e->entry_id ? g_strdup (e->entry_id) : clr_entry_dup_key (e);
      g_autofree char *score = g_strdup_printf ("%.3f", hit->score);
      g_autofree char *countries = NULL;

      g_ptr_array_add (e->countries, NULL);
      countries = g_strjoinv (";", (char **) e->countries->pdata);
      g_ptr_array_set_size (e->countries, e->countries->len - 1);

      clr_csv_append_text (line, row->id); g_string_append_c (line, ',');
      clr_csv_append_text (line, row->name); g_string_append_c (line, ',');
      clr_csv_append_text (line, row->country); g_string_append_c (line, ',');
      clr_csv_append_number (line, score); g_string_append_c (line, ',');
      clr_csv_append_text (line, e->list_code); g_string_append_c (line, ',');
      clr_csv_append_text (line, key); g_string_append_c (line, ',');
      clr_csv_append_text (line, e->name); g_string_append_c (line, ',');
      clr_csv_append_text (line, hit->matched_name); g_string_append_c (line, ',');
      clr_csv_append_text (line, countries); g_string_append_c (line, ',');
      clr_csv_append_text (line, hit->explanation);
      g_string_append_c (line, '\n');
      fwrite (line->str, 1, line->len, out);
    }
}

/* ---- batch -------------------------------------------------------------- */

typedef struct
{
  ClrMatcher *matcher;
  GArray     *rows;
  GPtrArray **results;
  double      threshold;
  guint       limit;
  gint        next;        /* atomic */
  gint        done;        /* atomic */
  gboolean    progress;
  GMutex      progress_lock;
  gint64      started;
} Batch;

static gpointer
batch_worker (gpointer data)
{
  Batch *batch = data;
  gint i;

  while ((i = g_atomic_int_add (&batch->next, 1)) < (gint) batch->rows->len)
    {
      Row *row = &g_array_index (batch->rows, Row, i);
      gint done;

      batch->results[i] = clr_matcher_screen (batch->matcher, row->name, row->country,
                                              batch->threshold, batch->limit);
      done = g_atomic_int_add (&batch->done, 1) + 1;
      if (batch->progress && (done % 1000 == 0 || done == (gint) batch->rows->len))
        {
          double secs = (g_get_monotonic_time () - batch->started) / 1e6;

          g_mutex_lock (&batch->progress_lock);
          g_printerr (_("\rScreened %d of %u names (%.0f per second)"),
                      done, batch->rows->len, secs > 0 ? done / secs : 0.0);
          if (done == (gint) batch->rows->len)
            g_printerr ("\n");
          g_mutex_unlock (&batch->progress_lock);
        }
    }
  return NULL;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* CPU time of the whole process (every thread). */
int
clr_cli_screen_batch (ClrStore                 *store,
                      ClrMatcher               *matcher,
                      const char               *path,
                      const ClrCliBatchOptions *options)
{
  FILE *out = options->out;
  ClrCliBatchStats *stats = options->stats;
  int jobs = CLAMP (options->jobs, 1, 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Batch batch = { 0, };
  ClrCliBatchStats local = { 0, };
  gint64 start = g_get_monotonic_time ();
  double cpu0 = clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID);
  int exit_code = CLR_EXIT_OK;

  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);
  rows = read_batch (path, &error);
  if (rows == NULL)
    {
      clr_cli_error ("%s", error->message);
      return CLR_EXIT_USER;
    }
  stats->names = rows->len;
  stats->read_seconds = seconds_since (start);

  batch.matcher = matcher;
  batch.rows = rows;
  batch.results = g_new0 (GPtrArray *, MAX (rows->len, 1));
  batch.threshold = options->threshold;
  batch.limit = options->limit;
  batch.progress = out == stdout && rows->len >= PROGRESS_MIN_ROWS;
  batch.started = g_get_monotonic_time ();
  g_mutex_init (&batch.progress_lock);

  for (int t = 0; t < jobs; t++)
    g_ptr_array_add (threads, g_thread_new ("screen", batch_worker, &batch));
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  g_mutex_clear (&batch.progress_lock);
  stats->screen_seconds = seconds_since (batch.started);
  stats->screen_cpu = clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - cpu0;

  /* review: batch hits enter the review queue (once per party and entry),
   * and every name is remembered for re-screening after list updates —
   * in one transaction, statements prepared once, each hit written as text
   * straight from the matcher's result (clr-store-review.c). */
  {
    g_autofree const char **names = g_new0 (const char *, rows->len + 1);
    g_autofree const char **countries = g_new0 (const char *, rows->len + 1);
    gint64 record_start = g_get_monotonic_time ();
    double record_cpu0 = clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID);

    for (guint i = 0; i < rows->len; i++)
      {
        Row *row = &g_array_index (rows, Row, i);

        names[i] = row->name;
        countries[i] = row->country;
        stats->hits += batch.results[i]->len;
      }
    if (!clr_store_review_record_hits (store, rows->len, names, countries,
                                       (GPtrArray *const *) batch.results, "batch", NULL, &error))
      {
        clr_cli_error ("%s", error->message);
        exit_code = clr_cli_exit_code_for_error (error);
        goto out;
      }
    stats->record_seconds = seconds_since (record_start);
    stats->record_cpu = clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - record_cpu0;
  }

  {
    gint64 print_start = g_get_monotonic_time ();

    if (options->format == CLR_CLI_BATCH_CSV)
      fputs ("id,query,country,score,list,entry_id,name,matched_name,countries,explanation\n", out);
    for (guint i = 0; i < rows->len; i++)
      {
        Row *row = &g_array_index (rows, Row, i);
        GPtrArray *hits = batch.results[i];

        if (options->format == CLR_CLI_BATCH_JSON)
          {
            g_autoptr(JsonNode) node = result_to_json (row->id, row->name, row->country, options->threshold, hits);
            g_autofree char *text = clr_json_to_string (node, FALSE);

            fprintf (out, "%s\n", text);
          }
        else if (options->format == CLR_CLI_BATCH_CSV)
          print_hits_csv (out, row, hits);
        else if (hits->len == 0)
          fprintf (out, _("%s\t%s\tno hit\n"), row->id, row->name);
        else
          {
            ClrHit *top = g_ptr_array_index (hits, 0);

            fprintf (out, ngettext ("%s\t%s\t%u hit, best %.3f %s %s\n",
                                    "%s\t%s\t%u hits, best %.3f %s %s\n", hits->len),
                     row->id, row->name, hits->len, top->score,
                     top->entry->list_code ? top->entry->list_code : "?",
                     top->entry->name ? top->entry->name : "");
          }
      }
    fflush (out);
    stats->print_seconds = seconds_since (print_start);
  }

out:
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_unref (batch.results[i]);
  g_free (batch.results);
  stats->total_seconds = seconds_since (start);
  stats->total_cpu = clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - cpu0;
  return exit_code;
}

/* ---- command ------------------------------------------------------------ */

int
clr_cli_cmd_screen (ClrCliContext  *ctx,
                    int             argc,
                    char          **argv)
{
  g_autofree char *country = NULL;
  g_autofree char *batch_path = NULL;
  g_autoptr(ClrMatcher) matcher = NULL;
  g_autoptr(GError) error = NULL;
  double threshold = NAN;
  int limit = DEFAULT_LIMIT;
  int jobs = 0;
  gboolean json = FALSE, csv = FALSE;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  g_autofree char *summary = NULL;
  GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("The party’s country (ISO 3166 two-letter code)"), N_("CC") },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, N_("Show hits scoring at least X (0–1)"), N_("X") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N hits per name (0: all)"), N_("N") },
    CLR_CLI_OPTION_JSON (&json),
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &batch_path, N_("Screen every row of a CSV file with a “name” column (and optional “country” and “id”)"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("With --batch: print one CSV row per hit"), NULL },
    { "jobs", 0, 0, G_OPTION_ARG_INT, &jobs, N_("With --batch: screen on N threads (default: all cores)"), N_("N") },
    { NULL }
  };

  summary = g_strdup_printf (_("Screen a name against the loaded restricted-party lists.\n\n"
                               "A score is 0–1. The default threshold %.2f means every distinctive word "
                               "of the name lines up with a listed name or alias, allowing typos, "
                               "legal forms, abbreviations, word order and other scripts."),
                             clr_matcher_get_default_threshold ());
  if (!clr_cli_parse_command (&argc, &argv, _("NAME"),
                              summary, entries))
    return CLR_EXIT_USAGE;

  if (isnan (threshold))
    threshold = clr_matcher_get_default_threshold ();
  if (threshold < 0 || threshold > 1)
    {
      clr_cli_error (_("--threshold must be between 0 and 1, not %g"), threshold);
      return CLR_EXIT_USAGE;
    }
  if (limit < 0)
    {
      clr_cli_error (_("--limit must be 0 or more"));
      return CLR_EXIT_USAGE;
    }
  if (json && csv)
    {
      clr_cli_error (_("--json and --csv cannot be combined"));
      return CLR_EXIT_USAGE;
    }
  if (country != NULL)
    {
      if (!valid_country (country))
        {
          clr_cli_error (_("--country needs a two-letter ISO 3166 code, not “%s”"), country);
          return CLR_EXIT_USER;
        }
      for (char *c = country; *c; c++)
        *c = g_ascii_toupper (*c);
    }
  if (batch_path == NULL && argc != 2)
    {
      clr_cli_error (argc < 2 ? _("screen needs a NAME (or --batch FILE)")
                              : _("screen takes one NAME; quote a name with spaces"));
      return CLR_EXIT_USAGE;
    }
  if (batch_path != NULL && argc != 1)
    {
      clr_cli_error (_("--batch takes no NAME"));
      return CLR_EXIT_USAGE;
    }
  if (csv && batch_path == NULL)
    {
      clr_cli_error (_("--csv works with --batch"));
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;
  /* One name: no neighbour table, which would cost more than the query. */
  matcher = batch_path != NULL ? clr_store_load_matcher (store, &error)
                               : clr_store_load_matcher_for_one_query (store, &error);
  if (matcher == NULL)
    {
      clr_cli_error ("%s", error->message);
      return clr_cli_exit_code_for_error (error);
    }
  if (clr_matcher_get_n_entries (matcher) == 0)
    {
      clr_cli_error (_("no lists loaded: import one first, e.g. “clearance-cli import consolidated.csv”"));
      return CLR_EXIT_USER;
    }

  if (batch_path != NULL)
    {
      ClrCliBatchOptions options = {
        threshold, (guint) limit, json ? CLR_CLI_BATCH_JSON : csv ? CLR_CLI_BATCH_CSV : CLR_CLI_BATCH_TEXT,
        jobs > 0 ? jobs : (int) g_get_num_processors (), stdout, NULL
      };

      return clr_cli_screen_batch (store, matcher, batch_path, &options);
    }

  {
    g_autoptr(GPtrArray) hits = clr_matcher_screen (matcher, argv[1], country, threshold, (guint) limit);

    if (json)
      {
        g_autoptr(JsonNode) node = result_to_json (NULL, argv[1], country, threshold, hits);
        clr_cli_print_json (node);
      }
    else
      print_hits_text (argv[1], country, threshold, hits);
  }
  return CLR_EXIT_OK;
}
