/* fuzz-importer.c — libFuzzer harness for one list format
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per format (FUZZ_FORMAT, FUZZ_NAME) with -Dfuzzing=true and
 * clang. Every input must either import or fail with a CLR_ENGINE_ERROR
 * whose message names the file; anything else aborts.
 *
 * FUZZ_SET=1 (OFAC CSV set): the input is split at "====\n" into sdn.csv,
 * add.csv, alt.csv and sdn_comments.csv written to a private folder, so the
 * sibling merge is fuzzed too. FUZZ_FILE=1 (DPL): the input is also run from
 * a file, which takes the two-pass path.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-importer.h"

#ifndef FUZZ_SET
#define FUZZ_SET 0
#endif
#ifndef FUZZ_FILE
#define FUZZ_FILE 0
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
check_entry (ClrEntry  *entry,
             gpointer   user_data,
             GError   **error)
{
  guint64 *count = user_data;

  g_assert (entry->name != NULL && *entry->name != '\0');
  g_assert (g_utf8_validate (entry->name, -1, NULL));
  g_assert (strlen (entry->name) <= 4096);
  for (guint i = 0; i < entry->aliases->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (entry->aliases, i), -1, NULL));
  for (guint i = 0; i < entry->addresses->len; i++)
    {
      const ClrAddress *a = g_ptr_array_index (entry->addresses, i);
      g_assert (g_utf8_validate (a->text, -1, NULL));
      g_assert (a->country == NULL || strlen (a->country) == 2);
    }
  (*count)++;
  return TRUE;
}

static void
check_result (gboolean       ok,
              GError        *error,
              ClrImportInfo *info,
              guint64        count,
              const char    *name)
{
  if (ok)
    {
      g_assert (error == NULL);
      g_assert (info->records == count);
      g_assert (info->records > 0);
      g_assert (info->sha256 != NULL && strlen (info->sha256) == 64);
    }
  else
    {
      g_assert (error != NULL);
      g_assert (error->domain == CLR_ENGINE_ERROR);
      g_assert (error->code == CLR_ENGINE_ERROR_PARSE || error->code == CLR_ENGINE_ERROR_UNSUPPORTED);
      g_assert (g_str_has_prefix (error->message, name));
    }
}

static const char *
private_dir (void)
{
  static char *dir = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("clearance-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);
  return dir;
}

static void
run_file (const char    *path,
          const char    *named,
          ClrListFormat  format)
{
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GError) error = NULL;
  guint64 count = 0;
  gboolean ok;

  ok = clr_importer_run (path, format, check_entry, &count, NULL, NULL, info, NULL, &error);
  check_result (ok, error, info, count, named);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (FUZZ_SET)
    {
      static const char *const names[] = { "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv" };
      const char *p = (const char *) data;
      const char *end = p + size;
      g_autofree char *main_path = g_build_filename (private_dir (), names[0], NULL);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (private_dir (), names[i], NULL);
          const char *sep = p ? g_strstr_len (p, end - p, "====\n") : NULL;
          const char *part_end = sep ? sep : end;

          if (p != NULL)
            g_assert (g_file_set_contents (path, p, part_end - p, NULL));
          else
            g_unlink (path);
          p = sep ? sep + 5 : NULL;
        }
      /* Errors may name any file of the set. */
      run_file (main_path, private_dir (), FUZZ_FORMAT);
      return 0;
    }

  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
    g_autoptr(ClrImportInfo) info = clr_import_info_new ();
    g_autoptr(GError) error = NULL;
    guint64 count = 0;
    gboolean ok;

    ok = clr_importer_run_stream (stream, FUZZ_NAME, FUZZ_FORMAT, check_entry, &count, info,
                                  NULL, &error);
    check_result (ok, error, info, count, FUZZ_NAME);
  }

  if (FUZZ_FILE)
    {
      g_autofree char *path = g_build_filename (private_dir (), FUZZ_NAME, NULL);

      g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
      run_file (path, path, FUZZ_FORMAT);
    }

  return 0;
}
