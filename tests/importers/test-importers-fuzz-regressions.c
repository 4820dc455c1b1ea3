/* test-importers-fuzz-regressions.c — every input that ever crashed a fuzz
 * harness (data/fuzz-regressions/<format>/), and every prefix of our
 * fixtures, goes through the parsers: each gives entries or a clean error
 * naming the file, never a crash
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-engine-error.h"
#include "clr-importer.h"
#include "test-importers-util.h"

static gboolean
check_entry (ClrEntry  *entry,
             gpointer   user_data,
             GError   **error)
{
  guint *count = user_data;

  g_assert_nonnull (entry->name);
  g_assert_true (g_utf8_validate (entry->name, -1, NULL));
  for (guint i = 0; i < entry->aliases->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (entry->aliases, i), -1, NULL));
  (*count)++;
  return TRUE;
}

/* Runs @data as @name through @format; returns TRUE when it imported. */
static gboolean
feed (const char    *data,
      gsize          len,
      const char    *name,
      ClrListFormat  format)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) len, NULL);
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gboolean ok;

  ok = clr_importer_run_stream (stream, name, format, check_entry, &count, info, NULL, &error);
  if (ok)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (info->records, ==, count);
      g_assert_nonnull (info->sha256);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLR_ENGINE_ERROR);
      g_assert_true (error->code == CLR_ENGINE_ERROR_PARSE ||
                     error->code == CLR_ENGINE_ERROR_UNSUPPORTED);
      /* The message names the file. */
      g_assert_true (g_str_has_prefix (error->message, name));
    }
  return ok;
}

static const struct { const char *dir; ClrListFormat format; const char *name; } formats[] = {
  { "csl-csv", CLR_LIST_FORMAT_CSL_CSV, "consolidated.csv" },
  { "csl-json", CLR_LIST_FORMAT_CSL_JSON, "consolidated.json" },
  { "ofac-csv", CLR_LIST_FORMAT_OFAC_CSV, "sdn.csv" },
  { "ofac-xml", CLR_LIST_FORMAT_OFAC_XML, "sdn.xml" },
  { "dpl", CLR_LIST_FORMAT_BIS_DPL, "dpl.txt" },
};

static void
test_regressions (void)
{
  guint fed = 0;

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *rel = g_build_filename ("fuzz-regressions", formats[f].dir, NULL);
      g_autofree char *dir = fixture (rel);
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *entry;

      if (d == NULL)
        continue;
      while ((entry = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, entry, NULL);
          g_autofree char *data = NULL;
          gsize len = 0;

          if (entry[0] == '.' || g_str_has_suffix (entry, ".md"))
            continue;
          g_assert_true (g_file_get_contents (path, &data, &len, NULL));
          g_test_message ("%s/%s", formats[f].dir, entry);
          /* As the format its harness forced, and as detected. */
          feed (data, len, formats[f].name, formats[f].format);
          feed (data, len, formats[f].name, CLR_LIST_FORMAT_AUTO);
          fed++;
        }
    }
  g_test_message ("%u regression inputs", fed);
}

/* Every prefix of every fixture (a file cut anywhere, as downloads are):
 * complete files import, cut ones import fewer records or fail cleanly. */
static void
test_prefixes (void)
{
  const struct { const char *file; guint f; } fixtures[] = {
    { "csl/consolidated.csv", 0 },
    { "csl/csl-2019.csv", 0 },
    { "csl/consolidated.json", 1 },
    { "ofac/sdn/sdn.csv", 2 },
    { "ofac/xml/sdn.xml", 3 },
    { "dpl/dpl.txt", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = fixture (fixtures[i].file);
      g_autofree char *data = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_true (feed (data, len, formats[fixtures[i].f].name, formats[fixtures[i].f].format));
      for (gsize cut = 0; cut < len; cut++)
        feed (data, cut, formats[fixtures[i].f].name, formats[fixtures[i].f].format);
    }
}

/* Every single-byte change of the CSL fixture to a quote, a separator, a
 * newline, NUL or 0xFF. */
static void
test_byte_flips (void)
{
  g_autofree char *path = fixture ("csl/consolidated.csv");
  g_autofree char *data = NULL;
  const char flips[] = { '"', ',', '\n', '\0', (char) 0xFF };
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (gsize pos = 0; pos < len; pos += 3)
    for (guint k = 0; k < G_N_ELEMENTS (flips); k++)
      {
        char saved = data[pos];

        data[pos] = flips[k];
        feed (data, len, "consolidated.csv", CLR_LIST_FORMAT_CSL_CSV);
        data[pos] = saved;
      }
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/importers/fuzz/regressions", test_regressions),
  CLR_TEST_FUNC ("/importers/fuzz/prefixes", test_prefixes),
  CLR_TEST_FUNC ("/importers/fuzz/byte-flips", test_byte_flips),
};

CLR_TEST_MAIN_FUNCS (tests)
