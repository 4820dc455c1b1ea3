/* clr-import-reader.c — buffered, hashing, line-counting reader and CSV records
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "clr-date.h"
#include "clr-importer-private.h"

#define BUFFER_SIZE (64 * 1024)

struct _ClrImportReader
{
  GInputStream          *stream;
  char                  *name;
  GCancellable          *cancellable;
  ClrImportProgressFunc  progress;
  gpointer               progress_data;
  GChecksum             *checksum;
  guint64                total;
  guint64                offset;   /* bytes consumed by the parser */
  guint64                read;     /* bytes read from the stream */
  gint64                 line;     /* 1-based line of the next byte */
  gsize                  pos;
  gsize                  len;
  gboolean               eof;
  guint8                 buffer[BUFFER_SIZE];
};

ClrImportReader *
clr_import_reader_new (GInputStream          *stream,
                       const char            *display_name,
                       guint64                total,
                       ClrImportProgressFunc  progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable)
{
  ClrImportReader *reader = g_new0 (ClrImportReader, 1);

  reader->stream = g_object_ref (stream);
  reader->name = g_strdup (display_name);
  reader->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  reader->progress = progress;
  reader->progress_data = progress_data;
  reader->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  reader->total = total;
  reader->line = 1;

  return reader;
}

ClrImportReader *
clr_import_reader_open (const char            *path,
                        ClrImportProgressFunc  progress,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) finfo = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 total = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot open: %s"), path, local_error->message);
      return NULL;
    }

  finfo = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                          cancellable, NULL);
  if (finfo != NULL)
    total = (guint64) g_file_info_get_size (finfo);

  return clr_import_reader_new (G_INPUT_STREAM (stream), path, total,
                                progress, progress_data, cancellable);
}

void
clr_import_reader_free (ClrImportReader *reader)
{
  if (reader == NULL)
    return;

  g_object_unref (reader->stream);
  g_clear_object (&reader->cancellable);
  g_checksum_free (reader->checksum);
  g_free (reader->name);
  g_free (reader);
}

const char *
clr_import_reader_get_name (ClrImportReader *reader)
{
  return reader->name;
}

gint64
clr_import_reader_get_line (ClrImportReader *reader)
{
  return reader->line;
}

guint64
clr_import_reader_get_offset (ClrImportReader *reader)
{
  return reader->offset;
}

char *
clr_import_reader_dup_sha256 (ClrImportReader *reader)
{
  return g_strdup (g_checksum_get_string (reader->checksum));
}

/* Refills the buffer; FALSE on error. Sets eof at the end. */
static gboolean
reader_fill (ClrImportReader  *reader,
             GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (reader->eof)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (reader->cancellable, error))
    return FALSE;

  n = g_input_stream_read (reader->stream, reader->buffer, BUFFER_SIZE,
                           reader->cancellable, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("%s: read error: %s"), reader->name, local_error->message);
      return FALSE;
    }

  reader->pos = 0;
  reader->len = (gsize) n;
  if (n == 0)
    reader->eof = TRUE;
  else
    g_checksum_update (reader->checksum, reader->buffer, (gssize) n);
  reader->read += (guint64) n;

  if (reader->progress != NULL)
    reader->progress (reader->read, MAX (reader->total, reader->read), reader->progress_data);

  return TRUE;
}

int
clr_import_reader_peek (ClrImportReader  *reader,
                        GError          **error)
{
  if (G_UNLIKELY (reader->pos >= reader->len))
    {
      if (!reader_fill (reader, error))
        return -2;
      if (reader->eof)
        return -1;
    }
  return reader->buffer[reader->pos];
}

int
clr_import_reader_getc (ClrImportReader  *reader,
                        GError          **error)
{
  int c;

  if (G_UNLIKELY (reader->pos >= reader->len))
    {
      if (!reader_fill (reader, error))
        return -2;
      if (reader->eof)
        return -1;
    }

  c = reader->buffer[reader->pos++];
  reader->offset++;
  if (c == '\n')
    reader->line++;
  return c;
}

gssize
clr_import_reader_read_chunk (ClrImportReader  *reader,
                              const char      **data,
                              gsize             max,
                              GError          **error)
{
  gsize n;

  if (reader->pos >= reader->len)
    {
      if (!reader_fill (reader, error))
        return -1;
      if (reader->eof)
        return 0;
    }

  n = MIN (max, reader->len - reader->pos);
  *data = (const char *) reader->buffer + reader->pos;
  for (gsize i = 0; i < n; i++)
    if (reader->buffer[reader->pos + i] == '\n')
      reader->line++;
  reader->pos += n;
  reader->offset += n;
  return (gssize) n;
}

gboolean
clr_import_reader_drain (ClrImportReader  *reader,
                         GError          **error)
{
  for (;;)
    {
      const char *data;
      gssize n = clr_import_reader_read_chunk (reader, &data, BUFFER_SIZE, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        return TRUE;
    }
}

/* ------------------------------------------------------------------------- */

/* Windows-1252 bytes 0x80–0x9F; 0 = undefined. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

char *
clr_import_recode_cp1252 (const char *data,
                          gsize       len)
{
  GString *out = g_string_sized_new (len + 16);

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = (guint8) data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0)
        g_string_append_unichar (out, cp1252_high[b - 0x80] ? cp1252_high[b - 0x80] : 0xFFFD);
      else
        g_string_append_unichar (out, b);
    }

  return g_string_free (out, FALSE);
}

void
clr_csv_record_init (ClrCsvRecord *record)
{
  memset (record, 0, sizeof *record);
  record->fields = g_ptr_array_new_with_free_func (g_free);
}

void
clr_csv_record_clear (ClrCsvRecord *record)
{
  g_clear_pointer (&record->fields, g_ptr_array_unref);
}

const char *
clr_csv_field (ClrCsvRecord *record,
               guint         index)
{
  if (index >= record->fields->len)
    return NULL;
  return g_ptr_array_index (record->fields, index);
}

static gboolean
finish_field (ClrImportReader  *reader,
              ClrCsvRecord     *record,
              GString          *field,
              GError          **error)
{
  if (record->fields->len >= CLR_IMPORT_MAX_FIELDS)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, reader->name, record->line,
                            _("record has more than %d fields"), CLR_IMPORT_MAX_FIELDS);
      return FALSE;
    }

  if (memchr (field->str, '\0', field->len) != NULL)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, reader->name, record->line,
                            _("binary data (a NUL byte) in field %u; this is not a text list file"),
                            record->fields->len + 1);
      return FALSE;
    }

  if (g_utf8_validate_len (field->str, field->len, NULL))
    g_ptr_array_add (record->fields, g_strndup (field->str, field->len));
  else
    {
      g_ptr_array_add (record->fields, clr_import_recode_cp1252 (field->str, field->len));
      record->recoded = TRUE;
    }

  g_string_truncate (field, 0);
  return TRUE;
}

gboolean
clr_csv_read_record (ClrImportReader  *reader,
                     char              delimiter,
                     ClrCsvRecord     *record,
                     GError          **error)
{
  g_autoptr(GString) field = g_string_sized_new (256);
  gboolean in_quotes = FALSE;
  gboolean was_quoted = FALSE;
  gsize record_bytes = 0;
  int c;

  g_ptr_array_set_size (record->fields, 0);
  record->recoded = FALSE;

  /* A UTF-8 byte-order mark before the first record is not data. */
  if (reader->offset == 0 && clr_import_reader_peek (reader, NULL) == 0xEF &&
      reader->len - reader->pos >= 3 && reader->buffer[reader->pos + 1] == 0xBB &&
      reader->buffer[reader->pos + 2] == 0xBF)
    {
      reader->pos += 3;
      reader->offset += 3;
    }

  /* Skip blank lines between records. */
  for (;;)
    {
      c = clr_import_reader_peek (reader, error);
      if (c == -2)
        return FALSE;
      if (c == '\r' || c == '\n')
        {
          clr_import_reader_getc (reader, NULL);
          continue;
        }
      break;
    }

  record->line = reader->line;

  if (c == -1)
    return FALSE;

  /* A lone 0x1A (DOS end-of-file) after the last record. */
  if (c == 0x1A)
    {
      clr_import_reader_getc (reader, NULL);
      for (;;)
        {
          c = clr_import_reader_getc (reader, error);
          if (c == -2)
            return FALSE;
          if (c == -1)
            return FALSE;
          if (c != '\r' && c != '\n' && c != 0x1A)
            {
              clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, reader->name, record->line,
                                    _("data after the end-of-file marker (0x1A)"));
              return FALSE;
            }
        }
    }

  for (;;)
    {
      c = clr_import_reader_getc (reader, error);
      if (c == -2)
        return FALSE;

      if (++record_bytes > CLR_IMPORT_MAX_RECORD)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, reader->name, record->line,
                                _("record is longer than %d bytes (missing closing quote?)"),
                                CLR_IMPORT_MAX_RECORD);
          return FALSE;
        }
      if (field->len > CLR_IMPORT_MAX_FIELD)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, reader->name, record->line,
                                _("field %u is longer than %d bytes (missing closing quote?)"),
                                record->fields->len + 1, CLR_IMPORT_MAX_FIELD);
          return FALSE;
        }

      if (in_quotes)
        {
          if (c == -1)
            {
              clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, reader->name, record->line,
                                    _("the record starting on this line ends inside a quoted "
                                      "field: the file is truncated or a quote is missing"));
              return FALSE;
            }
          if (c == '"')
            {
              int next = clr_import_reader_peek (reader, error);

              if (next == -2)
                return FALSE;
              if (next == '"')
                {
                  clr_import_reader_getc (reader, NULL);
                  g_string_append_c (field, '"');
                }
              else
                in_quotes = FALSE;
            }
          else
            g_string_append_c (field, (char) c);
          continue;
        }

      if (c == -1 || c == '\n' || c == '\r')
        {
          if (c == '\r' && clr_import_reader_peek (reader, NULL) == '\n')
            clr_import_reader_getc (reader, NULL);
          return finish_field (reader, record, field, error);
        }

      if (c == delimiter)
        {
          if (!finish_field (reader, record, field, error))
            return FALSE;
          was_quoted = FALSE;
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          in_quotes = TRUE;
          was_quoted = TRUE;
          continue;
        }

      /* A stray quote inside an unquoted field, or text after a closing
       * quote: keep it as text (what spreadsheet programs do). */
      g_string_append_c (field, (char) c);
    }
}

gboolean
clr_csv_read_header (ClrImportReader  *reader,
                     char              delimiter,
                     ClrCsvRecord     *record,
                     const char       *file,
                     GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (clr_csv_read_record (reader, delimiter, record, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, 0, _("the file is empty"));
  return FALSE;
}

/* ------------------------------------------------------------------------- */

/* The message, and in @located the same as "FILE:LINE: message" (or
 * "FILE: message" without a line). */
static char *locate_message (char       **located,
                             const char  *file,
                             gint64       line,
                             const char  *format,
                             va_list      args) G_GNUC_PRINTF (4, 0);

static char *
locate_message (char       **located,
                const char  *file,
                gint64       line,
                const char  *format,
                va_list      args)
{
  char *message = g_strdup_vprintf (format, args);

  *located = line > 0 ? g_strdup_printf ("%s:%" G_GINT64_FORMAT ": %s", file, line, message)
                      : g_strdup_printf ("%s: %s", file, message);
  return message;
}

void
clr_import_set_error (GError     **error,
                      gint         code,
                      const char  *file,
                      gint64       line,
                      const char  *format,
                      ...)
{
  g_autofree char *located = NULL;
  va_list args;

  va_start (args, format);
  g_free (locate_message (&located, file, line, format, args));
  va_end (args);

  g_set_error_literal (error, CLR_ENGINE_ERROR, code, located);
}

void
clr_import_warn (ClrImportInfo *info,
                 ClrEntry      *entry,
                 const char    *file,
                 gint64         line,
                 const char    *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *located = NULL;
  va_list args;

  va_start (args, format);
  message = locate_message (&located, file, line, format, args);
  va_end (args);

  if (entry != NULL)
    clr_entry_add_warning (entry, "%s", message);
  if (info != NULL && info->warnings->len == CLR_IMPORT_MAX_WARNINGS)
    g_ptr_array_add (info->warnings,
                     g_strdup_printf (_("%s: more than %d warnings; the rest are not listed"),
                                      file, CLR_IMPORT_MAX_WARNINGS));
  if (info != NULL && info->warnings->len < CLR_IMPORT_MAX_WARNINGS)
    g_ptr_array_add (info->warnings, g_steal_pointer (&located));
}

char *
clr_import_dup_field (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0' || strcmp (copy, "-0-") == 0)
    {
      g_free (copy);
      return NULL;
    }
  return copy;
}

static gboolean
parse_digits (const char *text,
              int         count,
              int        *value)
{
  int v = 0;

  for (int i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

gboolean
clr_import_date_is_valid (const char *text)
{
  /* Real list dates lie between the first export controls and the far end of
   * 50-year denial orders; 3017-08-22 or 0222-05-18 are typing errors. */
  return clr_date_is_valid_in_years (text, 1776, 2199);
}

char *
clr_import_date_from_mdy (const char *text)
{
  int y, m, d;
  gsize ml, dl;
  const char *slash;

  /* MM/DD/YYYY, also M/D/YYYY as older BIS files write it. */
  if (text == NULL || (slash = strchr (text, '/')) == NULL)
    return NULL;
  ml = (gsize) (slash - text);
  slash = strchr (slash + 1, '/');
  if (slash == NULL || ml < 1 || ml > 2)
    return NULL;
  dl = (gsize) (slash - text) - ml - 1;
  if (dl < 1 || dl > 2 || strlen (slash + 1) != 4)
    return NULL;
  if (!parse_digits (text, (int) ml, &m) || !parse_digits (text + ml + 1, (int) dl, &d) ||
      !parse_digits (slash + 1, 4, &y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

void
clr_import_set_date (ClrImportInfo  *info,
                     ClrEntry       *entry,
                     char          **field,
                     const char     *label,
                     const char     *text,
                     const char     *file,
                     gint64          line)
{
  g_autofree char *value = clr_import_dup_field (text);

  g_free (*field);
  *field = NULL;
  if (value == NULL)
    return;

  if (!clr_import_date_is_valid (value))
    {
      g_autofree char *iso = clr_import_date_from_mdy (value);

      if (iso != NULL && clr_import_date_is_valid (iso))
        {
          g_free (value);
          value = g_steal_pointer (&iso);
        }
      else
        clr_import_warn (info, entry, file, line,
                         _("%s “%s” is not a valid date; kept as text"), label, value);
    }

  *field = g_steal_pointer (&value);
}

static gboolean
check_name (const char  *name,
            const char  *what,
            const char  *file,
            gint64       line,
            GError     **error)
{
  gsize len = name ? strlen (name) : 0;

  if (len > CLR_IMPORT_MAX_NAME)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, line,
                            _("%s is %lu bytes long; names longer than %d bytes are rejected"),
                            what, (unsigned long) len, CLR_IMPORT_MAX_NAME);
      return FALSE;
    }
  return TRUE;
}

gboolean
clr_import_check_entry (ClrEntry    *entry,
                        const char  *file,
                        gint64       line,
                        GError     **error)
{
  if (entry->name == NULL || *entry->name == '\0')
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, line, _("record has no name"));
      return FALSE;
    }
  if (!check_name (entry->name, _("the name"), file, line, error))
    return FALSE;
  for (guint i = 0; i < entry->aliases->len; i++)
    if (!check_name (g_ptr_array_index (entry->aliases, i), _("an alias"), file, line, error))
      return FALSE;
  return TRUE;
}

void
clr_import_aliases_from_remarks (ClrEntry   *entry,
                                 const char *remarks)
{
  static const char *const markers[] = { "a.k.a. '", "f.k.a. '", "n.k.a. '" };

  if (remarks == NULL)
    return;

  for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      const char *p = remarks;

      while ((p = strstr (p, markers[m])) != NULL)
        {
          const char *start = p + strlen (markers[m]);
          const char *end = start;

          /* The alias ends at "'" followed by ';', '.', ')' , ',' or the end
           * (names themselves contain apostrophes: 'ABD AL-'AZIZ'). */
          for (;;)
            {
              end = strchr (end, '\'');
              if (end == NULL)
                break;
              if (end[1] == '\0' || end[1] == ';' || end[1] == '.' || end[1] == ')' ||
                  end[1] == ',' || end[1] == ' ')
                break;
              end++;
            }
          if (end == NULL)
            break;
          if (end > start)
            {
              g_autofree char *alias = g_strndup (start, (gsize) (end - start));
              clr_entry_add_alias (entry, alias);
            }
          p = end + 1;
        }
    }
}

/* ------------------------------------------------------------------------- */

/* Open addressing over (list, id) key digests: 16 bytes per slot, no
 * strings kept; the 2022 CSL (14,160 records) needs 512 KiB. */
typedef struct
{
  guint64 key;        /* FNV-1a of list code + id; 0 = empty slot */
  guint32 digest;     /* content digest without the source URL (folded) */
  guint32 line;
} DedupSlot;

struct _ClrImportDedup
{
  DedupSlot *slots;
  gsize      size;    /* power of two */
  gsize      used;
};

/* FNV-1a over every published field but the source URL: cheap enough to run
 * on each of the CSL's 14,000 records. */
static guint64
digest_string (guint64     h,
               const char *value)
{
  if (value != NULL)
    for (const guchar *p = (const guchar *) value; *p; p++)
      h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  /* A separator that cannot occur in text keeps ("ab","c") apart from ("a","bc"). */
  return (h ^ (value ? 0x1f : 0x1e)) * G_GUINT64_CONSTANT (0x100000001b3);
}

static guint64
digest_array (guint64    h,
              GPtrArray *array)
{
  for (guint i = 0; i < array->len; i++)
    h = digest_string (h, g_ptr_array_index (array, i));
  return digest_string (h, NULL);
}

static guint64
entry_digest (const ClrEntry *e)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  const char *strings[] = {
    e->list_code, e->entry_id, e->entity_type, e->name, e->title, e->federal_register,
    e->license_requirement, e->license_policy, e->start_date, e->end_date, e->remarks,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    h = digest_string (h, strings[i]);
  h = digest_array (h, e->aliases);
  h = digest_array (h, e->countries);
  h = digest_array (h, e->programs);
  h = digest_array (h, e->ids);
  for (guint i = 0; i < e->addresses->len; i++)
    {
      const ClrAddress *a = g_ptr_array_index (e->addresses, i);

      h = digest_string (h, a->text);
      h = digest_string (h, a->country);
    }
  return h;
}

ClrImportDedup *
clr_import_dedup_new (void)
{
  ClrImportDedup *dedup = g_new0 (ClrImportDedup, 1);

  dedup->size = 1024;
  dedup->slots = g_new0 (DedupSlot, dedup->size);
  return dedup;
}

void
clr_import_dedup_free (ClrImportDedup *dedup)
{
  if (dedup == NULL)
    return;
  g_free (dedup->slots);
  g_free (dedup);
}

static DedupSlot *
dedup_find (ClrImportDedup *dedup,
            guint64         key)
{
  gsize mask = dedup->size - 1;
  gsize i = (gsize) (key ^ (key >> 29)) & mask;

  while (dedup->slots[i].key != 0 && dedup->slots[i].key != key)
    i = (i + 1) & mask;
  return &dedup->slots[i];
}

static void
dedup_grow (ClrImportDedup *dedup)
{
  DedupSlot *old = dedup->slots;
  gsize old_size = dedup->size;

  dedup->size *= 2;
  dedup->slots = g_new0 (DedupSlot, dedup->size);
  for (gsize i = 0; i < old_size; i++)
    if (old[i].key != 0)
      *dedup_find (dedup, old[i].key) = old[i];
  g_free (old);
}

gboolean
clr_import_dedup_check (ClrImportDedup  *dedup,
                        ClrEntry        *entry,
                        ClrImportInfo   *info,
                        const char      *file,
                        GError         **error)
{
  guint64 key, digest;
  DedupSlot *slot;

  if (entry->entry_id == NULL)
    return TRUE;

  key = digest_string (digest_string (G_GUINT64_CONSTANT (0xcbf29ce484222325), entry->list_code),
                       entry->entry_id);
  if (key == 0)
    key = 1;

  /* The source URL says where the list lives, not what it says about the
   * party (the 2022 CSL repeats CAP 15268 with and without one). */
  digest = entry_digest (entry);

  slot = dedup_find (dedup, key);
  if (slot->key == 0)
    {
      slot->key = key;
      slot->digest = (guint32) (digest ^ (digest >> 32));
      slot->line = (guint32) CLAMP (entry->source_line, 0, G_MAXUINT32);
      if (++dedup->used * 4 > dedup->size * 3)
        dedup_grow (dedup);
      return TRUE;
    }

  if (slot->digest == (guint32) (digest ^ (digest >> 32)))
    {
      clr_import_warn (info, NULL, file, entry->source_line,
                       _("entry %s (%s) repeats the one on line %u; skipped"),
                       entry->entry_id, entry->name, slot->line);
      return FALSE;
    }

  clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, entry->source_line,
                        _("duplicate entry id %s on list %s: line %u already has it with "
                          "different content"),
                        entry->entry_id, entry->list_code ? entry->list_code : "?",
                        slot->line);
  return FALSE;
}
