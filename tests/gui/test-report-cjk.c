/* test-report-cjk.c — Chinese names in the evidence report are set in a
 * Chinese (SC) face, not the Japanese forms of the same characters
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "clr-report.h"

/* A Beijing end user written in Chinese, a Hong Kong consignee in Latin letters. */
static const char *shipment_json =
  "{\"reference\": \"PO-H20-9\", \"date\": \"2026-07-01\", \"destination\": \"CN\","
  " \"exported_from\": \"US\","
  " \"items\": [{\"description\": \"NVIDIA H20\", \"eccn\": \"3A090.a\", \"quantity\": 8}],"
  " \"parties\": [{\"role\": \"end_user\", \"name\": \"北京示例人工智能科技有限公司\", \"country\": \"CN\"},"
  "               {\"role\": \"intermediate_consignee\", \"name\": \"Example Logistics (HK) Ltd\","
  "                \"country\": \"HK\"}]}";

static const char *result_json =
  "{\"verdict\": \"license_required\", \"as_of\": \"2026-07-01\", \"posture\": \"enforcement\","
  " \"findings\": [], \"screening\": []}";

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_pdf_embeds_sc_face (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = json_from_string (shipment_json, &error);
  g_autoptr(JsonNode) result = json_from_string (result_json, &error);
  g_autoptr(ClrReport) report = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *installed = NULL;
  const char *list_argv[] = { "fc-list", "Noto Sans CJK SC", "family", NULL };
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *fc_list = g_find_program_in_path ("fc-list");

  if (pdffonts == NULL || fc_list == NULL)
    {
      g_test_skip ("pdffonts (poppler-utils) or fc-list is not installed");
      return;
    }
  installed = run (list_argv);
  if (strstr (installed, "Noto Sans CJK SC") == NULL)
    {
      g_test_skip ("Noto Sans CJK SC (fonts-noto-cjk) is not installed");
      return;
    }

  g_assert_no_error (error);
  report = clr_report_new (shipment, result, "Mei Chen", NULL, &error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("clr-report-cjk-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "report.pdf", NULL);
  g_assert_true (clr_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdffonts", path, NULL };

    fonts = run (argv);
  }
  g_test_message ("pdffonts:\n%s", fonts);
  /* The Chinese name is set in the Simplified Chinese face (embedded, subset
   * "ABCDEF+NotoSansCJKsc-Regular"), and no Japanese face is used. */
  g_assert_nonnull (strstr (fonts, "NotoSansCJKsc"));
  g_assert_null (strstr (fonts, "NotoSansCJKjp"));
  g_assert_null (strstr (fonts, "CJK JP"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/cjk/pdf-embeds-sc-face", test_pdf_embeds_sc_face);

  return g_test_run ();
}
