/* clr-importer-csl.c — trade.gov Consolidated Screening List, CSV and JSON
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "clr-json-reader.h"
#include <string.h>

#include "clr-importer-private.h"

typedef enum
{
  CSL_ID,
  CSL_SOURCE,
  CSL_ENTITY_NUMBER,
  CSL_TYPE,
  CSL_PROGRAMS,
  CSL_NAME,
  CSL_TITLE,
  CSL_ADDRESSES,
  CSL_FEDERAL_REGISTER_NOTICE,
  CSL_START_DATE,
  CSL_END_DATE,
  CSL_STANDARD_ORDER,
  CSL_LICENSE_REQUIREMENT,
  CSL_LICENSE_POLICY,
  CSL_CALL_SIGN,
  CSL_VESSEL_TYPE,
  CSL_GROSS_TONNAGE,
  CSL_GROSS_REGISTERED_TONNAGE,
  CSL_VESSEL_FLAG,
  CSL_VESSEL_OWNER,
  CSL_REMARKS,
  CSL_SOURCE_LIST_URL,
  CSL_ALT_NAMES,
  CSL_CITIZENSHIPS,
  CSL_DATES_OF_BIRTH,
  CSL_NATIONALITIES,
  CSL_PLACES_OF_BIRTH,
  CSL_SOURCE_INFORMATION_URL,
  CSL_IDS,
  CSL_N_FIELDS,
  /* Columns of the older per-list layouts (export.gov CSL per list, BIS UVL):
   * one row per name × address × alias. */
  LEGACY_ADDRESS = CSL_N_FIELDS,
  LEGACY_CITY,
  LEGACY_STATE,
  LEGACY_POSTAL_CODE,
  LEGACY_COUNTRY,
  LEGACY_ALT_NAME,
  N_COLUMNS
} CslField;

/* Column names, as in the CSV header and the JSON member names. */
static const char *const csl_columns[CSL_N_FIELDS] = {
  "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
  "federal_register_notice", "start_date", "end_date", "standard_order",
  "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
  "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
  "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
  "source_information_url", "ids",
};

/* Header names of the older layouts. */
static const struct { const char *name; CslField field; } legacy_columns[] = {
  { "source list", CSL_SOURCE },
  { "entity number", CSL_ENTITY_NUMBER },
  { "sdn type", CSL_TYPE },
  { "programs", CSL_PROGRAMS },
  { "name", CSL_NAME },
  { "title", CSL_TITLE },
  { "address", LEGACY_ADDRESS },
  { "city", LEGACY_CITY },
  { "state/province", LEGACY_STATE },
  { "postal code", LEGACY_POSTAL_CODE },
  { "country", LEGACY_COUNTRY },
  { "federal register notice", CSL_FEDERAL_REGISTER_NOTICE },
  { "effective date", CSL_START_DATE },
  { "date lifted/waived/expired", CSL_END_DATE },
  { "standard order", CSL_STANDARD_ORDER },
  { "license requirement", CSL_LICENSE_REQUIREMENT },
  { "license policy", CSL_LICENSE_POLICY },
  { "call sign", CSL_CALL_SIGN },
  { "remarks/notes", CSL_REMARKS },
  { "alternate name", LEGACY_ALT_NAME },
  { "web link", CSL_SOURCE_INFORMATION_URL },
};

/* Layouts without a list column: the list the whole file belongs to. */
static const struct { const char *columns; const char *code; } legacy_lists[] = {
  { "country,name,address", "UVL" },   /* BIS Unverified List CSV, 2010s */
};

typedef struct
{
  ClrImportJob   *job;
  ClrImportDedup *dedup;
  GPtrArray      *strings;   /* names of lists the table does not know */
  GHashTable     *unknown_sources;
  gboolean        legacy;
  const char     *default_code;   /* list of a legacy file without a list column */
  ClrEntry       *pending;        /* legacy: rows of one party are merged */
  char           *pending_key;
} CslContext;

static void
split_items (const char  *text,
             const char  *separator,
             void       (*add) (ClrEntry *, const char *),
             ClrEntry    *entry,
             guint       *count)
{
  g_auto(GStrv) items = NULL;

  if (text == NULL || *text == '\0')
    return;

  items = g_strsplit (text, separator, -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] == '\0')
        continue;
      if (count != NULL)
        (*count)++;
      add (entry, items[i]);
    }
}

static void
add_address_item (ClrEntry   *entry,
                  const char *text)
{
  const char *comma = strrchr (text, ',');
  const char *last = comma ? comma + 1 : text;
  g_autofree char *country = g_strstrip (g_strdup (last));

  if (strlen (country) == 2 && g_ascii_isupper (country[0]) && g_ascii_isupper (country[1]))
    clr_entry_add_address (entry, text, country);
  else
    clr_entry_add_address (entry, text, clr_country_code_for_name (country));
}

static void
add_country_item (ClrEntry   *entry,
                  const char *text)
{
  if (strlen (text) == 2)
    clr_entry_add_country (entry, text);
  else
    clr_entry_add_country (entry, clr_country_code_for_name (text));
}

static char *
lower_type (const char *type)
{
  g_autofree char *value = clr_import_dup_field (type);

  return value ? g_ascii_strdown (value, -1) : NULL;
}

static const ClrListInfo *
csl_list_for (CslContext        *ctx,
              const char *const *values,
              gboolean          *new_unknown)
{
  const char *source = values[CSL_SOURCE];
  g_autofree char *copy = NULL;
  g_autofree char *code = NULL;
  ClrListInfo scratch;
  const ClrListInfo *list;

  *new_unknown = FALSE;
  if (ctx->legacy && (source == NULL || *source == '\0') && ctx->default_code != NULL)
    return clr_list_info_for_code (ctx->default_code);

  /* Older per-list files put the bare code ("EL") in the list column. */
  copy = source ? g_strstrip (g_strdup (source)) : NULL;
  code = copy ? g_ascii_strup (copy, -1) : NULL;
  if (code != NULL && strchr (code, '(') == NULL && clr_list_info_for_code (code) != NULL)
    return clr_list_info_for_code (code);

  /* Lists the table does not know are built once per distinct source. */
  list = source ? g_hash_table_lookup (ctx->unknown_sources, source) : NULL;
  if (list != NULL)
    return list;
  list = clr_list_info_for_csl_source (source, &scratch, ctx->strings);
  if (list == &scratch)
    {
      ClrListInfo *copy_info = g_new (ClrListInfo, 1);

      *copy_info = scratch;
      g_hash_table_insert (ctx->unknown_sources, g_strdup (source), copy_info);
      *new_unknown = TRUE;
      return copy_info;
    }
  return list;
}

/* Builds the entry for one CSL record (@values indexed by CslField, NULL
 * for missing columns). */
static ClrEntry *
csl_build (CslContext        *ctx,
           const char *const *values,
           gint64             line,
           gboolean           recoded,
           guint             *published_aliases,
           gboolean          *derive,
           GError           **error)
{
  ClrImportJob *job = ctx->job;
  const char *file = job->display_name;
  g_autoptr(ClrEntry) entry = clr_entry_new ();
  const ClrListInfo *list;
  gboolean new_unknown = FALSE;

  entry->source_line = line;
  *published_aliases = 0;

  list = csl_list_for (ctx, values, &new_unknown);
  if (list == NULL)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, line,
                            _("field “source” (“%s”) does not name a list such as "
                              "“Entity List (EL) - Bureau of Industry and Security”"),
                            values[CSL_SOURCE] ? values[CSL_SOURCE] : "");
      return NULL;
    }
  if (new_unknown)
    {
      clr_import_warn (job->info, NULL, file, line,
                       _("list “%s” is not known to this version; imported as code %s"),
                       values[CSL_SOURCE], list->code);
    }

  entry->list_code = g_strdup (list->code);
  entry->list_name = g_strdup (list->name);
  entry->agency = g_strdup (list->agency);
  entry->entry_id = clr_import_dup_field (values[CSL_ID]);
  /* Rebuilt files leave "_id" empty; on OFAC rows the entity number is the
   * ent_num, which is what "_id" holds there in the full files. */
  if (entry->entry_id == NULL)
    entry->entry_id = clr_import_dup_field (values[CSL_ENTITY_NUMBER]);
  entry->entity_type = lower_type (values[CSL_TYPE]);
  entry->name = clr_import_dup_field (values[CSL_NAME]);
  entry->title = clr_import_dup_field (values[CSL_TITLE]);
  entry->federal_register = clr_import_dup_field (values[CSL_FEDERAL_REGISTER_NOTICE]);
  entry->license_requirement = clr_import_dup_field (values[CSL_LICENSE_REQUIREMENT]);
  entry->license_policy = clr_import_dup_field (values[CSL_LICENSE_POLICY]);
  entry->remarks = clr_import_dup_field (values[CSL_REMARKS]);
  entry->source_url = clr_import_dup_field (values[CSL_SOURCE_INFORMATION_URL]);
  if (entry->source_url == NULL)
    entry->source_url = clr_import_dup_field (values[CSL_SOURCE_LIST_URL]);
  if (entry->source_url == NULL && list->url != NULL)
    entry->source_url = g_strdup (list->url);

  if (recoded)
    clr_import_warn (job->info, entry, file, line,
                     _("invalid UTF-8; the bytes were decoded as Windows-1252"));

  clr_import_set_date (job->info, entry, &entry->start_date, _("start_date"),
                       values[CSL_START_DATE], file, line);
  clr_import_set_date (job->info, entry, &entry->end_date, _("end_date"),
                       values[CSL_END_DATE], file, line);

  /* alt_names items are separated by ";" (usually followed by a space). */
  split_items (values[CSL_ALT_NAMES], ";", clr_entry_add_alias, entry, published_aliases);
  split_items (values[CSL_ADDRESSES], "; ", add_address_item, entry, NULL);
  split_items (values[CSL_CITIZENSHIPS], "; ", add_country_item, entry, NULL);
  split_items (values[CSL_NATIONALITIES], "; ", add_country_item, entry, NULL);
  split_items (values[CSL_PROGRAMS], "; ", clr_entry_add_program, entry, NULL);
  split_items (values[CSL_IDS], "; ", clr_entry_add_id, entry, NULL);

  if (values[CSL_CALL_SIGN] != NULL && *values[CSL_CALL_SIGN] != '\0')
    {
      g_autofree char *id = g_strdup_printf ("Call Sign, %s", values[CSL_CALL_SIGN]);
      clr_entry_add_id (entry, id);
    }

  if (ctx->legacy)
    {
      const CslField parts[] = { LEGACY_ADDRESS, LEGACY_CITY, LEGACY_STATE, LEGACY_POSTAL_CODE,
                                 LEGACY_COUNTRY };
      g_autoptr(GString) address = g_string_new (NULL);
      g_autofree char *country = clr_import_dup_field (values[LEGACY_COUNTRY]);
      g_autofree char *alias = clr_import_dup_field (values[LEGACY_ALT_NAME]);
      char *aka;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *part = clr_import_dup_field (values[parts[i]]);

          /* UVL addresses sometimes end with the country already. */
          if (part != NULL && parts[i] == LEGACY_COUNTRY && g_str_has_suffix (address->str, part))
            continue;
          if (part != NULL)
            g_string_append_printf (address, "%s%s", address->len ? ", " : "", part);
        }
      if (address->len > 0)
        clr_entry_add_address (entry, address->str,
                               country && strlen (country) == 2 ? country
                                                                : clr_country_code_for_name (country));
      clr_entry_add_alias (entry, alias);

      /* "Training 2 Business Academy, a.k.a. T2BA, a.k.a. Academy of …" */
      aka = entry->name ? strstr (entry->name, ", a.k.a. ") : NULL;
      if (aka != NULL)
        {
          g_auto(GStrv) names = g_strsplit (aka + strlen (", a.k.a. "), ", a.k.a. ", -1);

          *aka = '\0';
          g_strchomp (entry->name);
          for (guint i = 0; names[i] != NULL; i++)
            clr_entry_add_alias (entry, names[i]);
        }
    }

  *derive = list->derive_aliases;
  return g_steal_pointer (&entry);
}

static gboolean
csl_finish (CslContext  *ctx,
            ClrEntry    *entry,
            guint        published_aliases,
            gboolean     derive,
            GError     **error)
{
  if (derive)
    clr_import_derive_aliases (entry);
  return clr_import_deliver (ctx->job, entry, ctx->dedup, published_aliases, error);
}

static gboolean
csl_flush_pending (CslContext  *ctx,
                   GError     **error)
{
  g_autoptr(ClrEntry) pending = g_steal_pointer (&ctx->pending);
  const ClrListInfo *list;

  g_clear_pointer (&ctx->pending_key, g_free);
  if (pending == NULL)
    return TRUE;
  list = clr_list_info_for_code (pending->list_code);
  return csl_finish (ctx, pending, pending->aliases->len, list ? list->derive_aliases : FALSE, error);
}

static gboolean
csl_deliver (CslContext        *ctx,
             const char *const *values,
             gint64             line,
             gboolean           recoded,
             GError           **error)
{
  g_autoptr(ClrEntry) entry = NULL;
  g_autofree char *key = NULL;
  guint published_aliases = 0;
  gboolean derive = FALSE;

  entry = csl_build (ctx, values, line, recoded, &published_aliases, &derive, error);
  if (entry == NULL)
    return FALSE;

  if (!ctx->legacy)
    return csl_finish (ctx, entry, published_aliases, derive, error);

  /* Legacy layouts: consecutive rows of one party (list, number, name) are
   * one entry with all their addresses and aliases. */
  key = g_strdup_printf ("%s\x1f%s\x1f%s", entry->list_code,
                         values[CSL_ENTITY_NUMBER] ? values[CSL_ENTITY_NUMBER] : "", entry->name);
  if (ctx->pending != NULL && g_strcmp0 (ctx->pending_key, key) == 0)
    {
      for (guint i = 0; i < entry->addresses->len; i++)
        {
          const ClrAddress *a = g_ptr_array_index (entry->addresses, i);
          gboolean seen = FALSE;

          for (guint j = 0; j < ctx->pending->addresses->len && !seen; j++)
            seen = g_strcmp0 (((ClrAddress *) g_ptr_array_index (ctx->pending->addresses, j))->text,
                              a->text) == 0;
          if (!seen)
            clr_entry_add_address (ctx->pending, a->text, a->country);
        }
      for (guint i = 0; i < entry->aliases->len; i++)
        clr_entry_add_alias (ctx->pending, g_ptr_array_index (entry->aliases, i));
      for (guint i = 0; i < entry->countries->len; i++)
        clr_entry_add_country (ctx->pending, g_ptr_array_index (entry->countries, i));
      for (guint i = 0; i < entry->programs->len; i++)
        clr_entry_add_program (ctx->pending, g_ptr_array_index (entry->programs, i));
      for (guint i = 0; i < entry->ids->len; i++)
        clr_entry_add_id (ctx->pending, g_ptr_array_index (entry->ids, i));
      for (guint i = 0; i < entry->warnings->len; i++)
        clr_entry_add_warning (ctx->pending, "%s", (const char *) g_ptr_array_index (entry->warnings, i));
      return TRUE;
    }

  if (!csl_flush_pending (ctx, error))
    return FALSE;

  /* A per-list file is its list's own source ("bis-uvl"), not the CSL. */
  if (g_strcmp0 (ctx->job->info->source, "csl") == 0 && entry->agency != NULL)
    {
      g_autofree char *source = g_strdup_printf ("%s-%s", entry->agency, entry->list_code);

      g_free (ctx->job->info->source);
      ctx->job->info->source = g_ascii_strdown (source, -1);
    }
  ctx->pending = g_steal_pointer (&entry);
  ctx->pending_key = g_steal_pointer (&key);
  return TRUE;
}


static void
csl_context_init (CslContext   *ctx,
                  ClrImportJob *job)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->job = job;
  ctx->dedup = clr_import_dedup_new ();
  ctx->strings = g_ptr_array_new_with_free_func (g_free);
  ctx->unknown_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
csl_context_clear (CslContext *ctx)
{
  g_clear_pointer (&ctx->pending, clr_entry_unref);
  g_clear_pointer (&ctx->pending_key, g_free);
  clr_import_dedup_free (ctx->dedup);
  g_ptr_array_unref (ctx->strings);
  g_hash_table_unref (ctx->unknown_sources);
}

/* ------------------------------------------------------------------------- */

gboolean
clr_import_csl_csv (ClrImportJob     *job,
                    ClrImportReader  *reader,
                    GError          **error)
{
  const char *file = job->display_name;
  ClrCsvRecord header, record;
  int column_of[N_COLUMNS];
  const char *values[N_COLUMNS];
  guint needed_fields;
  CslContext ctx;
  gboolean ok = FALSE;
  g_autoptr(GError) local_error = NULL;

  clr_csv_record_init (&header);
  clr_csv_record_init (&record);
  csl_context_init (&ctx, job);

  if (!clr_csv_read_header (reader, ',', &header, file, error))
    goto out;

  for (guint i = 0; i < N_COLUMNS; i++)
    column_of[i] = -1;
  {
    g_autoptr(GString) named = g_string_new (NULL);

    for (guint c = 0; c < header.fields->len; c++)
      {
        g_autofree char *lower = g_ascii_strdown (g_strstrip ((char *) clr_csv_field (&header, c)), -1);

        for (guint i = 0; i < CSL_N_FIELDS; i++)
          if (strcmp (lower, csl_columns[i]) == 0 && column_of[i] < 0)
            column_of[i] = (int) c;
        if (*lower != '\0')
          g_string_append_printf (named, "%s%s", named->len ? "," : "", lower);
      }

    if (column_of[CSL_SOURCE] < 0)
      {
        /* Not the CSL layout: one of the older per-list layouts? */
        ctx.legacy = TRUE;
        for (guint c = 0; c < header.fields->len; c++)
          {
            const char *name = clr_csv_field (&header, c);

            for (guint i = 0; i < G_N_ELEMENTS (legacy_columns); i++)
              if (g_ascii_strcasecmp (name, legacy_columns[i].name) == 0 &&
                  column_of[legacy_columns[i].field] < 0)
                column_of[legacy_columns[i].field] = (int) c;
          }
        for (guint i = 0; i < G_N_ELEMENTS (legacy_lists); i++)
          if (strcmp (named->str, legacy_lists[i].columns) == 0)
            ctx.default_code = legacy_lists[i].code;
      }
  }

  if (column_of[CSL_NAME] < 0 || (column_of[CSL_SOURCE] < 0 && ctx.default_code == NULL))
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_UNSUPPORTED, file, header.line,
                            _("the header has no “source” and “name” columns: this is neither "
                              "the trade.gov Consolidated Screening List layout nor an older "
                              "per-list layout this version knows"));
      goto out;
    }

  /* Older layouts end with unnamed columns that some rows leave out. */
  needed_fields = header.fields->len;
  if (ctx.legacy)
    while (needed_fields > 0 && *clr_csv_field (&header, needed_fields - 1) == '\0')
      needed_fields--;

  for (;;)
    {
      gboolean repeated_header = TRUE;

      if (!clr_csv_read_record (reader, ',', &record, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
          break;
        }

      if (record.fields->len != header.fields->len &&
          !(ctx.legacy && record.fields->len >= needed_fields && record.fields->len < header.fields->len))
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, record.line,
                                _("record has %u fields, the header has %u"),
                                record.fields->len, header.fields->len);
          goto out;
        }

      for (guint c = 0; c < MIN (header.fields->len, record.fields->len) && repeated_header; c++)
        if (g_strcmp0 (clr_csv_field (&header, c), g_strstrip ((char *) clr_csv_field (&record, c))) != 0)
          repeated_header = FALSE;
      if (repeated_header)
        {
          clr_import_warn (job->info, NULL, file, record.line, _("repeated header line skipped"));
          continue;
        }

      for (guint i = 0; i < N_COLUMNS; i++)
        values[i] = column_of[i] >= 0 ? clr_csv_field (&record, (guint) column_of[i]) : NULL;

      if (!csl_deliver (&ctx, values, record.line, record.recoded, error))
        goto out;
    }

  if (!csl_flush_pending (&ctx, error))
    goto out;

  ok = TRUE;

out:
  clr_csv_record_clear (&header);
  clr_csv_record_clear (&record);
  csl_context_clear (&ctx);
  return ok;
}

/* ------------------------------------------------------------------------- */
/* JSON: the results array is scanned byte by byte; each of its objects is
 * captured alone and handed to json-glib, so memory holds one record. */

static int
json_next_token (ClrImportReader  *reader,
                 GError          **error)
{
  for (;;)
    {
      int c = clr_import_reader_peek (reader, error);

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          clr_import_reader_getc (reader, NULL);
          continue;
        }
      return c;
    }
}

/* Copies (or, with @out NULL, skips) one complete JSON value. */
static gboolean
json_capture_value (ClrImportReader  *reader,
                    GString          *out,
                    const char       *file,
                    GError          **error)
{
  gint64 start_line = clr_import_reader_get_line (reader);
  gboolean in_string = FALSE, escaped = FALSE;
  int depth = 0;
  gsize size = 0;

  for (;;)
    {
      int c = clr_import_reader_peek (reader, error);

      if (c == -2)
        return FALSE;
      if (c == -1)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, start_line,
                                _("the JSON value starting on this line is cut off: the file is "
                                  "truncated"));
          return FALSE;
        }
      if (!in_string && depth == 0 && size > 0 &&
          (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t'))
        return TRUE;

      clr_import_reader_getc (reader, NULL);
      if (++size > CLR_IMPORT_MAX_RECORD)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, start_line,
                                _("JSON record is longer than %d bytes"), CLR_IMPORT_MAX_RECORD);
          return FALSE;
        }
      if (c == 0)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, clr_import_reader_get_line (reader),
                                _("binary data (a NUL byte) in the JSON text"));
          return FALSE;
        }
      if (out != NULL)
        g_string_append_c (out, (char) c);

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                return TRUE;
            }
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (--depth < 0)
            {
              clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file,
                                    clr_import_reader_get_line (reader), _("unbalanced “%c”"), c);
              return FALSE;
            }
          if (depth == 0)
            return TRUE;
        }
    }
}

static gboolean
json_expect (ClrImportReader  *reader,
             char              want,
             const char       *file,
             GError          **error)
{
  int c = json_next_token (reader, error);

  if (c == -2)
    return FALSE;
  if (c != want)
    {
      if (c == -1)
        clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, clr_import_reader_get_line (reader),
                              _("the JSON text ends early (expected “%c”): the file is truncated"),
                              want);
      else
        clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, clr_import_reader_get_line (reader),
                              _("expected “%c” but found “%c”"), want, c);
      return FALSE;
    }
  clr_import_reader_getc (reader, NULL);
  return TRUE;
}

/* After a value in an array or object: a ',' (consumed) → ','; else
 * @close (consumed) → @close; else 0 with @error set. */
static int
json_after_value (ClrImportReader  *reader,
                  char              close,
                  const char       *file,
                  GError          **error)
{
  if (json_next_token (reader, error) == ',')
    {
      clr_import_reader_getc (reader, NULL);
      return ',';
    }
  return json_expect (reader, close, file, error) ? close : 0;
}

static char *
json_item_text (JsonNode   *node,
                const char *member)
{
  static const char *const address_parts[] = { "address", "city", "state", "postal_code", "country", NULL };
  static const char *const id_parts[] = { "type", "number", "country", NULL };

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GValue value = G_VALUE_INIT;
      char *text;

      json_node_get_value (node, &value);
      if (G_VALUE_HOLDS_STRING (&value))
        text = g_value_dup_string (&value);
      else
        {
          GValue str = G_VALUE_INIT;

          g_value_init (&str, G_TYPE_STRING);
          text = g_value_transform (&value, &str) ? g_value_dup_string (&str) : NULL;
          g_value_unset (&str);
        }
      g_value_unset (&value);
      return text;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *const *parts = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GList) names = NULL;

      if (g_strcmp0 (member, "addresses") == 0)
        parts = address_parts;
      else if (g_strcmp0 (member, "ids") == 0)
        parts = id_parts;

      if (parts == NULL)
        names = json_object_get_members (object);

      for (guint i = 0; parts ? parts[i] != NULL : FALSE; i++)
        {
          JsonNode *part = json_object_get_member (object, parts[i]);
          g_autofree char *text = part ? json_item_text (part, NULL) : NULL;

          if (text != NULL && *g_strstrip (text) != '\0')
            g_string_append_printf (out, "%s%s", out->len ? ", " : "", text);
        }
      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *part = json_object_get_member (object, l->data);
          g_autofree char *text = part ? json_item_text (part, NULL) : NULL;

          if (text != NULL && *g_strstrip (text) != '\0')
            g_string_append_printf (out, "%s%s", out->len ? ", " : "", text);
        }
      return g_strdup (out->str);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) out = g_string_new (NULL);
      const char *separator = g_strcmp0 (member, "alt_names") == 0 ? ";" : "; ";

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *text = json_item_text (json_array_get_element (array, i), member);

          if (text != NULL && *g_strstrip (text) != '\0')
            g_string_append_printf (out, "%s%s", out->len ? separator : "", text);
        }
      return g_strdup (out->str);
    }

  return NULL;
}

static gboolean
json_deliver_object (CslContext  *ctx,
                     GString     *text,
                     gint64       line,
                     GError     **error)
{
  const char *file = ctx->job->display_name;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  char *values[N_COLUMNS] = { NULL };
  JsonObject *object;
  gboolean ok;

  /* The guarded reader (depth, NUL, numbers), its lines counted from the record's. */
  root = clr_json_read_data (text->str, (gssize) text->len, file, line, CLR_JSON_READ_NONE, NULL, &local_error);
  if (root == NULL)
    {
      g_set_error_literal (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_PARSE, local_error->message);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, line,
                            _("an item of “results” is not an object"));
      return FALSE;
    }

  object = json_node_get_object (root);
  for (guint i = 0; i < CSL_N_FIELDS; i++)
    {
      JsonNode *node = json_object_get_member (object, csl_columns[i]);

      if (node == NULL && i == CSL_ID)
        node = json_object_get_member (object, "id");
      if (node != NULL)
        values[i] = json_item_text (node, csl_columns[i]);
    }

  ok = csl_deliver (ctx, (const char *const *) values, line, FALSE, error);

  for (guint i = 0; i < CSL_N_FIELDS; i++)
    g_free (values[i]);
  return ok;
}

static gboolean
json_read_key (ClrImportReader  *reader,
               GString          *key,
               const char       *file,
               GError          **error)
{
  g_string_truncate (key, 0);
  if (json_next_token (reader, error) != '"')
    {
      if (error == NULL || *error == NULL)
        clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, clr_import_reader_get_line (reader),
                              _("expected a member name"));
      return FALSE;
    }
  if (!json_capture_value (reader, key, file, error))
    return FALSE;
  /* Strip the quotes; member names we care about have no escapes. */
  if (key->len >= 2)
    {
      g_string_truncate (key, key->len - 1);
      g_string_erase (key, 0, 1);
    }
  return json_expect (reader, ':', file, error);
}

gboolean
clr_import_csl_json (ClrImportJob     *job,
                     ClrImportReader  *reader,
                     GError          **error)
{
  const char *file = job->display_name;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) object = g_string_new (NULL);
  gboolean found_results = FALSE;
  gboolean ok = FALSE;
  CslContext ctx;
  int c;

  csl_context_init (&ctx, job);

  /* Skip a UTF-8 byte-order mark. */
  if (clr_import_reader_peek (reader, NULL) == 0xEF)
    for (int i = 0; i < 3; i++)
      clr_import_reader_getc (reader, NULL);

  if (!json_expect (reader, '{', file, error))
    goto out;

  c = json_next_token (reader, error);
  if (c == '}')
    clr_import_reader_getc (reader, NULL);
  else
    for (;;)
      {
        if (!json_read_key (reader, key, file, error))
          goto out;

        if (strcmp (key->str, "results") == 0)
          {
            found_results = TRUE;
            if (!json_expect (reader, '[', file, error))
              goto out;
            c = json_next_token (reader, error);
            if (c == ']')
              clr_import_reader_getc (reader, NULL);
            else
              for (;;)
                {
                  gint64 line;

                  c = json_next_token (reader, error);
                  if (c == -2)
                    goto out;
                  line = clr_import_reader_get_line (reader);
                  g_string_truncate (object, 0);
                  if (!json_capture_value (reader, object, file, error))
                    goto out;
                  if (!json_deliver_object (&ctx, object, line, error))
                    goto out;

                  c = json_after_value (reader, ']', file, error);
                  if (c == ',')
                    continue;
                  if (c == 0)
                    goto out;
                  break;
                }
          }
        else if (!json_capture_value (reader, NULL, file, error))
          goto out;

        c = json_after_value (reader, '}', file, error);
        if (c == ',')
          continue;
        if (c == 0)
          goto out;
        break;
      }

  c = json_next_token (reader, error);
  if (c == -2)
    goto out;
  if (c != -1)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, clr_import_reader_get_line (reader),
                            _("unexpected data after the end of the JSON document"));
      goto out;
    }

  if (!found_results)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_UNSUPPORTED, file, 0,
                            _("JSON file without a “results” array: not the trade.gov "
                              "Consolidated Screening List JSON"));
      goto out;
    }

  ok = TRUE;

out:
  csl_context_clear (&ctx);
  return ok;
}
