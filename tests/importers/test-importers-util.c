/* test-importers-util.c — helpers shared by the importer tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "clr-engine-error.h"
#include "test-importers-util.h"

char *
fixture (const char *relative)
{
  return g_build_filename (IMPORTERS_TEST_DATA, relative, NULL);
}

gboolean
collect_entry (ClrEntry  *entry,
               gpointer   user_data,
               GError   **error)
{
  g_ptr_array_add (user_data, clr_entry_ref (entry));
  return TRUE;
}

GPtrArray *
import_ok (const char    *path,
           ClrListFormat  format,
           ClrImportInfo *info)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_entry_unref);
  gboolean ok;

  ok = clr_importer_run (path, format, collect_entry, entries, NULL, NULL, info, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (info->records, ==, entries->len);
  return entries;
}

void
assert_import_error (const char    *path,
                     ClrListFormat  format,
                     gint           code,
                     const char    *where,
                     const char    *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_entry_unref);
  const char *colon;
  gboolean ok;

  ok = clr_importer_run (path, format, collect_entry, entries, NULL, NULL, info, NULL, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, CLR_ENGINE_ERROR, code);

  /* The message starts with the file (as given) and the location. */
  g_assert_true (g_str_has_prefix (error->message, path));
  colon = error->message + strlen (path) - strlen (strrchr (path, '/') + 1);
  g_assert_true (g_str_has_prefix (colon, where));
  g_assert_nonnull (strstr (error->message, reason));
}

ClrEntry *
find_entry (GPtrArray  *entries,
            const char *name)
{
  return clr_test_find_by_string (entries, G_STRUCT_OFFSET (ClrEntry, name), name, "entry named");
}

void
assert_strv (GPtrArray *array,
             ...)
{
  va_list args;
  guint i = 0;
  const char *want;

  va_start (args, array);
  while ((want = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpuint (i, <, array->len);
      g_assert_cmpstr (g_ptr_array_index (array, i), ==, want);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (array->len, ==, i);
}

void
assert_address (ClrEntry   *entry,
                guint       index,
                const char *text,
                const char *country)
{
  const ClrAddress *a;

  g_assert_cmpuint (index, <, entry->addresses->len);
  a = g_ptr_array_index (entry->addresses, index);
  g_assert_cmpstr (a->text, ==, text);
  g_assert_cmpstr (a->country, ==, country);
}

void
assert_warning (ClrImportInfo *info,
                const char    *location,
                const char    *text)
{
  for (guint i = 0; i < info->warnings->len; i++)
    {
      const char *w = g_ptr_array_index (info->warnings, i);

      if (strstr (w, location) != NULL && strstr (w, text) != NULL)
        return;
    }
  for (guint i = 0; i < info->warnings->len; i++)
    g_test_message ("warning: %s", (const char *) g_ptr_array_index (info->warnings, i));
  g_error ("no warning with “%s” and “%s”", location, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

void
assert_same_entries (GPtrArray *a,
                     GPtrArray *b)
{
  g_autoptr(GPtrArray) ha = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hb = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_ptr_array_add (ha, clr_entry_content_hash (g_ptr_array_index (a, i)));
      g_ptr_array_add (hb, clr_entry_content_hash (g_ptr_array_index (b, i)));
    }
  g_ptr_array_sort (ha, compare_strings);
  g_ptr_array_sort (hb, compare_strings);
  for (guint i = 0; i < ha->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ha, i), ==, g_ptr_array_index (hb, i));
}

char *
sha256_of_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

void
assert_sha256_of_file (const char *sha256,
                       const char *path)
{
  g_autofree char *want = sha256_of_file (path);

  g_assert_cmpstr (sha256, ==, want);
}

