/* clr-json-reader.c — the one guarded reader for every JSON input
 *
 * json-glib 1.6 recurses once per nesting level (100,000 levels overflow the
 * stack), keeps only the first of two documents, cuts a string at \u0000 and
 * wraps an integer over 2^63−1 to a negative number. This pre-scan walks the
 * text once, iteratively, and refuses all of that with the line and the
 * field before json-glib parses anything.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-json-reader.h"

struct _ClrJsonLines
{
  GHashTable *lines;   /* path → line (GINT_TO_POINTER would cut 64 bits: boxed) */
};

gint64
clr_json_lines_lookup (ClrJsonLines *lines,
                       const char   *path)
{
  gint64 *line;

  if (lines == NULL || path == NULL)
    return 0;
  line = g_hash_table_lookup (lines->lines, path);
  return line != NULL ? *line : 0;
}

void
clr_json_lines_free (ClrJsonLines *lines)
{
  if (lines == NULL)
    return;
  g_hash_table_unref (lines->lines);
  g_free (lines);
}

typedef struct
{
  gboolean    is_object;
  guint       index;      /* arrays: the element being read */
  const char *key;        /* objects: the member being read, as written */
  gsize       key_len;
} Frame;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  gint64      line;
  const char *name;
  int         depth;
  Frame       frames[CLR_JSON_MAX_DEPTH + 1];
  GHashTable *lines;
} Scanner;

/* Lines are kept for the first this many values (a shipment has a few
 * hundred); a huge file does not make a huge table. */
#define MAX_RECORDED_LINES 65536

/* "parties[1].name": the value being read. */
static char *
scanner_path (Scanner *s)
{
  GString *path = g_string_new (NULL);

  for (int i = 1; i <= s->depth; i++)
    {
      Frame *f = &s->frames[i];

      if (f->is_object)
        {
          if (f->key == NULL)
            continue;
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, f->key, (gssize) MIN (f->key_len, 200));
        }
      else
        g_string_append_printf (path, "[%u]", f->index);
    }
  return g_string_free (path, FALSE);
}

/* @syntax: text that is not JSON at all. */
static gboolean G_GNUC_PRINTF (5, 6)
scanner_fail_full (Scanner    *s,
                   GError    **error,
                   gboolean    with_path,
                   gboolean    syntax,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = with_path ? scanner_path (s) : NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (syntax)
    {
      char *text = g_strdup_printf (_("not valid JSON: %s"), message);

      g_free (message);
      message = text;
    }
  if (path != NULL && *path != '\0')
    g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                 "%s:%" G_GINT64_FORMAT ": %s: %s", s->name, s->line, path, message);
  else
    g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                 "%s:%" G_GINT64_FORMAT ": %s", s->name, s->line, message);
  return FALSE;
}

#define scanner_fail(s, error, with_path, ...) scanner_fail_full ((s), (error), (with_path), FALSE, __VA_ARGS__)
#define syntax_fail(s, error, with_path, ...) scanner_fail_full ((s), (error), (with_path), TRUE, __VA_ARGS__)

/* The character at @pos, printable in a message. */
static char *
char_at (Scanner *s,
         gsize    pos)
{
  gunichar c;

  if (pos >= s->length)
    return g_strdup ("");
  c = g_utf8_get_char_validated (s->data + pos, (gssize) (s->length - pos));
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf ("\\x%02X", (guchar) s->data[pos]);
  if (c < 0x20 || c == 0x7F)
    return g_strdup_printf ("U+%04X", c);
  return g_ucs4_to_utf8 (&c, 1, NULL, NULL, NULL);
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c == '\n')
        s->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      s->pos++;
    }
}

static gboolean
at_end (Scanner *s)
{
  return s->pos >= s->length;
}

static void
record_line (Scanner *s)
{
  gint64 *line;

  if (s->lines == NULL || g_hash_table_size (s->lines) >= MAX_RECORDED_LINES)
    return;
  line = g_new (gint64, 1);
  *line = s->line;
  g_hash_table_replace (s->lines, scanner_path (s), line);
}

static gboolean
scan_string (Scanner  *s,
             gboolean  is_key,
             GError  **error)
{
  gint64 start_line = s->line;

  s->pos++;  /* the opening quote */
  while (s->pos < s->length)
    {
      guchar c = (guchar) s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        {
          if (c == '\n')
            s->line++;
          return syntax_fail (s, error, !is_key,
                               _("a control character (U+%04X) inside a string must be written as an escape"),
                               c);
        }
      if (c == '\\')
        {
          char e;

          if (s->pos + 1 >= s->length)
            break;
          e = s->data[s->pos + 1];
          if (e == 'u')
            {
              guint value = 0;

              if (s->pos + 6 > s->length)
                break;
              for (int i = 2; i < 6; i++)
                {
                  char h = s->data[s->pos + i];

                  if (!g_ascii_isxdigit (h))
                    return syntax_fail (s, error, FALSE, _("“\\u” must be followed by four hexadecimal digits"));
                  value = value * 16 + (guint) g_ascii_xdigit_value (h);
                }
              if (value == 0)
                return scanner_fail (s, error, !is_key,
                                     is_key ? _("a member name contains a NUL character (\\u0000)")
                                            : _("the text contains a NUL character (\\u0000), which would hide "
                                                "everything after it"));
              s->pos += 6;
              continue;
            }
          if (strchr ("\"\\/bfnrt", e) == NULL || e == '\0')
            {
              g_autofree char *shown = char_at (s, s->pos + 1);

              return syntax_fail (s, error, FALSE, _("“\\%s” is not a JSON escape"), shown);
            }
          s->pos += 2;
          continue;
        }
      s->pos++;
    }
  s->line = start_line;
  return syntax_fail (s, error, FALSE, _("the string starting on this line is not closed: the file is cut off"));
}

static gboolean
scan_number (Scanner  *s,
             GError  **error)
{
  gsize start = s->pos;
  gboolean integer = TRUE;
  g_autofree char *text = NULL;
  const char *d = s->data;

  if (d[s->pos] == '-')
    s->pos++;
  if (at_end (s) || !g_ascii_isdigit (d[s->pos]))
    return syntax_fail (s, error, TRUE, _("“-” must be followed by a digit"));
  if (d[s->pos] == '0')
    {
      s->pos++;
      if (!at_end (s) && g_ascii_isdigit (d[s->pos]))
        return syntax_fail (s, error, TRUE, _("a number cannot start with 0 (leading zeros are not JSON)"));
    }
  else
    while (!at_end (s) && g_ascii_isdigit (d[s->pos]))
      s->pos++;
  if (!at_end (s) && d[s->pos] == '.')
    {
      integer = FALSE;
      s->pos++;
      if (at_end (s) || !g_ascii_isdigit (d[s->pos]))
        return syntax_fail (s, error, TRUE, _("a decimal point must be followed by a digit"));
      while (!at_end (s) && g_ascii_isdigit (d[s->pos]))
        s->pos++;
    }
  if (!at_end (s) && (d[s->pos] == 'e' || d[s->pos] == 'E'))
    {
      integer = FALSE;
      s->pos++;
      if (!at_end (s) && (d[s->pos] == '+' || d[s->pos] == '-'))
        s->pos++;
      if (at_end (s) || !g_ascii_isdigit (d[s->pos]))
        return syntax_fail (s, error, TRUE, _("an exponent must have digits"));
      while (!at_end (s) && g_ascii_isdigit (d[s->pos]))
        s->pos++;
    }

  text = g_strndup (d + start, s->pos - start);
  errno = 0;
  if (integer)
    {
      (void) g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        return scanner_fail (s, error, TRUE,
                             _("%.40s does not fit in a 64-bit integer (%" PRId64 " to %" PRId64 ")"),
                             text, G_MININT64, G_MAXINT64);
    }
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    return scanner_fail (s, error, TRUE, _("%.40s is too large for a number"), text);
  return TRUE;
}

static gboolean
scan_literal (Scanner  *s,
              GError  **error)
{
  static const char * const words[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if (s->length - s->pos >= n && memcmp (s->data + s->pos, words[i], n) == 0)
        {
          s->pos += n;
          if (!at_end (s) && (g_ascii_isalnum (s->data[s->pos]) || s->data[s->pos] == '_'))
            break;
          return TRUE;
        }
    }
  {
    g_autofree char *shown = char_at (s, s->pos);

    return syntax_fail (s, error, TRUE, _("unexpected “%s”: not a JSON value"), shown);
  }
}

static gboolean
scan (Scanner  *s,
      GError  **error)
{
  const char *nul;
  const char *end = NULL;

  /* A leading byte-order mark. */
  if (s->length >= 3 && memcmp (s->data, "\xEF\xBB\xBF", 3) == 0)
    s->pos = 3;

  nul = memchr (s->data, '\0', s->length);
  if (nul != NULL)
    {
      for (const char *p = s->data; p < nul; p++)
        if (*p == '\n')
          s->line++;
      return scanner_fail (s, error, FALSE, _("binary data (a NUL byte): not JSON text"));
    }
  if (!g_utf8_validate_len (s->data, s->length, &end))
    {
      for (const char *p = s->data; p < end; p++)
        if (*p == '\n')
          s->line++;
      return scanner_fail (s, error, FALSE, _("not UTF-8 text"));
    }

  skip_space (s);
  if (at_end (s))
    return scanner_fail (s, error, FALSE, _("no JSON value: the file is empty"));

  for (;;)
    {
      /* A value starts here. */
      char c;

      skip_space (s);
      if (at_end (s))
        return syntax_fail (s, error, FALSE, _("the JSON text ends early: the file is cut off"));
      c = s->data[s->pos];
      record_line (s);
      if (c == '{' || c == '[')
        {
          Frame *f;

          if (s->depth >= CLR_JSON_MAX_DEPTH)
            return scanner_fail (s, error, FALSE,
                                 _("objects and arrays are nested deeper than %d levels"), CLR_JSON_MAX_DEPTH);
          s->pos++;
          f = &s->frames[++s->depth];
          f->is_object = c == '{';
          f->index = 0;
          f->key = NULL;
          f->key_len = 0;
          skip_space (s);
          if (!at_end (s) && s->data[s->pos] == (c == '{' ? '}' : ']'))
            {
              s->pos++;
              s->depth--;
              goto value_done;
            }
          if (f->is_object)
            goto read_key;
          continue;
        }
      else if (c == '"')
        {
          if (!scan_string (s, FALSE, error))
            return FALSE;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          if (!scan_number (s, error))
            return FALSE;
        }
      else if (!scan_literal (s, error))
        return FALSE;

    value_done:
      /* After a value: the end of the document, or “,” or the container's end. */
      for (;;)
        {
          Frame *f;

          skip_space (s);
          if (s->depth == 0)
            {
              if (!at_end (s))
                return scanner_fail (s, error, FALSE,
                                     _("more than one JSON document, or text after the end of the document "
                                       "(a file holds exactly one)"));
              return TRUE;
            }
          f = &s->frames[s->depth];
          if (at_end (s))
            return syntax_fail (s, error, FALSE, _("the JSON text ends early: the file is cut off"));
          c = s->data[s->pos];
          if (c == (f->is_object ? '}' : ']'))
            {
              s->pos++;
              s->depth--;
              continue;
            }
          if (c != ',')
            {
              g_autofree char *shown = char_at (s, s->pos);

              return syntax_fail (s, error, FALSE, _("expected “,” or “%c” but found “%s”"),
                                  f->is_object ? '}' : ']', shown);
            }
          s->pos++;
          if (!f->is_object)
            {
              f->index++;
              break;
            }
          goto read_key;
        }
      continue;

    read_key:
      {
        Frame *f = &s->frames[s->depth];
        gsize key_start;

        skip_space (s);
        if (at_end (s))
          return syntax_fail (s, error, FALSE, _("the JSON text ends early: the file is cut off"));
        if (s->data[s->pos] != '"')
          {
            g_autofree char *shown = char_at (s, s->pos);

            return syntax_fail (s, error, FALSE, _("expected a member name in double quotes but found “%s”"),
                                shown);
          }
        key_start = s->pos + 1;
        if (!scan_string (s, TRUE, error))
          return FALSE;
        f->key = s->data + key_start;
        f->key_len = s->pos - 1 - key_start;
        skip_space (s);
        if (at_end (s) || s->data[s->pos] != ':')
          return syntax_fail (s, error, TRUE, _("expected “:” after the member name"));
        s->pos++;
      }
    }
}

static void
free_line (gpointer data)
{
  g_free (data);
}

gboolean
clr_json_check (const char    *data,
                gsize          length,
                const char    *name,
                gint64         first_line,
                ClrJsonLines **lines,
                GError       **error)
{
  Scanner s = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  s.data = data != NULL ? data : "";
  s.length = length;
  s.line = first_line > 0 ? first_line : 1;
  s.name = name != NULL ? name : _("JSON text");
  if (lines != NULL)
    s.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_line);

  if (!scan (&s, error))
    {
      g_clear_pointer (&s.lines, g_hash_table_unref);
      return FALSE;
    }
  if (lines != NULL)
    {
      *lines = g_new0 (ClrJsonLines, 1);
      (*lines)->lines = s.lines;
    }
  return TRUE;
}

JsonNode *
clr_json_read_data (const char        *data,
                    gssize             length,
                    const char        *name,
                    gint64             first_line,
                    ClrJsonReadFlags   flags,
                    ClrJsonLines     **lines,
                    GError           **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ClrJsonLines) found = NULL;
  gsize skip = 0;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = (gssize) strlen (data);
  if (name == NULL)
    name = _("JSON text");
  if (!clr_json_check (data, (gsize) length, name, first_line, lines != NULL ? &found : NULL, error))
    return NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  parser = (flags & CLR_JSON_READ_IMMUTABLE) ? json_parser_new_immutable () : json_parser_new ();
  if (!json_parser_load_from_data (parser, data + skip, length - (gssize) skip, &local_error))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: not valid JSON: %s"), name, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: no JSON value: the file is empty"), name);
      return NULL;
    }
  if (lines != NULL)
    *lines = g_steal_pointer (&found);
  return json_node_ref (root);
}

JsonNode *
clr_json_read_file (const char        *path,
                    ClrJsonReadFlags   flags,
                    ClrJsonLines     **lines,
                    GError           **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return clr_json_read_data (data, (gssize) length, path, 1, flags, lines, error);
}
