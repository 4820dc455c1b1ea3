/* clr-importer.c — format names, import info, detection and dispatch
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "clr-importer-private.h"

static const struct {
  ClrListFormat format;
  const char   *name;
} format_names[] = {
  { CLR_LIST_FORMAT_CSL_CSV, "csl-csv" },
  { CLR_LIST_FORMAT_CSL_JSON, "csl-json" },
  { CLR_LIST_FORMAT_OFAC_CSV, "ofac-csv" },
  { CLR_LIST_FORMAT_OFAC_XML, "ofac-xml" },
  { CLR_LIST_FORMAT_BIS_DPL, "dpl" },
};

const char *
clr_list_format_to_string (ClrListFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;
  return NULL;
}

gboolean
clr_list_format_from_string (const char    *name,
                             ClrListFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_strcmp0 (name, "auto") == 0)
    {
      *format = CLR_LIST_FORMAT_AUTO;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (format_names[i].name, name) == 0)
      {
        *format = format_names[i].format;
        return TRUE;
      }

  return FALSE;
}

ClrImportInfo *
clr_import_info_new (void)
{
  ClrImportInfo *info = g_new0 (ClrImportInfo, 1);

  info->files = g_ptr_array_new_with_free_func (g_free);
  info->warnings = g_ptr_array_new_with_free_func (g_free);

  return info;
}

void
clr_import_info_free (ClrImportInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->source);
  g_free (info->publication_date);
  g_free (info->sha256);
  g_ptr_array_unref (info->files);
  g_ptr_array_unref (info->warnings);
  g_free (info);
}

/* ------------------------------------------------------------------------- */

#define DETECT_BYTES 8192

static gboolean
looks_binary (const guint8 *data,
              gsize         len)
{
  gsize controls = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = data[i];

      if (b == 0)
        return TRUE;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1A && b != '\f')
        controls++;
    }
  return controls > 0 && controls * 100 > len;
}

/* First line, its fields unquoted and lower-cased. */
static GStrv
first_line_fields (const char *text,
                   gsize       len,
                   char        delimiter)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);

  for (gsize i = 0; i <= len; i++)
    {
      char c = i < len ? text[i] : '\n';

      if (c == delimiter || c == '\n' || c == '\r')
        {
          g_autofree char *lower = g_ascii_strdown (g_strstrip (field->str), -1);

          g_strv_builder_add (builder, lower);
          g_string_truncate (field, 0);
          if (c != delimiter)
            break;
        }
      else if (c != '"')
        g_string_append_c (field, c);
    }

  return g_strv_builder_end (builder);
}

gboolean
clr_importer_detect_data (const guint8  *data,
                          gsize          len,
                          const char    *name,
                          ClrListFormat *format,
                          GError       **error)
{
  const char *text = (const char *) data;
  g_auto(GStrv) csv = NULL;
  g_auto(GStrv) tsv = NULL;
  gsize skip = 0;

  g_return_val_if_fail (format != NULL, FALSE);

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    skip = 3;
  while (skip < len && g_ascii_isspace (text[skip]))
    skip++;

  if (skip >= len || (len - skip == 1 && data[skip] == 0x1A))
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, name, 0,
                            _("the file is empty"));
      return FALSE;
    }

  if (looks_binary (data, len))
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_UNSUPPORTED, name, 0,
                            _("binary data: this is not a list file (compressed files must be "
                              "unpacked first)"));
      return FALSE;
    }

  text += skip;
  len -= skip;

  if (text[0] == '<')
    {
      if (g_strstr_len (text, (gssize) len, "<sdnList") != NULL)
        {
          *format = CLR_LIST_FORMAT_OFAC_XML;
          return TRUE;
        }
      clr_import_set_error (error, CLR_ENGINE_ERROR_UNSUPPORTED, name, 1,
                            _("XML file without an OFAC <sdnList> root: not a supported list"));
      return FALSE;
    }

  if (text[0] == '{')
    {
      *format = CLR_LIST_FORMAT_CSL_JSON;
      return TRUE;
    }

  csv = first_line_fields (text, len, ',');
  tsv = first_line_fields (text, len, '\t');

  if (g_strv_length (tsv) >= 2 && strcmp (tsv[0], "name") == 0 &&
      strcmp (tsv[1], "street_address") == 0)
    {
      *format = CLR_LIST_FORMAT_BIS_DPL;
      return TRUE;
    }

  if (g_strv_length (csv) >= 2 &&
      ((strcmp (csv[0], "_id") == 0 && strcmp (csv[1], "source") == 0) ||
       (strcmp (csv[0], "source") == 0 && strcmp (csv[1], "entity_number") == 0) ||
       (strcmp (csv[0], "source list") == 0 && strcmp (csv[1], "entity number") == 0) ||
       (strcmp (csv[0], "country") == 0 && strcmp (csv[1], "name") == 0)))
    {
      *format = CLR_LIST_FORMAT_CSL_CSV;
      return TRUE;
    }

  if (g_strv_length (csv) >= 2 && csv[0][0] != '\0')
    {
      gboolean digits = TRUE;

      for (const char *p = csv[0]; *p; p++)
        if (!g_ascii_isdigit (*p))
          digits = FALSE;
      if (digits)
        {
          *format = CLR_LIST_FORMAT_OFAC_CSV;
          return TRUE;
        }
    }

  {
    g_autofree char *line = g_strndup (text, MIN (len, 60));

    line[strcspn (line, "\r\n")] = '\0';
    if (!g_utf8_validate (line, -1, NULL))
      {
        g_free (line);
        line = clr_import_recode_cp1252 (text, strcspn (text, "\r\n") < 60 ? strcspn (text, "\r\n") : MIN (len, 60));
      }
    clr_import_set_error (error, CLR_ENGINE_ERROR_UNSUPPORTED, name, 1,
                          _("unrecognised list format (first line “%s”); supported: CSL CSV/JSON, "
                            "OFAC CSV/XML, BIS DPL"), line);
  }
  return FALSE;
}

gboolean
clr_importer_detect (const char    *path,
                     ClrListFormat *format,
                     GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 buffer[DETECT_BYTES];
  gsize got = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &got, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot read: %s"), path, local_error->message);
      return FALSE;
    }

  return clr_importer_detect_data (buffer, got, path, format, error);
}

gboolean
clr_import_deliver (ClrImportJob    *job,
                    ClrEntry        *entry,
                    ClrImportDedup  *dedup,
                    guint            published_aliases,
                    GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!clr_import_check_entry (entry, job->display_name, entry->source_line, error))
    return FALSE;

  if (dedup != NULL && !clr_import_dedup_check (dedup, entry, job->info, job->display_name, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;  /* an exact repeat, skipped with a warning */
    }

  job->info->records++;
  job->info->names += 1 + published_aliases;

  if (job->func != NULL && !job->func (entry, job->user_data, &local_error))
    {
      if (local_error == NULL)
        clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, job->display_name, entry->source_line,
                              _("import stopped"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static const char *
source_for (ClrListFormat  format,
            const char    *name)
{
  g_autofree char *base = g_path_get_basename (name);
  g_autofree char *lower = g_ascii_strdown (base, -1);

  switch (format)
    {
    case CLR_LIST_FORMAT_CSL_CSV:
    case CLR_LIST_FORMAT_CSL_JSON:
      return "csl";
    case CLR_LIST_FORMAT_OFAC_CSV:
    case CLR_LIST_FORMAT_OFAC_XML:
      return g_str_has_prefix (lower, "cons") ? "ofac-nonsdn" : "ofac-sdn";
    case CLR_LIST_FORMAT_BIS_DPL:
      return "bis-dpl";
    case CLR_LIST_FORMAT_AUTO:
    default:
      return NULL;
    }
}

/* The parser of each format. */
static gboolean (*const parsers[]) (ClrImportJob *, ClrImportReader *, GError **) = {
  [CLR_LIST_FORMAT_CSL_CSV] = clr_import_csl_csv,
  [CLR_LIST_FORMAT_CSL_JSON] = clr_import_csl_json,
  [CLR_LIST_FORMAT_OFAC_CSV] = clr_import_ofac_csv,
  [CLR_LIST_FORMAT_OFAC_XML] = clr_import_ofac_xml,
  [CLR_LIST_FORMAT_BIS_DPL] = clr_import_bis_dpl,
};

static gboolean
run_reader (ClrImportJob     *job,
            ClrImportReader  *reader,
            ClrListFormat     format,
            GError          **error)
{
  g_free (job->info->source);
  job->info->source = g_strdup (source_for (format, job->display_name));
  job->info->format = format;

  g_assert (format > CLR_LIST_FORMAT_AUTO && format < G_N_ELEMENTS (parsers));
  if (!parsers[format] (job, reader, error))
    return FALSE;

  if (job->info->sha256 == NULL)
    {
      if (!clr_import_reader_drain (reader, error))
        return FALSE;
      job->info->sha256 = clr_import_reader_dup_sha256 (reader);
    }

  if (job->info->records == 0)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, job->display_name, 0,
                            _("the file holds no entries"));
      return FALSE;
    }

  return TRUE;
}

gboolean
clr_importer_run (const char            *path,
                  ClrListFormat          format,
                  ClrEntryFunc           func,
                  gpointer               user_data,
                  ClrImportProgressFunc  progress,
                  gpointer               progress_data,
                  ClrImportInfo         *info,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(ClrImportReader) reader = NULL;
  g_autoptr(ClrImportInfo) own_info = NULL;
  ClrImportJob job = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (info == NULL)
    info = own_info = clr_import_info_new ();

  if (format == CLR_LIST_FORMAT_AUTO && !clr_importer_detect (path, &format, error))
    return FALSE;

  reader = clr_import_reader_open (path, progress, progress_data, cancellable, error);
  if (reader == NULL)
    return FALSE;

  job.path = path;
  job.display_name = path;
  job.func = func;
  job.user_data = user_data;
  job.progress = progress;
  job.progress_data = progress_data;
  job.info = info;
  job.cancellable = cancellable;

  if (info->files->len == 0)
    g_ptr_array_add (info->files, g_strdup (path));

  return run_reader (&job, reader, format, error);
}

gboolean
clr_importer_run_stream (GInputStream   *stream,
                         const char     *name,
                         ClrListFormat   format,
                         ClrEntryFunc    func,
                         gpointer        user_data,
                         ClrImportInfo  *info,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(ClrImportReader) reader = NULL;
  g_autoptr(ClrImportInfo) own_info = NULL;
  ClrImportJob job = { 0 };

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (info == NULL)
    info = own_info = clr_import_info_new ();

  buffered = g_buffered_input_stream_new_sized (stream, DETECT_BYTES);
  if (format == CLR_LIST_FORMAT_AUTO)
    {
      const guint8 *peek;
      gsize available = 0;

      while (g_buffered_input_stream_get_available (G_BUFFERED_INPUT_STREAM (buffered)) < DETECT_BYTES)
        {
          gssize n = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), -1,
                                                   cancellable, error);
          if (n < 0)
            return FALSE;
          if (n == 0)
            break;
        }
      peek = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &available);
      if (!clr_importer_detect_data (peek, available, name, &format, error))
        return FALSE;
    }

  reader = clr_import_reader_new (buffered, name, 0, NULL, NULL, cancellable);

  job.display_name = name;
  job.func = func;
  job.user_data = user_data;
  job.info = info;
  job.cancellable = cancellable;

  return run_reader (&job, reader, format, error);
}
