/* bench-importers.c — parse speed and memory of the list parsers on the real
 * files in $CLEARANCE_SHARED_DATA (meson suite "bench", not run by default):
 *
 *   meson test -C BUILD --benchmark --suite bench bench-importers -v
 *
 * For each file: median wall time of 5 parses, records/s, MB/s; then the peak
 * RSS growth while parsing the 2022 CSL once and a 10× larger copy of it, to
 * show that memory does not grow with the file.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clr-importer.h"
#include "test-importers-util.h"

#define RUNS 5

static gboolean
discard (ClrEntry  *entry,
         gpointer   user_data,
         GError   **error)
{
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

/* Peak resident set size of this process (VmHWM, per address space, so it
 * starts afresh in an exec'd child), in KiB. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* Runs this program again as "--parse-rss PATH": a fresh process that only
 * parses @path and prints its peak RSS and record count. */
static long
child_peak_rss_kib (const char *path,
                    guint64    *records)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  long rss = -1;
  unsigned long long count = 0;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "/proc/self/exe", "--parse-rss", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (child) && g_subprocess_get_exit_status (child) == 0);
  g_assert_cmpint (sscanf (out, "%ld %llu", &rss, &count), ==, 2);
  *records = count;
  return rss;
}

static int
parse_rss_main (const char *path)
{
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();

  if (!clr_importer_run (path, CLR_LIST_FORMAT_AUTO, discard, NULL, NULL, NULL, info, NULL, NULL))
    return 1;
  printf ("%ld %" G_GUINT64_FORMAT "\n", peak_rss_kib (), info->records);
  return 0;
}

static void
bench_file (const char    *label,
            const char    *path,
            ClrListFormat  format)
{
  double times[RUNS];
  double cpu[RUNS];
  guint64 records = 0;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(ClrImportInfo) info = clr_import_info_new ();
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      g_assert_true (clr_importer_run (path, format, discard, NULL, NULL, NULL, info, NULL, &error));
      g_assert_no_error (error);
      times[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = cpu_ms () - cpu_start;
      records = info->records;
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  qsort (cpu, RUNS, sizeof cpu[0], compare_doubles);
  /* CPU time is what the parser costs; wall time also shows a busy machine. */
  printf ("# %-30s cpu %7.1f ms  wall %7.1f ms  %6" G_GUINT64_FORMAT " records  %5.1f MB/s (cpu)\n",
          label, cpu[RUNS / 2], times[RUNS / 2], records,
          (double) st.st_size / 1e6 / (cpu[RUNS / 2] / 1000.0));
}

/* Writes the CSL @path again with every record repeated @copies times under
 * a different _id. */
static char *
make_bigger_csl (const char *path,
                 const char *dir,
                 guint       copies)
{
  g_autofree char *data = NULL;
  g_autofree char *big = g_build_filename (dir, "consolidated-x10.csv", NULL);
  g_autoptr(GRegex) regex = NULL;
  FILE *out;
  char *body;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  body = strchr (data, '\n') + 1;
  out = fopen (big, "w");
  g_assert_nonnull (out);
  fwrite (data, 1, (gsize) (body - data), out);
  /* A line starts a record when it begins with the _id and a list name;
   * lines inside quoted fields never do. */
  regex = g_regex_new ("^[0-9a-f]+,[A-Z][A-Za-z -]+\\([A-Z-]+( List)?\\) - ", G_REGEX_OPTIMIZE, 0, NULL);
  g_assert_nonnull (regex);
  for (guint c = 0; c < copies; c++)
    {
      const char *p = body;

      while (*p)
        {
          const char *nl = strchr (p, '\n');
          gsize n = nl ? (gsize) (nl - p + 1) : strlen (p);
          g_autofree char *line = g_strndup (p, MIN (n, 200));

          if (g_regex_match (regex, line, 0, NULL))
            fprintf (out, "c%u", c);
          fwrite (p, 1, n, out);
          p += n;
        }
    }
  fclose (out);
  return g_steal_pointer (&big);
}

static void
bench_memory (const char *path,
              const char *dir)
{
  g_autofree char *big = make_bigger_csl (path, dir, 10);
  const char *files[] = { path, big };
  GStatBuf st;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      guint64 records = 0;
      long rss = child_peak_rss_kib (files[i], &records);

      g_assert_cmpint (g_stat (files[i], &st), ==, 0);
      printf ("# peak RSS of a process parsing %5.1f MB of CSL (%" G_GUINT64_FORMAT " records): %ld KiB\n",
              (double) st.st_size / 1e6, records, rss);
    }
}

static void
bench (void)
{
  g_autofree char *dir = clr_test_tmpdir ("clearance-importers");
  g_autofree char *csl = clr_test_shared_file ("csl/2022-05-16/consolidated.csv.gz", dir, "consolidated.csv");
  g_autofree char *compact = NULL;
  g_autofree char *sdn = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *dpl = NULL;

  if (csl == NULL)
    {
      clr_test_rmtree (dir);
      return;
    }

  bench_file ("CSL 2022 CSV (5.8 MB)", csl, CLR_LIST_FORMAT_CSL_CSV);
  compact = clr_test_shared_file ("csl/2026-07-31_compact/consolidated-rebuilt.csv.xz", dir, "compact.csv");
  if (compact != NULL)
    bench_file ("CSL 2026 compact CSV (6.3 MB)", compact, CLR_LIST_FORMAT_CSL_CSV);
  sdn = clr_test_shared_file ("ofac/sdn/2024-05-03/sdn.csv.xz", dir, "sdn.csv");
  if (sdn != NULL)
    bench_file ("OFAC SDN 2024 CSV (3.9 MB)", sdn, CLR_LIST_FORMAT_OFAC_CSV);
  xml = clr_test_shared_file ("ofac/non_sdn/2018-04-06/consolidated.xml.xz", dir, "consolidated.xml");
  if (xml != NULL)
    bench_file ("OFAC cons. XML 2018 (1.1 MB)", xml, CLR_LIST_FORMAT_OFAC_XML);
  dpl = clr_test_shared_file ("bis/dpl/2023-11-30/dpl.txt", NULL, NULL);
  if (dpl != NULL)
    bench_file ("BIS DPL 2023 (0.2 MB)", dpl, CLR_LIST_FORMAT_BIS_DPL);

  bench_memory (csl, dir);
  clr_test_rmtree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--parse-rss") == 0)
    return parse_rss_main (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/importers/bench", bench);
  return g_test_run ();
}
