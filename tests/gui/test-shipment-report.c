/* test-shipment-report.c — the evidence report: PDF, text and JSON pack
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "clr-report.h"
#include "clr-test.h"
#include "clr-verdict.h"
#include "clr-verdict-style.h"

static const char *shipment_json =
  "{\"reference\": \"PO-H100-7\", \"date\": \"2025-06-01\", \"destination\": \"CN\","
  " \"exported_from\": \"US\","
  " \"items\": [{\"description\": \"NVIDIA H100 SXM5 80GB\", \"eccn\": \"3A090.a\","
  "   \"quantity\": 8, \"unit_value\": 30000, \"currency\": \"USD\", \"tpp\": 15832,"
  "   \"datacenter\": true, \"manufacturer_headquarters\": \"US\"}],"
  " \"parties\": [{\"role\": \"end_user\", \"name\": \"Shanghai Cloud Compute Co., Ltd.\","
  "   \"country\": \"CN\", \"headquarters_country\": \"CN\","
  "   \"ultimate_parent\": {\"name\": \"SCC Holdings\", \"headquarters_country\": \"CN\","
  "                         \"ownership_percent\": 100}}],"
  " \"end_use\": {\"description\": \"LLM training cluster\", \"categories\": [\"datacenter\"]}}";

static const char *result_json =
  "{\"verdict\": \"review\", \"as_of\": \"2025-06-01\", \"posture\": \"enforcement\","
  " \"findings\": ["
  "  {\"rule\": \"rf-missing\", \"outcome\": \"review\", \"citation\": \"15 CFR 732\","
  "   \"title\": \"Missing fact\", \"explanation\": \"Ask for the memory bandwidth.\","
  "   \"items\": [0], \"parties\": []},"
  "  {\"rule\": \"ai-3a090-cn\", \"outcome\": \"license_required\","
  "   \"citation\": \"15 CFR 742.6(a)(6)(iii)\", \"title\": \"Advanced computing items to China\","
  "   \"explanation\": \"3A090.a items to D:5 need a license.\","
  "   \"license_policy\": \"presumption of denial\", \"items\": [0], \"parties\": [0]}],"
  " \"notes\": [\"Item 0: 3A090 stated; the paragraph was derived from the item's facts (TPP 15832): 3A090.a\"],"
  " \"license_exceptions\": [{\"code\": \"NAC\", \"citation\": \"15 CFR 740.8\","
  "   \"conditions\": [\"Notify BIS 25 days before\"]}],"
  " \"screening\": [{\"party\": 0, \"hits\": [{\"score\": 0.91, \"list\": \"EL\","
  "   \"name\": \"Shanghai Cloud Compute\", \"entry_id\": \"e-42\"}]}],"
  " \"data\": {\"rule_pack\": {\"id\": \"ear\", \"version\": \"2026.11.28\", \"sha256\": \"abc123\"},"
  "          \"lists\": [{\"source\": \"csl\", \"version\": \"2025-06-25\", \"sha256\": \"def456\"}]}}";

static ClrReport *
make_report (void)
{
  g_autoptr(JsonNode) shipment = clr_test_parse (shipment_json);
  g_autoptr(JsonNode) result = clr_test_parse (result_json);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 28, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  ClrReport *report = clr_report_new (shipment, result, "Mei Chen", when, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_text (void)
{
  g_autoptr(ClrReport) report = make_report ();
  g_autofree char *text = clr_report_to_text (report);
  const char *strong, *weak;

  /* What an auditor needs: verdict with date and posture, inputs, citations, hits,
   * data versions and hashes, who and when. */
  g_assert_nonnull (strstr (text, "Needs review — as of 2025-06-01, enforcement posture"));
  g_assert_nonnull (strstr (text, "PO-H100-7"));
  g_assert_nonnull (strstr (text, "Mei Chen"));
  g_assert_nonnull (strstr (text, "2026-11-28 12:00:00 UTC"));
  g_assert_nonnull (strstr (text, "NVIDIA H100 SXM5 80GB"));
  g_assert_nonnull (strstr (text, "Total processing performance (TPP): 15832"));
  g_assert_nonnull (strstr (text, "Shanghai Cloud Compute Co., Ltd. (End user)"));
  g_assert_nonnull (strstr (text, "Ownership: 100 %"));
  g_assert_nonnull (strstr (text, "Citation: 15 CFR 742.6(a)(6)(iii)"));
  g_assert_nonnull (strstr (text, "License review policy: presumption of denial"));
  g_assert_nonnull (strstr (text, "☐ Notify BIS 25 days before"));
  /* the score as the app shows it (percent), the list's own entry number */
  g_assert_nonnull (strstr (text, "Score 91 % — EL — Shanghai Cloud Compute (entry e-42)"));
  g_assert_nonnull (strstr (text, "Rule pack ear, version 2026.11.28"));
  g_assert_nonnull (strstr (text, "def456"));
  g_assert_nonnull (strstr (text, clr_report_get_shipment_sha256 (report)));
  g_assert_nonnull (strstr (text, "Items: #1 NVIDIA H100 SXM5 80GB"));
  /* how the facts were read: the derived paragraph; the manufacturer's headquarters (GP10) */
  g_assert_nonnull (strstr (text, "Item 0: 3A090 stated; the paragraph was derived from the item's facts (TPP 15832): 3A090.a"));
  g_assert_nonnull (strstr (text, "Manufacturer headquarters: US"));

  /* Findings strongest first: the license requirement before the review finding. */
  strong = strstr (text, "Advanced computing items to China — License required");
  weak = strstr (text, "Missing fact — Needs review");
  g_assert_nonnull (strong);
  g_assert_nonnull (weak);
  g_assert_true (strong < weak);
}

static char *
write_pdf (ClrReport  *report,
           char      **dir)
{
  g_autoptr(GError) error = NULL;
  char *path;

  *dir = g_dir_make_tmp ("clr-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "report.pdf", NULL);
  g_assert_true (clr_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_pdf (char *dir,
            char *path)
{
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_free (path);
  g_free (dir);
}

static void
test_pdf (void)
{
  g_autoptr(ClrReport) report = make_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint pages = 0;
  char *dir = NULL;
  char *path = write_pdf (report, &dir);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (memcmp (contents + length - 6, "%%EOF\n", 6) == 0);
  /* Page objects, not the /Pages tree node. */
  for (gsize i = 0; i + 12 < length; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      pages++;
  g_assert_cmpuint (pages, >=, 1);
  remove_pdf (dir, path);
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(ClrReport) report = make_report ();
  g_autoptr(GError) error = NULL;

  g_assert_false (clr_report_write_pdf (report, "/nonexistent-dir/x/report.pdf", &error));
  clr_test_assert_error (&error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_IO, "/nonexistent-dir/x/report.pdf");
  g_assert_false (g_file_test ("/nonexistent-dir/x/report.pdf", G_FILE_TEST_EXISTS));
}

static void
test_pagination (void)
{
  g_autoptr(JsonNode) shipment = clr_test_parse (shipment_json);
  g_autoptr(JsonNode) result = clr_test_parse (result_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReport) small = NULL;
  g_autoptr(ClrReport) large = NULL;
  JsonArray *items = json_object_get_array_member (json_node_get_object (shipment), "items");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  guint n_small, n_large;

  small = clr_report_new (shipment, result, "A", NULL, &error);
  g_assert_no_error (error);
  n_small = clr_report_paginate (small, cr, 595, 842);

  /* Eighty items cannot fit on the pages one item needs. */
  for (guint i = 0; i < 80; i++)
    json_array_add_element (items, json_node_copy (json_array_get_element (items, 0)));
  large = clr_report_new (shipment, result, "A", NULL, &error);
  g_assert_no_error (error);
  n_large = clr_report_paginate (large, cr, 595, 842);
  g_assert_cmpuint (n_small, >=, 1);
  g_assert_cmpuint (n_large, >, n_small + 3);
  for (guint i = 0; i < n_large; i++)
    clr_report_draw_page (large, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_evidence_pack (void)
{
  g_autoptr(ClrReport) report = make_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clr-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "evidence.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) original = clr_test_parse (shipment_json);
  g_autofree char *original_text = json_to_string (original, FALSE);
  g_autofree char *expected_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, original_text, -1);
  JsonObject *pack;

  g_assert_true (clr_report_write_evidence_pack (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  pack = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (pack, "format"), ==, "clearance-evidence");
  g_assert_cmpstr (json_object_get_string_member (pack, "generated_by"), ==, "Mei Chen");
  g_assert_cmpstr (json_object_get_string_member (pack, "generated_at"), ==, "2026-11-28T12:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (pack, "shipment_sha256"), ==, expected_hash);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pack, "result"),
                                                  "verdict"), ==, "review");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pack, "shipment"),
                                                  "reference"), ==, "PO-H100-7");
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_invalid (void)
{
  g_autoptr(JsonNode) shipment = clr_test_parse (shipment_json);
  g_autoptr(JsonNode) no_verdict = clr_test_parse ("{\"as_of\": \"2025-06-01\"}");
  g_autoptr(JsonNode) array = clr_test_parse ("[1, 2]");
  g_autoptr(GError) error = NULL;
  ClrReport *report;

  report = clr_report_new (shipment, no_verdict, NULL, NULL, &error);
  g_assert_null (report);
  clr_test_assert_error (&error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_INVALID, "verdict");

  report = clr_report_new (array, no_verdict, NULL, NULL, &error);
  g_assert_null (report);
  clr_test_assert_error (&error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_INVALID, "shipment");
}

static void
test_verdict_words (void)
{
  g_assert_cmpstr (clr_verdict_get_label (clr_verdict_from_string ("prohibited")), ==, "Prohibited");
  g_assert_cmpstr (clr_verdict_get_style (clr_verdict_from_string ("prohibited")), ==, "error");
  g_assert_cmpstr (clr_verdict_get_label (clr_verdict_from_string ("license_required")), ==, "License required");
  g_assert_cmpstr (clr_verdict_get_style (clr_verdict_from_string ("license_required")), ==, "warning");
  g_assert_cmpstr (clr_verdict_get_label (clr_verdict_from_string ("review")), ==, "Needs review");
  g_assert_cmpstr (clr_verdict_get_style (clr_verdict_from_string ("review")), ==, "accent");
  g_assert_cmpstr (clr_verdict_get_label (clr_verdict_from_string ("license_exception")), ==, "License exception");
  g_assert_cmpstr (clr_verdict_get_style (clr_verdict_from_string ("clear")), ==, "success");
  g_assert_cmpint (clr_verdict_from_string ("bogus"), ==, CLR_VERDICT_UNKNOWN);
  g_assert_cmpint (clr_verdict_rank ("prohibited"), >, clr_verdict_rank ("license_required"));
  g_assert_cmpint (clr_verdict_rank ("license_required"), >, clr_verdict_rank ("review"));
  g_assert_cmpint (clr_verdict_rank ("review"), >, clr_verdict_rank ("license_exception"));
  g_assert_cmpint (clr_verdict_rank ("license_exception"), >, clr_verdict_rank ("clear"));
}

/* Open potential matches: the banner, the finding and the evidence pack say
 * the shipment is on hold, with the count (plural-aware). */
static const char *on_hold_result_json =
  "{\"verdict\": \"review\", \"on_hold\": true, \"open_matches\": 2, \"as_of\": \"2025-06-01\","
  " \"posture\": \"enforcement\","
  " \"findings\": [{\"rule\": \"screening-lists\", \"outcome\": \"review\", \"on_hold\": true,"
  "   \"citation\": \"15 CFR 736.2(b)(4); 764.3(a)(2)\", \"title\": \"Potential Denied Persons List match\","
  "   \"explanation\": \"potential Denied Persons match — if confirmed, prohibited\", \"list\": \"DPL\","
  "   \"items\": [], \"parties\": [0]}],"
  " \"license_exceptions\": [], \"screening\": [],"
  " \"data\": {\"rule_pack\": {\"id\": \"ear\", \"version\": \"2026.11.28\", \"sha256\": \"abc123\"}, \"lists\": []}}";

static void
test_on_hold (void)
{
  g_autoptr(JsonNode) shipment = clr_test_parse (shipment_json);
  g_autoptr(JsonNode) result = clr_test_parse (on_hold_result_json);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 28, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReport) report = clr_report_new (shipment, result, "Mei Chen", when, &error);
  g_autoptr(JsonNode) pack = NULL;
  g_autofree char *text = NULL;
  g_autofree char *one = NULL;

  g_assert_no_error (error);
  text = clr_report_to_text (report);
  g_assert_nonnull (strstr (text, "Needs review · on hold until 2 potential matches are decided — as of 2025-06-01"));
  g_assert_nonnull (strstr (text, "Potential Denied Persons List match — Needs review, on hold until a reviewer decides the match"));
  pack = clr_report_build_evidence_pack (report);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (pack), "on_hold"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (pack), "open_matches"), ==, 2);

  one = clr_verdict_dup_banner_label (CLR_VERDICT_REVIEW, 1);
  g_assert_cmpstr (one, ==, "Needs review · on hold until 1 potential match is decided");
  {
    g_autofree char *none = clr_verdict_dup_banner_label (CLR_VERDICT_PROHIBITED, 0);

    g_assert_cmpstr (none, ==, "Prohibited");
  }
  /* a result of before this change has no on_hold: not on hold */
  {
    g_autoptr(JsonNode) old = clr_test_parse (result_json);
    g_autoptr(ClrReport) old_report = clr_report_new (shipment, old, "Mei Chen", when, &error);
    g_autoptr(JsonNode) old_pack = clr_report_build_evidence_pack (old_report);

    g_assert_cmpuint (clr_verdict_open_matches (json_node_get_object (old)), ==, 0);
    g_assert_false (json_object_get_boolean_member (json_node_get_object (old_pack), "on_hold"));
  }
}

/* The text of each page of @path, by pdftotext; NULL (test skipped) without it. */
static GPtrArray *
pdf_pages_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  if (pdftotext == NULL)
    {
      g_ptr_array_unref (texts);
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (out, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    if (pages[i + 1] != NULL)
      g_ptr_array_add (texts, g_strdup (pages[i]));
  return texts;
}

/* A report on an outdated result says so, with the cause, on every page. */
static void
test_stale_every_page (void)
{
  g_autoptr(JsonNode) shipment = clr_test_parse (shipment_json);
  g_autoptr(JsonNode) result = clr_test_parse (result_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReport) report = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  JsonArray *items = json_object_get_array_member (json_node_get_object (shipment), "items");
  g_autofree char *text = NULL;
  char *dir = NULL;
  char *path;

  for (guint i = 0; i < 40; i++)
    json_array_add_element (items, json_node_copy (json_array_get_element (items, 0)));
  report = clr_report_new (shipment, result, "Mei Chen", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (clr_report_get_stale (report));
  clr_report_set_stale (report, "A review decision changed a hit of this case");
  g_assert_cmpstr (clr_report_get_stale (report), ==, "A review decision changed a hit of this case");
  text = clr_report_to_text (report);
  g_assert_true (g_str_has_prefix (text, "STALE — A review decision changed a hit of this case"));

  path = write_pdf (report, &dir);
  pages = pdf_pages_text (path);
  if (pages != NULL)
    {
      g_assert_cmpuint (pages->len, >=, 3);
      for (guint i = 0; i < pages->len; i++)
        {
          g_autofree char *flat = g_strdelimit (g_strdup (g_ptr_array_index (pages, i)), "\n", ' ');

          g_assert_nonnull (strstr (flat, "STALE"));
          g_assert_nonnull (strstr (flat, "A review decision changed a hit of this case"));
        }
    }
  remove_pdf (dir, path);

  /* Not stale: no STALE anywhere. */
  clr_report_set_stale (report, NULL);
  path = write_pdf (report, &dir);
  g_clear_pointer (&pages, g_ptr_array_unref);
  pages = pdf_pages_text (path);
  for (guint i = 0; pages != NULL && i < pages->len; i++)
    g_assert_null (strstr (g_ptr_array_index (pages, i), "STALE"));
  remove_pdf (dir, path);
}

static gboolean
pdf_has_media_box (const char *path,
                   const char *box)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* The PDF holds binary streams: search past their NUL bytes. */
  for (gsize i = 0; i + strlen (box) <= length; i++)
    if (memcmp (contents + i, box, strlen (box)) == 0)
      return TRUE;
  return FALSE;
}

/* The locale's paper: US Letter in the United States and Canada, A4 elsewhere. */
static void
test_paper (void)
{
  g_autoptr(ClrReport) report = make_report ();
  ClrReportPaper paper = CLR_REPORT_PAPER_A4;
  char *dir = NULL;
  char *path;

  g_assert_cmpint (clr_report_paper_for_locale ("en_US.UTF-8"), ==, CLR_REPORT_PAPER_LETTER);
  g_assert_cmpint (clr_report_paper_for_locale ("en_CA"), ==, CLR_REPORT_PAPER_LETTER);
  g_assert_cmpint (clr_report_paper_for_locale ("de_DE.UTF-8"), ==, CLR_REPORT_PAPER_A4);
  g_assert_cmpint (clr_report_paper_for_locale ("en_GB.UTF-8@euro"), ==, CLR_REPORT_PAPER_A4);
  g_assert_cmpint (clr_report_paper_for_locale ("zh_CN.UTF-8"), ==, CLR_REPORT_PAPER_A4);
  g_assert_cmpint (clr_report_paper_for_locale ("C"), ==, CLR_REPORT_PAPER_A4);
  g_assert_true (clr_report_paper_from_name ("Letter", &paper));
  g_assert_cmpint (paper, ==, CLR_REPORT_PAPER_LETTER);
  g_assert_true (clr_report_paper_from_name ("a4", &paper));
  g_assert_cmpint (paper, ==, CLR_REPORT_PAPER_A4);
  g_assert_false (clr_report_paper_from_name ("legal", &paper));

  /* The PDF's pages are that size. */
  g_assert_cmpint (clr_report_get_paper (report), ==, CLR_REPORT_PAPER_A4);
  path = write_pdf (report, &dir);
  g_assert_true (pdf_has_media_box (path, "/MediaBox [ 0 0 595.276 841.89 ]"));
  remove_pdf (dir, path);
  clr_report_set_paper (report, clr_report_paper_for_locale ("en_US.UTF-8"));
  path = write_pdf (report, &dir);
  g_assert_true (pdf_has_media_box (path, "/MediaBox [ 0 0 612 792 ]"));
  remove_pdf (dir, path);
}

/* A signature block on the last page; country names beside codes; no internal keys. */
static void
test_sign_off_and_names (void)
{
  g_autoptr(JsonNode) shipment = clr_test_parse (shipment_json);
  g_autoptr(JsonNode) result = clr_test_parse (
    "{\"verdict\": \"review\", \"as_of\": \"2025-06-01\", \"posture\": \"enforcement\","
    " \"screening\": [{\"party\": 0, \"hits\": [{\"score\": 0.876, \"list\": \"EL\","
    "   \"name\": \"Shanghai Cloud Compute\", \"entry_id\": \"EL:name:shanghai cloud compute\"}]}]}");
  g_autoptr(JsonNode) countries = clr_test_parse (
    "[{\"code\": \"CN\", \"name\": \"China\"}, {\"code\": \"US\", \"name\": \"United States\"}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReport) report = clr_report_new (shipment, result, "Mei Chen", NULL, &error);
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;
  char *dir = NULL;
  char *path;

  g_assert_no_error (error);
  clr_report_set_countries (report, countries);
  text = clr_report_to_text (report);
  g_assert_nonnull (strstr (text, "Destination: China (CN)"));
  g_assert_nonnull (strstr (text, "Exported from: United States (US)"));
  g_assert_nonnull (strstr (text, "Country: China (CN)"));
  g_assert_nonnull (strstr (text, "Score 88 % — EL — Shanghai Cloud Compute\n"));
  g_assert_null (strstr (text, "EL:"));
  g_assert_nonnull (strstr (text, "Prepared by: ____"));
  g_assert_nonnull (strstr (text, "Reviewed by: ____"));
  g_assert_nonnull (strstr (text, "Date: ____"));

  path = write_pdf (report, &dir);
  pages = pdf_pages_text (path);
  if (pages != NULL)
    {
      const char *last = g_ptr_array_index (pages, pages->len - 1);

      g_assert_nonnull (strstr (last, "Prepared by"));
      g_assert_nonnull (strstr (last, "Reviewed by"));
      g_assert_nonnull (strstr (last, "Date:"));
      for (guint i = 0; i < pages->len; i++)
        g_assert_null (strstr (g_ptr_array_index (pages, i), "EL:"));
    }
  remove_pdf (dir, path);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shipment/report/text", test_text);
  g_test_add_func ("/shipment/report/pdf", test_pdf);
  g_test_add_func ("/shipment/report/pdf-unwritable", test_pdf_unwritable);
  g_test_add_func ("/shipment/report/pagination", test_pagination);
  g_test_add_func ("/shipment/report/evidence-pack", test_evidence_pack);
  g_test_add_func ("/shipment/report/invalid", test_invalid);
  g_test_add_func ("/shipment/report/verdict-words", test_verdict_words);
  g_test_add_func ("/shipment/report/on-hold", test_on_hold);
  g_test_add_func ("/shipment/report/stale-every-page", test_stale_every_page);
  g_test_add_func ("/shipment/report/paper", test_paper);
  g_test_add_func ("/shipment/report/sign-off-and-names", test_sign_off_and_names);

  return g_test_run ();
}
