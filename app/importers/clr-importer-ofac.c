/* clr-importer-ofac.c — OFAC legacy CSV set: sdn.csv + add.csv, alt.csv,
 * sdn_comments.csv (and the non-SDN cons_prim.csv + cons_add/alt/comments)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All four files are sorted by ent_num, so the siblings are merged in with
 * one pending row each: memory stays flat.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "clr-importer-private.h"

enum { PRIM_ENT_NUM, PRIM_NAME, PRIM_TYPE, PRIM_PROGRAMS, PRIM_TITLE, PRIM_CALL_SIGN,
       PRIM_VESS_TYPE, PRIM_TONNAGE, PRIM_GRT, PRIM_VESS_FLAG, PRIM_VESS_OWNER, PRIM_REMARKS,
       PRIM_N_FIELDS };
enum { ADD_ENT_NUM, ADD_NUM, ADD_ADDRESS, ADD_CITY, ADD_COUNTRY, ADD_REMARKS, ADD_N_FIELDS };
enum { ALT_ENT_NUM, ALT_NUM, ALT_TYPE, ALT_NAME, ALT_REMARKS, ALT_N_FIELDS };
enum { COMMENTS_ENT_NUM, COMMENTS_TEXT, COMMENTS_N_FIELDS };

typedef enum { SIBLING_ADD, SIBLING_ALT, SIBLING_COMMENTS, N_SIBLINGS } SiblingKind;

static const guint sibling_fields[N_SIBLINGS] = { ADD_N_FIELDS, ALT_N_FIELDS, COMMENTS_N_FIELDS };

typedef struct
{
  ClrImportReader *reader;
  char            *path;
  ClrCsvRecord     record;
  gboolean         has_row;
  gint64           ent_num;
  guint64          orphans;
  gint64           first_orphan_line;
} Sibling;

static gboolean
parse_ent_num (const char *text,
               gint64     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *end = NULL;
  gint64 v;

  if (*copy == '\0')
    return FALSE;
  v = g_ascii_strtoll (copy, &end, 10);
  if (end == NULL || *end != '\0' || v < 0)
    return FALSE;
  *value = v;
  return TRUE;
}

/* Reads the next row of a sibling file into its pending slot. */
static gboolean
sibling_advance (Sibling  *sibling,
                 guint     n_fields,
                 GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 previous = sibling->has_row ? sibling->ent_num : -1;
  const char *file = clr_import_reader_get_name (sibling->reader);

  sibling->has_row = FALSE;
  if (!clr_csv_read_record (sibling->reader, ',', &sibling->record, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  if (sibling->record.fields->len != n_fields)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, sibling->record.line,
                            _("record has %u fields, expected %u"),
                            sibling->record.fields->len, n_fields);
      return FALSE;
    }
  if (!parse_ent_num (clr_csv_field (&sibling->record, 0), &sibling->ent_num))
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, sibling->record.line,
                            _("field ent_num (“%s”) is not a number"),
                            clr_csv_field (&sibling->record, 0));
      return FALSE;
    }
  if (sibling->ent_num < previous)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, sibling->record.line,
                            _("rows are not sorted by ent_num (%lld after %lld)"),
                            (long long) sibling->ent_num, (long long) previous);
      return FALSE;
    }
  sibling->has_row = TRUE;
  return TRUE;
}

static void
sibling_clear (Sibling *sibling)
{
  g_clear_pointer (&sibling->reader, clr_import_reader_free);
  g_clear_pointer (&sibling->path, g_free);
  clr_csv_record_clear (&sibling->record);
}

/* "sdn.csv" → "add.csv"; "cons_prim.csv" → "cons_add.csv"; keeps the case
 * of the main file's name (OFAC publishes SDN.CSV, ADD.CSV, …). */
static char *
sibling_path (const char  *main_path,
              SiblingKind  kind)
{
  static const char *const sdn_names[N_SIBLINGS] = { "add.csv", "alt.csv", "sdn_comments.csv" };
  static const char *const cons_names[N_SIBLINGS] = { "cons_add.csv", "cons_alt.csv", "cons_comments.csv" };
  g_autofree char *dir = g_path_get_dirname (main_path);
  g_autofree char *base = g_path_get_basename (main_path);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  const char *name = g_str_has_prefix (lower, "cons") ? cons_names[kind] : sdn_names[kind];
  g_autofree char *candidate = g_build_filename (dir, name, NULL);
  g_autofree char *upper = NULL;

  if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&candidate);

  upper = g_ascii_strup (name, -1);
  g_free (candidate);
  candidate = g_build_filename (dir, upper, NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&candidate);

  return NULL;
}

static void
split_programs (ClrEntry   *entry,
                const char *text)
{
  g_auto(GStrv) items = NULL;

  if (text == NULL)
    return;
  items = g_strsplit (text, "] [", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      /* Stray brackets at the ends: "[SDGT]". */
      g_strdelimit (items[i], "[]", ' ');
      g_strstrip (items[i]);
      clr_entry_add_program (entry, items[i]);
    }
}

/* Nationalities and citizenships stated in the remarks ("nationality Iran;"). */
static void
countries_from_remarks (ClrEntry   *entry,
                        const char *remarks)
{
  static const char *const prefixes[] = { "nationality ", "citizen " };
  g_auto(GStrv) items = NULL;

  if (remarks == NULL)
    return;
  items = g_strsplit (remarks, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);

      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        if (g_str_has_prefix (item, prefixes[p]))
          {
            g_autofree char *country = g_strdup (item + strlen (prefixes[p]));
            gsize len = strlen (country);

            if (len > 0 && country[len - 1] == '.')
              country[len - 1] = '\0';
            clr_entry_add_country (entry, clr_country_code_for_name (country));
          }
    }
}

static void
apply_address (ClrEntry     *entry,
               ClrCsvRecord *record)
{
  g_autofree char *street = clr_import_dup_field (clr_csv_field (record, ADD_ADDRESS));
  g_autofree char *city = clr_import_dup_field (clr_csv_field (record, ADD_CITY));
  g_autofree char *country = clr_import_dup_field (clr_csv_field (record, ADD_COUNTRY));
  g_autoptr(GString) text = g_string_new (NULL);

  if (street != NULL)
    g_string_append (text, street);
  if (city != NULL)
    g_string_append_printf (text, "%s%s", text->len ? ", " : "", city);
  if (country != NULL)
    g_string_append_printf (text, "%s%s", text->len ? ", " : "", country);

  clr_entry_add_address (entry, text->str, clr_country_code_for_name (country));
}

gboolean
clr_import_ofac_csv (ClrImportJob     *job,
                     ClrImportReader  *reader,
                     GError          **error)
{
  const char *file = job->display_name;
  gboolean sdn = g_strcmp0 (job->info->source, "ofac-nonsdn") != 0;
  Sibling siblings[N_SIBLINGS];
  g_autoptr(ClrImportDedup) dedup = clr_import_dedup_new ();
  g_autoptr(GError) local_error = NULL;
  ClrCsvRecord record;
  gint64 previous = -1;
  gboolean ok = FALSE;

  memset (siblings, 0, sizeof siblings);
  for (guint k = 0; k < N_SIBLINGS; k++)
    clr_csv_record_init (&siblings[k].record);
  clr_csv_record_init (&record);

  if (job->path != NULL)
    for (guint k = 0; k < N_SIBLINGS; k++)
      {
        siblings[k].path = sibling_path (job->path, (SiblingKind) k);
        if (siblings[k].path == NULL)
          continue;
        siblings[k].reader = clr_import_reader_open (siblings[k].path, NULL, NULL,
                                                     job->cancellable, error);
        if (siblings[k].reader == NULL || !sibling_advance (&siblings[k], sibling_fields[k], error))
          goto out;
      }

  for (;;)
    {
      g_autoptr(ClrEntry) entry = NULL;
      g_autoptr(GString) remarks = NULL;
      const ClrListInfo *list;
      guint published_aliases = 0;
      gint64 ent_num;

      if (!clr_csv_read_record (reader, ',', &record, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
          break;
        }

      if (record.fields->len != PRIM_N_FIELDS)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, record.line,
                                _("record has %u fields, an OFAC %s row has %d"),
                                record.fields->len, sdn ? "sdn.csv" : "cons_prim.csv", PRIM_N_FIELDS);
          goto out;
        }
      if (!parse_ent_num (clr_csv_field (&record, PRIM_ENT_NUM), &ent_num))
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, record.line,
                                _("field ent_num (“%s”) is not a number"),
                                clr_csv_field (&record, PRIM_ENT_NUM));
          goto out;
        }

      entry = clr_entry_new ();
      entry->source_line = record.line;
      entry->entry_id = g_strdup_printf ("%" G_GINT64_FORMAT, ent_num);
      entry->name = clr_import_dup_field (clr_csv_field (&record, PRIM_NAME));
      entry->entity_type = clr_import_dup_field (clr_csv_field (&record, PRIM_TYPE));
      if (entry->entity_type == NULL)
        entry->entity_type = g_strdup ("entity");
      else
        {
          char *lower = g_ascii_strdown (entry->entity_type, -1);
          g_free (entry->entity_type);
          entry->entity_type = lower;
        }
      entry->title = clr_import_dup_field (clr_csv_field (&record, PRIM_TITLE));
      {
        g_autofree char *programs = clr_import_dup_field (clr_csv_field (&record, PRIM_PROGRAMS));
        split_programs (entry, programs);
      }

      list = clr_list_info_for_ofac_programs (entry->programs, sdn);
      entry->list_code = g_strdup (list->code);
      entry->list_name = g_strdup (list->name);
      entry->agency = g_strdup (list->agency);
      entry->source_url = g_strdup (list->url);

      {
        g_autofree char *call_sign = clr_import_dup_field (clr_csv_field (&record, PRIM_CALL_SIGN));

        if (call_sign != NULL)
          {
            g_autofree char *id = g_strdup_printf ("Call Sign, %s", call_sign);
            clr_entry_add_id (entry, id);
          }
      }

      if (record.recoded)
        clr_import_warn (job->info, entry, file, record.line,
                         _("invalid UTF-8; the bytes were decoded as Windows-1252"));

      {
        g_autofree char *text = clr_import_dup_field (clr_csv_field (&record, PRIM_REMARKS));
        remarks = g_string_new (text);
      }

      /* Merge the sibling rows of this ent_num; rows for ent_nums the main
       * file skipped are counted and reported once per file. */
      for (guint k = 0; k < N_SIBLINGS; k++)
        {
          Sibling *s = &siblings[k];

          while (s->has_row && s->ent_num <= ent_num)
            {
              if (s->ent_num < ent_num)
                {
                  if (s->orphans++ == 0)
                    s->first_orphan_line = s->record.line;
                }
              else if (k == SIBLING_ADD)
                apply_address (entry, &s->record);
              else if (k == SIBLING_ALT)
                {
                  g_autofree char *alias = clr_import_dup_field (clr_csv_field (&s->record, ALT_NAME));

                  if (alias != NULL)
                    {
                      published_aliases++;
                      clr_entry_add_alias (entry, alias);
                    }
                }
              else
                {
                  /* The continuation of a remark cut at sdn.csv's field limit. */
                  const char *more = clr_csv_field (&s->record, COMMENTS_TEXT);
                  if (more != NULL)
                    g_string_append (remarks, more);
                }

              if (!sibling_advance (s, sibling_fields[k], error))
                goto out;
            }
        }

      if (remarks->len > 0)
        {
          entry->remarks = g_strdup (g_strstrip (remarks->str));
          clr_import_aliases_from_remarks (entry, entry->remarks);
          countries_from_remarks (entry, entry->remarks);
        }

      if (ent_num <= previous)
        {
          clr_import_warn (job->info, NULL, file, record.line,
                           _("rows are not sorted by ent_num (%lld after %lld); addresses and "
                             "aliases may be missing"), (long long) ent_num, (long long) previous);
        }
      previous = MAX (previous, ent_num);

      if (!clr_import_deliver (job, entry, dedup, published_aliases, error))
        goto out;
    }

  /* Sibling rows after the last main row are orphans too. */
  for (guint k = 0; k < N_SIBLINGS; k++)
    {
      Sibling *s = &siblings[k];

      while (s->has_row)
        {
          if (s->orphans++ == 0)
            s->first_orphan_line = s->record.line;
          if (!sibling_advance (s, sibling_fields[k], error))
            goto out;
        }
      if (s->orphans > 0)
        clr_import_warn (job->info, NULL, s->path, s->first_orphan_line,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%llu row refers to an ent_num that is not in %s; ignored",
                                      "%llu rows refer to ent_nums that are not in %s; ignored",
                                      (unsigned long) s->orphans),
                         (unsigned long long) s->orphans, file);
    }

  /* The set's hash: SHA-256 over the hex hashes of its files in a fixed
   * order (main, add, alt, comments). */
  if (!clr_import_reader_drain (reader, error))
    goto out;
  {
    g_autoptr(GChecksum) set = g_checksum_new (G_CHECKSUM_SHA256);
    g_autofree char *main_hash = clr_import_reader_dup_sha256 (reader);
    guint n_files = 1;

    g_checksum_update (set, (const guchar *) main_hash, -1);
    for (guint k = 0; k < N_SIBLINGS; k++)
      if (siblings[k].reader != NULL)
        {
          g_autofree char *hash = NULL;

          if (!clr_import_reader_drain (siblings[k].reader, error))
            goto out;
          hash = clr_import_reader_dup_sha256 (siblings[k].reader);
          g_checksum_update (set, (const guchar *) hash, -1);
          g_ptr_array_add (job->info->files, g_strdup (siblings[k].path));
          n_files++;
        }
    g_free (job->info->sha256);
    job->info->sha256 = g_strdup (n_files == 1 ? main_hash : g_checksum_get_string (set));
  }

  ok = TRUE;

out:
  for (guint k = 0; k < N_SIBLINGS; k++)
    sibling_clear (&siblings[k]);
  clr_csv_record_clear (&record);
  return ok;
}
