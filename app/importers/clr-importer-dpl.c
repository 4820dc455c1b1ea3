/* clr-importer-dpl.c — BIS Denied Persons List (dpl.txt, tab-separated)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "clr-importer-private.h"

typedef enum
{
  DPL_NAME,
  DPL_STREET_ADDRESS,
  DPL_CITY,
  DPL_STATE,
  DPL_COUNTRY,
  DPL_POSTAL_CODE,
  DPL_EFFECTIVE_DATE,
  DPL_EXPIRATION_DATE,
  DPL_STANDARD_ORDER,
  DPL_LAST_UPDATE,
  DPL_ACTION,
  DPL_FR_CITATION,
  DPL_N_FIELDS
} DplField;

static const char *const dpl_columns[DPL_N_FIELDS] = {
  "name", "street_address", "city", "state", "country", "postal_code", "effective_date",
  "expiration_date", "standard_order", "last_update", "action", "fr_citation",
};

typedef struct
{
  ClrEntry *entry;
  GString  *remarks;
  guint     published_aliases;
} DplPending;

static void
dpl_pending_free (gpointer data)
{
  DplPending *pending = data;

  clr_entry_unref (pending->entry);
  g_string_free (pending->remarks, TRUE);
  g_free (pending);
}

static char *
dpl_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  return g_utf8_casefold (stripped, -1);
}

static gboolean
read_header (ClrImportReader  *reader,
             const char       *file,
             int              *column_of,
             guint            *n_columns,
             GError          **error)
{
  ClrCsvRecord header;
  gboolean ok = FALSE;

  clr_csv_record_init (&header);
  if (!clr_csv_read_header (reader, '\t', &header, file, error))
    goto out;

  for (guint i = 0; i < DPL_N_FIELDS; i++)
    column_of[i] = -1;
  for (guint c = 0; c < header.fields->len; c++)
    {
      g_autofree char *lower = g_ascii_strdown (g_strstrip ((char *) clr_csv_field (&header, c)), -1);

      for (guint i = 0; i < DPL_N_FIELDS; i++)
        if (strcmp (lower, dpl_columns[i]) == 0 && column_of[i] < 0)
          column_of[i] = (int) c;
    }

  if (column_of[DPL_NAME] < 0)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_UNSUPPORTED, file, header.line,
                            _("the header has no “Name” column: not a BIS Denied Persons List"));
      goto out;
    }

  *n_columns = header.fields->len;
  ok = TRUE;

out:
  clr_csv_record_clear (&header);
  return ok;
}

static const char *
value_of (ClrCsvRecord *record,
          const int    *column_of,
          DplField      field)
{
  return column_of[field] >= 0 ? clr_csv_field (record, (guint) column_of[field]) : NULL;
}

/* Pass 1 (files only): for each party, the number of its last row, so that
 * pass 2 can hand an entry on as soon as its last address was read. */
static GHashTable *
dpl_last_rows (const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(ClrImportReader) reader = NULL;
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  int column_of[DPL_N_FIELDS];
  guint n_columns = 0;
  ClrCsvRecord record;
  guint64 row = 0;

  reader = clr_import_reader_open (path, NULL, NULL, cancellable, error);
  if (reader == NULL || !read_header (reader, path, column_of, &n_columns, error))
    return NULL;

  clr_csv_record_init (&record);
  while (clr_csv_read_record (reader, '\t', &record, &local_error))
    {
      row++;
      g_hash_table_insert (last, dpl_key (value_of (&record, column_of, DPL_NAME)),
                           GSIZE_TO_POINTER ((gsize) row));
    }
  clr_csv_record_clear (&record);

  /* A file cut or cancelled here would be in pass 2 too; stop now. */
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&last);
}

static void
append_distinct (GString    *list,
                 const char *value,
                 const char *separator)
{
  if (value == NULL || *value == '\0')
    return;
  if (list->len > 0)
    {
      g_auto(GStrv) items = g_strsplit (list->str, separator, -1);

      if (g_strv_contains ((const char *const *) items, value))
        return;
      g_string_append (list, separator);
    }
  g_string_append (list, value);
}

static gboolean
dpl_flush (ClrImportJob  *job,
           DplPending    *pending,
           GError       **error)
{
  if (pending->remarks->len > 0)
    pending->entry->remarks = g_strdup (pending->remarks->str);
  return clr_import_deliver (job, pending->entry, NULL, 0, error);
}

gboolean
clr_import_bis_dpl (ClrImportJob     *job,
                    ClrImportReader  *reader,
                    GError          **error)
{
  const char *file = job->display_name;
  const ClrListInfo *list = clr_list_info_for_code ("DPL");
  g_autoptr(GHashTable) last_rows = NULL;
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GError) local_error = NULL;
  int column_of[DPL_N_FIELDS];
  guint n_columns = 0;
  ClrCsvRecord record;
  guint64 row = 0;
  gboolean ok = FALSE;

  if (job->path != NULL)
    {
      last_rows = dpl_last_rows (job->path, job->cancellable, error);
      if (last_rows == NULL)
        return FALSE;
    }

  if (!read_header (reader, file, column_of, &n_columns, error))
    return FALSE;

  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, dpl_pending_free);
  order = g_ptr_array_new_with_free_func (g_free);
  clr_csv_record_init (&record);

  for (;;)
    {
      g_autofree char *key = NULL;
      g_autofree char *name = NULL;
      g_autofree char *address = NULL;
      g_autofree char *country = NULL;
      g_autofree char *citation = NULL;
      g_autofree char *last_update = NULL;
      g_autofree char *action = NULL;
      DplPending *party;
      GString *text;
      const DplField parts[] = { DPL_STREET_ADDRESS, DPL_CITY, DPL_STATE, DPL_POSTAL_CODE };

      if (!clr_csv_read_record (reader, '\t', &record, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
          break;
        }
      row++;

      if (record.fields->len != n_columns)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, record.line,
                                _("record has %u fields, the header has %u"),
                                record.fields->len, n_columns);
          goto out;
        }

      name = clr_import_dup_field (value_of (&record, column_of, DPL_NAME));
      if (name == NULL)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, record.line,
                                _("record has no name"));
          goto out;
        }
      if (strlen (name) > CLR_IMPORT_MAX_NAME)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, record.line,
                                _("the name is %lu bytes long; names longer than %d bytes are "
                                  "rejected"), (unsigned long) strlen (name), CLR_IMPORT_MAX_NAME);
          goto out;
        }

      key = dpl_key (name);
      party = g_hash_table_lookup (pending, key);
      if (party == NULL)
        {
          party = g_new0 (DplPending, 1);
          party->entry = clr_entry_new ();
          party->remarks = g_string_new (NULL);
          party->entry->list_code = g_strdup (list->code);
          party->entry->list_name = g_strdup (list->name);
          party->entry->agency = g_strdup (list->agency);
          party->entry->name = g_strdup (name);
          party->entry->source_url = g_strdup (list->url);
          party->entry->source_line = record.line;
          clr_import_set_date (job->info, party->entry, &party->entry->start_date,
                               _("Effective_Date"), value_of (&record, column_of, DPL_EFFECTIVE_DATE),
                               file, record.line);
          clr_import_set_date (job->info, party->entry, &party->entry->end_date,
                               _("Expiration_Date"), value_of (&record, column_of, DPL_EXPIRATION_DATE),
                               file, record.line);
          g_hash_table_insert (pending, g_strdup (key), party);
          g_ptr_array_add (order, g_strdup (key));
        }

      if (record.recoded)
        clr_import_warn (job->info, party->entry, file, record.line,
                         _("invalid UTF-8; the bytes were decoded as Windows-1252"));

      text = g_string_new (NULL);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *part = clr_import_dup_field (value_of (&record, column_of, parts[i]));

          if (part != NULL)
            g_string_append_printf (text, "%s%s", text->len ? ", " : "", part);
        }
      country = clr_import_dup_field (value_of (&record, column_of, DPL_COUNTRY));
      if (country != NULL)
        g_string_append_printf (text, "%s%s", text->len ? ", " : "", country);
      address = g_string_free (text, FALSE);
      if (country != NULL && strlen (country) != 2)
        {
          const char *code = clr_country_code_for_name (country);

          g_free (country);
          country = g_strdup (code);
        }
      clr_entry_add_address (party->entry, address, country);

      citation = clr_import_dup_field (value_of (&record, column_of, DPL_FR_CITATION));
      if (citation != NULL)
        {
          GString *fr = g_string_new (party->entry->federal_register);

          append_distinct (fr, citation, "; ");
          g_free (party->entry->federal_register);
          party->entry->federal_register = g_string_free (fr, FALSE);
        }

      action = clr_import_dup_field (value_of (&record, column_of, DPL_ACTION));
      append_distinct (party->remarks, action, "; ");

      /* Last_Update is when BIS last touched the row, not a list date; it is
       * kept in the remarks, and typing errors in it are reported. */
      last_update = clr_import_dup_field (value_of (&record, column_of, DPL_LAST_UPDATE));
      if (last_update != NULL)
        {
          g_autofree char *note = g_strdup_printf (_("last update %s"), last_update);

          if (!clr_import_date_is_valid (last_update))
            clr_import_warn (job->info, party->entry, file, record.line,
                             _("Last_Update “%s” is not a valid date; kept as text"), last_update);
          append_distinct (party->remarks, note, "; ");
        }

      if (last_rows != NULL &&
          GPOINTER_TO_SIZE (g_hash_table_lookup (last_rows, key)) == (gsize) row)
        {
          DplPending *done = g_hash_table_lookup (pending, key);

          if (!dpl_flush (job, done, error))
            goto out;
          g_hash_table_remove (pending, key);
        }
    }

  /* Parties still pending (stream input, or rows pass 1 did not see). */
  for (guint i = 0; i < order->len; i++)
    {
      DplPending *party = g_hash_table_lookup (pending, g_ptr_array_index (order, i));

      if (party != NULL && !dpl_flush (job, party, error))
        goto out;
    }

  ok = TRUE;

out:
  clr_csv_record_clear (&record);
  return ok;
}
