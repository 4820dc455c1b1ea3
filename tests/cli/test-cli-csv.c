/* test-cli-csv.c — CSV output cannot attack the spreadsheet that opens it
 * (issue 16 §5): a text cell starting with = + - @ tab or CR gets a leading
 * single quote (OWASP), in `screen --batch --csv` (a formula in a list name
 * and in a query id) and in `audit export --format csv` (a reviewer name);
 * the numbers Clearance writes itself (scores, ids) are left as they are.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-cli-test.h"

#define HEADER \
  "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date," \
  "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage," \
  "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships," \
  "dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n"
#define ROW(id, name) \
  id ",Entity List (EL) - Bureau of Industry and Security,,,," name ",,\"Shenzhen, CN\",84 FR 22961," \
  "2019-05-21,,,For all items subject to the EAR.,Presumption of denial.,,,,,,,,,,,,,,,\n"

static const char list_csv[] =
  HEADER
  ROW ("00000000000000000000000000000000000e9001", "\"=Huawei Technologies Co Ltd\"")
  ROW ("00000000000000000000000000000000000e9002", "\"-Shenzhen Kiwi Instruments\"")
  ROW ("00000000000000000000000000000000000e9003", "\"Hikvision Digital Technology\"");

typedef ClrCliTest Fixture;

/* The line of @out that starts with @prefix. */
static char *
line_starting (const char *out,
               const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  g_error ("no line starting with %s in:\n%s", prefix, out);
  return NULL;
}

static void
test_screen_batch (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *queries = clr_cli_test_write (f->dir, "queries.csv",
                                                 "id,name,country\n"
                                                 "=1+1,Huawei Technologies Co Ltd,CN\n"
                                                 "-2,\"@Kiwi Instruments Shenzhen\",CN\n"
                                                 "q3,Hikvision Digital Technology,CN\n");
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->db, "screen", "--batch", queries, "--csv", NULL);
  g_autofree char *huawei = NULL;
  g_autofree char *kiwi = NULL;
  g_autofree char *hik = NULL;

  g_assert_cmpint (run->exit_code, ==, 0);
  huawei = line_starting (run->out, "\"'=1+1\",");
  kiwi = line_starting (run->out, "\"'-2\",");
  hik = line_starting (run->out, "q3,");
  /* A formula in the query id and in the list's name is shown as text... */
  g_assert_nonnull (strstr (huawei, ",Huawei Technologies Co Ltd,CN,"));
  g_assert_nonnull (strstr (huawei, ",\"'=Huawei Technologies Co Ltd\","));
  g_assert_nonnull (strstr (kiwi, "\"'@Kiwi Instruments Shenzhen\""));
  g_assert_nonnull (strstr (kiwi, ",\"'-Shenzhen Kiwi Instruments\","));
  /* Cells that start harmlessly are written as before. */
  g_assert_true (g_str_has_prefix (hik, "q3,Hikvision Digital Technology,CN,"));
  /* ...and no cell anywhere starts with a formula character. */
  g_assert_null (strstr (run->out, ",="));
  g_assert_null (strstr (run->out, ",-"));
  g_assert_null (strstr (run->out, ",@"));
  g_assert_null (strstr (run->out, "\n="));
  /* The score is a number we write: untouched. */
  g_assert_nonnull (strstr (huawei, ",CN,1.000,EL,"));
}

static void
test_audit_export (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *shipment = clr_cli_test_write (f->dir, "po.json",
                                                  "{\"date\": \"2025-10-01\", \"destination\": \"CN\", "
                                                  "\"items\": [{\"eccn\": \"EAR99\"}], \"parties\": [{\"role\": "
                                                  "\"end_user\", \"name\": \"Huawei Technologies Co Ltd\", "
                                                  "\"country\": \"CN\"}]}\n");
  g_autoptr(ClrCliRun) save = clr_cli_run_va ("--db", f->db, "evaluate", "--save", shipment, NULL);
  g_autoptr(ClrCliRun) decide = NULL;
  g_autoptr(ClrCliRun) csv = NULL;
  g_autoptr(ClrCliRun) json = NULL;
  g_autofree char *decided = NULL;

  g_assert_cmpint (save->exit_code, ==, 0);
  decide = clr_cli_run_va ("--db", f->db, "review", "decide", "1", "--no-match", "--reason", "different-entity",
                           "--reviewer", "=HYPERLINK(\"http://evil.example/\",\"click\")", NULL);
  g_assert_cmpint (decide->exit_code, ==, 0);

  csv = clr_cli_run_va ("--db", f->db, "audit", "export", "--format", "csv", NULL);
  g_assert_cmpint (csv->exit_code, ==, 0);
  decided = line_starting (csv->out, "3,");
  g_assert_nonnull (strstr (decided, ",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",review.decide,"));
  g_assert_null (strstr (csv->out, ",=HYPERLINK"));
  g_assert_null (strstr (csv->out, ",\"=HYPERLINK"));
  /* The id and the case id are numbers: not quoted, not prefixed. */
  g_assert_nonnull (strstr (decided, ",review.decide,review,1,1,"));

  /* JSON needs no such protection: the name is as given. */
  json = clr_cli_run_va ("--db", f->db, "audit", "export", "--format", "json", NULL);
  g_assert_nonnull (strstr (json->out, "\"=HYPERLINK(\\\"http://evil.example/\\\",\\\"click\\\")\""));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *list = NULL;

  clr_cli_test_set_up (f, data);
  list = clr_cli_test_write (f->dir, "formula-list.csv", list_csv);
  clr_cli_test_import (f->db, list);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/csv/screen-batch", test_screen_batch),
  CLR_TEST ("/cli/csv/audit-export", test_audit_export),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, clr_cli_test_tear_down)
